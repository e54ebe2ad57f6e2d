"""The core type-checks: mypy, configured in pyproject.toml ([tool.mypy]), finds no error in
``verifier/`` (every function annotated, untyped bodies checked, no stale ``type: ignore``)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _cache_dir() -> Path:
    """mypy's incremental cache, outside the project tree: one per checkout, in the user's cache."""
    tag = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12] + f"-py{sys.version_info[0]}{sys.version_info[1]}"
    for base in (os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", tempfile.gettempdir()):
        place = Path(base) / "verifier-mypy" / tag
        try:
            place.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        return place
    pytest.fail("no writable cache directory for mypy")


def test_core_type_checks() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[dev]' brings it)")
    cmd = [sys.executable, "-m", "mypy", "--cache-dir", str(_cache_dir()), "--no-error-summary"]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
