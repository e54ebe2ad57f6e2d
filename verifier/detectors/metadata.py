"""Metadata detector: GB 45438 implicit labels, IPTC AI fields, generator metadata, camera facts.

Every container family is read by :mod:`verifier.read_meta`; this module only decides
what the entries declare. Metadata is unsigned: anyone can add or strip it, so every claim here
has basis ``metadata`` and is a *declaration*, never proof.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

from ..evidence import Basis, Claim, Confidence, MediaFile, Signal
from .. import read_meta
from ..formats.meta import Entry
from ..formats.png import CRC_MISMATCH
from ..formats.xmp import Prop
from ..labels import app_export, camera, gb45438, gb45438_notes, generators, iptc
from .base import Context, DetectorFailure, Findings
from .spec import Details, DetectorSpec, SignalKind, Words, detail

FIELD_VALUE_MAX = 300
MAX_FIELDS = 2000


@dataclass(frozen=True, slots=True)
class Gb45438LabelDetails(Details):
    Label: str = detail("AI content flag (Label)", "人工智能生成合成内容标识（Label）")
    ContentProducer: str = detail("Content producer (ContentProducer)", "生成合成服务提供者（ContentProducer）")
    ProduceID: str = detail("Content ID from the producer (ProduceID)", "内容制作编号（ProduceID）", technical=True)
    ReservedCode1: str = detail("Producer's reserved field (ReservedCode1)", "生成方预留字段（ReservedCode1）", technical=True)
    ContentPropagator: str = detail("Content propagator (ContentPropagator)", "内容传播服务提供者（ContentPropagator）")
    PropagateID: str = detail("Content ID from the propagator (PropagateID)", "内容传播编号（PropagateID）", technical=True)
    ReservedCode2: str = detail("Propagator's reserved field (ReservedCode2)", "传播方预留字段（ReservedCode2）", technical=True)
    ServiceProvider: str = detail("Service provider (ServiceProvider)", "服务提供者（ServiceProvider）")
    ServiceUser: str = detail("Service user (ServiceUser)", "服务使用者（ServiceUser）")
    Time: str = detail("Time of labelling (Time)", "标识时间（Time）")
    ContentId: str = detail("Content ID (ContentId)", "内容编号（ContentId）", technical=True)
    placement: str = detail("Where in the file", "在文件中的位置")
    placements: list[Any] = detail("All places found", "发现的全部位置", technical=True)
    field: str = detail("Field name", "字段名", technical=True)
    shape: str = detail("Shape", "形状", technical=True)
    label_meaning: str = detail("Meaning", "含义")
    producer: str = detail("Producer code decoded", "生成服务提供者编码解读")
    propagator: str = detail("Propagator code decoded", "传播服务提供者编码解读")
    findings: list[Any] = detail("Conformance findings", "合规性检查结果", technical=True)
    conformant: bool = detail("Conforms to the standard", "是否符合标准")
    observations: list[Any] = detail("How the platform writes it", "平台的写法", technical=True)
    reserved_codes: Any = detail("Reserved fields decoded", "预留字段解读", technical=True)


GB45438_LABEL = SignalKind("gb45438.label", Words("GB 45438 implicit AI label in metadata", "元数据中的 GB 45438 隐式 AI 标识"), Gb45438LabelDetails)


@dataclass(frozen=True, slots=True)
class IptcAiDetails(Details):
    digital_source_types: list[Any] = detail("Digital source types", "数字来源类型")
    ai_fields: Any = detail("AI fields", "人工智能相关字段")
    placement: str = detail("Where in the file", "在文件中的位置")
    placements: list[Any] = detail("All places found", "发现的全部位置", technical=True)
    DigImageGUID: str = detail("Image GUID (IPTC)", "图像全局编号（IPTC）", technical=True)
    DigitalImageGUID: str = detail("Image GUID (IPTC)", "图像全局编号（IPTC）", technical=True)


IPTC_AI = SignalKind("iptc.ai", Words("IPTC digital source type: AI", "IPTC 数字来源类型：人工智能"), IptcAiDetails)


@dataclass(frozen=True, slots=True)
class GeneratorMetadataDetails(Details):
    generator: str = detail("Generator", "生成工具")
    prompt: str = detail("Prompt", "提示词")
    negative_prompt: str = detail("Negative prompt", "反向提示词")
    model: str = detail("Model", "模型")
    model_hash: str = detail("Model hash", "模型哈希", technical=True)
    seed: str = detail("Seed", "随机种子")
    sampler: str = detail("Sampler", "采样器")
    scheduler: str = detail("Scheduler", "调度器")
    steps: str = detail("Steps", "步数")
    cfg_scale: str = detail("Guidance (CFG) scale", "提示词引导系数（CFG）")
    size: str = detail("Size", "大小")
    denoising_strength: str = detail("Denoising strength", "去噪强度")
    clip_skip: str = detail("CLIP skip", "CLIP 跳过层数")
    vae: str = detail("VAE", "VAE 模型")
    loras: str = detail("LoRA models", "LoRA 模型")
    version: str = detail("Version", "版本")
    fields: Any = detail("Fields", "字段", technical=True)
    placement: str = detail("Where in the file", "在文件中的位置")
    why: str = detail("Why this counts", "判定依据", technical=True)
    why_code: str = detail("Why this counts (code)", "判定依据（代码）", technical=True)
    why_field: str = detail("Field that shows it", "显示这一点的字段", technical=True)
    identity: str = detail("How sure the identification is", "识别把握")


GENERATOR_METADATA = SignalKind("generator.metadata", Words("AI generator settings in metadata", "元数据中的 AI 生成参数"), GeneratorMetadataDetails)


SPEC = DetectorSpec(
    name="metadata",
    title=Words("Metadata labels", "元数据标识"),
    timeout=20.0,
    kinds=(GB45438_LABEL, IPTC_AI, GENERATOR_METADATA,),
    view="ai_labels",
    doc="GB 45438 implicit labels, IPTC digital source type, generator settings",
)


class MetadataDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
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
    return Signal(GB45438_LABEL.id, detector, summary, claim, Basis.METADATA, Confidence.DECLARED,
                  GB45438_LABEL.make(**details))


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
    return Signal(IPTC_AI.id, detector, summary, claim, Basis.METADATA, confidence, IPTC_AI.make(**details))


def _generator_signal(hit: generators.GeneratorHit, detector: str) -> Signal:
    # stable, simple keys first (generator, prompt, negative_prompt, model, seed, sampler, steps…)
    details: dict[str, Any] = {"generator": hit.generator, **hit.params, "fields": hit.fields,
                               "placement": hit.placement, "why": hit.why,
                               **({"why_code": hit.why_code, "why_field": hit.why_field} if hit.why_code else {}),
                               "identity": "confident" if hit.confident else "inferred from a pattern (weak)"}
    details = GENERATOR_METADATA.make(**details)
    if hit.confident:
        return Signal(GENERATOR_METADATA.id, detector, f"{hit.generator} generation metadata ({hit.why})",
                      Claim.AI_GENERATED, Basis.METADATA, Confidence.DECLARED, details)
    return Signal(GENERATOR_METADATA.id, detector, f"possibly {hit.generator}: {hit.why}",
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
