"""A JSON-able view of a manifest store for the Content Credentials panel, and its AI actions.

Everything here is read from attacker-controlled data: values are type-checked, strings are
bounded, and nothing is trusted beyond what the validation state says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_TEXT = 500
MAX_ITEMS = 200

DST_NAMESPACE = "/digitalsourcetype/"
AI_GENERATED_TYPES = frozenset({"trainedAlgorithmicMedia"})
# Partly AI: content composited with, or edited by, trained-model output.
AI_MODIFIED_TYPES = frozenset({"compositeWithTrainedAlgorithmicMedia", "compositeSynthetic"})
CAPTURE_TYPES = frozenset({"digitalCapture", "computationalCapture"})
# ``algorithmicMedia`` is media made by an algorithm *without* training data (IPTC): not ML AI.


def text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    return value[:MAX_TEXT]


def dst_term(value: Any) -> str | None:
    """The IPTC term of a digitalSourceType URI (``…/digitalsourcetype/<term>``)."""
    if not isinstance(value, str):
        return None
    low = value.lower()
    idx = low.rfind(DST_NAMESPACE)
    if idx < 0:
        return None
    return value[idx + len(DST_NAMESPACE):].strip("/ ") or None


def classify_dst(value: Any) -> str | None:
    term = dst_term(value)
    if term in AI_GENERATED_TYPES:
        return "ai_generated"
    if term in AI_MODIFIED_TYPES:
        return "ai_modified"
    if term in CAPTURE_TYPES:
        return "capture"
    return None


def _agent(value: Any) -> str | None:
    if isinstance(value, dict):
        name = value.get("name")
        version = value.get("version")
        if name is None:
            return None
        return text(f"{name} {version}" if version else name)
    return text(value)


def _assertions(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    items = manifest.get("assertions")
    return [a for a in items[:MAX_ITEMS] if isinstance(a, dict)] if isinstance(items, list) else []


def _label_base(label: Any) -> str:
    return str(label).split("__", 1)[0] if label is not None else ""


def raw_actions(manifest: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for a in _assertions(manifest):
        if _label_base(a.get("label")) not in ("c2pa.actions", "c2pa.actions.v2"):
            continue
        data = a.get("data")
        acts = data.get("actions") if isinstance(data, dict) else None
        if isinstance(acts, list):
            yield from (x for x in acts[:MAX_ITEMS] if isinstance(x, dict))


def _dst_of(action: dict[str, Any]) -> Any:
    dst = action.get("digitalSourceType")
    if dst is None and isinstance(action.get("parameters"), dict):
        dst = action["parameters"].get("digitalSourceType")
    return dst


def action_view(action: dict[str, Any]) -> dict[str, Any]:
    params = action["parameters"] if isinstance(action.get("parameters"), dict) else {}
    return {
        "action": text(action.get("action")),
        "when": text(action.get("when")),
        "software_agent": _agent(action.get("softwareAgent")),
        "digital_source_type": text(_dst_of(action)),
        "description": text(action.get("description") or params.get("description")),
    }


@dataclass(frozen=True, slots=True)
class SourceStatement:
    """One action declaring where content came from (AI, AI composite, capture)."""

    kind: str  # "ai_generated" | "ai_modified" | "capture"
    manifest: str
    role: str  # "active" | "ingredient"
    action: str | None
    software_agent: str | None
    digital_source_type: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"manifest": self.manifest, "manifest_role": self.role, "action": self.action,
                "software_agent": self.software_agent, "digital_source_type": self.digital_source_type}


def source_statements(store: dict[str, Any]) -> list[SourceStatement]:
    """Source statements in *every* manifest of the store, active and ingredients alike."""
    active = store.get("active_manifest")
    out = []
    for label, manifest in _manifests(store):
        for act in raw_actions(manifest):
            kind = classify_dst(_dst_of(act))
            if kind is None:
                continue
            view = action_view(act)
            out.append(SourceStatement(kind, label, "active" if label == active else "ingredient",
                                       view["action"], view["software_agent"], view["digital_source_type"]))
    return out


def _manifests(store: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The store's manifests, active first, then by label: the SDK returns them in an order that
    changes from one read to the next, and a report must read the same every time."""
    ms = store.get("manifests")
    if not isinstance(ms, dict):
        return []
    active = store.get("active_manifest")
    items = sorted(((str(k), v) for k, v in ms.items() if isinstance(v, dict)),
                   key=lambda kv: (kv[0] != active, kv[0]))
    return items[:MAX_ITEMS]


