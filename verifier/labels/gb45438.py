"""GB 45438-2025 implicit labels: find, parse (both shapes and real-world deviations), check.

Input is a list of ``(placement, field name, value)`` candidates gathered by the metadata
detector from every container; output is one :class:`Label` per distinct label, listing every
placement it was found in, with Annex E conformance findings (findings, not failures).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from . import gb45438_notes, provider_code, security_data

KEYS = ("Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID",
        "ReservedCode2")
TENCENT_KEYS = ("ServiceProvider", "ServiceUser", "Time", "ContentId")
TC260_NS = "http://www.tc260.org.cn/ns/AIGC/1.0/"
LABEL_MEANINGS = {"1": "AI-generated", "2": "possibly AI-generated", "3": "suspected AI-generated"}
MAX_JSON = 256 * 1024
_CANON = {k.lower(): k for k in KEYS + TENCENT_KEYS}


@dataclass
class Label:
    fields: dict[str, Any]  # the label object as parsed (canonical key names)
    shape: str  # "wrapped" | "bare" | "tencent"
    field_name: str  # name of the field/key holding the label
    placements: list[str] = field(default_factory=list)
    wrapper_extra: list[str] = field(default_factory=list)
    raw: str = ""
    findings: list[dict[str, str]] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # canonical key names in the order written

    def identity(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, _norm(self.fields.get(k))) for k in KEYS + TENCENT_KEYS)

    @property
    def label_value(self) -> str | None:
        v = self.fields.get("Label")
        return None if v is None else str(v).strip()

    @property
    def meaning(self) -> str:
        v = self.label_value
        if v in LABEL_MEANINGS:
            return LABEL_MEANINGS[v]
        if v is not None and v.upper() == "AIGC":
            return "AI-generated content (non-standard value 'AIGC')"
        return "unknown (no valid Label value)"


def _norm(v: Any) -> str:
    return "" if v is None else str(v).strip()


def looks_like_label_text(value: str) -> bool:
    """Cheap pre-filter for fields whose name does not say AIGC (e.g. EXIF UserComment)."""
    return ("ContentProducer" in value or "ProduceID" in value or '"AIGC"' in value
            or "&quot;AIGC&quot;" in value or "ServiceProvider" in value)


def _decode_json(text: str) -> Any:
    s = text.strip().strip("\x00").strip()
    if not s or len(s) > MAX_JSON:
        return None
    for _ in range(4):
        try:
            obj = json.loads(s)
        except (json.JSONDecodeError, RecursionError):
            unescaped = html.unescape(s)
            if unescaped == s:
                start, end = s.find("{"), s.rfind("}")
                if 0 < start < end:  # JSON behind a prefix ("AIGC: {...}", "Signature…")
                    s = s[start : end + 1]
                    continue
                return None
            s = unescaped
            continue
        if isinstance(obj, str) and obj.strip().startswith("{"):
            s = obj  # JSON encoded twice
            continue
        return obj
    return None


def _canonical(obj: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    fields: dict[str, Any] = {}
    odd_case: list[str] = []
    for k, v in obj.items():
        key = str(k)
        canon = _CANON.get(key.lower(), key)
        if canon != key:
            odd_case.append(key)
        fields[canon] = v
    return fields, odd_case


def extract(value: Any, field_name: str) -> Label | None:
    """Parse a candidate value (JSON text, HTML-escaped JSON, or a mapping) into a Label."""
    obj = value if isinstance(value, dict) else _decode_json(value) if isinstance(value, str) else None
    if not isinstance(obj, dict):
        return None
    raw = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    # wrapped: {"AIGC": {...}} (possibly next to other keys, e.g. Tencent's)
    for k, inner in obj.items():
        if "aigc" in str(k).lower():
            if isinstance(inner, str):
                inner = _decode_json(inner)
            if isinstance(inner, dict):
                fields, odd = _canonical(inner)
                extra = [str(x) for x in obj if x is not k]
                lab = Label(fields, "wrapped", str(k), wrapper_extra=extra, raw=raw[:4096], order=list(fields))
                if odd:
                    lab.findings.append(_f("key_case", f"key names in non-standard case: {', '.join(odd)}"))
                return lab
    fields, odd = _canonical(obj)
    if "Label" in fields or sum(k in fields for k in KEYS) >= 2:
        lab = Label(fields, "bare", field_name, raw=raw[:4096], order=list(fields))
    elif sum(k in fields for k in TENCENT_KEYS) >= 2:
        lab = Label(fields, "tencent", field_name, raw=raw[:4096], order=list(fields))
    else:
        return None
    if odd:
        lab.findings.append(_f("key_case", f"key names in non-standard case: {', '.join(odd)}"))
    return lab


def _f(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


def _printable_ascii(s: str) -> bool:
    return all(0x21 <= ord(c) <= 0x7E and c != "\\" for c in s)


def check(label: Label) -> None:
    """Append Annex E conformance findings to ``label.findings``."""
    f = label.findings
    missing = [k for k in KEYS if k not in label.fields]
    if missing:
        f.append(_f("missing_keys", f"missing key(s): {', '.join(missing)}"))
    extra = [k for k in label.fields if k not in KEYS] + label.wrapper_extra
    if extra:
        f.append(_f("extra_keys", f"key(s) not in Annex E: {', '.join(extra)}"))
    if label.shape == "tencent":
        f.append(_f("vendor_keys", "Tencent Cloud's own keys instead of the Annex E label object"))
    nonstr = [k for k in KEYS if k in label.fields and not isinstance(label.fields[k], str)]
    if nonstr:
        f.append(_f("non_string", "value(s) not strings: " + ", ".join(
            f"{k} is JSON null" if label.fields[k] is None else f"{k}={label.fields[k]!r}" for k in nonstr)))
    bad = [k for k in KEYS if isinstance(label.fields.get(k), str) and label.fields[k]
           and not _printable_ascii(label.fields[k])]
    if bad:
        f.append(_f("charset", f"value(s) not printable ASCII without space/backslash: {', '.join(bad)}"))
    lv = label.label_value
    if "Label" in label.fields and lv not in LABEL_MEANINGS:
        f.append(_f("label_value", f"Label is {label.fields['Label']!r}, not '1', '2' or '3'"))
    if "aigc" not in label.field_name.lower():
        f.append(_f("field_name", f"the field holding the label ({label.field_name!r}) does not contain 'AIGC'"))
    for key in ("ContentProducer", "ContentPropagator"):
        d = provider_code.decode(label.fields.get(key))
        if d["form"] == "name":
            f.append(_f("provider_name", f"{key} is a name ({d['value']!r}), not a 27-character provider code"))
        elif d["form"] == "malformed code":
            f.append(_f("provider_code", f"{key} {d['value']!r} is not a well-formed provider code"))
        elif d["form"] == "provider code" and not d["uscc_check_digit_ok"]:
            f.append(_f("uscc_check", f"{key}: the USCC check character does not match"))
        if d["form"] == "provider code" and d["code"][22] not in provider_code.SERVICE_TYPES:
            f.append(_f("service_type", f"{key}: service type {d['code'][22]!r} is neither 1 (generation) "
                                        "nor 2 (propagation)"))


def collect(candidates: list[tuple[str, str, Any]]) -> list[Label]:
    """Group candidates ``(placement, field name, value)`` into distinct labels."""
    return collect_all(candidates)[0]


def collect_all(candidates: list[tuple[str, str, Any]]) -> tuple[list[Label], list[dict[str, str]]]:
    """Distinct labels, and traces of removal (empty ``AIGC`` shells) among the candidates."""
    labels: dict[tuple[tuple[str, str], ...], Label] = {}
    traces: list[dict[str, str]] = []
    for placement, name, value in candidates:
        if "aigc" in name.lower() and gb45438_notes.is_shell(value):
            traces.append(gb45438_notes.shell_trace(placement, name))
            continue
        lab = extract(value, name)
        if lab is None:
            continue
        key = lab.identity()
        if key in labels:
            if placement not in labels[key].placements:
                labels[key].placements.append(placement)
            continue
        lab.placements.append(placement)
        labels[key] = lab
    out = list(labels.values())
    differing = [k for k in KEYS if len({_norm(lab.fields.get(k)) for lab in out}) > 1]
    for lab in out:
        check(lab)
        if len(out) > 1:
            lab.findings.append(_f("multiple_labels", f"{len(out)} different implicit labels in one file "
                                   f"(Annex E: one label per file); they differ in {', '.join(differing)}"))
    return out, traces


def add_traces(labels: list[Label], traces: list[dict[str, str]]) -> None:
    """Traces of removal or editing found in the file become a finding of every label in it."""
    if not traces:
        return
    for lab in labels:
        lab.findings.append(_f("wipe_traces", "; ".join(t["message"] + f" ({t['placement']})"
                                                       for t in traces[:5])))


def details(label: Label) -> dict[str, Any]:
    d: dict[str, Any] = {k: label.fields.get(k) for k in KEYS}
    for k in TENCENT_KEYS:
        if k in label.fields:
            d[k] = label.fields[k]
    d.update({
        "placement": label.placements[0],
        "placements": list(label.placements),
        "field": label.field_name,
        "shape": label.shape,
        "label_meaning": label.meaning,
        "producer": provider_code.decode(label.fields.get("ContentProducer")),
        "propagator": provider_code.decode(label.fields.get("ContentPropagator")),
        "findings": list(label.findings),
        "conformant": not label.findings,
    })
    notes = gb45438_notes.observations(label.fields, label.order, KEYS)
    if notes:
        d["observations"] = notes
    reserved = {k: security_data.describe(label.fields.get(k)) for k in ("ReservedCode1", "ReservedCode2")
                if label.fields.get(k) not in (None, "")}
    if reserved:
        d["reserved_codes"] = reserved
    return d
