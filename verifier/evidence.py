"""Immutable values that flow through the pipeline.

``path -> MediaFile -> Evidence... -> Verdict -> Report``. Every value here is a frozen
dataclass (or a ``StrEnum``) so that a Report built on a worker can be handed to the GUI thread
or pickled across a process boundary without copying or locking.

Dict-valued fields (``details``, ``facts``) are plain dicts for pickling and JSON; treat them as
read-only once the value is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Status(StrEnum):
    """Outcome of one detector on one file (CONTRACT.md ``detectors[].status``)."""

    OK = "ok"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"


class Claim(StrEnum):
    """What a signal says about AI involvement; fusion reads only this, never free text."""

    AI_GENERATED = "ai_generated"
    AI_MODIFIED = "ai_modified"
    AI_POSSIBLE = "ai_possible"
    NONE = "none"  # informational: a manifest, a capture action, a trust outcome…


class Basis(StrEnum):
    """How strongly a signal is anchored (CONTRACT.md ``strength``), strongest first."""

    SIGNED = "signed"
    WATERMARK = "watermark"
    VISIBLE = "visible"
    METADATA = "metadata"
    NONE = "none"

    @property
    def rank(self) -> int:
        return _BASIS_ORDER.index(self)


_BASIS_ORDER = (Basis.NONE, Basis.METADATA, Basis.VISIBLE, Basis.WATERMARK, Basis.SIGNED)


class Confidence(StrEnum):
    DECLARED = "declared"  # a statement written into the file (metadata, C2PA)
    DETECTED = "detected"  # found by measurement (watermark, OCR) above the decision threshold
    POSSIBLE = "possible"  # weak: below the threshold, a heuristic, a label value of 2/3
    INFO = "info"  # a fact, not a claim about AI


class VerdictCode(StrEnum):
    AI_GENERATED = "ai_generated"
    AI_MODIFIED = "ai_modified"
    AI_POSSIBLE = "ai_possible"
    CREDENTIALS_INVALID = "credentials_invalid"
    CREDENTIALS_UNVERIFIABLE = "credentials_unverifiable"
    SIGNED_PROVENANCE = "signed_provenance"
    NO_SIGNALS = "no_signals"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True, slots=True)
class MediaFile:
    """The input as identified before any detector runs. Never holds the file's bytes."""

    path: Path  # as given by the user (absolute or relative)
    sha256: str
    size: int
    media_type: str  # sniffed from content; "application/octet-stream" when unknown
    extension_type: str | None = None  # what the extension suggests, if anything
    family: str = "unknown"  # container family: jpeg, png, isobmff, riff, pdf, zip, text, …
    sniff_note: str = ""  # e.g. why the type is uncertain

    @property
    def extension_mismatch(self) -> bool:
        return (
            self.extension_type is not None
            and self.media_type != "application/octet-stream"
            and not _same_kind(self.extension_type, self.media_type)
        )


def _same_kind(a: str, b: str) -> bool:
    if a == b:
        return True
    aliases = {
        frozenset({"image/heic", "image/heif", "image/avif"}),
        frozenset({"video/mp4", "video/quicktime", "audio/mp4", "video/iso.segment"}),
        frozenset({"text/plain", "text/markdown"}),
        frozenset({"audio/wav", "audio/x-wav"}),
    }
    return any(a in s and b in s for s in aliases)


@dataclass(frozen=True, slots=True)
class Signal:
    """One finding. ``id`` is one of the contract's signal ids."""

    id: str
    detector: str
    summary: str  # short English description; the UI localises from id + details
    claim: Claim = Claim.NONE
    basis: Basis = Basis.NONE
    confidence: Confidence = Confidence.INFO
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Indicator:
    """An advisory forensic finding (CONTRACT.md "Advisory indicators": ``reference.match``,
    ``forensic.*``). Same shape as a signal, but it carries no claim and no basis: fusion never
    reads it, so an indicator can never change the verdict, and no wording may call a file fake
    or authentic because of one."""

    id: str
    detector: str
    summary: str  # short English description; surfaces localise from id + details
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Attachment:
    """Binary evidence kept in memory (an ingredient thumbnail, a cropped label)."""

    name: str
    mime: str
    data: bytes
    note: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything one detector reported on one file."""

    detector: str
    status: Status
    signals: tuple[Signal, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)  # panel data: tables, manifests…
    attachments: tuple[Attachment, ...] = ()
    indicators: tuple[Indicator, ...] = ()  # advisory only: never read by fusion
    ms: float = 0.0
    error: str = ""  # a clear English message when status is error/timeout/skipped
    reason: str = ""  # why it did not complete, as a code (worded by verifier.describe): timeout, crashed…
    reason_params: dict[str, Any] = field(default_factory=dict)  # the code's parameters (seconds, signal…)


@dataclass(frozen=True, slots=True)
class Verdict:
    code: VerdictCode
    strength: Basis
    unchecked: tuple[str, ...] = ()  # detectors that could not run to completion
    basis_signals: tuple[str, ...] = ()  # ids of the signals the verdict rests on
    member: str = ""  # a container's verdict: the path of the member that carries it, if one does


@dataclass(frozen=True, slots=True)
class Report:
    media: MediaFile
    evidence: tuple[Evidence, ...]
    verdict: Verdict
    analysed_at: str  # ISO 8601, UTC
    # Files inside files (CONTRACT.md): a member names its container's path; a container lists
    # its members' paths in order and the limits that stopped its reading ({"limit", "value"}).
    parent: str = ""
    members: tuple[str, ...] = ()
    limits: tuple[dict[str, Any], ...] = ()

    @property
    def signals(self) -> tuple[Signal, ...]:
        return tuple(s for e in self.evidence for s in e.signals)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for e in self.evidence for i in e.indicators)
