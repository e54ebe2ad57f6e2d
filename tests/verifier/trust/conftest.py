"""Every trust test runs as a fresh install: empty HOME, no $VERIFIER_TRUST_DIR, no XDG data dir."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fresh_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("VERIFIER_TRUST_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return home
