"""Guard against a reference-count bug of the installed Qt binding, probed and applied only if present.

PySide6-Essentials 6.12.0 on Python 3.11 (whose ``None``/``True``/``False`` are not yet immortal,
unlike 3.12+) drops one reference to ``None`` on every call of a method returning ``void``
(``QLabel.setText``, ``QTreeWidgetItem.setIcon``…) and one to ``True`` on every
``Signal.emit()``. After a few thousand calls the interpreter aborts ("Fatal Python error:
none_dealloc" / "bool_dealloc"), i.e. within minutes of use. 6.11.3 does not do this.

The real fix is a pin (``PySide6-Essentials==6.11.3``) or Python 3.12+. Until then
:func:`install` measures the leak once and, only when it is there, gives the three singletons a
reserve of references (2**40: far more calls than a session makes), so the count never reaches
zero. Those objects are never freed in a running interpreter, so the reserve changes nothing else.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

RESERVE = 1 << 40
_done = False


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


def install() -> bool:
    """Apply the reserve once if the binding leaks; returns whether it was needed."""
    global _done
    if _done:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or not leaks():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE  # ob_refcnt, the first field
    _done = True
    log.warning("this PySide6 build leaks references on Python %d.%d; a reserve was added "
                "(install PySide6-Essentials 6.11.3 or use Python 3.12+)", *sys.version_info[:2])
    return True
