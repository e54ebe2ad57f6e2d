"""Advisory indicators in the reader's words (CONTRACT.md "Advisory indicators").

An indicator never changes the verdict, and its sentence never calls a file fake or authentic.
``reference.match`` is described from its details; an indicator with no phrase of its own yet is
shown by its id and English summary, quoted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .text import has, quote, t


def _box(value: Any) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 4:
        try:
            return "[" + ", ".join(str(int(v)) for v in value) + "]"
        except (TypeError, ValueError):
            pass
    return "[?]"


def indicator_text(indicator: Mapping[str, Any], lang: str) -> str:
    ident = str(indicator.get("id", ""))
    details = indicator.get("details") if isinstance(indicator.get("details"), Mapping) else {}
    assert isinstance(details, Mapping)
    if ident == "reference.match":
        key = f"indicator.reference.match.{details.get('kind')}"
        if has(key):
            try:
                inliers = int(details.get("inliers", 0) or 0)
            except (TypeError, ValueError):
                inliers = 0
            return t(key, lang, reference=quote(details.get("reference", ""), 300), inliers=inliers,
                     box=_box(details.get("box")), reference_box=_box(details.get("reference_box")))
    return f"{quote(ident, 80)}: {quote(indicator.get('summary', ''), 300)}"


def indicator_lines(file: Mapping[str, Any], lang: str, ids: tuple[str, ...] | None = None) -> list[str]:
    """One sentence per indicator of a contract file dict (only those whose id is in ``ids``, if given)."""
    out = []
    for ind in file.get("indicators") or ():
        if isinstance(ind, Mapping) and (ids is None or ind.get("id") in ids):
            out.append(indicator_text(ind, lang))
    return out
