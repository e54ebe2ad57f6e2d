"""A picture found inside another file (an e-mail's PNG attachment) gets its thumbnail in the queue
and its picture on the Overview: read again from the container in memory, off the GUI thread,
with nothing written beside the input and the input unchanged."""

from __future__ import annotations

import hashlib
from email.policy import SMTP
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QColor

from tests.ui.test_pictures import drop
from tests.verifier.containers import builders as B

WAIT = 60_000


def png(colour: tuple[int, int, int], size: tuple[int, int]) -> bytes:
    import io

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def test_an_email_attachment_gets_a_thumbnail_and_a_picture(make_app, qtbot, tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    mail = folder / "mail.eml"
    mail.write_bytes(B.email_message([("green.png", "image/png", png((20, 200, 40), (120, 80))),
                                      ("notes.txt", "text/plain", b"no picture here")]).as_bytes(policy=SMTP))
    before = hashlib.sha256(mail.read_bytes()).hexdigest()
    app = make_app()
    drop(app.window.drop_area, mail)
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy(), timeout=WAIT)
    queue = app.window.queue
    by_name = {str(app.controller.entries[u].path)[len(str(folder)) + 1:]: u for u in queue.uids()}
    container, picture = by_name["mail.eml"], by_name["mail.eml#attachment/1/green.png"]
    qtbot.waitUntil(lambda: queue.thumbnail_of(picture) is not None, timeout=WAIT)
    thumb = queue.thumbnail_of(picture).pixmap(queue.iconSize()).toImage()
    centre = QColor(thumb.pixel(thumb.width() // 2, thumb.height() // 2))
    assert (centre.red(), centre.green(), centre.blue()) == (20, 200, 40)  # the attachment's own pixels
    assert queue.thumbnail_of(container) is None  # an e-mail has no picture of its own

    queue.select(picture)
    shown = app.window.report.overview.picture
    qtbot.waitUntil(lambda: shown.source is not None, timeout=WAIT)
    img = shown.source.toImage()
    assert (img.width(), img.height()) == (120, 80)
    assert QColor(img.pixel(60, 40)).getRgb()[:3] == (20, 200, 40)

    assert hashlib.sha256(mail.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["mail.eml"]  # nothing written beside it


def test_a_photo_in_a_zip_attached_to_an_email_gets_a_thumbnail(make_app, qtbot, tmp_path):
    """A member of a member: the ZIP is read from the e-mail in memory, the photo from the ZIP."""
    import tempfile

    folder = tmp_path / "evidence"
    folder.mkdir()
    archive = B.zip_of([("notes.txt", b"see the photo"), ("holiday/red.png", png((210, 30, 30), (90, 60)))])
    mail = folder / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", archive)]).as_bytes(policy=SMTP))
    before = hashlib.sha256(mail.read_bytes()).hexdigest()
    app = make_app()
    drop(app.window.drop_area, mail)
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy(), timeout=WAIT)
    temp = sorted(Path(tempfile.gettempdir()).iterdir())
    queue = app.window.queue
    by_name = {str(app.controller.entries[u].path)[len(str(folder)) + 1:]: u for u in queue.uids()}
    picture = by_name["mail.eml#attachment/1/photos.zip#holiday/red.png"]
    qtbot.waitUntil(lambda: queue.thumbnail_of(picture) is not None, timeout=WAIT)
    thumb = queue.thumbnail_of(picture).pixmap(queue.iconSize()).toImage()
    centre = QColor(thumb.pixel(thumb.width() // 2, thumb.height() // 2))
    assert (centre.red(), centre.green(), centre.blue()) == (210, 30, 30)  # the photo's own pixels
    assert queue.thumbnail_of(by_name["mail.eml#attachment/1/photos.zip"]) is None

    queue.select(picture)
    shown = app.window.report.overview.picture
    qtbot.waitUntil(lambda: shown.source is not None, timeout=WAIT)
    assert (shown.source.width(), shown.source.height()) == (90, 60)

    assert hashlib.sha256(mail.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["mail.eml"]  # nothing written beside it
    assert sorted(Path(tempfile.gettempdir()).iterdir()) == temp  # nor in the temporary folder


def test_export_decodes_the_report_thumbnails_off_the_gui_thread(make_app, qtbot, tmp_path, monkeypatch):
    """Exporting a report decodes each picture for its file page: that work runs on a pool thread,
    and the window goes on meanwhile."""
    import threading

    import verifier.thumbnails as thumbs

    photo = tmp_path / "photo.png"
    photo.write_bytes(png((200, 40, 40), (640, 480)))
    app = make_app()
    app.controller.add_paths([photo])
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy(), timeout=WAIT)
    gate, seen = threading.Event(), []
    real = thumbs.thumbnails

    def slow(files):
        seen.append(threading.current_thread() is threading.main_thread())
        gate.wait(10)  # the decoding takes as long as the test wants
        return real(files)

    monkeypatch.setattr(thumbs, "thumbnails", slow)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    uid = next(iter(app.controller.entries))
    with qtbot.waitSignal(app.controller.export_finished, timeout=WAIT) as done:
        assert app.controller.export([uid], out, "en")  # returns while the thumbnails are decoded
        qtbot.waitUntil(lambda: bool(seen))
        assert seen == [False]  # not on the GUI thread
        qtbot.wait(50)  # the event loop runs meanwhile
        gate.set()
    assert done.args[1] == ""
    assert "data:image/jpeg;base64," in out.read_text("utf-8")  # the picture made it onto its page


def test_the_window_reads_a_nested_picture_within_the_preview_limits(tmp_path):
    from io import BytesIO

    from ui.picture_loader import PREVIEW_LIMITS, preview_bytes
    from ui.presenters import Preview
    from verifier.containers.limits import MemberLimits

    buf = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buf, "JPEG")
    jpeg = buf.getvalue()
    archive = B.zip_of([("photo.jpg", jpeg)])
    folder = tmp_path / "evidence"
    folder.mkdir()
    mail = folder / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", archive)]).as_bytes(policy=SMTP))
    shown = Path(f"{mail}#attachment/1/photos.zip")
    assert preview_bytes(Preview(container=shown, place="photo.jpg", sha256=sha256(jpeg))) == jpeg
    assert preview_bytes(Preview(container=shown, place="photo.jpg", sha256=sha256(archive))) is None
    assert PREVIEW_LIMITS.depth == MemberLimits().depth and PREVIEW_LIMITS.member_size <= MemberLimits().member_size
    assert sorted(p.name for p in folder.iterdir()) == ["mail.eml"]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
