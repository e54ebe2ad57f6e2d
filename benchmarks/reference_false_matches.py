"""False matches of the reference comparison between distinct real photos (docs/REFERENCE.md).

Every picture of the given folders is compared with every other one, once per pair (the
first as suspect, the second as reference). Pictures that are the same photo (the C2PA test files are one
photo under many manifests) are grouped first by the user with ``--same A,B,...`` or reported
for inspection. Usage: ``python benchmarks/reference_false_matches.py FOLDER...``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from verifier.adapters import opencv_image
from verifier.reference import features, match, phash


def main() -> int:
    paths = []
    for folder in sys.argv[1:]:
        for p in sorted(Path(folder).rglob("*")):
            if p.is_file() and p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff"):
                paths.append(p)
    sus, ref, names = [], [], []
    for p in paths:
        try:
            bgr = opencv_image.load_bgr(p)
        except Exception as exc:  # noqa: BLE001 - a benchmark lists what it skipped
            print(f"skip {p.name}: {exc}", file=sys.stderr)
            continue
        if min(bgr.shape[:2]) < 32:
            print(f"skip {p.name}: {bgr.shape[1]}x{bgr.shape[0]}", file=sys.stderr)
            continue
        sus.append(features.of_suspect(bgr))
        ref.append(features.of_reference(bgr))
        names.append(str(p))
    n = len(names)
    pairs = n * (n - 1) // 2
    print(f"{n} pictures, {pairs} pairs", flush=True)
    t = time.perf_counter()
    hits = []
    dists = []
    for i in range(n):
        for j in range(i + 1, n):
            dists.append(phash.distance(sus[i].phash, ref[j].phash))
            m = match.verify(sus[i], ref[j])
            if m is not None:
                hits.append((names[i], names[j], m))
                print(f"MATCH {names[i]} -> {names[j]}: {m.kind} inliers={m.inliers} scale={m.scale} "
                      f"rot={m.rotation_degrees} phash={m.phash_distance}", flush=True)
        print(f"{i + 1}/{n} rows", file=sys.stderr, flush=True)
    dt = time.perf_counter() - t
    print(f"verified in {dt:.1f} s ({1000 * dt / max(1, pairs):.1f} ms per pair)")
    d = np.array(dists)
    print(f"pHash distance between pictures: min {d.min()}, 1st percentile {np.percentile(d, 1):.0f}, "
          f"median {np.median(d):.0f}; pairs <= {phash.DUPLICATE_DISTANCE}: {(d <= phash.DUPLICATE_DISTANCE).sum()}")
    print(f"{len(hits)} matching pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
