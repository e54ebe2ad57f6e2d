"""Values from analysed files made printable for a report (attacker-controlled text).

Here text is only made printable (control, bidi-override and surrogate characters become U+FFFD,
very long values are cut with a note); escaping for the output markup is the renderer's job.
"""

from __future__ import annotations

import re

from ..describe import t
from ..describe.text import mark

MAX_TEXT = 1500  # characters of one value shown; the rest is cut with a note

_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ud800-\udfff]"
)


def clean(value: object, lang: str = "en", limit: int = MAX_TEXT) -> str:
    """A value from a file as printable text (marked as quoted for the tests' language check)."""
    return mark(printable(value, lang, limit))


def printable(value: object, lang: str = "en", limit: int = MAX_TEXT) -> str:
    """Any value as printable text: invisible/format characters shown as U+FFFD, cut at ``limit``."""
    if isinstance(value, bytes | bytearray):
        text = f"<{len(value)} bytes: {bytes(value[:32]).hex()}{'…' if len(value) > 32 else ''}>"
    else:
        text = value if isinstance(value, str) else str(value)
    text = _UNPRINTABLE.sub("\ufffd", text.replace("\r\n", "\n").replace("\t", " "))
    if len(text) > limit:
        text = text[:limit] + " " + t("report.truncated", lang, n=len(text) - limit)
    return text
