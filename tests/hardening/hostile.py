"""Hostile files built in code: bombs, deep nesting, absurd lengths, poisoned strings.

Each builder returns bytes (small) or writes a file (large, sparse). Nothing here is read from
the corpus except where a case says so (truncations, wrong extensions, a real MP4 head).
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

# ANSI and other terminal tricks an attacker can put in metadata or a file name.
ESC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal title
ESC_CLEAR = "\x1b[2J\x1b[H"  # clears the screen
ESC_RED = "\x1b[31m"
HOSTILE_TEXT = (f"{ESC_CLEAR}{ESC_RED}AI label removed{ESC_TITLE}\r\x08\x00 \u202eevil\u202c "
                "<script>alert(1)</script><img src=x onerror=alert(2)> \"quotes' & {json}")


# --------------------------------------------------------------------------- PNG


def png_chunk(kind: bytes, data: bytes, length: int | None = None) -> bytes:
    n = len(data) if length is None else length
    return struct.pack(">I", n) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png(width: int = 1, height: int = 1, extra_chunks: list[bytes] = (), idat: bytes | None = None) -> bytes:
    """A PNG (8-bit greyscale) with ``extra_chunks`` before IDAT, in the manner of Picard."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    if idat is None:
        idat = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + b"".join(extra_chunks)
            + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


def png_bomb() -> bytes:
    """Declares 50000×50000 px; the IDAT holds only a few rows."""
    return make_png(50_000, 50_000, idat=zlib.compress(b"\x00" * (50_001 * 4)))


def png_huge_chunk() -> bytes:
    """A tEXt chunk claiming 0xFFFFFFFF bytes in a 100-byte file."""
    head = make_png()[: 8 + 25]
    return head + struct.pack(">I", 0xFFFFFFFF) + b"tEXtComment\x00short"


def png_hostile_text() -> bytes:
    raw = HOSTILE_TEXT.encode("utf-8")
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="{HOSTILE_TEXT.replace("<", "&lt;").replace(chr(34), "&quot;")}"/>'
           "</rdf:RDF></x:xmpmeta>").encode("utf-8", "surrogatepass")
    return make_png(extra_chunks=[
        png_chunk(b"tEXt", b"Comment\x00" + raw.replace(b"\x00", b"")),
        png_chunk(b"tEXt", b"Software\x00" + b"\xff\xfe\xc3\x28 invalid utf-8 \x1b[5m"),
        png_chunk(b"iTXt", b"Description\x00\x00\x00en\x00\x00" + b"\xed\xa0\x80\xf8\x88\x80\x80\x80 " + raw),
        png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp),
        png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(raw * 10)),
        # an escape sequence in the keyword itself, on a GB 45438 label so that a signal (whose
        # placement names the keyword) reaches the table output
        png_chunk(b"tEXt", b"AIGC\x1b[2J\x1b]0;pwned\x07\x00"
                  b'{"Label":"1","ContentProducer":"\x1b[31m<script>alert(1)</script>","ProduceID":"x"}'),
        png_chunk(b"tEXt", b"AIGC\x00"
                  b'{"Label":"1","ContentProducer":"\x1b[31m<script>alert(1)</script>\x07","ProduceID":"\x1b]0;x\x07"}'),
    ])


# --------------------------------------------------------------------------- JPEG


def make_jpeg(width: int = 8, height: int = 8, segments: list[bytes] = ()) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), (120, 30, 200)).save(buf, "JPEG", quality=80)
    data = buf.getvalue()
    return data[:2] + b"".join(segments) + data[2:]


def jpeg_segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def jpeg_bomb() -> bytes:
    """A real JPEG whose SOF0 declares 50000×50000 px."""
    data = bytearray(make_jpeg())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 50_000, 50_000)
    return bytes(data)


def jpeg_hostile_text() -> bytes:
    raw = HOSTILE_TEXT.encode("utf-8")
    xmp = (b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
           b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
           b"xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreatorTool='\x1b[31m\xff\xfe&lt;script&gt;'/>"
           b"</rdf:RDF></x:xmpmeta>")
    return make_jpeg(segments=[jpeg_segment(0xFE, raw + b"\xff\xfe\xc0\xaf"), jpeg_segment(0xE1, xmp)])


def jpeg_truncated_segment() -> bytes:
    """An APP1 segment claiming 65533 bytes, then end of file."""
    return b"\xff\xd8" + b"\xff\xe1\xff\xffExif\x00\x00MM\x00*\x00\x00\x00\x08"


# --------------------------------------------------------------------------- ISO BMFF


def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


FTYP = box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")


