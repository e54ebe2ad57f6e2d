"""Reports a reader can check: the fingerprint line, the checks list, the CLI with --sign and --case."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from verifier.report import outline, render

TOOL = {"name": "verifier", "version": "9.9", "c2pa_sdk": "c2pa-python 0.0", "trust_lists": []}
STATUSES = {"c2pa": "ok", "watermark": "not_applicable", "ocr": "error", "audio_cue": "timeout", "metadata": "skipped"}


def _files() -> list[dict]:
    return [{"path": "evidence/a.jpg", "sha256": "ab" * 32, "size": 3, "media_type": "image/jpeg",
             "verdict": {"code": "no_signals", "strength": "none", "headline": "h", "explanation": "e",
                         "unchecked": ["ocr", "audio_cue", "metadata"], "basis_signals": []},
             "signals": [],
             "detectors": [{"name": n, "status": s, "ms": 1.0, **({"error": "boom"} if s == "error" else {})}
                           for n, s in STATUSES.items()]}]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_check_is_listed_as_ran_not_applicable_or_not_run(lang: str) -> None:
    from verifier.describe import t

    doc = outline.build(TOOL, _files(), lang)
    tables = [b for b in doc.blocks if isinstance(b, outline.Table)
              and b.header[:2] == (t("report.detector", lang), t("report.status", lang)) and len(b.rows) == 5]
    (table,) = tables
    outcome = dict(zip(STATUSES, (row[1] for row in table.rows), strict=True))  # rows in the detectors' order
    ran = t("status.ok", lang)
    assert outcome["c2pa"] == ran
    assert outcome["watermark"] == t("status.not_applicable", lang)
    for name in ("ocr", "audio_cue", "metadata"):  # never called "ran"
        assert outcome[name].startswith({"en": "not run (", "zh": "未运行（"}[lang]), outcome[name]
        assert ran not in outcome[name]
    assert any(isinstance(b, outline.Heading) and b.text == t("report.checks", lang) for b in doc.blocks)


def test_html_and_pdf_print_the_fingerprint_of_the_json_beside_them(tmp_path: Path) -> None:
    from tests.verifier.test_reports import pdf_text

    for name in ("r.html", "p.pdf"):
        written = render.write(tmp_path / name, TOOL, _files(), "en")
        assert written.json_path == (tmp_path / name).with_suffix(".json")
        data = written.json_path.read_bytes()
        assert written.fingerprint == hashlib.sha256(data).hexdigest()
        shown = (tmp_path / name).read_text("utf-8") if name.endswith("html") else \
            "".join(pdf_text((tmp_path / name).read_bytes()).split())
        assert written.fingerprint in shown
        assert written.json_path.name in shown
        doc = json.loads(data)
        assert doc["files"] == json.loads(json.dumps(_files()))  # the same analysis


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_cli_sign_verify_case_end_to_end_leaves_the_evidence_alone(tmp_path: Path) -> None:
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    (evidence / "note.txt").write_text("本内容由人工智能生成\n", encoding="utf-8")
    (evidence / "data.bin").write_bytes(bytes(range(256)))
    before = _tree(evidence)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    out, cdir = tmp_path / "out", tmp_path / "case"
    out.mkdir()

    assert _run("case", "new", str(cdir), "--title", "Test case", env=env).returncode == 0
    p = _run("report", str(evidence), "-o", str(out / "r.pdf"), "--sign", "--inline", "--no-ocr", env=env)
    assert p.returncode == 2 and "no key named 'default'" in p.stderr  # checked before any analysis
    assert not list(out.iterdir())
    p = _run("key", "create", env=env)
    assert p.returncode == 0 and "BEGIN PUBLIC KEY" in p.stdout
    pub = tmp_path / "pub.pem"
    assert _run("key", "export", "-o", str(pub), env=env).returncode == 0

    p = _run("scan", str(evidence), "--case", str(cdir), "--inline", "--no-ocr", env=env)
    assert p.returncode == 0, p.stderr
    p = _run("report", str(evidence), "-o", str(out / "r.pdf"), "--sign", "--case", str(cdir),
             "--inline", "--no-ocr", env=env)
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in out.iterdir()) == ["r.json", "r.json.sig", "r.pdf"]
    fingerprint = hashlib.sha256((out / "r.json").read_bytes()).hexdigest()
    assert fingerprint in p.stdout

    p = _run("report", "verify", str(out / "r.json"), "--pubkey", str(pub), env=env)
    assert p.returncode == 0 and fingerprint in p.stdout and "OK" in p.stdout, p.stdout + p.stderr
    p = _run("case", "note", str(cdir), "--file", str(evidence / "note.txt"), "--status", "warning",
             "--text", "label found in the text", env=env)
    assert p.returncode == 0, p.stderr
    p = _run("case", "verify", str(cdir), env=env)
    assert p.returncode == 0 and "OK: 8 entries" in p.stdout, p.stdout  # opened, 2+2 examined, export, status, note
    show = _run("case", "show", str(cdir), "--log", env=env).stdout
    assert "warning" in show and "label found in the text" in show and "exported" in show
    entries = [json.loads(x) for x in (cdir / "case.jsonl").read_text("utf-8").splitlines()]
    (export,) = [e["data"] for e in entries if e["kind"] == "exported"]
    assert export["fingerprint"] == fingerprint
    assert export["sha256"] == hashlib.sha256((out / "r.pdf").read_bytes()).hexdigest()

    data = bytearray((out / "r.json").read_bytes())
    data[data.index(b'"files"') + 2] ^= 0x01  # one byte of the report changed
    (out / "r.json").write_bytes(bytes(data))
    p = _run("report", "verify", str(out / "r.json"), env=env)
    assert p.returncode == 1 and "FAILED" in p.stdout
    lines = (cdir / "case.jsonl").read_bytes().splitlines(keepends=True)
    (cdir / "case.jsonl").write_bytes(b"".join(lines[:3] + lines[4:]))  # delete entry 4
    p = _run("case", "verify", str(cdir), env=env)
    assert p.returncode == 1 and "entry 5 (line 4): entry 4 missing before it" in p.stdout, p.stdout
    assert _tree(evidence) == before  # nothing written beside or into the evidence


def test_report_refuses_a_companion_json_that_is_an_input(tmp_path: Path) -> None:
    from verifier.cli import EXIT_USAGE, main

    victim = tmp_path / "r.json"
    victim.write_text('{"evidence": true}')
    assert main(["report", str(victim), "-o", str(tmp_path / "r.html"), "--inline"]) == EXIT_USAGE
    assert victim.read_text() == '{"evidence": true}' and not (tmp_path / "r.html").exists()


def test_scan_case_must_be_a_case_folder(tmp_path: Path) -> None:
    from verifier.cli import EXIT_USAGE, main

    (tmp_path / "a.txt").write_text("x")
    assert main(["scan", str(tmp_path / "a.txt"), "--case", str(tmp_path / "nocase"), "--inline"]) == EXIT_USAGE
    assert not (tmp_path / "nocase").exists()


def test_case_show_survives_a_hostile_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from verifier import case
    from verifier.cli import main

    d = tmp_path / "c"
    case.new_case(d, "t\x1b[31m")
    with open(d / "case.jsonl", "ab") as fh:
        fh.write(b'{"seq": null, "kind": ["x"], "data": [1, 2]}\n{"kind": "note", "data": {"file": 5}}\nnot json\n')
    assert main(["case", "show", str(d), "--log"]) == 0
    out = capsys.readouterr().out
    assert "PROBLEM" in out and "\x1b" not in out
    assert main(["case", "verify", str(d)]) == 1
