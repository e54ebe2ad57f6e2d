"""Words for trust-list status (CLI, reports, Settings), English and Simplified Chinese.

The phrases live in the one catalogue (``trust.*`` keys of verifier/describe/catalogue.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..describe import has
from ..describe import t as phrase

def t(key: str, lang: str, **params: object) -> str:
    """A trust-status phrase (``trust.<key>`` in the one catalogue, verifier.describe)."""
    return phrase(f"trust.{key}", lang, **params)


def describe(s: Mapping[str, Any], lang: str = "en") -> str:
    """One line for one list, from :meth:`ListStatus.to_json` (so reports can use the JSON alone)."""
    where = str(s.get("where") or "other")
    parts = [t(f"where.{where if where in ('bundled', 'user') else 'other'}", lang)]
    if s.get("kind") == "tsa":
        parts.append(t("kind.tsa", lang))
    parts.append(t("certs", lang, n=int(s.get("certificates") or 0)))
    if s.get("allowed"):
        parts.append(t("allowed", lang, n=int(s["allowed"])))
    if s.get("as_of"):
        key = "as_of.import" if s.get("dated_by") == "import" else "as_of"
        parts.append(t(key, lang, date=s["as_of"], days=s.get("age_days", "?")))
    if s.get("next_update"):
        parts.append(t("next_update", lang, date=s["next_update"]))
    if s.get("origin"):
        parts.append(t("origin", lang, origin=s["origin"]))
    return f"{s.get('label') or s.get('name')}: " + phrase("sep.list", lang).join(parts)


def warnings(s: Mapping[str, Any], lang: str = "en") -> list[str]:
    """The warnings of one list, worded (empty when the list is current)."""
    out = []
    codes = list(s.get("warnings") or ())
    if "past_next_update" in codes and "older_than_6_months" in codes:
        codes.remove("older_than_6_months")  # one warning says it
    for code in codes:
        key = f"warn.{code}"
        if has(f"trust.{key}"):
            out.append(t(key, lang, next_update=s.get("next_update") or "?",
                         frozen_since=s.get("frozen_since") or "?"))
    return out
