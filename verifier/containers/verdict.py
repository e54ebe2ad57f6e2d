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
    if carrier:
        explanation = verdict.explanation
        if verdict.member:  # carried from deeper down: name the deepest member, once
            explanation = W.uncarried(_relative(carrier, verdict.member), explanation, lang)
            carrier = verdict.member
        verdict = replace(verdict, unchecked=own.unchecked, member=carrier,
                          explanation=W.carried(_relative(path, carrier), explanation, lang))
    if limits and verdict.code is VerdictCode.NO_SIGNALS:
        incomplete = replace(verdict, code=VerdictCode.INCOMPLETE, strength=Basis.NONE, basis_signals=())
        headline, explanation = verdict_text(incomplete, (), lang)
        verdict = replace(incomplete, headline=headline, explanation=explanation)
    notes = []
    analysed = sum(1 for _, r in members if isinstance(r, Report))
    if verdict.code is VerdictCode.NO_SIGNALS and analysed:
        notes.append(W.pick(W.NONE_INSIDE, lang).format(count=analysed))
    if limits:
        sep = W.pick(W.LIST_SEPARATOR, lang)
        named = sep.join(W.limit_text(str(h.get("limit")), h.get("value"), lang) for h in limits)
        notes.append(W.pick(W.LIMITS_NOTE, lang).format(limits=named))
    if notes:
        joiner = "" if lang == "zh" else " "
        verdict = replace(verdict, explanation=joiner.join([verdict.explanation, *notes]))
    return verdict


def _relative(container: str, member: str) -> str:
    prefix = container + "#"
    return member[len(prefix):] if member.startswith(prefix) else member
