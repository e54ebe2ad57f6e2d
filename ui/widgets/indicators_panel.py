"""Indicators (advisory): each forensic indicator with its labelled details, the boxes they name
outlined on the picture, and the forensic views as images with what each shows.

Kept apart from the provenance findings: nothing here changes the verdict. Every word comes worded
from the description layer (``verifier.describe.indicators``); every text is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTreeWidget, QVBoxLayout, QWidget

from verifier.evidence import Attachment

from .. import presenters
from ..picture_loader import PictureLoader, decode, preview_bytes
from .common import fill_tree, make_tree, plain_label, safe_tooltip
from .outlines import outlined_picture
from .watermark_panel import MAX_SIDE, PREVIEWS_KEPT, ImageView

MAX_VIEW_BYTES = 16 * 1024 * 1024


def load_shown(preview: presenters.Preview | None) -> QImage | None:
    """The picture as a viewer shows it (EXIF orientation applied): the indicators' boxes are in
    those pixels. Read through the read-only input opener, decoded in memory."""
    data = preview_bytes(preview) if preview is not None else None
    picture = decode(data, MAX_SIDE) if data else None
    return picture.image if picture is not None else None


def view_pixmap(att: Attachment | None) -> QPixmap | None:
    if att is None or not att.mime.startswith("image/") or len(att.data) > MAX_VIEW_BYTES:
        return None
    pm = QPixmap()
    return pm if pm.loadFromData(att.data) else None


def _tree_nodes(indicators: Iterable[Any]) -> tuple[presenters.Node, ...]:
    """Each indicator as a tree line (title: summary) with its labelled details below."""
    return tuple(presenters.Node(i.title, i.summary, tuple(_item_nodes(i.items))) for i in indicators)


def _item_nodes(items: Iterable[Any]) -> list[presenters.Node]:
    return [presenters.Node(it.label, it.value or "", tuple(_item_nodes(it.children))) for it in items]


def deep_button(parent: QWidget) -> QPushButton:
    """The button that runs a file's deep forensic checks held back on request (see :func:`show_deep`)."""
    button = QPushButton(parent)
    button.setVisible(False)
    button.clicked.connect(lambda: button.setEnabled(False))  # once: the run's state follows shortly
    return button


def show_deep(button: QPushButton, state: str) -> None:
    """Shown when the file's deep checks were held back on request; disabled while they run."""
    run = QCoreApplication.translate("IndicatorsPanel", "Run the deep forensic checks")
    running = QCoreApplication.translate("IndicatorsPanel", "Running the deep forensic checks…")
    metrics = button.fontMetrics()  # as wide as its longer text: it does not jump when it changes
    button.setMinimumWidth(max(metrics.horizontalAdvance(run), metrics.horizontalAdvance(running)) + 24)
    button.setVisible(bool(state))
    button.setEnabled(state == presenters.DEEP_OFFER)
    button.setText(running if state == presenters.DEEP_RUNNING else run)


