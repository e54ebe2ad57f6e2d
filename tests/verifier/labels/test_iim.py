"""IPTC-IIM (JPEG APP13 Photoshop resource 0x0404, TIFF tag 33723): fields, privacy, hostile data.

Fixtures are built in code: Pillow reads IIM but cannot write it, so the datasets are packed by
hand (0x1C, record, dataset, 2-byte length, value).
"""

from __future__ import annotations

import io
import struct
import time

import pytest

from verifier import read_meta
from verifier.inputs import identify

from . import builders as b

pytestmark = pytest.mark.timeout(60)
UTF8 = b.iim_dataset(1, 90, b"\x1b%G")
PLACE = "jpeg:APP13:IPTC-IIM"


def _read(tmp_path, data: bytes, name: str = "a.jpg"):  # noqa: ANN001, ANN202
    return read_meta.read(identify(b.write(tmp_path, name, data)))


def _iim(result) -> list[tuple[str, object]]:  # noqa: ANN001
    return [(e.key, e.value) for e in result.entries if e.group == "IPTC-IIM"]


def _agency_photo() -> bytes:
    return (UTF8 + b.iim_dataset(2, 0, b"\x00\x04") + b.iim_dataset(2, 5, "KYIV-STRIKE")
            + b.iim_dataset(2, 25, "war") + b.iim_dataset(2, 25, "Україна")
            + b.iim_dataset(2, 40, "EDITORIAL USE ONLY") + b.iim_dataset(2, 55, "20240301")
            + b.iim_dataset(2, 60, "101500+0200") + b.iim_dataset(2, 80, "Jane Doe")
            + b.iim_dataset(2, 85, "Staff Photographer") + b.iim_dataset(2, 90, "Kyiv")
            + b.iim_dataset(2, 95, "Kyiv Oblast") + b.iim_dataset(2, 101, "Ukraine")
            + b.iim_dataset(2, 105, "Aftermath of a strike") + b.iim_dataset(2, 110, "Agency")
            + b.iim_dataset(2, 115, "Agency Pool") + b.iim_dataset(2, 116, "© 2024 Agency")
            + b.iim_dataset(2, 120, "Rescuers work at the site — Kyiv, March 1.")
            + b.iim_dataset(2, 122, "John Roe") + b.iim_dataset(2, 199, "unnamed dataset"))


def test_agency_iim_fields_are_read_with_names(tmp_path):
    got = _iim(_read(tmp_path, b.make_jpeg_iim(_agency_photo())))
    assert got == [
        ("CodedCharacterSet", "UTF-8"), ("RecordVersion", 4), ("ObjectName", "KYIV-STRIKE"),
        ("Keywords", "war"), ("Keywords", "Україна"), ("SpecialInstructions", "EDITORIAL USE ONLY"),
        ("DateCreated", "20240301"), ("TimeCreated", "101500+0200"), ("By-line", "Jane Doe"),
        ("By-lineTitle", "Staff Photographer"), ("City", "Kyiv"), ("Province-State", "Kyiv Oblast"),
        ("Country-PrimaryLocationName", "Ukraine"), ("Headline", "Aftermath of a strike"),
        ("Credit", "Agency"), ("Source", "Agency Pool"), ("CopyrightNotice", "© 2024 Agency"),
        ("Caption-Abstract", "Rescuers work at the site — Kyiv, March 1."), ("Writer-Editor", "John Roe"),
        ("2:199", "unnamed dataset"),
    ]


def test_iim_placement_names_the_app13_segment(tmp_path):
    r = _read(tmp_path, b.make_jpeg_iim(b.iim_dataset(2, 80, "Jane Doe")))
    (e,) = [e for e in r.entries if e.group == "IPTC-IIM"]
    assert e.placement == f"{PLACE}:By-line" and not r.errors


def test_iim_shows_in_metadata_table_and_byline_is_a_privacy_point(tmp_path, meta):
    f = meta(b.write(tmp_path, "a.jpg", b.make_jpeg_iim(_agency_photo())))
    rows = {(r["group"], r["key"]): r["value"] for r in f.facts["fields"]}
    assert rows[("IPTC-IIM", "Credit")] == "Agency"
    assert rows[("IPTC-IIM", "Caption-Abstract")].startswith("Rescuers work")
    privacy = {p["field"]: p["value"] for p in f.facts["privacy"]}
    assert privacy[f"{PLACE}:By-line"] == "Jane Doe"
    assert privacy[f"{PLACE}:Writer-Editor"] == "John Roe"
    assert privacy[f"{PLACE}:City"] == "Kyiv"
    assert not f.signals  # editing facts, not an AI declaration


