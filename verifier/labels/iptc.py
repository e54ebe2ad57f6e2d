"""IPTC AI declarations in XMP: DigitalSourceType and the IPTC 2025.1 AI fields; explicit AI
statements in IPTC-IIM captions (reported as facts only)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats.meta import Entry
from . import text_prompt
from ..formats.xmp import Prop

IPTC_EXT_PREFIX = "http://iptc.org/std/Iptc4xmpExt/"
DST_BASE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
AI_FIELDS = ("AISystemUsed", "AISystemVersionUsed", "AIPromptInformation", "AIPromptWriterName")
# DigitalSourceType codes that involve trained (machine-learning) models. ``algorithmicMedia``
# (pure algorithmic, no training data), ``compositeSynthetic`` and ``algorithmicallyEnhanced``
# do not say that machine-learning AI was used.
GENERATED = {"trainedAlgorithmicMedia"}
MODIFIED = {"compositeWithTrainedAlgorithmicMedia"}


@dataclass
class IptcFinding:
    source_types: list[str] = field(default_factory=list)  # short codes as written
    ai_fields: dict[str, str] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)  # e.g. DigImageGUID

    @property
    def generated(self) -> bool:
        return any(c in GENERATED for c in self.source_types)

    @property
    def modified(self) -> bool:
        return any(c in MODIFIED for c in self.source_types)


def _code(value: str) -> str:
    v = value.strip()
    return v[len(DST_BASE):] if v.startswith(DST_BASE) else v.rsplit("/", 1)[-1]


def find(props: list[Prop]) -> IptcFinding:
    out = IptcFinding()
    for p in props:
        iptc = p.ns.startswith(IPTC_EXT_PREFIX) or p.prefix in ("Iptc4xmpExt", "iptcExt")
        local = p.name.rsplit("/", 1)[-1]
        if local == "DigitalSourceType" and (iptc or p.value.startswith(DST_BASE)):
            code = _code(p.value)
            if code and code not in out.source_types:
                out.source_types.append(code)
        elif iptc and local in AI_FIELDS:
            out.ai_fields[local] = p.value[:1000]
        elif iptc and local in ("DigImageGUID", "DigitalImageGUID"):
            out.other[local] = p.value[:200]
    return out


# IIM text fields an editor writes by hand; an "AI-generated" statement there is free text in
# unsigned metadata, not an IPTC AI field, so it is a fact for the reader and never a signal.
IIM_STATEMENT_FIELDS = ("Caption-Abstract", "Headline", "Keywords", "SpecialInstructions", "ObjectName")
MAX_STATEMENTS = 20


def iim_statements(entries: list[Entry]) -> list[dict[str, str]]:
    """Explicit AI prompts (the §5.1 text-label rule) in the IPTC-IIM caption, headline, keywords…"""
    out: list[dict[str, str]] = []
    for e in entries:
        if e.group != "IPTC-IIM" or e.key not in IIM_STATEMENT_FIELDS or not isinstance(e.value, str):
            continue
        for lab in text_prompt.find(e.value.splitlines()[:200]):
            out.append({"field": e.placement, "text": lab.text[:200], "language": lab.language})
            if len(out) >= MAX_STATEMENTS:
                return out
    return out
