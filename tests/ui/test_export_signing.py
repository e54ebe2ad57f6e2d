"""Signing an export from the window with the user's own key (verifier.signing): offered only
when a key exists, saying where it lives; the .sig beside the report checks."""

from __future__ import annotations

from pathlib import Path

from tests.ui import reports
from ui.widgets import sign_dialog
from verifier.signing import create_key, verify_report

WAIT = 60_000


def test_no_key_no_question(qtbot, monkeypatch):
    monkeypatch.setattr(sign_dialog.SignDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("asked")))
    assert sign_dialog.signing_key() is None
    assert sign_dialog.ask(None) is None


def test_the_question_names_the_key_and_where_it_lives(qtbot):
    key = create_key()
    dialog = sign_dialog.SignDialog(sign_dialog.signing_key())
    qtbot.addWidget(dialog)
    assert key.key_id in dialog.text() and str(key.path) in dialog.text()
    dialog.sign_button.click()
    assert dialog.chosen_key() == "default"
    other = sign_dialog.SignDialog(key)
    qtbot.addWidget(other)
    other.unsigned_button.click()
    assert other.chosen_key() is None


def test_a_signed_export_checks(make_app, qtbot, tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    picture = reports.picture(folder)
    before = picture.read_bytes()
    key = create_key()
    app = make_app()
    app.controller.add_paths([picture])
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy(), timeout=WAIT)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    with qtbot.waitSignal(app.controller.export_signed, timeout=WAIT) as signed, \
            qtbot.waitSignal(app.controller.export_finished, timeout=WAIT) as done:
        assert app.window.export_to(out, list(app.controller.entries), sign_key="default")
    assert done.args == [str(out), ""]
    sig = Path(signed.args[1])
    assert sig == out.with_suffix(".json").with_name("report.json.sig") and sig.is_file()
    check = verify_report(out.with_suffix(".json"))
    assert check.ok and check.signed and check.key_id == key.key_id
    assert "signed" in app.window.statusBar().currentMessage()
    assert picture.read_bytes() == before and sorted(folder.iterdir()) == [picture]
