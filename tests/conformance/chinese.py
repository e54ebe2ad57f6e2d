"""Telling the tool's own words from quoted values in a Chinese text (shared by the tests that
check the Chinese surfaces).

Values taken from a file are marked by :func:`verifier.describe.quote` (under
:func:`verifier.describe.marking`); a library's own message by :func:`verifier.describe.technical`.
Once those spans are taken out, no English word and no raw key may remain except ``ALLOWED``.
"""

from __future__ import annotations

import re

from verifier.describe.text import CLOSE, OPEN, TECH_CLOSE, TECH_OPEN

# Names a Chinese reader sees as they are, each for a reason:
ALLOWED = {
    # standards, formats and bodies that have no Chinese name in use
    "AI", "C2PA", "GB", "IPTC", "EXIF", "XMP", "JPEG", "PNG", "PDF", "HTML", "JSON", "GPS", "SHA-256", "UTC",
    "CAWG", "USCC", "OCR", "SDK", "DKIM", "SPF", "DMARC", "MIME", "ID", "IP", "URL", "RFC",
    # e-mail header names, shown as the message writes them
    "Date", "Received", "From", "Reply-To", "Return-Path",
    # vendors and marks the reader must recognise exactly as written
    "Adobe", "Google", "SynthID", "Gemini", "Meta", "OpenAI", "Midjourney",
    # the invisible-watermark scheme's own name (no Chinese name exists)
    "dwtDct",
    # libraries whose version the reader may need to quote
    "OpenCV",
    # the product's own name, and a key on the keyboard (shortcuts)
    "verifier", "Ctrl",
    # units and symbols
    "MB", "KB", "TB", "B", "ms", "s", "px", "z", "base64",
    # GB 45438's own field names, shown beside their Chinese words
    "Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2",
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
MARKED = re.compile(f"[{OPEN}{TECH_OPEN}](.*?)[{CLOSE}{TECH_CLOSE}]", re.S)
RAW_KEY = re.compile(r"\b(?:signal\.title\.|detail\.|verdict\.|reason\.|[a-z]+_[a-z_]+\b|None\b)")
FUNCTION_WORDS = {"the", "is", "not", "was", "be", "from", "of", "to", "and", "or", "by", "in", "this", "it",
                  "no", "could", "cannot", "did", "a", "an", "with", "may", "its", "are", "were", "has"}
PROSE = re.compile(r"[A-Za-z][a-z']*(?:[ ,:;]+[A-Za-z][a-z']*){4,}")


def foreign(text: str) -> list[str]:
    """English words and raw keys left once quoted file and library values are taken out."""
    bare = MARKED.sub(" ", text)
    for mark in (OPEN, CLOSE, TECH_OPEN, TECH_CLOSE):
        assert mark not in bare, f"unbalanced quote marks in {text!r}"
    words = [w for w in WORD.findall(bare) if w not in ALLOWED and not re.fullmatch(r"[A-Za-z]\d*", w)]
    return words + [k for k in RAW_KEY.findall(bare) if k not in words]


def quoted_prose(text: str) -> list[str]:
    """English sentences inside file-value quotes (library messages, marked apart, are allowed)."""
    out = []
    for m in re.finditer(f"{OPEN}(.*?){CLOSE}", text, re.S):
        for p in PROSE.finditer(m.group(1)):
            words = {w.lower() for w in re.findall(r"[A-Za-z']+", p.group())}
            if len(words & FUNCTION_WORDS) >= 2:
                out.append(p.group())
    return out
