"""Does the EXIF thumbnail show the same picture as the main image?

Cameras write a small preview into EXIF IFD1. Many editors update it on save; some do not, so a
picture edited after capture can keep the thumbnail of the original. The comparison is made on
small grey-scale versions, with the thumbnail's letterbox bars (cameras pad 4:3 previews of 3:2
pictures) trimmed and each orientation of the main picture tried. ``difference`` is one minus
the best normalised correlation (0 identical, 1 unrelated).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIZE = 32  # both pictures are compared at 32 x 32
MISMATCH = 0.5  # difference above which the thumbnail is said to show another picture
MIN_SIDE = 24  # a thumbnail smaller than this says nothing


@dataclass(frozen=True, slots=True)
class ThumbnailComparison:
    difference: float
    mismatch: bool
    thumbnail_size: tuple[int, int]


def _resize(grey: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Area-average down-scaling in NumPy (no interpolation library needed for 32 x 32)."""
    h, w = grey.shape
    ys = np.linspace(0, h, size + 1).astype(int)
    xs = np.linspace(0, w, size + 1).astype(int)
    out = np.empty((size, size), np.float64)
    for i in range(size):
        rows = grey[ys[i]:max(ys[i + 1], ys[i] + 1)]
        for j in range(size):
            out[i, j] = rows[:, xs[j]:max(xs[j + 1], xs[j] + 1)].mean()
    return out


def trim_bars(grey: np.ndarray, tolerance: float = 12.0) -> np.ndarray:
    """Drop uniform black (or white) bars along the edges of a thumbnail."""
    def edge(lines: np.ndarray) -> int:
        n = 0
        for line in lines:
            if line.std() > tolerance / 3 or (tolerance < line.mean() < 255 - tolerance):
                break
            n += 1
        return n

    top, bottom = edge(grey), edge(grey[::-1])
    left, right = edge(grey.T), edge(grey.T[::-1])
    h, w = grey.shape
    if top + bottom >= h - MIN_SIDE // 2 or left + right >= w - MIN_SIDE // 2:
        return grey
    return grey[top:h - bottom, left:w - right]


def _ncc(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    denom = float(np.sqrt((a * a).sum() * (b * b).sum()))
    if denom < 1e-9:
        return 1.0 if np.allclose(a, b, atol=2) else 0.0
    return float((a * b).sum() / denom)


def compare(main_grey: np.ndarray, thumb_grey: np.ndarray) -> ThumbnailComparison | None:
    """``None`` when the thumbnail is too small or flat to compare."""
    thumb = trim_bars(thumb_grey.astype(np.float64))
    if min(thumb.shape) < MIN_SIDE:
        return None
    t = _resize(thumb)
    best = -1.0
    main = main_grey.astype(np.float64)
    for k in range(4):  # the thumbnail may follow the stored or the displayed orientation
        best = max(best, _ncc(_resize(np.rot90(main, k)), t))
    difference = round(1.0 - max(0.0, best), 3)
    return ThumbnailComparison(difference=difference, mismatch=difference > MISMATCH,
                               thumbnail_size=(int(thumb_grey.shape[1]), int(thumb_grey.shape[0])))
