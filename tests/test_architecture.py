"""The architecture contracts of pyproject.toml ([tool.importlinter]) hold: the core never imports
Qt or the window, file formats know nothing of labels, detectors or adapters, archive sweeps sit
below the command line, and the reports and the description layer only render values."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    tool = Path(sys.executable).parent / "lint-imports"
    found = str(tool) if tool.exists() else shutil.which("lint-imports")
    if not found:
        pytest.skip("lint-imports is not installed (pip install -e '.[dev]' brings import-linter)")
    out = subprocess.run([found, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "broken" not in out.stdout.lower().replace("0 broken", "")
