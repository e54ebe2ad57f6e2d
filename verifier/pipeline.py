"""The analysis pipeline: paths in, events out, progressively.

A :class:`Scanner` takes paths (files or folders) at any time, identifies each file (one
streaming read: SHA-256 + type; a file of ``CONCURRENT_HASH_BYTES`` or more is typed from its
head and hashed in a thread while its isolated detectors run, so that a 4 GB video does not
wait for its hash: its ``FileStarted`` media then has an empty ``sha256``, the Report has the
full one), runs every built-in detector on it through a runner
(worker processes by default, see :mod:`verifier.isolation`) and yields an event as each
detector finishes, then the fused :class:`~verifier.evidence.Report`. The CLI drains the
events; the GUI forwards them to widgets from a worker thread.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .config import Config
from .detectors import BUILTIN_DETECTORS, Context, Detector
from .evidence import Evidence, MediaFile, Report, Status
from .inputs import InputError, hash_file, identify, sniff_file
from .isolation import Runner, Task, detector_ref, make_runner, run_detector
from .verdict import fuse

log = logging.getLogger(__name__)

MAX_FILES_PER_FOLDER_WALK = 1_000_000
# Files at least this large are hashed in a thread while their isolated detectors already run
# (a 4 GB file takes 3-20 s to hash); smaller ones are hashed and sniffed in one pass first.
CONCURRENT_HASH_BYTES = 32 << 20
MAX_CONCURRENT_HASHES = 2  # more files are not admitted meanwhile (one disk, parallel reads thrash)
# A runner that can grow (ProcessRunner) gets one more worker each time tasks have waited this
# long: about what starting a worker costs, so a short scan is not slowed by starting workers.
GROW_AFTER_S = 0.1


@dataclass(frozen=True, slots=True)
class FileQueued:
    index: int
    path: Path


@dataclass(frozen=True, slots=True)
class FileStarted:
    index: int
    media: MediaFile
    detectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvidenceReady:
    index: int
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class FileDone:
    index: int
    report: Report


@dataclass(frozen=True, slots=True)
class FileFailed:
    """The input could not be read at all (missing, unreadable, not a regular file)."""

    index: int
    path: Path
    message: str


Event = FileQueued | FileStarted | EvidenceReady | FileDone | FileFailed


def expand(paths: Iterable[Path | str], recursive: bool = True) -> list[Path]:
    """Files as given, folders walked in a stable order (hidden entries skipped)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            walker = os.walk(p) if recursive else [(str(p), [], [f.name for f in p.iterdir()])]
            for root, dirs, files in walker:
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    f = Path(root) / name
                    if f.is_file():
                        out.append(f)
                if len(out) > MAX_FILES_PER_FOLDER_WALK:
                    break
        else:
            out.append(p)
    return out


def companions_for(path: Path, batch: Sequence[Path]) -> tuple[Path, ...]:
    """Other inputs of the same batch that belong to ``path`` (see :class:`Companions`)."""
    return Companions(batch).of(path)


class Companions:
    """Pairs inputs that belong together, in one pass over the batch.

    A sidecar manifest (``photo.c2pa`` beside ``photo.jpg``), and the media segments
    (``.m4s``) beside a fragmented MP4's init segment. Indexed by folder, so a drop of
    thousands of files costs linear time.
    """

    VIDEO_INITS = (".mp4", ".m4v", ".mov")

    def __init__(self, batch: Iterable[Path]) -> None:
        self._sidecars: dict[tuple[Path, str], list[Path]] = {}
        self._segments: dict[Path, list[Path]] = {}
        for p in batch:
            suffix = p.suffix.lower()
            if suffix == ".c2pa":
                self._sidecars.setdefault((p.parent, p.stem), []).append(p)
            elif suffix == ".m4s":
                self._segments.setdefault(p.parent, []).append(p)

    def of(self, path: Path) -> tuple[Path, ...]:
        out = [p for p in self._sidecars.get((path.parent, path.stem), ()) if p != path]
        if path.suffix.lower() in self.VIDEO_INITS:
            out.extend(self._segments.get(path.parent, ()))
        return tuple(out)


@dataclass
class _FileState:
    index: int
    path: Path
    companions: tuple[Path, ...]
    media: MediaFile | None = None
    waiting: set[str] = field(default_factory=set)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    cancelled: bool = False
    hashing: "_Hashing | None" = None  # the SHA-256 still being computed (large files)
    deferred: list[Detector] = field(default_factory=list)  # in-process detectors awaiting the hash


class _Hashing:
    """A large file's SHA-256, computed in a thread (hashlib and file reads release the GIL)."""

    def __init__(self, path: Path, done: threading.Event) -> None:
        self.result: tuple[str, int] | None = None
        self.error = ""
        self._stop = False
        self._done = done
        self._finished = threading.Event()
        threading.Thread(target=self._run, args=(path,), name="sha256", daemon=True).start()

    def _run(self, path: Path) -> None:
        try:
            self.result = hash_file(path, lambda: self._stop)
        except (InputError, OSError) as exc:
            self.error = str(exc)
        finally:
            self._finished.set()
            self._done.set()

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def stop(self) -> None:
        self._stop = True


