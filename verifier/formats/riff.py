"""RIFF chunk walker (WAV, AVI, WebP): top-level chunks, LIST/INFO, XMP and EXIF chunks.

Audio/video data chunks are skipped by seeking. Any chunk whose id contains ``AIGC`` (any case)
is reported, wherever it sits.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, decode_text

SKIP_LISTS = {b"movi", b"rec "}


def walk(fh: BinaryIO, budget: Budget, size: int) -> Iterator[Entry]:
    head = fh.read(12)
    if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64", b"RIFX"):
        raise ValueError("not a RIFF file")
    form = head[8:12].decode("latin-1").strip().lower() or "riff"
    prefix = {"wave": "wav", "avi": "avi", "webp": "webp"}.get(form, form)
    yield from _chunks(fh, 12, size, budget, prefix, [], 0)


def _chunks(fh: BinaryIO, start: int, end: int, budget: Budget, prefix: str,
            path: list[str], depth: int) -> Iterator[Entry]:
    budget.depth(depth)
    pos = start
    while pos + 8 <= end:
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            return
        cid, n = head[:4], struct.unpack("<I", head[4:])[0]
        budget.tick("RIFF chunk")
        body, body_end = pos + 8, min(pos + 8 + n, end)
        name = cid.decode("latin-1")
        if cid == b"LIST" and n >= 4:
            ltype = fh.read(4)
            if ltype not in SKIP_LISTS:
                lname = ltype.decode("latin-1").strip()
                yield from _chunks(fh, body + 4, body_end, budget, prefix, path + [f"LIST/{lname}"], depth + 1)
        else:
            where = f"{prefix}:" + ("/".join(path) + "/" if path else "RIFF/") + name.strip()
            interesting = (
                "aigc" in name.lower()
                or (path and path[-1] == "LIST/INFO")
                or cid in (b"XMP ", b"_PMX", b"EXIF", b"iXML")
            )
            if interesting:
                if n > budget.max_value:
                    budget.warnings.append(f"chunk {name!r} of {n} bytes not read")
                else:
                    budget.spend(body_end - body)
                    data = fh.read(body_end - body)
                    if cid in (b"XMP ", b"_PMX"):
                        yield Entry(f"{prefix}:RIFF:XMP", "XMP", decode_text(data), kind="xmp", group="XMP")
                    elif cid == b"EXIF":
                        yield Entry(f"{prefix}:EXIF", "EXIF", data, kind="exif", group="EXIF")
                    else:
                        group = "RIFF INFO" if path and path[-1] == "LIST/INFO" else "RIFF"
                        yield Entry(where, name.strip(), decode_text(data), group=group)
        pos = body + n + (n & 1)
