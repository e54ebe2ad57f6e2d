"""AI labels: each AI-declaring signal as a tree, the GB 45438 label's seven fields first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier import describe as D
from verifier.evidence import Signal

from ..plain import text
from .nodes import Node, as_dict, item_nodes
from .views import view_of
from .words import confidence_text, lang, signal_title, summary_text

SEVEN_KEYS = ("Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator",
              "PropagateID", "ReservedCode2")


def _seven(details: dict[str, Any]) -> dict[str, Any]:
    for key in ("label", "fields", "aigc", "AIGC", "values"):
        inner = details.get(key)
        if isinstance(inner, dict) and any(k in inner for k in SEVEN_KEYS):
            return inner
    return details


def signal_section(s: Signal) -> Node:
    """One AI-declaring signal as a tree: the GB 45438 label's seven fields first, then every
    detail, labelled and worded by verifier.describe."""
    details = as_dict(s.details)
    seven = _seven(details)
    first = {k: seven[k] for k in SEVEN_KEYS if k in seven} if s.id == "gb45438.label" else {}
    rest = {k: v for k, v in details.items() if k not in first and not (first and v is seven and v is not details)}
    kids = item_nodes(D.signals.items(first, lang(), kind=s.id) + D.signals.items(rest, lang(), kind=s.id))
    head = QCoreApplication.translate("AiLabelsPanel", "{title} ({confidence})").format(
        title=signal_title(s.id), confidence=confidence_text(s.confidence))
    return Node(head, summary_text(s), kids)


def ai_label_sections(signals: Iterable[Signal]) -> tuple[Node, ...]:
    return tuple(signal_section(s) for s in signals if view_of(s.detector) == "ai_labels")


def prompt_of(signals: Iterable[Signal]) -> str:
    for s in signals:
        if s.id == "generator.metadata":
            p = as_dict(s.details).get("prompt") or as_dict(as_dict(s.details).get("fields")).get("prompt")
            if p:
                return text(p)
    return ""
