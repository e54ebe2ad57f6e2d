"""Files inside files in the window: members are rows under their container, the container's
banner names the member that carries its verdict, and removing a container removes them."""

from __future__ import annotations

from tests.verifier.containers import builders as B
from ui.entry import State

WAIT = 60_000


def _wait_idle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy(), timeout=WAIT)


def test_email_members_under_the_container(make_app, qtbot, tmp_path):
    mail = tmp_path / "mail.eml"
    mail.write_bytes(B.blackmail_eml())
    app = make_app()
    app.controller.add_paths([mail])
    _wait_idle(qtbot, app)
    queue = app.window.queue
    assert queue.topLevelItemCount() == 1
    top = queue.topLevelItem(0)
    assert top.text(0) == "mail.eml" and top.isExpanded()
    assert [top.child(i).text(0) for i in range(top.childCount())] == [
        "attachment/1/screenshot.png", "attachment/2/photo.jpg"]
    assert top.text(2) == "AI-generated"
    assert top.child(0).text(2) == "AI-generated" and top.child(1).text(2) == "No signals"
    entries = app.controller.entries
    assert all(e.state is State.DONE for e in entries.values())
    container_uid = top.data(0, 256)
    assert [entries[u].parent for u in queue.uids()] == [None, container_uid, container_uid]

    queue.select(container_uid)
    notes = app.window.report.banner.notes.text()
    assert "This comes from attachment/1/screenshot.png, inside this file." in notes
    privacy = app.window.report.privacy.table
    rows = privacy.visible_rows()
    assert ["Received (hop 1)", "10.1.2.3", "a private network address: reveals an internal network"] in rows

    queue.step(1)
    assert entries[queue.current_uid()].path.name == "screenshot.png"
    queue.step(1)
    assert entries[queue.current_uid()].path.name == "photo.jpg"

    app.controller.remove(container_uid)
    assert app.controller.entries == {} and queue.topLevelItemCount() == 0


def test_export_of_a_container_lists_its_members_after_it(make_app, qtbot, tmp_path):
    import json

    doc = tmp_path / "report.docx"
    doc.write_bytes(B.docx_with_image(B.labelled_png()))
    app = make_app()
    app.controller.add_paths([doc])
    _wait_idle(qtbot, app)
    out = tmp_path / "out.json"
    uid = app.window.queue.topLevelItem(0).data(0, 256)
    with qtbot.waitSignal(app.controller.export_finished, timeout=WAIT):
        assert app.controller.export([uid], out, "en")
    files = json.loads(out.read_text("utf-8"))["files"]
    assert [f["path"] for f in files] == [str(doc), f"{doc}#word/media/image1.png"]
    assert files[1]["parent"] == str(doc)