class Scanner:
    """Analyse files; thread-safe ``submit``/``cancel``, one thread drains ``events``."""

    def __init__(
        self,
        config: Config | None = None,
        detectors: Sequence[Detector] = BUILTIN_DETECTORS,
        runner: Runner | None = None,
        prepare: bool = False,
    ) -> None:
        """``prepare``: have the idle workers load the detectors' libraries, models and trust
        lists before the first file (the GUI, which has idle time; not a batch, where that
        loading would compete with the scan's own start-up)."""
        self.config = config or Config()
        self.prepares = prepare
        self.detectors = tuple(detectors)
        self._runner = runner
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._incoming: deque[_FileState] = deque()
        self._files: dict[int, _FileState] = {}
        self._tasks: deque[Task] = deque()
        self._keys = itertools.count()
        self._indices = itertools.count()
        self._closed = False
        self._hashed = threading.Event()
        self._waiting_since: float | None = None  # tasks queued, no worker free, since then

    # -- called from any thread -------------------------------------------------------

    def submit(self, paths: Iterable[Path | str], recursive: bool = True) -> list[int]:
        batch = expand(paths, recursive)
        companions = Companions(batch)
        states = [_FileState(next(self._indices), p, companions.of(p)) for p in batch]
        with self._lock:
            self._incoming.extend(states)
        self._wake.set()
        return [s.index for s in states]

    def cancel(self, index: int | None = None) -> None:
        """Cancel one file (or all): pending checks are skipped, running ones stopped."""
        with self._lock:
            targets = list(self._files.values()) + list(self._incoming)
            for st in targets:
                if index is None or st.index == index:
                    st.cancelled = True
        self._wake.set()

    # -- the draining thread ----------------------------------------------------------

    def events(self, until_idle: bool = True) -> Iterator[Event]:
        runner = self._runner or make_runner(
            self.config.isolation, self.config.worker_count(), self.config.memory_limit_mb
        )
        self._runner = runner
        warm = getattr(runner, "warm", None)  # runners from elsewhere may not have it
        if warm is not None:
            warm()
        prepare = getattr(runner, "prepare", None)
        if self.prepares and prepare is not None:
            prepare(tuple(detector_ref(d) for d in self.detectors
                          if d.isolated and d.name not in self.config.disabled), Context(config=self.config))
        while not self._closed:
            yield from self._admit()
            yield from self._dispatch(runner)
            if self._busy():
                results = runner.poll(0.1)
                if not results and self._only_hashing():
                    self._hashed.wait(0.1)
                self._hashed.clear()
                yield from self._hashes_done()
            else:
                if until_idle and not self._incoming:
                    return
                self._wake.wait(0.2)
                self._wake.clear()
                continue
            yield from self._cancelled(runner)
            for task, ev in results:
                yield from self._record(task.file_index, ev)

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        for st in list(self._files.values()):
            if st.hashing is not None:
                st.hashing.stop()
        if self._runner is not None:
            self._runner.close()

    def __enter__(self) -> "Scanner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------

    def _busy(self) -> bool:
        return any(st.waiting for st in self._files.values())

    def _only_hashing(self) -> bool:
        """Nothing runs in the runner; only hashes are awaited (poll returns at once then)."""
        return not any(st.waiting - {d.name for d in st.deferred} for st in self._files.values())

    def _identify(self, st: _FileState) -> MediaFile:
        try:
            size = st.path.stat().st_size
        except OSError:
            size = 0  # identify() reports the problem
        if size < CONCURRENT_HASH_BYTES:
            return identify(st.path)
        media = sniff_file(st.path)
        st.hashing = _Hashing(st.path, self._hashed)
        return media

    def _hashes_done(self) -> Iterator[Event]:
        """Files whose hash has finished: complete their media, run the deferred detectors."""
        for st in [s for s in self._files.values() if s.hashing is not None and s.hashing.finished]:
            hashing, st.hashing = st.hashing, None
            assert st.media is not None
            deferred, st.deferred = st.deferred, []
            if hashing.result is not None:
                sha, size = hashing.result
                st.media = replace(st.media, sha256=sha, size=size)
                ctx = Context(config=self.config, companions=st.companions)
                for det in deferred:
                    yield from self._record(st.index, run_detector(det, st.media, ctx))
            elif st.cancelled:
                for det in deferred:
                    yield from self._record(st.index, Evidence(det.name, Status.SKIPPED, error="cancelled",
                                                                        reason="cancelled"))
            else:
                why = hashing.error or "stopped"
                for det in deferred:
                    yield from self._record(st.index, Evidence(
                        det.name, Status.ERROR, error=f"the file could not be read to the end: {why}",
                        reason="truncated", reason_params={"detail": str(why)[:300]}))

    def _admit(self) -> Iterator[Event]:
        """Identify queued files while there is no backlog of tasks (keeps memory bounded)."""
        while (len(self._tasks) < 2 * len(self.detectors)
               and sum(st.hashing is not None for st in self._files.values()) < MAX_CONCURRENT_HASHES):
            with self._lock:
                if not self._incoming:
                    return
                st = self._incoming.popleft()
                self._files[st.index] = st
            yield FileQueued(st.index, st.path)
            if st.cancelled:
                del self._files[st.index]
                yield FileFailed(st.index, st.path, "cancelled")
                continue
            try:
                st.media = self._identify(st)
            except (InputError, OSError) as exc:
                del self._files[st.index]
                yield FileFailed(st.index, st.path, str(exc))
                continue
            yield FileStarted(st.index, st.media, tuple(d.name for d in self.detectors))
            ctx = Context(config=self.config, companions=st.companions)
            for det in self.detectors:
                st.waiting.add(det.name)
            for det in self.detectors:
                if det.name in self.config.disabled:
                    yield from self._record(st.index, Evidence(det.name, Status.SKIPPED,
                                                               error="switched off in settings",
                                                               reason="switched_off"))
                elif not det.isolated and st.hashing is not None:
                    st.deferred.append(det)  # in-process detectors may read the SHA-256
                elif not det.isolated:
                    yield from self._record(st.index, run_detector(det, st.media, ctx))
                elif not _applies(det, st.media):
                    yield from self._record(st.index, Evidence(det.name, Status.NOT_APPLICABLE))
                else:
                    self._tasks.append(Task(next(self._keys), st.index, det.name, detector_ref(det),
                                            st.media, ctx, self.config.timeout_for(det.name)))

    def _dispatch(self, runner: Runner) -> Iterator[Event]:
        while self._tasks and runner.capacity() > 0:
            task = self._tasks.popleft()
            st = self._files.get(task.file_index)
            if st is None:
                continue
            if st.cancelled:
                yield from self._record(task.file_index, Evidence(task.detector, Status.SKIPPED, error="cancelled",
                                                                          reason="cancelled"))
                continue
            runner.start(task)
        self._grow_if_waiting(runner)

    def _grow_if_waiting(self, runner: Runner) -> None:
        if not self._tasks:
            self._waiting_since = None
            return
        now = time.monotonic()
        if self._waiting_since is None:
            self._waiting_since = now
        elif now - self._waiting_since >= GROW_AFTER_S:
            grow = getattr(runner, "grow", None)  # runners from elsewhere may not have it
            if grow is not None:
                grow()
            self._waiting_since = now

    def _cancelled(self, runner: Runner) -> Iterator[Event]:
        with self._lock:
            gone = {i for i, st in self._files.items() if st.cancelled}
        if not gone:
            return
        for i in gone:
            hashing = self._files[i].hashing
            if hashing is not None:
                hashing.stop()
        for task, ev in runner.cancel(lambda t: t.file_index in gone):
            yield from self._record(task.file_index, ev)
        for task in [t for t in self._tasks if t.file_index in gone]:
            self._tasks.remove(task)
            yield from self._record(task.file_index, Evidence(task.detector, Status.SKIPPED, error="cancelled",
                                                                          reason="cancelled"))

    def _record(self, index: int, ev: Evidence) -> Iterator[Event]:
        st = self._files.get(index)
        if st is None or ev.detector not in st.waiting:
            return
        st.waiting.discard(ev.detector)
        st.evidence[ev.detector] = ev
        yield EvidenceReady(index, ev)
        if not st.waiting:
            del self._files[index]
            yield FileDone(index, build_report(st.media, st.evidence, self.detectors, self.config.lang))


