"""The checks (detectors): their names, outcomes, and why one did not complete.

A failed check carries a reason code (``Evidence.reason``: ``timeout``, ``crashed``,
``out_of_memory``…) and its parameters, set where the failure is built; it is worded here. The
English ``error`` text stays in the JSON for compatibility and is shown, quoted, as a technical
detail when no reason code says more.
"""

from __future__ import annotations

from typing import Any

from .kinds import detector_title
from .read import detector_of, get, sval
from .text import has, joined, lang_of, quote, t, t_or, technical

FAILED = ("error", "timeout")
# failures whose English message says more than the code's words (it names the library's complaint)
PRECISE_IN_ENGLISH = ("failed", "truncated", "bomb", "out_of_memory", "audio_undecodable", "pixels_undecodable",
                      "video_unreadable")
NOT_RUN = ("error", "timeout", "skipped")


def detector_name(name: str, lang: str) -> str:
    """The title its spec declares (verifier.detectors.spec); an unknown name is quoted."""
    return detector_title(name, lang) or quote(name, 200)


def status_text(status: str, lang: str) -> str:
    return t_or(f"status.{status}", lang, quote(status, 100))


def reason_text(ev: Any, lang: str) -> str:
    """Why a check did not complete (or, for not_applicable, why it did not apply), in ``lang``."""
    if ev is None:
        return t("reason.no_result", lang)
    reason = sval(ev, "reason")
    params = get(ev, "reason_params") or {}
    error = str(get(ev, "error") or "")
    status = sval(ev, "status")
    if reason and has(f"reason.{reason}"):
        shown = {k: quote(v, 300) for k, v in params.items() if k != "detail"} if isinstance(params, dict) else {}
        try:
            words = t(f"reason.{reason}", lang, **shown)
        except (KeyError, IndexError):  # a parameter missing: the words without it
            words = t(f"reason.{reason}", lang) if "{" not in t(f"reason.{reason}", "en") else error
        detail = params.get("detail") if isinstance(params, dict) else None
        if lang_of(lang) == "en" and error and reason in PRECISE_IN_ENGLISH:
            return quote(error, 500)  # the precise English message already says it all
        if detail:
            return t("reason.technical", lang, reason=words, detail=technical(detail, 500))
        return words
    if error:
        if lang_of(lang) == "en":
            return quote(error, 500)
        base = status_text(status, lang) if status in ("not_applicable", "timeout") else t("reason.failed", lang)
        return t("reason.technical", lang, reason=base, detail=technical(error, 500))
    if status == "timeout":
        return t("reason.timeout", lang, seconds="?")
    return status_text(status, lang)


def unchecked_rows(verdict: Any, detectors: list[Any], lang: str) -> list[tuple[str, str]]:
    """(checks, why) for the checks the verdict does not cover: one row per reason, the checks
    that share it named together (three deep checks held on request are one row, not three)."""
    by_name = {detector_of(e): e for e in detectors}
    names = [str(n) for n in get(verdict, "unchecked") or ()]
    names += [n for n, e in by_name.items() if sval(e, "status") in FAILED and n not in names]
    rows = [(detector_name(n, lang), reason_text(by_name.get(n), lang)) for n in names]
    reasons: dict[str, list[str]] = {}  # checks not run for the same reason: one row, named together
    for name, why in rows:
        reasons.setdefault(why, []).append(name)
    return [(joined(group, lang), why) for why, group in reasons.items()]
