"""Metadata detector: GB 45438 implicit labels, IPTC AI fields, generator metadata, camera facts.

Every container family is read by :mod:`verifier.read_meta`; this module only decides
what the entries declare. Metadata is unsigned: anyone can add or strip it, so every claim here
has basis ``metadata`` and is a *declaration*, never proof.
"""

from __future__ import annotations

import json
from typing import Any

from ..evidence import Basis, Claim, Confidence, MediaFile, Signal
from .. import read_meta
from ..formats.meta import Entry
from ..formats.png import CRC_MISMATCH
from ..formats.xmp import Prop
from ..labels import app_export, camera, gb45438, gb45438_notes, generators, iptc
from .base import Context, DetectorFailure, Findings

FIELD_VALUE_MAX = 300
MAX_FIELDS = 2000


class MetadataDetector:
    name = "metadata"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.family in read_meta.READERS

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        result = read_meta.read(media)
        signals: list[Signal] = []
        labels, traces = gb45438.collect_all(_label_candidates(result))
        traces += _crc_traces(result)
        gb45438.add_traces(labels, traces)
        signals += [_label_signal(lab, self.name) for lab in labels]
        props = [p for _, ps in result.xmp for p in ps]
        iptc_found = iptc.find(props)
        sig = _iptc_signal(iptc_found, result, self.name)
        if sig:
            signals.append(sig)
        hits = generators.find(result.entries)
        signals += [_generator_signal(h, self.name) for h in hits]
        if result.errors and not signals:
            raise DetectorFailure("; ".join(result.errors))
        facts: dict[str, Any] = {
            "fields": _table(result.entries),
            **camera.facts(result.entries),
        }
        if iptc_found.source_types or iptc_found.ai_fields:
            facts["iptc"] = {"digital_source_types": iptc_found.source_types, "ai_fields": iptc_found.ai_fields}
        statements = iptc.iim_statements(result.entries)
        if statements:
            facts["iim_ai_statements"] = statements
        if traces:
            facts["label_traces"] = traces[:20]
        exports = app_export.find(result.entries)
        if exports:
            facts["app_declarations"] = exports
        unparsed = _unparsed_aigc(result.entries, labels, traces)
        if unparsed:
            facts["unparsed_aigc_fields"] = unparsed
        if result.warnings:
            facts["warnings"] = result.warnings[:50]
        if result.errors:
            facts["errors"] = result.errors
        return Findings(signals=tuple(signals), facts=facts)


def _label_candidates(result: read_meta.ReadResult) -> list[tuple[str, str, Any]]:
    out: list[tuple[str, str, Any]] = []
    for placement, props in result.xmp:
        out += _xmp_candidates(placement, props)
    for e in result.entries:
        if e.group == "XMP":
            continue  # handled above, from the parsed properties
        named = "aigc" in e.key.lower() and isinstance(e.value, (str, dict))
        if named or (isinstance(e.value, str) and gb45438.looks_like_label_text(e.value)):
            out.append((e.placement, e.key, e.value))
    return out


def _xmp_candidates(placement: str, props: list[Prop]) -> list[tuple[str, str, Any]]:
    out: list[tuple[str, str, Any]] = []
    structured: dict[str, dict[str, str]] = {}
    for p in props:
        head, _, sub = p.name.partition("/")
        if sub and ("aigc" in head.lower() or p.ns == gb45438.TC260_NS):
            structured.setdefault(f"{p.prefix}:{head}" if p.prefix else head, {})[sub] = p.value
        elif "aigc" in p.name.lower() or p.ns == gb45438.TC260_NS or gb45438.looks_like_label_text(p.value):
            out.append((placement, p.qname, p.value))
    out += [(placement, name, fields) for name, fields in structured.items()]
    return out


def _crc_traces(result: read_meta.ReadResult) -> list[dict[str, str]]:
    """PNG text chunks that fail their CRC, when they carry a label (others are a warning)."""
    out: list[dict[str, str]] = []
    for bad in (e for e in result.entries if e.kind == CRC_MISMATCH):
        carried = [e for e in result.entries if e.placement == bad.placement and e.kind != CRC_MISMATCH]
        xmp = [p for pl, props in result.xmp if pl.startswith(bad.placement) for p in props]
        bearing = any("aigc" in e.key.lower() or (isinstance(e.value, str) and gb45438.looks_like_label_text(e.value))
                      for e in carried) or any("aigc" in p.name.lower() or p.ns == gb45438.TC260_NS for p in xmp)
        if bearing:
            key = carried[0].key if carried else bad.placement.rsplit(":", 1)[-1]
            out.append(gb45438_notes.crc_trace(bad.placement, key))
        else:
            result.warnings.append(f"{bad.placement}: {bad.value}")
    return out


