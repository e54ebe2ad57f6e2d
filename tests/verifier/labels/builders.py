"""Build small carrier files in code, one per metadata placement (Picard-style fixtures)."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

SEVEN = {
    "Label": "1",
    "ContentProducer": "001191110102MACQD9K64010000",
    "ProduceID": "test-0001",
    "ReservedCode1": "",
    "ContentPropagator": "",
    "PropagateID": "",
    "ReservedCode2": "",
}
TC260 = "http://www.tc260.org.cn/ns/AIGC/1.0/"


def label_json(**changes: object) -> str:
    d = dict(SEVEN)
    d.update(changes)
    return json.dumps({k: v for k, v in d.items() if v is not ...}, separators=(",", ":"))


def wrapped_json(**changes: object) -> str:
    return '{"AIGC":' + label_json(**changes) + "}"


def xmp_element(value: str | None = None, extra: str = "", pi: str = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>') -> str:
    from xml.sax.saxutils import escape

    value = label_json() if value is None else value
    return (f'{pi}<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" xmlns:TC260="{TC260}"><TC260:AIGC>{escape(value, {chr(34): "&quot;"})}'
            f'</TC260:AIGC>{extra}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def xmp_attribute(value: str | None = None) -> str:
    from xml.sax.saxutils import quoteattr

    value = label_json() if value is None else value
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" xmlns:TC260="{TC260}" TC260:AIGC={quoteattr(value)}/>'
            '</rdf:RDF></x:xmpmeta>')


def xmp_props(attrs: str, ns: str = 'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"') -> str:
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" {ns} {attrs}/></rdf:RDF></x:xmpmeta>')


# --- PNG -------------------------------------------------------------------------------------

def png_chunk(ctype: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data) & 0xFFFFFFFF)


def text_chunk(key: str, value: str) -> bytes:
    return png_chunk(b"tEXt", key.encode("latin-1") + b"\x00" + value.encode("latin-1"))


def ztxt_chunk(key: str, value: str) -> bytes:
    return png_chunk(b"zTXt", key.encode("latin-1") + b"\x00\x00" + zlib.compress(value.encode("latin-1")))


def itxt_chunk(key: str, value: str, compressed: bool = False) -> bytes:
    body = value.encode("utf-8")
    if compressed:
        body = zlib.compress(body)
    return png_chunk(b"iTXt", key.encode("latin-1") + b"\x00" + bytes([int(compressed), 0]) + b"\x00\x00" + body)


def make_png(before_idat: list[bytes] = (), after_idat: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    idat = png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return (b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(before_idat) + idat + b"".join(after_idat)
            + png_chunk(b"IEND", b""))


# --- EXIF / JPEG -------------------------------------------------------------------------------

def make_exif(ifd0: dict[int, object] | None = None, exif_ifd: dict[int, object] | None = None,
              gps: dict[int, object] | None = None) -> bytes:
    from PIL import Image

    ex = Image.Exif()
    for k, v in (ifd0 or {}).items():
        ex[k] = v
    if exif_ifd:
        sub = ex.get_ifd(0x8769)
        sub.update(exif_ifd)
    if gps:
        ex.get_ifd(0x8825).update(gps)
    return ex.tobytes()


def user_comment(text: str, code: bytes = b"ASCII\x00\x00\x00", encoding: str = "ascii") -> bytes:
    return code + text.encode(encoding)


def make_jpeg(exif: bytes | None = None, xmp: str | None = None, comment: str | None = None) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    kw: dict[str, object] = {}
    if exif is not None:
        kw["exif"] = exif
    if xmp is not None:
        kw["xmp"] = xmp.encode("utf-8")
    if comment is not None:
        kw["comment"] = comment
    Image.new("RGB", (8, 8), "gray").save(buf, "JPEG", **kw)
    return buf.getvalue()


def iim_dataset(record: int, dataset: int, value: bytes | str) -> bytes:
    """One IPTC-IIM dataset: tag marker 0x1C, record, dataset, 2-byte length, value."""
    raw = value.encode("utf-8") if isinstance(value, str) else value
    return bytes([0x1C, record, dataset]) + struct.pack(">H", len(raw)) + raw


def photoshop_irb(resources: dict[int, bytes]) -> bytes:
    """Photoshop image resource blocks: 8BIM, id, empty Pascal name, size, data (padded even)."""
    out = b""
    for rid, data in resources.items():
        out += b"8BIM" + struct.pack(">H", rid) + b"\x00\x00" + struct.pack(">I", len(data)) + data
        out += b"\x00" if len(data) & 1 else b""
    return out


def app13(payload: bytes) -> bytes:
    body = b"Photoshop 3.0\x00" + payload
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def make_jpeg_iim(iim: bytes, segments: list[bytes] | None = None) -> bytes:
    """A small JPEG with IPTC-IIM data in an APP13 segment right after SOI (Pillow cannot write IIM)."""
    jpg = make_jpeg()
    extra = segments if segments is not None else [app13(photoshop_irb({0x0404: iim}))]
    return jpg[:2] + b"".join(extra) + jpg[2:]


# --- RIFF (WAV / AVI / WebP) ------------------------------------------------------------------

def riff_chunk(cid: bytes, data: bytes) -> bytes:
    return cid + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) & 1 else b"")


def make_riff(form: bytes, chunks: list[bytes]) -> bytes:
    body = form + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def wav_fmt() -> bytes:
    return riff_chunk(b"fmt ", struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)) + riff_chunk(b"data", b"\x00\x00" * 4)


def info_list(items: dict[bytes, str]) -> bytes:
    return riff_chunk(b"LIST", b"INFO" + b"".join(riff_chunk(k, v.encode("utf-8") + b"\x00") for k, v in items.items()))


def ds64_chunk(riff_size: int, data_size: int, table: dict[bytes, int] | None = None, samples: int = 0) -> bytes:
    items = table or {}
    body = struct.pack("<QQQI", riff_size, data_size, samples, len(items))
    body += b"".join(struct.pack("<4sQ", k, v) for k, v in items.items())
    return riff_chunk(b"ds64", body)


def big_chunk_head(cid: bytes) -> bytes:
    """The head of a chunk whose 32-bit size says "see ds64" (RF64/BW64)."""
    return cid + b"\xff\xff\xff\xff"


def make_rf64(chunks: list[bytes], form: bytes = b"RF64") -> bytes:
    """An RF64 WAVE file: the RIFF size is 0xFFFFFFFF; ``chunks`` start with the ds64 chunk."""
    return form + b"\xff\xff\xff\xffWAVE" + b"".join(chunks)


def id3_tag(frames: list[object], v2_version: int = 4) -> bytes:
    """An ID3v2 tag (bytes) holding mutagen ``frames``, as written into a WAV ``id3 `` chunk."""
    from mutagen.id3 import ID3

    tags = ID3()
    for f in frames:
        tags.add(f)
    buf = io.BytesIO()
    tags.save(buf, v2_version=v2_version, padding=lambda info: 0)
    return buf.getvalue()


def compressed_txxx_tag(desc: str, text: bytes, version: int = 4) -> bytes:
    """An ID3v2.3/2.4 tag with one zlib-compressed TXXX frame (UTF-8 text, v2.3 as Latin-1 bytes)."""
    def syncsafe(n: int) -> bytes:
        return bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])

    plain = bytes([3 if version == 4 else 0]) + desc.encode("latin-1") + b"\x00" + text
    comp = zlib.compress(plain, 9)
    if version == 4:  # compression + data length indicator
        body = syncsafe(len(plain)) + comp
        frame = b"TXXX" + syncsafe(len(body)) + b"\x00\x09" + body
    else:
        body = struct.pack(">I", len(plain)) + comp
        frame = b"TXXX" + struct.pack(">I", len(body)) + b"\x00\x80" + body
    return b"ID3" + bytes([version, 0, 0]) + syncsafe(len(frame)) + frame


def make_webp_with_xmp(xmp: str) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "WEBP", xmp=xmp.encode("utf-8"))
    return buf.getvalue()


# --- ISO BMFF ----------------------------------------------------------------------------------

def box(btype: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + btype + payload


def full(btype: bytes, payload: bytes) -> bytes:
    return box(btype, b"\x00\x00\x00\x00" + payload)


def hdlr(handler: bytes) -> bytes:
    return full(b"hdlr", b"\x00\x00\x00\x00" + handler + b"\x00" * 12 + b"\x00")


def keys_meta(items: dict[str, str], handler: bytes = b"mdta", full_box: bool = True) -> bytes:
    keys = full(b"keys", struct.pack(">I", len(items)) + b"".join(
        box(b"mdta", k.encode("utf-8")) for k in items))
    ilst = box(b"ilst", b"".join(
        box(struct.pack(">I", i + 1), box(b"data", struct.pack(">II", 1, 0) + v.encode("utf-8")))
        for i, v in enumerate(items.values())))
    inner = hdlr(handler) + keys + ilst
    return full(b"meta", inner) if full_box else box(b"meta", inner)


def freeform_meta(name: str, value: str) -> bytes:
    item = box(b"----", full(b"mean", b"com.apple.iTunes") + full(b"name", name.encode()) +
               box(b"data", struct.pack(">II", 1, 0) + value.encode("utf-8")))
    return box(b"meta", hdlr(b"mdir") + box(b"ilst", item))


def make_mp4(moov_children: list[bytes], top: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    ftyp = box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
    return ftyp + box(b"moov", full(b"mvhd", b"\x00" * 96) + b"".join(moov_children)) + b"".join(top) + box(b"mdat", b"\x00" * 16)


XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


# --- Matroska ----------------------------------------------------------------------------------

def ebml_el(eid: int, payload: bytes) -> bytes:
    idb = eid.to_bytes((eid.bit_length() + 7) // 8, "big")
    n = len(payload)
    size = (0x10000000 | n).to_bytes(4, "big")  # 4-byte size vint
    return idb + size + payload


def make_mkv(tags: dict[str, str], live: bool = False) -> bytes:
    """Tags after the clusters; ``live``: an unknown-size cluster and a SeekHead, as recorders write."""
    header = ebml_el(0x1A45DFA3, ebml_el(0x4282, b"matroska"))
    simple = b"".join(ebml_el(0x67C8, ebml_el(0x45A3, k.encode()) + ebml_el(0x4487, v.encode("utf-8")))
                      for k, v in tags.items())
    tags_el = ebml_el(0x1254C367, ebml_el(0x7373, ebml_el(0x63C0, b"") + simple))
    if not live:
        return header + ebml_el(0x18538067, ebml_el(0x1F43B675, b"\x00" * 32) + tags_el)
    seek_len = len(ebml_el(0x114D9B74, ebml_el(0x4DBB, ebml_el(0x53AB, b"\x12\x54\xc3\x67") + ebml_el(0x53AC, b"\x00\x00"))))
    cluster = b"\x1f\x43\xb6\x75\x01\xff\xff\xff\xff\xff\xff\xff" + b"\xa3\x84\x81\x00\x00\x80" * 4
    tags_pos = seek_len + len(cluster)
    seek_head = ebml_el(0x114D9B74, ebml_el(0x4DBB, ebml_el(0x53AB, b"\x12\x54\xc3\x67") + ebml_el(0x53AC, tags_pos.to_bytes(2, "big"))))
    return header + ebml_el(0x18538067, seek_head + cluster + tags_el)


# --- FLV ---------------------------------------------------------------------------------------

def amf_str(s: str) -> bytes:
    b = s.encode("utf-8")
    return struct.pack(">H", len(b)) + b


def make_flv(meta: dict[str, object]) -> bytes:
    body = b"\x02" + amf_str("onMetaData") + b"\x08" + struct.pack(">I", len(meta))
    for k, v in meta.items():
        body += amf_str(k)
        body += (b"\x00" + struct.pack(">d", v)) if isinstance(v, (int, float)) else (b"\x02" + amf_str(str(v)))
    body += b"\x00\x00\x09"
    tag = bytes([18]) + len(body).to_bytes(3, "big") + b"\x00" * 7 + body
    return b"FLV\x01\x05\x00\x00\x00\x09" + b"\x00\x00\x00\x00" + tag + struct.pack(">I", len(tag))


# --- FLAC / Ogg ---------------------------------------------------------------------------------

def vorbis_comment(comments: dict[str, str], framing: bool = False) -> bytes:
    vendor = b"test"
    items = [f"{k}={v}".encode() for k, v in comments.items()]
    out = struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", len(items))
    out += b"".join(struct.pack("<I", len(i)) + i for i in items)
    return out + (b"\x01" if framing else b"")


def make_flac(comments: dict[str, str]) -> bytes:
    streaminfo = struct.pack(">HH", 4096, 4096) + b"\x00" * 6 + bytes([0x0A, 0xC4, 0x40, 0xF0]) + b"\x00" * 4 + b"\x00" * 16
    vc = vorbis_comment(comments)
    return (b"fLaC" + bytes([0]) + len(streaminfo).to_bytes(3, "big") + streaminfo
            + bytes([0x80 | 4]) + len(vc).to_bytes(3, "big") + vc)


def make_opus(comments: dict[str, str]) -> bytes:
    from mutagen.ogg import OggPage

    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HIhB", 312, 48000, 0, 0)
    tags = b"OpusTags" + vorbis_comment(comments)
    pages = []
    for seq, (packet, flags) in enumerate(((head, 0x02), (tags, 0x00))):
        p = OggPage()
        p.packets = [packet]
        p.serial, p.sequence, p.position = 1, seq, 0
        if flags:
            p.first = True
        pages.append(p.write())
    return b"".join(pages)


# --- OOXML / PDF / Markdown ----------------------------------------------------------------------

def make_docx(custom: dict[str, str], body: list[str] = ("正文",), core_creator: str | None = None) -> bytes:  # type: ignore[assignment]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        paras = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in body)
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{paras}</w:body></w:document>")
        from xml.sax.saxutils import escape

        props = "".join(
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{k}"><vt:lpwstr>{escape(v)}</vt:lpwstr></property>'
            for i, (k, v) in enumerate(custom.items()))
        z.writestr("docProps/custom.xml", '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                   f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>')
        if core_creator:
            z.writestr("docProps/core.xml", '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                       f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{core_creator}</dc:creator></cp:coreProperties>')
    return buf.getvalue()


def _pdf_str(s: str) -> bytes:
    return b"(" + s.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf_objstm(info: dict[str, str]) -> bytes:
    """A PDF 1.5 whose Info dictionary sits in a compressed object stream (xref stream)."""
    info_obj = b"<< " + b" ".join(b"/" + k.encode() + b" " + _pdf_str(v) for k, v in info.items()) + b" >>"
    header = b"4 0 "
    objstm_data = header + info_obj
    comp = zlib.compress(objstm_data)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}

    def obj(num: int, body: bytes) -> None:
        offsets[num] = len(out)
        out.extend(f"{num} 0 obj\n".encode() + body + b"\nendobj\n")

    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>")
    obj(5, b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (len(header), len(comp))
        + comp + b"\nendstream")
    xref_off = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    for n in (1, 2, 3):
        rows.append(b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00")
    rows.append(b"\x02" + (5).to_bytes(4, "big") + b"\x00\x00")  # obj 4: in objstm 5, index 0
    rows.append(b"\x01" + offsets[5].to_bytes(4, "big") + b"\x00\x00")
    rows.append(b"\x01" + xref_off.to_bytes(4, "big") + b"\x00\x00")
    data = b"".join(rows)
    out.extend(b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Info 4 0 R /Length %d >>\nstream\n" % len(data)
               + data + b"\nendstream\nendobj\n")
    out.extend(b"startxref\n%d\n%%%%EOF\n" % xref_off)
    return bytes(out)


def make_pdf_text(lines: list[str]) -> bytes:
    """A one-page PDF with the given lines of (Latin) text, written by reportlab."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    y = 800
    for line in lines:
        c.drawString(50, y, line)
        y -= 20
    c.showPage()
    c.save()
    return buf.getvalue()


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    p = tmp / name
    if isinstance(data, str):
        p.write_text(data, "utf-8")
    else:
        p.write_bytes(data)
    return p
