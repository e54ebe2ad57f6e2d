"""The unit of work of a sweep: one item in, one contract file dict out.

Every engine produces its records with :func:`finish` from the pipeline's own events
(:class:`verifier.pipeline.Scanner`), so no analysis logic depends on where a file ran.

On a Dask worker, :func:`analyse_item` runs in one of the worker's threads with a long-lived
:class:`verifier.pipeline.Scanner` runner cached per thread (:func:`thread_runner`): isolated
detectors run in that runner's spawned child processes, with their time and memory limits, and
a crash costs only that detector's result on that file, as in the desktop app. The runner's
children stay warm across files (``import c2pa``, OCR models: paid once per thread).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..config import Config
from ..detectors import BUILTIN_DETECTORS, Detector
from ..inputs import InputError
from ..isolation import Runner, detector_ref, make_runner
from ..pipeline import FileDone, FileFailed, Scanner
from ..report.json_report import failed_dict, file_dict
from .sources import Item, staged, unchanged

log = logging.getLogger(__name__)

SKIPPED = "skipped"  # outcome marker: already recorded with the same SHA-256


def finish(item: Item, event: FileDone | FileFailed) -> dict[str, Any]:
    """The contract dict for a finished file, under the name the user gave (path or URL)."""
    if isinstance(event, FileFailed):
        return failed_dict(item.source, event.message)
    d = file_dict(event.report)
    d["path"] = item.source
    return d


def submit_item(scanner: Scanner, local: Path, companions: tuple[Path, ...]) -> tuple[int, list[int]]:
    """Queue one file with its companions on a scanner; the companions ride along, not analysed.

    The scanner pairs companions within a submitted batch (``Context.companions``); submitting
    the file with only its own companions keeps that pairing identical to ``verifier scan``
    while each companion, a file in its own right, is analysed as its own item.
    """
    indices = scanner.submit([local, *companions], recursive=False)
    for extra in indices[1:]:
        scanner.cancel(extra)
    return indices[0], indices[1:]


_local = threading.local()


def thread_runner(config: Config) -> Runner:
    """A runner kept for the life of this thread (one per Dask worker thread)."""
    key = (config.isolation, config.workers or 1, config.memory_limit_mb)
    cached = getattr(_local, "runner", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    if cached is not None:
        cached[1].close()
    if config.isolation == "process" and multiprocessing.current_process().daemon:
        raise RuntimeError(
            "this Dask worker is a daemonic process and cannot start the isolated detector processes; "
            "start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (see docs/ARCHIVE.md)")
    runner = make_runner(config.isolation, config.workers or 1, config.memory_limit_mb)
    _local.runner = (key, runner)
    return runner


@contextmanager
def _scanner(config: Config, detectors: Sequence[Detector]) -> Iterator[Scanner]:
    # A Scanner on the thread's runner; not closed (closing would stop the shared runner).
    yield Scanner(config, detectors, runner=thread_runner(config))


def analyse_item(item: Item, config: Config, expected_sha: str | None = None,
                 detectors: Sequence[Detector] = BUILTIN_DETECTORS) -> dict[str, Any] | str:
    """Analyse one item and return its contract dict, or :data:`SKIPPED`.

    ``expected_sha``: the SHA-256 recorded for this input by an earlier run; the file is hashed
    first and skipped when it is unchanged.
    """
    try:
        with staged(item) as (local, companions):
            if expected_sha is not None and unchanged(local, expected_sha):
                return SKIPPED
            with _scanner(config, detectors) as scanner:
                main, _ = submit_item(scanner, local, companions)
                for ev in scanner.events():
                    if isinstance(ev, FileDone | FileFailed) and ev.index == main:
                        return finish(item, ev)
    except InputError as exc:
        return failed_dict(item.source, str(exc))
    return failed_dict(item.source, "the analysis produced no result")


_DETECTORS: dict[tuple[str, ...], tuple[Detector, ...]] = {}
_DETECTORS_LOCK = threading.Lock()


def detectors_from_refs(refs: tuple[str, ...]) -> tuple[Detector, ...]:
    """Detector instances for ``module:QualName`` references, made once per process.

    Dask tasks carry references, not instances: a detector's lazily cached state (a parsed trust
    store, a model) then lives for the worker's lifetime instead of being rebuilt, or pickled,
    for every task.
    """
    with _DETECTORS_LOCK:
        found = _DETECTORS.get(refs)
        if found is None:
            builtin = {detector_ref(d): d for d in BUILTIN_DETECTORS}
            found = _DETECTORS[refs] = tuple(builtin.get(r) or _make(r) for r in refs)
        return found


def _make(ref: str) -> Detector:
    module, _, qualname = ref.partition(":")
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj()


def analyse_batch(jobs: Sequence[tuple[Item, str | None]], config: Config,
                  detector_refs: tuple[str, ...]) -> list[dict[str, Any] | str]:
    """:func:`analyse_item` for a few files in a row (one Dask task, fewer round trips)."""
    detectors = detectors_from_refs(detector_refs)
    return [analyse_item(item, config, expected, detectors) for item, expected in jobs]


def can_spawn_children() -> bool:
    """True when this process may start child processes (a non-daemonic Dask worker)."""
    return not multiprocessing.current_process().daemon