def _label_signal(lab: gb45438.Label, detector: str) -> Signal:
    lv = lab.label_value
    if lv == "1" or (lv is not None and lv.upper() == "AIGC"):
        claim = Claim.AI_GENERATED
    else:
        claim = Claim.AI_POSSIBLE
    details = gb45438.details(lab)
    producer = details["producer"]
    who = (f"producer USCC {producer['uscc']}" if producer.get("form") == "provider code"
           else f"producer {producer.get('value', 'not given')!r}")
    summary = (f"GB 45438 implicit label: Label {lab.fields.get('Label')!r} ({lab.meaning}) in "
               f"{', '.join(lab.placements)}; {who}")
    if lab.findings:
        summary += f"; {len(lab.findings)} conformance finding(s)"
    return Signal("gb45438.label", detector, summary, claim, Basis.METADATA, Confidence.DECLARED, details)


def _iptc_signal(found: iptc.IptcFinding, result: read_meta.ReadResult, detector: str) -> Signal | None:
    if found.generated:
        claim = Claim.AI_GENERATED
    elif found.modified:
        claim = Claim.AI_MODIFIED
    elif found.ai_fields:
        claim = Claim.AI_POSSIBLE
    else:
        return None
    placements = [pl for pl, props in result.xmp if any(
        p.name.endswith(("DigitalSourceType",) + iptc.AI_FIELDS) for p in props)]
    details: dict[str, Any] = {"digital_source_types": found.source_types, "ai_fields": found.ai_fields,
                               "placement": placements[0] if placements else "xmp", "placements": placements}
    details.update(found.other)
    what = ", ".join(found.source_types) or "IPTC AI fields without a DigitalSourceType"
    summary = f"IPTC DigitalSourceType {what}" if found.source_types else what
    if found.ai_fields.get("AISystemUsed"):
        summary += f"; AI system: {found.ai_fields['AISystemUsed'][:100]}"
    confidence = Confidence.DECLARED if claim is not Claim.AI_POSSIBLE else Confidence.POSSIBLE
    return Signal("iptc.ai", detector, summary, claim, Basis.METADATA, confidence, details)


def _generator_signal(hit: generators.GeneratorHit, detector: str) -> Signal:
    # stable, simple keys first (generator, prompt, negative_prompt, model, seed, sampler, steps…)
    details: dict[str, Any] = {"generator": hit.generator, **hit.params, "fields": hit.fields,
                               "placement": hit.placement, "why": hit.why,
                               **({"why_code": hit.why_code, "why_field": hit.why_field} if hit.why_code else {}),
                               "identity": "confident" if hit.confident else "inferred from a pattern (weak)"}
    if hit.confident:
        return Signal("generator.metadata", detector, f"{hit.generator} generation metadata ({hit.why})",
                      Claim.AI_GENERATED, Basis.METADATA, Confidence.DECLARED, details)
    return Signal("generator.metadata", detector, f"possibly {hit.generator}: {hit.why}",
                  Claim.AI_POSSIBLE, Basis.METADATA, Confidence.POSSIBLE, details)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= FIELD_VALUE_MAX else text[:FIELD_VALUE_MAX] + "…"


def _table(entries: list[Entry]) -> list[dict[str, str]]:
    return [{"group": e.group or e.placement.split(":")[0], "key": e.key, "value": _short(e.value),
             "placement": e.placement} for e in entries[:MAX_FIELDS]]


def _unparsed_aigc(entries: list[Entry], labels: list[gb45438.Label],
                   traces: list[dict[str, str]]) -> list[dict[str, str]]:
    seen = {pl for lab in labels for pl in lab.placements} | {t["placement"] for t in traces}
    return [{"placement": e.placement, "field": e.key, "value": _short(e.value)}
            for e in entries if "aigc" in e.key.lower() and e.placement not in seen][:20]
