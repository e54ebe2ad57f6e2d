"""What a detector declares about itself, in its own module: a :class:`DetectorSpec` and the
:class:`SignalKind` of every finding it emits, each with its details as a frozen dataclass.

Everything that lists detectors (default time limits, profiles, advisory checks, the command
line's switches, the Settings dialog, the window's panels, the docs table) derives from these
declarations, so adding a detector is one module and one line in ``verifier.detectors``.

This module is declarations only (no analysis): the description layer reads the labels here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

# Where the window shows a detector's findings (besides the Overview, which lists every finding).
VIEWS = ("overview", "c2pa", "ai_labels", "watermarks", "indicators", "file")


@dataclass(frozen=True, slots=True)
class Words:
    """A user-facing text in both languages."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang.lower().startswith("zh") else self.en


class _Absent:
    """The value of a detail field the detector did not record (left out of the JSON)."""

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT: Any = _Absent()


def detail(en: str, zh: str, *, technical: bool = False, default: Any = ABSENT) -> Any:
    """One detail field: its label in both languages; ``technical``: shown in the technical
    appendix only. A field left ``ABSENT`` is not written to the JSON."""
    return dataclasses.field(default=default, metadata={"label": Words(en, zh), "technical": technical})


@dataclass(frozen=True, slots=True)
class FieldInfo:
    key: str
    label: Words
    technical: bool


@dataclass(frozen=True)
class Details:
    """Base of every signal kind's details. Subclasses are frozen dataclasses whose fields are the
    JSON keys of ``details`` (each declared with :func:`detail`: its label in both languages)."""

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is not ABSENT:
                out[f.name] = value
        return out

    @classmethod
    def field_info(cls) -> tuple[FieldInfo, ...]:
        return tuple(FieldInfo(f.name, f.metadata["label"], bool(f.metadata.get("technical")))
                     for f in dataclasses.fields(cls))


@dataclass(frozen=True, slots=True)
class SignalKind:
    """One signal (or advisory indicator) id, its title and its details type."""

    id: str
    title: Words
    details: type[Details]

    def make(self, **values: Any) -> dict[str, Any]:
        """The details of one finding, built through the declared dataclass (an undeclared key is a
        TypeError), as the JSON object: the keys in the order given, ABSENT ones left out."""
        built = self.details(**values)
        return {k: getattr(built, k) for k in values if getattr(built, k) is not ABSENT}


@dataclass(frozen=True, slots=True)
class DetectorSpec:
    """Everything the rest of the program needs to know about a detector, without running it."""

    name: str  # stable id (JSON ``detectors[].name``, settings, ``--disable``)
    title: Words  # its name for readers
    timeout: float  # default wall-clock limit per file, seconds
    kinds: tuple[SignalKind, ...] = ()
    view: str = "overview"  # the window's panel that shows its findings (one of VIEWS)
    advisory: bool = False  # findings are indicators: never part of the verdict (CONTRACT.md)
    pixel_work: bool = False  # pixel or signal work: left out of the fast "triage" profile
    # advisory pixel forensics costly enough that the "standard" profile runs them only where
    # they help most: on files that carry no provenance (verifier.deep_checks)
    deep: bool = False
    doc: str = ""  # one line for the docs table (English; docs are English)

    def __post_init__(self) -> None:
        if self.view not in VIEWS:
            raise ValueError(f"{self.name}: unknown view {self.view!r} (one of {', '.join(VIEWS)})")
        if self.deep and not self.advisory:
            raise ValueError(f"{self.name}: a deep check runs after the verdict is known, so it must be advisory")

    def kind(self, signal_id: str) -> SignalKind | None:
        return next((k for k in self.kinds if k.id == signal_id), None)
