"""Looking phrases up in the catalogue, and marking the values that came from a file.

Every value taken from an analysed file (a file name, a signer, a prompt, a detector's technical
message) enters a sentence through :func:`quote`. Normally that is only plain-text cleaning; under
:func:`marking` (used by tests) the value is also wrapped in private-use marks, so that a test can
tell file content, which may be in any language, from the tool's own words, which must be in the
reader's language. A library's own message (an exception text) enters through :func:`technical`,
marked apart, so that a test can tell it from a value the file holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .catalogue import TEXT

LANGS = ("en", "zh")
OPEN, CLOSE = "\ue000", "\ue001"  # private-use marks around quoted values (only under marking())
TECH_OPEN, TECH_CLOSE = "\ue002", "\ue003"  # … and around a library's own message (technical())
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_marking = False


def lang_of(lang: str | None) -> str:
    """"zh", "zh_CN", "zh-Hans"… -> "zh"; anything else -> "en"."""
    return "zh" if str(lang or "").lower().startswith("zh") else "en"


def has(key: str) -> bool:
    return key in TEXT


def t(key: str, lang: str, **params: object) -> str:
    """The phrase ``key`` in ``lang``; ``params`` are inserted as given (quote file values first)."""
    en, zh = TEXT[key]
    phrase = zh if lang_of(lang) == "zh" else en
    return phrase.format(**params) if params else phrase


def t_or(key: str, lang: str, default: str) -> str:
    return t(key, lang) if key in TEXT else default


def joined(items: list[str], lang: str) -> str:
    return t("sep.list", lang).join(items)


@contextmanager
def marking() -> Iterator[None]:
    """Within this block, quoted values are wrapped in OPEN/CLOSE (for tests)."""
    global _marking
    before, _marking = _marking, True
    try:
        yield
    finally:
        _marking = before


def quote(value: Any, limit: int = 2000) -> str:
    """A value from a file as one plain, printable string (invisible characters shown as \\uXXXX)."""
    if value is None:
        s = ""
    elif isinstance(value, str):
        s = value
    elif isinstance(value, bytes | bytearray):
        s = f"<{len(value)} bytes: {bytes(value[:32]).hex()}>"
    elif isinstance(value, int | float | bool):
        s = str(value)
    else:
        try:
            s = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            s = str(value)
    if len(s) > limit:
        s = s[:limit] + "…"
    return mark(_INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", s))


def mark(s: str) -> str:
    """An already printable value from a file, marked as quoted under :func:`marking`."""
    return f"{OPEN}{s}{CLOSE}" if _marking and s else s


def technical(value: Any, limit: int = 500) -> str:
    """A library's or the system's own message (an exception text, an errno string), quoted as it
    came: shown only as a technical detail beside words of the reader's language."""
    s = quote(value, limit)
    if _marking and s.startswith(OPEN) and s.endswith(CLOSE):
        return f"{TECH_OPEN}{s[1:-1]}{TECH_CLOSE}"
    return s


def unmarked(s: str) -> str:
    """The text without the marks (for callers that keep a marked string)."""
    for m in (OPEN, CLOSE, TECH_OPEN, TECH_CLOSE):
        s = s.replace(m, "")
    return s
