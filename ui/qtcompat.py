"""Refuse to run on a Qt binding with a known reference-count bug.

PySide6-Essentials 6.12.0 on Python 3.11 (whose ``None``/``True``/``False`` are not yet immortal,
unlike 3.12+) drops one reference to ``None`` on every call of a method returning ``void``
(``QLabel.setText``…) and one to ``True`` on every ``Signal.emit()``: after a few thousand calls
the interpreter aborts ("Fatal Python error: none_dealloc"), i.e. within minutes of use.
pyproject.toml excludes it (``<6.12``) and constraints.txt pins 6.11.3; :func:`check` catches an
environment that was installed some other way, so the user gets a clear message instead of a
crash in the middle of an analysis.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def leaks() -> bool:
    """True if void calls or emits of this binding drop references to None/True."""
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    return after[0] < before[0] or after[1] < before[1]


class BrokenBinding(RuntimeError):
    pass


def check() -> None:
    """Raise :class:`BrokenBinding` with the fix if this binding leaks references."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or not leaks():
        return
    import PySide6

    raise BrokenBinding(
        f"PySide6 {PySide6.__version__} on Python {sys.version_info[0]}.{sys.version_info[1]} has a "
        "reference-count bug that crashes the app after a few minutes. Install the pinned version: "
        "pip install -c constraints.txt 'PySide6-Essentials==6.11.3' (or use Python 3.12+)."
    )
