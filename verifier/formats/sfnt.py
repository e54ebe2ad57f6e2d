"""Font table directories (TrueType/OpenType ``sfnt``, TrueType collections, WOFF, WOFF2): where
a table sits, to find the ``C2PA`` table (C2PA 2.x fonts). Bounded header reads only.

WOFF stores each table zlib-compressed or raw; WOFF2 compresses all tables as one Brotli stream,
so for WOFF2 only the table's presence is known, never its bytes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO

SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"typ1")
MAX_TABLES = 1024
MAX_TABLE = 64 << 20
# WOFF2 known-table index (flags & 0x3F); 63 means an explicit 4-byte tag follows.
WOFF2_TAGS = (
    "cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT "
    "VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar "
    "fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill"
)
_WOFF2_KNOWN = [WOFF2_TAGS[i : i + 5][:4].encode("latin-1") for i in range(0, len(WOFF2_TAGS), 5)]


class FontError(ValueError):
    """The table directory is truncated or malformed."""


@dataclass(frozen=True, slots=True)
class Table:
    tag: bytes
    offset: int
    length: int  # bytes stored in the file
    orig_length: int  # bytes once decompressed (WOFF); equal to ``length`` otherwise
    readable: bool  # False for WOFF2 (one Brotli stream for every table)


def _read(fh: BinaryIO, offset: int, n: int) -> bytes:
    fh.seek(offset)
    data = fh.read(n)
    if len(data) < n:
        raise FontError("the font's table directory is cut short")
    return data


def _sfnt_tables(fh: BinaryIO, base: int) -> list[Table]:
    head = _read(fh, base, 12)
    count = struct.unpack(">H", head[4:6])[0]
    if count > MAX_TABLES:
        raise FontError(f"{count} tables declared")
    raw = _read(fh, base + 12, 16 * count)
    out = []
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", raw, 16 * i)
        out.append(Table(tag, offset, length, length, True))
    return out


def _woff_tables(fh: BinaryIO) -> list[Table]:
    head = _read(fh, 0, 44)
    count = struct.unpack(">H", head[12:14])[0]
    if count > MAX_TABLES:
        raise FontError(f"{count} tables declared")
    raw = _read(fh, 44, 20 * count)
    out = []
    for i in range(count):
        tag, offset, comp, orig, _checksum = struct.unpack_from(">4sIIII", raw, 20 * i)
        out.append(Table(tag, offset, comp, orig, True))
    return out


def _base128(data: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(5):
        if pos + i >= len(data):
            raise FontError("WOFF2 table directory cut short")
        b = data[pos + i]
        if i == 0 and b == 0x80:
            raise FontError("WOFF2 length with a leading zero")
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            return value, pos + i + 1
    raise FontError("WOFF2 length longer than 5 bytes")


def _woff2_tables(fh: BinaryIO) -> list[Table]:
    head = _read(fh, 0, 48)
    count = struct.unpack(">H", head[12:14])[0]
    if count > MAX_TABLES:
        raise FontError(f"{count} tables declared")
    fh.seek(48)
    raw = fh.read(count * 25)  # at most 1 + 4 + 5 + 5 + ... bytes an entry
    out, pos = [], 0
    for _ in range(count):
        if pos >= len(raw):
            raise FontError("WOFF2 table directory cut short")
        flags = raw[pos]
        pos += 1
        index = flags & 0x3F
        if index == 63:
            tag = raw[pos : pos + 4]
            pos += 4
        elif index < len(_WOFF2_KNOWN):
            tag = _WOFF2_KNOWN[index]
        else:
            raise FontError(f"WOFF2 table index {index} unknown")
        orig, pos = _base128(raw, pos)
        transform = (flags >> 6) & 3
        transformed = (tag in (b"glyf", b"loca") and transform == 0) or (tag == b"hmtx" and transform == 1)
        length = orig
        if transformed:
            length, pos = _base128(raw, pos)
        out.append(Table(tag, -1, length, orig, False))
    return out


def tables(fh: BinaryIO) -> list[Table]:
    """Every table of the font (of the first font of a collection)."""
    magic = _read(fh, 0, 4)
    if magic == b"wOFF":
        return _woff_tables(fh)
    if magic == b"wOF2":
        return _woff2_tables(fh)
    if magic == b"ttcf":
        first = struct.unpack(">I", _read(fh, 12, 4))[0]
        return _sfnt_tables(fh, first)
    if magic in SFNT_VERSIONS:
        return _sfnt_tables(fh, 0)
    raise FontError("not a font")


def find(fh: BinaryIO, tag: bytes) -> Table | None:
    return next((t for t in tables(fh) if t.tag == tag), None)


def table_bytes(fh: BinaryIO, table: Table) -> bytes:
    """The table's bytes (decompressed for WOFF); FontError for WOFF2 or an oversized table."""
    if not table.readable:
        raise FontError("WOFF2 tables are Brotli-compressed together: not read here")
    if table.length > MAX_TABLE or table.orig_length > MAX_TABLE:
        raise FontError(f"the {table.tag.decode('latin-1')} table is larger than {MAX_TABLE >> 20} MB")
    data = _read(fh, table.offset, table.length)
    if table.length < table.orig_length:
        try:
            out = zlib.decompressobj().decompress(data, table.orig_length)
        except zlib.error as exc:
            raise FontError(f"the table does not inflate: {exc}") from exc
        return out
    return data


C2PA_HEADER = 20  # major, minor u16; URI offset u32, URI length u16, reserved u16; store offset, length u32


def c2pa_record(data: bytes) -> tuple[str | None, bytes | None]:
    """(active manifest URI, manifest store bytes) of a ``C2PA`` table; either may be absent."""
    if len(data) < C2PA_HEADER:
        raise FontError("the C2PA table is shorter than its header")
    uri_off, uri_len = struct.unpack_from(">IH", data, 4)
    store_off, store_len = struct.unpack_from(">II", data, 12)
    uri = None
    if uri_off and uri_len:
        if uri_off + uri_len > len(data):
            raise FontError("the C2PA table's manifest URI runs past the table")
        uri = data[uri_off : uri_off + uri_len].decode("utf-8", "replace")
    store = None
    if store_off and store_len:
        if store_off + store_len > len(data):
            raise FontError("the C2PA table's manifest store runs past the table")
        store = data[store_off : store_off + store_len]
    return uri, store
