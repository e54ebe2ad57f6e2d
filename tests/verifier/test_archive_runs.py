"""Archive sweeps end to end: Dask vs local on the corpus, crash isolation, kill and resume.

The Dask tests start a real LocalCluster (2 worker processes) on the loopback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import CERTS, ROOT, TRUST
from tests.verifier.archive_fakes import CountsRuns, CrashesOnBoom, KillsItsHostOnDie
from tests.verifier.fake_detectors import LabelIfMarked, Slow
from verifier.archive.results import iter_lines, latest_records
from verifier.archive.sweep import EXIT_INTERRUPTED, SweepOptions, run_sweep
from verifier.config import Config
from verifier.detectors import BUILTIN_DETECTORS
from verifier.detectors.file_facts import FileFactsDetector
from verifier.pipeline import FileFailed, scan

pytest.importorskip("distributed")

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def corpus_config() -> Config:
    # As the conformance suite, minus OCR (it would dominate the run time).
    return Config(trust_dirs=(TRUST,), user_anchors=(CERTS / "test_cert_root_bundle.pem",),
                  ocr=False, disabled=frozenset({"visible_label"}))


def essentials(rec: dict) -> tuple:
    return (rec["sha256"], rec["verdict"]["code"], rec["verdict"]["strength"],
            tuple(sorted(s["id"] for s in rec["signals"])))


def analysed(log: Path) -> list[str]:
    return log.read_text("utf-8").split() if log.exists() else []


@pytest.mark.slow
@pytest.mark.corpus
def test_dask_engine_gives_the_local_engines_results_file_by_file(corpus, tmp_path, monkeypatch):
    log = tmp_path / "analysed.log"
    monkeypatch.setenv("VERIFIER_TEST_RUN_LOG", str(log))  # inherited by the Dask workers
    dets = (*BUILTIN_DETECTORS, CountsRuns())
    config = corpus_config()
    tool = {"name": "verifier"}
    local_out, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_sweep(SweepOptions([str(corpus)], out=local_out, progress=False), config, tool, dets)
    res = run_sweep(SweepOptions([str(corpus)], out=dask_out, engine="dask", dask_workers=2, progress=False),
                    config, tool, dets)
    assert res.engine == "dask" and not res.interrupted
    local = {r["path"]: essentials(r) for r in latest_records(local_out)}
    dask = {r["path"]: essentials(r) for r in latest_records(dask_out)}
    assert len(local) >= 98 and set(dask) == set(local)
    different = {p: (local[p], dask[p]) for p in local if local[p] != dask[p]}
    assert not different

    # ... and both are the desktop pipeline's own results
    direct = {}
    for r in scan([corpus], config):
        assert not isinstance(r, FileFailed)
        if r.parent:
            continue  # files inside files (a PDF's pictures): a sweep records the container's row
        direct[str(r.media.path)] = (r.media.sha256, str(r.verdict.code), str(r.verdict.strength),
                                     tuple(sorted(s.id for s in r.signals)))
    assert direct == local

    # resuming on Dask: every file hashed, none analysed again
    log.unlink()
    again = run_sweep(SweepOptions([str(corpus)], out=dask_out, engine="dask", dask_workers=2, progress=False),
                      config, tool, dets)
    assert (again.analysed, again.skipped) == (0, len(local))
    assert analysed(log) == []


@pytest.mark.slow
def test_on_dask_a_crash_or_timeout_costs_one_check_and_a_lost_worker_one_file(tmp_path):
    files = {"ok.png": PNG + b"MARK", "boom.png": PNG + b"BOOM", "die.png": PNG + b"DIE", "plain.txt": b"hi\n"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "r.jsonl"
    dets = (FileFactsDetector(), LabelIfMarked(), CrashesOnBoom(), Slow(), KillsItsHostOnDie())
    config = Config(trust_dirs=(), timeouts={"slow": 1.0})
    res = run_sweep(SweepOptions([str(tmp_path / n) for n in files], out=out, engine="dask", dask_workers=2,
                                 progress=False), config, {}, dets)
    recs = {Path(r["path"]).name: r for r in latest_records(out)}
    assert set(recs) == set(files) and not res.interrupted
    status = {n: {d["name"]: d["status"] for d in r["detectors"]} for n, r in recs.items()}
    assert recs["ok.png"]["verdict"]["code"] == "ai_generated"
    assert status["ok.png"]["slow"] == "timeout"  # the per-file time limit holds on Dask
    assert status["boom.png"]["crashes"] == "error"  # the detector's process died, not the worker
    assert "crashed" in next(d["error"] for d in recs["boom.png"]["detectors"] if d["name"] == "crashes")
    assert status["boom.png"]["marked"] == "ok"
    assert "worker" in recs["die.png"]["error"] and recs["die.png"]["sha256"] is None  # recorded, retried later
    assert recs["plain.txt"]["verdict"]["code"] == "incomplete"  # the timeout leaves it unchecked
    assert res.exit_code == 3


def test_a_killed_run_resumes_without_reanalysing_recorded_files(tmp_path):
    data = tmp_path / "archive"
    data.mkdir()
    for i in range(40):
        (data / f"f{i:03d}.png").write_bytes(PNG + i.to_bytes(2, "big"))
    out, log = tmp_path / "results.jsonl", tmp_path / "analysed.log"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from verifier.archive.sweep import SweepOptions, run_sweep
        from verifier.config import Config
        from verifier.detectors.file_facts import FileFactsDetector
        from tests.verifier.archive_fakes import CountsRuns
        run_sweep(SweepOptions([{str(data)!r}], out=Path({str(out)!r}), progress=False),
                  Config(isolation="inline", trust_dirs=()), {{}}, (FileFactsDetector(), CountsRuns()))
    """)
    env = {**os.environ, "VERIFIER_TEST_RUN_LOG": str(log), "VERIFIER_TEST_SLEEP": "0.1"}
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and len(out.read_bytes().splitlines()) >= 11:  # header + 10 files
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    recorded = {Path(r["path"]).name for r in latest_records(out)}
    assert 10 <= len(recorded) < 40, "the run was not killed midway"
    with open(out, "ab") as fh:
        fh.write(b'{"path": "' + str(data).encode() + b'/f0')  # as if killed mid-line
    first_run = set(analysed(log))
    log.unlink()

    os.environ["VERIFIER_TEST_RUN_LOG"] = str(log)
    try:
        res = run_sweep(SweepOptions([str(data)], out=out, progress=False), Config(isolation="inline", trust_dirs=()),
                        {}, (FileFactsDetector(), CountsRuns()))
    finally:
        del os.environ["VERIFIER_TEST_RUN_LOG"]
    second_run = analysed(log)
    assert res.skipped == len(recorded) and res.analysed == 40 - len(recorded)
    assert not set(second_run) & recorded  # nothing recorded was analysed again
    assert len(second_run) == len(set(second_run)) == 40 - len(recorded)
    assert len(first_run - recorded) <= 1  # at most the file in flight was lost
    final = [r["path"] for r in latest_records(out)]
    assert sorted(Path(p).name for p in final) == [f"f{i:03d}.png" for i in range(40)]
    assert sum(1 for ln in iter_lines(out) if "verdict" in ln) == 40  # no duplicates, no torn line


