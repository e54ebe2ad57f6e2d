"""Privacy points in words: the field (as the file names it), its value, and why it matters.

The core records each point as ``{"field", "value", "why", "why_code"}`` (verifier.labels.camera,
verifier.containers.email_facts); ``why`` is English for scripts, the code is worded here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .text import has, quote, t

_HOP = re.compile(r"Received \(hop (\d+)\)")


def field_text(field: Any, lang: str) -> str:
    m = _HOP.fullmatch(str(field or ""))
    return t("privacy.field.received_hop", lang, n=m.group(1)) if m else quote(field, 500)


def why_text(point: Mapping[str, Any], lang: str) -> str:
    code = str(point.get("why_code") or "")
    return t(f"privacy.why.{code}", lang) if has(f"privacy.why.{code}") else quote(point.get("why"), 2000)


def privacy_rows(points: Iterable[Any], lang: str, value_limit: int = 20_000) -> tuple[tuple[str, str, str], ...]:
    """(field, value, why) for every privacy point (anything that is not a point is skipped)."""
    return tuple((field_text(p.get("field"), lang), quote(p.get("value"), value_limit), why_text(p, lang))
                 for p in points if isinstance(p, Mapping))
