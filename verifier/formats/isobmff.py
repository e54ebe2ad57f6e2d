"""ISO BMFF (MP4/MOV/M4A) box walker for metadata: ``meta`` keys/ilst, iTunes atoms, XMP.

Descends only into boxes that can hold metadata (moov, trak, udta, meta, ilst…), skips media
data by seeking, and stops at the :class:`Budget` limits (a ``moov`` nested 1,000 deep stops at
depth 12 with a clear message).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, LimitReached, decode_text

CONTAINERS = {b"moov", b"trak", b"udta", b"mdia", b"minf", b"edts"}  # not moof/traf: no metadata there
XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def _boxes(fh: BinaryIO, start: int, end: int, budget: Budget) -> Iterator[tuple[bytes, int, int]]:
    """Yield (type, payload offset, payload end) for the boxes between start and end."""
    pos = start
    while pos + 8 <= end:
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            return
        size, btype = struct.unpack(">I4s", head)
        hdr = 8
        if size == 1:
            ext = fh.read(8)
            if len(ext) < 8:
                return
            size = struct.unpack(">Q", ext)[0]
            hdr = 16
        elif size == 0:
            size = end - pos
        if size < hdr:
            budget.warnings.append(f"invalid box size {size} for {btype!r} at offset {pos}")
            return
        budget.tick("box")
        box_end = min(pos + size, end)
        yield btype, pos + hdr, box_end
        pos += size


def walk(fh: BinaryIO, budget: Budget, size: int) -> Iterator[Entry]:
    yield from _walk(fh, 0, size, budget, [], 0)


def _walk(fh: BinaryIO, start: int, end: int, budget: Budget, path: list[str], depth: int) -> Iterator[Entry]:
    budget.depth(depth)
    for btype, off, bend in _boxes(fh, start, end, budget):
        name = btype.decode("latin-1")
        if btype in CONTAINERS:
            yield from _walk(fh, off, bend, budget, path + [name], depth + 1)
        elif btype == b"meta":
            yield from _meta(fh, off, bend, budget, path + ["meta"], depth + 1)
        elif btype == b"uuid":
            fh.seek(off)
            if fh.read(16) == XMP_UUID:
                data = _read(fh, off + 16, bend, budget)
                where = "mp4:" + "/".join(path + ["uuid"]) + ":XMP" if path else "mp4:uuid:XMP"
                yield Entry(where, "XMP", decode_text(data), kind="xmp", group="XMP")
        elif btype == b"XMP_" and path:
            data = _read(fh, off, bend, budget)
            yield Entry("mp4:" + "/".join(path + ["XMP_"]), "XMP", decode_text(data), kind="xmp", group="XMP")
        elif path and path[-1] == "udta" and btype[:1] == b"\xa9":
            data = _read(fh, off, bend, budget)
            if len(data) >= 4:  # QuickTime user data text: size(2) lang(2) text
                n = struct.unpack(">H", data[:2])[0]
                yield Entry("mp4:" + "/".join(path), name, decode_text(data[4 : 4 + n]), group="QuickTime")


def _read(fh: BinaryIO, start: int, end: int, budget: Budget) -> bytes:
    n = end - start
    if n > budget.max_value:
        budget.warnings.append(f"box of {n} bytes at offset {start} not read")
        return b""
    budget.spend(n)
    fh.seek(start)
    return fh.read(max(0, n))


def _meta(fh: BinaryIO, off: int, end: int, budget: Budget, path: list[str], depth: int) -> Iterator[Entry]:
    budget.depth(depth)
    fh.seek(off)
    probe = fh.read(12)
    # ISO 'meta' is a FullBox (4 bytes version/flags); QuickTime's is a plain container.
    start = off if probe[4:8] in (b"hdlr", b"keys", b"ilst", b"free") else off + 4
    handler = ""
    keys: list[str] = []
    ilst: tuple[int, int] | None = None
    for btype, boff, bend in _boxes(fh, start, end, budget):
        if btype == b"hdlr":
            data = _read(fh, boff, min(bend, boff + 64), budget)
            handler = data[8:12].decode("latin-1") if len(data) >= 12 else ""
        elif btype == b"keys":
            keys = _keys(_read(fh, boff, bend, budget))
        elif btype == b"ilst":
            ilst = (boff, bend)
        elif btype in (b"iinf", b"iloc", b"idat", b"pitm", b"iprp", b"iref"):
            return  # a HEIF item 'meta': read through pillow-heif, not here
    if ilst is None:
        return
    where = "mp4:" + "/".join(path)
    for btype, boff, bend in _boxes(fh, ilst[0], ilst[1], budget):
        budget.depth(depth + 1)
        values, mean_name = _ilst_item(fh, boff, bend, budget)
        if keys and btype[:1] != b"\xa9" and btype != b"----":
            index = struct.unpack(">I", btype)[0]
            if 1 <= index <= len(keys):
                for v in values:
                    yield Entry(f"{where}:keys", keys[index - 1], v, group="QuickTime keys")
                continue
        key = mean_name or btype.decode("latin-1")
        for v in values:
            yield Entry(f"{where}:ilst", key, v, group="iTunes" if handler != "mdta" else "QuickTime")


def _keys(data: bytes) -> list[str]:
    if len(data) < 8:
        return []
    count = struct.unpack(">I", data[4:8])[0]
    pos, out = 8, []
    for _ in range(min(count, 4096)):
        if pos + 8 > len(data):
            break
        size = struct.unpack(">I", data[pos : pos + 4])[0]
        if size < 8:
            break
        out.append(decode_text(data[pos + 8 : pos + size]))
        pos += size
    return out


def _ilst_item(fh: BinaryIO, off: int, end: int, budget: Budget) -> tuple[list[str], str]:
    values: list[str] = []
    mean_name = ""
    for btype, boff, bend in _boxes(fh, off, end, budget):
        data = _read(fh, boff, bend, budget)
        if btype == b"data" and len(data) >= 8:
            dtype = struct.unpack(">I", data[:4])[0] & 0xFFFFFF
            body = data[8:]
            if dtype in (1, 2, 4, 5):  # UTF-8/UTF-16 text
                values.append(body.decode("utf-16-be", "replace") if dtype in (2, 5) else decode_text(body))
            elif dtype in (21, 22) and len(body) <= 8:
                values.append(str(int.from_bytes(body, "big", signed=dtype == 21)))
            elif body[:1] in (b"{", b"["):
                values.append(decode_text(body))
        elif btype == b"name" and len(data) >= 4:
            mean_name = decode_text(data[4:])
    return values, mean_name


__all__ = ["walk", "LimitReached"]
