"""Work-arounds for bugs of the installed Qt binding, each probed at import and applied only if present.

PySide6 6.12.0 on Python < 3.12: ``SignalInstance.emit()`` returns ``True`` without taking a
reference, so every emit drops one reference to the ``True`` singleton; after a few hundred
emits the interpreter aborts ("Fatal Python error: bool_dealloc"). :func:`emit` calls ``emit``
and gives the reference back when (and only when) the probe below sees the leak. Python 3.12+
makes ``True`` immortal, so the probe finds nothing there. Every signal in ``ui/`` is emitted
through :func:`emit` (a test enforces it).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _measure() -> bool:
    probe = _Probe()
    t0 = sys.getrefcount(True)
    for _ in range(4):
        probe.ping.emit()
    t1 = sys.getrefcount(True)
    if t1 < t0:
        for _ in range(t0 - t1):  # give back what the probe itself took
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
        return True
    return False


EMIT_DROPS_BOOL_REFERENCE = _measure()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, minus the binding's reference-count bug (see the module docstring)."""
    result = signal.emit(*args)
    if EMIT_DROPS_BOOL_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
