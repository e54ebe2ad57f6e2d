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
# The main picture is read at a reduced scale keeping at least this many pixels on its shorter
# side (16 per bin): 32 x 32 bin means of it differ from full-resolution ones in the third decimal
# of ``difference`` at most (0.003 on the corpus and 88 public camera photos, 132 comparisons).
MAIN_MIN_SIDE = 512


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


def _edges(n: int, size: int = SIZE) -> list[tuple[int, int]]:
    """The bins of :func:`_resize` along an axis of ``n`` pixels: [start, stop) each."""
    cut = np.linspace(0, n, size + 1).astype(int)
    return [(int(cut[i]), int(max(cut[i + 1], cut[i] + 1))) for i in range(size)]


def _rotations_resized(grey: np.ndarray, size: int = SIZE, turns: tuple[int, ...] = (0, 1, 2, 3)) -> list[np.ndarray]:
    """``_resize(np.rot90(grey, k))`` for each k in ``turns``, from one pass over the picture
    (an integer-valued plane, such as uint8).

    Each bin of a rotated copy is a rectangle of the picture itself; its sum is read from the
    picture's prefix sums at the bins' edges (exact integers, so each mean is the very value
    ``_resize`` computes: an exact sum divided once by the count), instead of converting and
    slicing a 12 MP picture four times. The bins of all four copies are read at once."""
    h, w = grey.shape
    rows, cols = np.array(_edges(h, size)), np.array(_edges(w, size))  # [start, stop) per bin
    wide_rows, wide_cols = np.array(_edges(w, size)), np.array(_edges(h, size))  # of the 90/270-degree copies

    def flip(bins: np.ndarray, n: int) -> np.ndarray:
        """The same bins along the reversed axis (a rotation by 90 degrees reverses one axis)."""
        return n - bins[:, ::-1]

    # Per turn: (row bins, column bins, transposed): the copy's value is the mean of the
    # picture over (row bin a, column bin b), at [a, b], or at [b, a] when transposed.
    layout = {
        0: (rows, cols, False),  # as stored
        1: (wide_cols, flip(wide_rows, w), True),  # rot90 by 1: row i of the copy is column w - 1 - i
        2: (flip(rows, h), flip(cols, w), False),
        3: (flip(wide_cols, h), wide_rows, True),  # rot90 by 3: column j of the copy is row h - 1 - j
    }
    picked = [layout[k] for k in turns]
    y_cuts = np.unique(np.concatenate([yb.ravel() for yb, _, _ in picked]))
    x_cuts = np.unique(np.concatenate([xb.ravel() for _, xb, _ in picked]))
    strips = np.add.reduceat(grey, y_cuts[y_cuts < h], axis=0, dtype=np.int64)  # rows between cuts
    cells = np.add.reduceat(strips, x_cuts[x_cuts < w], axis=1, dtype=np.int64)
    prefix = np.zeros((len(y_cuts), len(x_cuts)), np.int64)
    prefix[1:, 1:] = cells.cumsum(axis=0).cumsum(axis=1)[: len(y_cuts) - 1, : len(x_cuts) - 1]
    out = []
    for yb, xb, transposed in picked:
        y0, y1 = np.searchsorted(y_cuts, yb[:, 0]), np.searchsorted(y_cuts, yb[:, 1])
        x0, x1 = np.searchsorted(x_cuts, xb[:, 0]), np.searchsorted(x_cuts, xb[:, 1])
        total = (prefix[np.ix_(y1, x1)] - prefix[np.ix_(y0, x1)] - prefix[np.ix_(y1, x0)] + prefix[np.ix_(y0, x0)])
        area = np.outer(yb[:, 1] - yb[:, 0], xb[:, 1] - xb[:, 0])
        means = total.astype(np.float64) / area.astype(np.float64)
        out.append(np.ascontiguousarray(means.T) if transposed else means)
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
    # An integer plane's bins are read from exact prefix sums (the same means as _resize).
    t = (_rotations_resized(thumb.astype(np.int64), turns=(0,))[0] if np.issubdtype(thumb_grey.dtype, np.integer)
         else _resize(thumb))
    best = -1.0
    for small in _rotations_resized(main_grey):  # the thumbnail may follow the stored or the displayed orientation
        best = max(best, _ncc(small, t))
    difference = round(1.0 - max(0.0, best), 3)
    return ThumbnailComparison(difference=difference, mismatch=difference > MISMATCH,
                               thumbnail_size=(int(thumb_grey.shape[1]), int(thumb_grey.shape[0])))
