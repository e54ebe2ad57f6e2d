#!/usr/bin/env python3
"""What the dwtDct block cap costs in recall on large marked images (the evidence for MAX_BLOCKS).

    python benchmarks/probe_wm_block_cap.py [--n 40] [--side 2048] [--caps 65536 16384]

Marks SIDE x SIDE images (generated, and crops of corpus photos at least that large) with the
reference embedder, every payload x pipeline variant in turn, saves them as PNG and as OpenCV
JPEG q95 / q90, and decodes each with every cap: prints each image's z for its payload and the
count detected with the right payload per cap. Seeded, so the figures repeat (about a minute).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.calibrate_watermark import VARIANTS, corpus_photos, jpeg  # noqa: E402
from tests.verifier.fixtures.images import natural  # noqa: E402
from tests.verifier.fixtures.wm_reference import embed_as_pipeline  # noqa: E402
from verifier.watermarks import dwtdct  # noqa: E402
from verifier.watermarks.payloads import PAYLOADS  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--side", type=int, default=2048)
    ap.add_argument("--caps", type=int, nargs="+", default=[65_536, 16_384])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    side, caps = args.side, args.caps
    big = [p for p in corpus_photos(Path(args.corpus)) if min(p.shape[:2]) >= side] if Path(args.corpus).is_dir() else []
    rng = np.random.default_rng(11)
    saves = ("png", "jpeg q95", "jpeg q90")
    hits = {(c, k): 0 for c in caps for k in saves}
    t0 = time.time()
    default_cap = dwtdct.MAX_BLOCKS
    try:
        for i in range(args.n):
            payload, variant = PAYLOADS[i % len(PAYLOADS)], VARIANTS[(i // len(PAYLOADS)) % len(VARIANTS)]
            if i % 2 and big:
                img = big[int(rng.integers(len(big)))]
                y, x = int(rng.integers(0, img.shape[0] - side + 1)), int(rng.integers(0, img.shape[1] - side + 1))
                rgb, src = np.ascontiguousarray(img[y:y + side, x:x + side, ::-1]), "photo"
            else:
                rgb, src = natural(int(rng.integers(1 << 30)), side, side), "generated"
            marked = np.ascontiguousarray(embed_as_pipeline(rgb, payload.bits, variant)[:, :, ::-1])
            cells = [f"{i:3d} {src:9s} {payload.name[:14]:14s} {variant:9s}"]
            for name, im in (("png", marked), ("jpeg q95", jpeg(marked, 95)), ("jpeg q90", jpeg(marked, 90))):
                for cap in caps:
                    dwtdct.MAX_BLOCKS = cap
                    scores = dwtdct.decode(im)
                    z = next(s.z for s in scores if s.payload is payload)
                    ok = scores[0].level == "detected" and scores[0].payload is payload
                    hits[(cap, name)] += int(ok)
                    cells.append(f"{name} cap {cap}: z {z:5.2f}{'*' if ok else ' '}")
            print("  ".join(cells), flush=True)
    finally:
        dwtdct.MAX_BLOCKS = default_cap
    print(f"\n{args.n} marked images of {side} x {side} ({time.time() - t0:.0f} s); detected with the right payload (*):")
    print("| saved as | " + " | ".join(f"cap {c:,}" for c in caps) + " |")
    print("|---|" + "---|" * len(caps))
    for name in saves:
        print(f"| {name} | " + " | ".join(f"{hits[(c, name)]}/{args.n}" for c in caps) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
