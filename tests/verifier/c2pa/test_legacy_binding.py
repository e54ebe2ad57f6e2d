"""An older signer's data-hash exclusion layout (LABELS.md §4), on the corpus Truepic 2023 JPEG
and copies of it derived in tmp_path: untouched it is a legacy binding, never "altered"; a
flipped scan bit, an edited EXIF date or a segment injected into the excluded range is tampering.
"""

from __future__ import annotations

import base64
import hashlib
import io
import struct
from pathlib import Path

import pytest

from verifier.c2pa import legacy_binding, states
from verifier.c2pa.legacy_exif import compare_exif
from verifier.config import Config
from verifier.describe import verdict_words
from verifier.detectors.base import Context
from verifier.detectors.c2pa import C2paDetector
from verifier.evidence import Evidence, VerdictCode
from verifier.inputs import identify
from verifier.isolation import run_detector
from verifier.verdict import fuse

pytest.importorskip("c2pa")

TRUEPIC = "realworld/truepic-lens-camera-2023__public-testfiles.jpg"
DET = C2paDetector()
CONFIG = Config(trust_dirs=(), user_anchors=())


def analyse(path: Path) -> tuple[Evidence, object]:
    ev = run_detector(DET, identify(path), Context(CONFIG, ()))
    return ev, fuse([ev])


def explanation(ev: Evidence, lang: str = "en") -> str:
    verdict = fuse([ev])
    return verdict_words(verdict.code, verdict.strength, list(ev.signals), lang)[1]


def ids(ev: Evidence) -> set[str]:
    return {s.id for s in ev.signals}


@pytest.fixture
def truepic(corpus: Path) -> Path:
    return corpus / TRUEPIC


def _segments(data: bytes) -> list[tuple[int, int, int]]:
    out, pos = [], 2
    while pos < len(data):
        marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        out.append((marker, pos, pos + 2 + length))
        if marker == 0xDA:
            return out
        pos += 2 + length
    return out


def _exif_segment(data: bytes) -> tuple[int, int]:
    return next((s, e) for m, s, e in _segments(data) if m == 0xE1 and data[s + 4 : s + 10] == b"Exif\0\0")


def test_untouched_truepic_is_a_legacy_binding_not_tampering(truepic: Path) -> None:
    before = hashlib.sha256(truepic.read_bytes()).hexdigest()
    ev, verdict = analyse(truepic)
    assert hashlib.sha256(truepic.read_bytes()).hexdigest() == before  # evidence untouched
    assert "c2pa.invalid" not in ids(ev)
    assert {"c2pa.manifest", "c2pa.legacy_binding"} <= ids(ev)
    assert verdict.code is VerdictCode.SIGNED_PROVENANCE
    legacy = next(s for s in ev.signals if s.id == "c2pa.legacy_binding")
    assert legacy.details["outside_signature"] == ["EXIF"]
    assert legacy.details["exif_agrees"] is True
    assert {"DateTimeOriginal", "Make", "Model"} <= set(legacy.details["exif"]["compared"])
    assert legacy.details["exclusion"] == {"start": 0, "length": 206316}
    assert "Truepic" in explanation(ev) and "12 Feb 2023" in explanation(ev)
    assert "EXIF" in explanation(ev)
    assert "2023年2月12日" in explanation(ev, "zh") and "EXIF" in explanation(ev, "zh")


