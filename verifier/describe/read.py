"""Read a finding whichever form it arrives in: core objects (Signal, Evidence, Report) or the
contract's JSON dicts. The description layer words both the same way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def sval(obj: Any, key: str, default: str = "") -> str:
    """An enum-valued field as its plain string ("ok", "signed"…)."""
    v = get(obj, key)
    return default if v is None else str(v)


def details(obj: Any) -> dict[str, Any]:
    d = get(obj, "details")
    return d if isinstance(d, dict) else {}


def detector_of(ev: Any) -> str:
    return str(get(ev, "name") or get(ev, "detector") or "")


def file_parts(file: Any) -> tuple[Any, list[Any], list[Any], dict[str, Any]]:
    """(verdict, signals, detectors, facts by detector) of a Report or a contract file dict."""
    if isinstance(file, Mapping):
        facts = file.get("facts")
        return (file.get("verdict") or {}, [s for s in file.get("signals") or () if isinstance(s, Mapping)],
                [e for e in file.get("detectors") or () if isinstance(e, Mapping)],
                facts if isinstance(facts, dict) else {})
    evidence = list(getattr(file, "evidence", ()))
    return (file.verdict, list(file.signals), evidence,
            {e.detector: e.facts for e in evidence if isinstance(e.facts, dict) and e.facts})
