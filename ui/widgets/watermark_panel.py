"""Watermarks and visible labels: a preview with each found label boxed, and watermark scores."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from verifier.evidence import Attachment, Signal
from verifier.inputs import InputError, open_readonly

from .. import presenters
from .common import fill_tree, make_tree, plain_label

MAX_PREVIEW_BYTES = 64 * 1024 * 1024
MAX_SIDE = 1600


def preview_bytes(preview: presenters.Preview) -> bytes | None:
    """The preview's bytes: an attachment's, or the input's read through the read-only opener
    (None when unreadable or larger than a preview may be)."""
    if preview.attachment is not None:
        return preview.attachment.data
    try:
        with open_readonly(Path(preview.path)) as fh:
            data = fh.read(MAX_PREVIEW_BYTES + 1)
    except (InputError, OSError):
        return None
    return None if len(data) > MAX_PREVIEW_BYTES else data


def load_image(preview: presenters.Preview | None) -> QImage | None:
    data = preview_bytes(preview) if preview is not None else None
    if data is None:
        return None
    img = QImage.fromData(data)
    return None if img.isNull() else img


def as_xywh(b: presenters.Box, width: int, height: int) -> tuple[float, float, float, float]:
    """``[x, y, w, h]`` as the contract says; a box that only fits the image as corners
    ``[x0, y0, x1, y1]`` is read that way (a detector writing corners must not draw off the image)."""
    slack = 2
    fits = b.x + b.w <= width + slack and b.y + b.h <= height + slack
    corners = b.w > b.x and b.h > b.y and b.w <= width + slack and b.h <= height + slack
    if not fits and corners:
        return b.x, b.y, b.w - b.x, b.h - b.y
    return b.x, b.y, b.w, b.h


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
            x, y, w, h = as_xywh(b, img.width(), img.height())
            p.drawRect(QRectF(x * scale, y * scale, w * scale, h * scale))
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
        self._preview: object = object()  # never equal to a real preview
        self._image = None
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
        if preview != self._preview:  # the picture is read and decoded once, not again per new box
            self._preview = preview
            self._image = load_image(preview)
        key = (preview, boxes)
        if key != self._key:
            self._key = key
            self._pixmap = boxed(self._image, boxes) if self._image is not None else None
        self.image.set_source(self._pixmap)
        self.image.setVisible(self._pixmap is not None)
        self.tree.parentWidget().setVisible(self._pixmap is not None or bool(sections))