def _applies(det: Detector, media: MediaFile) -> bool:
    """``applies_to`` asked here, before a worker round trip (it is a cheap decision from the
    sniffed type). If it fails, the task goes to the worker, which reports the failure."""
    try:
        return bool(det.applies_to(media))
    except Exception:  # noqa: BLE001 - reported by the worker's run_detector
        return True


def build_report(media: MediaFile | None, evidence: dict[str, Evidence], detectors: Sequence[Detector],
                 lang: str = "en") -> Report:
    assert media is not None
    ordered = tuple(evidence[d.name] for d in detectors if d.name in evidence)
    return Report(
        media=media,
        evidence=ordered,
        verdict=fuse(ordered),
        analysed_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def scan(paths: Iterable[Path | str], config: Config | None = None, recursive: bool = True,
         detectors: Sequence[Detector] = BUILTIN_DETECTORS) -> Iterator[Report | FileFailed]:
    """Analyse paths and yield a Report (or FileFailed) per file, in completion order."""
    with Scanner(config, detectors) as scanner:
        scanner.submit(paths, recursive)
        for ev in scanner.events():
            if isinstance(ev, FileDone):
                yield ev.report
            elif isinstance(ev, FileFailed):
                yield ev


def analyse_file(path: Path | str, config: Config | None = None,
                 detectors: Sequence[Detector] = BUILTIN_DETECTORS) -> Report:
    """One file, start to finish (the unit of work for batch engines)."""
    for result in scan([path], config, recursive=False, detectors=detectors):
        if isinstance(result, FileFailed):
            raise InputError(result.message)
        return result
    raise InputError(f"{path}: nothing to analyse")
