"""Index a reference folder and time queries against it (BENCHMARKS.md, "Reference photos").

    python benchmarks/bench_reference.py index REFS [--workers N]
    python benchmarks/bench_reference.py query REFS SUSPECT...
    python benchmarks/bench_reference.py recall REFS [--n 20]   # paste a region of random references
                                                                 # into unrelated pictures, find them

Set XDG_DATA_HOME to keep the benchmark's index apart from the user's.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from verifier.adapters import opencv_image
from verifier.reference import features, index, search
from verifier.reference.cli_progress import index_with_progress


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("index", "query", "recall"))
    p.add_argument("--n", type=int, default=20)
    p.add_argument("refs", type=Path)
    p.add_argument("suspects", nargs="*", type=Path)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = p.parse_args()
    if a.mode == "index":
        t = time.perf_counter()
        ok = index_with_progress(a.refs, a.workers)
        print(f"index: {time.perf_counter() - t:.1f} s wall, load {os.getloadavg()}")
        return 0 if ok else 1
    t = time.perf_counter()
    idx = index.load(a.refs)
    t_load = time.perf_counter() - t
    print(f"load index of {len(idx.usable)} references: {t_load:.2f} s "
          f"(vocabulary: {'yes' if idx.vocabulary is not None else 'no'})")
    if a.mode == "recall":
        return recall(idx, a.n)
    for s in a.suspects:
        t0 = time.perf_counter()
        bgr = opencv_image.load_bgr(s)
        f = features.of_suspect(bgr)
        t1 = time.perf_counter()
        cands = search.candidates(f, idx)
        t2 = time.perf_counter()
        out = search.search(f, idx)
        t3 = time.perf_counter()
        best = ", ".join(f"{x.entry.rel}:{x.match.kind}:{x.match.inliers}" for x in out.found[:5])
        print(f"{s.name}: features {t1 - t0:.2f} s, shortlist {t2 - t1:.2f} s ({len(cands)} candidates), "
              f"verify {t3 - t2 - (t2 - t1):.2f} s; {len(out.found)} matches [{best}]")
    print(f"load average {os.getloadavg()}")
    return 0


def recall(idx: index.FolderIndex, n: int) -> int:
    """Paste 40 % of a random reference, rescaled 0.7-1.3 and rotated up to 5 degrees, into an
    unrelated picture shown in a 1920 x 1080 player frame; is that reference found?"""
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.verifier.reference.pictures import decoded, jpeg, paste, photo, player_frame

    rng = np.random.default_rng(7)
    usable = idx.usable
    found = shortlisted = anything = 0
    times = []
    for k in range(n):
        e = usable[int(rng.integers(0, len(usable)))]
        ref = opencv_image.load_bgr(idx.folder / e.rel)[:, :, ::-1]
        h, w = ref.shape[:2]
        rw, rh = int(w * 0.4), int(h * 0.4)
        x, y = int(rng.integers(0, w - rw)), int(rng.integers(0, h - rh))
        bg = photo(1024, 768, seed=1000 + k)
        comp, _ = paste(bg, ref[y:y + rh, x:x + rw], (300, 200), scale=float(rng.uniform(0.7, 1.3)),
                        angle=float(rng.uniform(-5, 5)), feather=8)
        frame, _ = player_frame(decoded(jpeg(comp, 80)))
        suspect_bgr = decoded(jpeg(frame, 75))[:, :, ::-1].copy()
        t = time.perf_counter()
        f = features.of_suspect(suspect_bgr)
        cands = search.candidates(f, idx)
        out = search.search(f, idx)
        times.append(time.perf_counter() - t)
        shortlisted += any(usable[i].rel == e.rel for i in cands)
        found += any(x.entry.rel == e.rel for x in out.found)
        anything += bool(out.found)  # the background is unrelated: any match shares the pasted pixels
    print(f"recall: {found}/{n} pasted references found ({shortlisted}/{n} in the shortlist); "
          f"{anything}/{n} suspects matched at least one reference; "
          f"median {sorted(times)[len(times) // 2]:.2f} s per suspect; load average {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
