"""The queue of files being analysed: a Scanner drained by one worker thread, with cancellation.

``Scanner.submit`` and ``Scanner.cancel`` are thread-safe and return quickly, so they are called
from the GUI thread. One :class:`ScanWorker` thread per Scanner drains ``Scanner.events()`` and
forwards every event through a queued Qt signal; the controller applies it to the matching
:class:`~ui.entry.FileEntry` on the GUI thread. Events for a file that was removed, or that
belong to a retired Scanner's forgotten files, are dropped by key (stale results).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

from verifier import deep_checks
from verifier.config import Config
from verifier.sandbox import Isolation
from verifier.evidence import Evidence, Report, Status
from verifier.pipeline import (EvidenceReady, FileDone, FileFailed, FileQueued, FileStarted, MemberFound, Scanner,
                               VerdictReady)

from .deep_run import DeepRun
from .entry import FileEntry
from .scan_worker import ScanWorker
from .tasks import ExportTask, SubmitTask

log = logging.getLogger(__name__)


class Controller(QObject):
    entry_added = Signal(int)
    paths_added = Signal(list)  # uids of one add_paths() call, once they are listed
    entry_changed = Signal(int)
    entry_removed = Signal(int)
    export_finished = Signal(str, str)  # path, error ('' on success)
    export_signed = Signal(str, str)  # report path, signature path (before its export_finished)
    idle = Signal()  # every file in the queue has finished

    def __init__(self, config: Config, scanner_factory: Callable[[Config], Scanner] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        # the GUI has idle time before the first drop: its workers load models and trust lists then
        self._factory = scanner_factory or (lambda c: Scanner(c, prepare=True))
        self.entries: dict[int, FileEntry] = {}
        self._keys: dict[tuple[int, int], int] = {}  # (scanner generation, scanner index) -> uid
        self._where: dict[int, tuple[int, int]] = {}
        self._uids = itertools.count(1)
        self._generation = 0
        self._workers: dict[int, ScanWorker] = {}
        self._outstanding: dict[int, int] = {}  # generation -> submissions not yet listed
        self._early: dict[tuple[int, int], list[object]] = {}  # events that beat their listing
        # Pool tasks are kept alive while they run; a finished one is dropped only at the next
        # start (by then its run() has surely returned on the pool thread).
        self._running: dict[QObject, QRunnable] = {}  # a task's signals object -> the task
        self._finished: list[QRunnable] = []
        self._deep: dict[int, DeepRun] = {}  # top-level uid -> its deep checks being run on request
        self._start_worker()

    # -- lifecycle ----------------------------------------------------------------

    def _start_worker(self) -> None:
        self._generation += 1
        gen = self._generation
        worker = ScanWorker(self._factory(self.config), gen)
        worker.event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        worker.crashed.connect(self._on_crash, Qt.ConnectionType.QueuedConnection)
        worker.finished.connect(self._reap)
        self._workers[gen] = worker
        worker.start()

    def _reap(self) -> None:
        for gen, worker in list(self._workers.items()):
            if gen != self._generation and worker.isFinished():
                del self._workers[gen]

    @property
    def worker(self) -> ScanWorker:
        return self._workers[self._generation]

    def set_config(self, config: Config) -> None:
        """New settings apply to files added from now on; files in hand finish as they started."""
        if config == self.config:
            return
        self.config = config
        old = self._workers.get(self._generation)
        self._start_worker()
        if old is not None:
            old.retire()

    def shutdown(self, timeout_ms: int = 15000) -> None:
        for run in list(self._deep.values()):
            run.stop()
        for worker in list(self._workers.values()):
            worker.stop()
        for run in list(self._deep.values()):
            run.wait(timeout_ms)
        for worker in list(self._workers.values()):
            worker.wait(timeout_ms)
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    # -- the queue ----------------------------------------------------------------

    SYNC_LIMIT = 64  # this many plain files are listed at once; folders and more go to a pool thread

    def add_paths(self, paths: Iterable[Path | str]) -> list[int]:
        """Queue files and folders; returns the new uids when listed at once, else [] (see paths_added)."""
        paths = [Path(p) for p in paths]
        if not paths:
            return []
        worker = self.worker
        if len(paths) <= self.SYNC_LIMIT and not any(p.is_dir() for p in paths):
            indices = worker.scanner.submit(paths, recursive=False)
            uids = self._register(worker.generation, paths, indices)
            worker.wake()
            return uids
        self._outstanding[worker.generation] = self._outstanding.get(worker.generation, 0) + 1
        task = SubmitTask(worker, paths)
        task.signals.submitted.connect(self._submitted, Qt.ConnectionType.QueuedConnection)
        self._start_task(task)
        return []

    def _start_task(self, task: SubmitTask | ExportTask) -> None:
        self._finished.clear()
        self._running[task.signals] = task
        QThreadPool.globalInstance().start(task)

    def _task_done(self) -> None:
        """Called from a task's finishing signal: keep the task until the next one starts."""
        task = self._running.pop(self.sender(), None)
        if task is not None:
            self._finished.append(task)

    def _submitted(self, gen: int, files: list[Path], indices: list[int]) -> None:
        self._task_done()
        self._outstanding[gen] = max(0, self._outstanding.get(gen, 0) - 1)
        self._register(gen, files, indices)
        if not self._outstanding[gen]:
            stale = [k for k in self._early if k[0] == gen]
            for key in stale:
                del self._early[key]

    def _register(self, gen: int, files: list[Path], indices: list[int]) -> list[int]:
        uids = []
        for index, path in zip(indices, files, strict=True):
            uid = next(self._uids)
            key = (gen, index)
            self._keys[key] = uid
            self._where[uid] = key
            self.entries[uid] = FileEntry(uid, path)
            uids.append(uid)
            self.entry_added.emit(uid)
        self.paths_added.emit(uids)
        for index in indices:
            for ev in self._early.pop((gen, index), []):
                self._on_event(gen, ev)
        return uids

    def add_report(self, report: Report) -> int:
        """Show a finished Report that was not produced by this queue (a reopened or built one)."""
        uid = next(self._uids)
        self.entries[uid] = FileEntry(uid, report.media.path, media=report.media,
                                      detectors=tuple(e.detector for e in report.evidence),
                                      evidence={e.detector: e for e in report.evidence}, report=report)
        self.entry_added.emit(uid)
        return uid

    def cancel(self, uid: int | None = None) -> None:
        """Cancel one file's checks, or every unfinished file's."""
        targets = [uid] if uid is not None else list(self.entries)
        for u in targets:
            entry = self.entries.get(u)
            if entry is None or entry.finished or entry.cancelled:
                continue
            entry.cancelled = True
            gen, index = self._where[u]
            worker = self._workers.get(gen)
            if worker is not None:
                worker.scanner.cancel(index)
            self.entry_changed.emit(u)

    def remove(self, uid: int) -> None:
        """Forget a file (and the files found inside it): checks cancelled, late results dropped."""
        for member in [u for u, e in self.entries.items() if e.parent == uid]:
            self.remove(member)
        self.cancel(uid)
        entry = self.entries.pop(uid, None)
        key = self._where.pop(uid, None)
        if key is not None:
            self._keys.pop(key, None)
        if entry is not None:
            self.entry_removed.emit(uid)
            self._maybe_idle()

    def busy(self) -> bool:
        return any(self._outstanding.values()) or any(not e.finished for e in self.entries.values())

    # -- events from the worker (GUI thread) ------------------------------------

    def _on_event(self, gen: int, ev: object) -> None:
        if isinstance(ev, MemberFound):
            self._member_found(gen, ev)
            return
        key = (gen, getattr(ev, "index", -1))
        uid = self._keys.get(key)
        entry = self.entries.get(uid) if uid is not None else None
        if entry is None:
            if uid is None and self._outstanding.get(gen):
                self._early.setdefault(key, []).append(ev)  # its listing is still on the way
            return  # otherwise stale: the file was removed
        if isinstance(ev, FileQueued):
            return
        if isinstance(ev, FileStarted):
            entry.media = ev.media
            entry.detectors = ev.detectors
        elif isinstance(ev, EvidenceReady):
            entry.evidence[ev.evidence.detector] = ev.evidence
        elif isinstance(ev, VerdictReady):
            entry.provisional = ev.report
        elif isinstance(ev, FileDone):
            entry.report = ev.report
            entry.media = ev.report.media
        elif isinstance(ev, FileFailed):
            entry.failed = ev.message or "?"
        else:
            return
        self.entry_changed.emit(uid)
        if entry.finished:
            self._keys.pop((gen, ev.index), None)
            self._maybe_idle()

    def _member_found(self, gen: int, ev: MemberFound) -> None:
        """A container's member becomes an entry of its own, under the container's."""
        parent = self._keys.get((gen, ev.parent))
        if parent is None and self._outstanding.get(gen):
            self._early.setdefault((gen, ev.parent), []).append(ev)  # the container's listing is on the way
            return
        if parent is None or parent not in self.entries:
            return  # the container was removed meanwhile
        uid = next(self._uids)
        self._keys[(gen, ev.index)] = uid
        self._where[uid] = (gen, ev.index)
        self.entries[uid] = FileEntry(uid, ev.path, parent=parent)
        self.entry_added.emit(uid)
        for early in self._early.pop((gen, ev.index), []):
            self._on_event(gen, early)

    # -- deep forensic checks on request -------------------------------------------

    def top_of(self, uid: int) -> int:
        """The uid of the input a file was found in (itself when it is an input)."""
        seen = {uid}
        while (entry := self.entries.get(uid)) is not None and entry.parent is not None and entry.parent not in seen:
            uid = entry.parent
            seen.add(uid)
        return uid

    def run_deep(self, uid: int) -> bool:
        """Run the deep checks held back on request for ``uid``'s input and every file inside it,
        in the background; each finished report is merged into its entry (False: already running,
        or nothing to run)."""
        top = self.top_of(uid)
        family = self.with_members([top])
        entry = self.entries.get(top)
        if entry is None or top in self._deep or not any(
                (e := self.entries.get(u)) is not None and e.report is not None and deep_checks.held(e.report)
                for u in family):
            return False
        # the container check too, so that the files inside it are found and checked again
        config = deep_checks.on_request_config(self.config, deep_checks.deep_detectors() | {"container"})
        run = DeepRun(top, entry.path, config, self._factory, self)
        run.done.connect(self._deep_done, Qt.ConnectionType.QueuedConnection)
        self._deep[top] = run
        for u in family:
            self.entries[u].deep_running = True
            self.entry_changed.emit(u)
        run.start()
        return True

    def _deep_done(self, top: int, reports: dict[str, Report], failures: dict[str, str]) -> None:
        run = self._deep.pop(top, None)
        if run is not None:
            run.wait()
            run.deleteLater()
        whole = failures.get(str(run.path)) if run is not None else None  # the input itself failed
        for u in self.with_members([top]):
            entry = self.entries.get(u)
            if entry is None:
                continue
            entry.deep_running = False
            if entry.report is not None and deep_checks.held(entry.report):
                entry.report = _merged(entry.report, reports.get(str(entry.path)),
                                       failures.get(str(entry.path)) or whole)
                entry.evidence = {e.detector: e for e in entry.report.evidence}
            self.entry_changed.emit(u)

    def deep_running(self, uid: int) -> bool:
        return self.top_of(uid) in self._deep

    def with_members(self, uids: Iterable[int]) -> list[int]:
        """``uids`` with the files found inside each right after it (as the report lists them)."""
        children: dict[int, list[int]] = {}
        for u, e in self.entries.items():
            if e.parent is not None:
                children.setdefault(e.parent, []).append(u)
        out: list[int] = []

        def add(u: int) -> None:
            if u not in out:
                out.append(u)
                for c in children.get(u, ()):
                    add(c)

        for u in uids:
            add(u)
        return out

    def _on_crash(self, gen: int, message: str) -> None:
        """The worker of ``gen`` died: its unfinished files fail with the reason; a new worker takes over."""
        for key, uid in list(self._keys.items()):
            entry = self.entries.get(uid)
            if key[0] == gen and entry is not None and not entry.finished:
                entry.failed = QCoreApplication.translate("Controller", "the analysis stopped unexpectedly: "
                                                                        "{why}").format(why=message)
                self._keys.pop(key, None)
                self.entry_changed.emit(uid)
        self._outstanding.pop(gen, None)
        if gen == self._generation:
            self._start_worker()
        self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self.busy():
            self.idle.emit()

    def network(self) -> Isolation:
        """What keeps the detectors off the network, as this window's workers reported it (the
        weakest if they differ), else what a worker would get on this machine."""
        from verifier.isolation import network_state

        reported: dict[Isolation, int] = {}
        for worker in list(self._workers.values()):
            reported.update(worker.scanner.isolation_reports())
        return network_state(self.config.isolation, reported)

    # -- export -------------------------------------------------------------------

    def export(self, uids: Iterable[int], path: Path, lang: str, sign_key: str | None = None) -> bool:
        """Write the finished reports of ``uids`` to ``path`` on a pool thread; with ``sign_key``,
        sign the report's canonical JSON with that key of the user's (REPORT.json.sig beside it)."""
        reports = [self.entries[u].report for u in self.with_members(uids)
                   if u in self.entries and self.entries[u].report]
        if not reports:
            return False
        config = self.config
        network = self.network()  # what this window's workers reported (read here, on the GUI thread)

        def job() -> Path | None:
            from verifier.about import tool_info
            from verifier.report import render
            from verifier.report.json_report import file_dict

            from verifier.thumbnails import thumbnails

            files = [file_dict(r, embed_attachments=True) for r in reports]
            written = render.write(Path(path), tool_info(config, network), files, lang, thumbnails=thumbnails(files))
            if sign_key is None:
                return None
            from verifier.signing import sign_report

            return sign_report(written.json_path, sign_key)

        task = ExportTask(job, Path(path))
        task.signals.finished.connect(self._export_done, Qt.ConnectionType.QueuedConnection)
        self._start_task(task)
        return True

    def _export_done(self, path: str, error: str, signature: str) -> None:
        self._task_done()
        if signature:
            self.export_signed.emit(path, signature)
        self.export_finished.emit(path, error)


def _merged(report: Report, extra: Report | None, failure: str | None) -> Report:
    """``report`` with the deep checks of ``extra`` merged in; when they could not be run (the run
    failed, the file changed since), each held check becomes a failed one saying why."""
    why = failure or "the file was not analysed again"
    if extra is not None:
        try:
            return deep_checks.merge(report, extra)
        except ValueError as exc:  # the file changed since it was analysed
            why = str(exc)
    failed = tuple(Evidence(d, Status.ERROR, error=why[:500]) for d in deep_checks.held(report))
    return deep_checks.merge(report, replace(report, evidence=failed))
