"""The verdict before the advisory checks end (VerdictReady): the banner and the queue chip show it,
with a note that advisory checks are still running; nothing is concluded from the pending ones."""

from __future__ import annotations

from tests.ui import reports
from ui import presenters
from ui.entry import FileEntry, State
from verifier import describe as D


def _running_with_provisional() -> tuple[FileEntry, object]:
    provisional = reports.doubao()
    entry = FileEntry(1, provisional.media.path, media=provisional.media,
                      detectors=(*(e.detector for e in provisional.evidence), "copy_move", "forensic_views"),
                      evidence={e.detector: e for e in provisional.evidence})
    entry.provisional = provisional
    return entry, provisional


def test_the_banner_shows_the_verdict_while_advisory_checks_run() -> None:
    entry, provisional = _running_with_provisional()
    assert entry.state is State.RUNNING and entry.report is None
    banner = presenters.banner_view(entry)
    assert banner.headline == D.describe(provisional, "en").headline
    assert banner.look == presenters.LOOKS[provisional.verdict.code]
    done, total = entry.progress
    assert any("Advisory checks are still running" in n and f"{done} of {total}" in n for n in banner.notes)
    word, look = presenters.chip(entry)
    assert word == presenters.chip_word(provisional.verdict.code) and look == presenters.LOOKS[provisional.verdict.code]


def test_without_a_provisional_verdict_the_banner_says_analysing() -> None:
    entry, _ = _running_with_provisional()
    entry.provisional = None
    assert presenters.banner_view(entry).headline == "Analysing…"
    assert presenters.chip(entry)[0] == "Analysing"
