"""Shared test fixtures: the reference corpus, offline guard, evidence integrity."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERIFIER_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
TRUST = SHARED / "trust"
CERTS = SHARED / "certs"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config: pytest.Config) -> None:
    # No test may touch the network: the whole suite runs with connections refused, in this
    # process and (via verifier.netguard, installed by every worker) in detector workers.
    from verifier import netguard

    netguard.install()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # dev.py test's second pass runs the core's tests where Qt cannot be imported; the few window
    # tests kept beside them (pytest-qt fixtures) ran in the first pass.
    if not os.environ.get("VERIFIER_EXPECT_NO_QT"):
        return
    skip = pytest.mark.skip(reason="needs Qt: runs in the first pass of dev.py test")
    for item in items:
        if {"qapp", "qtbot"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "expected.json").is_file():
        pytest.skip(f"reference corpus not found at {CORPUS} (clone with ../shared beside the repo)")
    return CORPUS


@pytest.fixture(scope="session")
def expected(corpus: Path) -> dict:
    return json.loads((corpus / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def trust_dir() -> Path:
    if not TRUST.is_dir():
        pytest.skip(f"trust lists not found at {TRUST}")
    return TRUST


@pytest.fixture(scope="session")
def test_anchors() -> Path:
    p = CERTS / "test_cert_root_bundle.pem"
    if not p.is_file():
        pytest.skip(f"test certificates not found at {CERTS}")
    return p


@pytest.fixture(autouse=True)
def _network_stays_blocked():
    """Fail any test that removed the network guard (and so could have leaked)."""
    from verifier import netguard

    yield
    assert socket.create_connection is netguard._deny, "a test removed the network guard"
