"""How often a dwtDct mark survives JPEG recompression, by quality (docs/WATERMARKS.md, "JPEG quality").

    python benchmarks/probe_wm_jpeg_quality.py [--marked 200]

Marks generated images and corpus photos of 512-2048 px with every payload and variant (the
calibration's embedder), recompresses each at several JPEG qualities and decodes it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.calibrate_watermark import VARIANTS, corpus_photos, embed_as_pipeline, jpeg, natural  # noqa: E402
from verifier.watermarks import dwtdct  # noqa: E402
from verifier.watermarks.payloads import PAYLOADS  # noqa: E402

QUALITIES = (90, 88, 85, 82, 80, 78, 75)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--marked", type=int, default=200)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    photos = corpus_photos(Path(args.corpus)) if Path(args.corpus).is_dir() else []
    found = dict.fromkeys(QUALITIES, 0)
    possible = dict.fromkeys(QUALITIES, 0)
    for i in range(args.marked):
        payload, variant = PAYLOADS[i % len(PAYLOADS)], VARIANTS[(i // len(PAYLOADS)) % len(VARIANTS)]
        side = int(rng.choice([512, 768, 1024, 2048]))
        if photos and i % 2:
            img = photos[int(rng.integers(len(photos)))]
            rgb = np.ascontiguousarray(img[:min(side, img.shape[0]), :min(side, img.shape[1]), ::-1])
        else:
            rgb = natural(int(rng.integers(1 << 30)), side, side)
        marked = np.ascontiguousarray(embed_as_pipeline(rgb, payload.bits, variant)[:, :, ::-1])
        for q in QUALITIES:
            level = dwtdct.decode(jpeg(marked, q))[0].level
            found[q] += level == "detected"
            possible[q] += level == "possible"
    print(f"| JPEG quality | {' | '.join(str(q) for q in QUALITIES)} |")
    print("|---|" + "---|" * len(QUALITIES))
    print(f"| detected (of {args.marked}) | {' | '.join(str(found[q]) for q in QUALITIES)} |")
    print(f"| possible | {' | '.join(str(possible[q]) for q in QUALITIES)} |")


if __name__ == "__main__":
    main()
