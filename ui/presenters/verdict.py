"""The verdict banner and the queue's verdict chip: words and colours of a file's state."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from verifier import describe as D
from verifier.evidence import VerdictCode

from ..entry import FileEntry, State
from .nodes import Row, as_dict
from .words import lang


@dataclass(frozen=True, slots=True)
class Look:
    background: str
    foreground: str
    icon: str  # "ai", "warning", "critical", "question", "ok", "info", "busy"


LOOKS: dict[str, Look] = {
    VerdictCode.AI_GENERATED: Look("#b71c1c", "#ffffff", "ai"),
    VerdictCode.AI_MODIFIED: Look("#d84315", "#ffffff", "ai"),
    VerdictCode.AI_POSSIBLE: Look("#f9a825", "#000000", "warning"),
    VerdictCode.CREDENTIALS_INVALID: Look("#6a1b9a", "#ffffff", "critical"),
    VerdictCode.CREDENTIALS_UNVERIFIABLE: Look("#546e7a", "#ffffff", "question"),
    VerdictCode.SIGNED_PROVENANCE: Look("#2e7d32", "#ffffff", "ok"),
    VerdictCode.NO_SIGNALS: Look("#e0e0e0", "#000000", "info"),
    VerdictCode.INCOMPLETE: Look("#9e9e9e", "#000000", "warning"),
    "pending": Look("#e3f2fd", "#0d47a1", "busy"),
    "failed": Look("#9e9e9e", "#000000", "critical"),
    "cancelled": Look("#eeeeee", "#424242", "info"),
}


def signer_of(entry: FileEntry) -> str:
    """Who signed the active C2PA manifest (one way, verifier.describe's)."""
    ev = entry.evidence_for("c2pa")
    return D.verdict.signer(list(entry.signals), as_dict(ev.facts) if ev else {})


@dataclass(frozen=True, slots=True)
class BannerView:
    look: Look
    headline: str
    strength: str = ""
    explanation: str = ""
    notes: tuple[str, ...] = ()
    unchecked: tuple[Row, ...] = ()  # detector name, why it could not run
    also: tuple[str, ...] = ()  # corroboration by other bases; the visible label's size rule


def banner_view(entry: FileEntry | None) -> BannerView:
    if entry is None:
        return BannerView(LOOKS[VerdictCode.NO_SIGNALS],
                          QCoreApplication.translate("VerdictBanner", "Drop a file or a folder to check it"),
                          explanation=QCoreApplication.translate(
                              "VerdictBanner", "Photos, videos, audio and documents are checked for Content "
                                               "Credentials, AI labels and watermarks. Files are never changed or "
                                               "uploaded."))
    state = entry.state
    if state is State.FAILED:
        words = D.describe({"error": entry.failed or "?"}, lang())
        return BannerView(LOOKS["failed"], words.headline, explanation=words.explanation)
    if state is State.CANCELLED:
        return BannerView(LOOKS["cancelled"], QCoreApplication.translate("VerdictBanner", "Analysis cancelled"),
                          explanation=QCoreApplication.translate(
                              "VerdictBanner", "The checks were stopped before they finished: nothing is concluded "
                                               "about this file."))
    if entry.report is None and entry.provisional is not None:  # only advisory checks are left
        done, total = entry.progress
        words = D.describe(entry.provisional, lang())
        running = QCoreApplication.translate(
            "VerdictBanner", "Advisory checks are still running ({done} of {total} checks done); they never change "
                             "this verdict.").format(done=done, total=total or "?")
        return BannerView(look=LOOKS.get(entry.provisional.verdict.code, LOOKS[VerdictCode.INCOMPLETE]),
                          headline=words.headline, strength=words.strength_line, explanation=words.explanation,
                          notes=(*words.notes, running), unchecked=tuple(Row(n, w) for n, w in words.unchecked),
                          also=words.also)
    if entry.report is None:
        done, total = entry.progress
        return BannerView(LOOKS["pending"], QCoreApplication.translate("VerdictBanner", "Analysing…"),
                          explanation=QCoreApplication.translate(
                              "VerdictBanner", "{done} of {total} checks done. Findings appear below as each check "
                                               "finishes.").format(done=done, total=total or "?"))
    words = D.describe(entry.report, lang())
    return BannerView(
        look=LOOKS.get(entry.report.verdict.code, LOOKS[VerdictCode.INCOMPLETE]),
        headline=words.headline,
        strength=words.strength_line,
        explanation=words.explanation,
        notes=words.notes,
        unchecked=tuple(Row(name, why) for name, why in words.unchecked),
        also=words.also,
    )


def chip(entry: FileEntry) -> tuple[str, Look]:
    """The short verdict word of a queue row, and its colours."""
    state = entry.state
    if entry.cancelled and not entry.finished:
        return QCoreApplication.translate("QueueList", "Cancelling…"), LOOKS["cancelled"]
    if state is State.QUEUED:
        return QCoreApplication.translate("QueueList", "Waiting"), LOOKS["pending"]
    if state is State.RUNNING and entry.provisional is not None:  # the verdict is known; indicators pending
        return chip_word(entry.provisional.verdict.code), LOOKS[entry.provisional.verdict.code]
    if state is State.RUNNING:
        return QCoreApplication.translate("QueueList", "Analysing"), LOOKS["pending"]
    if state is State.FAILED:
        return QCoreApplication.translate("QueueList", "Unreadable"), LOOKS["failed"]
    if state is State.CANCELLED:
        return QCoreApplication.translate("QueueList", "Cancelled"), LOOKS["cancelled"]
    assert entry.report is not None
    code = entry.report.verdict.code
    return chip_word(code), LOOKS[code]


def chip_word(code: VerdictCode) -> str:
    """The short word the queue shows for a verdict."""
    words = {
        VerdictCode.AI_GENERATED: QCoreApplication.translate("QueueList", "AI-generated"),
        VerdictCode.AI_MODIFIED: QCoreApplication.translate("QueueList", "AI-edited"),
        VerdictCode.AI_POSSIBLE: QCoreApplication.translate("QueueList", "Possibly AI"),
        VerdictCode.CREDENTIALS_INVALID: QCoreApplication.translate("QueueList", "Tampered credentials"),
        VerdictCode.CREDENTIALS_UNVERIFIABLE: QCoreApplication.translate("QueueList", "Unverifiable"),
        VerdictCode.SIGNED_PROVENANCE: QCoreApplication.translate("QueueList", "Signed"),
        VerdictCode.NO_SIGNALS: QCoreApplication.translate("QueueList", "No signals"),
        VerdictCode.INCOMPLETE: QCoreApplication.translate("QueueList", "Incomplete"),
    }
    return words[code]


def chip_words_sample() -> str:
    """The longest verdict word of the queue in the current language (sizes its column once)."""
    words = [QCoreApplication.translate("QueueList", "Tampered credentials"),
             QCoreApplication.translate("QueueList", "Unverifiable"),
             QCoreApplication.translate("QueueList", "Cancelling…"),
             QCoreApplication.translate("QueueList", "AI-generated")]
    return max(words, key=len)


def progress_text(entry: FileEntry) -> str:
    done, total = entry.progress
    if total == 0:
        return "…" if not entry.finished else ""
    return QCoreApplication.translate("QueueList", "{done}/{total}").format(done=done, total=total)
