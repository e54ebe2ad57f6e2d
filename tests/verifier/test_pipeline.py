"""The pipeline: progressive events, isolation outcomes, companions, cancellation."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.verifier.fake_detectors import Fails, LabelIfMarked, OnlyPng, Raises, Slow, SlowAdvisory
from verifier.config import Config
from verifier.detectors import BUILTIN_DETECTORS
from verifier.detectors.file_facts import FileFactsDetector
from verifier.evidence import Status, VerdictCode
from verifier.pipeline import (EvidenceReady, FileDone, FileFailed, FileQueued, FileStarted, Scanner, VerdictReady,
                               analyse_file, companions_for, expand, scan)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"plain.png": PNG, "marked.png": PNG + b"MARK", "notes.txt": b"hello\n"}
    for name, data in out.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in out}


@pytest.mark.parametrize("isolation", ["inline", "process"])
def test_events_arrive_per_detector_then_the_report(files, isolation):
    dets = (FileFactsDetector(), LabelIfMarked(), Fails())
    config = Config(isolation=isolation, workers=2, trust_dirs=())
    with Scanner(config, dets) as scanner:
        scanner.submit([files["marked.png"]])
        events = list(scanner.events())
    kinds = [type(e) for e in events]
    assert kinds[0] is FileQueued and kinds[1] is FileStarted and kinds[-1] is FileDone
    ready = [e.evidence for e in events if isinstance(e, EvidenceReady)]
    assert sorted(e.detector for e in ready) == ["fails", "file", "marked"]
    report = events[-1].report
    assert report.verdict.code is VerdictCode.AI_GENERATED
    assert report.verdict.unchecked == ("fails",)
    by_name = {e.detector: e for e in report.evidence}
    assert by_name["fails"].status is Status.ERROR
    assert "cannot read" in by_name["fails"].error
    assert report.media.sha256 == hashlib.sha256(files["marked.png"].read_bytes()).hexdigest()


def test_failure_without_findings_is_incomplete_not_no_signals(files):
    report = analyse_file(files["plain.png"], Config(isolation="inline"), (FileFactsDetector(), Raises()))
    assert report.verdict.code is VerdictCode.INCOMPLETE
    err = {e.detector: e for e in report.evidence}["raises"]
    assert err.status is Status.ERROR and "ValueError: unexpected" in err.error


def test_not_applicable_outcomes(files):
    report = analyse_file(files["notes.txt"], Config(isolation="inline"), (FileFactsDetector(), OnlyPng()))
    assert {e.detector: e.status for e in report.evidence}["only_png"] is Status.NOT_APPLICABLE
    report = analyse_file(files["plain.png"], Config(isolation="inline"), (FileFactsDetector(), OnlyPng()))
    ev = {e.detector: e for e in report.evidence}["only_png"]
    assert ev.status is Status.NOT_APPLICABLE and "not for me" in ev.error
    assert report.verdict.code is VerdictCode.NO_SIGNALS


@pytest.mark.parametrize("isolation", ["inline", "process"])
def test_timeout_stops_the_check_and_says_so(files, isolation):
    config = Config(isolation=isolation, timeouts={"slow": 0.5})
    report = analyse_file(files["plain.png"], config, (FileFactsDetector(), Slow()))
    ev = {e.detector: e for e in report.evidence}["slow"]
    assert ev.status is Status.TIMEOUT and "0.5 s" in ev.error
    assert report.verdict.code is VerdictCode.INCOMPLETE


def test_disabled_detectors_are_skipped_with_a_reason(files):
    config = Config(isolation="inline", disabled=frozenset({"marked"}))
    report = analyse_file(files["marked.png"], config, (FileFactsDetector(), LabelIfMarked()))
    ev = {e.detector: e for e in report.evidence}["marked"]
    assert ev.status is Status.SKIPPED and "settings" in ev.error
    assert report.verdict.code is VerdictCode.NO_SIGNALS


def test_unreadable_inputs_are_reported_not_raised(tmp_path, files):
    results = list(scan([tmp_path / "missing.jpg", files["plain.png"]], Config(isolation="inline"),
                        detectors=(FileFactsDetector(),)))
    failed = [r for r in results if isinstance(r, FileFailed)]
    assert len(failed) == 1 and "missing.jpg" in failed[0].message
    assert len(results) == 2


def test_cancel_skips_pending_and_stops_running_checks(files):
    config = Config(isolation="process", workers=1)
    with Scanner(config, (FileFactsDetector(), Slow())) as scanner:
        idx = scanner.submit([files["plain.png"], files["notes.txt"]])
        done = []
        for ev in scanner.events():
            if isinstance(ev, FileStarted) and ev.index == idx[0]:
                scanner.cancel()
            if isinstance(ev, FileDone | FileFailed):
                done.append(ev)
    assert len(done) == 2
    for ev in done:
        if isinstance(ev, FileDone):
            slow = {e.detector: e for e in ev.report.evidence}["slow"]
            assert slow.status is Status.SKIPPED and slow.error == "cancelled"


def test_folders_expand_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden").write_text("h")
    assert expand([tmp_path]) == [tmp_path / "a.txt", tmp_path / "b" / "z.txt"]
    assert expand([tmp_path], recursive=False) == [tmp_path / "a.txt"]


def test_companions_pair_sidecars_and_fragments(tmp_path):
    asset, side, init, frag, other = (tmp_path / n for n in ("x.jpg", "x.c2pa", "v.mp4", "v1.m4s", "y.c2pa"))
    batch = [asset, side, init, frag, other]
    assert companions_for(asset, batch) == (side,)
    assert companions_for(init, batch) == (frag,)
    assert companions_for(other, batch) == ()


def test_builtin_detectors_have_unique_names_and_the_file_detector_first():
    names = [d.name for d in BUILTIN_DETECTORS]
    assert names[0] == "file" and len(set(names)) == len(names)


@pytest.fixture
def slow_hash(monkeypatch):
    """Every file counts as large; hashing waits until the test releases it."""
    import threading

    from verifier import inputs, pipeline

    release = threading.Event()
    real = inputs.hash_file

    def gated(path, stop=lambda: False):
        while not release.wait(0.05):
            if stop():
                return None
        return real(path, stop)

    monkeypatch.setattr(pipeline, "CONCURRENT_HASH_BYTES", 1)
    monkeypatch.setattr(pipeline, "hash_file", gated)
    return release


@pytest.mark.parametrize("isolation", ["inline", "process"])
def test_a_large_file_is_checked_while_it_is_hashed(files, slow_hash, isolation):
    config = Config(isolation=isolation, workers=1, trust_dirs=())
    path = files["marked.png"]
    with Scanner(config, (FileFactsDetector(), LabelIfMarked())) as scanner:
        scanner.submit([path])
        events = []
        for ev in scanner.events():
            events.append(ev)
            if isinstance(ev, EvidenceReady) and ev.evidence.detector == "marked":
                slow_hash.set()  # the isolated check finished before the hash was released
    started = next(e for e in events if isinstance(e, FileStarted))
    assert started.media.sha256 == "" and started.media.size == path.stat().st_size
    order = [e.evidence.detector for e in events if isinstance(e, EvidenceReady)]
    assert order == ["marked", "file"], "the in-process file facts wait for the hash"
    report = events[-1].report
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert report.media.sha256 == sha and report.media.size == path.stat().st_size
    file_facts = {e.detector: e for e in report.evidence}["file"].facts
    assert file_facts["sha256"] == sha
    assert report.verdict.code is VerdictCode.AI_GENERATED


def test_cancelling_a_file_stops_its_hash(files, slow_hash):
    config = Config(isolation="inline", trust_dirs=())
    with Scanner(config, (FileFactsDetector(), OnlyPng())) as scanner:
        scanner.submit([files["plain.png"]])
        for ev in scanner.events():
            if isinstance(ev, EvidenceReady) and ev.evidence.detector == "only_png":
                scanner.cancel()
            if isinstance(ev, FileDone):
                report = ev.report
    by_name = {e.detector: e for e in report.evidence}
    assert by_name["file"].status is Status.SKIPPED and by_name["file"].error == "cancelled"
    assert not slow_hash.is_set()


def test_at_most_two_files_are_hashed_at_once(tmp_path, slow_hash, monkeypatch):
    import threading

    from verifier import pipeline

    paths = []
    for i in range(5):
        p = tmp_path / f"v{i}.png"
        p.write_bytes(PNG + bytes([i]))
        paths.append(p)
    config = Config(isolation="inline", trust_dirs=())
    peak = 0
    with Scanner(config, (FileFactsDetector(), OnlyPng())) as scanner:
        scanner.submit(paths)
        timer = threading.Timer(0.5, slow_hash.set)
        timer.start()
        reports = []
        for ev in scanner.events():
            peak = max(peak, sum(st.hashing is not None for st in scanner._files.values()))
            if isinstance(ev, FileDone):
                reports.append(ev.report)
        timer.join()
    assert peak == pipeline.MAX_CONCURRENT_HASHES
    assert sorted(r.media.sha256 for r in reports) == sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in paths)


@pytest.mark.parametrize("isolation", ["inline", "process"])
def test_the_verdict_comes_before_the_advisory_checks_end(files, isolation):
    """VerdictReady: once only advisory checks are left, the verdict is sent; FileDone repeats it."""
    config = Config(isolation=isolation, workers=2)
    with Scanner(config, (FileFactsDetector(), LabelIfMarked(), SlowAdvisory())) as scanner:
        scanner.submit([files["marked.png"]])
        events = list(scanner.events())
    kinds = [type(e).__name__ for e in events]
    early = next(e for e in events if isinstance(e, VerdictReady))
    done = next(e for e in events if isinstance(e, FileDone))
    assert kinds.index("VerdictReady") < kinds.index("FileDone")
    assert "slow_advisory" not in {e.detector for e in early.report.evidence}  # still running then
    assert early.report.verdict.code is VerdictCode.AI_GENERATED
    assert done.report.verdict == early.report.verdict


def test_no_early_verdict_without_an_advisory_check_left(files):
    with Scanner(Config(isolation="inline"), (FileFactsDetector(), LabelIfMarked())) as scanner:
        scanner.submit([files["marked.png"]])
        assert not any(isinstance(e, VerdictReady) for e in scanner.events())


def test_a_scanner_tells_what_its_workers_reported_about_their_isolation(files):
    from verifier.sandbox import Isolation

    with Scanner(Config(isolation="process", workers=1), (FileFactsDetector(), LabelIfMarked())) as scanner:
        assert scanner.isolation_reports() == {}  # no worker yet
        scanner.submit([files["marked.png"]])
        list(scanner.events())
        reports = scanner.isolation_reports()
    assert reports and all(isinstance(k, Isolation) for k in reports)
