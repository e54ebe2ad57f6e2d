"""The words of one file's page in a report: the evidence in short lines with their strength, what
was not checked and why, the checks in three lines, the regions to outline on its picture, and
what kind of file it is (for a placeholder when there is no picture).

Reads a :class:`~verifier.evidence.Report` or the contract's file dict alike, like the rest of
:mod:`verifier.describe`; the sentences come from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .checks import detector_name
from .indicators import Box, box_of, describe_indicators, indicator_text
from .read import details, detector_of, file_parts, get, sval
from .signals import gist, signal_title, term
from .text import joined, quote, t

SHOWN = 6  # lines of one list on the page; the rest is in the appendix
KINDS = (("image/", "image"), ("video/", "video"), ("audio/", "audio"), ("text/", "text"),
         ("message/rfc822", "email"), ("application/mbox", "email"), ("application/zip", "archive"),
         ("application/pdf", "document"), ("application/vnd.openxmlformats", "document"),
         ("application/msword", "document"))


@dataclass(frozen=True, slots=True)
class Region:
    """A box to outline on the file's picture, in the picture's own pixels, numbered from 1."""

    box: Box
    number: int
    label: str  # "1: visible label 'AI生成'"


@dataclass(frozen=True, slots=True)
class PageWords:
    evidence: tuple[str, ...]
    evidence_more: str  # "… and 3 more" ("" when all are shown)
    not_checked: tuple[str, ...]
    checks: tuple[str, ...]  # "Ran: …", "Does not apply: …", "Not run: …"
    advisory: tuple[str, ...]
    regions: tuple[Region, ...]


def kind_word(media_type: object, lang: str) -> str:
    """The kind of file in one word (a placeholder's text when the report has no picture of it)."""
    mt = str(media_type or "").lower()
    kind = next((k for prefix, k in KINDS if mt.startswith(prefix)), "other")
    return t(f"report.kind.{kind}", lang)


def _more(n: int, lang: str) -> str:
    return t("report.page.more", lang, n=n) if n > 0 else ""


def regions(file: Any, lang: str) -> tuple[Region, ...]:
    """Found labels (text or logo, on a still picture) and the regions of advisory indicators."""
    _, sigs, _, _ = file_parts(file)
    found: list[tuple[Box, str]] = []
    for s in sigs:
        d = details(s)
        box = box_of(d.get("box"))
        if sval(s, "id") != "visible_label" or box is None or d.get("at_seconds") is not None:
            continue
        if d.get("text"):
            found.append((box, t("report.page.visible_label", lang, text=quote(d["text"], 80))))
        else:
            found.append((box, t("report.page.visible_logo", lang, text=quote(d.get("logo") or "?", 80))))
    for ind in describe_indicators(file, lang).indicators:
        found += [(o.box, ind.title if len(ind.outlines) == 1 else f"{ind.title} ({o.label})") for o in ind.outlines]
    return tuple(Region(box, n, t("report.page.outline_label", lang, n=n, what=what))
                 for n, (box, what) in enumerate(found[:12], 1))


def _checks(detectors: list[Any], lang: str) -> tuple[str, ...]:
    ran: list[str] = []
    na: list[str] = []
    not_run: list[str] = []
    for e in detectors:
        status, name = sval(e, "status"), detector_name(detector_of(e), lang)
        (ran if status == "ok" else na if status == "not_applicable" else not_run).append(name)
    out = []
    for key, names in (("ran", ran), ("not_applicable", na), ("not_run", not_run)):
        if names:
            out.append(t(f"report.page.checks_{key}", lang, names=joined(names, lang)))
    return tuple(out)


def _advisory(file: Any, lang: str) -> tuple[str, ...]:
    """One short line per advisory indicator; a reference match names the reference, its hash, the
    region in both pictures and the strength of the match."""
    out = []
    raws = [i for i in get(file, "indicators") or () if isinstance(i, dict) or not isinstance(file, dict)]
    for w, raw in zip(describe_indicators(file, lang).indicators[:SHOWN], raws, strict=False):
        if w.id == "reference.match" and isinstance(raw, dict):
            line = indicator_text(raw, lang)
            sha = details(raw).get("reference_sha256")
            out.append(line + (t("sep.sentence", lang) + t("report.page.reference_hash", lang, sha=quote(sha, 80))
                               if sha else ""))
        else:
            out.append(f"{w.title}: {w.summary}")
    return tuple(out)


def page_words(file: Any, unchecked: tuple[tuple[str, str], ...], lang: str) -> PageWords:
    """The file page's lists (``unchecked``: :attr:`Description.unchecked`, already worded)."""
    _, sigs, detectors, _ = file_parts(file)
    lines = [t("report.page.evidence_line", lang, title=signal_title(sval(s, "id"), lang), what=gist(s, lang),
               strength=term("basis", sval(s, "basis", "none"), lang)) for s in sigs]
    missing = [t("report.page.not_checked_line", lang, check=c, why=why) for c, why in unchecked]
    return PageWords(
        evidence=tuple(lines[:SHOWN]), evidence_more=_more(len(lines) - SHOWN, lang),
        not_checked=tuple(missing[:SHOWN]) + ((_more(len(missing) - SHOWN, lang),) if len(missing) > SHOWN else ()),
        checks=_checks(detectors, lang), advisory=_advisory(file, lang), regions=regions(file, lang))