def test_tiff_iptc_naa_tag_is_read(tmp_path):
    from PIL import Image, TiffImagePlugin

    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    ifd[33723] = b.iim_dataset(2, 80, "Jane Doe") + b.iim_dataset(2, 110, "Agency")
    ifd.tagtype[33723] = 7  # UNDEFINED
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "TIFF", tiffinfo=ifd)
    r = _read(tmp_path, buf.getvalue(), "a.tif")
    assert [(e.placement, e.value) for e in r.entries if e.group == "IPTC-IIM"] == [
        ("tiff:IFD0:IPTC-IIM:By-line", "Jane Doe"), ("tiff:IFD0:IPTC-IIM:Credit", "Agency")]
    assert not [e for e in r.entries if e.key == "IPTCNAA"]  # the raw tag is replaced by its datasets


def test_jpeg_without_app13_has_no_iim(tmp_path):
    r = _read(tmp_path, b.make_jpeg(comment="hello"))
    assert not _iim(r) and not r.errors


def test_undeclared_charset_falls_back_to_latin1(tmp_path):
    r = _read(tmp_path, b.make_jpeg_iim(b.iim_dataset(2, 90, "Zürich".encode("latin-1"))))
    assert _iim(r) == [("City", "Zürich")]


def test_undeclared_utf8_is_read_as_utf8(tmp_path):
    r = _read(tmp_path, b.make_jpeg_iim(b.iim_dataset(2, 90, "Zürich")))
    assert _iim(r) == [("City", "Zürich")]


def test_declared_utf8_with_invalid_bytes_is_replaced_not_guessed(tmp_path):
    r = _read(tmp_path, b.make_jpeg_iim(UTF8 + b.iim_dataset(2, 90, b"Z\xfcrich")))
    assert _iim(r)[-1] == ("City", "Z\ufffdrich")


def test_control_characters_are_neutralised_and_html_stays_text(tmp_path):
    evil = "\x1b[2J\x1b]0;pwned\x07<script>alert(1)</script>\x00\x08 line1\nline2\r\n"
    r = _read(tmp_path, b.make_jpeg_iim(b.iim_dataset(2, 120, evil)))
    ((_, value),) = _iim(r)
    assert "\x1b" not in value and "\x07" not in value and "\x08" not in value
    assert "<script>alert(1)</script>" in value and "line1\nline2" in value


def test_long_value_is_capped(tmp_path):
    from verifier.adapters.pillow_meta import IIM_MAX_VALUE

    r = _read(tmp_path, b.make_jpeg_iim(b.iim_dataset(2, 120, "é" * 10000)))
    ((_, value),) = _iim(r)
    assert value.endswith("…") and len(value) <= IIM_MAX_VALUE // 2 + 1 and "\ufffd" not in value


def test_many_datasets_are_capped(tmp_path):
    from verifier.adapters.pillow_meta import IIM_MAX_ENTRIES

    r = _read(tmp_path, b.make_jpeg_iim(b"".join(b.iim_dataset(2, 25, "k") for _ in range(10000))))
    got = _iim(r)
    assert len(got) == IIM_MAX_ENTRIES + 1 and "rest not read" in str(got[-1][1])


def _ext_len(record: int, dataset: int, nbytes: int, declared: int, value: bytes) -> bytes:
    """An extended-length dataset: high bit set, the length's own size, then the length."""
    return bytes([0x1C, record, dataset]) + struct.pack(">H", 0x8000 | nbytes) + declared.to_bytes(nbytes, "big") + value


