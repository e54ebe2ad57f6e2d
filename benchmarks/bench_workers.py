#!/usr/bin/env python3
"""What a detector worker costs: spawn time, and memory after importing the native stack.

Chooses ``Config.memory_limit_mb`` (an RLIMIT_AS, i.e. address space, per worker): the figure
printed as "VmPeak" is what the limit must leave room for, with margin for larger images.

    python benchmarks/bench_workers.py [--ocr-mp 24]
"""

from __future__ import annotations

import subprocess
import sys

from _common import common_args, header

PROBE = r"""
import sys, time
t0 = time.perf_counter()
def vm():
    d = {}
    for line in open('/proc/self/status'):
        k, _, v = line.partition(':')
        if k in ('VmPeak', 'VmSize', 'VmHWM'):
            d[k] = int(v.split()[0]) // 1024
    return 'VmPeak {VmPeak:5d} MB  VmSize {VmSize:5d} MB  peak RSS {VmHWM:5d} MB'.format(**d)
print(f'{"python":<34}', vm())
import verifier.isolation
print(f'{"+ verifier.isolation":<34}', vm())
import c2pa
print(f'{"+ c2pa":<34}', vm())
import cv2
print(f'{"+ cv2":<34}', vm())
import onnxruntime
print(f'{"+ onnxruntime":<34}', vm())
import PIL.Image, numpy, pywt, soundfile, mutagen, pypdf, pillow_heif
print(f'{"+ Pillow numpy pywt soundfile ...":<34}', vm())
import logging; logging.disable(logging.CRITICAL)
from rapidocr import RapidOCR
print(f'{"+ rapidocr":<34}', vm())
import numpy as np
mp = float(sys.argv[1])
w = int((mp * 1e6 * 4 / 3) ** 0.5); h = int(w * 3 / 4)
img = np.full((h, w, 3), 40, np.uint8)
cv2.putText(img, 'AI generated', (w // 10, h // 2), cv2.FONT_HERSHEY_SIMPLEX, w / 400, (255, 255, 255), max(2, w // 300))
t = time.perf_counter(); RapidOCR()(img)
print(f'{"+ OCR on %gMP (%.1f s)" % (mp, time.perf_counter() - t):<34}', vm())
"""


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--ocr-mp", type=float, default=24.0, help="megapixels of the OCR test image")
    args = ap.parse_args()
    header(args, "worker cost")
    spawn = (
        "import time, multiprocessing as mp\n"
        "from verifier.isolation import _Worker\n"
        "t = time.perf_counter(); w = _Worker(4096); w.conn.send(None); w.proc.join()\n"
        "print(f'spawn + start + stop of one worker: {time.perf_counter() - t:.3f} s')\n"
    )
    print(subprocess.run([args.python, "-c", spawn], cwd=args.repo, capture_output=True, text=True).stdout, end="")
    out = subprocess.run([args.python, "-c", PROBE, str(args.ocr_mp)], cwd=args.repo, capture_output=True, text=True)
    print(out.stdout, end="")
    if out.returncode:
        print(out.stderr[-2000:])
    return out.returncode


if __name__ == "__main__":
    sys.exit(main())
