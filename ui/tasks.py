"""Work the controller hands to the pool: listing folders and queueing their files, writing a report.
Each reports back through its own signals object (queued to the GUI thread)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from verifier.pipeline import expand

from .scan_worker import ScanWorker

log = logging.getLogger(__name__)


class _SubmitSignals(QObject):
    submitted = Signal(int, object, object)  # generation, files, scanner indices


class SubmitTask(QRunnable):
    """Walk folders and submit on a pool thread (a folder may hold thousands of files)."""

    def __init__(self, worker: ScanWorker, paths: list[Path]) -> None:
        super().__init__()
        self.worker = worker
        self.paths = paths
        self.signals = _SubmitSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        files: list[Path] = []
        indices: list[int] = []
        try:
            files = expand(self.paths)
            indices = self.worker.scanner.submit(files, recursive=False) if files else []
        except Exception:  # noqa: BLE001 - an unreadable folder must not kill the pool thread
            log.exception("could not queue %s", self.paths)
        self.worker.wake()
        self.signals.submitted.emit(self.worker.generation, files[:len(indices)], indices)


class _ExportSignals(QObject):
    finished = Signal(str, str, str)  # path, error message ('' on success), signature path ('' unsigned)


class ExportTask(QRunnable):
    def __init__(self, job: Callable[[], Path | None], path: Path) -> None:
        super().__init__()
        self.job = job
        self.path = path
        self.signals = _ExportSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            signature = self.job()
        except Exception as exc:  # noqa: BLE001 - reported to the user
            log.debug("export failed", exc_info=True)
            self.signals.finished.emit(str(self.path), f"{type(exc).__name__}: {exc}", "")
        else:
            self.signals.finished.emit(str(self.path), "", str(signature) if signature else "")
