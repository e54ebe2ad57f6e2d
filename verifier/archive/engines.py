"""Engines: where the per-file work of a sweep runs, behind one small interface.

``local``  the desktop pipeline's process pool (:class:`verifier.pipeline.Scanner`) in this
           process: files interleave over the detector worker processes.
``dask``   a Dask cluster (:mod:`.dask_engine`): each file is one task running
           :func:`.work.analyse_item` on a worker.

Both take (item, expected SHA-256) jobs and yield ``(item, outcome)`` in completion order, where
outcome is a contract file dict or :data:`.work.SKIPPED`. Both build the dict with
:func:`.work.finish` from the same pipeline events.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any, Protocol

from ..config import Config
from ..detectors import BUILTIN_DETECTORS, Detector
from ..inputs import InputError
from ..pipeline import FileDone, FileFailed, Scanner
from ..report.json_report import failed_dict
from .sources import Item, staged, unchanged
from .work import SKIPPED, finish, submit_item

log = logging.getLogger(__name__)

Job = tuple[Item, str | None]
Outcome = tuple[Item, dict[str, Any] | str]


class EngineLost(Exception):
    """The engine went away mid-run (the Dask scheduler closed); what was done is kept."""


class Engine(Protocol):
    name: str

    def start(self) -> None: ...

    def describe(self) -> str: ...

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]: ...

    def close(self) -> None: ...


class LocalEngine:
    """The desktop pipeline, at archive scale: one Scanner fed a bounded window of files."""

    name = "local"

    def __init__(self, config: Config, detectors: Sequence[Detector] = BUILTIN_DETECTORS) -> None:
        self.config = config
        self.detectors = tuple(detectors)
        self.window = max(4, 2 * config.worker_count())

    def start(self) -> None:
        pass

    def describe(self) -> str:
        if self.config.isolation == "inline":
            return f"local, detectors in {self.config.worker_count()} thread(s) (inline: no crash isolation)"
        return f"local process pool ({self.config.worker_count()} detector processes)"

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        todo = iter(jobs)
        pending: dict[int, tuple[Item, ExitStack]] = {}
        ready: list[Outcome] = []
        exhausted = False
        scanner = Scanner(self.config, self.detectors)

        def fill() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) < self.window:
                job = next(todo, None)
                if job is None:
                    exhausted = True
                    return
                item, expected = job
                stack = ExitStack()
                try:
                    local, comps = stack.enter_context(staged(item))
                    if expected is not None and unchanged(local, expected):
                        stack.close()
                        ready.append((item, SKIPPED))
                        continue
                except InputError as exc:
                    stack.close()
                    ready.append((item, failed_dict(item.source, str(exc))))
                    continue
                main, _ = submit_item(scanner, local, comps)
                pending[main] = (item, stack)

        try:
            while True:
                fill()
                yield from ready
                ready.clear()
                if not pending:
                    if exhausted:
                        return
                    continue
                for ev in scanner.events():
                    if isinstance(ev, FileDone | FileFailed) and ev.index in pending:
                        item, stack = pending.pop(ev.index)
                        stack.close()
                        yield item, finish(item, ev)
                        fill()
                        yield from ready
                        ready.clear()
                for index, (item, stack) in list(pending.items()):  # cannot happen; never hang on it
                    del pending[index]
                    stack.close()
                    yield item, failed_dict(item.source, "the analysis produced no result")
        finally:
            scanner.close()
            for _, stack in pending.values():
                stack.close()

    def close(self) -> None:
        pass



def make_engine(name: str, config: Config, detectors: Sequence[Detector] = BUILTIN_DETECTORS,
                scheduler: str | None = None, dask_workers: int = 0) -> Engine:
    if name == "local":
        return LocalEngine(config, detectors)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(config, detectors, scheduler=scheduler, n_workers=dask_workers)
    raise ValueError(f"unknown engine {name!r} (local or dask)")
