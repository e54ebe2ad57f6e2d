"""The pinned Qt binding survives heavy use; a leaking one is refused with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ui import qtcompat

ROOT = Path(__file__).resolve().parents[2]

HAMMER = """
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class S(QObject):
    ping = Signal(int)
s, label = S(), QLabel()
s.ping.connect(lambda n: None)
for i in range(200_000):  # far more than None's and True's own reference counts
    label.setText("x")
    s.ping.emit(i)
print("survived")
"""


def test_the_installed_binding_survives_many_calls(qapp):
    out = subprocess.run([sys.executable, "-c", HAMMER], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0 and "survived" in out.stdout, out.stderr[-2000:]
    qtcompat.check()  # and the start-up check agrees


def test_a_leaking_binding_is_refused_with_the_fix(monkeypatch, qapp):
    monkeypatch.setattr(qtcompat, "leaks", lambda: True)
    monkeypatch.setattr(sys, "version_info", (3, 11, 7))
    with pytest.raises(qtcompat.BrokenBinding, match="6.11.3"):
        qtcompat.check()
