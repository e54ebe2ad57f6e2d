"""Geometric verification of one suspect against one reference picture.

Descriptor matches that pass Lowe's ratio test are kept once per keypoint, then a similarity
(rotation, uniform scale, translation: what a paste, a resize or a video player does) is fitted
with RANSAC. A match is reported only with at least :data:`MIN_INLIERS` inliers, a sane transform
(scale between 1/20 and 20) and inliers spread over an area in both pictures (not a line or a
point: a degenerate fit). Then the region is the inliers' extent in each picture, and the match is
a ``duplicate`` when it covers most of the suspect (the whole picture, re-encoded, resized or
cropped), otherwise ``partial``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..adapters import opencv_features as cvf
from . import phash as ph
from .features import Features

RATIO = 0.75
MIN_INLIERS = 12
MIN_SPREAD_PX = 16.0  # the inliers' extent in each picture, each way
MIN_SCALE, MAX_SCALE = 1 / 20, 20.0
DUPLICATE_COVERAGE = 0.6  # of the suspect's area covered by the matched region
FEW_FEATURES = 3 * MIN_INLIERS  # below this, a picture is judged by its perceptual hash alone


@dataclass(frozen=True)
class Match:
    kind: str  # "duplicate" | "partial"
    box: tuple[int, int, int, int]  # suspect pixels, x1 y1 exclusive
    reference_box: tuple[int, int, int, int]  # reference pixels
    inliers: int
    scale: float  # reference -> suspect
    rotation_degrees: float
    phash_distance: int
    transform: tuple[float, ...] = ()  # the 2 x 3 similarity, reference -> suspect, row by row


def _box(kp: np.ndarray, width: int, height: int) -> tuple[int, int, int, int]:
    """The extent of the keypoints' own neighbourhoods (a SIFT descriptor describes a disc about
    ``size`` across around each point), clipped to the picture."""
    r = kp[:, 2] / 2.0
    x0 = int(max(0, math.floor(float(np.min(kp[:, 0] - r)))))
    y0 = int(max(0, math.floor(float(np.min(kp[:, 1] - r)))))
    x1 = int(min(width, math.ceil(float(np.max(kp[:, 0] + r))) + 1))
    y1 = int(min(height, math.ceil(float(np.max(kp[:, 1] + r))) + 1))
    return x0, y0, x1, y1


def _spread(xy: np.ndarray) -> float:
    """The smaller side of the points' minimum spread (principal axes): near 0 on a line."""
    centred = xy - xy.mean(axis=0)
    sv = np.linalg.svd(centred, compute_uv=False)
    return float(2.0 * sv[-1] / math.sqrt(len(xy)))


def _phash_duplicate(suspect: Features, ref: Features) -> Match | None:
    d = ph.distance(suspect.phash, ref.phash)
    aspect_s, aspect_r = suspect.width / suspect.height, ref.width / ref.height
    if d > ph.DUPLICATE_DISTANCE or abs(math.log(aspect_s / aspect_r)) > 0.05:
        return None
    return Match("duplicate", (0, 0, suspect.width, suspect.height), (0, 0, ref.width, ref.height), 0,
                 suspect.width / ref.width, 0.0, d)


def verify(suspect: Features, ref: Features) -> Match | None:
    """The region ``suspect`` shares with ``ref``, or None."""
    hash_distance = ph.distance(suspect.phash, ref.phash)
    if len(suspect.keypoints) < FEW_FEATURES or len(ref.keypoints) < FEW_FEATURES:
        return _phash_duplicate(suspect, ref)
    idx, dist = cvf.knn2(ref.descriptors, suspect.descriptors)
    good = (idx[:, 0] >= 0) & (dist[:, 0] < RATIO * dist[:, 1])
    ref_i = np.nonzero(good)[0]
    sus_i = idx[good, 0]
    # one match per suspect keypoint (keep the closest) and per location (SIFT repeats a point per orientation)
    order = np.argsort(dist[good, 0])
    ref_i, sus_i = ref_i[order], sus_i[order]
    _, first = np.unique(np.round(suspect.keypoints[sus_i, :2]).astype(np.int64), axis=0, return_index=True)
    keep = np.sort(first)
    ref_i, sus_i = ref_i[keep], sus_i[keep]
    _, first = np.unique(np.round(ref.keypoints[ref_i, :2]).astype(np.int64), axis=0, return_index=True)
    keep = np.sort(first)
    ref_i, sus_i = ref_i[keep], sus_i[keep]
    if len(ref_i) < MIN_INLIERS:
        return None
    src, dst = ref.keypoints[ref_i, :2], suspect.keypoints[sus_i, :2]
    threshold = max(3.0, 0.004 * math.hypot(suspect.width, suspect.height))
    m, inl = cvf.fit_similarity(src, dst, threshold)
    if m is None or int(inl.sum()) < MIN_INLIERS:
        return None
    scale = math.hypot(m[0, 0], m[1, 0])
    if not (MIN_SCALE <= scale <= MAX_SCALE) or not np.all(np.isfinite(m)):
        return None
    if _spread(src[inl]) < MIN_SPREAD_PX or _spread(dst[inl]) < MIN_SPREAD_PX:
        return None
    box = _box(suspect.keypoints[sus_i[inl]], suspect.width, suspect.height)
    ref_box = _box(ref.keypoints[ref_i[inl]], ref.width, ref.height)
    covered = (box[2] - box[0]) * (box[3] - box[1]) / float(suspect.width * suspect.height)
    kind = "duplicate" if covered >= DUPLICATE_COVERAGE else "partial"
    rotation = math.degrees(math.atan2(m[1, 0], m[0, 0]))
    return Match(kind, box, ref_box, int(inl.sum()), round(scale, 4), round(rotation, 2), hash_distance,
                 tuple(float(v) for v in m.ravel()))
