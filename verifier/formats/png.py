"""PNG chunk walker: text chunks (tEXt/zTXt/iTXt) anywhere in the file, eXIf.

Image data (IDAT) is skipped by seeking, so chunks after IDAT are found without reading the
pixels. Compressed text is inflated with a cap (a zTXt bomb stops at ``Budget.max_value``).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, LimitReached, decode_text

SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_KEYWORD = "XML:com.adobe.xmp"


def inflate(data: bytes, cap: int) -> bytes:
    d = zlib.decompressobj()
    out = d.decompress(data, cap + 1)  # inflates at most cap + 1 bytes
    if len(out) > cap:
        raise LimitReached(f"compressed text chunk inflates past {cap} bytes")
    return out


def walk(fh: BinaryIO, budget: Budget) -> Iterator[Entry]:
    if fh.read(8) != SIGNATURE:
        raise ValueError("not a PNG file")
    while True:
        head = fh.read(8)
        if len(head) < 8:
            budget.warnings.append("PNG ends without an IEND chunk")
            return
        length, ctype = struct.unpack(">I4s", head)
        budget.tick("PNG chunk")
        if ctype in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"):
            if length > budget.max_value:
                budget.warnings.append(f"{ctype.decode()} chunk of {length} bytes not read")
                fh.seek(length + 4, 1)
                continue
            budget.spend(length)
            data = fh.read(length)
            fh.seek(4, 1)  # CRC
            if len(data) < length:
                budget.warnings.append("PNG truncated inside a chunk")
                return
            entry = _text_entry(ctype, data, budget)
            if entry is not None:
                yield entry
        elif ctype == b"IEND":
            return
        else:
            fh.seek(length + 4, 1)


def _text_entry(ctype: bytes, data: bytes, budget: Budget) -> Entry | None:
    if ctype == b"eXIf":
        return Entry("png:eXIf", "eXIf", data, kind="exif", group="EXIF")
    keyword, sep, rest = data.partition(b"\x00")
    if not sep:
        return None
    key = keyword.decode("latin-1")
    if ctype == b"tEXt":
        text = rest.decode("latin-1")
    elif ctype == b"zTXt":
        if not rest:
            return None
        text = inflate(rest[1:], budget.max_value).decode("latin-1")
    else:  # iTXt: flag, method, language\0, translated keyword\0, text
        if len(rest) < 2:
            return None
        compressed, payload = rest[0], rest[2:]
        _lang, _, payload = payload.partition(b"\x00")
        _tkey, _, payload = payload.partition(b"\x00")
        raw = inflate(payload, budget.max_value) if compressed else payload
        text = decode_text(raw)
    placement = f"png:{ctype.decode()}"
    if key != XMP_KEYWORD:
        placement += f":{key[:79]}"
    if key == XMP_KEYWORD:
        return Entry(f"{placement}:XMP", key, text, kind="xmp", group="XMP")
    return Entry(placement, key, text, group="PNG")
