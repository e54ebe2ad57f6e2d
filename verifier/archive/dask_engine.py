"""The Dask engine: the same per-file work, spread over a Dask cluster.

The only module that imports ``dask`` / ``distributed`` (the optional ``archive`` extra), and
only when the engine is chosen. Each task runs :func:`.work.analyse_item` on a small batch of
files (:data:`BATCH_SIZE`) on a worker, the same function and pipeline the local engine's
results come from; results come back to this process, which writes them.

Isolation on Dask. Dask worker processes are daemonic by default, and a daemonic process may not
start children, while the pipeline runs isolated detectors in child processes (time limits,
memory limits, crash containment). We keep that isolation rather than run detectors inline in
the worker: the local cluster this engine starts has non-daemonic workers
(``distributed.worker.daemon: False``), and every worker thread keeps one long-lived runner of
detector processes (:func:`.work.thread_runner`). A crashing or hanging detector kills only its
child process, which the runner replaces; the Dask worker, and the sweep, carry on. For an
external cluster, start workers with ``DASK_DISTRIBUTED__WORKER__DAEMON=False``; a preflight
check refuses daemonic workers with that advice instead of failing file by file.

If a Dask worker itself dies (the non-isolated part of the work: hashing, sniffing), the
scheduler retries the task :data:`ALLOWED_FAILURES` times; a batch that still fails is split into
single files, and a single file that still fails is recorded with the error; the sweep goes on. If the scheduler goes away, :class:`.engines.EngineLost` ends the run;
every result received so far is already written.
"""

from __future__ import annotations

import itertools
import logging
import queue
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any
from urllib.parse import urlsplit

from .. import netguard
from ..config import Config
from ..detectors import BUILTIN_DETECTORS, Detector
from ..isolation import detector_ref
from ..report.json_report import failed_dict
from .engines import EngineLost, Job, Outcome
from .work import analyse_batch, can_spawn_children

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
# A task whose worker died is retried this many times elsewhere, then recorded as failed (and
# tried again by the next resume). Dask counts a death against every task running in that worker,
# so a file sharing a worker with one that kills it gets a strike too: keep a margin.
ALLOWED_FAILURES = 2
# Hand a worker a task only when one of its threads is free: an idle worker gets the next file at
# once, and a dying worker takes down only the files it was actually running.
WORKER_SATURATION = 1.0
LOST_AFTER_SECONDS = 30.0  # no scheduler connection for this long ends the run
# Files per Dask task: amortises the scheduler round trip (~10-30 ms) over cheap files. Results
# still arrive per batch and are written at once; if a batch's worker dies, its files are
# resubmitted one per task, so only the culprit ends up recorded as failed.
BATCH_SIZE = 8


class DaskUnavailable(Exception):
    """dask[distributed] is not installed, or the cluster cannot be reached or used."""


def _distributed() -> Any:
    try:
        import dask
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(
            "the Dask engine needs the optional 'archive' extra: pip install 'verifier[archive]'") from exc
    return dask, distributed


def quiet_logs() -> None:
    """Entry points only: Dask logs every connection at INFO; keep its warnings and errors."""
    try:
        _distributed()  # distributed sets its loggers' levels when imported
    except DaskUnavailable:
        return
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core",
                 "distributed.worker", "distributed.http.proxy"):
        logging.getLogger(name).setLevel(logging.ERROR)


