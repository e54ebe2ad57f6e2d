"""Watermarks and visible labels: a preview with each found label boxed, and watermark scores."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from verifier.evidence import Signal
from verifier.inputs import InputError, open_readonly

from .. import presenters
from .common import fill_tree, make_tree, plain_label

MAX_PREVIEW_BYTES = 64 * 1024 * 1024
MAX_SIDE = 1600


def load_image(preview: presenters.Preview | None) -> QImage | None:
    if preview is None:
        return None
    if preview.attachment is not None:
        data = preview.attachment.data
    else:
        try:
            with open_readonly(Path(preview.path)) as fh:
                data = fh.read(MAX_PREVIEW_BYTES + 1)
        except (InputError, OSError):
            return None
        if len(data) > MAX_PREVIEW_BYTES:
            return None
    img = QImage.fromData(data)
    return None if img.isNull() else img


def boxed(img: QImage, boxes: tuple[presenters.Box, ...]) -> QPixmap:
    scale = min(1.0, MAX_SIDE / max(img.width(), img.height(), 1))
    pm = QPixmap.fromImage(img.scaled(int(img.width() * scale), int(img.height() * scale),
                                      Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation) if scale < 1 else img)
    if boxes:
        p = QPainter(pm)
        pen = QPen(QColor("#ff1744"))
        pen.setWidth(max(3, int(min(pm.width(), pm.height()) / 200)))
        p.setPen(pen)
        for b in boxes:
            p.drawRect(QRectF(b.x * scale, b.y * scale, b.w * scale, b.h * scale))
        p.end()
    return pm


class ImageView(QLabel):
    """Shows one pixmap scaled to fit, rescaled whenever the view is resized."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
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
        self._key: object = None
        self.set_value((), None)

    def set_value(self, signals: tuple[Signal, ...], preview: presenters.Preview | None) -> None:
        sections = presenters.watermark_sections(signals)
        boxes = presenters.boxes(signals)
        self.empty.setText("" if sections else QCoreApplication.translate(
            "WatermarkPanel", "No invisible watermark or visible label was found. A miss proves nothing: "
                              "watermarks do not survive every edit."))
        self.empty.setVisible(not sections)
        fill_tree(self.tree, sections, expand_depth=2)
        self.tree.setVisible(bool(sections))
        key = (preview, boxes)
        if key != self._key:
            self._key = key
            img = load_image(preview)
            self._pixmap = boxed(img, boxes) if img is not None else None
        self.image.set_source(self._pixmap)
        self.image.setVisible(self._pixmap is not None)
        self.tree.parentWidget().setVisible(self._pixmap is not None or bool(sections))
