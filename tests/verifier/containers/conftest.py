"""Shared helpers: scan with the real CLI (threads, no OCR: fast) and read its JSON."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from verifier.cli import main


@pytest.fixture
def scratch_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder, made private to the test (members' folders appear here)."""
    root = tmp_path / "systemp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture
def scan_json(capsys: pytest.CaptureFixture[str], scratch_root: Path):
    def run(*paths: Path, extra: tuple[str, ...] = ()) -> list[dict]:
        code = main(["scan", *map(str, paths), "--json", "--inline", "--no-ocr", *extra])
        out = capsys.readouterr().out
        assert code == 0, out
        assert list(scratch_root.iterdir()) == [], "the members' folder was not removed"
        return json.loads(out)["files"]

    return run
