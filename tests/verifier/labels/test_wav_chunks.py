"""WAV beyond the plain RIFF form: RF64/BW64 (64-bit sizes in ds64) and ID3v2 tags in an ``id3 `` chunk."""

from __future__ import annotations

import struct
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.config import Config
from verifier.detectors.base import Context, DetectorFailure
from verifier.detectors.metadata import MetadataDetector
from verifier import read_meta
from verifier.inputs import sniff_file

from . import builders as b
from .test_placements import _labels, _one_label

pytestmark = pytest.mark.timeout(60)


def _tail() -> list[bytes]:
    """What a label writer appends after the audio: LIST/INFO with AIGC, and a top-level AIGC chunk."""
    return [b.info_list({b"INAM": "clip", b"AIGC": b.label_json()}),
            b.riff_chunk(b"AIGC", b.label_json().encode())]


def _fmt() -> bytes:
    return b.riff_chunk(b"fmt ", struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16))


@pytest.mark.parametrize("form", [b"RF64", b"BW64"])
def test_rf64_chunks_after_data_sized_by_ds64(tmp_path, meta, form):
    audio = b"\x01\x02" * 8
    rf = b.make_rf64([b.ds64_chunk(0, len(audio)), _fmt(), b.big_chunk_head(b"data") + audio, *_tail()], form=form)
    p = b.write(tmp_path, "a.wav", rf)
    d = _one_label(meta(p), "wav:RIFF/AIGC")
    assert "wav:LIST/INFO/AIGC" in d["placements"]


def test_rf64_without_ds64_size_says_so(tmp_path, meta):
    """data with 0xFFFFFFFF and no ds64: the walk cannot go on, and the facts say why."""
    rf = b.make_rf64([_fmt(), b.big_chunk_head(b"data") + b"\x00" * 16, *_tail()])
    f = meta(p := b.write(tmp_path, "a.wav", rf))
    assert _labels(f) == []
    warnings = " ".join(f.facts.get("warnings", []))
    assert "does not give it" in warnings and "past the end" in warnings, (p, warnings)


def test_rf64_ds64_table_sizes_another_chunk(tmp_path, meta):
    """A chunk other than data named in the ds64 table takes its 64-bit size from there."""
    junk = b"\x00" * 10
    rf = b.make_rf64([b.ds64_chunk(0, 0, {b"junk": len(junk)}), _fmt(), b.riff_chunk(b"data", b""),
                      b.big_chunk_head(b"junk") + junk, *_tail()])
    _one_label(meta(b.write(tmp_path, "a.wav", rf)), "wav:RIFF/AIGC")


def test_rf64_sparse_over_4gib_is_seeked_not_read(tmp_path):
    """A real > 4 GiB RF64 (sparse on disk): the label after the audio is found in well under a second."""
    data_size = (5 << 30) + 2
    head = b.make_rf64([b.ds64_chunk(0, data_size), _fmt(), b.big_chunk_head(b"data")])
    p = tmp_path / "big.wav"
    with open(p, "wb") as fh:
        fh.write(head)
        fh.seek(len(head) + data_size)
        fh.write(b"".join(_tail()))
    media = sniff_file(p)
    assert media.family == "riff" and media.size > 1 << 32
    t = time.perf_counter()
    f = MetadataDetector().run(media, Context(Config(isolation="inline")))
    assert time.perf_counter() - t < 2
    d = _one_label(f, "wav:RIFF/AIGC")
    assert "wav:LIST/INFO/AIGC" in d["placements"]


