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
CRC_MISMATCH = "crc_mismatch"  # Entry kind: the text chunk just yielded fails its CRC


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
            crc = fh.read(4)
            if len(data) < length:
                budget.warnings.append("PNG truncated inside a chunk")
                return
            entry = _text_entry(ctype, data, budget)
            if entry is not None:
                yield entry
                if len(crc) == 4 and struct.unpack(">I", crc)[0] != zlib.crc32(ctype + data) & 0xFFFFFFFF:
                    # the chunk was changed after the file was written: a trace worth reporting
                    yield Entry(entry.placement, "CRC", f"{ctype.decode()} chunk {entry.key!r}: CRC mismatch",
                                kind=CRC_MISMATCH, group="PNG")
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


def first_column(fh: BinaryIO, rows: int, max_inflate: int = 16 << 20) -> tuple[int, bytes] | None:
    """(channels, the first ``rows`` pixels of column 0, interleaved) of an 8-bit RGB/RGBA PNG.

    A cheap look at the top of the left column (where stealth metadata starts) without decoding
    the picture: IDAT is inflated only as far as those rows, and column 0 is unfiltered alone
    (its left neighbours are zero, so every filter reduces to "add the pixel above" or less).
    None when the PNG is not 8-bit RGB/RGBA, is interlaced, or has fewer rows.
    """
    if fh.read(8) != SIGNATURE:
        return None
    head = fh.read(8 + 13)
    if len(head) < 21 or head[4:8] != b"IHDR":
        return None
    width, height, depth, ctype, _comp, _filt, interlace = struct.unpack(">IIBBBBB", head[8:21])
    channels = {2: 3, 6: 4}.get(ctype)
    if channels is None or depth != 8 or interlace or height < rows or width == 0:
        return None
    stride = 1 + width * channels
    need = rows * stride
    if need > max_inflate:
        return None
    fh.seek(4, 1)  # IHDR CRC
    inflater = zlib.decompressobj()
    raw = bytearray()
    while len(raw) < need:
        chunk = fh.read(8)
        if len(chunk) < 8:
            return None
        length, ctype_b = struct.unpack(">I4s", chunk)
        if ctype_b == b"IEND":
            return None
        if ctype_b != b"IDAT":
            fh.seek(length + 4, 1)
            continue
        pos = 0
        while pos < length and len(raw) < need:
            piece = fh.read(min(65536, length - pos))
            if not piece:
                return None
            pos += len(piece)
            try:
                raw += inflater.decompress(piece, need - len(raw))
                while inflater.unconsumed_tail and len(raw) < need:
                    raw += inflater.decompress(inflater.unconsumed_tail, need - len(raw))
            except zlib.error:
                return None  # damaged image data: Pillow will say what it makes of it
        fh.seek(length - pos + 4, 1)
    out = bytearray()
    above = bytes(channels)
    for r in range(rows):
        ftype, px = raw[r * stride], raw[r * stride + 1: r * stride + 1 + channels]
        if ftype in (2, 4):  # Up; Paeth with a = c = 0 predicts b
            cur = bytes((p + u) & 0xFF for p, u in zip(px, above, strict=True))
        elif ftype == 3:  # Average of 0 and the pixel above
            cur = bytes((p + (u >> 1)) & 0xFF for p, u in zip(px, above, strict=True))
        else:  # None; Sub (left is 0); unknown filter types read as None
            cur = bytes(px)
        out += cur
        above = cur
    return channels, bytes(out)
