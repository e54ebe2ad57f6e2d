"""One thread per Scanner: drains ``Scanner.events()`` and forwards every event through a queued Qt
signal (the controller applies it on the GUI thread)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QThread, Signal

from verifier.pipeline import Scanner

log = logging.getLogger(__name__)


class ScanWorker(QThread):
    """Drains one Scanner's events on its own thread until stopped."""

    event = Signal(int, object)  # generation, pipeline event
    crashed = Signal(int, str)  # generation, message: the analysis itself failed

    def __init__(self, scanner: Scanner, generation: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scanner = scanner
        self.generation = generation
        self._pending = threading.Event()
        self._stop = False
        self._retire = False

    def wake(self) -> None:
        self._pending.set()

    def stop(self) -> None:
        """Cancel everything and end the thread (the Scanner is closed on the worker thread)."""
        self._stop = True
        self.scanner.cancel(None)
        self._pending.set()

    def retire(self) -> None:
        """Finish the work in hand, then end."""
        self._retire = True
        self._pending.set()

    def run(self) -> None:
        try:
            while not self._stop:
                self._pending.wait()
                self._pending.clear()
                if self._stop:
                    break
                for ev in self.scanner.events(until_idle=True):
                    self.event.emit(self.generation, ev)
                    if self._stop:
                        break
                if self._retire and not self._pending.is_set():
                    break
        except Exception as exc:  # noqa: BLE001 - never let the worker die silently
            log.exception("the analysis worker failed")
            self.crashed.emit(self.generation, f"{type(exc).__name__}: {exc}")
        finally:
            try:
                self.scanner.close()
            except Exception:  # noqa: BLE001 - closing must not hide the original failure
                log.exception("closing the scanner failed")
