"""Local features and geometry via OpenCV (``opencv-python-headless``), imported lazily.

SIFT (patent-free since OpenCV 4.4) keypoints and descriptors, brute-force k-nearest-neighbour
matching, and a RANSAC similarity fit: everything the reference comparison asks of OpenCV goes
through this module, so the rest of ``verifier.reference`` is plain NumPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .opencv_image import _cv2


def to_gray(bgr: np.ndarray) -> np.ndarray:
    return _cv2().cvtColor(bgr, _cv2().COLOR_BGR2GRAY) if bgr.ndim == 3 else bgr


def resize_area(img: np.ndarray, width: int, height: int) -> np.ndarray:
    return _cv2().resize(img, (max(1, width), max(1, height)), interpolation=_cv2().INTER_AREA)


def sift(gray: np.ndarray, max_features: int) -> tuple[np.ndarray, np.ndarray]:
    """SIFT on an 8-bit grey picture: (N x 4 float32 [x, y, size, angle], N x 128 uint8)."""
    cv2 = _cv2()
    detector = cv2.SIFT_create(nfeatures=max_features)
    keypoints, desc = detector.detectAndCompute(gray, None)
    if not keypoints or desc is None:
        return np.zeros((0, 4), np.float32), np.zeros((0, 128), np.uint8)
    kp = np.array([(k.pt[0], k.pt[1], k.size, k.angle) for k in keypoints], dtype=np.float32)
    # SIFT descriptors are integers 0..255 stored as float: uint8 keeps them exactly, in a quarter of the room
    return kp, np.clip(np.rint(desc), 0, 255).astype(np.uint8)


def knn2(query: np.ndarray, train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each query descriptor its two nearest train descriptors (L2): (indices N x 2, distances N x 2)."""
    if len(query) == 0 or len(train) < 2:
        return np.zeros((0, 2), np.int32), np.zeros((0, 2), np.float32)
    matcher = _cv2().BFMatcher(_cv2().NORM_L2)
    pairs: Any = matcher.knnMatch(query.astype(np.float32), train.astype(np.float32), k=2)
    idx = np.array([[m[0].trainIdx, m[1].trainIdx] for m in pairs if len(m) == 2], dtype=np.int32)
    dist = np.array([[m[0].distance, m[1].distance] for m in pairs if len(m) == 2], dtype=np.float32)
    qidx = np.array([m[0].queryIdx for m in pairs if len(m) == 2], dtype=np.int32)
    if len(idx) == 0:
        return np.zeros((0, 2), np.int32), np.zeros((0, 2), np.float32)
    full_i = np.full((len(query), 2), -1, np.int32)
    full_d = np.full((len(query), 2), np.inf, np.float32)
    full_i[qidx], full_d[qidx] = idx, dist
    return full_i, full_d


def fit_similarity(src: np.ndarray, dst: np.ndarray, threshold: float) -> tuple[np.ndarray | None, np.ndarray]:
    """RANSAC fit of a similarity (rotation, uniform scale, translation) mapping ``src`` to ``dst``:
    (2 x 3 matrix or None, boolean inlier mask)."""
    if len(src) < 3:
        return None, np.zeros(len(src), bool)
    cv2 = _cv2()
    m, mask = cv2.estimateAffinePartial2D(src.reshape(-1, 1, 2).astype(np.float32),
                                          dst.reshape(-1, 1, 2).astype(np.float32),
                                          method=cv2.RANSAC, ransacReprojThreshold=threshold,
                                          maxIters=4000, confidence=0.995, refineIters=10)
    if m is None or mask is None:
        return None, np.zeros(len(src), bool)
    return m.astype(np.float64), mask.ravel().astype(bool)


def warp_similarity(img: np.ndarray, m: np.ndarray, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """``img`` warped by the 2 x 3 matrix ``m`` into a ``width`` x ``height`` frame, and the mask of
    the frame's pixels it covers."""
    cv2 = _cv2()
    warped = cv2.warpAffine(img, m.astype(np.float64), (width, height), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    cover = cv2.warpAffine(np.full(img.shape[:2], 255, np.uint8), m.astype(np.float64), (width, height),
                           flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return warped, cover > 0


def blur(img: np.ndarray, sigma: float) -> np.ndarray:
    return _cv2().GaussianBlur(img, (0, 0), sigma)


def open_close(mask: np.ndarray, radius: int) -> np.ndarray:
    cv2 = _cv2()
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    m = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, k)
    return cv2.morphologyEx(m, cv2.MORPH_CLOSE, k) > 0


def components(mask: np.ndarray) -> tuple[int, np.ndarray]:
    n, labels = _cv2().connectedComponents(mask.astype(np.uint8), connectivity=8)
    return int(n), labels