HOSTILE = {
    "extended length, spec form": _ext_len(2, 120, 4, 0xFFFFFFFF, b"short"),
    "4 GiB length, as Pillow reads extended lengths": bytes([0x1C, 2, 120, 0x84, 0]) + b"\xff" * 4 + b"short",
    "extended length of 32k bytes": bytes([0x1C, 2, 120, 0xFF, 0xFF]) + b"x" * 10,
    "length past the end": b.iim_dataset(2, 80, "ok") + bytes([0x1C, 2, 120, 0x7F, 0xFF]) + b"cut",
    "truncated header": b.iim_dataset(2, 80, "ok") + b"\x1c\x02",
    "junk instead of a tag marker": b.iim_dataset(2, 80, "ok") + b"\xffjunk" * 50,
    "unknown record": b.iim_dataset(2, 80, "ok") + b.iim_dataset(77, 1, "x"),
    "record 3 image data": b.iim_dataset(3, 60, b"\x01\x00") + b.iim_dataset(2, 80, "ok"),
    "zero padding": b.iim_dataset(2, 80, "ok") + b"\x00" * 300,
    "empty dataset": b.iim_dataset(2, 80, b"") + b.iim_dataset(2, 90, "ok"),
    "only zeros": b"\x00" * 64,
    "empty": b"",
}


@pytest.mark.parametrize("iim", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_iim_never_crashes(tmp_path, meta, iim):
    path = b.write(tmp_path, "a.jpg", b.make_jpeg_iim(iim))
    t0 = time.perf_counter()
    r = read_meta.read(identify(path))
    f = meta(path)
    assert time.perf_counter() - t0 < 5
    assert not r.errors  # IIM problems are shown as a field, the rest of the file is still read
    assert all(isinstance(v, (str, int)) for _, v in _iim(r))
    assert not f.signals


def test_malformed_iim_is_reported_as_unreadable(tmp_path):
    r = _read(tmp_path, b.make_jpeg_iim(HOSTILE["junk instead of a tag marker"]))
    assert _iim(r) == [("IPTC-IIM", "unreadable IPTC-IIM (SyntaxError: invalid IPTC/NAA file)")]


HOSTILE_SEGMENTS = {
    "8BIM size past the segment": b.app13(b"8BIM\x04\x04\x00\x00" + struct.pack(">I", 0x7FFFFFFF)
                                          + b.iim_dataset(2, 80, "ok")),
    "8BIM name past the segment": b.app13(b"8BIM\x04\x04\x40abc"),
    "no 8BIM resources": b.app13(b"garbage" * 10),
    "APP13 shorter than its signature": b"\xff\xed\x00\x05abc",
    "resource 0x0404 missing": b.app13(b.photoshop_irb({0x03ED: b"\x00" * 16})),
    "two APP13 segments": (b.app13(b.photoshop_irb({0x0404: b.iim_dataset(2, 80, "first")}))
                           + b.app13(b.photoshop_irb({0x0404: b.iim_dataset(2, 80, "second")}))),
}


@pytest.mark.parametrize("segments", HOSTILE_SEGMENTS.values(), ids=HOSTILE_SEGMENTS.keys())
def test_hostile_app13_segments_never_crash(tmp_path, meta, segments):
    path = b.write(tmp_path, "a.jpg", b.make_jpeg_iim(b"", segments=[segments]))
    t0 = time.perf_counter()
    r = read_meta.read(identify(path))
    meta(path)
    assert time.perf_counter() - t0 < 5
    assert all(isinstance(v, (str, int)) for _, v in _iim(r))
    assert len([e for e in r.entries if e.key == "By-line"]) <= 1


def test_ai_statement_in_caption_is_a_fact_not_a_signal(tmp_path, meta):
    iim = (b.iim_dataset(2, 120, "Rescuers at the site in Kyiv.\nThe background was generated with AI.")
           + b.iim_dataset(2, 25, "AI-generated") + b.iim_dataset(2, 105, "How to spot AI-generated photos")
           + b.iim_dataset(2, 116, "Image generated by AI."))  # not a statement field
    f = meta(b.write(tmp_path, "a.jpg", b.make_jpeg_iim(iim)))
    assert not f.signals  # free text in unsigned metadata: a fact for the reader only
    assert f.facts["iim_ai_statements"] == [
        {"field": f"{PLACE}:Keywords", "text": "AI-generated", "language": "en"},
        {"field": f"{PLACE}:Caption-Abstract", "text": "The background was generated with AI.", "language": "en"},
    ]


def test_ordinary_caption_has_no_ai_statement(tmp_path, meta):
    f = meta(b.write(tmp_path, "a.jpg", b.make_jpeg_iim(_agency_photo())))
    assert "iim_ai_statements" not in f.facts