def claim_generator(manifest: dict[str, Any]) -> str | None:
    if manifest.get("claim_generator"):
        return text(manifest["claim_generator"])
    info = manifest.get("claim_generator_info")
    if isinstance(info, list):
        parts = [_agent(i) for i in info if isinstance(i, dict)]
        return text(", ".join(p for p in parts if p)) or None
    return None


def thumbnail_uri(obj: dict[str, Any]) -> str | None:
    thumb = obj.get("thumbnail")
    if isinstance(thumb, dict) and isinstance(thumb.get("identifier"), str):
        return thumb["identifier"]
    return None


def thumbnail_format(obj: dict[str, Any]) -> str:
    thumb = obj.get("thumbnail")
    fmt = thumb.get("format") if isinstance(thumb, dict) else None
    return fmt if isinstance(fmt, str) and "/" in fmt else "application/octet-stream"


def _ingredient_status(ing: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for e in ing.get("validation_status") or ():
        if isinstance(e, dict):
            out.append({"code": text(e.get("code")), "explanation": text(e.get("explanation"))})
    results = ing.get("validation_results")
    active = results.get("activeManifest") if isinstance(results, dict) else None
    if isinstance(active, dict):
        for e in active.get("failure") or ():
            if isinstance(e, dict):
                out.append({"code": text(e.get("code")), "explanation": text(e.get("explanation"))})
    return out[:MAX_ITEMS]


def _cawg(manifest: dict[str, Any], codes: list[str]) -> dict[str, Any] | None:
    labels = [str(a.get("label")) for a in _assertions(manifest)
              if str(a.get("label", "")).startswith("cawg.identity")]
    if not labels:
        return None
    return {"assertions": labels, "status_codes": codes, "resolved": False,
            "note": "cawg_identity_offline"}  # a note code, worded by verifier.describe


def _soft_bindings(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for a in _assertions(manifest):
        if _label_base(a.get("label")) != "c2pa.soft-binding":
            continue
        data = a["data"] if isinstance(a.get("data"), dict) else {}
        blocks = data["blocks"] if isinstance(data.get("blocks"), list) else []
        out.append({"alg": text(data.get("alg")), "blocks": len(blocks),
                    "values": [text(b.get("value")) for b in blocks[:8] if isinstance(b, dict)]})
    return out


def manifest_views(store: dict[str, Any], thumbnails: dict[str, str],
                   codes_by_manifest: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The ``manifests`` list of the detector facts (thumbnail URIs mapped to attachment names)."""
    active = store.get("active_manifest")
    views = []
    for label, m in _manifests(store):
        sig = m["signature_info"] if isinstance(m.get("signature_info"), dict) else {}
        actions = [action_view(a) for a in raw_actions(m)]
        ai_tools = list(dict.fromkeys(
            a["software_agent"] for a in actions
            if a["software_agent"] and classify_dst(a["digital_source_type"]) in ("ai_generated", "ai_modified")))
        ingredients = []
        for ing in (m.get("ingredients") or [])[:MAX_ITEMS]:
            if not isinstance(ing, dict):
                continue
            uri = thumbnail_uri(ing)
            ingredients.append({
                "title": text(ing.get("title")),
                "format": text(ing.get("format")),
                "relationship": text(ing.get("relationship")),
                "active_manifest": text(ing.get("active_manifest")),
                "thumbnail": thumbnails.get(uri) if uri else None,
                "validation_status": _ingredient_status(ing),
            })
        uri = thumbnail_uri(m)
        views.append({
            "label": label,
            "title": text(m.get("title")),
            "format": text(m.get("format")),
            "claim_generator": claim_generator(m),
            "signer": {"issuer": text(sig.get("issuer")), "common_name": text(sig.get("common_name"))},
            "signed_at": text(sig.get("time")),
            "timestamp_authority": text(sig.get("timestamp_authority") or sig.get("tsa")),
            "is_active": label == active,
            "actions": actions,
            "ai_tools": ai_tools,
            "cawg_identity": _cawg(m, [c for c in codes_by_manifest.get(label, []) if c.startswith("cawg.")]),
            "soft_bindings": _soft_bindings(m),
            "thumbnail": thumbnails.get(uri) if uri else None,
            "ingredients": ingredients,
        })
    return views


def thumbnail_uris(store: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(uri, mime, role) of every claim and ingredient thumbnail, in manifest order."""
    out = []
    for _label, m in _manifests(store):
        uri = thumbnail_uri(m)
        if uri:
            out.append((uri, thumbnail_format(m), "claim"))
        for ing in (m.get("ingredients") or [])[:MAX_ITEMS]:
            if isinstance(ing, dict) and (u := thumbnail_uri(ing)):
                out.append((u, thumbnail_format(ing), "ingredient"))
    return list({u: (u, mime, role) for u, mime, role in out}.values())
