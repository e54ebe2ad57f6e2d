"""One full-corpus CLI run shared by the hardening tests (it is the expensive part).

``verifier scan --json --no-ocr CORPUS`` runs once per session in a subprocess with the default
process isolation, under ``strace`` when available (internet syscalls only, filtered in the
kernel with seccomp so the run is not slowed down), between two snapshots of the corpus. The
network, integrity and malformed-corpus tests each read what they need from it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CERTS, CORPUS, ROOT, TRUST

STRACE = shutil.which("strace")
NET_SYSCALLS = "trace=connect,sendto,sendmsg"


def trust_args() -> list[str]:
    extra: list[str] = []
    if TRUST.is_dir():
        extra += ["--trust", str(TRUST)]
    if (CERTS / "test_cert_root_bundle.pem").is_file():
        extra += ["--anchors", str(CERTS / "test_cert_root_bundle.pem")]
    return extra


def run_cli(args: list[str], tmp: Path, trace: str | None = None, timeout: float = 900
            ) -> tuple[subprocess.CompletedProcess, list[str] | None]:
    """Run ``python -m verifier ARGS``; with ``trace``, under strace, returning its log lines."""
    cmd = [sys.executable, "-m", "verifier", *args]
    log = tmp / "strace.log"
    if trace and STRACE:
        cmd = [STRACE, "-f", "-qq", "--seccomp-bpf", "-e", trace, "-o", str(log), *cmd]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if trace and STRACE:
        if "ptrace" in proc.stderr and "Operation not permitted" in proc.stderr:
            return proc, None
        return proc, log.read_text(errors="replace").splitlines()
    return proc, None


@dataclass
class CorpusRun:
    proc: subprocess.CompletedProcess
    doc: dict
    strace: list[str] | None  # None: strace unavailable or not permitted
    before: dict
    after: dict


@pytest.fixture(scope="session")
def corpus_cli_run(tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    if not (CORPUS / "expected.json").is_file():
        pytest.skip(f"reference corpus not found at {CORPUS}")
    from tests.hardening.test_integrity import snapshot

    before = snapshot(CORPUS)
    tmp = tmp_path_factory.mktemp("corpus-run")
    proc, lines = run_cli(["scan", "--json", "--no-ocr", *trust_args(), str(CORPUS)], tmp, NET_SYSCALLS)
    assert proc.returncode == 0, proc.stderr[-3000:]
    after = snapshot(CORPUS)
    return CorpusRun(proc, json.loads(proc.stdout), lines, before, after)
