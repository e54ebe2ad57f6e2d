"""The deep forensic checks of one input, run on request: a Scanner of their own on a thread of
their own, the input (a container with the files inside it) analysed again with
:func:`verifier.deep_checks.on_request_config`, and every report handed back at the end.

Nothing here touches the entries: the controller merges the reports into them on the GUI thread
(:func:`verifier.deep_checks.merge`). ``stop`` cancels the run (the window closing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from verifier.config import Config
from verifier.pipeline import FileDone, FileFailed, Scanner

log = logging.getLogger(__name__)


class DeepRun(QThread):
    """Analyses ``path`` again under ``config`` and reports ``done(uid, reports, failures)``:
    the reports by path, and why a file could not be analysed, by path."""

    done = Signal(int, object, object)  # the top entry's uid, {path: Report}, {path: message}

    def __init__(self, uid: int, path: Path, config: Config, factory: Callable[[Config], Scanner],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.uid, self.path, self.config, self._factory = uid, path, config, factory
        self._scanner: Scanner | None = None
        self._stopped = False

    def stop(self) -> None:
        self._stopped = True
        scanner = self._scanner
        if scanner is not None:
            scanner.cancel(None)

    def run(self) -> None:
        reports: dict[str, object] = {}
        failures: dict[str, str] = {}
        try:
            scanner = self._factory(self.config)
            self._scanner = scanner
            try:
                if not self._stopped:
                    scanner.submit([self.path], recursive=False)
                    for ev in scanner.events(until_idle=True):
                        if isinstance(ev, FileDone):
                            reports[str(ev.report.media.path)] = ev.report
                        elif isinstance(ev, FileFailed):
                            failures[str(ev.path)] = ev.message or "?"
                        if self._stopped:
                            break
            finally:
                self._scanner = None
                scanner.close()
        except Exception as exc:  # noqa: BLE001 - a failed run is a failed check, never a silent one
            log.exception("the deep checks could not be run")
            failures[str(self.path)] = f"{type(exc).__name__}: {exc}"
        self.done.emit(self.uid, reports, failures)
