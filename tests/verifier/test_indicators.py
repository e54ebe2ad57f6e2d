"""Advisory indicators (CONTRACT.md): carried to the JSON, never read by fusion."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.detectors.base import Context, Findings
from verifier.config import Config
from verifier.evidence import (Basis, Claim, Confidence, Evidence, Indicator, MediaFile, Report, Signal, Status,
                               VerdictCode)
from verifier.isolation import run_detector
from verifier.report.json_report import file_dict
from verifier.verdict import fuse

FILE_OK = Evidence("file", Status.OK, facts={"supported": True})
MATCH = Indicator("reference.match", "reference", "shares pixels with a reference photo",
                  {"reference": "press/photo.jpg", "kind": "partial", "box": [1, 2, 30, 40], "inliers": 57})
LABEL = Signal("gb45438.label", "metadata", "label", Claim.AI_GENERATED, Basis.METADATA, Confidence.DECLARED)


@pytest.mark.parametrize("signals", [(), (LABEL,)])
def test_an_indicator_never_changes_the_verdict(signals: tuple[Signal, ...]) -> None:
    without = fuse([FILE_OK, Evidence("metadata", Status.OK, signals=signals)])
    with_ = fuse([FILE_OK, Evidence("metadata", Status.OK, signals=signals),
                  Evidence("reference", Status.OK, indicators=(MATCH,))])
    assert (with_.code, with_.strength, with_.basis_signals) == (without.code, without.strength, without.basis_signals)
    assert with_.code in (VerdictCode.NO_SIGNALS, VerdictCode.AI_GENERATED)


class _Reference:
    name = "reference"
    isolated = False

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(indicators=(MATCH,))


def test_indicators_travel_from_a_detector_to_the_json() -> None:
    media = MediaFile(Path("suspect.jpg"), "0" * 64, 10, "image/jpeg")
    ev = run_detector(_Reference(), media, Context(Config()))
    assert ev.status is Status.OK and ev.indicators == (MATCH,)
    evidence = (FILE_OK, ev)
    report = Report(media, evidence, fuse(evidence), "2026-01-01T00:00:00+00:00")
    d = file_dict(report)
    assert d["indicators"] == [{"id": "reference.match", "detector": "reference",
                                "summary": MATCH.summary, "details": MATCH.details}]
    assert d["signals"] == [] and d["verdict"]["code"] == "no_signals"


@pytest.mark.parametrize("status", [Status.ERROR, Status.TIMEOUT])
@pytest.mark.parametrize("name", ["thumbnail", "double_jpeg", "recapture", "copy_move"])
def test_a_failed_advisory_check_is_listed_but_never_makes_the_verdict_incomplete(status: Status, name: str) -> None:
    v = fuse([FILE_OK, Evidence("metadata", Status.OK), Evidence(name, status, error="timed out")])
    assert v.code is VerdictCode.NO_SIGNALS and name in v.unchecked
    provenance = fuse([FILE_OK, Evidence("metadata", status, error="timed out")])
    assert provenance.code is VerdictCode.INCOMPLETE


def test_every_builtin_indicator_detector_is_declared_advisory() -> None:
    from verifier.advisory import advisory_detectors
    from verifier.detectors import builtin_detectors

    names = {d.name for d in builtin_detectors()}
    forensic = {n for n in names if n in {"thumbnail", "double_jpeg", "recapture", "copy_move", "forensic_views",
                                          "reference"}}
    assert forensic and forensic <= advisory_detectors()