def test_one_bit_flipped_in_the_scan_data_is_tampering(truepic: Path, tmp_path: Path) -> None:
    data = bytearray(truepic.read_bytes())
    sos_end = _segments(bytes(data))[-1][2]
    data[(sos_end + len(data)) // 2] ^= 0x10
    copy = tmp_path / "flipped.jpg"
    copy.write_bytes(bytes(data))
    ev, verdict = analyse(copy)
    assert "c2pa.invalid" in ids(ev) and "c2pa.legacy_binding" not in ids(ev)
    assert verdict.code is VerdictCode.CREDENTIALS_INVALID


def _edit_datetime_original(data: bytearray, value: bytes) -> None:
    start, _ = _exif_segment(bytes(data))
    tiff = start + 10
    assert data[tiff : tiff + 2] == b"MM"
    entry = bytes(data).find(b"\x90\x03\x00\x02\x00\x00\x00\x14", tiff)
    assert entry > 0
    offset = struct.unpack(">I", data[entry + 8 : entry + 12])[0]
    assert len(value) == 19
    data[tiff + offset : tiff + offset + 19] = value


def test_edited_exif_date_is_named_and_invalid(truepic: Path, tmp_path: Path) -> None:
    data = bytearray(truepic.read_bytes())
    _edit_datetime_original(data, b"2021:06:01 09:00:00")
    copy = tmp_path / "redated.jpg"
    copy.write_bytes(bytes(data))
    ev, verdict = analyse(copy)
    assert "c2pa.legacy_binding" not in ids(ev)
    invalid = next(s for s in ev.signals if s.id == "c2pa.invalid")
    problems = " ".join(invalid.details["legacy_check"]["problems"])
    assert "DateTimeOriginal" in problems and "2021:06:01 09:00:00" in problems
    assert verdict.code is VerdictCode.CREDENTIALS_INVALID


def test_segment_injected_into_the_excluded_range_is_tampering(truepic: Path, tmp_path: Path) -> None:
    """Shrink-and-inject: the EXIF APP1 gives up 69 bytes to a quantisation table (DQT), the
    excluded range keeps its length, the hash still matches — the segment walk must refuse."""
    data = bytearray(truepic.read_bytes())
    start, end = _exif_segment(bytes(data))
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(1, 65))
    data[start + 2 : start + 4] = struct.pack(">H", end - start - 2 - len(dqt))
    data[end - len(dqt) : end] = dqt
    copy = tmp_path / "injected.jpg"
    copy.write_bytes(bytes(data))
    ev, verdict = analyse(copy)
    assert "c2pa.legacy_binding" not in ids(ev)
    invalid = next(s for s in ev.signals if s.id == "c2pa.invalid")
    assert "0xDB" in " ".join(invalid.details["legacy_check"]["problems"])
    assert verdict.code is VerdictCode.CREDENTIALS_INVALID


# -- units --------------------------------------------------------------------------------

URL = "self#jumbf=/c2pa/m1/c2pa.assertions/c2pa.hash.data"
LAYOUT = {"code": legacy_binding.MISMATCH, "url": URL,
          "explanation": "data hash exclusion does not match the manifest location in the asset"}


def _store(failures: list[dict], successes: list[dict]) -> dict:
    return {"active_manifest": "m1", "validation_status": failures,
            "validation_results": {"activeManifest": {"failure": failures, "success": successes}}}


def test_candidate_needs_the_layout_mismatch_alone_and_the_hash_match() -> None:
    match = {"code": legacy_binding.MATCH, "url": URL}
    ok = _store([LAYOUT], [match])
    assert legacy_binding.is_candidate(ok, states.assess(ok, "Invalid"))
    no_match = _store([LAYOUT], [])
    assert not legacy_binding.is_candidate(no_match, states.assess(no_match, "Invalid"))
    sig = {"code": "claimSignature.mismatch", "url": "self#jumbf=/c2pa/m1/c2pa.signature", "explanation": ""}
    more = _store([LAYOUT, sig], [match])
    assert not legacy_binding.is_candidate(more, states.assess(more, "Invalid"))
    plain = _store([{**LAYOUT, "explanation": "asset hash error"}], [match])
    assert not legacy_binding.is_candidate(plain, states.assess(plain, "Invalid"))
    cleared = legacy_binding.without_layout_failure(ok)
    assert states.assess(cleared, "Valid").state == states.UNTRUSTED_SIGNER


@pytest.mark.parametrize("media_type", ["image/png", "image/webp", "image/heic", "video/mp4", "audio/wav"])
def test_other_containers_stay_invalid(media_type: str) -> None:
    """Only JPEG's excluded range is examined; every other carrier keeps c2pa.invalid."""
    out = legacy_binding.examine(io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)), media_type,
                                 {"c2pa.hash.data": {"exclusions": [{"start": 0, "length": 8}],
                                                     "alg": "sha256", "hash": ""}})
    assert not out.ok and "JPEG only" in out.problems[0]


def test_exif_time_agrees_up_to_the_zone_and_names_a_shifted_day() -> None:
    def exif(dto: str) -> bytes:
        from PIL import Image

        e = Image.Exif()
        e.get_ifd(0x8769)[0x9003] = dto
        e[0x010F] = "Google"
        return e.tobytes()

    signed = {"DateTimeOriginal": "2023-02-12T18:44:26Z", "Make": "Google"}
    same = compare_exif(exif("2023:02:12 13:44:28"), signed)
    assert same["agrees"] and same["compared"] == ["DateTimeOriginal", "Make"]
    moved = compare_exif(exif("2023:02:15 13:44:28"), signed)
    assert [d["name"] for d in moved["disagrees"]] == ["DateTimeOriginal"]
    other_make = compare_exif(exif("2023:02:12 13:44:28"), {**signed, "Make": "Apple"})
    assert [d["name"] for d in other_make["disagrees"]] == ["Make"]


