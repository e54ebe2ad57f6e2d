"""A container's verdict: the first code of the verdict table that it or any member reaches.

The table's order is :data:`verifier.verdict.RULES` (``incomplete`` before ``no_signals``: a
member that could not be analysed means "nothing found" cannot be said of the whole). When a
member carries the verdict, its code, strength and basis become the container's and the
explanation names the member; a limit that stopped the reading is always said, and turns
"nothing found" into ``incomplete``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..evidence import Basis, Report, Verdict, VerdictCode
from ..messages import verdict_text
from ..verdict import RULES
from . import wording as W

ORDER: tuple[VerdictCode, ...] = tuple(rule.code for rule in RULES)


def rank(code: VerdictCode) -> int:
    return ORDER.index(code)


def _member_verdict(result: Report | str) -> Verdict:
    if isinstance(result, Report):
        return result.verdict
    return Verdict(VerdictCode.INCOMPLETE, Basis.NONE, headline="", explanation=result)


def combine(path: str, own: Verdict, members: Sequence[tuple[str, Report | str | None]],
            limits: Sequence[dict[str, Any]], lang: str) -> Verdict:
    """``path``: the container's own path; ``members``: (each member's path, its report or the
    message of its failure, or None when it was never analysed)."""
    verdict = own
    carrier = ""
    for member_path, result in members:
        if result is None:
            continue
        theirs = _member_verdict(result)
        if rank(theirs.code) < rank(verdict.code):
            verdict, carrier = theirs, member_path
    explanation = verdict.explanation
    if carrier:
        if verdict.member:  # carried from deeper down: name the deepest member, once
            explanation = W.uncarried(W.relative(carrier, verdict.member), explanation, lang)
            carrier = verdict.member
        verdict = replace(verdict, unchecked=own.unchecked, member=carrier)
    if limits and verdict.code is VerdictCode.NO_SIGNALS:
        verdict = replace(verdict, code=VerdictCode.INCOMPLETE, strength=Basis.NONE, basis_signals=())
        verdict = replace(verdict, headline=verdict_text(verdict, (), lang)[0])
        explanation = verdict_text(verdict, (), lang)[1]
    analysed = sum(1 for _, r in members if isinstance(r, Report))
    return replace(verdict, explanation=W.explain(
        explanation, lang, member=W.relative(path, carrier) if carrier else "", limits=limits,
        none_inside=analysed if verdict.code is VerdictCode.NO_SIGNALS else 0))