class DaskEngine:
    name = "dask"

    def __init__(self, config: Config, detectors: Sequence[Detector] = BUILTIN_DETECTORS,
                 scheduler: str | None = None, n_workers: int = 0, threads_per_worker: int = 1,
                 batch_size: int = BATCH_SIZE) -> None:
        self.config = config
        self.detectors = tuple(detectors)
        self.detector_refs = tuple(detector_ref(d) for d in self.detectors)
        self.scheduler = scheduler
        self.n_workers = n_workers or 2
        self.threads_per_worker = threads_per_worker
        self.batch_size = max(1, batch_size)
        self._stack = ExitStack()
        self._client: Any = None
        self._cluster: Any = None
        self._keys = itertools.count()
        self._run_id = uuid.uuid4().hex[:8]

    # -- connection -------------------------------------------------------------------

    def start(self) -> None:
        if self._client is not None:
            return
        dask, distributed = _distributed()
        host = urlsplit(self.scheduler).hostname if self.scheduler else LOOPBACK
        self._stack.enter_context(netguard.allowing([host or LOOPBACK]))
        self._stack.enter_context(dask.config.set({
            "distributed.worker.daemon": False,
            "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
            "distributed.scheduler.worker-saturation": WORKER_SATURATION,
        }))
        try:
            if self.scheduler:
                self._client = distributed.Client(self.scheduler, timeout="20s", set_as_default=False)
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.n_workers, threads_per_worker=self.threads_per_worker, processes=True,
                    host=LOOPBACK, dashboard_address=None, silence_logs=logging.ERROR)
                self._client = distributed.Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise DaskUnavailable(f"cannot reach the Dask scheduler {self.scheduler}: {exc}") from exc
        if self.config.isolation == "process":
            self._preflight()

    def _preflight(self) -> None:
        try:
            self._client.wait_for_workers(1, timeout=60)
            ok = self._client.run(can_spawn_children)
        except Exception as exc:  # noqa: BLE001 - e.g. verifier is not installed on the workers
            self.close()
            raise DaskUnavailable(f"the Dask workers cannot run verifier: {type(exc).__name__}: {exc} "
                                  "(install verifier, with the same version, on every worker)") from exc
        daemonic = sorted(addr for addr, can in ok.items() if not can)
        if daemonic:
            self.close()
            raise DaskUnavailable(
                f"{len(daemonic)} Dask worker(s) are daemonic processes and cannot run the isolated detector "
                "processes (e.g. " + daemonic[0] + "); restart them with DASK_DISTRIBUTED__WORKER__DAEMON=False")

    def describe(self) -> str:
        if self._client is None:
            return "dask (not started)"
        info = self._client.scheduler_info()
        workers = info.get("workers", {})
        threads = sum(w.get("nthreads", 0) for w in workers.values())
        where = self.scheduler or "a local cluster"
        return f"dask on {where} ({len(workers)} workers, {threads} threads)"

    def total_threads(self) -> int:
        try:
            return max(1, sum(self._client.nthreads().values()))
        except Exception:  # noqa: BLE001 - only sizes the window
            return self.n_workers * self.threads_per_worker

    # -- the run ----------------------------------------------------------------------

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        self.start()
        client = self._client
        done: queue.Queue[Any] = queue.Queue()
        in_flight: dict[str, tuple[list[Job], Any]] = {}
        files_in_flight = 0
        window = max(2 * self.batch_size, 4 * self.batch_size * self.total_threads())
        todo = iter(jobs)
        retry: list[Job] = []  # files of a failed batch, resubmitted one per task
        exhausted = False
        lost_since: float | None = None

        def submit(batch: list[Job]) -> None:
            nonlocal files_in_flight
            key = f"verifier-files-{self._run_id}-{next(self._keys)}"
            fut = client.submit(analyse_batch, batch, self.config, self.detector_refs, key=key, pure=False)
            in_flight[key] = (batch, fut)
            files_in_flight += len(batch)
            fut.add_done_callback(done.put)

        def fill() -> None:
            nonlocal exhausted
            while retry:
                submit([retry.pop(0)])
            while not exhausted and files_in_flight < window:
                batch = list(itertools.islice(todo, self.batch_size))
                if len(batch) < self.batch_size:
                    exhausted = True
                if batch:
                    submit(batch)

        try:
            while True:
                fill()
                if not in_flight:
                    return
                try:
                    fut = done.get(timeout=1.0)
                except queue.Empty:
                    if client.status != "running":
                        lost_since = lost_since or time.monotonic()
                        if time.monotonic() - lost_since > LOST_AFTER_SECONDS or client.status in ("closed",):
                            raise EngineLost(f"lost the Dask scheduler (client {client.status})") from None
                    else:
                        lost_since = None
                    continue
                entry = in_flight.get(fut.key)
                if entry is None:
                    continue
                batch, _ = entry
                outcomes = self._outcomes(batch, fut)
                if outcomes is None:  # its result was lost with a worker: Dask recomputes it
                    fut.add_done_callback(done.put)
                    continue
                del in_flight[fut.key]
                files_in_flight -= len(batch)
                if isinstance(outcomes, BaseException):  # a batch failed: find the culprit file alone
                    retry.extend(batch)
                    continue
                yield from zip((item for item, _ in batch), outcomes, strict=True)
        finally:
            for _, fut in in_flight.values():
                try:
                    fut.cancel()
                except Exception:  # noqa: BLE001 - the client may already be gone
                    pass

    def _outcomes(self, batch: list[Job], fut: Any) -> list[dict[str, Any] | str] | BaseException | None:
        """Outcomes of a finished task, None while it runs again, an exception for a failed batch."""
        _, distributed = _distributed()
        status = fut.status
        if status == "finished":
            try:
                return fut.result(timeout=60)
            except Exception as exc:  # noqa: BLE001 - a failure is data
                if fut.status != "finished":
                    return None  # lost while fetching (its worker died): recomputed
                return [failed_dict(item.source, f"the result could not be retrieved: {exc}") for item, _ in batch]
        if status not in ("error", "cancelled"):
            return None
        if status == "cancelled":
            raise EngineLost("the Dask scheduler cancelled the run (connection lost or cluster closed)")
        try:
            failure = fut.exception()
        except Exception as e:  # noqa: BLE001 - e.g. the connection is gone
            raise EngineLost(f"lost the Dask scheduler: {e}") from e
        if len(batch) > 1:
            return failure if isinstance(failure, BaseException) else RuntimeError("task failed")
        item = batch[0][0]
        if isinstance(failure, distributed.KilledWorker):
            return [failed_dict(item.source, "the Dask worker analysing this file died (tried "
                                             f"{ALLOWED_FAILURES + 1} times); the sweep continued")]
        return [failed_dict(item.source, f"the analysis task failed: {type(failure).__name__}: {failure}"[:500])]

    def close(self) -> None:
        try:
            if self._client is not None:
                self._client.close(timeout=10)
        except Exception:  # noqa: BLE001 - closing after the scheduler went away
            log.debug("closing the Dask client", exc_info=True)
        try:
            if self._cluster is not None:
                self._cluster.close(timeout=20)
        except Exception:  # noqa: BLE001
            log.debug("closing the local cluster", exc_info=True)
        self._client = self._cluster = None
        self._stack.close()