HOSTILE_RF64 = {
    # ds64 claims 2**63 bytes of audio: the walk stops at the end of the file and says so
    "huge_data": b.make_rf64([b.ds64_chunk(1 << 63, 1 << 63), _fmt(), b.big_chunk_head(b"data") + b"\x00" * 8,
                              *_tail()]),
    # ds64 body of 10 bytes: sizes unknown
    "truncated_ds64": b.make_rf64([b.riff_chunk(b"ds64", b"\x00" * 10), _fmt(),
                                   b.big_chunk_head(b"data") + b"\x00" * 8, *_tail()]),
    # ds64 cut by the end of the file
    "ds64_cut": b.make_rf64([b"ds64" + struct.pack("<I", 28) + b"\x00" * 12]),
    # a table of 2**32-1 entries announced in a 40-byte body
    "huge_table": b.make_rf64([b.riff_chunk(b"ds64", struct.pack("<QQQI", 0, 8, 0, 0xFFFFFFFF) + b"junk" + b"\x00" * 8),
                               _fmt(), b.big_chunk_head(b"data") + b"\x00" * 8, *_tail()]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_RF64))
def test_hostile_rf64_stops_fast_with_a_reason(tmp_path, meta, name):
    p = b.write(tmp_path, f"{name}.wav", HOSTILE_RF64[name])
    t = time.perf_counter()
    f = meta(p)
    assert time.perf_counter() - t < 5
    # a bogus table length alone does not spoil the walk: data is sized, the label after it is read
    assert len(_labels(f)) == (1 if name == "huge_table" else 0)
    warnings = " ".join(f.facts.get("warnings", []))
    expected = {"huge_data": "past the end", "truncated_ds64": "ds64 chunk truncated",
                "ds64_cut": "cut off by the end", "huge_table": "ds64 table of 4294967295 entries: 1 read"}[name]
    assert expected in warnings, warnings


# --- ID3 in WAV ------------------------------------------------------------------------------

@pytest.mark.parametrize("cid", [b"id3 ", b"ID3 ", b"Id3 "])
@pytest.mark.parametrize("version", [3, 4])
def test_wav_id3_chunk_txxx(tmp_path, meta, cid, version):
    from mutagen.id3 import TIT2, TXXX

    tag = b.id3_tag([TIT2(encoding=3, text=["clip"]), TXXX(encoding=3, desc="aigc", text=[b.label_json()])], version)
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(cid, tag)])
    f = meta(b.write(tmp_path, "a.wav", wav))
    _one_label(f, "wav:RIFF/id3:TXXX")
    assert "errors" not in f.facts


def test_wav_id3_chunk_priv_xmp(tmp_path, meta):
    from mutagen.id3 import PRIV

    tag = b.id3_tag([PRIV(owner="XMP", data=b.xmp_element().encode("utf-8"))])
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", tag)])
    _one_label(meta(b.write(tmp_path, "a.wav", wav)), "wav:RIFF/id3:PRIV:XMP")


def test_rf64_id3_chunk_after_data(tmp_path, meta):
    from mutagen.id3 import TXXX

    tag = b.id3_tag([TXXX(encoding=3, desc="AIGC", text=[b.label_json()])])
    rf = b.make_rf64([b.ds64_chunk(0, 4), _fmt(), b.big_chunk_head(b"data") + b"\x00" * 4, b.riff_chunk(b"ID3 ", tag)])
    _one_label(meta(b.write(tmp_path, "a.wav", rf)), "wav:RIFF/id3:TXXX")


@pytest.mark.parametrize("body", [b"", b"not an id3 tag at all", b"ID3\x04\x00\x00\x7f\x7f\x7f\x7fTXXX",
                                  b"ID3\x09\x00\x00\x00\x00\x00\x10" + b"\xff" * 16])
def test_wav_malformed_id3_chunk_is_an_error_not_silence(tmp_path, meta, body):
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", body)])
    with pytest.raises(DetectorFailure, match="ID3 tag in wav:RIFF/id3 not readable"):
        meta(b.write(tmp_path, "a.wav", wav))


