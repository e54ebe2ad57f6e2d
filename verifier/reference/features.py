"""The features of one picture: SIFT keypoints and descriptors, size and perceptual hash.

Large pictures are reduced before SIFT (``max_side``): keypoint coordinates are stored in the
picture's own pixels all the same. References keep fewer features than a suspect (a suspect's
pasted region may be small), which keeps a 10,000-photo index near 1 GB.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from ..adapters import opencv_features as cvf
from . import phash as ph

FORMAT_VERSION = 1
REFERENCE_MAX_SIDE, REFERENCE_FEATURES = 1280, 800
SUSPECT_MAX_SIDE, SUSPECT_FEATURES = 2048, 4000


@dataclass(frozen=True)
class Features:
    width: int
    height: int
    keypoints: np.ndarray  # N x 4 float32: x, y (in the picture's own pixels), size, angle
    descriptors: np.ndarray  # N x 128 uint8
    phash: int

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.savez_compressed(buf, version=np.int32(FORMAT_VERSION), size=np.array([self.width, self.height], np.int64),
                            kp=self.keypoints, desc=self.descriptors,
                            phash=np.array([self.phash], dtype=np.uint64))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Features":
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            if int(z["version"]) != FORMAT_VERSION:
                raise ValueError("cached features of another version")
            w, h = (int(v) for v in z["size"])
            return cls(w, h, z["kp"].astype(np.float32), z["desc"].astype(np.uint8), int(z["phash"][0]))


def extract(bgr: np.ndarray, max_side: int, max_features: int) -> Features:
    gray = cvf.to_gray(bgr)
    h, w = gray.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    work = gray if scale >= 1.0 else cvf.resize_area(gray, round(w * scale), round(h * scale))
    kp, desc = cvf.sift(work, max_features)
    if scale < 1.0 and len(kp):
        kp = kp.copy()
        kp[:, :3] /= scale
    hashed = ph.phash(cvf.resize_area(gray, ph.SIZE, ph.SIZE))
    return Features(int(w), int(h), kp, desc, hashed)


def of_reference(bgr: np.ndarray) -> Features:
    return extract(bgr, REFERENCE_MAX_SIDE, REFERENCE_FEATURES)


def of_suspect(bgr: np.ndarray) -> Features:
    return extract(bgr, SUSPECT_MAX_SIDE, SUSPECT_FEATURES)
