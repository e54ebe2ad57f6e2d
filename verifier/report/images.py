"""Decide whether attachment bytes are really a PNG or JPEG image before a report embeds them.

The declared MIME type of an attachment comes from the file under analysis and is not trusted:
the type is taken from the bytes, the dimensions are read from the header (a small bounded
walker) and must be sane. Anything else is left out of the report with a note.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAX_BYTES = 8 * 1024 * 1024
MAX_SIDE = 8192
MAX_PIXELS = 24_000_000
MAX_EMBED_PIXELS = 4_200_000  # larger pictures are not thumbnails: a report leaves them out
_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_JPEG_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_MAX_SEGMENTS = 512


@dataclass(frozen=True, slots=True)
class ImageInfo:
    mime: str  # "image/png" or "image/jpeg", from the bytes
    width: int
    height: int


def identify(data: bytes) -> ImageInfo | None:
    """The image's real type and size, or None when it is not a well-formed PNG/JPEG header."""
    if not data or len(data) > MAX_BYTES:
        return None
    info = _png(data) if data.startswith(_PNG_SIG) else _jpeg(data) if data.startswith(b"\xff\xd8\xff") else None
    if info is None or not (0 < info.width <= MAX_SIDE and 0 < info.height <= MAX_SIDE):
        return None
    if info.width * info.height > MAX_PIXELS:
        return None
    return info


def _png(data: bytes) -> ImageInfo | None:
    # The first chunk must be IHDR (length 13); the file must end with an IEND chunk.
    if len(data) < 33 or data[12:16] != b"IHDR" or struct.unpack(">I", data[8:12])[0] != 13:
        return None
    if data[-8:-4] != b"IEND":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ImageInfo("image/png", width, height)


def _jpeg(data: bytes) -> ImageInfo | None:
    pos = 2
    for _ in range(_MAX_SEGMENTS):
        while pos < len(data) and data[pos] == 0xFF and pos + 1 < len(data) and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes
        if pos + 4 > len(data) or data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xD9 or marker == 0xDA:  # end of image / start of scan before any frame header
            return None
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            return None
        if marker in _JPEG_SOF:
            if pos + 9 > len(data) or length < 7:
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return ImageInfo("image/jpeg", width, height)
        pos += 2 + length
    return None


@dataclass(frozen=True, slots=True)
class Thumbnail:
    """A small picture of an analysed file for its report page (PNG or JPEG bytes), and the size of
    the picture it was made from (the boxes of found labels are in that picture's pixels)."""

    data: bytes
    source_width: int
    source_height: int
