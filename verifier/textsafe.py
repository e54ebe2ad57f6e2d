"""Make attacker-controlled strings safe for a terminal.

Metadata values and even file names can carry ANSI escape sequences or control characters
that rewrite a terminal; they are replaced before anything is printed. File names that are not
valid UTF-8 reach Python as lone surrogates (``surrogateescape``), which cannot be printed at all;
they are replaced too.
"""

from __future__ import annotations

import re

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def for_terminal(text: str, keep_newlines: bool = False) -> str:
    text = _ANSI.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("\ufffd", text)
