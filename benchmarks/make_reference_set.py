"""Build a large reference folder for timing ``verifier scan --reference`` (never in the repo).

Every picture is a crop of a real photo from the SOURCE folders, or a 2 x 2 mosaic of crops of
different photos, 320-640 px wide, JPEG quality 70-95 (near-duplicates are present, as in an
agency archive). Usage: ``python benchmarks/make_reference_set.py OUT N SOURCE...``
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

cv2.setNumThreads(1)


def crop(rng: np.random.Generator, src: np.ndarray, width: int, height: int) -> np.ndarray:
    """A random crop of ``src`` (40-100 % of each side) rescaled to ``width`` x ``height``."""
    h, w = src.shape[:2]
    cw, ch = int(w * rng.uniform(0.4, 1.0)), int(h * rng.uniform(0.4, 1.0))
    x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    out = cv2.resize(src[y:y + ch, x:x + cw], (width, height), interpolation=cv2.INTER_AREA)
    return out[:, ::-1] if rng.integers(0, 2) else out


def picture(rng: np.random.Generator, photos: list[np.ndarray]) -> np.ndarray:
    """One crop, or a 2 x 2 mosaic of crops of different photos (so that most pictures differ)."""
    width, height = int(rng.integers(320, 640)), int(rng.integers(240, 480))
    if rng.integers(0, 3) == 0:
        return crop(rng, photos[int(rng.integers(0, len(photos)))], width, height)
    out = np.zeros((height, width, 3), np.uint8)
    hw, hh = width // 2, height // 2
    for (x, y) in ((0, 0), (hw, 0), (0, hh), (hw, hh)):
        tile = crop(rng, photos[int(rng.integers(0, len(photos)))], width - hw if x else hw, height - hh if y else hh)
        out[y:y + tile.shape[0], x:x + tile.shape[1]] = tile
    return out


def main() -> int:
    out, n, sources = Path(sys.argv[1]), int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
    out.mkdir(parents=True, exist_ok=True)
    photos = []
    for folder in sources:
        for p in sorted(folder.rglob("*")):
            if p.suffix.lower() in (".jpg", ".jpeg", ".png"):
                img = cv2.imread(str(p), cv2.IMREAD_COLOR)
                if img is not None and min(img.shape[:2]) >= 200:
                    s = min(1.0, 1200 / max(img.shape[:2]))  # crops are small: work from 1200 px
                    photos.append(cv2.resize(img, (round(img.shape[1] * s), round(img.shape[0] * s)),
                                             interpolation=cv2.INTER_AREA) if s < 1 else img)
    rng = np.random.default_rng(1)
    for i in range(n):
        target = out / f"{i // 1000:02d}" / f"ref-{i:05d}.jpg"
        if target.exists():
            continue
        target.parent.mkdir(exist_ok=True)
        img = picture(rng, photos)
        cv2.imwrite(str(target), img, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(70, 95))])
        if i % 500 == 0:
            print(f"{i}/{n}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
