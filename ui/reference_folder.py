"""The reference folder of the app: choose it, index it off the GUI thread with a progress bar.

The index is built by the core (``verifier.reference.index.update``) in a ``QThread`` of this
process, never in a detector worker; the detector only reads it. The chosen folder is stored in
the settings (``Settings.reference_dir``) so that it is compared with every picture until changed.
"""

from __future__ import annotations

import threading
from pathlib import Path

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from .settings import Settings
from .widgets.common import inform


class IndexWorker(QThread):
    """Indexes one folder; ``progress(done, total)`` as it goes, then ``finished_with(error)``."""

    progress = Signal(int, int)
    finished_with = Signal(str)  # "" when the index is ready, else why not

    def __init__(self, folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._stop = threading.Event()
        self.usable = 0
        self.unreadable = 0

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        from verifier.reference import index

        try:
            idx = index.update(self.folder, lambda done, total, _rel: self.progress.emit(done, total),
                               stop=self._stop.is_set)
        except InterruptedError:
            self.finished_with.emit(QCoreApplication.translate("ReferenceFolder", "Indexing was cancelled."))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.finished_with.emit(str(exc))
            return
        self.usable = len(idx.usable)
        self.unreadable = len(idx.entries) - self.usable
        self.finished_with.emit("")


class _Relay(QObject):
    """Lives in the GUI thread: the worker's signals reach the callbacks through it, queued, so
    they always run on the GUI thread (a bare Python callable gives no thread to queue into)."""

    def __init__(self, on_progress: Callable[[int, int], None], on_done: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_progress, self._on_done = on_progress, on_done

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self._on_progress(done, total)

    @Slot(str)
    def done(self, error: str) -> None:
        self._on_done(error)


def _connect(worker: IndexWorker, on_progress: Callable[[int, int], None], on_done: Callable[[str], None]) -> None:
    relay = _Relay(on_progress, on_done)
    worker.relay = relay  # kept as long as the worker
    worker.progress.connect(relay.progress)
    worker.finished_with.connect(relay.done)


def index_folder(folder: Path, parent: QWidget, on_done: Callable[[str], None]) -> IndexWorker:
    """Start indexing ``folder`` with a modal progress dialog (cancellable); returns the worker,
    whose ``finished_with`` says how it ended."""
    dialog = QProgressDialog(QCoreApplication.translate("ReferenceFolder", "Indexing the reference photos…"),
                             QCoreApplication.translate("ReferenceFolder", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReferenceFolder", "Reference photos"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    worker = IndexWorker(folder, parent)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(1, total))
        dialog.setValue(done)
        dialog.setLabelText(QCoreApplication.translate(
            "ReferenceFolder", "Indexing the reference photos… {done} of {total}").format(done=done, total=total))

    def finished(error: str) -> None:
        dialog.reset()
        on_done(error)

    _connect(worker, on_progress, finished)
    dialog.canceled.connect(worker.cancel)
    worker.start()
    return worker


def choose(parent: QWidget, settings: Settings, on_changed) -> None:
    """Ask for a reference folder (or to stop using one), index it, then ``on_changed(new settings)``."""
    if settings.reference_dir:
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("ReferenceFolder", "Reference photos"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(QCoreApplication.translate(
            "ReferenceFolder", "Pictures are compared with the photos in {folder}.").format(folder=settings.reference_dir))
        other = box.addButton(QCoreApplication.translate("ReferenceFolder", "Choose another folder…"),
                              QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton(QCoreApplication.translate("ReferenceFolder", "Stop comparing"),
                             QMessageBox.ButtonRole.DestructiveRole)
        reindex = box.addButton(QCoreApplication.translate("ReferenceFolder", "Index again"),
                                QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is stop:
            on_changed(settings.with_(reference_dir=""))
            return
        if clicked is reindex:
            _index_then(Path(settings.reference_dir), parent, settings, on_changed)
            return
        if clicked is not other:
            return
    folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate(
        "ReferenceFolder", "Folder of reference photos (only read, never changed)"), settings.reference_dir)
    if folder:
        _index_then(Path(folder), parent, settings, on_changed)


def _index_then(folder: Path, parent: QWidget, settings: Settings, on_changed) -> None:
    def done(error: str) -> None:
        title = QCoreApplication.translate("ReferenceFolder", "Reference photos")
        if error:
            inform(parent, title, QCoreApplication.translate(
                "ReferenceFolder", "The folder could not be indexed: {why}").format(why=error), warning=True)
            return
        on_changed(settings.with_(reference_dir=str(folder)))
        text = QCoreApplication.translate(
            "ReferenceFolder", "{count} reference photos indexed; every picture is now compared with them.").format(
            count=worker.usable)
        if worker.unreadable:
            text += " " + QCoreApplication.translate(
                "ReferenceFolder", "{count} files could not be read.").format(count=worker.unreadable)
        inform(parent, title, text)

    worker = index_folder(folder, parent, done)


def refresh(folder: Path, show: Callable[[str, int], None]) -> IndexWorker:
    """Bring a remembered folder's index up to date in the background (files added or changed
    since), progress through ``show(text, milliseconds)`` (a status bar); the caller waits for
    the worker before quitting."""
    worker = IndexWorker(folder)

    def on_progress(done: int, total: int) -> None:
        if done < total:
            show(QCoreApplication.translate("ReferenceFolder", "Indexing the reference photos… {done} of {total}")
                 .format(done=done, total=total), 0)

    def on_done(error: str) -> None:
        if error:
            show(QCoreApplication.translate("ReferenceFolder", "The folder could not be indexed: {why}")
                 .format(why=error), 10000)

    _connect(worker, on_progress, on_done)
    worker.start()
    return worker
