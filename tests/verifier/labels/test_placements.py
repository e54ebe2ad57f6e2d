"""Every GB 45438 placement of LABELS.md §1, each in a carrier built in code."""

from __future__ import annotations

import io
import zlib

import pytest

from . import builders as b

pytestmark = pytest.mark.timeout(60)


def _labels(findings):  # noqa: ANN001, ANN202
    return [s for s in findings.signals if s.id == "gb45438.label"]


def _one_label(findings, placement: str) -> dict:  # noqa: ANN001
    labels = _labels(findings)
    assert len(labels) == 1, [s.summary for s in findings.signals]
    sig = labels[0]
    assert str(sig.claim) == "ai_generated" and str(sig.basis) == "metadata" and str(sig.confidence) == "declared"
    assert placement in sig.details["placements"], sig.details["placements"]
    assert sig.details["Label"] == "1"
    assert sig.details["producer"]["uscc"] == "91110102MACQD9K640"
    return sig.details


def test_png_text_chunk_after_idat(tmp_path, meta):
    p = b.write(tmp_path, "a.png", b.make_png(after_idat=[b.text_chunk("AIGC", b.label_json())]))
    _one_label(meta(p), "png:tEXt:AIGC")


def test_png_ztxt_wrapped(tmp_path, meta):
    p = b.write(tmp_path, "a.png", b.make_png(before_idat=[b.ztxt_chunk("AIGC", b.wrapped_json())]))
    d = _one_label(meta(p), "png:zTXt:AIGC")
    assert d["shape"] == "wrapped"


@pytest.mark.parametrize("compressed", [False, True])
def test_png_itxt_xmp(tmp_path, meta, compressed):
    chunk = b.itxt_chunk("XML:com.adobe.xmp", b.xmp_element(), compressed)
    p = b.write(tmp_path, "a.png", b.make_png(after_idat=[chunk]))
    d = _one_label(meta(p), "png:iTXt:XMP")
    assert d["field"] == "TC260:AIGC"


def test_jpeg_xmp_and_exif_usercomment_are_one_label(tmp_path, meta):
    exif = b.make_exif(exif_ifd={0x9286: b.user_comment(b.wrapped_json())})
    p = b.write(tmp_path, "a.jpg", b.make_jpeg(exif=exif, xmp=b.xmp_attribute()))
    d = _one_label(meta(p), "jpeg:APP1:XMP")
    assert "jpeg:EXIF:UserComment" in d["placements"]
    assert not any(f["code"] == "multiple_labels" for f in d["findings"])


def test_exif_usercomment_unicode(tmp_path, meta):
    exif = b.make_exif(exif_ifd={0x9286: b.user_comment(b.wrapped_json(), b"UNICODE\x00", "utf-16-be")})
    p = b.write(tmp_path, "a.jpg", b.make_jpeg(exif=exif))
    _one_label(meta(p), "jpeg:EXIF:UserComment")


def test_webp_riff_xmp(tmp_path, meta):
    p = b.write(tmp_path, "a.webp", b.make_webp_with_xmp(b.xmp_element()))
    _one_label(meta(p), "webp:RIFF:XMP")


def test_tiff_xmlpacket(tmp_path, meta):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "TIFF", tiffinfo={700: b.xmp_element().encode("utf-8")})
    p = b.write(tmp_path, "a.tif", buf.getvalue())
    _one_label(meta(p), "tiff:IFD0:XMLPacket")


def test_gif_xmp_application_extension(tmp_path, meta):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("P", (4, 4)).save(buf, "GIF")
    gif = buf.getvalue()
    trailer = bytes([1]) + bytes(range(255, -1, -1)) + b"\x00"  # the XMP "magic trailer"
    ext = b"!\xff\x0bXMP DataXMP" + b.xmp_element().encode("utf-8") + trailer
    p = b.write(tmp_path, "a.gif", gif[:-1] + ext + b";")
    _one_label(meta(p), "gif:AppExt:XMP")


@pytest.mark.parametrize("fmt,ext", [("HEIF", "heic"), ("AVIF", "avif")])
def test_heif_avif_xmp_item(tmp_path, meta, fmt, ext):
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    try:
        Image.new("RGB", (16, 16)).save(buf, fmt, xmp=b.xmp_element().encode("utf-8"))
    except (KeyError, OSError, ValueError) as exc:
        pytest.skip(f"no {fmt} encoder here: {exc}")
    p = b.write(tmp_path, f"a.{ext}", buf.getvalue())
    _one_label(meta(p), "heif:XMP")


