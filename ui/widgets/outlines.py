"""Found boxes drawn on a picture: visible labels (and the sparkle) in red, indicator and reference
regions in amber with their label. Boxes are in the picture's own pixels; the picture shown may be
a scaled-down copy (``scale``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from .. import presenters
from ..picture_loader import Picture

LABEL = "#ff1744"
OUTLINE = "#ffab00"


def as_xywh(b: presenters.Box, width: int, height: int) -> tuple[float, float, float, float]:
    """``[x, y, w, h]`` as the contract says; a box that only fits the image as corners
    ``[x0, y0, x1, y1]`` is read that way (a detector writing corners must not draw off the image)."""
    slack = 2
    fits = b.x + b.w <= width + slack and b.y + b.h <= height + slack
    corners = b.w > b.x and b.h > b.y and b.w <= width + slack and b.h <= height + slack
    if not fits and corners:
        return b.x, b.y, b.w - b.x, b.h - b.y
    return b.x, b.y, b.w, b.h


def pen_width(pm: QPixmap) -> int:
    return max(3, int(min(pm.width(), pm.height()) / 200))


def draw_label_boxes(p: QPainter, boxes: Iterable[presenters.Box], width: int, height: int, scale: float,
                     pen: int) -> None:
    p.setPen(QPen(QColor(LABEL), pen))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for b in boxes:
        x, y, w, h = as_xywh(b, width, height)
        p.drawRect(QRectF(x * scale, y * scale, w * scale, h * scale))


def draw_outlines(p: QPainter, outlines: Iterable[Any], width: int, height: int, scale: float, pen: int) -> None:
    """Each box ``[x0, y0, x1, y1]`` (corners, as the contract says for indicators) outlined, clipped
    to the picture, with its label in a dark tag above it (inside when the box touches the top)."""
    p.setBrush(Qt.BrushStyle.NoBrush)
    for o in outlines:
        x0, y0, x1, y1 = (max(0.0, min(float(v), float(lim))) for v, lim in
                          zip(o.box, (width, height, width, height), strict=True))
        if x1 <= x0 or y1 <= y0:
            continue
        rect = QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)
        p.setPen(QPen(QColor("#000000"), pen + 2))
        p.drawRect(rect)
        p.setPen(QPen(QColor(OUTLINE), pen))
        p.drawRect(rect)
        if o.label:
            metrics = p.fontMetrics()
            tw, th = metrics.horizontalAdvance(o.label) + 8, metrics.height() + 4
            top = rect.top() - th if rect.top() >= th else rect.top()
            tag = QRectF(rect.left(), top, tw, th)
            p.fillRect(tag, QColor(0, 0, 0, 190))
            p.setPen(QColor(OUTLINE))
            p.drawText(tag, Qt.AlignmentFlag.AlignCenter, o.label)


def outlined_picture(picture: Picture, boxes: Iterable[presenters.Box] = (), outlines: Iterable[Any] = ()) -> QPixmap:
    """The decoded picture with every found box drawn on it (GUI thread: a QPixmap)."""
    pm = QPixmap.fromImage(picture.image)
    boxes, outlines = tuple(boxes), tuple(outlines)
    if boxes or outlines:
        p = QPainter(pm)
        pen = pen_width(pm)
        draw_label_boxes(p, boxes, picture.width, picture.height, picture.scale, pen)
        draw_outlines(p, outlines, picture.width, picture.height, picture.scale, pen)
        p.end()
    return pm
