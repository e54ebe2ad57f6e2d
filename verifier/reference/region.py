"""The shared region in pixels: where the reference, moved by the fitted similarity, agrees with
the suspect.

Keypoints only sit inside a pasted region, so their extent under-states it. With the pixels of
both pictures, the reference is warped onto the suspect and compared (grey, slightly blurred, so
re-compression and resampling do not count); the agreeing area connected to the inliers is the
region, and its corners taken back through the transform give the region in the reference.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..adapters import opencv_features as cvf
from .match import DUPLICATE_COVERAGE, Match

AGREE_LEVELS = 14.0  # grey levels (of 255) of difference still counted as the same pixels
SIGMA = 1.5
MARGIN = 0.3  # the region may grow past the inliers' box by this share of its size, each side
# (smooth areas of two unrelated pictures can agree by chance: growth is bounded)


def refine(match: Match, suspect_bgr: np.ndarray, reference_bgr: np.ndarray) -> Match:
    """``match`` with ``box``, ``reference_box`` and ``kind`` taken from agreeing pixels, or
    unchanged when the pixels say nothing better (no transform, or no agreeing area at the inliers)."""
    if len(match.transform) != 6:
        return match
    h, w = suspect_bgr.shape[:2]
    rh, rw = reference_bgr.shape[:2]
    m = np.array(match.transform, np.float64).reshape(2, 3)
    sus = cvf.blur(cvf.to_gray(suspect_bgr).astype(np.float32), SIGMA)
    warped, cover = cvf.warp_similarity(cvf.to_gray(reference_bgr).astype(np.float32), m, w, h)
    ref = cvf.blur(warped, SIGMA)
    agree = (np.abs(sus - ref) < AGREE_LEVELS) & cover
    x0, y0, x1, y1 = match.box
    mx, my = round((x1 - x0) * MARGIN), round((y1 - y0) * MARGIN)
    window = np.zeros_like(agree)
    window[max(0, y0 - my):y1 + my, max(0, x0 - mx):x1 + mx] = True
    agree &= window
    agree = cvf.open_close(agree, max(2, round(min(w, h) / 200)))
    n, labels = cvf.components(agree)
    seeds = labels[y0:y1, x0:x1]
    ids, counts = np.unique(seeds[seeds > 0], return_counts=True)
    if len(ids) == 0:
        return match
    # the components that fill a real share of the inliers' box (not a stray patch of flat sky)
    keep = ids[counts >= 0.05 * max(1, (x1 - x0) * (y1 - y0))]
    if len(keep) == 0:
        return match
    ys, xs = np.nonzero(np.isin(labels, keep))
    box = (int(min(xs.min(), x0)), int(min(ys.min(), y0)), int(max(xs.max() + 1, x1)), int(max(ys.max() + 1, y1)))
    ref_box = _back(m, box, rw, rh)
    covered = (box[2] - box[0]) * (box[3] - box[1]) / float(w * h)
    kind = "duplicate" if covered >= DUPLICATE_COVERAGE else "partial"
    return replace(match, box=box, reference_box=ref_box, kind=kind)


def _back(m: np.ndarray, box: tuple[int, int, int, int], rw: int, rh: int) -> tuple[int, int, int, int]:
    """The bounding box in the reference of the suspect's ``box`` under the inverse transform."""
    a = np.vstack([m, [0.0, 0.0, 1.0]])
    inv = np.linalg.inv(a)[:2]
    x0, y0, x1, y1 = box
    corners = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], np.float64)
    pts = corners @ inv.T
    return (int(max(0, np.floor(pts[:, 0].min()))), int(max(0, np.floor(pts[:, 1].min()))),
            int(min(rw, np.ceil(pts[:, 0].max()))), int(min(rh, np.ceil(pts[:, 1].max()))))
