"""Per-detector wall time on generated inputs: 1024² and 2048² images and a 60 s clip.

    python benchmarks/bench_detectors.py [--seconds 60] [--repeat 2]

Inputs are generated into a temporary folder (natural-looking images without labels, so every
check runs to the end: the worst case; a 1280x720 30 fps mp4v clip). Each detector runs
in-process (``run_detector``) ``--repeat`` times on each input: the first run includes imports
and, for OCR, the engine's start, as a fresh worker process would pay once. Prints Markdown.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.verifier.fixtures.images import natural  # noqa: E402
from tests.verifier.fixtures.video import write_video  # noqa: E402
from verifier.config import Config  # noqa: E402
from verifier.detectors import BUILTIN_DETECTORS, Context  # noqa: E402
from verifier.inputs import identify  # noqa: E402
from verifier.isolation import run_detector  # noqa: E402


def make_inputs(folder: Path, seconds: float) -> list[tuple[str, Path]]:
    import cv2

    out = []
    for side in (1024, 2048):
        p = folder / f"image_{side}.png"
        cv2.imwrite(str(p), natural(side, side, side)[:, :, ::-1])
        out.append((f"PNG {side}x{side}", p))
        q = folder / f"image_{side}.jpg"
        cv2.imwrite(str(q), natural(side + 1, side, side)[:, :, ::-1], [cv2.IMWRITE_JPEG_QUALITY, 92])
        out.append((f"JPEG {side}x{side}", q))
    base = natural(5, 720, 1280)
    clip = write_video(folder / "clip.mp4", seconds, 30, lambda i: np.roll(base, 4 * i, axis=1))
    out.append((f"MP4 {seconds:g} s 1280x720 30 fps", clip))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    ctx = Context(Config(isolation="inline"))
    with tempfile.TemporaryDirectory(prefix="verifier-bench-") as tmp:
        t = time.perf_counter()
        inputs = make_inputs(Path(tmp), args.seconds)
        print(f"_inputs generated in {time.perf_counter() - t:.1f} s_\n")
        print("| input | detector | status | first run ms | later runs ms | notes |")
        print("|---|---|---|---|---|---|")
        for label, path in inputs:
            media = identify(path)
            for det in BUILTIN_DETECTORS:
                runs = [run_detector(det, media, ctx) for _ in range(max(1, args.repeat))]
                later = [e.ms for e in runs[1:]] or [runs[0].ms]
                facts = runs[-1].facts
                notes = []
                if "ocr_ms" in facts:
                    notes.append(f"OCR {facts['ocr_ms']:.0f} ms ({', '.join(facts['ocr_regions'])})")
                if "sparkle_ms" in facts:
                    notes.append(f"sparkle {facts['sparkle_ms']:.0f} ms")
                if "frames_checked" in facts:
                    notes.append(f"{len(facts['frames_checked'])} frames")
                if runs[-1].error:
                    notes.append(runs[-1].error[:60])
                print(f"| {label} | {det.name} | {runs[-1].status} | {runs[0].ms:.0f} | "
                      f"{np.mean(later):.0f} | {'; '.join(notes)} |", flush=True)


if __name__ == "__main__":
    main()
