"""The Case menu and panel: analysed files and exports are logged; status and notes per file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from verifier import case

WAIT = 60_000


def _analyse(qtbot, app, path: Path) -> None:
    with qtbot.waitSignal(app.controller.idle, timeout=WAIT):
        app.window.add_paths([path])
    qtbot.waitUntil(lambda: all(e.finished for e in app.controller.entries.values()), timeout=WAIT)


def test_case_logs_files_exports_status_and_notes(make_app, qtbot, tmp_path: Path) -> None:
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    src = evidence / "caption.txt"
    src.write_text("本内容由人工智能生成\n", encoding="utf-8")
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    app = make_app()
    panel = app.window.case_ui.panel
    assert not panel.status.isEnabled()  # no case open
    folder = tmp_path / "case"
    assert app.case.create(folder, "Flood photos")
    _analyse(qtbot, app, src)
    (uid,) = app.controller.entries
    app.window.queue.select(uid)
    qtbot.waitUntil(lambda: panel.sha256 == before, timeout=WAIT)
    assert panel.status.isEnabled() and panel.case.text() == "Flood photos"

    index = panel.status.findData("to_check")
    panel.status.setCurrentIndex(index)
    panel.status.activated.emit(index)
    panel.note.setText("ask the agency for the original")
    panel.add.click()
    assert "ask the agency for the original" in panel.notes.toPlainText()
    assert panel.status.currentData() == "to_check"

    out = tmp_path / "out" / "r.pdf"
    out.parent.mkdir()
    with qtbot.waitSignal(app.controller.export_finished, timeout=WAIT) as sig:
        assert app.window.export_to(out, [uid])
    assert sig.args == [str(out), ""]

    entries = case.entries(folder)
    assert [e["kind"] for e in entries] == ["opened", "examined", "status", "note", "exported"]
    assert entries[1]["data"]["sha256"] == before and entries[1]["data"]["path"] == str(src)
    export = entries[-1]["data"]
    assert export["fingerprint"] == hashlib.sha256((out.parent / "r.json").read_bytes()).hexdigest()
    assert export["files"] == 1 and export["path"] == str(out)
    assert json.loads((out.parent / "r.json").read_bytes())["files"][0]["sha256"] == before
    assert case.verify(folder).ok
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in evidence.iterdir()) == ["caption.txt"]

    app.case.close()
    assert not panel.status.isEnabled()
    assert app.case.open(folder) and panel.case.text() == "Flood photos"
    assert panel.status.currentData() == "to_check"  # read back from the log


def test_opening_a_tampered_case_says_so(make_app, qtbot, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "case"
    case.new_case(folder, "t")
    case.append(folder, "examined", {"path": "x", "sha256": "ab" * 32})
    lines = (folder / "case.jsonl").read_bytes().splitlines(keepends=True)
    (folder / "case.jsonl").write_bytes(lines[0])  # the last entry deleted
    shown: list[str] = []
    monkeypatch.setattr("ui.case_ui.inform", lambda _parent, _title, text, warning=False: shown.append(text))
    app = make_app()
    assert not app.case.open(folder)
    assert len(shown) == 1 and "deleted from the end" in shown[0]
    assert app.case.folder is None and not app.window.case_ui.panel.status.isEnabled()


def test_the_case_outlives_a_language_change(inline_config, qtbot, tmp_path: Path) -> None:
    """The old window is really deleted (not left to qtbot): its panel and slots must not be reached."""
    from ui import i18n
    from ui.app import App
    from ui.settings import Settings

    src = tmp_path / "a.txt"
    src.write_text("hello\n")
    app = App(Settings(language="en", ocr=False), base_config=inline_config, persist=False)
    try:
        folder = tmp_path / "case"
        assert app.case.create(folder, "t")
        _analyse(qtbot, app, src)
        old = app.window
        app.apply_settings(Settings(language="zh_CN", ocr=False))
        assert app.window is not old
        qtbot.waitUntil(lambda: not app.window.findChildren(type(old)), timeout=WAIT)
        qtbot.wait(50)  # deleteLater has run: the old window and its CaseUi are gone
        (uid,) = app.controller.entries
        app.window.queue.select(uid)
        panel = app.window.case_ui.panel
        qtbot.waitUntil(lambda: panel.sha256 is not None, timeout=WAIT)
        assert panel.add.text() == "添加备注"
        panel.note.setText("after the switch")
        panel.add.click()
        assert [e["kind"] for e in case.entries(folder)] == ["opened", "examined", "note"]
        assert "after the switch" in panel.notes.toPlainText()
    finally:
        app.shutdown()
        app.window.close()
        app.window.deleteLater()
        i18n.install("en")


def test_a_case_remembers_its_reference_folder(make_app, tmp_path: Path) -> None:
    """Choosing a reference folder while a case is open records it in the case's log; opening the
    case later (in a new session whose settings name another folder) brings it back."""
    ours, other = tmp_path / "press-photos", tmp_path / "other-refs"
    ours.mkdir()
    other.mkdir()
    folder = tmp_path / "case"
    app = make_app()
    assert app.case.create(folder, "Blackmail e-mail")
    app.apply_settings(app.settings.with_(reference_dir=str(ours)))
    assert case.reference_folder(case.entries(folder)) == str(ours)
    app.apply_settings(app.settings.with_(reference_dir=str(ours)))  # unchanged: no second entry
    assert sum(e["kind"] == "reference" for e in case.entries(folder)) == 1
    assert case.verify(folder).ok

    later = make_app()
    later.apply_settings(later.settings.with_(reference_dir=str(other)))
    assert later.case.open(folder)
    assert later.settings.reference_dir == str(ours)
    assert later.controller.config.reference_dirs == (ours,)
    assert sum(e["kind"] == "reference" for e in case.entries(folder)) == 1  # bringing it back records nothing


def test_a_case_without_a_reference_folder_leaves_the_settings_alone(make_app, tmp_path: Path) -> None:
    refs = tmp_path / "refs"
    refs.mkdir()
    app = make_app()
    app.apply_settings(app.settings.with_(reference_dir=str(refs)))
    folder = tmp_path / "case"
    assert case.new_case(folder, "No references")
    assert app.case.open(folder)
    assert app.settings.reference_dir == str(refs)
    assert case.reference_folder(case.entries(folder)) is None
