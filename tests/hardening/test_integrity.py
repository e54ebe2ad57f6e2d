"""Evidence integrity: analysing a file never alters it and never writes beside it.

Three angles: hashes, modes and modification times of the real corpus before and after a full
CLI run (worker processes, report export); every open of an input in inline mode is read-only
(Python's ``open``/``os.open`` spied); and no file appears next to an input (tmp copies, because
the corpus folders are shared material). Native libraries are covered by ``strace``: no
``openat`` of an input with a write flag, no create/rename/unlink in the input folder.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TRUST
from tests.hardening.conftest import run_cli, trust_args
from verifier import inputs
from verifier.config import Config
from verifier.evidence import Report
from verifier.pipeline import scan

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def snapshot(folder: Path) -> dict[str, tuple[str, int, int, int]]:
    """path -> (sha256, mode, mtime_ns, size) of every file below ``folder``; folders too."""
    out: dict[str, tuple[str, int, int, int]] = {}
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            p = Path(root) / name
            st = p.lstat()
            digest = ""
            if p.is_file():
                with open(p, "rb") as fh:
                    digest = hashlib.file_digest(fh, "sha256").hexdigest()
            out[str(p.relative_to(folder))] = (digest, st.st_mode, st.st_mtime_ns, st.st_size)
    return out


def one_per_extension(corpus: Path) -> list[Path]:
    """The smallest corpus file of each extension (every container family, bounded time)."""
    best: dict[str, Path] = {}
    for p in sorted(corpus.rglob("*")):
        if p.is_file() and p.suffix and p.name != "expected.json":
            ext = p.suffix.lower()
            if ext not in best or p.stat().st_size < best[ext].stat().st_size:
                best[ext] = p
    return sorted(best.values())


@pytest.mark.corpus
def test_full_scan_and_report_leave_the_corpus_untouched(corpus: Path, corpus_cli_run, tmp_path: Path) -> None:
    """Hashes, modes and mtimes of every corpus file: unchanged by a full scan and a report export.

    The full scan is the shared session run (worker processes, OCR off for the time budget; the
    OCR detector's reads are covered by the inline spy test below); the export runs here on one
    file of each type.
    """
    assert corpus_cli_run.after == corpus_cli_run.before
    out = tmp_path / "report.json"
    proc, _ = run_cli(["report", *trust_args(), *map(str, one_per_extension(corpus)), "-o", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert out.is_file()
    assert snapshot(corpus) == corpus_cli_run.before


@pytest.fixture()
def corpus_copies(corpus: Path, tmp_path: Path) -> Path:
    """Copies (with their sidecars) in a private folder, made read-write on purpose."""
    d = tmp_path / "inputs"
    d.mkdir()
    for p in one_per_extension(corpus):
        shutil.copy2(p, d / f"{p.parent.name}__{p.name}")
    for sidecar in ("c2pa/dash1.m4s", "c2pa/dashinit.mp4", "c2pa/cloud.jpg", "c2pa/cloud_manifest.c2pa"):
        if (corpus / sidecar).is_file():
            shutil.copy2(corpus / sidecar, d / Path(sidecar).name)
    for p in d.iterdir():
        p.chmod(0o644)  # writable: only the code can keep it unchanged
    return d


def test_inputs_are_opened_read_only_and_nothing_is_written_beside_them(
        corpus_copies: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = corpus_copies
    before = snapshot(d)
    inside = str(d.resolve())
    violations: list[str] = []
    readonly_opens: list[str] = []

    def concerns(path: object) -> bool:
        if isinstance(path, int):
            return False
        try:
            return os.path.realpath(os.fsdecode(path)).startswith(inside)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False

    real_os_open, real_open, real_io_open = os.open, builtins.open, io.open
    real_readonly = inputs.open_readonly

    def spy_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if concerns(path) and flags & WRITE_FLAGS:
            violations.append(f"os.open({path!r}, {flags:#o})")
        return real_os_open(path, flags, *args, **kwargs)

    def make_spy_open(real):  # type: ignore[no-untyped-def]
        def spy_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
            if concerns(file) and set(mode) & set("wax+"):
                violations.append(f"open({file!r}, {mode!r})")
            return real(file, mode, *args, **kwargs)
        return spy_open

    def spy_readonly(path):  # type: ignore[no-untyped-def]
        readonly_opens.append(os.fspath(path))
        return real_readonly(path)

    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(builtins, "open", make_spy_open(real_open))
    monkeypatch.setattr(io, "open", make_spy_open(real_io_open))
    monkeypatch.setattr(inputs, "open_readonly", spy_readonly)
    for module in list(sys.modules.values()):  # detectors that did `from ..inputs import open_readonly`
        name = getattr(module, "__name__", "")
        if name.startswith("verifier.") and getattr(module, "open_readonly", None) is real_readonly:
            monkeypatch.setattr(module, "open_readonly", spy_readonly)

    probe = sorted(d.iterdir())[0]
    with open(probe, "ab"), io.open(probe, "r+b"):  # the spies see a write-mode open (no write)
        os.close(os.open(probe, os.O_WRONLY))
    assert len(violations) == 3, violations
    violations.clear()

    config = Config(isolation="inline", workers=1, trust_dirs=(TRUST,) if TRUST.is_dir() else ())
    results = list(scan([d], config))
    assert all(isinstance(r, Report) for r in results), results
    assert len(results) == len(before)
    monkeypatch.undo()
    assert not violations, violations
    assert readonly_opens, "identify() reads every input through open_readonly"
    assert snapshot(d) == before  # same names, same bytes, same modes and mtimes


def test_open_readonly_refuses_to_be_anything_else(tmp_path: Path) -> None:
    p = tmp_path / "x.bin"
    p.write_bytes(b"abc")
    with inputs.open_readonly(p) as fh:
        assert fh.read() == b"abc"
        with pytest.raises(io.UnsupportedOperation):
            fh.write(b"x")
    with pytest.raises(inputs.InputError):
        inputs.open_readonly(tmp_path)  # a folder
    with pytest.raises(inputs.InputError):
        inputs.open_readonly(tmp_path / "missing")  # never created
    assert not (tmp_path / "missing").exists()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    # a FIFO would block a reader forever: refused before any read (O_NONBLOCK open)
    with pytest.raises(inputs.InputError):
        inputs.open_readonly(fifo)


STRACE = shutil.which("strace")
_OPEN = re.compile(r'open(?:at)?\((?:AT_FDCWD|\d+), "([^"]+)", ([A-Z_|]+)')
_CHANGE = re.compile(r'(?:creat|rename|renameat2?|unlink|unlinkat|truncate|mkdir|mkdirat|link|symlink)\(.*?"([^"]+)"')


@pytest.mark.skipif(STRACE is None, reason="strace not installed (apt-get install strace)")
def test_native_code_opens_inputs_read_only_too(corpus_copies: Path, tmp_path: Path) -> None:
    """strace the CLI (worker processes, every detector): no write open, no change in the folder."""
    d = corpus_copies.resolve()
    log = tmp_path / "strace.log"
    files = sorted(d.iterdir())[:8]
    cmd = [STRACE, "-f", "-qq", "-e",
           "trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,truncate,mkdir,mkdirat,link,symlink",
           "-o", str(log), sys.executable, "-m", "verifier", "scan", "--json", *map(str, files)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if "Operation not permitted" in proc.stderr and "ptrace" in proc.stderr:
        pytest.skip("strace cannot trace here")
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen, bad = 0, []
    for line in log.read_text(errors="replace").splitlines():
        m = _OPEN.search(line)
        if m and m.group(1).startswith(str(d)):
            seen += 1
            if re.search(r"O_(WRONLY|RDWR|CREAT|TRUNC|APPEND)", m.group(2)):
                bad.append(line)
        m = _CHANGE.search(line)
        if m and m.group(1).startswith(str(d)):
            bad.append(line)
    assert seen >= len(files), "strace saw the inputs being read"
    assert not bad, "\n".join(bad[:20])
