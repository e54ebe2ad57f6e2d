"""A region of the picture repeated elsewhere in the same picture (copy-move).

Keypoints (SIFT, free since OpenCV 4.4) are matched against the picture itself; pairs that are
close together are dropped (a texture matches its neighbour), and the rest must agree on one
geometric transform (a similarity, estimated with RANSAC) that moves a whole region by a
distance. Repetitive scenes (windows of a facade, tiles, text) are the known false alarms, so a
cluster must be large and the transform consistent; the boxes are reported for a human to look.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_SIDE = 1024  # keypoints are found on a copy at most this large
MAX_KEYPOINTS = 4000
RATIO = 0.7  # Lowe's ratio test between the 2nd and 3rd neighbour (the 1st is the point itself)
MIN_SHIFT = 0.08  # a pair must be at least this share of the shorter side apart
MIN_INLIERS = 12
CONTRAST = 0.02  # SIFT's contrast threshold, half the default: smooth regions get keypoints too
MIN_BOX_SIDE = 0.04  # each region's box must span this share of the shorter side


@dataclass(frozen=True, slots=True)
class CopyMove:
    boxes: tuple[tuple[int, int, int, int], tuple[int, int, int, int]]  # source, copy (x0, y0, x1, y1)
    inliers: int
    shift: tuple[float, float]
    scale: float
    rotation_deg: float


def _cv2() -> Any:
    from ..adapters.opencv_image import _cv2 as load

    return load()


def _box(points: np.ndarray, factor: float) -> tuple[int, int, int, int]:
    x0, y0 = points.min(axis=0) / factor
    x1, y1 = points.max(axis=0) / factor
    return int(x0), int(y0), int(np.ceil(x1)) + 1, int(np.ceil(y1)) + 1


def find(bgr: np.ndarray) -> CopyMove | None:
    cv2 = _cv2()
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    factor = min(1.0, MAX_SIDE / max(h, w))
    if factor < 1.0:
        grey = cv2.resize(grey, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)
    short = min(grey.shape)
    sift = cv2.SIFT_create(nfeatures=MAX_KEYPOINTS, contrastThreshold=CONTRAST)
    keypoints, desc = sift.detectAndCompute(grey, None)
    if desc is None or len(keypoints) < MIN_INLIERS * 2:
        return None
    pts = np.array([k.pt for k in keypoints], dtype=np.float32)
    matcher = cv2.BFMatcher(cv2.NORM_L2)
    src, dst = [], []
    for m in matcher.knnMatch(desc, desc, k=3):
        if len(m) < 3:
            continue
        first, second = m[1], m[2]  # m[0] is the point matched to itself
        if first.distance < RATIO * second.distance:
            a, b = pts[first.queryIdx], pts[first.trainIdx]
            if np.hypot(*(a - b)) >= MIN_SHIFT * short and first.queryIdx < first.trainIdx:
                src.append(a)
                dst.append(b)
    if len(src) < MIN_INLIERS:
        return None
    s, d = np.array(src, dtype=np.float32), np.array(dst, dtype=np.float32)
    best: CopyMove | None = None
    for _ in range(3):  # the strongest consistent cluster, then the next among what is left
        if len(s) < MIN_INLIERS:
            break
        matrix, mask = cv2.estimateAffinePartial2D(s, d, method=cv2.RANSAC, ransacReprojThreshold=3.0,
                                                   maxIters=2000, confidence=0.995)
        if matrix is None or mask is None:
            break
        inl = mask.ravel().astype(bool)
        if inl.sum() < MIN_INLIERS:
            break
        scale = float(np.hypot(matrix[0, 0], matrix[1, 0]))
        shift = (float(matrix[0, 2]), float(matrix[1, 2]))
        box_a, box_b = _box(s[inl], factor), _box(d[inl], factor)
        side = min(h, w) * MIN_BOX_SIDE
        big = min(box_a[2] - box_a[0], box_a[3] - box_a[1], box_b[2] - box_b[0], box_b[3] - box_b[1]) >= side
        if big and 0.5 < scale < 2.0:
            found = CopyMove(boxes=(box_a, box_b), inliers=int(inl.sum()),
                             shift=(round(shift[0] / factor, 1), round(shift[1] / factor, 1)),
                             scale=round(scale, 3),
                             rotation_deg=round(float(np.degrees(np.arctan2(matrix[1, 0], matrix[0, 0]))), 1))
            if best is None or found.inliers > best.inliers:
                best = found
        s, d = s[~inl], d[~inl]
    return best
