"""Where to look for a visible label: edge and corner strips first (GB 45438 §5.2), and how
tall its glyphs are."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

STRIP_SHARE = 0.2  # of the side perpendicular to the edge
MIN_STRIP = 64  # px
SMALL_IMAGE = 768  # longest side at or below which the whole frame is read at once


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    x0: int
    y0: int
    x1: int
    y1: int

    def crop(self, img: np.ndarray) -> np.ndarray:
        return img[self.y0: self.y1, self.x0: self.x1]

    def touches_inner_edge(self, box: tuple[int, int, int, int], w: int, h: int, slack: int = 3) -> bool:
        """A text box cut by this strip's inner border (the line may continue outside)."""
        x0, y0, x1, y1 = box
        return ((self.y0 > 0 and y0 <= self.y0 + slack) or (self.y1 < h and y1 >= self.y1 - slack)
                or (self.x0 > 0 and x0 <= self.x0 + slack) or (self.x1 < w and x1 >= self.x1 - slack))


def full(w: int, h: int) -> Region:
    return Region("full", 0, 0, w, h)


def edge_strips(w: int, h: int, sides: tuple[str, ...] = ("bottom", "top", "left", "right"),
                small_as_full: bool = True) -> list[Region]:
    """Bottom, top, then left and right between them; the whole frame for small images (unless
    ``small_as_full`` is False: video frames are read on their edge bands whatever their size)."""
    if small_as_full and max(w, h) <= SMALL_IMAGE:
        return [full(w, h)]
    sh = min(h, max(MIN_STRIP, int(round(h * STRIP_SHARE))))
    sw = min(w, max(MIN_STRIP, int(round(w * STRIP_SHARE))))
    out = [Region("bottom", 0, h - sh, w, h), Region("top", 0, 0, w, sh)]
    if h - 2 * sh > MIN_STRIP:
        out += [Region("left", 0, sh, sw, h - sh), Region("right", w - sw, sh, w, h - sh)]
    return [r for r in out if r.name in sides]


def around(boxes: list[tuple[int, int, int, int]], w: int, h: int, reach: float = 2.0,
           whole_share: float = 0.6) -> list[Region]:
    """Full-width bands of rows around text boxes that held half a label: the rest of the label
    sits beside it, above or below it, or past the strip border that cut it. Overlapping bands
    are merged; when they cover most of the frame, the whole frame is one region."""
    spans: list[list[int]] = []
    for _, y0, _, y1 in sorted(boxes, key=lambda b: b[1]):
        pad = int(reach * max(1, y1 - y0))
        lo, hi = max(0, y0 - pad), min(h, y1 + pad)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    if sum(hi - lo for lo, hi in spans) >= whole_share * h:
        return [full(w, h)]
    return [Region(f"rows {lo}-{hi}", 0, lo, w, hi) for lo, hi in spans]


def glyph_height(bgr_crop: np.ndarray, share: float = 0.2) -> int:
    """Height of the glyphs inside a text box (the OCR box itself has padding).

    Glyph strokes make dense vertical edges; a photo behind them mostly does not. Rows whose
    mean horizontal-gradient energy rises above ``share`` of the way from the box's edge rows
    to its strongest row are taken as text; the span of those rows is the glyph height.
    Measured against rendered labels: within 2 px of the font's ink height.
    """
    import cv2

    if bgr_crop.size == 0 or min(bgr_crop.shape[:2]) < 3:
        return 0
    gray = cv2.cvtColor(bgr_crop, cv2.COLOR_BGR2GRAY) if bgr_crop.ndim == 3 else bgr_crop
    energy = np.abs(cv2.Sobel(gray.astype(np.float32), cv2.CV_32F, 1, 0, ksize=3)).mean(axis=1)
    base = float(np.median(np.concatenate([energy[:2], energy[-2:]])))
    peak = float(energy.max())
    if peak <= base:
        return 0
    idx = np.flatnonzero(energy > base + share * (peak - base))
    return int(idx[-1] - idx[0] + 1) if idx.size else 0
