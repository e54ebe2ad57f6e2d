#!/usr/bin/env python3
"""CPU seconds per detector over the corpus, each detector run in this one process.

Load-independent where ``bench_corpus_detectors.py`` (wall milliseconds from a real scan) is not:
the process CPU time of each ``run_detector`` call is summed per detector, with the native
thread caps a worker has when there is one worker per core (one thread each). The first call of
a detector includes its imports and model loads, as in a fresh worker; they are printed apart.

    python benchmarks/bench_detector_cpu.py [--no-ocr] [--only NAME,NAME] [--top 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENCV_FOR_THREADS_NUM",
              "VERIFIER_WORKER_THREADS"):
    os.environ.setdefault(_name, "1")

ROOT = Path(__file__).resolve().parent.parent
if "--repo" in sys.argv:  # the checkout to measure, imported instead of this one
    ROOT = Path(sys.argv[sys.argv.index("--repo") + 1]).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from _common import CORPUS, corpus_files  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repo", type=Path, default=ROOT, help="checkout to measure (default: this one)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--only", default="", help="comma-separated detector names")
    ap.add_argument("--top", type=int, default=3)
    args = ap.parse_args()

    import subprocess

    import verifier
    from verifier.config import Config
    from verifier.detectors import BUILTIN_DETECTORS, Context
    from verifier.inputs import identify
    from verifier.isolation import run_detector

    ctx = Context(Config(isolation="inline", ocr=not args.no_ocr))
    only = {n for n in args.only.split(",") if n}
    dets = [d for d in BUILTIN_DETECTORS if not only or d.name in only]
    cpu: dict[str, float] = defaultdict(float)
    first: dict[str, float] = {}
    worst: dict[str, list[tuple[float, str]]] = defaultdict(list)
    files = corpus_files(args.corpus)
    rev = subprocess.run(["git", "-C", str(args.repo), "log", "-1", "--format=%h"], capture_output=True,
                         text=True).stdout.strip()
    print(f"# repo {args.repo} @ {rev} (verifier from {Path(verifier.__file__).parent})")
    print(f"# detector CPU over {len(files)} corpus files, in process, 1 native thread; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for path in files:
        media = identify(path)
        for det in dets:
            try:
                if not det.applies_to(media):
                    continue
            except Exception:  # noqa: BLE001 - the worker reports it; here it only costs nothing
                pass
            t = time.process_time()
            run_detector(det, media, ctx)
            spent = time.process_time() - t
            if det.name not in first:
                first[det.name] = spent
            else:
                cpu[det.name] += spent
                worst[det.name].append((spent, path.name))
    total = sum(cpu.values()) + sum(first.values())
    print(f"{'detector':<16} {'first s':>8} {'rest s':>8} {'share':>6}  slowest files")
    for name in sorted(first, key=lambda n: -(cpu[n] + first[n])):
        top = ", ".join(f"{n} {s:.2f}" for s, n in sorted(worst[name], reverse=True)[: args.top])
        print(f"{name:<16} {first[name]:8.2f} {cpu[name]:8.2f} {(cpu[name] + first[name]) / total:6.1%}  {top}")
    print(f"total {total:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
