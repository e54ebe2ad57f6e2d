#!/usr/bin/env python3
"""Where the time goes: per-detector milliseconds over the corpus, from one ``scan --json``.

Names the slowest detector (total time, and its slowest files) so that optimisation starts
in the right place.

    python benchmarks/bench_corpus_detectors.py [--no-ocr] [--top 5]
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict

from _common import common_args, corpus_files, header, run, verifier


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    files = [str(p) for p in corpus_files(args.corpus)]
    header(args, f"per-detector time on {len(files)} corpus files")
    r = run(verifier(args, "scan", "--json", *(["--no-ocr"] if args.no_ocr else []), *files), args.repo)
    doc = json.loads(r.stdout)
    print(f"wall {r.seconds:.2f} s, peak RSS of the process tree {r.peak_tree_rss_mb:.0f} MB, "
          f"largest process {r.peak_single_rss_mb:.0f} MB, {r.processes} processes")
    ms: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for f in doc["files"]:
        for d in f["detectors"]:
            ms[d["name"]].append((d.get("ms", 0.0), d["status"], f["path"]))
    total = sum(x[0] for v in ms.values() for x in v)
    print(f"{'detector':<14} {'total s':>8} {'share':>6} {'median ms':>10} {'max ms':>9}  statuses")
    ranked = sorted(ms.items(), key=lambda kv: -sum(x[0] for x in kv[1]))
    for name, rows in ranked:
        t = sum(x[0] for x in rows)
        st: dict[str, int] = defaultdict(int)
        for _, s, _ in rows:
            st[s] += 1
        print(f"{name:<14} {t / 1000:8.2f} {t / max(total, 1):6.1%} {statistics.median(x[0] for x in rows):10.1f} "
              f"{max(x[0] for x in rows):9.1f}  {dict(st)}")
    name, rows = ranked[0]
    print(f"slowest detector: {name}; its slowest files:")
    for t, s, path in sorted(rows, reverse=True)[: args.top]:
        print(f"  {t:9.1f} ms  {s:<14} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
