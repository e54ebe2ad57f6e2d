"""The Google Gemini four-point sparkle, found by normalised cross-correlation.

Gemini stamps a light sparkle at the bottom-right corner of its images: 48 px at 32 px margins,
or 96 px at 64 px margins when both sides exceed 1024 px (LABELS.md §2). The template is drawn
from geometry, never copied from an image: four tips on the axes joined by quadratic Bézier
curves whose control points sit at (±c, ±c) of the half-size (c = 0.27 gives the sparkle's
concave sides). Matching uses ``TM_CCOEFF_NORMED`` on the grey image, so brightness and
contrast of the overlay do not matter. A bright round blob also correlates with a star, so a
match must beat a disc of the same size by a margin.

Sizes from 64 px are searched coarse-to-fine (the star shrunk to ~32 px on the corner shrunk
alike, then the best coarse peaks refined at full resolution), which returns the exhaustive
search's size, box and score wherever a score of about 0.45 or more is at stake; ``find(...,
coarse=False)`` is the exhaustive search, kept as the reference for the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
# Coarse-to-fine search for the larger sizes (same full-resolution result where a sparkle is near;
# tests/verifier/test_visible_rules.py compares it with the exhaustive search).
COARSE_FROM = 64  # px: sizes from here are first searched on a shrunk corner
COARSE_STAR = 32  # px: the star's size on the shrunk corner (shrink factor = size // 32)
COARSE_PEAKS = 3  # coarse peaks refined at full resolution ...
COARSE_DROP = 0.15  # ... if within this of the best coarse score
# Below this score a match changes nothing (a match needs 0.6): a second coarse peak is not refined,
# and a refine window is not moved along a ridge.
COARSE_FLOOR = 0.4
REFINE_REACH = 2  # refine window: +-(REACH x shrink factor + SLACK) px around a coarse peak
REFINE_SLACK = 2
REFINE_STEPS = 6  # the window moves at most this many times while its maximum sits on its edge
FLAT_STD = 1.0  # a corner whose grey levels vary less than this carries no sparkle
_STD_SURE = 1e-3  # OpenCV's and NumPy's standard deviations agree far closer than this (relative)


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


def _plan(w: int, h: int, gmargin: int) -> list[tuple[int, int]]:
    """(size, side of the square corner region searched) for each size that fits the frame."""
    out = []
    for size in SIZES:
        side = _templates(size)[0].shape[0]
        region = int(min(h, w, max(3 * size, size + 2 * gmargin + side)))
        if region >= side + 2:
            out.append((size, region))
    return out


@lru_cache(maxsize=64)
def _coarse_template(size: int, factor: int) -> np.ndarray:
    import cv2

    star = _templates(size)[0]
    side = max(3, int(round(star.shape[0] / factor)))
    return cv2.resize(star, (side, side), interpolation=cv2.INTER_AREA)


def _ncc(roi: np.ndarray, template: np.ndarray) -> tuple[float, tuple[int, int]]:
    import cv2

    _, score, _, loc = cv2.minMaxLoc(cv2.matchTemplate(roi, template, cv2.TM_CCOEFF_NORMED))
    return float(score), (int(loc[0]), int(loc[1]))


def _coarse_peaks(roi: np.ndarray, size: int, factor: int) -> list[tuple[int, int]]:
    """Full-resolution (x, y) of the best peaks of the star on the corner shrunk ``factor`` times."""
    import cv2

    n = roi.shape[0] // factor
    small = cv2.resize(roi[: n * factor, : n * factor], (n, n), interpolation=cv2.INTER_AREA)
    res = cv2.matchTemplate(small, _coarse_template(size, factor), cv2.TM_CCOEFF_NORMED)
    peaks: list[tuple[int, int]] = []
    best = None
    apart = max(1, size // (2 * factor))  # another peak is another object: half a star away
    for _ in range(COARSE_PEAKS):
        _, score, _, (x, y) = cv2.minMaxLoc(res)
        if best is None:
            best = score
        elif score < max(COARSE_FLOOR, best - COARSE_DROP):
            break
        peaks.append((x * factor, y * factor))
        res[max(0, y - apart): y + apart + 1, max(0, x - apart): x + apart + 1] = -2.0
    return peaks


def _best_location(roi: np.ndarray, size: int, coarse: bool) -> tuple[float, tuple[int, int]]:
    """Best ``TM_CCOEFF_NORMED`` score of the star in ``roi`` and its top-left corner.

    Small sizes are searched exhaustively. From ``COARSE_FROM`` px the star is first looked for on
    the corner shrunk to a ~``COARSE_STAR`` px star (INTER_AREA), then each coarse peak is refined
    at full resolution in a window of a few pixels: the score is always the full-resolution one.
    """
    star = _templates(size)[0]
    factor = size // COARSE_STAR
    side = star.shape[0]
    if (not coarse or size < COARSE_FROM or factor < 2
            or roi.shape[0] // factor < _coarse_template(size, factor).shape[0] + 2):
        return _ncc(roi, star)
    last = roi.shape[0] - side  # last valid top-left coordinate
    reach = REFINE_REACH * factor + REFINE_SLACK
    best = (-2.0, (0, 0))  # below any correlation: the first window replaces it
    for peak in _coarse_peaks(roi, size, factor):
        for _ in range(REFINE_STEPS):
            # a window around the peak; a maximum on its edge (a ridge, a star of another size)
            # moves the window there, so the full-resolution local maximum is reached
            x0, y0 = min(last, max(0, peak[0] - reach)), min(last, max(0, peak[1] - reach))
            x1, y1 = min(last, peak[0] + reach), min(last, peak[1] + reach)
            score, (lx, ly) = _ncc(roi[y0: y1 + side, x0: x1 + side], star)
            loc = (x0 + lx, y0 + ly)
            # ties broken in raster order, as one exhaustive search would
            if (score, -loc[1], -loc[0]) > (best[0], -best[1][1], -best[1][0]):
                best = (score, loc)
            inside = ((lx > 0 or x0 == 0) and (ly > 0 or y0 == 0)
                      and (loc[0] < x1 or x1 == last) and (loc[1] < y1 or y1 == last))
            if inside or score < COARSE_FLOOR:
                break
            peak = loc
    return best


def _disc_score(roi: np.ndarray, size: int, loc: tuple[int, int]) -> float:
    import cv2

    disc = _templates(size)[1]
    side = disc.shape[0]
    patch = roi[loc[1]: loc[1] + side, loc[0]: loc[0] + side]
    return float(cv2.matchTemplate(patch, disc, cv2.TM_CCOEFF_NORMED)[0, 0])


def _flat(roi: np.ndarray) -> bool:
    """``float(roi.std()) < FLAT_STD``, as NumPy decides it for the float32 region.

    OpenCV's one-pass standard deviation (in double) is several times cheaper; it decides
    unless it lies within ``_STD_SURE`` of the bound, where NumPy's float32 result (within
    ~1e-6 of the exact value) is computed as before, so the outcome is NumPy's in every case.
    """
    import cv2

    sd = float(cv2.meanStdDev(roi)[1][0, 0])
    if abs(sd - FLAT_STD) > _STD_SURE * FLAT_STD:
        return sd < FLAT_STD
    return float(np.ascontiguousarray(roi).std()) < FLAT_STD  # the contiguous copy's summation order


def find(bgr: np.ndarray, *, coarse: bool = True) -> SparkleMatch | None:
    """Best sparkle match in the bottom-right corner region, at several sizes.

    ``coarse=False`` searches every size exhaustively at full resolution (the reference the
    coarse-to-fine search is tested against; same results where a sparkle is near, slower).
    Only the bottom-right corner is converted to grey; the disc test runs only where it can
    change the outcome (a score that could pass) and for the match returned.
    """
    import cv2

    h, w = bgr.shape[:2]
    gsize, gmargin = expected_placement(w, h)
    plan = _plan(w, h, gmargin)
    if not plan:
        return None
    reach = max(region for _, region in plan)
    corner = bgr[h - reach:, w - reach:]
    gray = corner if corner.ndim == 2 else cv2.cvtColor(corner, cv2.COLOR_BGR2GRAY)
    # Converted once; each size's region is a view of its bottom-right corner (OpenCV reads
    # strided rows as they are: the same values as a contiguous copy).
    gray_f = np.ascontiguousarray(gray, dtype=np.float32)
    candidates: list[tuple[SparkleMatch, np.ndarray, tuple[int, int]]] = []
    for size, region in plan:
        roi = gray_f[reach - region:, reach - region:]
        if _flat(roi):
            continue
        score, loc = _best_location(roi, size, coarse)
        # the disc only matters for a score that could pass; otherwise computed later if returned
        disc_score = _disc_score(roi, size, loc) if score >= THRESHOLD else float("nan")
        side = _templates(size)[0].shape[0]
        pad = (side - size) // 2
        x0, y0 = w - region, h - region
        bx0, by0 = x0 + loc[0] + pad, y0 + loc[1] + pad
        box = (bx0, by0, bx0 + size, by0 + size)
        placed = (abs(size - gsize) <= PLACEMENT_TOLERANCE // 2 * 2
                  and abs(w - box[2] - gmargin) <= PLACEMENT_TOLERANCE
                  and abs(h - box[3] - gmargin) <= PLACEMENT_TOLERANCE)
        candidates.append((SparkleMatch(score, disc_score, size, box, placed), roi, loc))
    if not candidates:
        return None
    passing = [c for c in candidates if c[0].found]
    match, roi, loc = max(passing or candidates, key=lambda c: c[0].score)
    if match.disc_score != match.disc_score:  # NaN: not computed yet
        match = replace(match, disc_score=_disc_score(roi, match.size, loc))
    return match
