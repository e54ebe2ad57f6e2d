"""One archive sweep: list the inputs, skip what is recorded, analyse the rest, write as it comes.

Exit codes (see docs/ARCHIVE.md): 0 done; 2 usage error (bad inputs, engine unavailable);
3 done, but some inputs could not be read (recorded with their error); 4 interrupted (the Dask
scheduler went away, or Ctrl-C): everything received so far is recorded and a rerun with the same
``--out`` resumes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..config import Config
from ..detectors import BUILTIN_DETECTORS, Detector
from .engines import Engine, EngineLost, Job, make_engine
from .progress import Progress
from .results import JsonlWriter, ResumeIndex, latest_records, run_footer, run_header
from .sources import Item, iter_items
from .summary import Summary
from .work import SKIPPED

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERRUPTED = 0, 2, 3, 4


@dataclass
class SweepOptions:
    inputs: list[str]
    out: Path | None = None
    parquet: Path | None = None
    engine: str = "local"
    scheduler: str | None = None
    dask_workers: int = 0
    recursive: bool = True
    progress: bool = True


@dataclass
class SweepResult:
    listed: int = 0
    analysed: int = 0
    skipped: int = 0
    unreadable: int = 0
    interrupted: bool = False
    reason: str = ""
    parquet_rows: int | None = None
    engine: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    summary: Summary | None = None  # of the whole results file, when there is one

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_UNREADABLE if self.unreadable else EXIT_OK


def list_items(inputs: Sequence[str], recursive: bool) -> list[Item]:
    """Every input file once (the first mention wins), in a stable order."""
    seen: set[str] = set()
    out = []
    for item in iter_items(inputs, recursive):
        if item.source not in seen:
            seen.add(item.source)
            out.append(item)
    return out


def run_sweep(opts: SweepOptions, config: Config, tool: dict[str, Any],
              detectors: Sequence[Detector] = BUILTIN_DETECTORS,
              on_record: Callable[[dict[str, Any]], None] | None = None,
              progress_stream: TextIO | None = None, engine: Engine | None = None) -> SweepResult:
    items = list_items(opts.inputs, opts.recursive)
    index = ResumeIndex.load(opts.out) if opts.out else ResumeIndex()
    result = SweepResult(listed=len(items))

    def jobs() -> Iterator[Job]:
        for item in items:
            yield item, index.expected_sha(item.source)

    engine = engine or make_engine(opts.engine, config, detectors, opts.scheduler, opts.dask_workers)
    result.engine = engine.name
    try:
        engine.start()
    except BaseException:
        engine.close()
        raise
    progress = Progress(total=len(items), stream=progress_stream, enabled=opts.progress)
    progress.note(f"{len(items)} files listed, {len(index)} already recorded; engine: {engine.describe()}")
    writer = JsonlWriter(opts.out) if opts.out else None
    try:
        if writer:
            writer.write(run_header(tool, engine.name, list(opts.inputs), len(index)))
        try:
            for _, outcome in engine.run(jobs()):
                progress.add(outcome)
                if outcome == SKIPPED:
                    result.skipped += 1
                    continue
                assert isinstance(outcome, dict)
                result.analysed += 1
                code = str(outcome["verdict"]["code"])
                result.counts[code] = result.counts.get(code, 0) + 1
                if outcome.get("error"):
                    result.unreadable += 1
                if writer:
                    writer.write(outcome)
                if on_record:
                    on_record(outcome)
        except EngineLost as exc:
            result.interrupted, result.reason = True, str(exc)
            log.warning("%s", exc)
        except KeyboardInterrupt:
            result.interrupted, result.reason = True, "interrupted by the user"
        if writer:
            writer.write(run_footer(result.counts, result.interrupted, result.reason))
    finally:
        if writer:
            writer.close()
        engine.close()
        progress.finish()
    if opts.out:
        # One read of the whole results file (every run) feeds the summary and the Parquet table.
        summary = result.summary = Summary()

        def counted() -> Iterator[dict[str, Any]]:
            for rec in latest_records(opts.out):  # type: ignore[arg-type]
                summary.add(rec)
                yield rec

        if opts.parquet:
            from . import parquet

            result.parquet_rows = parquet.write(counted(), opts.parquet)
        else:
            for _ in counted():
                pass
    return result