def test_mp4_udta_meta_keys(tmp_path, meta):
    moov = [b.box(b"udta", b.keys_meta({"com.example.other": "x", "AIGC": b.label_json()}))]
    p = b.write(tmp_path, "a.mp4", b.make_mp4(moov))
    _one_label(meta(p), "mp4:moov/udta/meta:keys")


def test_mp4_meta_directly_under_moov_mdir(tmp_path, meta):
    # Doubao iOS: meta straight under moov, QuickTime-style (no FullBox header), handler mdir
    moov = [b.keys_meta({"AIGC": b.label_json()}, handler=b"mdir", full_box=False)]
    p = b.write(tmp_path, "a.mov", b.make_mp4(moov))
    _one_label(meta(p), "mp4:moov/meta:keys")


def test_m4a_itunes_freeform(tmp_path, meta):
    p = b.write(tmp_path, "a.m4a", b.make_mp4([b.box(b"udta", b.freeform_meta("AIGC", b.label_json()))]))
    _one_label(meta(p), "mp4:moov/udta/meta:ilst")


def test_mp4_xmp_uuid_box(tmp_path, meta):
    uuid = b.box(b"uuid", b.XMP_UUID + b.xmp_element().encode("utf-8"))
    p = b.write(tmp_path, "a.mp4", b.make_mp4([], top=[uuid]))
    _one_label(meta(p), "mp4:uuid:XMP")


@pytest.mark.parametrize("live", [False, True])
def test_mkv_simpletag(tmp_path, meta, live):
    p = b.write(tmp_path, "a.webm", b.make_mkv({"TITLE": "x", "AIGC": b.label_json()}, live=live))
    f = meta(p)
    _one_label(f, "mkv:Tags/Tag/SimpleTag")
    assert live == any("unknown size" in w for w in f.facts.get("warnings", []))


def test_avi_list_info(tmp_path, meta):
    avi = b.make_riff(b"AVI ", [b.riff_chunk(b"LIST", b"hdrl" + b.riff_chunk(b"avih", b"\x00" * 56)),
                               b.info_list({b"INAM": "clip", b"AIGC": b.label_json()}),
                               b.riff_chunk(b"LIST", b"movi" + b"\x00" * 8)])
    p = b.write(tmp_path, "a.avi", avi)
    _one_label(meta(p), "avi:LIST/INFO/AIGC")


def test_flv_onmetadata(tmp_path, meta):
    p = b.write(tmp_path, "a.flv", b.make_flv({"duration": 1.0, "AIGC": b.label_json()}))
    _one_label(meta(p), "flv:onMetaData")


def test_wav_top_level_chunk(tmp_path, meta):
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"AIGC", b.label_json().encode())])
    p = b.write(tmp_path, "a.wav", wav)
    _one_label(meta(p), "wav:RIFF/AIGC")


def test_wav_list_info(tmp_path, meta):
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.info_list({b"AIGC": b.label_json()})])
    p = b.write(tmp_path, "a.wav", wav)
    _one_label(meta(p), "wav:LIST/INFO/AIGC")


@pytest.mark.parametrize("desc", ["AIGC", "aigc", "Aigc"])
def test_mp3_id3_txxx_any_case(tmp_path, meta, desc):
    from mutagen.id3 import ID3, TXXX

    p = tmp_path / "a.mp3"
    p.write_bytes(b"\xff\xfb\x90\x00" + b"\x00" * 413)
    tags = ID3()
    tags.add(TXXX(encoding=3, desc=desc, text=[b.label_json()]))
    tags.save(p)
    _one_label(meta(p), "mp3:ID3v2:TXXX")


def test_flac_vorbis_comment(tmp_path, meta):
    p = b.write(tmp_path, "a.flac", b.make_flac({"TITLE": "x", "AIGC": b.label_json()}))
    _one_label(meta(p), "flac:VorbisComment")


def test_opus_vorbis_comment(tmp_path, meta):
    p = b.write(tmp_path, "a.opus", b.make_opus({"AIGC": b.label_json()}))
    _one_label(meta(p), "ogg:VorbisComment")


def test_docx_custom_property(tmp_path, meta):
    p = b.write(tmp_path, "a.docx", b.make_docx({"AIGC": b.label_json()}, core_creator="Zhang San"))
    f = meta(p)
    _one_label(f, "ooxml:docProps/custom.xml")
    assert any(x["value"] == "Zhang San" for x in f.facts["privacy"])


