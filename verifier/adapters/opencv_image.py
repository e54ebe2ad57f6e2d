"""Pixels from an input file, via OpenCV (``opencv-python-headless``), imported lazily.

Bytes are read through :func:`verifier.inputs.open_readonly` and decoded in memory with
``cv2.imdecode``: nothing is written anywhere. The pixel count is checked from the header
*before* decoding, so a decompression bomb costs a clear error, not the worker's memory.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from ..inputs import open_readonly

log = logging.getLogger(__name__)

MAX_PIXELS = 100_000_000  # 100 MP: larger than any camera or generator output we expect
MAX_BYTES = 512 * 1024 * 1024

# Still images and videos whose pixels the pixel checks (watermark, visible_label) read.
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp", "image/bmp", "image/tiff", "image/gif"})
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/x-matroska", "video/webm", "video/x-msvideo"})

# What OpenCV cannot decode: decoded through Pillow (+ pillow-heif) instead.
PILLOW_DECODED = frozenset({"image/heic", "image/heif", "image/avif"})


def has_pixels(media_type: str) -> bool:
    """Whether a pixel check applies: decodable images and videos, and images it must say it
    could not decode (never silently skipped)."""
    return media_type in IMAGE_TYPES or media_type in VIDEO_TYPES or media_type in PILLOW_DECODED


class ImageTooLarge(ValueError):
    pass


class ImageUndecodable(ValueError):
    """A format OpenCV does not read here (HEIC, AVIF): not applicable, with the reason."""


class ImageCorrupt(ValueError):
    """A format OpenCV reads, but these bytes do not decode: the check could not be done."""

    reason = "pixels_undecodable"  # its code (verifier.describe: "reason.pixels_undecodable")


def _cv2() -> Any:
    import cv2

    try:  # OpenCV logs decoder complaints to stderr; we report them as data instead
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
    except AttributeError:  # pragma: no cover - older builds
        pass
    return cv2


def load_library() -> None:
    """Import OpenCV now (a worker preparing for its first image)."""
    _cv2()


def read_bytes(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    with open_readonly(path) as fh:
        return read_from(fh, limit)


def read_from(fh: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """The rest of an open input, refused beyond ``limit`` bytes."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise ImageTooLarge(f"the file is larger than {limit // (1024 * 1024)} MB; pixel checks were not run")
    return data


def header_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the header without decoding, or None if unknown."""
    import io
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                return int(im.size[0]), int(im.size[1])
    except Image.DecompressionBombError as exc:  # Pillow refused it for its declared size
        raise ImageTooLarge(f"the image declares more pixels than can be decoded safely ({exc}); "
                            "possible decompression bomb: pixel checks were not run") from exc
    except Exception:  # noqa: BLE001 - unknown to Pillow: let OpenCV try
        return None


def refuse_declared_oversize(data: bytes, max_pixels: int) -> None:
    """Refuse an image whose header declares more pixels than ``max_pixels`` (before decoding)."""
    size = header_size(data)
    if size is not None and size[0] * size[1] > max_pixels:
        raise ImageTooLarge(
            f"the image declares {size[0]} x {size[1]} pixels, more than the {max_pixels // 1_000_000} MP "
            "limit for pixel checks (possible decompression bomb); pixel checks were not run")


def decode_bgr(data: bytes, max_pixels: int = MAX_PIXELS, stored: bool = False) -> np.ndarray:
    """Decode to an 8-bit H x W x 3 BGR array (alpha dropped, 16-bit scaled down).

    By default a JPEG's EXIF orientation is applied (the picture as a viewer shows it: where a
    visible label sits); ``stored=True`` keeps the pixels as stored (where an invisible watermark
    was embedded)."""
    refuse_declared_oversize(data, max_pixels)
    cv2 = _cv2()
    buf = np.frombuffer(data, dtype=np.uint8)
    flags = cv2.IMREAD_COLOR | (cv2.IMREAD_IGNORE_ORIENTATION if stored else 0)
    img = cv2.imdecode(buf, flags)  # also refuses > CV_IO_MAX_IMAGE_PIXELS itself
    if img is None:
        raise ImageCorrupt("the pixels of this file could not be decoded (corrupt or truncated image)")
    if img.shape[0] * img.shape[1] > max_pixels:
        raise ImageTooLarge(f"the image has more than {max_pixels // 1_000_000} MP; pixel checks were not run")
    return img


# Formats whose EXIF orientation OpenCV applies from the EXIF block it also returns
# (``imdecodeWithMetadata``): for these, one decode gives both the stored and the shown picture.
_EXIF_ORIENTED = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _orients_from_returned_exif(data: bytes) -> bool:
    return data.startswith(_EXIF_ORIENTED) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


@dataclass(frozen=True, slots=True)
class Decoded:
    """One decode of a picture: ``pixels`` as asked (``stored`` or shown), and the EXIF orientation
    OpenCV applies to show it (1: none), or None when it is not known for sure (the other view then
    needs a decode of its own)."""

    pixels: np.ndarray
    stored: bool
    orientation: int | None


def decode_view(data: bytes, max_pixels: int = MAX_PIXELS, stored: bool = False) -> Decoded:
    """:func:`decode_bgr`, and the orientation that turns one view into the other (see
    :func:`other_view`), read from the EXIF block OpenCV itself applied."""
    if not _orients_from_returned_exif(data):
        return Decoded(decode_bgr(data, max_pixels, stored), stored, None)
    refuse_declared_oversize(data, max_pixels)
    cv2 = _cv2()
    buf = np.frombuffer(data, dtype=np.uint8)
    flags = cv2.IMREAD_COLOR | (cv2.IMREAD_IGNORE_ORIENTATION if stored else 0)
    img, kinds, blocks = cv2.imdecodeWithMetadata(buf, flags=flags)
    if img is None or img.size == 0:
        raise ImageCorrupt("the pixels of this file could not be decoded (corrupt or truncated image)")
    if img.shape[0] * img.shape[1] > max_pixels:
        raise ImageTooLarge(f"the image has more than {max_pixels // 1_000_000} MP; pixel checks were not run")
    exif = [bytes(np.asarray(b).ravel()) for k, b in zip(kinds, blocks) if int(k) == cv2.IMAGE_METADATA_EXIF]
    if len(exif) > 1 or len(kinds) != len(blocks):
        return Decoded(img, stored, None)
    return Decoded(img, stored, exif_orientation(exif[0]) if exif else 1)


def exif_orientation(exif: bytes) -> int | None:
    """The Orientation (1-8) in IFD0 of a TIFF-structured EXIF block, 1 if it has none; None for
    anything unusual (another type or count, a repeated tag, a value out of range, a truncated
    block): the caller then decodes the other view itself rather than guess as OpenCV would."""
    if len(exif) < 8 or exif[:4] not in (b"II*\x00", b"MM\x00*"):
        return None
    order = "<" if exif[:2] == b"II" else ">"
    (ifd,) = struct.unpack_from(order + "I", exif, 4)
    if ifd < 8 or ifd + 2 > len(exif):
        return None
    (count,) = struct.unpack_from(order + "H", exif, ifd)
    if ifd + 2 + 12 * count > len(exif):
        return None
    found = [struct.unpack_from(order + "HHIH", exif, ifd + 2 + 12 * i)
             for i in range(count) if struct.unpack_from(order + "H", exif, ifd + 2 + 12 * i)[0] == 0x0112]
    if not found:
        return 1
    if len(found) != 1:
        return None
    _, kind, n, value = found[0]
    return value if kind == 3 and n == 1 and 1 <= value <= 8 else None


def other_view(decoded: Decoded) -> np.ndarray | None:
    """The stored picture from the shown one or the reverse, by the same flips and transposition
    OpenCV applies for each EXIF orientation (pixels moved, never recomputed); None if the
    orientation is not known."""
    o, img = decoded.orientation, decoded.pixels
    if o is None:
        return None
    if o == 1:
        return img
    cv2 = _cv2()
    flip = {2: 1, 3: -1, 4: 0, 6: 1, 7: -1, 8: 0}.get(o)
    if o <= 4:  # flips only: each its own inverse
        return cv2.flip(img, flip)
    if decoded.stored:  # shown = flip(transpose(stored)) (5: transpose alone)
        t = cv2.transpose(img)
        return t if flip is None else cv2.flip(t, flip)
    return cv2.transpose(img if flip is None else cv2.flip(img, flip))


def load_bgr(path: Path | str, media_type: str = "", max_pixels: int = MAX_PIXELS,
             stored: bool = False) -> np.ndarray:
    """The image's pixels as BGR (``stored``: see :func:`decode_bgr`)."""
    if media_type in PILLOW_DECODED:
        return decode_bgr_pillow(read_bytes(path), max_pixels)
    return decode_bgr(read_bytes(path), max_pixels, stored)


def decode_bgr_pillow(data: bytes, max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """HEIC/HEIF/AVIF, which OpenCV cannot read: Pillow with the pillow-heif plugin (HEVC is lossy,
    so an invisible watermark rarely survives, but a visible label does)."""
    import io

    from PIL import Image

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError as exc:
        raise ImageUndecodable("HEIC/HEIF needs pillow-heif, which is not installed; pixel checks were "
                               "not run") from exc
    refuse_declared_oversize(data, max_pixels)
    try:
        with Image.open(io.BytesIO(data)) as im:
            rgb = np.asarray(im.convert("RGB"))
    except Exception as exc:  # noqa: BLE001 - the decoder's own words go in the message
        raise ImageCorrupt(f"the pixels of this file could not be decoded ({exc})") from exc
    return np.ascontiguousarray(rgb[:, :, ::-1])


def encode_png(img: np.ndarray) -> bytes:
    ok, buf = _cv2().imencode(".png", img)
    if not ok:
        raise ValueError("PNG encoding failed")
    return bytes(buf)


def encode_jpeg(img: np.ndarray, quality: int = 80) -> bytes:
    ok, buf = _cv2().imencode(".jpg", img, [_cv2().IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return bytes(buf)
