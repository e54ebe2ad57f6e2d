"""One file in the queue, as the window knows it: plain data, no Qt.

The controller updates an entry from pipeline events; widgets and presenters only read it.
``evidence`` fills in progressively, ``report`` arrives last (or ``failed`` when the file could
not be read at all).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from verifier.evidence import Evidence, MediaFile, Report, Signal


class State(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass
class FileEntry:
    uid: int
    path: Path
    media: MediaFile | None = None
    detectors: tuple[str, ...] = ()
    evidence: dict[str, Evidence] = field(default_factory=dict)
    report: Report | None = None
    provisional: Report | None = None  # the verdict before the advisory checks end (VerdictReady)
    failed: str = ""
    cancelled: bool = False
    parent: int | None = None  # the uid of the container this file was found in (files inside files)
    deep_running: bool = False  # its deep forensic checks are being run on request

    @property
    def state(self) -> State:
        if self.cancelled and (self.report is not None or self.failed):
            return State.CANCELLED
        if self.report is not None:
            return State.DONE
        if self.failed:
            return State.FAILED
        if self.media is not None:
            return State.RUNNING
        return State.QUEUED

    @property
    def finished(self) -> bool:
        return self.report is not None or bool(self.failed)

    @property
    def progress(self) -> tuple[int, int]:
        """Checks done / total (0/0 before the file is identified)."""
        return len(self.evidence), len(self.detectors)

    @property
    def signals(self) -> tuple[Signal, ...]:
        if self.report is not None:
            return self.report.signals
        return tuple(s for e in self.evidence.values() for s in e.signals)

    def evidence_for(self, detector: str) -> Evidence | None:
        if self.report is not None:
            for e in self.report.evidence:
                if e.detector == detector:
                    return e
            return None
        return self.evidence.get(detector)

    @property
    def all_evidence(self) -> tuple[Evidence, ...]:
        if self.report is not None:
            return self.report.evidence
        return tuple(self.evidence.values())
