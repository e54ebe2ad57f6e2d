"""GB 45438 labels as platforms write them: neutral observations and traces of label removal.

*Observations* describe how a real platform writes its label (keys in alphabetical order, a Go
formatting placeholder left in a value, Kling's ``KLingMuse_<uuid>`` ids): worth showing, not a
fault. *Traces* are what removal tools and hand edits leave (LABELS.md §1.7): an empty ``AIGC``
shell, a label-bearing PNG chunk whose CRC does not match its data. Neither is AI evidence on
its own; both are reported as facts and, when a label is present, as conformance findings.
"""

from __future__ import annotations

import re
from typing import Any

_PLACEHOLDER = re.compile(r"%!\w?\((?:MISSING|EXTRA|NOVERB|BADWIDTH|BADPREC)\)|%!s\(")
_KLING_ID = re.compile(r"^(KLingMuse_[0-9a-fA-F-]{32,36}|SGP_PROD_ai_web_\d+)$")
_QWEN_ID = re.compile(r"^u:\d+/task:[0-9a-f]{32}$")


def _note(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


def observations(fields: dict[str, Any], order: list[str], keys: tuple[str, ...]) -> list[dict[str, str]]:
    """Neutral notes on a parsed label (``order``: its key names as written, in file order)."""
    out: list[dict[str, str]] = []
    present = [k for k in order if k in keys]
    if len(present) >= 3 and present == sorted(present) and present != [k for k in keys if k in present]:
        out.append(_note("sorted_keys", "keys are in alphabetical order (as the Qwen app and some ByteDance "
                                        "tools write them); any order is allowed"))
    nulls = [k for k in keys if k in fields and fields[k] is None]
    if nulls:
        out.append(_note("null_values", f"{', '.join(nulls)}: JSON null instead of an empty string "
                                        "(as Kling writes its reserved codes)"))
    for k in keys:
        v = fields.get(k)
        if isinstance(v, str) and _PLACEHOLDER.search(v):
            out.append(_note("format_placeholder", f"{k} is {v[:60]!r}: a program's formatting placeholder, "
                                                    "left where a value was missing (seen in iFlytek labels)"))
    pid = fields.get("ProduceID")
    if isinstance(pid, str) and _KLING_ID.match(pid.strip()):
        out.append(_note("produce_id_form", "ProduceID has the form Kling's generator writes "
                                            "(KLingMuse_<uuid> or SGP_PROD_ai_web_<digits>)"))
    elif isinstance(pid, str) and _QWEN_ID.match(pid.strip()):
        out.append(_note("produce_id_form", "ProduceID has the form the Qwen app writes (u:<user>/task:<id>)"))
    return out


def is_shell(value: Any) -> bool:
    """An ``AIGC`` field left without a label: empty, ``{}``, or every label value empty."""
    if value is None:
        return True
    if isinstance(value, str):
        s = value.strip().strip("\x00").strip()
        if s in ("", "{}", "null", '""', "[]"):
            return True
        if s.startswith("{") and len(s) < 4096:
            import json

            try:
                obj = json.loads(s)
            except (json.JSONDecodeError, RecursionError):
                return False
            return isinstance(obj, dict) and _empty_object(obj)
        return False
    return isinstance(value, dict) and _empty_object(value)


def _empty_object(obj: dict[str, Any]) -> bool:
    if not obj:
        return True
    inner = [v for k, v in obj.items() if "aigc" in str(k).lower()]
    if inner and all(isinstance(v, (dict, str, type(None))) for v in inner):
        return all(is_shell(v) for v in inner) and all(v in (None, "", {}) for k, v in obj.items()
                                                        if "aigc" not in str(k).lower())
    return all(v in (None, "", {}, []) for v in obj.values())


def shell_trace(placement: str, name: str) -> dict[str, str]:
    return {"code": "empty_label", "placement": placement,
            "message": f"an empty implicit-label field {name!r}: a label may have been removed here "
                       "(removal tools leave such shells)"}


def crc_trace(placement: str, key: str) -> dict[str, str]:
    return {"code": "chunk_crc", "placement": placement,
            "message": f"the PNG chunk holding {key!r} fails its CRC check: it was changed after the file "
                       "was written (by hand or by a removal tool)"}
