"""Plain display values: a labelled row, a tree of nodes, a size in words; bounded in depth and size."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier import describe as D

from ..plain import text
from .words import lang

MAX_NODES = 2_000  # nodes of a generic tree
MAX_DEPTH = 10


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    """A line of a tree: ``key`` / ``value``; ``thumbnail`` names an Evidence attachment."""

    key: str
    value: str = ""
    children: tuple[Node, ...] = ()
    thumbnail: str = ""


def tree(value: Any, key: str = "", depth: int = 0, budget: list[int] | None = None, code: str = "") -> Node:
    """A generic key/value tree of any JSON-able value (bounded in depth and size)."""
    budget = budget if budget is not None else [MAX_NODES]
    budget[0] -= 1
    if depth >= MAX_DEPTH or budget[0] <= 0:
        return Node(key, text(value, 500))
    if isinstance(value, Mapping):
        kids = []
        worded, hidden = D.coded(value, lang())  # fields the core records as codes, in words
        for k, v in value.items():
            if str(k) in hidden:
                continue
            if str(k) in worded:
                kids.append(Node(D.detail_label(k, lang()), worded[str(k)]))
                continue
            if budget[0] <= 0:
                kids.append(Node("…", D.t("value.more", lang())))
                break
            kids.append(tree(v, D.detail_label(k, lang()), depth + 1, budget, str(k)))
        return Node(key, "" if kids else "{}", tuple(kids))
    if isinstance(value, list | tuple):
        kids = []
        for i, v in enumerate(value):
            if budget[0] <= 0:
                kids.append(Node("…", D.t("value.more", lang())))
                break
            kids.append(tree(v, f"[{i + 1}]", depth + 1, budget, code))
        return Node(key, "" if kids else "[]", tuple(kids))
    return Node(key, D.detail_value(code, value, lang()) if code and isinstance(value, str | bool) else text(value))


def tree_children(value: Any) -> tuple[Node, ...]:
    return tree(value).children if isinstance(value, Mapping | list | tuple) else (Node("", text(value)),)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list | tuple) else []


def human_size(n: Any) -> str:
    if not isinstance(n, int) or n < 0:
        return text(n)
    size = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if size < 1024 or unit == "TB":
            break
        size /= 1024
    shown = f"{n} B" if unit == "B" else f"{size:.1f} {unit}"
    return QCoreApplication.translate("Values", "{shown} ({n} bytes)").format(shown=shown, n=f"{n:,}")


def item_nodes(items: Iterable[D.Item]) -> tuple[Node, ...]:
    """Labelled details (verifier.describe) as a tree."""
    return tuple(Node(i.label, i.value or "", item_nodes(i.children)) for i in items)
