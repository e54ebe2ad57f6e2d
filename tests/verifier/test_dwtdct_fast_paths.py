"""The dwtDct decoder's shortcuts give the reference computation's numbers bit for bit."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import pywt

from verifier.watermarks import dwtdct


def _images() -> list[np.ndarray]:
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 256, (520, 776, 3), dtype=np.uint8)
    yy, xx = np.mgrid[0:300, 0:412]
    smooth = np.stack([(xx * 255 // 411), (yy * 255 // 299), ((xx + yy) % 256)], axis=2).astype(np.uint8)
    return [noise, smooth]


@pytest.mark.parametrize("dtype", [np.uint8, np.float32, np.float64])
def test_haar_approximation_equals_pywt(dtype: type) -> None:
    rng = np.random.default_rng(3)
    u = (rng.random((64, 96)) * 255).astype(dtype)
    ref = pywt.dwt2(u, "haar")[0]
    got = dwtdct.haar_approximation(u)
    assert got.dtype == ref.dtype
    assert np.array_equal(got, ref)


def test_haar_approximation_refuses_odd_sides() -> None:
    with pytest.raises(ValueError):
        dwtdct.haar_approximation(np.zeros((5, 4)))


def _reference_votes(bgr: np.ndarray, variant: dwtdct.Variant) -> np.ndarray:
    """The straightforward computation (channel-reversed copy, cvtColor, pywt.dwt2)."""
    img = dwtdct._crop(bgr)
    if variant.order == "RGB":
        img = img[:, :, ::-1]
    img = np.ascontiguousarray(img, dtype=np.float32 if variant.dtype == "float" else np.uint8)
    u = cv2.cvtColor(img, cv2.COLOR_BGR2YUV)[:, :, 1]
    ca = pywt.dwt2(u, "haar")[0]
    n_r, n_c = ca.shape[0] // 4, ca.shape[1] // 4
    blocks = ca[: n_r * 4, : n_c * 4].reshape(n_r, 4, n_c, 4).swapaxes(1, 2).reshape(n_r * n_c, 16)
    ac = np.abs(blocks[:, 1:])
    val = ac[np.arange(ac.shape[0]), ac.argmax(axis=1)]
    return ((val % dwtdct.SCALE) > dwtdct.SCALE / 2).astype(np.uint8)


@pytest.mark.parametrize("variant", dwtdct.VARIANTS, ids=lambda v: v.name)
def test_votes_equal_the_reference_computation(variant: dwtdct.Variant) -> None:
    for bgr in _images():
        assert np.array_equal(dwtdct.block_votes(bgr, variant), _reference_votes(bgr, variant))


def test_decode_scores_equal_per_variant_scores() -> None:
    bgr = _images()[0]
    fast = {(s.payload.name, s.variant.name): s.z for s in dwtdct.decode(bgr)}
    for variant in dwtdct.VARIANTS:
        votes = _reference_votes(bgr, variant)
        for p in dwtdct.PAYLOADS:
            assert fast[(p.name, variant.name)] == dwtdct.score(votes, p, variant).z
