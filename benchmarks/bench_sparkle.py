#!/usr/bin/env python3
"""The Gemini sparkle matcher: CPU per call, and the coarse-to-fine search against the exhaustive one.

Times ``sparkle.find`` (coarse-to-fine) and ``sparkle.find(..., coarse=False)`` (every size at full
resolution) on one thread at 768², 1024², 2048² and 4032x3024, then compares the two on every
decodable corpus image and video frame and on ``--generated`` code-built cases (sparkles of any
size, margin, opacity and offset, some saved as JPEG q70; clean images; round blobs). A
difference "matters" when either version finds a sparkle or scores >= 0.5.

    python benchmarks/bench_sparkle.py [--generated 500] [--seed 1] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402

cv2.setNumThreads(1)
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)

from tests.verifier.fixtures.images import natural  # noqa: E402
from tests.verifier.fixtures.labels import draw_disc, draw_sparkle  # noqa: E402
from verifier.visible import sparkle  # noqa: E402


def cpu_ms(fn, n: int = 20) -> float:
    fn()
    runs = []
    for _ in range(3):
        t = time.process_time()
        for _ in range(n):
            fn()
        runs.append((time.process_time() - t) / n * 1000)
    return min(runs)


def corpus_images(corpus: Path):
    from verifier.adapters import opencv_image
    from verifier.visible import video_frames

    for p in sorted(corpus.rglob("*")):
        if not p.is_file() or p.name == "expected.json":
            continue
        data = p.read_bytes()
        for decode in (opencv_image.decode_bgr, opencv_image.decode_bgr_pillow):
            try:
                yield p.name, decode(data)
                break
            except Exception:  # noqa: BLE001 - not an image this decoder reads
                continue
        else:
            try:
                for frame in video_frames.frames(p):
                    yield f"{p.name}#{frame.index}", frame.bgr
            except Exception:  # noqa: BLE001 - not a video either
                pass


def generated(n: int, seed: int):
    rng = np.random.default_rng(seed)
    for i in range(n):
        kind = i % 5
        w, h = int(rng.integers(300, 2200)), int(rng.integers(300, 2200))
        img = natural(int(rng.integers(1 << 30)), h, w)
        if kind == 0:  # Gemini's placement
            size, margin = sparkle.expected_placement(w, h)
            img = draw_sparkle(img, size, margin, float(rng.uniform(0.3, 0.9)))
        elif kind == 1:  # any size and margin, off by a few px (crops, resizes)
            size = int(rng.integers(20, 200))
            margin = int(rng.integers(0, 2 * size))
            if size + margin + 4 > min(w, h):
                size, margin = 48, 32
            img = draw_sparkle(img, size, margin, float(rng.uniform(0.3, 1.0)),
                               offset=(int(rng.integers(-3, 4)), int(rng.integers(-3, 4))))
        elif kind == 3:  # a round blob
            img = draw_disc(img, int(rng.integers(8, 60)), int(rng.integers(10, 80)))
        elif kind == 4:  # a template size, then JPEG q70
            size, margin = int(rng.choice(sparkle.SIZES)), int(rng.integers(8, 100))
            if size + margin + 4 > min(w, h):
                size, margin = 48, 32
            img = draw_sparkle(img, size, margin, float(rng.uniform(0.4, 1.0)))
            img = cv2.imdecode(cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 70])[1], cv2.IMREAD_COLOR)
        yield f"generated {i} ({w}x{h}, kind {kind})", np.ascontiguousarray(img[:, :, ::-1])


def compare(label: str, items) -> str:
    def key(m):
        return None if m is None else (m.size, m.box, m.found, m.gemini_placement)

    n = matter = differ = differ_matter = 0
    t_fast = t_full = 0.0
    notes = []
    for name, img in items:
        n += 1
        t = time.process_time()
        fast = sparkle.find(img)
        t_fast += time.process_time() - t
        t = time.process_time()
        full = sparkle.find(img, coarse=False)
        t_full += time.process_time() - t
        relevant = any(m is not None and (m.found or m.score >= 0.5) for m in (fast, full))
        matter += relevant
        if key(fast) != key(full) or (fast and full and abs(fast.score - full.score) > 1e-5):
            differ += 1
            differ_matter += relevant
            notes.append(f"  - {name}: exhaustive {full}, coarse {fast}")
    return "\n".join([f"{label}: {n} images; {matter} where a sparkle is found or scores >= 0.5; "
                      f"differ {differ} (of which {differ_matter} matter); CPU exhaustive {t_full:.2f} s, "
                      f"coarse-to-fine {t_fast:.2f} s", *notes[:20]])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--generated", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print("| frame | exhaustive ms | coarse-to-fine ms |\n|---|---|---|")
    for w, h in ((768, 768), (1024, 1024), (2048, 2048), (4032, 3024)):
        size, margin = sparkle.expected_placement(w, h)
        bgr = np.ascontiguousarray(draw_sparkle(natural(5, h, w), size, margin, 0.6)[:, :, ::-1])
        print(f"| {w}x{h} | {cpu_ms(lambda: sparkle.find(bgr, coarse=False)):.1f} | "
              f"{cpu_ms(lambda: sparkle.find(bgr)):.1f} |")
    if args.corpus.is_dir():
        print(compare("corpus", corpus_images(args.corpus)))
    print(compare("generated", generated(args.generated, args.seed)))


if __name__ == "__main__":
    main()
