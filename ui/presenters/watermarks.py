"""Watermarks and visible labels: the found boxes, the crops kept as evidence, the findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier.describe import signals as DS
from verifier.evidence import Signal

from ..plain import text
from .nodes import Node, as_dict, item_nodes
from .views import view_of
from .words import confidence_text, lang, signal_title, summary_text


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: str


def boxes(signals: Iterable[Signal]) -> tuple[Box, ...]:
    out = []
    for s in signals:
        if view_of(s.detector) != "watermarks":
            continue
        b = as_dict(s.details).get("box")
        if isinstance(b, list | tuple) and len(b) == 4 and all(isinstance(v, int | float) for v in b):
            x, y, w, h = (float(v) for v in b)
            if w > 0 and h > 0:
                out.append(Box(x, y, w, h, text(as_dict(s.details).get("text"), 100)))
    return tuple(out)


def crop_nodes(attachments: Iterable[Any]) -> tuple[Node, ...]:
    """Image attachments (crops of the labels a detector read), shown as thumbnails."""
    return tuple(Node(QCoreApplication.translate("WatermarkPanel", "Picture kept as evidence"),
                      text(a.note or a.name, 300), (), a.name) for a in attachments if a.mime.startswith("image/"))


def watermark_sections(signals: Iterable[Signal]) -> tuple[Node, ...]:
    out = []
    for s in signals:
        if view_of(s.detector) != "watermarks":
            continue
        head = QCoreApplication.translate("WatermarkPanel", "{title} ({confidence})").format(
            title=signal_title(s.id), confidence=confidence_text(s.confidence))
        out.append(Node(head, summary_text(s), item_nodes(DS.detail_items(s, lang()))))
    return tuple(out)
