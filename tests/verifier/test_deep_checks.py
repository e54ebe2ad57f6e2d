"""Deep forensic checks: held until the verdict is known, run when the file carries no provenance,
skipped with a reason (and run later on request) when it declares AI or carries Content Credentials."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.verifier.fake_detectors import DeepAdvisory, LabelIfMarked, Slow
from verifier import deep_checks
from verifier.config import ON_REQUEST, Config, profiles
from verifier.detectors import specs
from verifier.detectors.file_facts import FileFactsDetector
from verifier.detectors.spec import DetectorSpec, Words
from verifier.evidence import Report, Status, VerdictCode
from verifier.pipeline import FileDone, FileFailed, Scanner, VerdictReady

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
DETECTORS = (FileFactsDetector(), LabelIfMarked(), DeepAdvisory())


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"plain.png": PNG, "marked.png": PNG + b"MARK", "notes.txt": b"MARK\n"}
    for name, data in out.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in out}


def run(paths: list[Path], config: Config, detectors=DETECTORS) -> dict[str, Report]:
    with Scanner(config, detectors) as scanner:
        scanner.submit(paths)
        events = list(scanner.events())
    assert not [e for e in events if isinstance(e, FileFailed)]
    return {e.report.media.path.name: e.report for e in events if isinstance(e, FileDone)}


def deep_of(report: Report):
    return {e.detector: e for e in report.evidence}["deep_fake"]


def test_the_builtin_deep_checks_are_the_costly_advisory_pixel_views() -> None:
    deep = {s.name for s in specs() if s.deep}
    assert deep == {"copy_move", "forensic_views", "forensic_faces"} == deep_checks.deep_detectors()
    assert all(s.advisory and s.pixel_work for s in specs() if s.deep)
    with pytest.raises(ValueError, match="advisory"):
        DetectorSpec(name="x", title=Words("x", "x"), timeout=1.0, deep=True)


def test_standard_is_the_default_and_only_it_holds_the_deep_checks() -> None:
    assert Config().profile == "standard" and Config().holds_deep_checks()
    assert profiles()["standard"].detectors is None  # every check, the deep ones held
    assert not Config(profile="full").holds_deep_checks()
    assert not deep_checks.on_request_config(Config()).holds_deep_checks()


@pytest.mark.parametrize("isolation", ["inline", "process"])
def test_deep_checks_run_when_the_verdict_declares_nothing_and_wait_otherwise(files, isolation) -> None:
    reports = run([files["plain.png"], files["marked.png"]], Config(isolation=isolation, workers=2))
    plain, marked = reports["plain.png"], reports["marked.png"]
    assert plain.verdict.code is VerdictCode.NO_SIGNALS
    assert deep_of(plain).status is Status.OK and deep_of(plain).facts == {"ran": True}
    assert "deep_fake" not in plain.verdict.unchecked
    assert marked.verdict.code is VerdictCode.AI_GENERATED
    held = deep_of(marked)
    assert held.status is Status.SKIPPED and held.reason == ON_REQUEST
    assert held.reason_params == {"verdict": "ai_generated"}
    assert "deep_fake" in marked.verdict.unchecked  # listed as not checked, with the reason
    assert deep_checks.held(marked) == ("deep_fake",) and deep_checks.held(plain) == ()


def test_a_deep_check_that_does_not_apply_is_not_held(files) -> None:
    report = run([files["notes.txt"]], Config(isolation="inline"))["notes.txt"]
    assert deep_of(report).status is Status.NOT_APPLICABLE


def test_the_full_profile_runs_them_on_every_file(files) -> None:
    reports = run([files["plain.png"], files["marked.png"]], Config(isolation="inline", profile="full"))
    assert all(deep_of(r).status is Status.OK for r in reports.values())


def test_the_verdict_is_sent_before_the_deep_checks_run(files) -> None:
    with Scanner(Config(isolation="inline"), DETECTORS) as scanner:
        scanner.submit([files["plain.png"]])
        events = list(scanner.events())
    early = next(e for e in events if isinstance(e, VerdictReady))
    assert "deep_fake" not in {e.detector for e in early.report.evidence}


def test_run_on_request_then_merge(files) -> None:
    config = Config(isolation="inline")
    before = run([files["marked.png"]], config)["marked.png"]
    extra = run([files["marked.png"]], deep_checks.on_request_config(config, deep_checks.held(before)))["marked.png"]
    assert deep_of(extra).status is Status.OK
    assert {e.detector: e.reason for e in extra.evidence if e.detector != "deep_fake"} == {
        "file": "not_in_profile", "marked": "not_in_profile"}  # only the deep checks ran
    after = deep_checks.merge(before, extra)
    assert deep_of(after).status is Status.OK and deep_of(after).facts == {"ran": True}
    assert (after.verdict.code, after.verdict.strength, after.verdict.basis_signals) == (
        before.verdict.code, before.verdict.strength, before.verdict.basis_signals)
    assert "deep_fake" not in after.verdict.unchecked
    assert [e for e in after.evidence if e.detector != "deep_fake"] == [
        e for e in before.evidence if e.detector != "deep_fake"]
    assert deep_checks.held(after) == ()


def test_merge_refuses_a_file_that_changed(files) -> None:
    config = Config(isolation="inline")
    before = run([files["marked.png"]], config)["marked.png"]
    extra = run([files["marked.png"]], deep_checks.on_request_config(config, deep_checks.held(before)))["marked.png"]
    changed = replace(extra, media=replace(extra.media, sha256="0" * 64))
    with pytest.raises(ValueError, match="changed"):
        deep_checks.merge(before, changed)


def test_a_failed_deep_run_stays_listed_as_not_checked(files) -> None:
    config = Config(isolation="inline")
    before = run([files["marked.png"]], config)["marked.png"]
    extra = run([files["marked.png"]], deep_checks.on_request_config(config, deep_checks.held(before)).with_(
        disabled=frozenset({"deep_fake"})))["marked.png"]
    after = deep_checks.merge(before, extra)
    assert deep_of(after).status is Status.SKIPPED and "deep_fake" in after.verdict.unchecked


def test_cancelling_a_file_whose_deep_checks_are_held_finishes_it(files) -> None:
    with Scanner(Config(isolation="process", workers=1), (FileFactsDetector(), Slow(), DeepAdvisory())) as scanner:
        scanner.submit([files["plain.png"]])
        done = []
        for ev in scanner.events():
            if isinstance(ev, VerdictReady | FileDone) or type(ev).__name__ == "FileStarted":
                scanner.cancel()
            if isinstance(ev, FileDone):
                done.append(ev.report)
    (report,) = done
    assert deep_of(report).status is Status.SKIPPED and deep_of(report).reason == "cancelled"


@pytest.fixture
def declared_png(tmp_path: Path) -> Path:
    """A picture whose A1111 generator metadata declares AI: the deep checks are held back."""
    np = pytest.importorskip("numpy")
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a cat on a sofa\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, "
                                "CFG scale: 7, Seed: 1, Size: 160x120, Model hash: abcdef1234, Model: sd15")
    rng = np.random.default_rng(5)
    path = tmp_path / "declared.png"
    Image.fromarray(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8)).save(path, pnginfo=info)
    path.chmod(0o444)
    return path


def cli_json(capsys, *args: str) -> dict:
    import json

    from verifier.cli import main

    assert main(["scan", "--json", "--inline", "--no-ocr", *args]) == 0
    (file,) = json.loads(capsys.readouterr().out)["files"]
    return file


def test_the_command_line_holds_them_by_default_and_runs_them_with_profile_full(declared_png, capsys) -> None:
    import hashlib

    digest = hashlib.sha256(declared_png.read_bytes()).hexdigest()
    held = cli_json(capsys, str(declared_png))
    assert held["verdict"]["code"] == "ai_generated"
    states = {d["name"]: (d["status"], d.get("reason")) for d in held["detectors"]}
    assert {states[n] for n in deep_checks.deep_detectors()} == {("skipped", "on_request")}
    assert set(deep_checks.deep_detectors()) <= set(held["verdict"]["unchecked"])
    full = cli_json(capsys, "--profile", "full", str(declared_png))
    states = {d["name"]: d["status"] for d in full["detectors"]}
    assert {states[n] for n in deep_checks.deep_detectors()} <= {"ok", "not_applicable"}
    assert states["copy_move"] == "ok" and states["forensic_views"] == "ok"
    assert full["verdict"]["code"] == "ai_generated"  # advisory: the verdict does not move
    assert hashlib.sha256(declared_png.read_bytes()).hexdigest() == digest


def test_the_reason_is_worded_in_both_languages(declared_png, capsys) -> None:
    from verifier.describe.checks import reason_text
    from verifier.evidence import VerdictCode

    ev = deep_checks.held_back("copy_move", VerdictCode.SIGNED_PROVENANCE)
    assert "on request" in reason_text(ev, "en") and "按需运行" in reason_text(ev, "zh")


def test_which_verdicts_get_the_deep_checks_without_being_asked() -> None:
    runs = {code for code in VerdictCode if deep_checks.worth_running(code)}
    assert runs == {VerdictCode.NO_SIGNALS, VerdictCode.AI_POSSIBLE, VerdictCode.INCOMPLETE}


def test_the_scan_table_gives_checks_not_run_for_one_reason_one_note(declared_png, capsys) -> None:
    from verifier.table import row

    file = cli_json(capsys, str(declared_png))
    line = row(file, "en")
    assert line.count("not run, since the file already carries provenance") == 1
    assert "Copied regions (copy-move), " in line  # the three checks named together


def test_merge_keeps_the_first_outcome_of_a_deep_check_the_later_run_left_out(files) -> None:
    config = Config(isolation="inline")
    before = run([files["marked.png"]], config)["marked.png"]
    extra = run([files["marked.png"]], deep_checks.on_request_config(config, ["copy_move"]))["marked.png"]
    # deep_fake was not asked for: it comes back "not in profile", and the merge must not take that
    assert deep_of(extra).reason == "not_in_profile"
    after = deep_checks.merge(before, extra)
    assert deep_of(after) == deep_of(before) and "deep_fake" in after.verdict.unchecked
