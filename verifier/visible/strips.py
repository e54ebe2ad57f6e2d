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


def edge_strips(w: int, h: int) -> list[Region]:
    """Bottom, top, then left and right between them; the whole frame for small images."""
    if max(w, h) <= SMALL_IMAGE:
        return [full(w, h)]
    sh = min(h, max(MIN_STRIP, int(round(h * STRIP_SHARE))))
    sw = min(w, max(MIN_STRIP, int(round(w * STRIP_SHARE))))
    out = [Region("bottom", 0, h - sh, w, h), Region("top", 0, 0, w, sh)]
    if h - 2 * sh > MIN_STRIP:
        out += [Region("left", 0, sh, sw, h - sh), Region("right", w - sw, sh, w, h - sh)]
    return out


def glyph_height(bgr_crop: np.ndarray) -> int:
    """Height of the ink inside a text box: rows where the minority (text) class shows."""
    import cv2

    if bgr_crop.size == 0:
        return 0
    gray = cv2.cvtColor(bgr_crop, cv2.COLOR_BGR2GRAY) if bgr_crop.ndim == 3 else bgr_crop
    _, mask = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = mask > 0
    if ink.mean() > 0.5:  # text is the minority class
        ink = ~ink
    rows = ink.sum(axis=1) > max(1, int(0.02 * ink.shape[1]))
    idx = np.flatnonzero(rows)
    return int(idx[-1] - idx[0] + 1) if idx.size else 0
