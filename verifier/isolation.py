"""Run detectors in isolation: worker processes with time and memory limits.

A detector that segfaults, hangs or exhausts memory must cost only its own result on that
file. :class:`ProcessRunner` keeps a small pool of long-lived worker processes (so that
``import c2pa`` or an OCR model load is paid once per worker, not per file), sends each
(file, detector) task to an idle worker, and kills and replaces a worker that overruns its
deadline or dies. :class:`InlineRunner` does the same in threads, for tests and debugging: it
enforces the deadline by abandoning the thread, so it cannot stop a runaway native call.
"""

from __future__ import annotations

import functools
import importlib
import logging
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from .detectors.base import Context, Detector, DetectorFailure, NotApplicable, reason_code
from .evidence import Evidence, MediaFile, Status
from .sandbox import Isolation

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Task:
    key: int  # unique per task within a runner
    file_index: int
    detector: str  # the detector's name
    detector_ref: str  # "module:QualName", instantiated once per worker
    media: MediaFile
    ctx: Context
    timeout: float


def detector_ref(det: Detector) -> str:
    return f"{type(det).__module__}:{type(det).__qualname__}"


_INSTANCES: dict[str, Detector] = {}


def _instance(ref: str) -> Detector:
    det = _INSTANCES.get(ref)
    if det is None:
        module, _, qualname = ref.partition(":")
        obj: Any = importlib.import_module(module)
        for part in qualname.split("."):
            obj = getattr(obj, part)
        det = _INSTANCES[ref] = obj()
    return det


def run_detector(det: Detector, media: MediaFile, ctx: Context) -> Evidence:
    """Run one detector and turn every outcome, including failure, into Evidence."""
    start = time.perf_counter()

    def done(status: Status, error: str = "", reason: tuple[str, dict[str, Any]] = ("", {}), **kw: Any) -> Evidence:
        ms = round((time.perf_counter() - start) * 1000, 2)
        return Evidence(detector=det.name, status=status, ms=ms, error=error, reason=reason[0],
                        reason_params=reason[1], **kw)

    try:
        if not det.applies_to(media):
            return done(Status.NOT_APPLICABLE)
        findings = det.run(media, ctx)
    except NotApplicable as exc:
        return done(Status.NOT_APPLICABLE, str(exc), reason_code(exc))
    except DetectorFailure as exc:
        code = reason_code(exc)
        return done(Status.ERROR, str(exc) or "the check could not be completed",
                    (code[0], {**code[1], "detail": str(exc)}) if code[0] else
                    ("failed", {"detail": str(exc)} if str(exc) else {}))
    except MemoryError:
        return done(Status.ERROR, _out_of_memory(ctx), _oom(ctx))
    except RecursionError:
        return done(Status.ERROR, "the file is nested too deeply to analyse", ("too_deep", {}))
    except Exception as exc:  # noqa: BLE001 - a failure is data, reported as such
        log.debug("detector %s failed on %s", det.name, media.path, exc_info=True)
        return done(Status.ERROR, explain(exc, ctx), reason_of(exc, ctx))
    return done(Status.OK, signals=findings.signals, facts=findings.facts, attachments=findings.attachments,
                indicators=findings.indicators)


def _oom(ctx: Context) -> tuple[str, dict[str, Any]]:
    return "out_of_memory", {"limit": ctx.config.memory_limit_mb}


def reason_of(exc: BaseException, ctx: Context) -> tuple[str, dict[str, Any]]:
    """The reason code (and parameters) of an exception a detector let escape; cf. :func:`explain`."""
    kind, text = type(exc).__name__, str(exc)
    if kind == "DecompressionBombError":
        return "bomb", {"detail": text[:300]}
    if any(marker in text.lower() for marker in _NATIVE_OOM):
        return "out_of_memory", {"limit": ctx.config.memory_limit_mb, "detail": f"{kind}: {text}"[:300]}
    return "failed", {"detail": f"{kind}: {text}"[:500]}


def _out_of_memory(ctx: Context) -> str:
    return f"ran out of memory (limit {ctx.config.memory_limit_mb} MB per worker)"


# Native libraries report exhaustion of the address-space limit in their own words.
_NATIVE_OOM = ("bad_alloc", "failed to map segment", "cannot allocate memory", "out of memory")


