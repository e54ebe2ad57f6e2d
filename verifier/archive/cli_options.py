"""The archive options of ``verifier scan`` and the ``verifier summary`` command.

Kept here so that :mod:`verifier.cli` only wires them in. ``scan`` runs as a sweep (streamed,
resumable) when any archive option is given (``--out``, ``--parquet``, ``--from-list``,
``--engine dask``) or an input is a URL; otherwise it is the plain desktop scan.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from ..config import Config
from ..textsafe import for_terminal

EXIT_OK, EXIT_USAGE = 0, 2


def add_archive_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("archive sweeps (see docs/ARCHIVE.md)")
    g.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine's process pool (default); dask: a Dask cluster")
    g.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="Dask scheduler to use (default with --engine dask: start a local cluster)")
    g.add_argument("--dask-workers", type=int, default=0, metavar="N",
                   help="workers of the local Dask cluster started on demand (default 2)")
    g.add_argument("--from-list", type=Path, metavar="FILE", help="file with one path or URL per line")
    g.add_argument("--out", type=Path, metavar="RESULTS.jsonl",
                   help="stream results here, one file per line; rerunning resumes")
    g.add_argument("--parquet", type=Path, metavar="SUMMARY.parquet",
                   help="also write a summary table (needs --out)")
    g.add_argument("--no-progress", dest="show_progress", action="store_false", default=True,
                   help="no progress on stderr")
    g.add_argument("--fetch-remote", action="store_true",
                   help="let this process read the network URLs given as inputs (listing, copying); "
                        "detector processes stay offline")


def archive_mode(args: argparse.Namespace) -> bool:
    from .sources import is_url

    return bool(args.out or args.parquet or args.from_list or args.engine == "dask" or args.scheduler
                or any(is_url(str(p)) for p in args.paths))


def _say(text: str) -> None:
    print(for_terminal(text), file=sys.stderr)


def cmd_sweep(args: argparse.Namespace, config: Config) -> int:
    from .. import netguard
    from ..about import tool_info
    from ..report.json_report import document, dumps
    from .sources import SourceError, read_list
    from .summary import format_text
    from .sweep import EXIT_INTERRUPTED, SweepOptions, run_sweep

    if args.scheduler and args.engine != "dask":
        args.engine = "dask"
    if args.parquet and not args.out:
        _say("verifier scan: --parquet needs --out (the table is built from the results file)")
        return EXIT_USAGE
    if args.parquet:
        from .parquet import ParquetUnavailable, require

        try:
            require()  # fail before the sweep, not after it
        except ParquetUnavailable as exc:
            _say(f"verifier: {exc}")
            return EXIT_USAGE
    inputs = [str(p) for p in args.paths]
    try:
        if args.from_list:
            inputs += read_list(args.from_list)
    except SourceError as exc:
        _say(f"verifier: {exc}")
        return EXIT_USAGE
    if not inputs:
        _say("verifier scan: give files, folders, URLs or --from-list FILE")
        return EXIT_USAGE
    if args.engine == "dask" and not args.verbose:
        from .dask_engine import quiet_logs

        quiet_logs()
    opts = SweepOptions(inputs=inputs, out=args.out, parquet=args.parquet, engine=args.engine,
                        scheduler=args.scheduler, dask_workers=args.dask_workers, recursive=args.recursive,
                        progress=args.show_progress)
    records: list[dict[str, Any]] = []
    table = not args.out and not args.json

    def on_record(d: dict[str, Any]) -> None:
        if args.json and not args.out:
            records.append(d)
        elif table:
            from ..table import row

            print(row(d, config.lang), flush=True)

    tool = tool_info(config)  # reads the trust lists: once per run
    with ExitStack() as stack:
        if args.fetch_remote:
            stack.enter_context(netguard.allowing([netguard.ANY_HOST]))
        try:
            result = run_sweep(opts, config, tool, on_record=on_record)
        except SourceError as exc:
            _say(f"verifier: {exc}")
            return EXIT_USAGE
        except Exception as exc:
            from .dask_engine import DaskUnavailable
            from .parquet import ParquetUnavailable

            if isinstance(exc, DaskUnavailable | ParquetUnavailable):
                _say(f"verifier: {exc}")
                return EXIT_USAGE
            raise
    if args.json and not args.out:
        records.sort(key=lambda d: str(d["path"]))
        print(dumps(document(tool, records)))
    elif result.summary is not None:
        print(format_text(result.summary))
        if result.parquet_rows is not None:
            print(for_terminal(f"\nwrote {args.parquet} ({result.parquet_rows} rows)"))
    if result.interrupted:
        _say(f"verifier: run interrupted ({result.reason}); results so far are kept"
             + (f" in {args.out}: rerun the same command to resume" if args.out else ""))
        return EXIT_INTERRUPTED
    return result.exit_code


def cmd_summary(args: argparse.Namespace) -> int:
    from ..report.json_report import dumps
    from .results import ReadStats, latest_records
    from .summary import format_text, summarise

    if not args.results.is_file():
        _say(f"verifier: {args.results}: no such results file")
        return EXIT_USAGE
    stats = ReadStats()
    summary = summarise(latest_records(args.results, stats))
    if args.json:
        print(dumps({**summary.as_dict(), "lines": stats.lines, "runs": stats.runs,
                     "bad_lines": stats.bad_lines}))
    else:
        print(format_text(summary))
        if stats.bad_lines:
            _say(f"({stats.bad_lines} unreadable line(s) skipped, e.g. a torn last line)")
    return EXIT_OK
