"""The contract's JSON document (shared/design/CONTRACT.md)."""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from ..describe import describe
from ..evidence import Evidence, Indicator, Report, Signal
from . import canonical


def signal_dict(s: Signal, summary: str | None = None) -> dict[str, Any]:
    return {
        "id": s.id,
        "detector": s.detector,
        "confidence": str(s.confidence),
        "claim": str(s.claim),
        "basis": str(s.basis),
        "summary": s.summary if summary is None else summary,
        "details": s.details,
    }


def indicator_dict(i: Indicator) -> dict[str, Any]:
    return {"id": i.id, "detector": i.detector, "summary": i.summary, "details": i.details}


def detector_dict(e: Evidence) -> dict[str, Any]:
    d: dict[str, Any] = {"name": e.detector, "status": str(e.status), "ms": e.ms}
    if e.error:
        d["error"] = e.error
    if e.reason:
        d["reason"] = e.reason
        if e.reason_params:
            d["reason_params"] = e.reason_params
    return d


def file_dict(r: Report, embed_attachments: bool = False, lang: str = "en") -> dict[str, Any]:
    """The contract's entry for one file; its sentences (headline, explanation, signal summaries)
    in ``lang``, from :mod:`verifier.describe`."""
    v = r.verdict
    words = describe(r, lang, rows=False)  # sentences only: the document carries the details themselves
    d = {
        "path": str(r.media.path),
        "sha256": r.media.sha256,
        "size": r.media.size,
        "media_type": r.media.media_type,
        "analysed_at": r.analysed_at,
        "verdict": {
            "code": str(v.code),
            "strength": str(v.strength),
            "headline": words.headline,
            "explanation": words.full_explanation,
            "unchecked": list(v.unchecked),
            "basis_signals": list(v.basis_signals),
            **({"member": v.member} if v.member else {}),
        },
        "signals": [signal_dict(s, w.summary) for s, w in zip(r.signals, words.signals, strict=True)],
        "indicators": [indicator_dict(i) for i in r.indicators],
        "detectors": [detector_dict(e) for e in r.evidence],
        "facts": {e.detector: e.facts for e in r.evidence if e.facts},
        "attachments": [
            {
                "detector": e.detector,
                "name": a.name,
                "mime": a.mime,
                "size": len(a.data),
                "sha256": hashlib.sha256(a.data).hexdigest(),
                **({"base64": base64.b64encode(a.data).decode("ascii")} if embed_attachments else {}),
            }
            for e in r.evidence
            for a in e.attachments
        ],
    }
    return {**d, **nesting_fields(r)}


def nesting_fields(r: Report) -> dict[str, Any]:
    """Files inside files (CONTRACT.md): ``parent`` on a member; ``limits`` and ``members`` on a
    container; the member that carries a container's verdict."""
    out: dict[str, Any] = {}
    if r.parent:
        out["parent"] = r.parent
    if r.members or r.limits:
        out["limits"] = [dict(h) for h in r.limits]
        out["members"] = list(r.members)
    return out


def failed_dict(path: str, message: str, lang: str = "en", parent: str = "") -> dict[str, Any]:
    """An input that could not be read at all still gets an entry, with its reason."""
    words = describe({"error": message}, lang)
    return {
        **({"parent": parent} if parent else {}),
        "path": path,
        "sha256": None,
        "size": None,
        "media_type": None,
        "verdict": {"code": "incomplete", "strength": "none", "headline": words.headline,
                    "explanation": words.full_explanation, "unchecked": [], "basis_signals": []},
        "signals": [],
        "indicators": [],
        "detectors": [],
        "error": message,
    }


def _default(o: Any) -> Any:
    if isinstance(o, bytes | bytearray):
        return {"base64": base64.b64encode(bytes(o)).decode("ascii")}
    if isinstance(o, set | frozenset | tuple):
        return list(o)
    return str(o)


def dumps(doc: Any, indent: int | None = 2) -> str:
    """JSON text that is always valid UTF-8.

    A lone surrogate (from a badly decoded metadata string) cannot be encoded; it can only occur
    inside a JSON string, where its ``\\udXXX`` escape is valid JSON and reads back the same.
    """
    text = json.dumps(doc, ensure_ascii=False, indent=indent, default=_default)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def document(tool: dict[str, Any], files: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"tool": tool, "files": list(files)}


def in_order(files: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries sorted by path, each container's members right after it in their own order
    (as :func:`verifier.pipeline.scan` yields them: the sort is stable, by top-level path)."""
    entries = list(files)
    by_path = {d["path"]: d for d in entries}

    def top(d: dict[str, Any]) -> str:
        seen = 0
        while d.get("parent") in by_path and seen < 1000:
            d = by_path[d["parent"]]
            seen += 1
        return str(d["path"])

    return sorted(entries, key=lambda d: (top(d), "parent" in d))


# ---- canonical form (RFC 8785): what a report's fingerprint and signature cover -------------


def _key(k: object) -> str:
    """Object keys as json.dumps writes them (True -> "true", 1 -> "1")."""
    if isinstance(k, str):
        return k
    if k is None or isinstance(k, bool):
        return json.dumps(k)
    if isinstance(k, float) and math.isfinite(k):
        return canonical.number(k)
    return str(k)


def jsonable(value: Any) -> Any:
    """The document with only JSON types: bytes as ``{"base64": …}``, sets and tuples as lists,
    numbers with no exact JSON form (huge integers, NaN, infinities) as their decimal text."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        try:
            canonical.number(value)
            return value
        except canonical.CanonicalError:
            return str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {_key(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [jsonable(v) for v in value]
        return items if isinstance(value, list | tuple) else sorted(items, key=canonical.dumps)
    return jsonable(_default(value))


def canonical_bytes(doc: Any) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of a document: one line, keys sorted, no whitespace."""
    return canonical.dumps(jsonable(doc))


def fingerprint(data: bytes) -> str:
    """A report's fingerprint: the hex SHA-256 of its canonical bytes."""
    return hashlib.sha256(data).hexdigest()
