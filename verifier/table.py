"""The scan table: one line per file, for the terminal (``verifier scan`` and archive sweeps)."""

from __future__ import annotations

from .describe import describe, technical
from .describe.indicators import indicator_lines, indicator_note
from .textsafe import for_terminal

HEADER = f"{'VERDICT':<25} {'STRENGTH':<9} FILE  [SIGNALS]  MEANING"


def _signal_label(s: dict) -> str:
    """``id`` or ``id@placement`` when the signal says where it was found (metadata labels)."""
    details = s.get("details")
    where = details.get("placements") or details.get("placement") if isinstance(details, dict) else None
    if isinstance(where, list):
        where = "+".join(str(w) for w in where[:4])
    return f"{s['id']}@{where}" if where else str(s["id"])


def row(d: dict, lang: str = "en", depth: int = 0) -> str:
    """One line per file: codes and signal ids for scripts, then the verdict and any check that did
    not complete in the reader's words (from verifier.describe, as every other surface). A file
    found inside another (``depth`` > 0) is indented under it and shown by its place in it."""
    v = d["verdict"]
    path = str(d["path"])
    parent = d.get("parent")
    if parent and depth and path.startswith(parent + "#"):
        path = "  " * depth + "#" + path[len(parent) + 1:]
    ids = sorted({_signal_label(s) for s in d.get("signals", []) if s["id"] != "c2pa.manifest"})
    words = describe(d, lang)
    said = words.headline if words.readable else f"{words.headline}: {technical(d.get('error'))}"
    failed = "".join(f"  ! {names}: {why}" for names, why in words.unchecked)  # one per reason
    note = indicator_note(d, lang)  # advisory: after the verdict, never part of it
    advisory = f"  ~ {note}" if note else ""
    line = for_terminal(f"{v['code']:<25} {v['strength']:<9} {path}  [{', '.join(ids)}]  {said}{failed}{advisory}")
    # reference photos the file shares pixels with, one per line under the row (advisory)
    return line + "".join("\n    ~ " + for_terminal(s) for s in indicator_lines(d, lang, ("reference.match",)))
