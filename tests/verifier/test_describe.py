"""verifier.describe: one catalogue with every code a reader can meet, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SHARED
from verifier import describe as D
from verifier.describe.catalogue import TEXT
from verifier.detectors import kinds
from verifier.evidence import Basis, Claim, Confidence, Evidence, Signal, Status, VerdictCode

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"{(\w+)}")


def test_every_entry_has_both_languages_and_the_same_placeholders() -> None:
    for key, (en, zh) in TEXT.items():
        assert en.strip() or key.startswith("sep."), key
        assert zh.strip() or key.startswith("sep."), key
        if key != "value.date":  # "12 Feb 2023" / "2023年2月12日": a month name against a month number
            assert set(PLACEHOLDER.findall(en)) == set(PLACEHOLDER.findall(zh)), key
        if zh != en and not key.startswith(("sep.", "value.percent", "gist.text", "value.named", "also.part")):
            assert re.search("[\u4e00-\u9fff]", zh), f"{key}: the Chinese text has no Chinese"


@pytest.mark.parametrize("code", list(VerdictCode))
def test_every_verdict_code_is_worded(code: VerdictCode) -> None:
    for lang in D.LANGS:
        for kind in ("headline", "explanation"):
            assert D.t(f"verdict.{kind}.{code}", lang)


def test_every_enum_value_is_worded() -> None:
    for kind, values in (("basis", Basis), ("claim", Claim), ("confidence", Confidence), ("status", Status)):
        for v in values:
            assert D.has(f"{kind}.{v}"), f"{kind}.{v}"
    for strength in ("signed", "watermark", "visible", "metadata"):
        assert D.has(f"strength.{strength}") and D.has(f"verdict.basis.{strength}") and D.has(f"also.basis.{strength}")


def test_every_signal_id_of_the_contract_has_a_declared_kind_with_a_title() -> None:
    contract = SHARED / "design" / "CONTRACT.md"
    if not contract.is_file():
        pytest.skip("CONTRACT.md not found beside the repository")
    section = contract.read_text("utf-8").split("## Signal ids", 1)[1].split("\n## ", 1)[0]
    ids = set(re.findall(r"`([a-z0-9_]+(?:\.[a-z0-9_]+)*)`", section)) - {"detected", "possible"}
    assert {"c2pa.manifest", "visible_label", "text.label"} <= ids
    declared = kinds()
    for sid in ids:
        assert sid in declared, sid
        assert D.signal_title(sid, "en") == declared[sid].title.en and declared[sid].title.zh, sid


def test_every_reason_code_the_core_sets_is_worded() -> None:
    """Reason codes are found in the sources that build failures, so a new one cannot slip by."""
    found: set[str] = set()
    for path in (ROOT / "verifier" / "isolation.py", ROOT / "verifier" / "pipeline.py"):
        src = path.read_text("utf-8")
        found |= set(re.findall(r'reason="([a-z_]+)"', src))
        found |= set(re.findall(r'return "([a-z_]+)", \{', src))
        found |= set(re.findall(r'reason=\("([a-z_]+)"', src))
        found |= set(re.findall(r'\(\s*"([a-z_]+)", \{[^}]*\}\)\)', src))
    assert {"timeout", "crashed", "worker_exit", "out_of_memory", "bomb", "cancelled", "switched_off"} <= found
    for code in found:
        assert D.has(f"reason.{code}"), code


def test_reasons_are_worded_from_their_codes_not_from_english() -> None:
    ev = Evidence("c2pa", Status.TIMEOUT, error="did not finish within 30 s and was stopped", reason="timeout",
                  reason_params={"seconds": "30"})
    assert D.reason_text(ev, "zh") == "未能在 30 秒内完成，已被停止"
    assert D.reason_text(ev, "en") == "did not finish within 30 s and was stopped"
    crash = Evidence("watermark", Status.ERROR, error="…", reason="crashed", reason_params={"signal": "SIGSEGV"})
    assert "SIGSEGV" in D.reason_text(crash, "zh") and "崩溃" in D.reason_text(crash, "zh")
    oom = Evidence("visible_label", Status.ERROR, error="x", reason="out_of_memory", reason_params={"limit": 4096})
    assert D.reason_text(oom, "zh") == "内存不足（每个工作进程限额 4096 MB）"
    assert D.reason_text(Evidence("x", Status.SKIPPED, error="cancelled", reason="cancelled"), "zh") == "已取消"
    legacy = Evidence("x", Status.ERROR, error="boom")  # no code: the message only as a technical detail
    assert D.reason_text(legacy, "zh") == "无法完成此项检查（技术细节：boom）"
    assert D.reason_text(None, "zh") == "无结果"


def test_values_are_worded_never_none_or_raw() -> None:
    assert D.detail_value("state", None, "zh") == "未记录"
    assert D.detail_value("state", "invalid", "zh") == "无效：签名后被改动"
    assert D.detail_value("meets_5pct_rule", False, "zh") == "否"
    assert D.detail_value("vendor_guess", "Doubao (ByteDance) (guess from the visible mark)", "zh") == \
        "Doubao (ByteDance)"  # its label says it is a guess
    assert D.detail_value("generator", "xAI Grok (inferred from a metadata pattern)", "zh") == \
        "xAI Grok（根据元数据特征推断）"
    assert D.detail_value("position", "bottom-right", "zh") == "右下"
    assert D.detail_value("relative_height", 0.0337, "en") == "3.4 %"
    assert D.detail_label("ocr_score", "zh") == "识别置信度" and D.detail_label("glyph_height_px", "en")


def test_an_unreadable_file_says_why_never_no_signals() -> None:
    words = D.describe({"error": "permission denied"}, "zh")
    assert words.headline == "无法读取该文件" and "permission denied" in words.explanation
    assert not words.readable and "未发现" not in words.headline


def test_quoted_values_are_marked_only_under_marking() -> None:
    sig = Signal("visible_label", "visible_label", "Visible label x", Claim.AI_GENERATED, details={"text": "AI生成"})
    assert D.gist(sig, "zh") == "“AI生成”"
    with D.marking():
        marked = D.gist(sig, "zh")
    assert marked != "“AI生成”" and D.unmarked(marked) == "“AI生成”"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sentences_without_rows_are_the_same_sentences(lang: str) -> None:
    """The JSON document asks describe() for its sentences only (rows=False, for speed): every
    sentence must be the one the pages show; only the rows (detail items, checks) are left out."""
    file = {
        "path": "x.jpg", "sha256": "0" * 64, "size": 10, "media_type": "image/jpeg",
        "verdict": {"code": "declared_ai", "strength": "declared", "unchecked": ["watermark"],
                    "basis_signals": ["iptc.digital_source_type"]},
        "signals": [{"id": "iptc.digital_source_type", "detector": "metadata", "confidence": "declared",
                     "claim": "ai_generated", "basis": "metadata", "summary": "IPTC says AI",
                     "details": {"digital_source_type": "http://cv.iptc.org/newscodes/digitalsourcetype/"
                                                        "trainedAlgorithmicMedia",
                                 "placement": "xmp", "values": {"a": [1, 2], "b": {"c": None}}}}],
        "indicators": [],
        "detectors": [{"name": "metadata", "status": "ok", "ms": 3},
                      {"name": "watermark", "status": "skipped", "ms": 0, "reason": "timeout"},
                      {"name": "c2pa", "status": "error", "ms": 1, "error": "broken box"}],
    }
    full, short = D.describe(file, lang), D.describe(file, lang, rows=False)
    assert full.signals[0].items and full.checks  # the rows exist, and are what is left out
    assert short.checks == () and all(s.items == () for s in short.signals)
    assert (short.headline, short.full_explanation, short.notes, short.also, short.unchecked) == \
        (full.headline, full.full_explanation, full.notes, full.also, full.unchecked)
    assert [(s.id, s.title, s.summary, s.detector, s.confidence, s.claim, s.basis) for s in short.signals] == \
        [(s.id, s.title, s.summary, s.detector, s.confidence, s.claim, s.basis) for s in full.signals]
