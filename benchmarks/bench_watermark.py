#!/usr/bin/env python3
"""CPU of the ``watermark`` detector over the corpus images, in one process on one thread.

Splits the detector's time into decoding the pixels and the dwtDct decode, and times one
2048 x 2048 PNG, with the minimum of ``--repeat`` runs per file (CPU time, so other load on a
shared machine inflates it less than wall time).

    python benchmarks/bench_watermark.py [--repo PATH] [--python PY] [--repeat 3]
"""

from __future__ import annotations

import json
import subprocess
import sys

from _common import common_args, header

CHILD = r"""
import json, sys, time
sys.path.insert(0, ".")
import cv2
cv2.setNumThreads(1)
from pathlib import Path
from verifier.adapters import opencv_image
from verifier.config import Config
from verifier.detectors.base import Context
from verifier.detectors.watermark import WatermarkDetector
from verifier.inputs import identify
from verifier.watermarks import dwtdct

corpus, repeat, big = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
media = [m for m in (identify(p) for p in sorted(corpus.rglob("*")) if p.is_file() and p.name != "expected.json")
         if m.media_type in opencv_image.IMAGE_TYPES or m.media_type in opencv_image.PILLOW_DECODED]
det, ctx = WatermarkDetector(), Context(Config(isolation="inline"))
pixels = {}
for m in media:
    try:
        bgr = opencv_image.load_bgr(m.path, m.media_type)
    except ValueError:
        continue
    if bgr.shape[0] * bgr.shape[1] >= dwtdct.MIN_PIXELS:
        pixels[m.path] = bgr

def cpu(f):
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        try:
            f()
        except Exception:  # not applicable / corrupt files cost what they cost
            pass
        best = min(best, time.process_time() - t)
    return best

run = sum(cpu(lambda m=m: det.run(m, ctx)) for m in media)
decode = sum(cpu(lambda b=b: dwtdct.decode(b)) for b in pixels.values())
data = Path(big).read_bytes()
one_pixels = cpu(lambda: opencv_image.decode_bgr(data))
bgr = opencv_image.decode_bgr(data)
one_decode = cpu(lambda: dwtdct.decode(bgr))
print(json.dumps({"images": len(media), "decoded": len(pixels), "run": run, "dwtdct": decode,
                  "one": Path(big).name, "one_shape": list(bgr.shape), "one_pixels": one_pixels,
                  "one_dwtdct": one_decode}))
"""


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--image", default="labels/jimeng_cap_A.png", help="the large image, relative to the corpus")
    args = ap.parse_args()
    header(args, "watermark detector CPU, in process, 1 thread")
    out = subprocess.run([args.python, "-c", CHILD, str(args.corpus), str(args.repeat),
                          str(args.corpus / args.image)], cwd=args.repo, capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"corpus: {r['images']} images, {r['decoded']} decoded by dwtDct (min of {args.repeat} runs per file)")
    print(f"  detector run (read + decode pixels + dwtDct): {r['run']:.2f} s CPU")
    print(f"  dwtdct.decode alone:                          {r['dwtdct']:.2f} s CPU")
    print(f"{r['one']} {r['one_shape'][1]} x {r['one_shape'][0]}: pixels {r['one_pixels'] * 1000:.0f} ms, "
          f"dwtdct.decode {r['one_dwtdct'] * 1000:.0f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
