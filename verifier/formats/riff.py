"""RIFF chunk walker (WAV, AVI, WebP, RF64/BW64): top-level chunks, LIST/INFO, XMP, EXIF and ID3 chunks.

Audio/video data chunks are skipped by seeking. Any chunk whose id contains ``AIGC`` (any case)
is reported, wherever it sits. In the 64-bit forms (``RF64``, ``BW64``: EBU Tech 3306, ITU-R
BS.2088) a chunk whose 32-bit size is 0xFFFFFFFF takes its real size from the ``ds64`` chunk, so
chunks after more than 4 GiB of audio are still found. An ``id3 `` chunk (any case) is yielded
whole as a ``kind="id3"`` entry; :mod:`verifier.read_meta` parses it through mutagen.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, decode_text

SKIP_LISTS = {b"movi", b"rec "}
FORMS_64 = (b"RF64", b"BW64")
SIZE_IN_DS64 = 0xFFFFFFFF  # the 32-bit size that says "see ds64"
DS64_FIXED = 28  # riffSize u64, dataSize u64, sampleCount u64, tableLength u32
MAX_DS64_TABLE = 256  # entries of the ds64 table read (each chunkId[4] + u64 size)
MAX_ID3_CHUNK = 16 << 20  # an ID3 tag may carry cover art: read up to 16 MiB (within the Budget)


def walk(fh: BinaryIO, budget: Budget, size: int) -> Iterator[Entry]:
    head = fh.read(12)
    if len(head) < 12 or head[:4] not in (b"RIFF", b"RIFX", *FORMS_64):
        raise ValueError("not a RIFF file")
    form = head[8:12].decode("latin-1").strip().lower() or "riff"
    prefix = {"wave": "wav", "avi": "avi", "webp": "webp"}.get(form, form)
    big: dict[bytes, int] | None = {} if head[:4] in FORMS_64 else None
    yield from _chunks(fh, 12, size, budget, prefix, [], 0, big)


def _read_ds64(fh: BinaryIO, n: int, budget: Budget) -> dict[bytes, int]:
    """The 64-bit sizes of a ds64 body of ``n`` bytes (file positioned at the body): {chunk id: size}."""
    if n < DS64_FIXED:
        budget.warnings.append(f"ds64 chunk truncated ({n} of {DS64_FIXED} bytes): 64-bit chunk sizes unknown")
        return {}
    fixed = fh.read(DS64_FIXED)
    if len(fixed) < DS64_FIXED:
        budget.warnings.append("ds64 chunk cut off by the end of the file: 64-bit chunk sizes unknown")
        return {}
    _riff_size, data_size, _samples, count = struct.unpack("<QQQI", fixed)
    sizes = {b"data": data_size}
    room = (n - DS64_FIXED) // 12
    if count > min(room, MAX_DS64_TABLE):
        budget.warnings.append(f"ds64 table of {count} entries: {min(room, MAX_DS64_TABLE)} read")
        count = min(room, MAX_DS64_TABLE)
    table = fh.read(12 * count)
    for i in range(len(table) // 12):
        cid, csize = struct.unpack_from("<4sQ", table, 12 * i)
        sizes.setdefault(cid, csize)
    return sizes


def _chunks(fh: BinaryIO, start: int, end: int, budget: Budget, prefix: str,
            path: list[str], depth: int, big: dict[bytes, int] | None = None) -> Iterator[Entry]:
    budget.depth(depth)
    pos = start
    while pos + 8 <= end:
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            return
        cid, n = head[:4], struct.unpack("<I", head[4:])[0]
        budget.tick("RIFF chunk")
        name = cid.decode("latin-1")
        if n == SIZE_IN_DS64 and big is not None and depth == 0:
            if cid in big:
                n = big[cid]
            else:
                budget.warnings.append(f"chunk {name!r} declares its size in ds64, which does not give it")
        body, body_end = pos + 8, min(pos + 8 + n, end)
        if pos + 8 + n > end:
            budget.warnings.append(
                f"chunk {name!r} at offset {pos} declares {n} bytes, past the end of its container ({end}):"
                " nothing after it can be read")
        if cid == b"ds64" and big is not None and depth == 0:
            big.update(_read_ds64(fh, n, budget))
        elif cid == b"LIST" and n >= 4:
            ltype = fh.read(4)
            if ltype not in SKIP_LISTS:
                lname = ltype.decode("latin-1").strip()
                yield from _chunks(fh, body + 4, body_end, budget, prefix, path + [f"LIST/{lname}"], depth + 1)
        else:
            base = f"{prefix}:" + ("/".join(path) + "/" if path else "RIFF/")
            where = base + name.strip()
            is_id3 = cid.lower() == b"id3 "
            interesting = (
                is_id3
                or "aigc" in name.lower()
                or (path and path[-1] == "LIST/INFO")
                or cid in (b"XMP ", b"_PMX", b"EXIF", b"iXML")
            )
            if interesting:
                limit = MAX_ID3_CHUNK if is_id3 else budget.max_value
                if n > limit:
                    budget.warnings.append(f"chunk {name!r} of {n} bytes not read")
                else:
                    budget.spend(body_end - body)
                    data = fh.read(body_end - body)
                    if is_id3:
                        yield Entry(base + "id3", "ID3", data, kind="id3", group="ID3")
                    elif cid in (b"XMP ", b"_PMX"):
                        yield Entry(f"{prefix}:RIFF:XMP", "XMP", decode_text(data), kind="xmp", group="XMP")
                    elif cid == b"EXIF":
                        yield Entry(f"{prefix}:EXIF", "EXIF", data, kind="exif", group="EXIF")
                    else:
                        group = "RIFF INFO" if path and path[-1] == "LIST/INFO" else "RIFF"
                        yield Entry(where, name.strip(), decode_text(data), group=group)
        pos = body + n + (n & 1)