def isobmff_deep(depth: int = 10_000) -> bytes:
    kinds = (b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"meta", b"dinf", b"edts")
    inner = b""
    for i in range(depth):
        inner = box(kinds[i % len(kinds)], inner)
    return FTYP + inner


def isobmff_huge_sizes() -> bytes:
    huge32 = struct.pack(">I", 0xFFFFFFFF) + b"moov" + box(b"trak")
    huge64 = struct.pack(">I", 1) + b"uuid" + struct.pack(">Q", 0xFFFFFFFFFFFFFFFF) + b"\x00" * 16
    zero_then_garbage = struct.pack(">I", 0) + b"meta" + b"\x00" * 12
    tiny = struct.pack(">I", 3) + b"free"  # smaller than its own header
    return FTYP + box(b"free", b"x") + huge32 + huge64 + zero_then_garbage + tiny


def mp4_with_huge_mdat(path: Path, head: bytes, total_size: int) -> None:
    """``head`` (a valid small MP4) followed by an mdat box padding the file to ``total_size``.

    The padding is a sparse hole: the file costs no disk space.
    """
    pad = total_size - len(head)
    with open(path, "wb") as fh:
        fh.write(head)
        fh.write(struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", pad))
    os.truncate(path, total_size)


# --------------------------------------------------------------------------- RIFF


def riff_chunk(kind: bytes, payload: bytes, size: int | None = None) -> bytes:
    n = len(payload) if size is None else size
    return kind + struct.pack("<I", n) + payload + (b"\x00" if len(payload) % 2 else b"")


WAVE_FMT = riff_chunk(b"fmt ", struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16))


def riff_deep(depth: int = 10_000) -> bytes:
    inner = riff_chunk(b"INAM", b"deep\x00")
    for _ in range(depth):
        inner = riff_chunk(b"LIST", b"INFO" + inner)
    body = b"WAVE" + WAVE_FMT + inner + riff_chunk(b"data", b"\x00\x00" * 8)
    return riff_chunk(b"RIFF", body)


def riff_huge_sizes() -> bytes:
    body = (b"WAVE" + WAVE_FMT + b"LIST" + struct.pack("<I", 0xFFFFFFFF) + b"INFO"
            + b"ISFT" + struct.pack("<I", 0xFFFFFFF0) + b"x")
    return b"RIFF" + struct.pack("<I", 0xFFFFFFFF) + body


def webp_hostile_text() -> bytes:
    raw = HOSTILE_TEXT.encode("utf-8") + b"\xff\xfe"
    body = b"WEBP" + riff_chunk(b"VP8X", b"\x04" + b"\x00" * 9) + riff_chunk(b"XMP ", raw)
    return riff_chunk(b"RIFF", body)


# --------------------------------------------------------------------------- OOXML zip bomb


def _stored_entry(name: str, data: bytes, method: int, raw: bytes, crc: int, usize: int,
                  offset: int) -> tuple[bytes, bytes]:
    n = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(raw), usize,
                        len(n), 0) + n + raw
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc,
                          len(raw), usize, len(n), 0, 0, 0, 0, 0, offset) + n
    return local, central


def _deflate_repeated(prefix: bytes, unit: bytes, count: int) -> tuple[bytes, int, int]:
    """Raw deflate of ``prefix + unit * count`` without compressing ``count`` units.

    After a full flush the compressor forgets its window, so every later unit compresses to
    the same bytes: compress two, repeat the second. CRC is computed honestly.
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(prefix + unit) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.flush()
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(unit, crc)
    return first + again * (count - 1) + tail, crc, len(prefix) + len(unit) * count


def docx_zip_bomb(inflated_gb: float = 2.0) -> bytes:
    """A .docx whose docProps/custom.xml inflates to ``inflated_gb`` GB of XML whitespace."""
    unit = b" " * (1 << 20)
    count = int(inflated_gb * 1024) - 1
    prefix = (b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns='
              b'"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">')
    bomb, crc, usize = _deflate_repeated(prefix, unit, count)
    files = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               b'package/2006/content-types"/>',
        "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                             b'wordprocessingml/2006/main"><w:body/></w:document>',
    }
    out, centrals = b"", []
    for name, data in files.items():
        local, central = _stored_entry(name, data, 0, data, zlib.crc32(data), len(data), len(out))
        out += local
        centrals.append(central)
    local, central = _stored_entry("docProps/custom.xml", b"", 8, bomb, crc, usize, len(out))
    out += local
    centrals.append(central)
    cd = b"".join(centrals)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(centrals), len(centrals), len(cd), len(out), 0)
    return out + cd + eocd


def zip_huge_directory() -> bytes:
    """An end-of-central-directory record promising 65535 entries at offset 0xFFFFFFFF."""
    return (b"PK\x03\x04" + b"\x00" * 26
            + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))
