"""IPTC AI declarations in XMP: DigitalSourceType and the IPTC 2025.1 AI fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from .xmp import Prop

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
