"""Render the window with each verdict, in English and Chinese, to artifacts/screens/ for people to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui import reports

SCREENS = Path(__file__).resolve().parents[2] / "artifacts" / "screens"
TABS = {"ai_generated": 3, "credentials_invalid": 1, "signed_provenance": 1, "incomplete": 7}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_render_every_verdict(make_app, qtbot, language, tmp_path):
    SCREENS.mkdir(parents=True, exist_ok=True)
    app = make_app(language)
    window = app.window
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    builders = dict(reports.BY_CODE, ai_generated=lambda: reports.doubao(reports.picture(tmp_path)))
    uids = {code: app.controller.add_report(build()) for code, build in builders.items()}
    uids["chatgpt"] = app.controller.add_report(reports.chatgpt())
    uids["malformed"] = app.controller.add_report(reports.malformed())
    for name, uid in uids.items():
        window.queue.select(uid)
        assert window.report.entry is app.controller.entries[uid]
        window.report.tabs.setCurrentIndex(TABS.get(name, 1 if name == "chatgpt" else 0))
        qtbot.wait(1)  # let the layout settle before grabbing (an event-loop turn, not a sleep on a result)
        out = SCREENS / f"{name}_{language}.png"
        assert window.grab().save(str(out))
        assert out.stat().st_size > 10_000


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_render_dialogs(make_app, qtbot, language):
    from ui.widgets.about_dialog import AboutDialog
    from ui.widgets.help_dialog import HelpDialog
    from ui.widgets.settings_dialog import SettingsDialog

    SCREENS.mkdir(parents=True, exist_ok=True)
    app = make_app(language)
    for name, dialog in (("settings", SettingsDialog(app.settings)),
                         ("about", AboutDialog({"version": "0.1.0", "c2pa_sdk": "c2pa-python 0.38.1",
                                                "trust_lists": ["c2pa-official@0123456789ab"], "python": "3.11"})),
                         ("help", HelpDialog())):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        out = SCREENS / f"dialog_{name}_{language}.png"
        assert dialog.grab().save(str(out))
