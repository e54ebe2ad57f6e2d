"""The advisory indicators and forensic views of a file, worded by verifier.describe."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from verifier.describe.indicators import describe_indicators

from ..entry import FileEntry
from .words import lang


def indicators_view(entry: FileEntry) -> Any:
    """The advisory indicators and forensic views of a file (as far as analysed), worded."""
    evidence = entry.all_evidence
    return describe_indicators(SimpleNamespace(evidence=evidence, indicators=tuple(
        i for e in evidence for i in e.indicators)), lang())
