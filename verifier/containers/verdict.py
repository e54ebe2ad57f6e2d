"""A container's verdict: the first code of the verdict table that it or any member reaches.

The table's order is :data:`verifier.verdict.RULES` (``incomplete`` before ``no_signals``: a
member that could not be analysed means "nothing found" cannot be said of the whole). When a
member carries the verdict, its code, strength and basis become the container's and
``Verdict.member`` names it (the deepest one, when containers nest); a limit that stopped the
reading turns "nothing found" into ``incomplete``. The words are :mod:`verifier.describe`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..evidence import Basis, Report, Verdict, VerdictCode
from ..verdict import RULES

ORDER: tuple[VerdictCode, ...] = tuple(rule.code for rule in RULES)


def rank(code: VerdictCode) -> int:
    return ORDER.index(code)


def combine(own: Verdict, members: Sequence[tuple[str, Report | str | None]],
            limits: Sequence[dict[str, Any]]) -> Verdict:
    """``members``: (each member's path, its report, the message of its failure, or None when it
    was never analysed)."""
    verdict, carrier = own, ""
    for member_path, result in members:
        if result is None:
            continue
        theirs = result.verdict if isinstance(result, Report) else Verdict(VerdictCode.INCOMPLETE, Basis.NONE)
        if rank(theirs.code) < rank(verdict.code):
            verdict, carrier = theirs, member_path
    if carrier:  # carried from deeper down: the deepest member is named
        verdict = replace(verdict, unchecked=own.unchecked, member=verdict.member or carrier)
    if limits and verdict.code is VerdictCode.NO_SIGNALS:
        verdict = replace(verdict, code=VerdictCode.INCOMPLETE, strength=Basis.NONE, basis_signals=())
    return verdict
