"""Is an ISO BMFF file the init segment of a fragmented presentation? (bounded header walk)

Fragments (``.m4s``) are only handed to the SDK for an init segment: applying an unrelated
fragment to an ordinary MP4 makes its hash check fail, which would read as tampering.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

MAX_BOXES = 4096


def _children(fh: BinaryIO, start: int, end: int) -> list[tuple[bytes, int, int]]:
    out: list[tuple[bytes, int, int]] = []
    pos = start
    while pos + 8 <= end and len(out) < MAX_BOXES:
        fh.seek(pos)
        head = fh.read(16)
        if len(head) < 8:
            break
        size, kind = struct.unpack(">I4s", head[:8])
        hdr = 8
        if size == 1:
            if len(head) < 16:
                break
            size, hdr = struct.unpack(">Q", head[8:16])[0], 16
        elif size == 0:
            size = end - pos
        if size < hdr or pos + size > end:
            break
        out.append((kind, pos + hdr, pos + size))
        pos += size
    return out


def is_fragmented_init(fh: BinaryIO) -> bool:
    """True when the file's ``moov`` box holds an ``mvex`` box (movie fragments follow)."""
    fh.seek(0, 2)
    end = fh.tell()
    try:
        for kind, s, e in _children(fh, 0, end):
            if kind == b"moov":
                return any(k == b"mvex" for k, _, _ in _children(fh, s, e))
        return False
    finally:
        fh.seek(0)
