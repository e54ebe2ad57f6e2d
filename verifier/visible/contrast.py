"""Can a band hold legible text at all? A cheap test before the OCR network runs on it.

Text is strokes against a background: somewhere in a band that holds a legible label, two
neighbouring pixels differ by at least the label's contrast. The test takes the morphological
gradient (3 x 3 max minus min of the grey levels) of the band *at the scale the text detector
sees* and its 99.9th percentile (a few stray pixels, JPEG noise on a flat border, do not count).
Below :data:`MIN_TEXT_CONTRAST` grey levels the band is flat — a letterbox, a studio backdrop,
a blurred sky — and the detector network, the most expensive step of the project, is not run.

Calibration (benchmarks/calibrate_ocr.py, docs/WATERMARKS.md): the OCR reads no label whose
contrast is below 12 grey levels (flat and sky-graded backgrounds, 2 % and 4 % labels: found
from 12 at 4 %, from 23 at 2 %), and the faintest real corpus label (Doubao's grey ``AI生成``)
scores 46; the threshold of 8 keeps a margin of 1.5x under the faintest label ever read.
"""

from __future__ import annotations

import numpy as np

MIN_TEXT_CONTRAST = 8  # grey levels; see the module's docstring
OUTLIER_SHARE = 0.001  # pixels allowed above the level before it counts (the 99.9th percentile)


def scaled(bgr: np.ndarray, scale: float) -> np.ndarray:
    """The copy the text detector works on: ``scale`` (at most 1) with area interpolation, at
    least 8 px a side (exactly what :func:`verifier.adapters.ocr.detect` makes)."""
    import cv2

    if scale >= 1.0:
        return bgr
    size = (max(8, round(bgr.shape[1] * scale)), max(8, round(bgr.shape[0] * scale)))
    return cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)


def level(small: np.ndarray) -> int:
    """The band's text contrast in grey levels: the 99.9th percentile of its 3 x 3 gradient."""
    import cv2

    if small.size == 0 or min(small.shape[:2]) < 3:
        return 0
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
    grad = cv2.morphologyEx(np.ascontiguousarray(gray), cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    hist = np.bincount(grad.ravel(), minlength=256)
    above = np.cumsum(hist[::-1])[::-1]  # above[v]: pixels with a gradient >= v
    allowed = OUTLIER_SHARE * grad.size
    return int(np.flatnonzero(above > allowed)[-1]) if (above > allowed).any() else 0


def may_hold_text(small: np.ndarray) -> bool:
    return level(small) >= MIN_TEXT_CONTRAST
