"""The faster forensic computations give exactly what the plain NumPy versions give."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.forensics import double_jpeg, thumbnail, views

SHAPES = [(1, 1), (7, 100), (31, 45), (33, 32), (64, 64), (301, 997), (1203, 1605)]


def _reference_block_dct(plane: np.ndarray, max_blocks: int) -> np.ndarray:
    h, w = (plane.shape[0] // 8) * 8, (plane.shape[1] // 8) * 8
    blocks = plane[:h, :w].astype(np.float64).reshape(h // 8, 8, w // 8, 8).transpose(0, 2, 1, 3)
    blocks = blocks.reshape(-1, 8, 8) - 128.0
    if len(blocks) > max_blocks:
        blocks = blocks[np.linspace(0, len(blocks) - 1, max_blocks).astype(np.int64)]
    c = double_jpeg._C
    return np.einsum("ij,bjk,lk->bil", c, blocks, c, optimize=True).reshape(-1, 64)


@pytest.mark.parametrize("shape", [(16, 24), (300, 301), (1203, 1605)])
@pytest.mark.parametrize("max_blocks", [50, double_jpeg.MAX_BLOCKS])
def test_block_dct_samples_the_same_blocks(shape: tuple[int, int], max_blocks: int) -> None:
    plane = np.random.default_rng(sum(shape)).integers(0, 256, shape, dtype=np.uint8)
    for cut in (plane, plane[4:, 4:]):  # the calibration shift makes a non-contiguous view
        assert np.array_equal(double_jpeg.block_dct(cut, max_blocks), _reference_block_dct(cut, max_blocks))


@pytest.mark.parametrize("shape", SHAPES)
def test_rotated_thumbnails_of_the_main_picture_are_exact(shape: tuple[int, int]) -> None:
    grey = np.random.default_rng(shape[0] * 7 + shape[1]).integers(0, 256, shape, dtype=np.uint8)
    fast = thumbnail._rotations_resized(grey)
    as_float = grey.astype(np.float64)
    for k in range(4):
        assert np.array_equal(fast[k], thumbnail._resize(np.rot90(as_float, k)))
        assert np.array_equal(thumbnail._rotations_resized(grey, turns=(k,))[0], fast[k])


def test_a_thumbnail_is_binned_exactly_as_before() -> None:
    rng = np.random.default_rng(11)
    for shape in ((120, 160), (67, 91), (30, 200)):
        thumb = rng.integers(0, 256, shape, dtype=np.uint8)
        noise = rng.integers(0, 60, (shape[0] * 9, shape[1] * 9))
        main = np.clip(np.kron(thumb.astype(np.int64), np.ones((9, 9), np.int64)) + noise, 0, 255).astype(np.uint8)
        got = thumbnail.compare(main, thumb)
        expected = max(thumbnail._ncc(m, thumbnail._resize(thumb.astype(np.float64)))
                       for m in thumbnail._rotations_resized(main))
        assert got is not None and got.difference == round(1.0 - max(0.0, expected), 3) < thumbnail.MISMATCH


def test_error_level_and_noise_view_match_numpy() -> None:
    rng = np.random.default_rng(5)
    bgr = np.clip(rng.normal(128, 40, (97, 131, 3)), 0, 255).astype(np.uint8)
    ela = views.error_level(bgr)
    import cv2

    again = cv2.imdecode(cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, ela.quality])[1], cv2.IMREAD_COLOR)
    diff = cv2.absdiff(bgr, again).max(axis=2)
    assert np.array_equal(ela.image, np.clip(diff.astype(np.uint16) * ela.gain, 0, 255).astype(np.uint8))
    assert ela.max_difference == int(diff.max()) and ela.mean_difference == round(float(diff.mean()), 3)
    grey = views.grey_of(bgr)
    noise = views.noise_residual(grey, max_side=64)
    r = views.fit(np.abs(views.residual(grey)), 64)
    top = max(float(np.percentile(r, views.NOISE_PERCENTILE)), 0.5)
    assert noise.scale == round(top, 3)
    assert np.array_equal(noise.image, np.clip(r * (255.0 / top), 0, 255).astype(np.uint8))


@pytest.mark.parametrize("dtype", [np.uint8, np.float64])
def test_block_dct_of_any_layout_equals_the_reference(dtype: type) -> None:
    """Blocks are gathered as 64-bit words from uint8 planes (even unaligned, shifted views):
    the coefficients must be the reference's bit for bit, whatever the plane's layout."""
    rng = np.random.default_rng(29)
    base = rng.integers(0, 256, (419, 530), dtype=np.uint8).astype(dtype)
    for cut in (base, base[4:, 4:], base[1:, 3:], base[:, ::-1], base[7:300, 5:301].copy(), base[:7], base[:, :7]):
        for max_blocks in (50, double_jpeg.MAX_BLOCKS):
            assert np.array_equal(double_jpeg.block_dct(cut, max_blocks), _reference_block_dct(cut, max_blocks))
