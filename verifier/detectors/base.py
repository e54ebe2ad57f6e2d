"""The detector protocol: one small object per technique, run by the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..config import Config
from ..evidence import Attachment, Indicator, MediaFile, Signal

if TYPE_CHECKING:
    from ..containers.limits import Expansion


class _Reasoned(Exception):
    """An outcome with a reason code (``reason.<code>`` in verifier.describe's catalogue) and its
    parameters; the message stays as the English technical detail. Without a code of its own,
    the code of the exception it was raised from (``raise … from exc``) is used."""

    def __init__(self, message: str = "", reason: str = "", **params: Any) -> None:
        super().__init__(message)
        self.reason, self.params = reason, params


class NotApplicable(_Reasoned):
    """Raised by a detector that finds, after looking, that the file is not for it."""


class DetectorFailure(_Reasoned):
    """Raised with a clear, user-facing message when a check could not be completed."""


def reason_code(exc: BaseException) -> tuple[str, dict[str, Any]]:
    """(code, parameters) carried by an exception or the one it was raised from; ("", {}) if none."""
    for e in (exc, exc.__cause__):
        code = getattr(e, "reason", "") if e is not None else ""
        if isinstance(code, str) and code:
            params = getattr(e, "params", None)
            return code, dict(params) if isinstance(params, dict) else {}
    return "", {}


@dataclass(frozen=True, slots=True)
class Context:
    config: Config
    # Other inputs scanned together with this one that belong to it: a sidecar ``.c2pa``
    # manifest with the same stem, the fragments of a fragmented MP4.
    companions: tuple[Path, ...] = ()
    # For a container (e-mail, archive, document): where its members go and what it may still
    # spend (set by the pipeline; see verifier.containers).
    expansion: "Expansion | None" = None


@dataclass(frozen=True, slots=True)
class Findings:
    signals: tuple[Signal, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()
    indicators: tuple[Indicator, ...] = ()  # advisory (CONTRACT.md): never change the verdict


@runtime_checkable
class Detector(Protocol):
    # A registered detector also carries ``spec`` (verifier.detectors.spec.DetectorSpec), from which
    # its time limit, panel, titles and signal kinds are read; ``name`` is ``spec.name``.
    name: str  # stable id used in JSON (detectors[].name) and settings
    isolated: bool  # True when it reaches native code: run it in a worker process

    def applies_to(self, media: MediaFile) -> bool:
        """Cheap decision from the sniffed type; ``False`` gives status ``not_applicable``."""
        ...

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        """Examine the file (opened only via ``verifier.inputs.open_readonly``).

        Raise :class:`NotApplicable` if the file turns out not to be for this detector and
        :class:`DetectorFailure` (or anything else) if the check could not be completed: the
        pipeline turns that into an ``error`` status, never into "nothing found".

        A detector may also define ``prepare(ctx)``: load now what its first ``run`` would load
        (libraries, models, trust lists). The GUI's idle workers call it before the first file
        (``verifier.isolation.Prepare``); it must not read any input.
        """
        ...
