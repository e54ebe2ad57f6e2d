"""The whole corpus analysed once per session, shared by the conformance and one-voice tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CERTS, CORPUS, TRUST
from verifier.config import Config
from verifier.pipeline import FileDone, FileFailed, Scanner

_EXPECTED = json.loads((CORPUS / "expected.json").read_text("utf-8")) if (CORPUS / "expected.json").is_file() else {}


def corpus_config() -> Config:
    return Config(trust_dirs=(TRUST,), user_anchors=(CERTS / "test_cert_root_bundle.pem",))


@pytest.fixture(scope="session")
def corpus_results(corpus: Path) -> dict[str, object]:
    """Every file analysed as given alone (one submission each: no sidecar or fragment pairing).

    expected.json describes each file on its own (e.g. a DASH init segment "without its
    fragments"); pairing is covered by the C2PA tests. One Scanner keeps the worker pool warm.
    """
    results: dict[str, object] = {}
    with Scanner(corpus_config()) as scanner:
        for rel in sorted(_EXPECTED):
            scanner.submit([corpus / rel])
        for ev in scanner.events():
            if isinstance(ev, FileDone) and ev.report.parent:
                continue  # a member (a PDF's pictures): expected.json describes the files as given
            if isinstance(ev, FileDone):
                results[ev.report.media.path.relative_to(corpus).as_posix()] = ev.report
            elif isinstance(ev, FileFailed):
                results[ev.path.relative_to(corpus).as_posix()] = ev
    return results