class IndicatorsPanel(QWidget):
    """Bound to one value: the worded indicators and views of a file, its preview and attachments."""

    deep_requested = Signal()  # run the deep forensic checks held back on request

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.deep = deep_button(self)
        self.deep.clicked.connect(self.deep_requested)
        self.advisory = plain_label(parent=self)
        self.advisory.setObjectName("advisory")
        self.empty = plain_label(parent=self)
        self.tree = make_tree(["", ""], self)
        self.preview = ImageView(self)
        self.preview.setStyleSheet("background: #263238;")
        views = QWidget(self)
        self.views_heading = plain_label(parent=views)
        font = self.views_heading.font()
        font.setBold(True)
        self.views_heading.setFont(font)
        self.views_note = plain_label(parent=views)
        self.views_box = QWidget(views)
        self.views_row = QHBoxLayout(self.views_box)
        self.views_row.setContentsMargins(0, 0, 0, 0)
        self.faces = make_tree(["", ""], views)
        self.faces.setHeaderHidden(True)
        vlay = QVBoxLayout(views)
        vlay.setContentsMargins(0, 0, 0, 0)
        vlay.addWidget(self.views_heading)
        vlay.addWidget(self.views_note)
        vlay.addWidget(self.views_box, 3)
        vlay.addWidget(self.faces, 1)
        self.views = views
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        for w in (self.tree, self.preview, views):
            self.split.addWidget(w)
        self.split.setSizes([200, 300, 400])
        lay = QVBoxLayout(self)
        lay.addWidget(self.advisory)
        deep_row = QHBoxLayout()
        deep_row.addWidget(self.deep)
        deep_row.addStretch(1)
        lay.addLayout(deep_row)
        lay.addWidget(self.empty)
        lay.addWidget(self.split, 1)
        self.view_images: list[tuple[str, ImageView]] = []  # (attachment name, image) for tests
        self._preview: presenters.Preview | None = None
        self._outlines: tuple[Any, ...] = ()
        self.loader = PictureLoader(MAX_SIDE, PREVIEWS_KEPT, self)  # decodes off the GUI thread
        self.loader.ready.connect(self._ready)
        self.set_value(None)

    def set_value(self, value: Any, preview: presenters.Preview | None = None,
                  attachments: tuple[Attachment, ...] = (), deep: str = "") -> None:
        """``value``: a :class:`verifier.describe.indicators.IndicatorsText` (None: no file);
        ``deep``: :func:`ui.presenters.deep_checks_state` of the file."""
        show_deep(self.deep, deep if value is not None else "")
        if value is None:
            for w in (self.advisory, self.empty, self.split):
                w.setVisible(False)
            self._clear_views()
            return
        self.split.setVisible(True)
        self.advisory.setText(value.advisory)
        self.advisory.setVisible(True)
        self.empty.setText(value.none)
        self.empty.setVisible(bool(value.none))
        self.tree.setHeaderLabels(list(value.columns))
        fill_tree(self.tree, _tree_nodes(value.indicators), expand_depth=2)
        self.tree.setVisible(bool(value.indicators))
        self._show_preview(value, preview)
        self._show_views(value, attachments)

    def _show_preview(self, value: Any, preview: presenters.Preview | None) -> None:
        self._outlines = (tuple(o for i in value.indicators for o in i.outlines)
                          + tuple(getattr(value, "face_outlines", ())))
        self._preview = preview if self._outlines else None
        self._draw()

    def _ready(self, preview: object) -> None:
        if preview == self._preview:
            self._draw()

    def _draw(self) -> None:
        """The picture as a viewer shows it with the indicators' boxes, once decoded."""
        picture = self.loader.picture(self._preview)
        pm = outlined_picture(picture, (), self._outlines) if picture is not None else None
        self.preview.set_source(pm)
        self.preview.setVisible(pm is not None)

    def _clear_views(self) -> None:
        while self.views_row.count():
            item = self.views_row.takeAt(0)
            widget = item.widget()
            if widget is not None:  # hidden and detached now: deleteLater alone leaves it drawn until the loop runs
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.view_images = []

    def _show_views(self, value: Any, attachments: tuple[Attachment, ...]) -> None:
        self._clear_views()
        by_name = {a.name: a for a in attachments}
        for view in value.views:
            pm = view_pixmap(by_name.get(view.name))
            if pm is None:
                continue
            tile = QWidget(self.views_box)
            caption = plain_label(view.title, tile)
            caption.setToolTip(safe_tooltip(view.how))
            how = plain_label(view.how, tile)
            how.setStyleSheet("color: palette(mid);")
            image = ImageView(tile)
            image.set_source(pm)
            tl = QVBoxLayout(tile)
            tl.setContentsMargins(0, 0, 0, 0)
            tl.addWidget(caption)
            tl.addWidget(image, 1)
            tl.addWidget(how)
            self.views_row.addWidget(tile, 1)
            self.view_images.append((view.name, image))
        shown = bool(self.view_images) or bool(value.faces)
        self.views_heading.setText(value.views_heading)
        self.views_note.setText(value.views_note)
        self.views.setVisible(shown)
        self.views_box.setVisible(bool(self.view_images))
        self.faces.setHeaderLabels(list(value.columns))
        fill_tree(self.faces, _item_nodes(value.faces), expand_depth=2)
        self.faces.setVisible(bool(value.faces))


def tree_texts(tree: QTreeWidget) -> list[str]:
    """Every text of a tree, depth first (for tests and accessibility checks)."""
    out: list[str] = []

    def walk(item) -> None:
        out.extend(item.text(c) for c in range(tree.columnCount()))
        for k in range(item.childCount()):
            walk(item.child(k))

    for k in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(k))
    return out
