"""copy_move's own nearest-neighbour search gives exactly OpenCV's brute-force knnMatch (k=3) on SIFT
descriptors: the same indices in the same order (ties to the lower index) and the same distances."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.adapters.opencv_image import _cv2
from verifier.forensics import copy_move

from .photos import photo


def _opencv(desc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    cv2 = _cv2()
    pairs = cv2.BFMatcher(cv2.NORM_L2).knnMatch(desc, desc, k=3)
    return (np.array([[m.trainIdx for m in p] for p in pairs]),
            np.array([[m.distance for m in p] for p in pairs], np.float32))


def _sift(grey: np.ndarray) -> np.ndarray:
    cv2 = _cv2()
    sift = cv2.SIFT_create(nfeatures=copy_move.MAX_KEYPOINTS, contrastThreshold=copy_move.CONTRAST)
    return sift.detectAndCompute(grey, None)[1]


def _same(desc: np.ndarray) -> None:
    idx, dist = copy_move.nearest3(desc)
    want_idx, want_dist = _opencv(desc)
    assert np.array_equal(idx, want_idx)
    assert np.array_equal(dist, want_dist)


def test_the_same_neighbours_as_opencv_on_a_photo_s_sift_descriptors() -> None:
    grey = _cv2().cvtColor(photo(800, 600, 11), _cv2().COLOR_RGB2GRAY)
    desc = _sift(grey)
    assert len(desc) > copy_move._BLOCK  # more than one block of rows
    assert np.array_equal(desc, np.rint(desc))  # whole numbers, on which the search relies
    _same(desc)


@pytest.mark.parametrize("seed,rows", [(1, 700), (2, 700), (3, 1100)])
def test_ties_go_to_the_lower_index_as_in_opencv(seed: int, rows: int) -> None:
    rng = np.random.default_rng(seed)
    desc = rng.integers(0, 3, (rows, 128)).astype(np.float32)  # few values: many equal distances
    desc[[5, 300, 650]] = desc[100]  # exact duplicates: the point itself is not always first
    desc[[7, 8, 9, 10]] = desc[200] + np.eye(128, dtype=np.float32)[:4]  # four at the same distance
    if rows > 2 * copy_move._BLOCK:  # duplicates and ties across blocks, the last block short
        desc[[rows - 1, copy_move._BLOCK + 3]] = desc[7]
    _same(desc)


def test_the_largest_sift_values_stay_exact() -> None:
    """Descriptors far from SIFT's norm (every value 255 or 0): squared distances near 2^23, still
    whole numbers in float32, the same as OpenCV's."""
    rng = np.random.default_rng(4)
    desc = (rng.integers(0, 2, (40, 128)) * 255).astype(np.float32)
    desc[:3] = 0
    desc[3] = 255
    _same(desc)


def test_three_descriptors_the_fewest_the_search_takes() -> None:
    _same(np.array([[0] * 128, [1] * 128, [0] * 127 + [5]], np.float32))


def test_a_copied_region_is_still_found_with_the_same_numbers() -> None:
    img = photo(800, 600, 11)
    forged = img.copy()
    forged[350:470, 500:620] = img[60:180, 80:200]
    found = copy_move.find(np.ascontiguousarray(forged[:, :, ::-1]))
    assert found is not None and found.inliers >= copy_move.MIN_INLIERS
    assert abs(abs(found.shift[0]) - 420) < 3 and abs(abs(found.shift[1]) - 290) < 3  # either way round
