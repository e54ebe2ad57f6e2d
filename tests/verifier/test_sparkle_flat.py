"""The sparkle search skips a flat corner exactly as NumPy's float32 standard deviation decides it,
although OpenCV's cheaper one computes it everywhere but next to the bound."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from verifier.visible import sparkle


def _regions() -> list[np.ndarray]:
    rng = np.random.default_rng(4)
    out = []
    for n in (40, 128, 331, 646):
        flat = np.full((n, n), 117.0, np.float32)
        out.append(flat)
        for p in np.linspace(0.05, 0.95, 19):  # two levels 2 apart: std = 2 sqrt(p (1 - p)), up to 1.0
            two = flat + 2.0 * (rng.random((n, n)) < p)
            out.append(two.astype(np.float32))
        half = flat.copy()
        half[:, : n // 2] += 2.0  # exactly half the pixels: std 1.0 to the last place
        out.append(half)
        out.append(rng.normal(120, 0.999, (n, n)).astype(np.float32))
        out.append(rng.normal(120, 1.001, (n, n)).astype(np.float32))
        out.append(rng.integers(0, 256, (n, n)).astype(np.float32))
    # about half the pixels 2 levels up: the exact std is 1.0 or a hair below, where OpenCV's
    # double and NumPy's float32 results fall on either side of the bound
    for n, m in ((62, 1922), (63, 1985), (101, 5100), (160, 12_800)):
        two = np.full(n * n, 101.0, np.float32)
        two[:m] += 2.0
        out.append(two.reshape(n, n))
    return out


@pytest.mark.parametrize("view", [False, True])
def test_flat_corners_are_decided_as_numpy_decides_them(view: bool) -> None:
    near = split = 0
    for region in _regions():
        if view:  # a bottom-right view of a larger array, as the search hands it over
            big = np.zeros((region.shape[0] + 7, region.shape[1] + 9), np.float32)
            big[7:, 9:] = region
            region = big[7:, 9:]
        expected = float(np.ascontiguousarray(region).std()) < sparkle.FLAT_STD
        assert sparkle._flat(region) == expected
        near += abs(float(region.std()) - 1.0) < 1e-3
        split += (float(cv2.meanStdDev(region)[1][0, 0]) < sparkle.FLAT_STD) != expected
    assert near >= 4  # the NumPy fallback next to the bound was exercised ...
    assert split >= 1  # ... where OpenCV alone would have decided otherwise
