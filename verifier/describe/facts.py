"""Facts and details that the core records as a code beside (or instead of) English words.

A privacy point keeps its English ``why`` for scripts next to ``why_code``; a label observation
keeps its English ``message`` next to ``code``. :func:`coded` gives, for one such mapping, the
words of each of those fields in the reader's language (and the keys to leave out), so that every
surface shows the catalogue's words, never the English twin.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .text import has, quote, t

# keys whose value is a library's or the system's own message, or a diagnostic trace (where the C2PA store
# was searched for): shown, quoted, as a technical detail
TECHNICAL_KEYS = frozenset({"sdk_error", "explanation", "native_messages", "error", "searched"})


def coded(mapping: Mapping[str, Any], lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """({key: words} for the fields worded from a code, {keys not to show}) of one mapping."""
    words: dict[str, str] = {}
    hidden: set[str] = set()
    why = mapping.get("why_code")
    if isinstance(why, str) and has(f"privacy.why.{why}"):
        words["why"] = t(f"privacy.why.{why}", lang)
        hidden.add("why_code")
    elif isinstance(why, str) and has(f"generator.why.{why}"):
        words["why"] = t(f"generator.why.{why}", lang, field=quote(mapping.get("why_field") or "?", 200),
                         generator=quote(str(mapping.get("generator") or "?").split(" (")[0], 200))
        hidden.update(("why_code", "why_field"))
    code = mapping.get("code")
    if isinstance(code, str) and "message" in mapping and has(f"value.note.{code}"):
        words["message"] = t(f"value.note.{code}", lang)
    return words, frozenset(hidden)
