"""The window's pictures: the Overview's preview with every found box outlined, the queue's
thumbnails, the ingredient tree's thumbnails; decoded off the GUI thread, bounded, read only."""

from __future__ import annotations

import email.message
import hashlib
import io
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent
from PySide6.QtWidgets import QTreeWidgetItemIterator

from tests.ui import reports
from tests.ui.reports import entry_of
from ui.entry import FileEntry
from ui.picture_loader import decode
from ui.widgets.overview_panel import PREVIEW_SIDE
from ui.widgets.queue_list import THUMB_SIDE
from verifier.evidence import MediaFile

WAIT = 120_000


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def drop(widget, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    return event


def test_overview_shows_the_picture_with_the_label_outlined(view, qtbot, tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    picture = reports.picture(folder)
    before = digest(picture)
    view.set_entry(entry_of(reports.doubao(picture)))
    shown = view.overview.picture
    qtbot.waitUntil(lambda: shown.source is not None)
    img = shown.source.toImage()
    assert (img.width(), img.height()) == (320, 240)
    edge = QColor(img.pixel(40, 170))  # the left edge of the label's box [40, 140, 240, 60]
    assert edge.red() > 200 and edge.green() < 100
    assert QColor(img.pixel(160, 170)).getRgb()[:3] == (230, 230, 230)  # inside: the picture, untouched
    assert QColor(img.pixel(10, 10)).getRgb()[:3] == (230, 230, 230)  # away from it: untouched
    assert digest(picture) == before and sorted(folder.iterdir()) == [picture]  # nothing written

    view.set_entry(entry_of(reports.no_signals()))  # a file with no picture: nothing is left standing
    assert shown.source is None and not view.overview.picture_pane.isVisibleTo(view.overview)
    assert view.overview.empty.isVisibleTo(view.overview)


def test_overview_outlines_indicator_and_reference_regions(view, qtbot, tmp_path):
    from tests.ui.test_indicators_panel import COPY, MATCH, _report

    view.set_entry(entry_of(_report(tmp_path, (COPY, MATCH))))
    qtbot.waitUntil(lambda: view.overview.picture.source is not None)
    img = view.overview.picture.source.toImage()
    edge = QColor(img.pixel(20, 60))  # the left edge of the copied region [20, 30, 80, 90]
    assert edge.red() > 200 and edge.green() > 120 and edge.blue() < 80
    assert QColor(img.pixel(50, 60)).getRgb()[:3] == (230, 230, 230)  # inside: the picture, untouched
    assert QColor(img.pixel(100, 120)).blue() < 80  # the reference match's box [100, 100, 150, 140]


def test_a_large_picture_is_decoded_off_the_gui_thread_and_bounded(view, qtbot, tmp_path):
    big = tmp_path / "big.png"
    Image.linear_gradient("L").resize((6000, 4000)).convert("RGB").save(big, compress_level=1)
    media = MediaFile(big, "0" * 64, big.stat().st_size, "image/png", "image/png", "png")
    entry = FileEntry(1, big, media, ("file", "visible_label"))  # as analysis starts, before any finding
    t0 = time.perf_counter()
    view.set_entry(entry)
    took = time.perf_counter() - t0
    # Control comes back before the picture exists: it can only arrive through the event loop.
    assert view.overview.picture.source is None
    qtbot.waitUntil(lambda: view.overview.picture.source is not None, timeout=WAIT)
    pm = view.overview.picture.source
    assert max(pm.width(), pm.height()) == PREVIEW_SIDE and pm.width() > pm.height()
    decoded_at_once = time.perf_counter()
    with big.open("rb") as fh:
        Image.open(fh).load()
    full = time.perf_counter() - decoded_at_once
    assert took < max(1.0, full), (took, full)  # set_entry did not wait for a full decode


def test_decoding_is_bounded_and_keeps_the_picture_size():
    buf = io.BytesIO()
    Image.new("RGB", (3000, 1000), (10, 20, 30)).save(buf, "JPEG")
    picture = decode(buf.getvalue(), 300)
    assert picture is not None and (picture.width, picture.height) == (3000, 1000)
    assert max(picture.image.width(), picture.image.height()) <= 300 and picture.scale < 0.11
    assert decode(b"not a picture", 300) is None


def test_queue_thumbnails_and_the_ingredient_tree(make_app, qtbot, corpus, tmp_path):
    """Dropped on the window: a C2PA JPEG whose manifest has an ingredient with a thumbnail, and an
    e-mail carrying it as an attachment (a file inside a file)."""
    caca = corpus / "c2pa" / "CACA.jpg"
    msg = email.message.EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.org", "b@example.org", "photo"
    msg.set_content("see attached")
    msg.add_attachment(caca.read_bytes(), maintype="image", subtype="jpeg", filename="caca.jpg")
    folder = tmp_path / "evidence"
    folder.mkdir()
    mail = folder / "mail.eml"
    mail.write_bytes(bytes(msg))
    before = {p: digest(p) for p in (caca, mail)}
    listing = sorted(folder.rglob("*"))

    app = make_app()
    event = drop(app.window.drop_area, caca, mail)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy(), timeout=WAIT)
    queue = app.window.queue
    uids = queue.uids()
    assert len(uids) == 3  # the JPEG, the e-mail, the attachment inside it
    photo, container, member = uids
    assert app.controller.entries[member].parent == container
    qtbot.waitUntil(lambda: queue.thumbnail_of(photo) is not None and queue.thumbnail_of(member) is not None)
    assert queue.thumbnail_of(container) is None  # an e-mail has no picture of its own
    size = queue.thumbnail_of(photo).availableSizes()[0]
    assert max(size.width(), size.height()) <= THUMB_SIDE
    assert queue.iconSize().height() == THUMB_SIDE

    queue.select(photo)
    tree = app.window.report.c2pa.manifests
    items = []
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        items.append(it.value())
        it += 1
    ingredients = next(i for i in items if i.text(0) == "Ingredients")
    assert ingredients.childCount() >= 1
    ingredient = ingredients.child(0)
    assert ingredient.text(0) == "CA.jpg" and ingredient.text(1) == "parentOf"
    assert not ingredient.icon(0).isNull()  # the ingredient's own thumbnail from the manifest
    nested = [ingredient.child(k) for k in range(ingredient.childCount())]
    assert any(not n.icon(0).isNull() and n.childCount() for n in nested)  # its manifest, nested below
    assert not tree.topLevelItem(0).icon(0).isNull()  # the active manifest's claim thumbnail

    queue.select(photo)
    overview = app.window.report.overview
    qtbot.waitUntil(lambda: overview.picture.source is not None)
    assert not overview.caption.isVisibleTo(overview)  # the file's own pixels
    own = overview.picture.source.toImage()
    queue.select(member)  # its own pixels, read again from the e-mail (not the credentials' picture)
    qtbot.waitUntil(lambda: overview.picture.source is not None
                    and overview.picture.source.toImage().size() == own.size())
    assert not overview.caption.isVisibleTo(overview)
    assert overview.picture.source.toImage() == own
    assert {p: digest(p) for p in (caca, mail)} == before
    assert sorted(folder.rglob("*")) == listing  # nothing written beside the inputs
