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
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from . import deep_checks
from .advisory import is_advisory
from .config import NOT_IN_PROFILE, Config
from .containers import scratch
from .containers.expand import container_kind
from .containers.limits import Budget, Expansion
from .containers.verdict import combine
from .detectors import BUILTIN_DETECTORS, Context, Detector, spec_of
from .evidence import Evidence, MediaFile, Report, Status, VerdictCode
from .inputs import InputError, hash_file, identify, sniff_file
from .isolation import Runner, Task, detector_ref, make_runner, run_detector
from .sandbox import Isolation
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
class VerdictReady:
    """Every check that can decide a file's verdict has finished; only advisory checks (which never
    change it, CONTRACT.md) are still running. ``report`` holds the evidence so far and the verdict,
    which the file's FileDone repeats. Not sent for a container (its members decide its verdict)."""

    index: int
    report: Report


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
    parent: str = ""  # a member's container path


@dataclass(frozen=True, slots=True)
class MemberFound:
    """A container's member (an attachment, an archive member…), queued to be analysed as a
    file of its own; the container's FileDone comes after every member's (files inside files)."""

    index: int
    parent: int  # the container's index
    path: Path  # as the user sees it: "container#place"


Event = FileQueued | FileStarted | EvidenceReady | VerdictReady | FileDone | FileFailed | MemberFound


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
    verdict_sent: bool = False  # VerdictReady given (only advisory checks were left)
    hashing: "_Hashing | None" = None  # the SHA-256 still being computed (large files)
    deferred: list[Detector] = field(default_factory=list)  # in-process detectors awaiting the hash
    held: list[Detector] = field(default_factory=list)  # deep checks awaiting the verdict (deep_checks)
    admitted: bool = False  # every detector has been started, recorded or held
    # files inside files: a member knows its container; a container its members, their results
    # and its own report while they run (see verifier.containers)
    parent: "_FileState | None" = None
    shown: Path | None = None  # a member's path as the user sees it ("container#place")
    depth: int = 0
    expansion: Expansion | None = None
    members: list["_FileState"] = field(default_factory=list)
    results: dict[int, "Report | str"] = field(default_factory=dict)
    own: Report | None = None
    limits: tuple[dict[str, object], ...] = ()

    @property
    def root(self) -> "_FileState":
        st = self
        while st.parent is not None:
            st = st.parent
        return st

    @property
    def display(self) -> Path:
        return self.shown or self.path


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
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        """``prepare``: have the idle workers load the detectors' libraries, models and trust
        lists before the first file (the GUI, which has idle time; not a batch, where that
        loading would compete with the scan's own start-up). ``on_wait``: called once, the first
        time this scanner waits for its workers' results (the caller's own work can run then)."""
        self.config = config or Config()
        self.prepares = prepare
        self._on_wait = on_wait
        self.detectors = tuple(detectors)
        # the checks whose findings never change a verdict (their specs say so)
        self._advisory = frozenset(d.name for d in self.detectors
                                   if getattr(getattr(d, "spec", None), "advisory", False) or is_advisory(d.name))
        # the deep checks, held until the verdict is known when the profile says so (deep_checks)
        self._deep = frozenset(d.name for d in self.detectors if d.name in self._advisory and _is_deep(d))
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
        self._scratch: dict[int, Path] = {}  # top-level container index -> its members' folder
        self._budgets: dict[int, Budget] = {}  # top-level container index -> what is left to spend
        self._holding: dict[int, _FileState] = {}  # containers whose own checks are done, members not

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
                if index is None or st.index == index or _inside(st, index):
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
            # Idle time ahead (the GUI): two workers load everything, so that the first file's two
            # slowest checks (OCR, the watermark's decoding) run side by side, not one after the other.
            grow = getattr(runner, "grow", None)
            if grow is not None:
                grow()
            prepare(tuple(detector_ref(d) for d in self.detectors
                          if d.isolated and d.name not in self.config.disabled and self.config.in_profile(d.name)),
                    Context(config=self.config))
        while not self._closed:
            yield from self._admit()
            yield from self._dispatch(runner)
            if self._busy():
                if self._on_wait is not None:
                    on_wait, self._on_wait = self._on_wait, None
                    on_wait()
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

    def isolation_reports(self) -> dict[Isolation, int]:
        """What this scanner's workers reported about their isolation (``ProcessRunner.reported``;
        empty before any worker started): for ``isolation.network_state``."""
        reported = getattr(self._runner, "reported", None)
        return dict(reported) if reported else {}  # one C-level copy: safe beside the draining thread

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        for st in list(self._files.values()):
            if st.hashing is not None:
                st.hashing.stop()
        if self._runner is not None:
            self._runner.close()
        for folder in self._scratch.values():
            scratch.remove(folder)
        self._scratch.clear()

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
            assert hashing is not None and st.media is not None
            deferred, st.deferred = st.deferred, []
            if hashing.result is not None:
                sha, size = hashing.result
                st.media = replace(st.media, sha256=sha, size=size)
                ctx = Context(config=self.config, companions=st.companions, expansion=st.expansion)
                for det in deferred:
                    yield from self._record(st.index, run_detector(det, st.media, ctx))
            elif st.cancelled:
                for det in deferred:
                    yield from self._record(st.index, cancelled(det.name))
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
            yield FileQueued(st.index, st.display)
            if st.cancelled:
                del self._files[st.index]
                yield from self._failed(st, "cancelled")
                continue
            try:
                st.media = self._identify(st)
            except (InputError, OSError) as exc:
                del self._files[st.index]
                yield from self._failed(st, str(exc).replace(str(st.path), str(st.display)))
                continue
            yield FileStarted(st.index, _shown(st, st.media), tuple(d.name for d in self.detectors))
            for det in self.detectors:
                st.waiting.add(det.name)
            try:
                st.expansion = self._expansion_for(st)
            except OSError as exc:  # no private folder for its members: that check fails, others run
                yield from self._record(st.index, Evidence("container", Status.ERROR, error=(
                    f"no private temporary folder could be made for the files inside it: {exc}")))
            ctx = Context(config=self.config, companions=st.companions, expansion=st.expansion)
            for det in self.detectors:
                if det.name not in st.waiting:
                    continue  # already recorded (failed before it could start)
                if det.name in self.config.disabled:
                    yield from self._record(st.index, Evidence(det.name, Status.SKIPPED,
                                                               error="switched off in settings",
                                                               reason="switched_off"))
                elif not self.config.in_profile(det.name):
                    yield from self._record(st.index, not_in_profile(det.name, self.config.profile))
                elif det.name in self._deep and self.config.holds_deep_checks() and _applies(det, st.media):
                    st.held.append(det)  # run once the verdict is known, if the file carries no provenance
                elif not det.isolated and st.hashing is not None:
                    st.deferred.append(det)  # in-process detectors may read the SHA-256
                elif not det.isolated:
                    yield from self._record(st.index, run_detector(det, st.media, ctx))
                elif not _applies(det, st.media):
                    yield from self._record(st.index, Evidence(det.name, Status.NOT_APPLICABLE))
                else:
                    self._queue(st, det, ctx)
            st.admitted = True
            if st.index in self._files:
                yield from self._verdict_news(st)

    def _queue(self, st: _FileState, det: Detector, ctx: Context) -> None:
        assert st.media is not None
        self._tasks.append(Task(next(self._keys), st.index, det.name, detector_ref(det), st.media, ctx,
                                self.config.timeout_for(det.name)))

    def _verdict_known(self, st: _FileState) -> bool:
        """Only advisory checks are left (or held): the file's own verdict can no longer change."""
        return st.admitted and "container" not in st.waiting and st.waiting <= self._advisory

    def _verdict_news(self, st: _FileState) -> Iterator[Event]:
        """Once only advisory checks are left: the verdict to show, and the held deep checks."""
        send = not st.verdict_sent and not st.members
        if not (st.waiting and self._verdict_known(st)) or not (send or st.held):
            return
        report = build_report(st.media, st.evidence, self.detectors, self.config.lang)  # once for both
        if send:
            st.verdict_sent = True
            yield VerdictReady(st.index, report)
        yield from self._release(st, report.verdict.code)

    def _release(self, st: _FileState, code: VerdictCode) -> Iterator[Event]:
        """The verdict is known: run the held deep checks if the file carries no provenance, else record them
        as left to be run on request (verifier.deep_checks)."""
        held, st.held = st.held, []
        if not held:
            return
        if deep_checks.worth_running(code):
            ctx = Context(config=self.config, companions=st.companions, expansion=st.expansion)
            for det in held:
                self._queue(st, det, ctx)
            return
        for det in held:
            yield from self._record(st.index, deep_checks.held_back(det.name, code))

    def _dispatch(self, runner: Runner) -> Iterator[Event]:
        pick = getattr(runner, "pick", None)  # where detectors are loaded matters (ProcessRunner.pick)
        while self._tasks and runner.capacity() > 0:
            task = pick(self._tasks) if pick is not None else self._tasks[0]
            if task is None:
                break  # what is left waits for a worker that is loading its detector
            self._tasks.remove(task)
            st = self._files.get(task.file_index)
            if st is None:
                continue
            if st.cancelled:
                yield from self._record(task.file_index, cancelled(task.detector))
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
        for i in gone:
            st = self._files.get(i)
            if st is None:
                continue
            held, st.held = st.held, []
            for det in held:
                yield from self._record(i, cancelled(det.name))
        for task in [t for t in self._tasks if t.file_index in gone]:
            self._tasks.remove(task)
            yield from self._record(task.file_index, cancelled(task.detector))

    def _record(self, index: int, ev: Evidence) -> Iterator[Event]:
        st = self._files.get(index)
        if st is None or ev.detector not in st.waiting:
            return
        st.waiting.discard(ev.detector)
        if st.shown is not None and ev.error:  # a member's scratch file is not a path the user knows
            ev = replace(ev, error=ev.error.replace(str(st.path), str(st.shown)))
        if ev.detector == "container" and st.expansion is not None:
            ev = yield from self._members_found(st, ev)
        st.evidence[ev.detector] = ev
        yield EvidenceReady(index, ev)
        if st.held and st.waiting and self._verdict_known(st):
            yield from self._verdict_news(st)  # the held checks' records may finish the file
            return
        yield from self._verdict_news(st)
        if not st.waiting:
            del self._files[index]
            report = build_report(st.media, st.evidence, self.detectors, self.config.lang)
            if any(m.index not in st.results for m in st.members):
                st.own = report
                self._holding[index] = st
                return
            yield from self._finish(st, report)

    # -- files inside files ---------------------------------------------------------

    def _expansion_for(self, st: _FileState) -> Expansion | None:
        """A folder for the members of a container (none for other files, or when switched off)."""
        assert st.media is not None
        if "container" in self.config.disabled or container_kind(st.media) is None:
            return None
        root = st.root
        if st is root:
            self._scratch[root.index] = folder = scratch.new_root()
            self._budgets[root.index] = Budget.fresh(self.config.member_limits)
        elif root.index in self._scratch:
            folder = scratch.sub_folder(self._scratch[root.index], f"c{st.index}")
        else:
            return None
        depth_left = self.config.member_limits.depth - st.depth
        return Expansion(folder, replace(self._budgets[root.index], depth=depth_left))

    def _members_found(self, st: _FileState, ev: Evidence) -> Generator[Event, None, Evidence]:
        """Queue the members a container's expansion wrote, right after it; returns ``ev``
        without the scratch names (its facts list each member's path instead)."""
        assert st.expansion is not None
        if ev.status is not Status.OK:
            return ev
        found = scratch.member_files(st.expansion.folder, ev.facts)
        root = st.root.index
        self._budgets[root] = self._budgets[root].spend(len(found), int(ev.facts.get("inflated_bytes") or 0))
        st.limits = tuple(h for h in ev.facts.get("limits") or () if isinstance(h, dict))
        rows = []
        for place, path, row in found:
            shown = Path(f"{st.display}#{place}")
            st.members.append(_FileState(next(self._indices), path, (), parent=st, shown=shown,
                                         depth=st.depth + 1))
            rows.append({**row, "path": str(shown)})
        with self._lock:
            self._incoming.extendleft(reversed(st.members))
        for member in st.members:
            yield MemberFound(member.index, st.index, member.display)
        return replace(ev, facts={**ev.facts, "members": rows})

    def _failed(self, st: _FileState, message: str) -> Iterator[Event]:
        parent = str(st.parent.display) if st.parent is not None else ""
        yield FileFailed(st.index, st.display, message, parent)
        if st.parent is not None:
            yield from self._member_done(st, message)

    def _finish(self, st: _FileState, report: Report) -> Iterator[Event]:
        """A file whose own checks and members are all done: its final report."""
        results = [(str(m.display), st.results.get(m.index)) for m in st.members]
        report = replace(
            report,
            media=_shown(st, report.media),
            parent=str(st.parent.display) if st.parent is not None else "",
            members=tuple(str(m.display) for m in st.members),
            limits=st.limits,
            verdict=combine(report.verdict, results, st.limits)
            if st.members or st.limits else report.verdict,
        )
        # cleaned up before the event: a consumer may stop reading at its FileDone
        if st.parent is not None:
            st.path.unlink(missing_ok=True)  # its scratch copy is no longer needed
        else:
            folder = self._scratch.pop(st.index, None)
            self._budgets.pop(st.index, None)
            if folder is not None:
                scratch.remove(folder)
        yield FileDone(st.index, report)
        if st.parent is not None:
            yield from self._member_done(st, report)

    def _member_done(self, member: _FileState, result: Report | str) -> Iterator[Event]:
        container = member.parent
        assert container is not None
        container.results[member.index] = result
        if container.own is not None and all(m.index in container.results for m in container.members):
            self._holding.pop(container.index, None)
            yield from self._finish(container, container.own)


