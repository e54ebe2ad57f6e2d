"""The command line: table, JSON contract, exit codes, trust import, version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from verifier.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("hello\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.bin").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_scan_json_follows_the_contract(sample):
    out = run_cli("scan", str(sample), "--json", "--inline")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc["tool"]) >= {"name", "version", "c2pa_sdk", "trust_lists"}
    assert [Path(f["path"]).name for f in doc["files"]] == ["a.txt", "b.bin"]
    for f in doc["files"]:
        assert set(f) >= {"path", "sha256", "size", "media_type", "verdict", "signals", "detectors"}
        assert set(f["verdict"]) >= {"code", "strength", "headline", "explanation"}
        for d in f["detectors"]:
            assert d["status"] in {"ok", "not_applicable", "error", "timeout", "skipped"}
    codes = {Path(f["path"]).name: f["verdict"]["code"] for f in doc["files"]}
    assert codes["b.bin"] == "incomplete"  # an unknown type is never 'no signals'


def test_scan_table_is_one_line_per_file(sample):
    out = run_cli("scan", str(sample), "--inline", "--no-recursive")
    assert out.returncode == 0
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("VERDICT") and len(lines) == 2 and "a.txt" in lines[1]


def test_exit_codes(sample, capsys):
    assert main(["scan", str(sample / "nope.jpg"), "--inline"]) == 3
    assert main(["scan", "--bogus"]) == 2
    assert main([]) == 2


def test_control_characters_in_names_never_reach_the_terminal(tmp_path):
    evil = tmp_path / "x\x1b[2Jy.txt"
    evil.write_text("z")
    out = run_cli("scan", str(tmp_path), "--inline")
    assert "\x1b" not in out.stdout


def test_version_lists_trust_material(trust_dir):
    out = subprocess.run([sys.executable, "-m", "verifier", "--version"], cwd=ROOT, capture_output=True,
                         text=True, env={"VERIFIER_TRUST_DIR": str(trust_dir), "PATH": "/usr/bin:/bin",
                                         "HOME": "/nonexistent"})
    assert out.returncode == 0
    assert "verifier 0.1.0" in out.stdout and "c2pa-python" in out.stdout
    assert "c2pa-official@" in out.stdout


def test_trust_import_copies_a_pem_into_the_trust_dir(tmp_path, test_anchors):
    target = tmp_path / "trust"
    assert main(["trust", "import", str(test_anchors), "--name", "newsroom", "--dir", str(target)]) == 0
    assert (target / "newsroom.pem").read_bytes() == test_anchors.read_bytes()
    assert main(["trust", "import", str(test_anchors), "--name", "Bad Name", "--dir", str(target)]) == 2
    not_pem = tmp_path / "x.pem"
    not_pem.write_text("nothing")
    assert main(["trust", "import", str(not_pem), "--name", "x", "--dir", str(target)]) == 2


def test_report_json(tmp_path, sample):
    out = tmp_path / "out" / "r.json"
    out.parent.mkdir()
    assert main(["report", str(sample / "a.txt"), "-o", str(out), "--inline"]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert doc["files"][0]["sha256"]


def test_verbose_logs_strip_escape_sequences():
    import logging

    from verifier.cli import TerminalSafeFormatter

    rec = logging.LogRecord("x", logging.DEBUG, __file__, 1, "reading %s", ("evil\x1b]0;pwned\x07.jpg",), None)
    line = TerminalSafeFormatter("%(message)s").format(rec)
    assert "\x1b" not in line and "\x07" not in line and "evil" in line
