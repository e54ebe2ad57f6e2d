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
_BLOCK = 512  # descriptor rows per matrix product (512 x 4000 float32: 8 MB)


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


def nearest3(desc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each descriptor's three nearest among ``desc`` itself (L2; itself first): (indices N x 3, distances
    N x 3 float32), the same as OpenCV's brute-force ``knnMatch(desc, desc, k=3)``, ties to the lower
    index; at least 3 descriptors.

    SIFT descriptors are whole numbers (0-255, norm about 512), so every squared distance
    |a|^2 + |b|^2 - 2 a.b is a whole number below 2^24, exact in float32 in any order of summation,
    and so is every partial sum on the way; its square root is the one OpenCV takes. Within a row
    |a|^2 is the same for every column, so the row is ranked on |b|^2 - 2 a.b (one matrix product per
    block of rows, against -2 times the descriptors: exact too) and |a|^2 is added to the three kept.
    The three are taken by three passes of ``argmin`` (the first of equal values: the lower index),
    each taken value then set to infinity."""
    d = np.ascontiguousarray(desc, dtype=np.float32)
    n = len(d)
    norms = np.einsum("ij,ij->i", d, d)
    minus_twice = np.ascontiguousarray(d.T * np.float32(-2.0))  # exact: a power of two
    idx = np.empty((n, 3), np.intp)
    dist = np.empty((n, 3), np.float32)
    for start in range(0, n, _BLOCK):
        stop = min(n, start + _BLOCK)
        ranked = d[start:stop] @ minus_twice
        ranked += norms[None, :]
        rows = np.arange(stop - start)
        for k in range(3):
            nearest = ranked.argmin(axis=1)
            idx[start:stop, k] = nearest
            dist[start:stop, k] = np.sqrt(ranked[rows, nearest] + norms[start:stop])
            ranked[rows, nearest] = np.inf
    return idx, dist


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
    idx, dist = nearest3(desc)
    first = idx[:, 1]  # idx[:, 0] is the point matched to itself; each pair is taken once (query < match)
    passed = dist[:, 1].astype(np.float64) < RATIO * dist[:, 2].astype(np.float64)
    query = np.flatnonzero(passed & (np.arange(len(pts)) < first))
    a, b = pts[query], pts[first[query]]
    far = np.hypot(a[:, 0] - b[:, 0], a[:, 1] - b[:, 1]) >= MIN_SHIFT * short
    s, d = a[far], b[far]
    if len(s) < MIN_INLIERS:
        return None
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
