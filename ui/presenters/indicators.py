"""The advisory indicators and forensic views of a file, worded by verifier.describe."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from verifier.deep_checks import held
from verifier.describe.indicators import describe_indicators

from ..entry import FileEntry
from .words import lang


def indicators_view(entry: FileEntry) -> Any:
    """The advisory indicators and forensic views of a file (as far as analysed), worded."""
    evidence = entry.all_evidence
    return describe_indicators(SimpleNamespace(evidence=evidence, indicators=tuple(
        i for e in evidence for i in e.indicators)), lang())


DEEP_OFFER, DEEP_RUNNING = "offer", "running"


def deep_checks_state(entry: FileEntry | None) -> str:
    """Whether the window offers to run the file's deep forensic checks: ``DEEP_OFFER`` when its
    analysis held them back on request, ``DEEP_RUNNING`` while they run, "" otherwise."""
    if entry is None:
        return ""
    if entry.deep_running:
        return DEEP_RUNNING
    return DEEP_OFFER if entry.report is not None and not entry.cancelled and held(entry.report) else ""
