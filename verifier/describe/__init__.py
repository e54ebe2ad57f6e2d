"""One voice for every finding: the words of a result, in English or Chinese, for every surface.

``fuse`` and the detectors emit codes (verdict codes, signal ids, detail keys, reason codes);
:func:`describe` turns one analysed file — a :class:`~verifier.evidence.Report` or the contract's
file dict — into the sentences and labelled rows the CLI, the JSON document, the HTML/PDF reports
and the window show. Qt-free; the phrases live in :mod:`verifier.describe.catalogue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import signals as S
from . import verdict as V
from .members import container_notes
from .facts import coded
from .checks import detector_name, reason_text, status_text, unchecked_rows
from .read import detector_of, file_parts, get, sval
from .signals import Item, detail_label, detail_value, gist, signal_title, term
from .text import LANGS, has, joined, lang_of, marking, quote, t, technical, unmarked

__all__ = ["LANGS", "coded", "Description", "has", "Item", "SignalText", "describe", "detail_label", "detail_value",
           "detector_name", "gist", "joined", "lang_of", "marking", "quote", "reason_text", "signal_title",
           "status_text", "t", "technical", "term", "unmarked", "verdict_words"]


@dataclass(frozen=True, slots=True)
class SignalText:
    id: str
    title: str
    summary: str
    detector: str
    confidence: str
    claim: str
    basis: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Description:
    code: str
    headline: str
    explanation: str  # the verdict's own explanation
    notes: tuple[str, ...]  # said beside it (signer standing, tampering, why not verifiable…)
    strength: str  # the basis, one word
    strength_line: str  # the banner's line on what the verdict rests on
    basis: str  # the "Basis: …" sentence
    signer: str
    also: tuple[str, ...]
    unchecked: tuple[tuple[str, str], ...]  # (check, why)
    signals: tuple[SignalText, ...]
    checks: tuple[tuple[str, str, str], ...]  # (check, outcome, why — "" when it ran)
    lang: str = "en"
    readable: bool = True

    @property
    def full_explanation(self) -> str:
        """Everything in one paragraph (the JSON ``explanation``, the CLI, the reports)."""
        lang = self.lang
        parts = [self.explanation]
        if self.signer:
            parts.append(t("verdict.note.signed_by", lang, signer=self.signer))
        parts += [*self.notes, self.basis]
        if self.unchecked:
            parts.append(t("verdict.note.unchecked", lang, names=joined([n for n, _ in self.unchecked], lang)))
        return t("sep.sentence", lang).join(p for p in parts if p)


def verdict_words(code: str, strength: str, signals: list[Any], lang: str) -> tuple[str, str]:
    """Headline and explanation (with the notes the signals alone call for) of a verdict."""
    code, strength = str(code), str(strength)
    parts = [V.explanation(code, signals, lang), *V.notes(code, strength, signals, {}, lang)]
    return V.headline(code, signals, lang), t("sep.sentence", lang).join(p for p in parts if p)


def _unreadable(file: Any, lang: str) -> Description:
    why = technical(get(file, "error") or "?", 2000)  # the system's own message (no such file…)
    return Description(code="incomplete", headline=t("verdict.headline.unreadable", lang),
                       explanation=t("verdict.explanation.unreadable", lang, why=why), notes=(),
                       strength=term("basis", "none", lang), strength_line="", basis="", signer="", also=(),
                       unchecked=(), signals=(), checks=(), lang=lang, readable=False)


def describe(file: Any, lang: str = "en", rows: bool = True) -> Description:
    """The words of one analysed file (a Report, or a contract file dict — also one that failed).
    ``rows`` False: without the labelled rows only pages show (each signal's detail ``items``, the
    per-check ``checks``), left empty; every sentence is the same (the JSON document needs no rows)."""
    lang = lang_of(lang)
    if isinstance(file, dict) and file.get("error"):
        return _unreadable(file, lang)
    verdict, sigs, detectors, facts = file_parts(file)
    code, strength = sval(verdict, "code", "incomplete"), sval(verdict, "strength", "none")
    signer = V.signer(sigs, facts.get("c2pa"))
    signed = code == "signed_provenance" or strength == "signed"
    checks = []
    for e in detectors if rows else ():
        status = sval(e, "status")
        why = "" if status == "ok" or (status == "not_applicable" and not get(e, "error")) else reason_text(e, lang)
        checks.append((detector_name(detector_of(e), lang), status_text(status, lang), why))
    return Description(
        code=code,
        headline=V.headline(code, sigs, lang),
        explanation=V.explanation(code, sigs, lang),
        notes=(*container_notes(file, lang), *V.notes(code, strength, sigs, facts, lang)),
        strength=term("basis", strength, lang),
        strength_line=V.strength_line(strength, signer if signed else "", lang),
        basis=V.basis_sentence(strength, lang),
        signer=signer if signed else "",
        also=tuple(V.also_lines(sigs, verdict, lang)),
        unchecked=tuple(unchecked_rows(verdict, detectors, lang)),
        signals=tuple(SignalText(
            id=sval(s, "id"), title=signal_title(sval(s, "id"), lang), summary=S.summary(s, lang),
            detector=detector_name(sval(s, "detector"), lang), confidence=term("confidence", sval(s, "confidence"), lang),
            claim=term("claim", sval(s, "claim", "none"), lang), basis=term("basis", sval(s, "basis", "none"), lang),
            items=S.detail_items(s, lang) if rows else ()) for s in sigs),
        checks=tuple(checks),
        lang=lang,
    )
