"""Watermarks and visible labels: a preview with each found label boxed, and watermark scores."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from verifier.evidence import Attachment, Signal
from .. import presenters
from ..picture_loader import PictureLoader
from .common import fill_tree, make_tree, plain_label
from .outlines import as_xywh, outlined_picture  # noqa: F401 - as_xywh: part of this panel's API

MAX_SIDE = 1600  # pixels a side of the decoded preview
PREVIEWS_KEPT = 4


class ImageView(QLabel):
    """Shows one pixmap scaled to fit, rescaled whenever the view is resized."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # shows pictures only; never rich text
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(160)
        self.source: QPixmap | None = None

    def set_source(self, pm: QPixmap | None) -> None:
        self.source = pm
        self._fit()

    def _fit(self) -> None:
        if self.source is None:
            self.clear()
            return
        w, h = max(1, self.width() - 8), max(1, self.height() - 8)
        scale = min(w / self.source.width(), h / self.source.height(), 2.0)
        self.setPixmap(self.source.scaled(max(1, int(self.source.width() * scale)),
                                          max(1, int(self.source.height() * scale)),
                                          Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()


class WatermarkPanel(QWidget):
    """Bound to the file's signals plus the image they refer to."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.empty = plain_label(parent=self)
        self.image = ImageView(self)
        self.image.setStyleSheet("background: #263238;")
        self.tree = make_tree([QCoreApplication.translate("WatermarkPanel", "Finding"),
                               QCoreApplication.translate("WatermarkPanel", "Value")], self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.image)
        split.addWidget(self.tree)
        split.setSizes([400, 200])
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(split, 1)
        lay.addStretch(0)
        self._pixmap: QPixmap | None = None
        self._key: object = object()  # (preview, boxes) of the pixmap shown; never equal to a real one
        self._preview: presenters.Preview | None = None
        self._boxes: tuple[presenters.Box, ...] = ()
        self._sections = False
        self.loader = PictureLoader(MAX_SIDE, PREVIEWS_KEPT, self)  # decodes off the GUI thread
        self.loader.ready.connect(self._ready)
        self.set_value((), None)

    def set_value(self, signals: tuple[Signal, ...], preview: presenters.Preview | None,
                  attachments: tuple[Attachment, ...] = ()) -> None:
        sections = presenters.watermark_sections(signals) + (presenters.crop_nodes(attachments) if signals else ())
        boxes = presenters.boxes(signals)
        self.empty.setText("" if sections else QCoreApplication.translate(
            "WatermarkPanel", "No invisible watermark or visible label was found. A miss proves nothing: "
                              "watermarks do not survive every edit."))
        self.empty.setVisible(not sections)
        fill_tree(self.tree, sections, attachments, expand_depth=2)
        self.tree.setVisible(bool(sections))
        self._preview, self._boxes, self._sections = preview, boxes, bool(sections)
        self._draw()

    def _ready(self, preview: object) -> None:
        if preview == self._preview:
            self._draw()

    def _draw(self) -> None:
        """The picture with its boxes once decoded (read and decoded once per file, not per new box)."""
        picture = self.loader.picture(self._preview)
        key = (self._preview, self._boxes) if picture is not None else None
        if key != self._key:
            self._key = key
            self._pixmap = outlined_picture(picture, self._boxes) if picture is not None else None
        self.image.set_source(self._pixmap)
        self.image.setVisible(self._pixmap is not None)
        self.tree.parentWidget().setVisible(self._pixmap is not None or self._sections)
