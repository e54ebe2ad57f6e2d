"""verdict.fuse: every code of CONTRACT.md, strength rules, and 'a failure is not absence'.

fuse decides codes only; the wording tests read the verdict through verifier.describe, as every
surface does."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.describe import Description, describe
from verifier.evidence import Basis, Claim, Confidence, Evidence, MediaFile, Report, Signal, Status, VerdictCode
from verifier.verdict import RULES, fuse, summarise


def sig(id_: str, claim: Claim = Claim.NONE, basis: Basis = Basis.NONE, **details) -> Signal:
    return Signal(id=id_, detector="t", summary=id_, claim=claim, basis=basis,
                  confidence=Confidence.DECLARED, details=details)


def ok(*signals: Signal, name: str = "d") -> Evidence:
    return Evidence(detector=name, status=Status.OK, signals=signals)


FILE_OK = Evidence("file", Status.OK, facts={"supported": True})
FILE_UNSUPPORTED = Evidence("file", Status.OK, facts={"supported": False})

def words(evidence: list[Evidence], lang: str = "en") -> Description:
    ev = tuple(evidence)
    return describe(Report(MediaFile(Path("x.png"), "0" * 64, 1, "image/png"), ev, fuse(ev), "t"), lang)


TRUSTED = sig("c2pa.trusted", basis=Basis.SIGNED)
MANIFEST = sig("c2pa.manifest", basis=Basis.SIGNED)


@pytest.mark.parametrize(
    ("evidence", "code", "strength"),
    [
        # ai_generated from each kind of basis; the strongest intact one is reported
        ([FILE_OK, ok(MANIFEST, TRUSTED, sig("c2pa.ai_generated", Claim.AI_GENERATED, Basis.SIGNED))],
         VerdictCode.AI_GENERATED, Basis.SIGNED),
        ([FILE_OK, ok(sig("gb45438.label", Claim.AI_GENERATED, Basis.METADATA),
                      sig("visible_label", Claim.AI_GENERATED, Basis.VISIBLE))],
         VerdictCode.AI_GENERATED, Basis.VISIBLE),
        ([FILE_OK, ok(sig("watermark.invisible", Claim.AI_GENERATED, Basis.WATERMARK))],
         VerdictCode.AI_GENERATED, Basis.WATERMARK),
        # tampered manifest that declares AI: still ai_generated, never 'signed'
        ([FILE_OK, ok(MANIFEST, sig("c2pa.invalid"), sig("c2pa.ai_generated", Claim.AI_GENERATED, Basis.METADATA))],
         VerdictCode.AI_GENERATED, Basis.METADATA),
        # partial AI only
        ([FILE_OK, ok(MANIFEST, TRUSTED, sig("c2pa.ai_modified", Claim.AI_MODIFIED, Basis.SIGNED))],
         VerdictCode.AI_MODIFIED, Basis.SIGNED),
        # generated beats modified
        ([FILE_OK, ok(sig("c2pa.ai_modified", Claim.AI_MODIFIED, Basis.SIGNED),
                      sig("iptc.ai", Claim.AI_GENERATED, Basis.METADATA))],
         VerdictCode.AI_GENERATED, Basis.METADATA),
        # weak only
        ([FILE_OK, ok(sig("gb45438.label", Claim.AI_POSSIBLE, Basis.METADATA, Label="2"))],
         VerdictCode.AI_POSSIBLE, Basis.METADATA),
        ([FILE_OK, ok(sig("watermark.invisible", Claim.AI_POSSIBLE, Basis.WATERMARK, level="possible"))],
         VerdictCode.AI_POSSIBLE, Basis.WATERMARK),
        # credentials
        ([FILE_OK, ok(MANIFEST, sig("c2pa.invalid", codes=["assertion.dataHash.mismatch"]))],
         VerdictCode.CREDENTIALS_INVALID, Basis.NONE),
        ([FILE_OK, ok(sig("c2pa.remote", url="https://example.com/m"))],
         VerdictCode.CREDENTIALS_UNVERIFIABLE, Basis.NONE),
        ([FILE_OK, ok(sig("c2pa.manifest", state="unreadable"))],
         VerdictCode.CREDENTIALS_UNVERIFIABLE, Basis.NONE),
        ([FILE_OK, ok(MANIFEST, TRUSTED, sig("c2pa.capture"))], VerdictCode.SIGNED_PROVENANCE, Basis.SIGNED),
        ([FILE_OK, ok(MANIFEST, sig("c2pa.untrusted_signer", basis=Basis.SIGNED))],
         VerdictCode.SIGNED_PROVENANCE, Basis.SIGNED),
        ([FILE_OK, ok(MANIFEST, sig("c2pa.cert_expired", basis=Basis.SIGNED))],
         VerdictCode.SIGNED_PROVENANCE, Basis.SIGNED),
        # nothing
        ([FILE_OK, ok()], VerdictCode.NO_SIGNALS, Basis.NONE),
        ([FILE_UNSUPPORTED, ok()], VerdictCode.INCOMPLETE, Basis.NONE),
    ],
)
def test_contract_codes(evidence, code, strength):
    v = fuse(evidence)
    assert (v.code, v.strength) == (code, strength)
    assert v.code.value and not hasattr(v, "headline")  # codes only: no sentences in fusion
    w = words(evidence)
    assert w.headline and w.full_explanation


def test_every_code_has_a_rule_and_the_last_rule_always_applies():
    assert sorted(r.code for r in RULES) == sorted(VerdictCode)
    assert RULES[-1].code is VerdictCode.NO_SIGNALS  # only when nothing else applies
    assert RULES[-1].applies(summarise([]))


@pytest.mark.parametrize("status", [Status.ERROR, Status.TIMEOUT])
def test_a_failure_is_never_read_as_absence(status):
    failed = Evidence("c2pa", status, error="boom")
    v = fuse([FILE_OK, failed, ok()])
    assert v.code is VerdictCode.INCOMPLETE
    assert v.unchecked == ("c2pa",)
    assert "Content Credentials (C2PA)" in words([FILE_OK, failed, ok()]).full_explanation


def test_a_failure_does_not_hide_what_was_found():
    v = fuse([FILE_OK, Evidence("ocr", Status.TIMEOUT, error="slow"),
              ok(sig("gb45438.label", Claim.AI_GENERATED, Basis.METADATA))])
    assert v.code is VerdictCode.AI_GENERATED
    assert v.unchecked == ("ocr",)


def test_skipped_checks_are_listed_but_do_not_make_the_result_incomplete():
    v = fuse([FILE_OK, Evidence("visible_label", Status.SKIPPED, error="switched off in settings"), ok()])
    assert v.code is VerdictCode.NO_SIGNALS
    assert v.unchecked == ("visible_label",)


def test_not_applicable_is_neither_failure_nor_unchecked():
    v = fuse([FILE_OK, Evidence("audio_cue", Status.NOT_APPLICABLE)])
    assert v.code is VerdictCode.NO_SIGNALS and v.unchecked == ()


def test_no_signals_wording_never_claims_authenticity():
    assert fuse([FILE_OK]).code is VerdictCode.NO_SIGNALS
    assert "NOT evidence" in words([FILE_OK]).full_explanation
    assert "not evidence" in words([FILE_OK]).headline
    assert "并不能证明" in words([FILE_OK], "zh").full_explanation and "并不能证明" in words([FILE_OK], "zh").headline


def test_signed_provenance_explains_which_trust_outcome():
    v = words([FILE_OK, ok(MANIFEST, sig("c2pa.cert_expired", basis=Basis.SIGNED))]).full_explanation
    assert "expired" in v and "not tampering" in v
    v = words([FILE_OK, ok(MANIFEST, sig("c2pa.untrusted_signer", basis=Basis.SIGNED))]).full_explanation
    assert "not on any configured trust list" in v


def test_basis_signals_name_what_the_verdict_rests_on():
    v = fuse([FILE_OK, ok(sig("iptc.ai", Claim.AI_GENERATED, Basis.METADATA),
                          sig("generator.metadata", Claim.AI_GENERATED, Basis.METADATA),
                          sig("c2pa.capture"))])
    assert v.basis_signals == ("iptc.ai", "generator.metadata")


def test_unknown_language_falls_back_to_english():
    assert words([FILE_OK], "fr").headline == words([FILE_OK]).headline


def test_basis_ranking_is_signed_watermark_visible_metadata_none():
    order = sorted(Basis, key=lambda b: b.rank, reverse=True)
    assert order == [Basis.SIGNED, Basis.WATERMARK, Basis.VISIBLE, Basis.METADATA, Basis.NONE]


def test_signed_explanation_names_the_signer_and_the_trust_list():
    trusted = sig("c2pa.trusted", basis=Basis.SIGNED, trust_list="c2pa-official",
                  signer={"common_name": "Google Media Processing Services", "issuer": "Google LLC"})
    v = words([FILE_OK, ok(MANIFEST, trusted, sig("c2pa.ai_generated", Claim.AI_GENERATED, Basis.SIGNED))])
    assert "Signed by Google Media Processing Services (Google LLC)." in v.full_explanation
    assert "c2pa-official trust list" in v.full_explanation
