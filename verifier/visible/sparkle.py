"""The Google Gemini four-point sparkle, found by normalised cross-correlation.

Gemini stamps a light sparkle at the bottom-right corner of its images: 48 px at 32 px margins,
or 96 px at 64 px margins when both sides exceed 1024 px (LABELS.md §2). The template is drawn
from geometry, never copied from an image: four tips on the axes joined by quadratic Bézier
curves whose control points sit at (±c, ±c) of the half-size (c = 0.27 gives the sparkle's
concave sides). Matching uses ``TM_CCOEFF_NORMED`` on the grey image, so brightness and
contrast of the overlay do not matter. A bright round blob also correlates with a star, so a
match must beat a disc of the same size by a margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

CONTROL = 0.27
THRESHOLD = 0.6  # LABELS.md §6: ~0.6 gave 96.7 % detection and 0/120 false positives
# Anywhere else in the corner, at any size, the search has far more chances to meet a look-alike
# (one clean generated image reached 0.63 at 192 px): a crop or resize must match better.
THRESHOLD_ELSEWHERE = 0.75
DISC_MARGIN = 0.05  # the star must correlate better than a disc of equal area (blobs fail this)
PAD = 0.35  # background around the star in the template, as a share of its size
SIZES = (24, 32, 40, 48, 64, 80, 96, 128, 160, 192)  # scaled search, for crops and resizes
PLACEMENT_TOLERANCE = 6  # px


@dataclass(frozen=True, slots=True)
class SparkleMatch:
    score: float
    disc_score: float
    size: int  # sparkle side in image pixels
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 of the sparkle itself
    gemini_placement: bool  # exactly where Gemini puts it for this frame size

    @property
    def found(self) -> bool:
        needed = THRESHOLD if self.gemini_placement else THRESHOLD_ELSEWHERE
        return self.score >= needed and self.score - self.disc_score >= DISC_MARGIN


def outline(n: int = 64) -> np.ndarray:
    """Unit-size outline (tips at ±1), counter-clockwise, as (x, y) points."""
    t = np.linspace(0.0, 1.0, n, endpoint=False)[:, None]
    tips = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)]
    pts = []
    for k in range(4):
        a, b = np.array(tips[k]), np.array(tips[(k + 1) % 4])
        ctrl = (a + b) * CONTROL  # (±c, ±c)
        pts.append((1 - t) ** 2 * a + 2 * t * (1 - t) * ctrl + t ** 2 * b)
    return np.concatenate(pts)


@lru_cache(maxsize=64)
def _templates(size: int) -> tuple[np.ndarray, np.ndarray]:
    """(star, disc) float32 templates of a ``size``-px shape with padding, supersampled 4x."""
    import cv2

    pad = max(2, int(round(size * PAD)))
    side = size + 2 * pad
    ss = 4
    canvas = np.zeros((side * ss, side * ss), np.uint8)
    centre = side * ss / 2.0
    pts = outline() * (size * ss / 2.0) + centre
    cv2.fillPoly(canvas, [np.round(pts).astype(np.int32)], 255, cv2.LINE_AA)
    star = cv2.resize(canvas, (side, side), interpolation=cv2.INTER_AREA).astype(np.float32)
    canvas[:] = 0
    # a disc with the star's area: a blob that would fool a star-only test
    area = float(np.count_nonzero(star > 127))
    radius = max(1.0, np.sqrt(area / np.pi)) * ss
    cv2.circle(canvas, (int(centre), int(centre)), int(round(radius)), 255, -1, cv2.LINE_AA)
    disc = cv2.resize(canvas, (side, side), interpolation=cv2.INTER_AREA).astype(np.float32)
    return star, disc


def expected_placement(width: int, height: int) -> tuple[int, int]:
    """(size, margin) Gemini uses for a frame of this size."""
    return (96, 64) if width > 1024 and height > 1024 else (48, 32)


def find(bgr: np.ndarray) -> SparkleMatch | None:
    """Best sparkle match in the bottom-right corner region, at several sizes."""
    import cv2

    gray = bgr if bgr.ndim == 2 else cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape[:2]
    gsize, gmargin = expected_placement(w, h)
    candidates: list[SparkleMatch] = []
    for size in SIZES:
        star, disc = _templates(size)
        side = star.shape[0]
        region = int(min(h, w, max(3 * size, size + 2 * gmargin + side)))
        if region < side + 2:
            continue
        y0, x0 = h - region, w - region
        roi = np.ascontiguousarray(gray[y0:, x0:], dtype=np.float32)
        if float(roi.std()) < 1.0:
            continue
        res = cv2.matchTemplate(roi, star, cv2.TM_CCOEFF_NORMED)
        _, score, _, loc = cv2.minMaxLoc(res)
        patch = roi[loc[1]: loc[1] + side, loc[0]: loc[0] + side]
        disc_score = float(cv2.matchTemplate(patch, disc, cv2.TM_CCOEFF_NORMED)[0, 0])
        pad = (side - size) // 2
        bx0, by0 = x0 + loc[0] + pad, y0 + loc[1] + pad
        box = (bx0, by0, bx0 + size, by0 + size)
        placed = (abs(size - gsize) <= PLACEMENT_TOLERANCE // 2 * 2
                  and abs(w - box[2] - gmargin) <= PLACEMENT_TOLERANCE
                  and abs(h - box[3] - gmargin) <= PLACEMENT_TOLERANCE)
        candidates.append(SparkleMatch(float(score), disc_score, size, box, placed))
    if not candidates:
        return None
    passing = [c for c in candidates if c.found]
    return max(passing or candidates, key=lambda c: c.score)
