"""The dwtDct decoder's shortcuts against the straightforward computation of the published decoder.

uint8 variants must give the reference votes bit for bit (their coefficients often sit exactly on
the quantisation boundary, where the last floating-point place decides the vote). The float
variants are computed from 2x2 channel sums instead of a full-size float32 image, so they may
differ from the float32 reference in a coefficient's last places: their votes must agree on at
least 99.99 % of blocks.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest
import pywt

from tests.verifier.fixtures.images import natural
from tests.verifier.fixtures.wm_reference import embed_as_pipeline
from verifier.watermarks import dwtdct
from verifier.watermarks.payloads import SD1, SDXL

UINT8 = [v for v in dwtdct.VARIANTS if v.dtype == "uint8"]
FLOAT = [v for v in dwtdct.VARIANTS if v.dtype == "float"]
MIN_FLOAT_AGREEMENT = 0.9999


def _bgr(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb[:, :, ::-1])


def _jpeg(bgr: np.ndarray, q: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, q])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def _images() -> list[np.ndarray]:
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 256, (520, 776, 3), dtype=np.uint8)
    yy, xx = np.mgrid[0:300, 0:412]
    smooth = np.stack([(xx * 255 // 411), (yy * 255 // 299), ((xx + yy) % 256)], axis=2).astype(np.uint8)
    photo_like = _bgr(natural(11, 700, 1030))
    marked_float = _bgr(embed_as_pipeline(natural(12, 512, 640), SDXL.bits, "float_rgb"))
    marked_uint8 = _bgr(embed_as_pipeline(natural(13, 517, 603), SD1.bits, "uint8_bgr"))
    return [noise, smooth, photo_like, marked_float, _jpeg(marked_float, 95), marked_uint8,
            _jpeg(marked_uint8, 90)]


def _reference_approximation(bgr: np.ndarray, variant: dwtdct.Variant) -> np.ndarray:
    """The published decoder: sides cut to multiples of 4, the channel-reversed copy handed to
    cvtColor as BGR, U taken, ``pywt.dwt2(u, "haar")[0]``."""
    img = bgr[: bgr.shape[0] // 4 * 4, : bgr.shape[1] // 4 * 4]
    if variant.order == "RGB":
        img = img[:, :, ::-1]
    img = np.ascontiguousarray(img, dtype=np.float32 if variant.dtype == "float" else np.uint8)
    u = cv2.cvtColor(img, cv2.COLOR_BGR2YUV)[:, :, 1]
    return pywt.dwt2(u, "haar")[0]


def _reference_block_max(bgr: np.ndarray, variant: dwtdct.Variant) -> np.ndarray:
    """Each 4x4 block's largest |AC coefficient| (the value at the reference's argmax), in block
    order, limited like the decoder to the first full rows of blocks holding MAX_BLOCKS."""
    ca = _reference_approximation(bgr, variant)
    n_r, n_c = ca.shape[0] // 4, ca.shape[1] // 4
    n_r = min(n_r, math.ceil(dwtdct.MAX_BLOCKS / n_c))
    blocks = ca[: n_r * 4, : n_c * 4].reshape(n_r, 4, n_c, 4).swapaxes(1, 2).reshape(n_r * n_c, 16)
    ac = np.abs(blocks[:, 1:])
    return ac[np.arange(ac.shape[0]), ac.argmax(axis=1)]


def _reference_votes(bgr: np.ndarray, variant: dwtdct.Variant) -> np.ndarray:
    val = _reference_block_max(bgr, variant)
    return ((val % dwtdct.SCALE) > dwtdct.SCALE / 2).astype(np.uint8)


@pytest.mark.parametrize("dtype", [np.uint8, np.float32, np.float64])
def test_haar_approximation_equals_pywt(dtype: type) -> None:
    rng = np.random.default_rng(3)
    u = (rng.random((64, 96)) * 255).astype(dtype)
    ref = pywt.dwt2(u, "haar")[0]
    got = dwtdct.haar_approximation(u)
    assert got.dtype == ref.dtype
    assert np.array_equal(got, ref)
    cells = u.reshape(8, 8, 12, 8).swapaxes(1, 2).reshape(96, 8, 8)  # a stack, as the uint8 tie-break uses
    ref_cells = np.stack([pywt.dwt2(c, "haar")[0] for c in cells])
    assert np.array_equal(dwtdct.haar_approximation(cells), ref_cells)


def test_haar_approximation_refuses_odd_sides() -> None:
    with pytest.raises(ValueError):
        dwtdct.haar_approximation(np.zeros((5, 4)))


@pytest.mark.parametrize("variant", UINT8, ids=lambda v: v.name)
def test_uint8_votes_equal_the_reference_bit_for_bit(variant: dwtdct.Variant) -> None:
    for bgr in _images():
        assert np.array_equal(dwtdct.block_votes(bgr, variant), _reference_votes(bgr, variant))


@pytest.mark.parametrize("variant", UINT8, ids=lambda v: v.name)
def test_uint8_test_images_hold_votes_decided_in_the_last_place(variant: dwtdct.Variant) -> None:
    # Keeps the test above able to fail: the noise image has blocks whose largest coefficient
    # is a multiple of 18 up to rounding, and the rounding makes some of them vote 1, others 0.
    val = _reference_block_max(_images()[0], variant)
    nearest = np.round(val / 18) * 18
    on_boundary = (np.abs(val - nearest) < 1e-9) & (nearest > 0)
    votes = ((val % dwtdct.SCALE) > dwtdct.SCALE / 2)[on_boundary]
    assert on_boundary.sum() > 50
    assert 0 < votes.sum() < votes.size


@pytest.mark.parametrize("variant", FLOAT, ids=lambda v: v.name)
def test_float_votes_agree_with_the_reference(variant: dwtdct.Variant) -> None:
    differ = total = 0
    for bgr in _images():
        fast, ref = dwtdct.block_votes(bgr, variant), _reference_votes(bgr, variant)
        assert fast.shape == ref.shape
        differ += int((fast != ref).sum())
        total += ref.size
    assert total > 20_000
    assert 1 - differ / total >= MIN_FLOAT_AGREEMENT, (differ, total)


def test_only_the_first_full_rows_of_blocks_are_examined(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dwtdct, "MAX_BLOCKS", 1000)  # 520 x 776 holds 65 rows of 97 blocks
    bgr = _images()[0]
    for variant in dwtdct.VARIANTS:
        votes = dwtdct.block_votes(bgr, variant)
        assert votes.size == 11 * 97
        if variant.dtype == "uint8":
            assert np.array_equal(votes, _reference_votes(bgr, variant))


def test_decode_scores_equal_per_variant_scores() -> None:
    bgr = _images()[2]
    fast = {(s.payload.name, s.variant.name): s.z for s in dwtdct.decode(bgr)}
    for variant in dwtdct.VARIANTS:
        votes = dwtdct.block_votes(bgr, variant)
        for p in dwtdct.PAYLOADS:
            assert fast[(p.name, variant.name)] == dwtdct.score(votes, p, variant).z


def test_corpus_images_agree_with_the_reference(corpus: Path) -> None:
    # The corpus's dwtDct-marked files and a 2048 x 2048 PNG (65,536 blocks: the whole cap).
    paths = sorted((corpus / "watermarks").glob("synth_*.png")) + [corpus / "labels" / "jimeng_cap_A.png"]
    differ = total = 0
    for path in paths:
        bgr = cv2.imdecode(np.frombuffer(path.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
        for variant in dwtdct.VARIANTS:
            fast, ref = dwtdct.block_votes(bgr, variant), _reference_votes(bgr, variant)
            if variant.dtype == "uint8":
                assert np.array_equal(fast, ref), (path.name, variant.name)
            else:
                assert fast.shape == ref.shape
                differ += int((fast != ref).sum())
                total += ref.size
    assert 1 - differ / total >= MIN_FLOAT_AGREEMENT, (differ, total)


def _score_by_definition(votes: np.ndarray, payload: object, variant: dwtdct.Variant) -> dwtdct.Score:
    """The score as first written: float bincounts per bit and per class, nothing cached."""
    n = len(payload)  # type: ignore[arg-type]
    idx = np.arange(votes.size) % n
    counts = np.bincount(idx, minlength=n).astype(np.float64)
    if votes.size < n or counts.min() == 0:
        return dwtdct.Score(payload, variant, 0.0, 0.0, float(votes.size) / n)  # type: ignore[arg-type]
    frac = np.bincount(idx, weights=votes, minlength=n) / counts
    bits = payload.array().astype(np.float64)  # type: ignore[attr-defined]
    agreement = float(np.mean((frac > 0.5) == (bits > 0.5)))

    def centre(x: np.ndarray) -> np.ndarray:
        cls = np.arange(x.size) % 8
        return x - (np.bincount(cls, weights=x, minlength=8) / np.bincount(cls, minlength=8))[cls]

    fr, br = centre(frac), centre(bits)
    fs, bs = fr.std(), br.std()
    if fs < 1e-12 or bs < 1e-12:
        return dwtdct.Score(payload, variant, 0.0, agreement, float(counts.mean()))  # type: ignore[arg-type]
    r = float(np.mean(fr * br) / (fs * bs))
    z = math.atanh(max(-dwtdct.R_CAP, min(dwtdct.R_CAP, r))) * math.sqrt(n - 8 - 3)
    return dwtdct.Score(payload, variant, z, agreement, float(counts.mean()))  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [0, 5, 31, 32, 33, 136, 1000, 4096, 65_536])
def test_scores_equal_their_definition_exactly(size: int) -> None:
    """Cached payload terms and integer per-bit sums change no score in its last place."""
    from verifier.watermarks.payloads import PAYLOADS

    rng = np.random.default_rng(size)
    variant = dwtdct.VARIANTS[0]
    for votes in (rng.integers(0, 2, size, dtype=np.uint8), np.zeros(size, np.uint8), np.ones(size, np.uint8),
                  (rng.random(size) < 0.2).astype(np.uint8)):
        for payload in PAYLOADS:
            marked = votes.copy()
            if size >= len(payload):  # half the blocks carry the payload: a high z
                bits = payload.array()[np.arange(size) % len(payload)]
                marked[::2] = bits[::2]
            for v in (votes, marked):
                assert dwtdct.score(v, payload, variant) == _score_by_definition(v, payload, variant)
