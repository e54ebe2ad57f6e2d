"""A picture found inside another file (an e-mail's PNG attachment) gets its thumbnail in the queue
and its picture on the Overview: read again from the container in memory, off the GUI thread,
with nothing written beside the input and the input unchanged."""

from __future__ import annotations

import hashlib
from email.policy import SMTP

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
