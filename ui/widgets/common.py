"""Helpers shared by the panels: plain-text labels, trees of Nodes, badges, thumbnails."""

from __future__ import annotations

import html
from functools import lru_cache
from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from verifier.evidence import Attachment

from ..picture_loader import decode
from ..presenters import Node

GLYPHS = {"ai": "AI", "warning": "!", "critical": "✕", "question": "?", "ok": "✓", "info": "i", "busy": "…"}
MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = True,
                selectable: bool = True) -> QLabel:
    """A QLabel that can only ever show plain text (file strings are attacker-controlled)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


def safe_tooltip(text: str, limit: int = 2000) -> str:
    """Tool tips guess rich text: escape file strings so they always show literally."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text[:limit]) + "</p>"


@lru_cache(maxsize=64)
def badge(kind: str, background: str, foreground: str, size: int = 40) -> QPixmap:
    """A round badge with a glyph: the verdict icon (colour is never the only cue); painted once."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(foreground))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.setPen(QColor(background))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.42 if len(GLYPHS.get(kind, "")) > 1 else 0.6)))
    p.setFont(font)
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, GLYPHS.get(kind, "i"))
    p.end()
    return pm


def thumbnail(att: Attachment | None, size: int = 64) -> QPixmap | None:
    """A kept picture at most ``size`` a side (decoded at that size where the format allows)."""
    if att is None or not att.mime.startswith("image/") or len(att.data) > MAX_THUMBNAIL_BYTES:
        return None
    picture = decode(att.data, size)
    return QPixmap.fromImage(picture.image) if picture is not None else None


def fill_tree(tree: QTreeWidget, nodes: Iterable[Node], attachments: Iterable[Attachment] = (),
              expand_depth: int = 2) -> None:
    """Show Nodes in a two-column tree; item text is always plain."""
    by_name = {a.name: a for a in attachments}
    tree.clear()

    def add(parent: QTreeWidget | QTreeWidgetItem, node: Node) -> None:
        item = QTreeWidgetItem(parent, [node.key, node.value])
        if len(node.value) > 80:
            item.setToolTip(1, safe_tooltip(node.value))
        if node.thumbnail:
            pm = thumbnail(by_name.get(node.thumbnail))
            if pm is not None:
                item.setIcon(0, QIcon(pm))
        for child in node.children:
            add(item, child)

    for node in nodes:
        add(tree, node)
    tree.expandToDepth(expand_depth - 1)
    tree.resizeColumnToContents(0)
    if tree.columnWidth(0) > 360:
        tree.setColumnWidth(0, 360)


def make_tree(headers: list[str], parent: QWidget | None = None) -> QTreeWidget:
    t = QTreeWidget(parent)
    t.setHeaderLabels(headers)
    t.setUniformRowHeights(False)
    t.setWordWrap(True)
    t.setAlternatingRowColors(True)
    return t


def inform(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    """A message box that shows ``text`` literally (message boxes guess rich text otherwise)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information, title, "",
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()