def _shown(st: _FileState, media: MediaFile) -> MediaFile:
    """A member's media as the user sees it: its ``container#place`` path, not the scratch copy."""
    return replace(media, path=st.shown) if st.shown is not None else media


def _inside(st: _FileState, index: int) -> bool:
    parent = st.parent
    while parent is not None:
        if parent.index == index:
            return True
        parent = parent.parent
    return False


def not_in_profile(detector: str, profile: str) -> Evidence:
    """A check the chosen profile leaves out: skipped, with the reason code (worded by verifier.describe)."""
    return Evidence(detector, Status.SKIPPED, error=f"not part of the {profile!r} profile",
                    reason=NOT_IN_PROFILE, reason_params={"profile": profile})


def cancelled(detector: str) -> Evidence:
    """A check not run because its file was cancelled."""
    return Evidence(detector, Status.SKIPPED, error="cancelled", reason="cancelled")


def _is_deep(det: Detector) -> bool:
    spec = getattr(det, "spec", None) or spec_of(det.name)
    return bool(getattr(spec, "deep", False))


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
         detectors: Sequence[Detector] = BUILTIN_DETECTORS,
         runner: Runner | None = None,
         on_wait: Callable[[], None] | None = None) -> Generator[Report | FileFailed, None, None]:
    """Analyse paths and yield a Report (or FileFailed) per file, in completion order; a
    container's members follow it, in their order inside it (held until the container is done).
    ``runner``: one already started (the CLI's early workers), closed at the end. ``on_wait``:
    see :class:`Scanner`."""
    held: dict[str, list[Report | FileFailed]] = {}
    with Scanner(config, detectors, runner, on_wait=on_wait) as scanner:
        scanner.submit(paths, recursive)
        for ev in scanner.events():
            if isinstance(ev, FileDone | FileFailed):
                result = ev.report if isinstance(ev, FileDone) else ev
                parent = result.parent
                if parent:
                    held.setdefault(parent, []).append(result)
                else:
                    yield from _with_members(result, held)


def _with_members(result: Report | FileFailed, held: dict[str, list[Report | FileFailed]]) -> Iterator[Report | FileFailed]:
    yield result
    if isinstance(result, Report) and result.members:
        mine = {str(r.media.path if isinstance(r, Report) else r.path): r
                for r in held.pop(str(result.media.path), [])}
        for path in result.members:
            if path in mine:
                yield from _with_members(mine[path], held)


def analyse_file(path: Path | str, config: Config | None = None,
                 detectors: Sequence[Detector] = BUILTIN_DETECTORS) -> Report:
    """One file, start to finish (the unit of work for batch engines)."""
    for result in scan([path], config, recursive=False, detectors=detectors):
        if isinstance(result, FileFailed):
            raise InputError(result.message)
        return result
    raise InputError(f"{path}: nothing to analyse")