class ExternalCluster:
    """A ``dask scheduler`` and ``dask worker`` processes, as an operator would start them."""

    def __init__(self, tmp_path: Path) -> None:
        self.bindir = Path(sys.executable).parent
        self.procs: list[subprocess.Popen] = []
        sched_file = tmp_path / "scheduler.json"
        self.scheduler = self._start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                      "--scheduler-file", str(sched_file)], {})
        deadline = time.monotonic() + 30
        while not sched_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.address = json.loads(sched_file.read_text())["address"]

    def _start(self, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        env = {**os.environ, "PYTHONPATH": str(ROOT), **env}  # as if verifier were installed there
        p = subprocess.Popen([str(self.bindir / "dask"), *args], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(p)
        return p

    def worker(self, daemon: bool) -> subprocess.Popen:
        env = {} if daemon else {"DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        return self._start(["worker", self.address, "--nthreads", "1", "--no-dashboard"], env)

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                p.kill()
                p.wait(10)


@pytest.fixture
def cluster(tmp_path):
    c = ExternalCluster(tmp_path)
    yield c
    c.stop()


@pytest.mark.slow
def test_daemonic_workers_are_refused_with_advice(cluster, tmp_path):
    from verifier.archive.dask_engine import DaskEngine, DaskUnavailable

    cluster.worker(daemon=True)
    engine = DaskEngine(Config(trust_dirs=()), (FileFactsDetector(),), scheduler=cluster.address)
    with pytest.raises(DaskUnavailable, match="DASK_DISTRIBUTED__WORKER__DAEMON=False"):
        engine.start()


@pytest.mark.slow
def test_losing_the_scheduler_ends_the_run_cleanly_and_keeps_the_results(cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFIER_TEST_SLEEP", "0.2")
    data = tmp_path / "data"
    data.mkdir()
    for i in range(30):
        (data / f"f{i:02d}.png").write_bytes(PNG + i.to_bytes(1, "big"))
    cluster.worker(daemon=False)
    out = tmp_path / "out" / "r.jsonl"

    def kill_scheduler_after_five(rec: dict) -> None:
        if sum(1 for ln in iter_lines(out) if "verdict" in ln) >= 5 and cluster.scheduler.poll() is None:
            cluster.scheduler.kill()

    res = run_sweep(SweepOptions([str(data)], out=out, engine="dask", scheduler=cluster.address, progress=False),
                    Config(trust_dirs=()), {}, (FileFactsDetector(), LabelIfMarked(), CountsRuns()),
                    on_record=kill_scheduler_after_five)
    assert res.interrupted and res.exit_code == EXIT_INTERRUPTED, res
    done = list(latest_records(out))
    assert 5 <= len(done) < 30
    # the isolated detector ran in a process spawned by the (non-daemonic) external worker
    assert all({d["name"]: d["status"] for d in r["detectors"]}["marked"] == "ok" for r in done)
    footer = [ln for ln in iter_lines(out) if ln.get("kind") == "end"]
    assert footer and footer[-1]["interrupted"] is True and "scheduler" in footer[-1]["reason"]


@pytest.mark.slow
def test_cli_dask_sweep_through_the_network_guard(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(6):
        (tmp_path / "in" / f"f{i}.png").write_bytes(PNG + bytes([i]))
    out = tmp_path / "r.jsonl"
    res = subprocess.run([sys.executable, "-m", "verifier", "scan", str(tmp_path / "in"), "--engine", "dask",
                          "--dask-workers", "1", "--out", str(out), "--no-ocr"], cwd=ROOT, capture_output=True,
                         text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    assert "files: 6" in res.stdout
    assert "6/6 files" in res.stderr and "\x1b" not in res.stderr and "\r" not in res.stderr
    header = next(iter_lines(out))
    assert header["kind"] == "run" and header["engine"] == "dask"
