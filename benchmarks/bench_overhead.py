#!/usr/bin/env python3
"""Fixed and per-file overhead of ``verifier scan --json --no-ocr``: 5 text files, one JPEG, the corpus.

The two small scans are almost all overhead (interpreter, imports, worker start and stop): the
detectors' own work is a few milliseconds. Give ``--base PATH`` (another checkout) to measure
both trees alternately, run by run, so that both see the same load.

    python benchmarks/bench_overhead.py [--repeat 5] [--repo PATH] [--base PATH] [--python PY]
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from _common import CPU_TIMES, common_args, corpus_files, header, timed, verifier


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, default=None, help="a second checkout, measured alternately")
    args = ap.parse_args()
    files = [str(p) for p in corpus_files(args.corpus)]
    sets = {
        "5 text files": [f for f in files if "/text/" in f][:5],
        "1 JPEG (c2pa/C.jpg)": [f for f in files if f.endswith("/c2pa/C.jpg")],
        f"corpus ({len(files)} files)": files,
    }
    trees = [("this", args.repo)] + ([("base", args.base)] if args.base else [])
    header(args, "scan --json --no-ocr overhead")
    for label, chosen in sets.items():
        repeat = max(1, args.repeat // 2) if len(chosen) > 5 else args.repeat
        runs: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _ in trees}
        loads = []
        for _ in range(repeat):
            for name, repo in trees:
                _, (wall,) = timed(verifier(args, "scan", "--json", "--no-ocr", *chosen), repo, 1)
                runs[name][0].append(wall)
                runs[name][1].append(CPU_TIMES["last"])
                loads.append(os.getloadavg()[0])
        for name, (walls, cpus) in runs.items():
            print(f"{label:<22} {name:<5} wall {statistics.median(walls):6.3f} s (min {min(walls):.3f})  "
                  f"CPU {statistics.median(cpus):6.3f} s (min {min(cpus):.3f})  "
                  f"load {min(loads):.2f}-{max(loads):.2f}  runs {len(walls)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
