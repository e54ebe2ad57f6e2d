#!/usr/bin/env python3
"""Throughput of an archive sweep: 1 process, the local process pool, a 2-worker Dask cluster.

    python benchmarks/make_archive_set.py                 # once: 5,000 files in /tmp
    python benchmarks/bench_archive.py [--set /tmp/verifier-archive-set] [--limit N]
                                       [--modes single,local,dask] [--detector module:Class ...]

Each mode runs a full sweep (listing, hashing, every built-in detector except OCR, JSONL written
with fsync batches) into a fresh results file and reports files/s (from the engine being ready to
the last record; the Dask cluster's start and stop are shown apart) and the peak memory of the whole
process tree (this process, detector workers, Dask nannies and workers; RSS sampled every 0.1 s).
``--detector`` adds detectors (e.g. a trivial isolated one, to price the isolation round trip).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier import netguard  # noqa: E402
from verifier.archive.engines import make_engine  # noqa: E402
from verifier.archive.results import latest_records  # noqa: E402
from verifier.archive.sweep import SweepOptions, run_sweep  # noqa: E402
from verifier.config import Config  # noqa: E402
from verifier.detectors import BUILTIN_DETECTORS  # noqa: E402


class PeakRss:
    """Peak of the summed RSS of this process and all its descendants."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self._psutil = psutil
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        me = self._psutil.Process()
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except (self._psutil.NoSuchProcess, self._psutil.AccessDenied):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def detector(ref: str) -> object:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)()


def run_mode(mode: str, inputs: list[str], detectors: tuple, workdir: Path) -> dict:
    cores = os.cpu_count() or 1
    base = Config(ocr=False, disabled=frozenset({"visible_label"}))
    if mode == "single":
        config, engine, label = base.with_(isolation="inline", workers=1), "local", "1 process (inline)"
    elif mode == "local":
        config, engine, label = base.with_(workers=cores), "local", f"local pool ({cores} worker processes)"
    elif mode == "dask":
        config, engine, label = base.with_(workers=1), "dask", "Dask LocalCluster (2 workers x 1 thread)"
    else:
        raise SystemExit(f"unknown mode {mode}")
    out = workdir / f"{mode}.jsonl"
    opts = SweepOptions(inputs=inputs, out=out, engine=engine, dask_workers=2, progress=False)
    last = [0.0]

    def stamp(rec: dict) -> None:
        last[0] = time.perf_counter()

    with PeakRss() as mem:
        t0 = time.perf_counter()
        eng = make_engine(engine, config, detectors, None, 2)
        eng.start()  # a local Dask cluster starts here: reported apart
        t1 = time.perf_counter()
        res = run_sweep(opts, config, {"name": "verifier", "bench": mode}, detectors, on_record=stamp, engine=eng)
        t2 = time.perf_counter()
    n = sum(1 for _ in latest_records(out))
    sweep = last[0] - t1
    return {"mode": mode, "label": label, "files": res.analysed, "recorded": n, "startup_s": round(t1 - t0, 2),
            "sweep_s": round(sweep, 2), "shutdown_s": round(t2 - last[0], 2),
            "files_per_s": round(res.analysed / sweep, 1), "peak_rss_mb": round(mem.peak / 2**20),
            "unreadable": res.unreadable}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=Path("/tmp/verifier-archive-set"))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files")
    ap.add_argument("--modes", default="single,local,dask")
    ap.add_argument("--detector", action="append", default=[], metavar="module:Class")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if not args.set.is_dir():
        print(f"no set at {args.set}: run benchmarks/make_archive_set.py first", file=sys.stderr)
        return 2
    netguard.install()
    import logging

    logging.basicConfig(level=logging.WARNING)
    from verifier.archive.dask_engine import quiet_logs

    quiet_logs()
    inputs = [str(args.set)]
    if args.limit:
        files = sorted(str(p) for p in args.set.rglob("*") if p.is_file())[: args.limit]
        inputs = files
    detectors = (*BUILTIN_DETECTORS, *(detector(r) for r in args.detector))
    print(f"set {args.set}, detectors: {', '.join(d.name for d in detectors)}, cores: {os.cpu_count()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="verifier-bench-") as tmp:
        for mode in args.modes.split(","):
            row = run_mode(mode, inputs, detectors, Path(tmp))
            rows.append(row)
            print(f"{row['label']:<42} {row['files']:>6} files  sweep {row['sweep_s']:>7.2f} s "
                  f"{row['files_per_s']:>7.1f} files/s  (start {row['startup_s']:.1f} s, stop "
                  f"{row['shutdown_s']:.1f} s)  peak RSS {row['peak_rss_mb']:>5} MB", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