def explain(exc: BaseException, ctx: Context) -> str:
    """A clear, bounded message for an exception a detector let escape."""
    kind = type(exc).__name__
    text = str(exc)
    if kind == "DecompressionBombError":  # Pillow, matched by name: no import here
        return ("the image declares more pixels than is safe to decode "
                f"(decompression bomb protection): {text}"[:500])
    if any(marker in text.lower() for marker in _NATIVE_OOM):
        if isinstance(exc, ImportError | OSError):
            return (f"{_out_of_memory(ctx)} while loading a library; the limit may be too low "
                    f"for this machine ({kind}: {text})"[:500])
        return f"{_out_of_memory(ctx)} ({kind}: {text})"[:500]
    return f"{kind}: {text}"[:500]


def failure(task: Task, status: Status, message: str, ms: float = 0.0,
            reason: tuple[str, dict[str, Any]] = ("", {})) -> Evidence:
    return Evidence(detector=task.detector, status=status, error=message, ms=round(ms, 2), reason=reason[0],
                    reason_params=reason[1])


class Runner(Protocol):
    def capacity(self) -> int: ...

    def warm(self) -> None: ...

    def start(self, task: Task) -> None: ...

    def poll(self, timeout: float) -> list[tuple[Task, Evidence]]: ...

    def cancel(self, which: Callable[[Task], bool]) -> list[tuple[Task, Evidence]]: ...

    def close(self) -> None: ...


# --------------------------------------------------------------------------- inline


class InlineRunner:
    """Threads with deadlines. A timed-out thread is abandoned (it cannot be killed)."""

    def __init__(self, workers: int = 1) -> None:
        self._workers = max(1, workers)
        self._results: queue.Queue[tuple[Task, Evidence]] = queue.Queue()
        self._running: dict[int, tuple[Task, float]] = {}

    def capacity(self) -> int:
        return self._workers - len(self._running)

    def warm(self) -> None:
        pass

    def start(self, task: Task) -> None:
        self._running[task.key] = (task, time.monotonic())

        def body() -> None:
            self._results.put((task, run_detector(_instance(task.detector_ref), task.media, task.ctx)))

        threading.Thread(target=body, name=f"detector-{task.detector}", daemon=True).start()

    def poll(self, timeout: float) -> list[tuple[Task, Evidence]]:
        out: list[tuple[Task, Evidence]] = []
        deadline = time.monotonic() + timeout
        while self._running:
            try:
                task, ev = self._results.get(timeout=max(0.0, min(deadline - time.monotonic(), 0.05)))
            except queue.Empty:
                out.extend(self._expire())
                if out or time.monotonic() >= deadline:
                    break
                continue
            if self._running.pop(task.key, None) is not None:
                out.append((task, ev))
            break
        return out

    def _expire(self) -> list[tuple[Task, Evidence]]:
        now = time.monotonic()
        expired = [(t, s) for t, s in self._running.values() if now - s > t.timeout]
        for task, _ in expired:
            del self._running[task.key]
        return [(t, failure(t, Status.TIMEOUT, _timeout_message(t), (now - s) * 1000,
                                                  _timeout_reason(t))) for t, s in expired]

    def cancel(self, which: Callable[[Task], bool]) -> list[tuple[Task, Evidence]]:
        hit = [t for t, _ in self._running.values() if which(t)]
        for task in hit:
            del self._running[task.key]
        return [(t, failure(t, Status.SKIPPED, "cancelled", reason=("cancelled", {}))) for t in hit]

    def close(self) -> None:
        self._running.clear()


# --------------------------------------------------------------------------- processes


