"""Hostile and truncated inputs: a clear error or no finding, quickly; never a hang or a crash."""

from __future__ import annotations

import os
import struct
import time

import pytest

from verifier.detectors.base import DetectorFailure

from . import builders as b

pytestmark = pytest.mark.timeout(60)


def _nested_moov(depth: int) -> bytes:
    inner = b""
    for _ in range(depth):
        inner = b.box(b"moov", inner)
    return b.box(b"ftyp", b"isom\x00\x00\x00\x00") + inner


def _nested_list(depth: int) -> bytes:
    inner = b""
    for _ in range(depth):
        inner = b.riff_chunk(b"LIST", b"INFO" + inner)
    return b.make_riff(b"WAVE", [b.wav_fmt(), inner])


def _deep_ebml(depth: int) -> bytes:
    inner = b""
    for _ in range(depth):
        inner = b.ebml_el(0x1254C367, inner)
    return b.ebml_el(0x1A45DFA3, b"") + b.ebml_el(0x18538067, inner)


HOSTILE = {
    "nested_moov.mp4": _nested_moov(1000),
    "riff_bomb.wav": _nested_list(1000),
    "deep.mkv": _deep_ebml(500),
    "many_chunks.png": b.make_png(after_idat=[b.png_chunk(b"teXt", b"")] * 30000),
    "huge_box.mp4": b.box(b"ftyp", b"isom") + struct.pack(">I4sQ", 1, b"moov", 1 << 62),
    "bad_size.wav": b"RIFF\xff\xff\xff\xffWAVE" + b"AIGC\xff\xff\xff\x7f{",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_structures_stop_fast(tmp_path, meta, name):
    p = b.write(tmp_path, name, HOSTILE[name])
    t = time.perf_counter()
    try:
        f = meta(p)
    except DetectorFailure as exc:
        assert str(exc), "the failure must say why"
    else:
        assert [s for s in f.signals if str(s.claim) != "none"] == []
    assert time.perf_counter() - t < 5


def test_depth_limit_message_is_clear(tmp_path, meta):
    with pytest.raises(DetectorFailure, match="nesting deeper than"):
        meta(b.write(tmp_path, "n.mp4", _nested_moov(1000)))


def test_label_before_a_limit_is_still_reported(tmp_path, meta):
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"AIGC", b.label_json().encode())])
    bomb = _nested_list(100)[12:]
    data = b"RIFF" + struct.pack("<I", len(wav) - 8 + len(bomb)) + wav[8:] + bomb
    f = meta(b.write(tmp_path, "w.wav", data))
    assert [s.id for s in f.signals] == ["gb45438.label"]
    assert f.facts["errors"]


CARRIERS = {
    "a.png": b.make_png(after_idat=[b.text_chunk("AIGC", b.label_json())]),
    "a.jpg": b.make_jpeg(exif=b.make_exif(exif_ifd={0x9286: b.user_comment(b.wrapped_json())}), xmp=b.xmp_element()),
    "a.mp4": b.make_mp4([b.box(b"udta", b.keys_meta({"AIGC": b.label_json()}))]),
    "a.wav": b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"AIGC", b.label_json().encode())]),
    "a.mkv": b.make_mkv({"AIGC": b.label_json()}),
    "a.flv": b.make_flv({"AIGC": b.label_json()}),
    "a.flac": b.make_flac({"AIGC": b.label_json()}),
    "a.pdf": b.make_pdf_objstm({"AIGC": b.label_json()}),
    "a.docx": b.make_docx({"AIGC": b.label_json()}),
}


@pytest.mark.parametrize("name", sorted(CARRIERS))
@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_carriers(tmp_path, meta, name, cut):
    data = CARRIERS[name]
    p = b.write(tmp_path, name, data[: max(16, int(len(data) * cut))])
    t = time.perf_counter()
    try:
        meta(p)
    except DetectorFailure as exc:
        assert str(exc)
    assert time.perf_counter() - t < 5


@pytest.mark.parametrize("name", sorted(CARRIERS))
def test_garbage_after_magic(tmp_path, meta, name):
    data = CARRIERS[name]
    rnd = os.urandom(4000)
    p = b.write(tmp_path, name, data[:16] + rnd)
    try:
        f = meta(p)
    except DetectorFailure as exc:
        assert str(exc)
    else:
        assert not [s for s in f.signals if s.id == "gb45438.label"]


def test_zip_bomb_member_is_refused(tmp_path, meta):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<x/>")
        z.writestr("docProps/custom.xml", b"<" + b" " * (40 << 20) + b"/>")
    p = b.write(tmp_path, "bomb.docx", buf.getvalue())
    with pytest.raises(DetectorFailure, match="not inflated|inflates past"):
        meta(p)


def test_metadata_value_total_is_capped(tmp_path, meta):
    chunks = [b.text_chunk(f"k{i}", "x" * (512 << 10)) for i in range(80)]  # 40 MiB of text
    with pytest.raises(DetectorFailure, match="MiB of metadata values"):
        meta(b.write(tmp_path, "big.png", b.make_png(after_idat=chunks)))


def test_large_media_data_is_skipped_not_read(tmp_path, meta):
    """A label after 2 GiB of (sparse) media data is found in well under a second."""
    big = 2 << 30
    p = tmp_path / "big.mp4"
    with open(p, "wb") as fh:
        fh.write(b.box(b"ftyp", b"isom\x00\x00\x02\x00"))
        fh.write(struct.pack(">I4sQ", 1, b"mdat", 16 + big))
        fh.seek(big, 1)
        fh.write(b.make_mp4([b.box(b"udta", b.keys_meta({"AIGC": b.label_json()}))])[len(b.box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")):])
    t = time.perf_counter()
    from verifier.config import Config
    from verifier.detectors.base import Context
    from verifier.detectors.metadata import MetadataDetector
    from verifier.evidence import MediaFile

    media = MediaFile(path=p, sha256="0" * 64, size=p.stat().st_size, media_type="video/mp4", family="isobmff")
    f = MetadataDetector().run(media, Context(Config()))
    assert [s.id for s in f.signals] == ["gb45438.label"]
    assert time.perf_counter() - t < 1.0