def test_pdf_info_in_compressed_object_stream(tmp_path, meta):
    data = b.make_pdf_objstm({"Producer": "test", "AIGC": b.label_json()})
    assert b"ContentProducer" not in data  # really compressed
    p = b.write(tmp_path, "a.pdf", data)
    _one_label(meta(p), "pdf:Info")


def test_markdown_front_matter_mapping(tmp_path, meta):
    lines = "\n".join(f"  {k}: '{v}'" for k, v in b.SEVEN.items())
    p = b.write(tmp_path, "a.md", f"---\ntitle: x\nAIGC:\n{lines}\n---\n\n# t\n")
    _one_label(meta(p), "md:front-matter")


def test_markdown_front_matter_one_line_json(tmp_path, meta):
    p = b.write(tmp_path, "a.md", f"---\nAIGC: {b.label_json()}\n---\nbody\n")
    _one_label(meta(p), "md:front-matter")


def test_markdown_front_matter_quoted_json_string(tmp_path, meta):
    quoted = b.label_json().replace("'", "''")
    p = b.write(tmp_path, "a.md", f"---\nAIGC: '{quoted}'\n---\nbody\n")
    _one_label(meta(p), "md:front-matter")


def test_zlib_bomb_in_ztxt_is_not_inflated(tmp_path, meta):
    bomb = b.png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * (64 << 20)))
    p = b.write(tmp_path, "a.png", b.make_png(after_idat=[bomb, b.text_chunk("AIGC", b.label_json())]))
    from verifier.detectors.base import DetectorFailure

    with pytest.raises(DetectorFailure, match="inflates past"):
        meta(p)


def test_exif_image_description_with_tencent_keys(tmp_path, meta):
    import json

    value = json.dumps({"ServiceProvider": "Tencent Cloud", "ServiceUser": "1000001", "Time": "1735000000",
                        "ContentId": "abc", "AIGC": json.loads(b.label_json())})
    p = b.write(tmp_path, "a.jpg", b.make_jpeg(exif=b.make_exif({0x010E: value})))
    d = _one_label(meta(p), "jpeg:EXIF:ImageDescription")
    assert d["shape"] == "wrapped"
    assert any(f["code"] == "extra_keys" and "ServiceProvider" in f["message"] for f in d["findings"])


def test_webp_exif_usercomment(tmp_path, meta):
    from PIL import Image

    buf = io.BytesIO()
    exif = b.make_exif(exif_ifd={0x9286: b.user_comment(b.wrapped_json())})
    Image.new("RGB", (8, 8)).save(buf, "WEBP", exif=exif)
    _one_label(meta(b.write(tmp_path, "a.webp", buf.getvalue())), "webp:EXIF:UserComment")


def test_heif_exif_item(tmp_path, meta):
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    exif = b.make_exif(exif_ifd={0x9286: b.user_comment(b.wrapped_json())})
    try:
        Image.new("RGB", (16, 16)).save(buf, "HEIF", exif=exif)
    except (KeyError, OSError, ValueError) as exc:
        pytest.skip(f"no HEIF encoder here: {exc}")
    _one_label(meta(b.write(tmp_path, "a.heic", buf.getvalue())), "heif:EXIF:UserComment")


def test_markdown_front_matter_broken_yaml_still_reads_json_line(tmp_path, meta):
    p = b.write(tmp_path, "a.md", f"---\ntitle: [unclosed\nAIGC: {b.label_json()}\n---\nbody\n")
    f = meta(p)
    _one_label(f, "md:front-matter")
    assert any("not valid YAML" in w for w in f.facts["warnings"])


def test_mp3_id3_priv_xmp(tmp_path, meta):
    from mutagen.id3 import ID3, PRIV

    p = tmp_path / "a.mp3"
    p.write_bytes(b"\xff\xfb\x90\x00" + b"\x00" * 413)
    tags = ID3()
    tags.add(PRIV(owner="XMP", data=b.xmp_element().encode("utf-8")))
    tags.save(p)
    _one_label(meta(p), "mp3:ID3v2:PRIV:XMP")


def test_jpeg_extended_xmp(tmp_path, meta):
    import struct

    packet = b.xmp_element().encode("utf-8")
    guid = b"0123456789ABCDEF0123456789ABCDEF"
    half = len(packet) // 2
    segs = b""
    for off, part in ((0, packet[:half]), (half, packet[half:])):
        body = b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(packet), off) + part
        segs += b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    jpg = b.make_jpeg()
    p = b.write(tmp_path, "a.jpg", jpg[:2] + segs + jpg[2:])
    _one_label(meta(p), "jpeg:APP1:ExtendedXMP")
