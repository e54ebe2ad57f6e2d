"""Which panel shows a check's findings: read from the detector's spec (verifier.detectors)."""

from __future__ import annotations

from typing import Any

from verifier.detectors import spec_of

from ..entry import FileEntry


def view_of(detector: str) -> str:
    """The panel a detector's spec names for its findings ("overview" for one not registered)."""
    spec = spec_of(detector)
    return spec.view if spec is not None else "overview"


def view_attachments(entry: FileEntry, view: str) -> tuple[Any, ...]:
    """The attachments of the checks whose specs show their findings in ``view``."""
    return tuple(a for ev in entry.all_evidence if view_of(ev.detector) == view for a in ev.attachments)