def test_wav_malformed_id3_chunk_keeps_other_labels(tmp_path, meta):
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", b"garbage"),
                                b.riff_chunk(b"AIGC", b.label_json().encode())])
    f = meta(b.write(tmp_path, "a.wav", wav))
    _one_label(f, "wav:RIFF/AIGC")
    assert any("ID3 tag in wav:RIFF/id3 not readable" in e for e in f.facts["errors"])


def test_wav_id3_chunk_counts_against_the_budget(tmp_path, monkeypatch):
    """The ID3 chunk is metadata read into memory: it is spent from the walk's byte budget."""
    from mutagen.id3 import APIC, TXXX

    from verifier.formats import meta as meta_mod

    tag = b.id3_tag([APIC(encoding=3, mime="image/png", type=3, desc="", data=b"\x00" * 300_000),
                     TXXX(encoding=3, desc="AIGC", text=[b.label_json()])])
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", tag)])
    p = b.write(tmp_path, "a.wav", wav)
    assert any(e.placement == "wav:RIFF/id3:TXXX" for e in read_meta.read(sniff_file(p)).entries)
    monkeypatch.setattr(read_meta, "Budget", lambda: meta_mod.Budget(max_total=100_000))
    res = read_meta.read(sniff_file(p))
    assert res.entries == [] and any("MiB of metadata values" in e for e in res.errors), res.errors


@pytest.mark.parametrize("version", [3, 4])
def test_wav_id3_compressed_frame_is_read(tmp_path, meta, version):
    tag = b.compressed_txxx_tag("AIGC", b.label_json().encode(), version)
    wav = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", tag)])
    _one_label(meta(b.write(tmp_path, "a.wav", wav)), "wav:RIFF/id3:TXXX")


@pytest.mark.parametrize("version", [3, 4])
@pytest.mark.parametrize("carrier", ["wav", "mp3"])
def test_id3_zlib_bomb_is_refused_fast(tmp_path, meta, version, carrier):
    """200 KiB of compressed frame that would inflate to 200 MiB: refused, with the reason, at once."""
    tag = b.compressed_txxx_tag("AIGC", b"A" * (200 << 20), version)
    if carrier == "wav":
        data = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", tag)])
    else:
        data = tag + b"\xff\xfb\x90\x00" + b"\x00" * 413
    p = b.write(tmp_path, f"a.{carrier}", data)
    t = time.perf_counter()
    with pytest.raises(DetectorFailure, match="compressed frames inflate past 4 MiB"):
        meta(p)
    assert time.perf_counter() - t < 2


# --- random input ----------------------------------------------------------------------------

def _valid_id3() -> bytes:
    from mutagen.id3 import PRIV, TIT2, TXXX

    return b.id3_tag([TIT2(encoding=3, text=["clip"]), TXXX(encoding=1, desc="AIGC", text=[b.label_json()]),
                      PRIV(owner="XMP", data=b.xmp_element().encode("utf-8"))])


@pytest.mark.timeout(120)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_rf64_and_id3_bytes_are_read_or_reported(tmp_path, data):
    """RF64 heads with random ds64/tails, and valid ID3 tags with random bytes overwritten: never a raise."""
    if data.draw(st.booleans()):
        raw = b"RF64\xff\xff\xff\xffWAVEds64" + data.draw(st.binary(max_size=600))
    else:
        tag = bytearray(_valid_id3())
        for _ in range(data.draw(st.integers(1, 8))):
            tag[data.draw(st.integers(0, len(tag) - 1))] = data.draw(st.integers(0, 255))
        cut = data.draw(st.integers(0, len(tag)))
        raw = b.make_riff(b"WAVE", [b.wav_fmt(), b.riff_chunk(b"id3 ", bytes(tag[:cut]))])
    p = tmp_path / "f.wav"
    p.write_bytes(raw)
    t = time.perf_counter()
    result = read_meta.read(sniff_file(p))
    assert time.perf_counter() - t < 5
    assert all(isinstance(e, str) and e for e in result.errors)
    assert all(e.kind != "id3" for e in result.entries)