# Environment variables that cap the threads of native libraries, read when they load.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "OPENCV_FOR_THREADS_NUM", "VERIFIER_WORKER_THREADS")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def threads_per_worker(workers: int) -> int:
    """The cores shared out between the workers (one worker per core: one thread each)."""
    return max(1, cores() // max(1, workers))


def _limit_threads(threads: int) -> None:
    """Before any native import: OpenCV, onnxruntime (via adapters.ocr) and BLAS would
    otherwise each start one thread per core in every worker, cores x workers threads in all."""
    if threads <= 0:
        return
    for name in THREAD_VARIABLES:
        os.environ[name] = str(threads)


def _worker_main(conn: Connection, memory_limit_mb: int, threads: int = 0) -> None:
    # First, while this process is single-threaded and has loaded no native library: leave the
    # network at the OS level (verifier.sandbox), and tell the parent what holds.
    from . import sandbox

    state = sandbox.isolate()
    # Ctrl-C reaches the whole process group: the parent decides, and stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (already, when started from a main thread)
    conn.send(state)
    from . import netguard

    native = NativeOutput.capture()
    _limit_threads(threads)
    # Native libraries must not write to the user's terminal about hostile files (OpenCV logs
    # every malformed chunk to stderr); detectors report problems as Evidence instead.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "OFF")
    netguard.install()
    netguard.refuse_inet_sockets()
    _limit_memory(memory_limit_mb)
    logging.getLogger().setLevel(logging.WARNING)
    # Libraries' warnings (RapidOCR logs with its own coloured handler) would reach the terminal
    # under the CLI's output; a worker's findings and failures travel as Evidence instead.
    logging.disable(logging.WARNING)
    # Detector modules are imported by the first task that names them, not ahead, unless a
    # Prepare asks (the GUI, which has idle time): on a batch, importing them (or c2pa and cv2)
    # while idle cost both CPU and wall on two cores, where the idle time is when the parent
    # itself is importing (BENCHMARKS.md, "Scan overhead").
    while True:
        try:
            task: Task | None = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            # Nothing to flush: skip the interpreter's teardown of numpy, OpenCV, the C2PA SDK
            # and the OCR model (tens of milliseconds the parent would wait for at exit).
            conn.close()
            os._exit(0)
        if isinstance(task, Prepare):
            _prepare(task)
            native.take()  # what loading printed belongs to no file
            conn.send(PREPARED)
            continue
        native.take()
        try:
            ev = run_detector(_instance(task.detector_ref), task.media, task.ctx)
        except MemoryError:  # e.g. importing the detector's libraries hit the limit
            ev = failure(task, Status.ERROR, _out_of_memory(task.ctx), reason=_oom(task.ctx))
        except Exception as exc:  # noqa: BLE001 - e.g. the detector cannot be imported
            ev = failure(task, Status.ERROR, explain(exc, task.ctx), reason=reason_of(exc, task.ctx))
        printed = native.take()
        if printed:
            ev = replace(ev, facts={**ev.facts, NATIVE_MESSAGES: printed})
        try:
            conn.send((task.key, ev))
        except Exception as exc:  # noqa: BLE001 - unpicklable findings
            conn.send((task.key, failure(task, Status.ERROR, f"result could not be returned: {exc}",
                                                  reason=("unreturnable", {"detail": str(exc)[:300]}))))


NATIVE_MESSAGES = "native_messages"  # Evidence.facts key: what native code printed on this file
NATIVE_LINES, NATIVE_LINE_CHARS = 20, 300


class NativeOutput:
    """A worker's file descriptor 2, redirected into a pipe of its own.

    C libraries (mpg123, libsndfile, FFmpeg, OpenCV) write warnings about malformed files
    straight to fd 2, under the CLI's output or into its JSON stream. In a worker, fd 2 is the
    write end of a pipe made non-blocking: what does not fit (64 KiB per task) is dropped by the
    kernel instead of blocking the library, and :meth:`take` drains it after each task into at
    most :data:`NATIVE_LINES` lines that become the detector's ``native_messages`` fact.
    """

    def __init__(self, read_fd: int | None) -> None:
        self._fd = read_fd

    @classmethod
    def capture(cls) -> "NativeOutput":
        try:
            read_fd, write_fd = os.pipe()
            os.set_blocking(read_fd, False)
            os.set_blocking(write_fd, False)
            os.dup2(write_fd, 2)
            os.close(write_fd)
        except (OSError, AttributeError):  # no pipes to redirect into: leave fd 2 alone
            return cls(None)
        return cls(read_fd)

    def take(self) -> list[str]:
        if self._fd is None:
            return []
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            except OSError:
                return []
            if not chunk:
                break
            chunks.append(chunk)
        text = b"".join(chunks).decode("utf-8", "replace")
        lines = [ln.strip()[:NATIVE_LINE_CHARS] for ln in text.splitlines() if ln.strip()]
        if len(lines) > NATIVE_LINES:
            more = len(lines) - NATIVE_LINES + 1
            lines = lines[:NATIVE_LINES - 1] + [f"... {more} more line(s)"]
        return lines


PREPARED = "prepared"  # a worker's answer to Prepare
NOTHING = object()  # _Worker.receive: no answer yet (only the isolation report was read)
PREPARE_LIMIT = 120.0  # seconds a worker may spend preparing before it is replaced
# How long a task waits for the worker that is loading its detector (ProcessRunner.pick) before
# any free worker may take it: a loading that normally takes well under a second, and is stuck
# beyond this, costs the file this much, not PREPARE_LIMIT.
WAIT_FOR_LOADING_S = 5.0


@dataclass(frozen=True, slots=True)
class Prepare:
    """Sent to an idle worker (the GUI's, before the first file): load these detectors and what
    their ``prepare(ctx)`` loads (libraries, the OCR model, trust lists), so that the first file
    does not wait for them. The worker answers :data:`PREPARED` and takes no task before it
    does, so a crash or hang while preparing is never blamed on a file (the worker is replaced
    quietly); a failing ``prepare`` is met again, and reported, by the first real task."""

    detector_refs: tuple[str, ...]
    ctx: Context


def _prepare(msg: Prepare) -> None:
    for ref in msg.detector_refs:
        try:
            det = _instance(ref)
            prepare = getattr(det, "prepare", None)
            if prepare is not None:
                prepare(msg.ctx)
        except Exception:  # noqa: BLE001 - the first task meets (and reports) the same failure
            log.debug("preparing %s failed", ref, exc_info=True)


def _limit_memory(mb: int) -> None:
    if mb <= 0:
        return
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; the time limit still applies
        return
    limit = mb * 1024 * 1024
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        log.warning("could not set a memory limit of %d MB", mb)


def _ignore_sigint() -> Any:
    """SIGINT ignored in this process (from the main thread only: elsewhere Python cannot set a
    handler), returning what to restore; the disposition "ignored" survives fork and exec."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGINT"):
        return None
    try:
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        return None


def _restore_sigint(previous: Any) -> None:
    if previous is not None:
        signal.signal(signal.SIGINT, previous)


class LiveWorkers:
    """The worker processes this process has started and not yet stopped.

    One per process (:data:`LIVE`), and deliberately not passed around like a scan's state: it
    holds no scan's data, only this process's own children, and it exists for the case where
    passing fails. :func:`stop_all` (the command line, before it exits, whatever happened) must
    reach every worker, including those of a runner abandoned by an error or Ctrl-C before its
    ``close()`` and of runners made deep inside other code (archive sweeps, the GUI's scanner);
    a registry handed to each would be missed by exactly the runner it was needed for.
    Weak references: a worker that is gone costs nothing here."""

    def __init__(self) -> None:
        self._workers: "weakref.WeakSet[_Worker]" = weakref.WeakSet()

    def add(self, w: "_Worker") -> None:
        self._workers.add(w)

    def discard(self, w: "_Worker") -> None:
        self._workers.discard(w)

    def __len__(self) -> int:
        return len(self._workers)

    def kill_all(self) -> None:
        for w in list(self._workers):
            try:
                w.kill()
            except (OSError, ValueError):
                pass


LIVE = LiveWorkers()


def _picture_of(task: Task) -> str | None:
    """The still picture a task decodes (its path), if its check reads pixels: a worker keeps the
    last one it decoded (``detectors.pixels.LastPicture``)."""
    from .detectors.pixels import READS_PIXELS  # here: a worker imports no detector module ahead

    if task.detector not in READS_PIXELS or task.media.media_type.startswith("video/"):
        return None
    return str(task.media.path)


class _Cold:
    """A worker yet to be started, as :meth:`ProcessRunner.pick` sees it: nothing loaded."""

    task = None
    preparing = False
    loaded: frozenset[str] = frozenset()
    holds = None


_COLD: Any = _Cold()


WORKER_NAME = "verifier-worker"


def _without_parent_main() -> None:
    """Spawned workers must not import the parent's ``__main__`` (multiprocessing does, to find
    functions defined there; ours live in this module). Run as ``python -m ui.app``, that import
    is the whole Qt GUI: Qt's libraries loaded, and a thread started, before :func:`_worker_main`
    could isolate the process (``CLONE_NEWUSER`` needs a single thread). Only processes named
    :data:`WORKER_NAME` are affected."""
    from multiprocessing import spawn

    original = spawn.get_preparation_data
    if getattr(original, "verifier_worker", False):
        return

    def get_preparation_data(name: str) -> dict[str, Any]:
        data = original(name)
        if name == WORKER_NAME:
            data.pop("init_main_from_name", None)
            data.pop("init_main_from_path", None)
        return data

    get_preparation_data.verifier_worker = True  # type: ignore[attr-defined]
    spawn.get_preparation_data = get_preparation_data


class _Worker:
    def __init__(self, memory_limit_mb: int, threads: int = 0,
                 reported: dict[Isolation, int] | None = None) -> None:
        _without_parent_main()
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_limit_mb, threads), daemon=True,
                                name=WORKER_NAME)
        # Started with Ctrl-C ignored (inherited through fork and exec; Python keeps it so): the
        # terminal sends SIGINT to the whole process group, and a worker still starting up would
        # die of it with a traceback on the terminal. The parent stops its workers itself.
        previous = _ignore_sigint()
        try:
            self.proc.start()
        finally:
            _restore_sigint(previous)
        LIVE.add(self)
        child.close()
        self.isolation: Isolation | None = None  # what the worker reported first
        # its runner's tally of what its workers reported (ProcessRunner.reported)
        self._reported = reported if reported is not None else {}
        self.task: Task | None = None
        self.started = 0.0
        self.prepared = False  # a Prepare was sent (once per worker)
        self.preparing = False  # ... and its answer has not come yet: no task meanwhile
        # the detectors it has loaded, or is loading (a Prepare sent, a task run): see ProcessRunner.pick
        self.loaded: set[str] = set()
        self.holds: str | None = None  # the picture (path) it read last, which it keeps decoded: see pick()

    def receive(self) -> Any:
        """The worker's next answer; :data:`NOTHING` if only its isolation report had come."""
        while True:
            msg = self.conn.recv()
            if not isinstance(msg, Isolation):
                return msg
            self.isolation = msg
            self._reported[msg] = self._reported.get(msg, 0) + 1
            if not self.conn.poll(0):
                return NOTHING

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()
            LIVE.discard(self)

    def ask_to_stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass

    def finish(self) -> None:
        """Wait briefly for a worker asked to stop; kill it if it does not."""
        self.proc.join(1)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()
        LIVE.discard(self)


class ProcessRunner:
    """A pool of spawned worker processes; one task per worker at a time.

    The pool starts with one worker and grows by one per :meth:`grow` (the Scanner calls it
    while tasks keep waiting), up to ``workers``.
    """

    def __init__(self, workers: int, memory_limit_mb: int) -> None:
        self._size = max(1, workers)
        # Workers in use so far: one, then more while tasks keep waiting (see grow()). A scan of
        # a few small files is done by one warm worker before a second could have started.
        self._allowed = 1
        self._memory = memory_limit_mb
        self._threads = threads_per_worker(self._size)
        self._workers: list[_Worker] = []
        # What this pool's workers reported about their isolation (verifier.sandbox), with how
        # many did: read by network_state() for the report of the files this pool analysed.
        self.reported: dict[Isolation, int] = {}
        self._chosen: tuple[int, Any] | None = None  # (task key, worker): pick()'s choice, for start()

    def _spawn(self) -> _Worker:
        return _Worker(self._memory, self._threads, self.reported)

    def _idle_worker(self, ref: str = "") -> _Worker:
        """A free worker, preferably one that has loaded this detector (see :meth:`pick`)."""
        free = [w for w in self._workers if w.task is None and not w.preparing]
        if free:
            return min(free, key=lambda w: ref not in w.loaded)  # the first such, else the first free
        w = self._spawn()
        self._workers.append(w)
        return w

    def _chosen_for(self, task: Task) -> _Worker:
        """The worker :meth:`pick` chose for this task if it is still free, else :meth:`_idle_worker`'s."""
        chosen, self._chosen = self._chosen, None
        if chosen is not None and chosen[0] == task.key:
            w = chosen[1]
            if w is _COLD and len(self._workers) < self._allowed:
                w = self._spawn()
                self._workers.append(w)
                return w
            if w in self._workers and w.task is None and not w.preparing:
                return w
        return self._idle_worker(task.detector_ref)

    def warm(self) -> None:
        """Start the workers in use so far (at first, one) now, so that their start-up overlaps
        the caller's own work (imports, typing and hashing the first files) instead of following
        the first task."""
        while len(self._workers) < self._allowed:
            self._workers.append(self._spawn())

    def prepare(self, detector_refs: tuple[str, ...], ctx: Context) -> None:
        """Ask each started, idle, not yet prepared worker to load these detectors now (see
        :class:`Prepare`). Only for a caller with idle time ahead (the GUI): on a batch the
        loading would compete with the parent's own start-up (BENCHMARKS.md)."""
        for w in list(self._workers):
            if w.task is None and not w.prepared:
                self._send_prepare(w, detector_refs, ctx)

    def prepare_another(self, detector_refs: tuple[str, ...], ctx: Context) -> bool:
        """Start one more worker now (if the pool may grow) and have it load these detectors:
        the command line's second worker, which loads what a picture's slowest check needs (the
        OCR model) while the first one loads what every file needs. False if the pool is full."""
        if self._allowed >= self._size or not detector_refs:
            return False
        self._allowed += 1
        w = self._spawn()
        self._workers.append(w)
        self._send_prepare(w, detector_refs, ctx)
        return True

    def _send_prepare(self, w: _Worker, detector_refs: tuple[str, ...], ctx: Context) -> None:
        w.prepared = w.preparing = True
        w.started = time.monotonic()
        w.loaded.update(detector_refs)
        try:
            w.conn.send(Prepare(detector_refs, ctx))
        except (OSError, ValueError):  # died while idle: the next task starts a new one
            self._replace(w)

    def pick(self, tasks: Sequence[Task]) -> Task | None:
        """Which waiting task a free worker should take next (None: none now, wait); :meth:`start`
        gives it to the worker chosen here.

        A task whose detector another worker is loading right now (a Prepare sent, no answer yet)
        is left to that worker: it started loading earlier, so it will be ready sooner than this
        one could load the same libraries and models again (the OCR model alone costs ~0.4 s of
        CPU). Such a task waits for it, for :data:`WAIT_FOR_LOADING_S` at most.

        Among the others, a free worker first takes a check that reads the picture it holds
        (each worker keeps the last picture it decoded: ``detectors.pixels``), then the first in
        queue order that is not a check of a picture another worker holds (unless only a free
        worker has that check's detector loaded: the OCR model costs more than a decode; or no
        other file's work waits: a single photo's label check does not wait to save a decode),
        then, rather than leave a core idle, the first in queue order.
        """
        free = [w for w in self._workers if w.task is None and not w.preparing]
        if len(free) < self.capacity():
            free.append(_COLD)  # a worker not started yet (replaced, or allowed by grow())
        recent = time.monotonic() - WAIT_FOR_LOADING_S
        loading = {id(w): set().union(*(o.loaded for o in self._workers
                                         if o is not w and o.preparing and o.started > recent)) for w in free}

        def may(w: Any, t: Task) -> bool:
            return t.detector_ref in w.loaded or t.detector_ref not in loading[id(w)]

        for w in free:  # 1. the picture it holds
            held = w.holds
            task = next((t for t in tasks if held is not None and _picture_of(t) == held and may(w, t)), None)
            if task is not None:
                return self._choose(w, task)
        holders = {w.holds: w for w in self._workers if w.holds is not None and w not in free}
        wanted = {_picture_of(t) for t in tasks}

        def left_to_holder(t: Task) -> bool:
            """Another worker holds its picture and has its detector loaded too (or no free one has:
            a decode saved is worth less than a model loaded twice: the OCR model ~0.25 s of CPU),
            and another file's work waits meanwhile (a file alone is not made to wait: its verdict
            would come later to save one decode)."""
            picture = _picture_of(t)
            holder = holders.get(picture) if picture is not None else None
            return (holder is not None
                    and (t.detector_ref in holder.loaded or not any(t.detector_ref in w.loaded for w in free))
                    and any(o.media.path != t.media.path for o in tasks))

        for any_picture in (False, True):  # 2. none held elsewhere; 3. any
            for task in tasks:
                if not any_picture and left_to_holder(task):
                    continue
                able = [w for w in free if may(w, task)]
                if able:  # where it is loaded, else where the picture held is needed by no task
                    return self._choose(min(able, key=lambda w: (task.detector_ref not in w.loaded,
                                                                  w.holds in wanted)), task)
        return None

    def _choose(self, w: Any, task: Task) -> Task:
        self._chosen = (task.key, w)
        return task

    def grow(self) -> None:
        """Tasks have been waiting for a while: start one more worker (up to the pool's size)."""
        if self._allowed < self._size:
            self._allowed += 1
            self.warm()

    def capacity(self) -> int:
        return self._allowed - sum(1 for w in self._workers if w.task is not None or w.preparing)

    def start(self, task: Task) -> None:
        w = self._chosen_for(task)
        w.task, w.started = task, time.monotonic()
        w.loaded.add(task.detector_ref)
        picture = _picture_of(task)
        if picture is not None:
            w.holds = picture
        try:
            w.conn.send(task)
        except (OSError, ValueError):
            # the worker died while idle: replace it and send again
            self._replace(w)
            self.start(task)

    def poll(self, timeout: float) -> list[tuple[Task, Evidence]]:
        preparing = [w for w in self._workers if w.preparing]
        busy = [w for w in self._workers if w.task is not None]
        if not busy and not preparing:
            return []
        now = time.monotonic()
        nearest = min([w.started + w.task.timeout for w in busy if w.task]
                      + [w.started + PREPARE_LIMIT for w in preparing]) - now
        ready = wait([w.conn for w in busy + preparing], timeout=max(0.0, min(timeout, nearest)))
        for w in preparing:
            self._prepared(w, w.conn in ready)
        out: list[tuple[Task, Evidence]] = []
        for w in busy:
            task = w.task
            assert task is not None
            if w.conn in ready:
                try:
                    msg = w.receive()
                    if msg is NOTHING:
                        continue
                    key, ev = msg
                except (EOFError, OSError):
                    code = self._exit_code(w)
                    out.append((task, failure(task, Status.ERROR, _crash_message(code),
                                              (time.monotonic() - w.started) * 1000, _crash_reason(code))))
                    self._replace(w)
                    continue
                w.task = None
                out.append((task, ev))
            elif time.monotonic() - w.started > task.timeout:
                out.append((task, failure(task, Status.TIMEOUT, _timeout_message(task),
                                          (time.monotonic() - w.started) * 1000, _timeout_reason(task))))
                self._replace(w)
        return out

    def _prepared(self, w: _Worker, ready: bool) -> None:
        """A preparing worker answered, died or overran: ready for tasks, or replaced quietly
        (no file was given to it, so no file's result is touched)."""
        if ready:
            try:
                msg = w.receive()
                if msg is NOTHING:
                    return
                if msg == PREPARED:
                    w.preparing = False
                    return
            except (EOFError, OSError):
                pass
            log.info("a worker died while preparing the detectors; it is replaced")
            self._replace(w)
        elif time.monotonic() - w.started > PREPARE_LIMIT:
            log.info("a worker took over %.0f s to prepare the detectors; it is replaced", PREPARE_LIMIT)
            self._replace(w)

    def cancel(self, which: Callable[[Task], bool]) -> list[tuple[Task, Evidence]]:
        out = []
        for w in list(self._workers):
            if w.task is not None and which(w.task):
                out.append((w.task, failure(w.task, Status.SKIPPED, "cancelled", reason=("cancelled", {}))))
                self._replace(w)
        return out

    def _exit_code(self, w: _Worker) -> int | None:
        w.proc.join(2)
        return w.proc.exitcode

    def _replace(self, w: _Worker) -> None:
        w.kill()
        self._workers.remove(w)

    def close(self) -> None:
        idle = [w for w in self._workers if w.task is None]
        for w in idle:  # all at once: they exit in parallel
            w.ask_to_stop()
        for w in self._workers:
            if w.task is None:
                w.finish()
            else:
                w.kill()
        self._workers.clear()


def _crash_message(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            import signal

            name = signal.Signals(-code).name
        except (ValueError, ImportError):
            name = str(-code)
        return f"the detector crashed on this file (worker killed by {name}); other checks continue"
    return f"the detector's worker process exited unexpectedly (exit code {code}); other checks continue"


def _crash_reason(code: int | None) -> tuple[str, dict[str, Any]]:
    if code is not None and code < 0:
        try:
            import signal

            return "crashed", {"signal": signal.Signals(-code).name}
        except (ValueError, ImportError):
            return "crashed", {"signal": str(-code)}
    return "worker_exit", {"code": code}


def _timeout_reason(task: Task) -> tuple[str, dict[str, Any]]:
    return "timeout", {"seconds": f"{task.timeout:g}"}


def _timeout_message(task: Task) -> str:
    return f"did not finish within {task.timeout:g} s and was stopped"


def start_early(isolation: str, workers: int, memory_limit_mb: int,
                prepare: tuple[tuple[str, ...], Context] | None = None,
                another: tuple[tuple[str, ...], Context] | None = None) -> ProcessRunner | None:
    """A pool whose workers start now, for the caller to pass to its scan (``runner=``); None
    when the detectors do not run in processes.

    The CLI calls this before it imports the detectors, so that the workers' start-up runs at
    the same time as its own instead of after it. ``prepare`` (detector refs, context): have the
    first worker load these detectors' libraries meanwhile (:meth:`ProcessRunner.prepare`).
    ``another``: start a second worker at once (if the pool has room) that loads these instead
    (:meth:`ProcessRunner.prepare_another`; the CLI's pictures: the OCR model). The caller closes
    the pool (a scan given it closes it when done; closing twice is harmless).
    """
    if isolation != "process":
        return None
    runner = ProcessRunner(workers, memory_limit_mb)
    runner.warm()
    if prepare is not None and prepare[0]:
        runner.prepare(*prepare)
    if another is not None and another[0]:
        runner.prepare_another(*another)
    return runner


def make_runner(isolation: str, workers: int, memory_limit_mb: int) -> Runner:
    if isolation == "inline":
        return InlineRunner(workers)
    if isolation == "process":
        return ProcessRunner(workers, memory_limit_mb)
    raise ValueError(f"unknown isolation mode {isolation!r}")


def stop_all() -> None:
    """End and reap every worker process this process still has (the CLI calls it before it
    exits, whatever happened: a finished scan, an error, Ctrl-C); see :class:`LiveWorkers`."""
    LIVE.kill_all()


def network_state(isolation: str, reported: Mapping[Isolation, int] | None = None) -> Isolation:
    """What keeps the detectors off the network: what the scan's workers reported
    (``ProcessRunner.reported``; the weakest, if they differ), else what a worker would get on
    this machine (:func:`probe`)."""
    reported = reported or {}
    weak = [s for s in reported if not s.enforced]
    if weak:
        return weak[0]
    if reported:
        return next(iter(reported))
    if isolation == "inline":
        return Isolation(False, "the detectors ran inside this process (inline mode)")
    return probe()


@functools.cache
def probe() -> Isolation:
    """Ask a fresh, single-threaded interpreter to isolate itself, as a worker would (once per
    process: the answer is a fact about this machine and this interpreter, not about any scan,
    so it is memoised rather than passed around)."""
    import subprocess
    from pathlib import Path

    code = ("import sys; sys.path.insert(0, sys.argv[1]); from verifier.sandbox import isolate; "
            "s = isolate(); print(int(s.enforced), s.how, sep='|')")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).resolve().parent.parent)],
                             capture_output=True, text=True, timeout=20, check=True).stdout.strip()
        flag, _, how = out.partition("|")
        return Isolation(flag == "1", how or "the isolation probe said nothing")
    except (OSError, subprocess.SubprocessError) as exc:
        return Isolation(False, f"the isolation probe failed ({type(exc).__name__})")
