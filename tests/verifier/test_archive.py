"""Archive sweeps, engine-independent parts: results file, resume, inputs, summary, Parquet, CLI."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from tests.verifier.archive_fakes import CountsRuns
from tests.verifier.fake_detectors import LabelIfMarked
from verifier.archive.engines import LocalEngine
from verifier.archive.progress import Progress
from verifier.archive.results import JsonlWriter, ResumeIndex, iter_lines, latest_records
from verifier.archive.sources import Item, is_url, iter_items, read_list, staged
from verifier.archive.summary import c2pa_signers, format_text, provider_codes, summarise
from verifier.archive.sweep import EXIT_UNREADABLE, SweepOptions, run_sweep
from verifier.archive.work import SKIPPED, analyse_item
from verifier.cli import main
from verifier.config import Config
from verifier.detectors.file_facts import FileFactsDetector

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
INLINE = Config(isolation="inline", trust_dirs=())
DETS = (FileFactsDetector(), LabelIfMarked(), CountsRuns())


def record(path: str, code: str = "no_signals", sha: str | None = "ab" * 32, **extra) -> dict:
    return {"path": path, "sha256": sha, "size": 1, "media_type": "image/png",
            "verdict": {"code": code, "strength": "none", "headline": "", "explanation": ""},
            "signals": [], "detectors": [], **extra}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.png").write_bytes(PNG + b"MARK")
    (root / "b.png").write_bytes(PNG)
    (root / "sub" / "c.txt").write_bytes(b"hello\n")
    (root / ".hidden.png").write_bytes(PNG)
    return root


@pytest.fixture
def run_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    log = tmp_path / "analysed.log"
    monkeypatch.setenv("VERIFIER_TEST_RUN_LOG", str(log))
    return log


def analysed(log: Path) -> list[str]:
    return log.read_text("utf-8").split() if log.exists() else []


# --------------------------------------------------------------------------- results file


def test_writer_appends_lines_and_cuts_a_torn_tail(tmp_path):
    out = tmp_path / "r.jsonl"
    with JsonlWriter(out) as w:
        w.write(record("x"))
    with open(out, "ab") as fh:
        fh.write(b'{"path": "half-writ')  # a crash mid-line
    assert [r["path"] for r in latest_records(out)] == ["x"]  # the reader tolerates it
    with JsonlWriter(out) as w:
        w.write(record("y"))
    lines = out.read_bytes().splitlines()
    assert [json.loads(ln)["path"] for ln in lines] == ["x", "y"]


def test_latest_record_per_path_wins_and_failures_are_retried(tmp_path):
    out = tmp_path / "r.jsonl"
    with JsonlWriter(out) as w:
        w.write({"kind": "run", "tool": {}})
        w.write(record("a", "no_signals", sha="11" * 32))
        w.write(record("b", "incomplete", sha=None, error="cannot open"))
        w.write(record("a", "ai_generated", sha="22" * 32))
    assert [(r["path"], r["verdict"]["code"]) for r in latest_records(out)] == [
        ("b", "incomplete"), ("a", "ai_generated")]
    idx = ResumeIndex.load(out)
    assert idx.expected_sha("a") == "22" * 32
    assert idx.expected_sha("b") is None  # unreadable last time: try again
    assert idx.stats.runs == 1 and idx.stats.files == 3


# --------------------------------------------------------------------------- inputs


def test_folders_lists_and_companions(tmp_path, folder):
    (folder / "v.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom")
    (folder / "v1.m4s").write_bytes(b"\x00")
    (folder / "a.c2pa").write_bytes(b"\x00")
    items = {Path(i.source).name: i for i in iter_items([str(folder)])}
    assert sorted(items) == ["a.c2pa", "a.png", "b.png", "c.txt", "v.mp4", "v1.m4s"]
    assert items["a.png"].companions == (str(folder / "a.c2pa"),)
    assert items["v.mp4"].companions == (str(folder / "v1.m4s"),)
    assert items["b.png"].companions == ()
    lst = tmp_path / "list.txt"
    lst.write_text(f"# inputs\n{folder / 'b.png'}\n\n{folder / 'sub' / 'c.txt'}\n", "utf-8")
    assert [Path(i.source).name for i in iter_items(read_list(lst))] == ["b.png", "c.txt"]
    assert is_url("s3://bucket/x.jpg") and is_url("memory://x") and not is_url("/tmp/a:b")


def test_a_remote_object_is_copied_privately_hashed_and_deleted(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/verifier-test/x/photo.png", PNG + b"MARK")
    fs.pipe("/verifier-test/x/photo.c2pa", b"sidecar")
    try:
        items = list(iter_items(["memory://verifier-test/x"]))
        photo = next(i for i in items if i.source.endswith("photo.png"))
        assert photo.source.startswith("memory://") and len(photo.companions) == 1
        assert photo.companions[0] == photo.source[: -len("png")] + "c2pa"
        with staged(photo) as (local, comps):
            staged_dir = local.parent
            assert local.read_bytes() == PNG + b"MARK" and comps[0].name == "photo.c2pa"
            assert (staged_dir.stat().st_mode & 0o777) == 0o700
        assert not staged_dir.exists()
        d = analyse_item(photo, INLINE, detectors=DETS[:2])
        assert d["path"] == photo.source  # the report keeps the URL
        assert d["sha256"] == hashlib.sha256(PNG + b"MARK").hexdigest()
        assert d["verdict"]["code"] == "ai_generated"
    finally:
        fs.rm("/verifier-test", recursive=True)


# --------------------------------------------------------------------------- the local engine


def test_local_engine_matches_the_pipeline_and_resumes_without_reanalysing(tmp_path, folder, run_log):
    out = tmp_path / "results.jsonl"
    opts = SweepOptions(inputs=[str(folder)], out=out, progress=False)
    first = run_sweep(opts, INLINE, {"name": "verifier"}, detectors=DETS)
    assert first.analysed == 3 and first.exit_code == 0
    assert sorted(analysed(run_log)) == ["a.png", "b.png", "c.txt"]
    recs = {Path(r["path"]).name: r for r in latest_records(out)}
    assert recs["a.png"]["verdict"]["code"] == "ai_generated"
    assert recs["a.png"]["sha256"] == hashlib.sha256(PNG + b"MARK").hexdigest()

    run_log.unlink()
    (folder / "b.png").write_bytes(PNG + b"MARK")  # changed content: analysed again
    (folder / "d.png").write_bytes(PNG)  # new file
    second = run_sweep(opts, INLINE, {"name": "verifier"}, detectors=DETS)
    assert (second.analysed, second.skipped) == (2, 2)
    assert sorted(analysed(run_log)) == ["b.png", "d.png"]
    recs = {Path(r["path"]).name: r for r in latest_records(out)}
    assert recs["b.png"]["verdict"]["code"] == "ai_generated" and len(recs) == 4
    assert [ln["kind"] for ln in iter_lines(out) if "kind" in ln] == ["run", "end", "run", "end"]


def test_unreadable_inputs_are_recorded_and_the_sweep_goes_on(tmp_path, folder):
    out = tmp_path / "r.jsonl"
    opts = SweepOptions(inputs=[str(folder / "missing.png"), str(folder / "b.png")], out=out, progress=False)
    res = run_sweep(opts, INLINE, {}, detectors=DETS[:2])
    assert res.exit_code == EXIT_UNREADABLE and res.analysed == 2
    recs = {Path(r["path"]).name: r for r in latest_records(out)}
    assert "missing.png" in recs["missing.png"]["error"] and recs["b.png"]["sha256"]


def test_local_engine_runs_isolated_detectors_in_processes(folder):
    engine = LocalEngine(Config(workers=2, trust_dirs=()), DETS[:2])
    items = [Item(str(folder / "a.png")), Item(str(folder / "b.png"))]
    out = {Path(i.source).name: o for i, o in engine.run((i, None) for i in items)}
    assert out["a.png"]["verdict"]["code"] == "ai_generated"
    assert out["b.png"]["verdict"]["code"] == "no_signals"
    sha = out["b.png"]["sha256"]
    again = list(engine.run([(items[1], sha)]))
    assert again == [(items[1], SKIPPED)]


# --------------------------------------------------------------------------- summary, Parquet


def _rich_records() -> list[dict]:
    gb = {"id": "gb45438.label", "detector": "metadata",
          "details": {"Label": "1", "ContentProducer": "001191110108MA01XXXXXX10000", "producer": {}}}
    c2pa_sig = {"id": "c2pa.ai_generated", "detector": "c2pa", "details": {}}
    manifests = [{"label": "m1", "is_active": False, "signer": {"common_name": "Old", "issuer": "X"}},
                 {"label": "m2", "is_active": True, "signer": {"common_name": "OpenAI", "issuer": "DigiCert"}}]
    return [
        record("a.png", "ai_generated", signals=[gb]),
        record("b.jpg", "ai_generated", signals=[c2pa_sig], facts={"c2pa": {"manifests": manifests}}),
        record("c.jpg", "signed_provenance", signals=[{"id": "c2pa.trusted", "details":
                                                       {"signer": {"common_name": "Nikon"}}}]),
        record("d.bin", "incomplete", sha=None, error="cannot open"),
        record("e.png", "no_signals", signals="garbage", facts={"c2pa": {"manifests": ["x", None]}}),
    ]


def test_summary_counts_verdicts_signals_providers_and_signers():
    recs = _rich_records()
    assert provider_codes(recs[0]) == ["001191110108MA01XXXXXX10000"]
    assert c2pa_signers(recs[1]) == ["OpenAI (issuer: DigiCert)"]  # the active manifest
    assert c2pa_signers(recs[2]) == ["Nikon"]  # from the signal's details
    s = summarise(recs).as_dict()
    assert s["files"] == 5 and s["unreadable"] == 1
    assert s["verdicts"] == {"ai_generated": 2, "signed_provenance": 1, "incomplete": 1, "no_signals": 1}
    assert s["signals"]["gb45438.label"] == 1 and s["signals"]["c2pa.ai_generated"] == 1
    assert s["gb45438_providers"] == {"001191110108MA01XXXXXX10000": 1}
    assert s["c2pa_signers"] == {"OpenAI (issuer: DigiCert)": 1, "Nikon": 1}
    text = format_text(summarise(recs + [record("\x1b[2Jevil", "no_signals", signals=[
        {"id": "gb45438.label", "details": {"ContentProducer": "\x1b]0;pwned\x07Evil"}}])]))
    assert "\x1b" not in text and "GB 45438 provider" in text


def test_parquet_table_has_one_row_per_file(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from verifier.archive import parquet

    target = tmp_path / "s.parquet"
    assert parquet.write(_rich_records(), target) == 5
    table = pq.read_table(target).to_pylist()
    by_path = {r["path"]: r for r in table}
    assert by_path["a.png"]["gb45438_providers"] == ["001191110108MA01XXXXXX10000"]
    assert by_path["b.jpg"]["signal_ids"] == ["c2pa.ai_generated"]
    assert by_path["d.bin"]["error"] == "cannot open" and by_path["d.bin"]["sha256"] is None
    assert not (tmp_path / "s.parquet.partial").exists()


def test_progress_without_a_terminal_has_no_escape_codes():
    stream = io.StringIO()
    p = Progress(total=3, stream=stream, interval_pipe=0.0)
    p.add(record("a", "ai_generated"))
    p.add(SKIPPED)
    p.finish()
    text = stream.getvalue()
    assert "\x1b" not in text and "\r" not in text
    assert "2/3 files" in text and "ai_generated=1" in text and "1 already done" in text


# --------------------------------------------------------------------------- CLI


def test_cli_sweep_summary_and_parquet(tmp_path, folder, capsys):
    out, table = tmp_path / "r.jsonl", tmp_path / "s.parquet"
    args = ["scan", str(folder), "--out", str(out), "--inline", "--no-progress", "--trust", str(tmp_path)]
    if _has("pyarrow"):
        args += ["--parquet", str(table)]
    assert main(args) == 0
    assert "files: 3" in capsys.readouterr().out
    assert main(["summary", str(out), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["files"] == 3 and s["runs"] == 1 and s["verdicts"]
    assert main(["scan", str(folder), "--out", str(out), "--inline", "--no-progress"]) == 0  # resumed
    assert [ln.get("already_recorded") for ln in iter_lines(out) if ln.get("kind") == "run"] == [0, 3]
    assert main(["summary", str(tmp_path / "nope.jsonl")]) == 2
    assert main(["scan", "--parquet", str(table), str(folder)]) == 2  # needs --out
    assert main(["scan"]) == 2


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def test_sweeps_work_without_the_archive_extra(tmp_path, folder):
    """dask, pyarrow and fsspec are optional: a local sweep runs without them, the rest says why."""
    out = tmp_path / "r.jsonl"
    code = (
        "import sys\n"
        "for m in ('dask', 'distributed', 'pyarrow', 'fsspec'): sys.modules[m] = None\n"
        "from verifier.cli import main\n"
        f"assert main(['scan', {str(folder)!r}, '--out', {str(out)!r}, '--inline', '--no-progress']) == 0\n"
        f"assert main(['summary', {str(out)!r}]) == 0\n"
        f"assert main(['scan', {str(folder)!r}, '--engine', 'dask', '--inline']) == 2\n"
        f"assert main(['scan', {str(folder)!r}, '--out', {str(out)!r}, '--parquet', 'x.parquet']) == 2\n"
        "assert main(['scan', 's3://bucket/key.jpg']) == 2\n"
        "assert not any(m in sys.modules and sys.modules[m] for m in ('dask', 'pyarrow', 'fsspec'))\n"
    )
    import subprocess
    import sys

    from tests.conftest import ROOT

    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "archive" in res.stderr  # the advice names the extra


def test_the_network_guard_opens_only_the_named_host_and_only_inside_the_block():
    import socket

    from verifier import netguard

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    try:
        def connect(host: str) -> None:
            with socket.socket() as s:
                s.settimeout(2)
                s.connect((host, port))

        with pytest.raises(netguard.NetworkBlocked):
            connect("127.0.0.1")
        with netguard.allowing(["127.0.0.1"]):
            connect("127.0.0.1")
            with pytest.raises(netguard.NetworkBlocked):
                connect("127.0.0.2")
            with pytest.raises(netguard.NetworkBlocked):
                socket.getaddrinfo("example.org", 80)
        with pytest.raises(netguard.NetworkBlocked):
            connect("127.0.0.1")
    finally:
        server.close()
