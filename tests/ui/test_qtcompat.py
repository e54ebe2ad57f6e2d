"""The binding's emit() reference bug is contained: thousands of emits, and ui/ never calls emit() directly."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui import qtcompat

UI = Path(__file__).resolve().parents[2] / "ui"


class Sender(QObject):
    number = Signal(int)
    nothing = Signal()


def test_many_emits_leave_the_bool_singletons_alone(qapp):
    s = Sender()
    got = []
    s.number.connect(got.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(3000):  # enough to abort the interpreter with PySide6 6.12.0 on Python 3.11
        qtcompat.emit(s.number, i)
        qtcompat.emit(s.nothing)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert len(got) == 3000


def test_ui_emits_only_through_the_helper():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "qtcompat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "emit":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
