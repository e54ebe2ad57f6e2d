"""Does a band hold text-like detail? A second cheap test before the OCR network runs on it.

:mod:`verifier.visible.contrast` skips bands that are flat. Many bands that are not flat still
cannot hold a label: a blurred background, bokeh, a sunset, a colour gradient. Their steps are
soft; the strokes of a legible label are sharp at the scale the text detector sees (glyphs of
1.5-8 % of the shortest side are 8-41 px tall there), however faint or coloured. The test takes
the band *at the detector's scale*, subtracts a Gaussian blur of radius ~1 px from each colour
channel (what remains is fine detail: stroke edges, grain, texture) and counts, in the densest
24 x 24 px window, the pixels where some channel keeps at least :data:`FINE_LEVEL` grey levels.
Below :data:`MIN_FINE_PIXELS` nothing in the band is a cluster of sharp strokes the size of a
label, and the detector network is not run. The channels are taken apart because a label may
differ from its background in colour more than in brightness (green on blue). Textured bands
(foliage, rock, water) are full of fine detail and always pass: a label on them is still read.

Calibration (902 detector bands; docs/WATERMARKS.md): ``AI生成`` 12 grey levels above a flat
background, no halo — the faintest label OCR reads, at 4 % of the shortest side — scores 202; at
2 %, where OCR needs 23 levels, it scores 115 (and 198 at 24 levels). Labels in random colours
without a halo on photos and generated backgrounds at 1.5-8 % score 208 and up; the real corpus
labels 298 (Samsung's 1.9 % label) to 507 (Doubao's grey ``AI生成`` 464); every band in which the
network found any line at all (corpus and benchmarks/calibrate_ocr.py) 156 or more. The threshold
of 64 keeps a margin of 1.8x under even a label too faint to read, 3x under the faintest read.
It skips 18 of the 119 corpus bands where the network finds nothing, at ~0.3 ms of CPU a band
(a network call on a band costs 7-110 ms).
"""

from __future__ import annotations

import numpy as np

FINE_LEVEL = 3  # grey levels of fine detail (band minus its blur) that count as a sharp stroke pixel
WINDOW = 24  # px at the detector's scale: ~3 glyphs of the smallest (1.5 %) label
MIN_FINE_PIXELS = 64  # sharp pixels needed in the densest window; see the module's docstring


def fine_pixels(small: np.ndarray) -> int:
    """Pixels of sharp detail in the band's densest WINDOW x WINDOW window (``small`` is the copy the
    text detector works on, BGR or grey uint8)."""
    import cv2

    if small.size == 0:
        return 0
    img = np.ascontiguousarray(small)
    detail = cv2.absdiff(img, cv2.GaussianBlur(img, (5, 5), 1.0))
    if detail.ndim == 3:  # the strongest channel (cv2.max: NumPy's max over the last axis is ~20x slower)
        channels = cv2.split(detail)
        detail = channels[0]
        for ch in channels[1:]:
            detail = cv2.max(detail, ch)
    _, sharp = cv2.threshold(detail, FINE_LEVEL - 1, 1, cv2.THRESH_BINARY)
    total = int(cv2.countNonZero(sharp))
    if total < MIN_FINE_PIXELS:  # no window can hold more than the whole band
        return total
    sums = cv2.boxFilter(sharp, cv2.CV_16U, (WINDOW, WINDOW), normalize=False, borderType=cv2.BORDER_CONSTANT)
    return int(sums.max())


def may_hold_text(small: np.ndarray) -> bool:
    return fine_pixels(small) >= MIN_FINE_PIXELS