# -- wording: CLI, reports and the window, in English and Chinese ------------------------------


@pytest.mark.parametrize(("lang", "words"), [("en", ("exactly what Truepic signed on 12 Feb 2023",
                                                     "Older signer's layout")),
                                             ("zh", ("Truepic 于 2023年2月12日 签名时完全一致", "较早签名程序的排除范围"))])
def test_report_words_the_legacy_binding(truepic: Path, tmp_path: Path, lang: str, words: tuple[str, str]) -> None:
    import html

    from verifier.cli import main

    out = tmp_path / f"report-{lang}.html"
    assert main(["report", "--inline", "--no-ocr", "--disable", "visible_label", "--lang", lang,
                 "-o", str(out), str(truepic)]) == 0
    page = html.unescape(out.read_text("utf-8"))
    for w in words:
        assert w in page
    assert tmp_path.joinpath(out.name).exists() and not any(p.suffix == ".html" for p in truepic.parent.iterdir())


def test_window_words_the_legacy_binding(truepic: Path, qapp) -> None:
    from ui import i18n, presenters

    ev, _ = analyse(truepic)
    legacy = next(s for s in ev.signals if s.id == "c2pa.legacy_binding")
    try:
        assert i18n.install("en")
        assert "exactly what Truepic signed on 12 Feb 2023" in presenters.c2pa_view(ev).summary[-1].value or any(
            "exactly what Truepic signed on 12 Feb 2023" in r.value for r in presenters.c2pa_view(ev).summary)
        assert presenters.signal_title("c2pa.legacy_binding") != "c2pa.legacy_binding"
        assert i18n.install("zh_CN")
        note = presenters.summary_text(legacy)
        assert "2023年2月12日" in note and "未发现修改迹象" in note
    finally:
        i18n.install("en")


# -- the examination on JPEGs built in code (no corpus needed) ----------------------------------


def _seg(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _exif_bytes(make: str) -> bytes:
    from PIL import Image

    e = Image.Exif()
    e[0x010F] = make
    return b"Exif\0\0" + e.tobytes()


APP11 = _seg(0xEB, b"JP\0\x01\0\0\0\x01" + struct.pack(">I", 64) + b"jumb" + struct.pack(">I", 25)
             + b"jumdc2pa" + bytes(40))
TAIL = _seg(0xDB, b"\0" + bytes(range(64))) + _seg(0xDA, b"\x01\x01\0\0\x3f\0") + b"scan data" + b"\xff\xd9"


def _built(excluded: bytes, tail: bytes = TAIL, *, tamper: bool = False) -> tuple[io.BytesIO, dict]:
    data = b"\xff\xd8" + excluded
    digest = hashlib.sha256(tail).digest()
    if tamper:
        tail = tail.replace(b"scan data", b"scan dat4")
    assertion = {"exclusions": [{"start": 0, "length": len(data)}], "alg": "sha256",
                 "hash": base64.b64encode(digest).decode()}
    return io.BytesIO(data + tail), {"c2pa.hash.data": assertion, "stds.exif": {"EXIF:Make": "Google"}}


def test_examination_on_a_built_jpeg() -> None:
    fh, assertions = _built(_seg(0xE1, _exif_bytes("Google")) + APP11)
    out = legacy_binding.examine(fh, "image/jpeg", assertions)
    assert out.ok and out.outside == ["EXIF"] and out.exif["compared"] == ["Make"], out.problems

    def problems(excluded: bytes, **kw: bool) -> str:
        fh, a = _built(excluded, **kw)
        result = legacy_binding.examine(fh, "image/jpeg", a)
        assert not result.ok
        return " ".join(result.problems)

    assert "0xE2" in problems(_seg(0xE1, _exif_bytes("Google")) + _seg(0xE2, b"ICC_PROFILE\0") + APP11)
    assert "follows the manifest" in problems(APP11 + _seg(0xE1, _exif_bytes("Google")))
    assert "does not match the signed hash" in problems(_seg(0xE1, _exif_bytes("Google")) + APP11, tamper=True)
    assert "Make" in problems(_seg(0xE1, _exif_bytes("Apple")) + APP11)
    assert "manifest store" in problems(_seg(0xE1, _exif_bytes("Google")))
