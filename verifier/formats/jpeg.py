"""JPEG marker walker: APP1 EXIF and XMP (with extended XMP), COM comments; stops at the image
data (SOS). An APP13 Photoshop segment (where IPTC-IIM lives) is only noted, with a ``kind="iim"``
entry: its datasets are decoded by the Pillow adapter."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, decode_text

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_ID = b"http://ns.adobe.com/xmp/extension/\x00"
EXIF_ID = b"Exif\x00\x00"
PHOTOSHOP_ID = b"Photoshop 3.0\x00"
IIM_PLACEMENT = "jpeg:APP13:IPTC-IIM"
STANDALONE = set(range(0xD0, 0xD8)) | {0x01}


def walk(fh: BinaryIO, budget: Budget) -> Iterator[Entry]:
    extended: dict[bytes, dict[int, bytes]] = {}  # GUID -> {offset: part}
    seen_app13 = False
    for e in _segments(fh, budget, extended):
        if e.kind == "iim":
            if seen_app13:
                continue  # one note per file: the reader reads all APP13 segments at once
            seen_app13 = True
        yield e
    for parts in list(extended.values())[:4]:
        data = b"".join(parts[k] for k in sorted(parts))
        yield Entry("jpeg:APP1:ExtendedXMP", "XMP", decode_text(data), kind="xmp", group="XMP")


def _segments(fh: BinaryIO, budget: Budget, extended: dict[bytes, dict[int, bytes]]) -> Iterator[Entry]:
    if fh.read(2) != b"\xff\xd8":
        raise ValueError("not a JPEG file")
    while True:
        b = fh.read(1)
        if not b:
            budget.warnings.append("JPEG ends before the image data")
            return
        if b != b"\xff":
            continue  # tolerate padding/garbage between segments
        marker = fh.read(1)
        while marker == b"\xff":
            marker = fh.read(1)
        if not marker:
            return
        m = marker[0]
        budget.tick("JPEG segment")
        if m in STANDALONE or m == 0x00:
            continue
        if m in (0xD9, 0xDA):  # EOI, SOS: metadata lives before the scan
            return
        raw_len = fh.read(2)
        if len(raw_len) < 2:
            return
        length = struct.unpack(">H", raw_len)[0] - 2
        if length < 0:
            return
        if m in (0xE1, 0xFE):
            budget.spend(length)
            data = fh.read(length)
            if m == 0xFE:
                yield Entry("jpeg:COM", "Comment", decode_text(data), group="JPEG")
            elif data.startswith(EXIF_ID):
                yield Entry("jpeg:APP1:EXIF", "EXIF", data[len(EXIF_ID):], kind="exif", group="EXIF")
            elif data.startswith(XMP_ID):
                yield Entry("jpeg:APP1:XMP", "XMP", decode_text(data[len(XMP_ID):]), kind="xmp", group="XMP")
            elif data.startswith(XMP_EXT_ID) and len(data) > len(XMP_EXT_ID) + 40:
                head = data[len(XMP_EXT_ID):]
                guid, offset = head[:32], struct.unpack(">I", head[36:40])[0]
                extended.setdefault(guid, {})[offset] = head[40:]
        elif m == 0xED and length >= len(PHOTOSHOP_ID):
            head = fh.read(len(PHOTOSHOP_ID))
            fh.seek(length - len(head), 1)
            if head == PHOTOSHOP_ID:
                yield Entry(IIM_PLACEMENT, "IPTC-IIM", None, kind="iim", group="IPTC-IIM")
        else:
            fh.seek(length, 1)


MAX_SPANS = 4096


def segment_spans(fh: BinaryIO, stop: int) -> Iterator[tuple[int, int, int, bytes]]:
    """(marker, start, end, first 64 payload bytes) of each marker segment that starts before
    ``stop``, from SOI (marker 0xD8, 2 bytes) up to the scan. Strict: anything that is not a
    marker where one must be (padding, garbage) is reported as marker ``-1`` spanning to ``stop``."""
    fh.seek(0)
    if fh.read(2) != b"\xff\xd8":
        raise ValueError("not a JPEG file")
    yield 0xD8, 0, 2, b""
    pos = 2
    for _ in range(MAX_SPANS):
        if pos >= stop:
            return
        fh.seek(pos)
        head = fh.read(4)
        if len(head) < 2 or head[0] != 0xFF or head[1] in (0x00, 0xFF):
            yield -1, pos, stop, head
            return
        m = head[1]
        if m in STANDALONE or m == 0xD9:
            yield m, pos, pos + 2, b""
            pos += 2
            continue
        if len(head) < 4:
            yield -1, pos, stop, head
            return
        end = pos + 2 + struct.unpack(">H", head[2:4])[0]
        yield m, pos, end, fh.read(64)
        if m == 0xDA:
            return
        pos = end
    raise ValueError("too many JPEG segments")
