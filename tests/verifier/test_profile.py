"""Analysis profiles: the triage profile runs the declarative checks only and says what it left out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import ROOT
from verifier.config import NOT_IN_PROFILE, Config, profiles
from verifier.evidence import Status
from verifier.pipeline import analyse_file
from verifier.report.json_report import file_dict

PIXEL_WORK = {"watermark", "visible_label", "audio_cue"}


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    cv2 = pytest.importorskip("cv2")
    rng = np.random.default_rng(3)
    p = tmp_path / "photo.png"
    cv2.imwrite(str(p), rng.integers(0, 255, (96, 128, 3), dtype=np.uint8))
    return p


def test_the_profiles_are_data_in_the_core() -> None:
    assert profiles()["full"].detectors is None
    triage = profiles()["triage"].detectors
    assert triage is not None and {"metadata", "c2pa", "file"} <= triage and not (triage & PIXEL_WORK)
    assert all(Config().in_profile(n) for n in PIXEL_WORK | {"metadata", "c2pa"})
    t = Config(profile="triage")
    assert t.in_profile("c2pa") and t.in_profile("metadata") and not t.in_profile("visible_label")


def test_triage_skips_pixel_work_with_a_reason_and_the_verdict_lists_it(photo: Path) -> None:
    report = analyse_file(photo, Config(isolation="inline", profile="triage"))
    by_name = {e.detector: e for e in report.evidence}
    for name in PIXEL_WORK:
        assert by_name[name].status is Status.SKIPPED
        assert by_name[name].reason == NOT_IN_PROFILE
    assert by_name["metadata"].status is Status.OK
    left_out = {e.detector for e in report.evidence} - set(profiles()["triage"].detectors or ())
    assert PIXEL_WORK <= left_out and set(report.verdict.unchecked) == left_out
    d = file_dict(report)
    skipped = {x["name"]: x for x in d["detectors"] if x["status"] == "skipped"}
    assert set(skipped) == left_out and all(x["reason"] == "not_in_profile" for x in skipped.values())
    assert "watermark" in d["verdict"]["explanation"]  # "not checked: …"


def test_full_profile_runs_everything(photo: Path) -> None:
    report = analyse_file(photo, Config(isolation="inline", ocr=False, disabled=frozenset({"visible_label"})))
    statuses = {e.detector: e.status for e in report.evidence}
    assert statuses["watermark"] is not Status.SKIPPED and statuses["audio_cue"] is not Status.SKIPPED
    assert not any(e.reason == NOT_IN_PROFILE for e in report.evidence)


def test_cli_profile_option_and_tool_field(photo: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "verifier", "scan", "--profile", "triage", "--json", str(photo)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["tool"]["profile"] == "triage"
    (f,) = doc["files"]
    left_out = {x["name"] for x in f["detectors"] if x.get("reason") == "not_in_profile"}
    assert PIXEL_WORK <= left_out and not left_out & set(profiles()["triage"].detectors or ())
    bad = subprocess.run([sys.executable, "-m", "verifier", "scan", "--profile", "nope", str(photo)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
