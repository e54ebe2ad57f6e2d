"""Any value from a file as one line of plain text: bounded, and with invisible characters shown.

Strings inside files are attacker-controlled. Widgets show them as plain text (never rich text);
this module also makes control characters and bidirectional overrides visible, so that a
U+202E inside a file name cannot disguise ``gpj.exe`` as ``exe.jpg``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier.describe.text import mark

_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
MAX_TEXT = 20_000  # characters of one value shown in a cell (the export keeps everything)


def text(value: Any, limit: int = MAX_TEXT) -> str:
    """Any JSON-able value as one plain string (never markup), cut at ``limit`` characters."""
    if value is None:
        s = ""
    elif isinstance(value, str):
        s = value
    elif isinstance(value, bool):
        s = QCoreApplication.translate("Values", "yes") if value else QCoreApplication.translate("Values", "no")
    elif isinstance(value, int | float):
        s = str(value)
    elif isinstance(value, bytes | bytearray):
        s = QCoreApplication.translate("Values", "{n} bytes of binary data").format(n=len(value))
    else:
        try:
            s = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            s = str(value)
    if len(s) > limit:
        s = s[:limit] + QCoreApplication.translate("Values", "… ({n} more characters)").format(n=len(s) - limit)
    return mark(_INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", s))  # marked as quoted only in tests
