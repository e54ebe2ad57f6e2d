"""The throwaway detector (tests/throwaway.py), registered with no other edit, in the window: its
finding in the panel its spec names, with its details labelled, in English and Chinese; its name
and time limit in the Settings dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.throwaway import register
from tests.ui.test_panels import tree_rows
from ui.entry import State

WAIT = 60_000


@pytest.mark.parametrize(("language", "title", "label", "strokes"), [
    ("en", "Ink mark of the throwaway check", "Colour of the ink mark", "Strokes counted"),
    ("zh_CN", "临时检查的墨迹标记", "墨迹标记的颜色", "笔画数"),
])
def test_its_finding_shows_in_the_panel_its_spec_names(make_app, qtbot, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, language: str, title: str,
                                                       label: str, strokes: str) -> None:
    register(monkeypatch)
    note = tmp_path / "note.txt"
    note.write_text("a plain note with nothing to declare\n", "utf-8")
    app = make_app(language)
    (uid,) = app.controller.add_paths([note])
    qtbot.waitUntil(lambda: app.controller.entries[uid].state is State.DONE, timeout=WAIT)
    app.window.queue.select(uid)
    rows = tree_rows(app.window.report.ai_labels.tree)  # spec.view == "ai_labels"
    assert any(head.startswith(title) for head, _ in rows), rows
    assert (label, "cerulean") in rows and (strokes, "7") in rows
    assert not any(head.startswith(title) for head, _ in tree_rows(app.window.report.watermarks.tree))


def test_settings_list_it_with_its_time_limit(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    register(monkeypatch)
    from ui.settings import Settings
    from ui.widgets.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(language="en"))
    qtbot.addWidget(dialog)
    assert dialog.timeouts["throwaway_ink"].value() == 7.0
    assert dialog.value().to_config().timeout_for("throwaway_ink") == 7.0
