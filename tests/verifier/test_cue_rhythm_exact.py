"""The in-place arithmetic of the tone search gives the very numbers of the plain formulas."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.audio import cue_rhythm


def _band_mean_plain(power: np.ndarray, lo: int, hi: int) -> np.ndarray:
    n = power.shape[1]
    csum = np.concatenate([np.zeros((power.shape[0], 1)), np.cumsum(power, axis=1, dtype=np.float64)], axis=1)
    f = np.arange(n)
    a, b = np.clip(f + lo, 0, n), np.clip(f + hi + 1, 0, n)
    c, d = np.clip(f - hi, 0, n), np.clip(f - lo + 1, 0, n)
    count = np.maximum(np.maximum(b - a, 0) + np.maximum(d - c, 0), 1)
    return ((csum[:, b] - csum[:, a]) + (csum[:, d] - csum[:, c])) / count


@pytest.mark.parametrize("bins", [1, 5, 40, 257, 513])
@pytest.mark.parametrize("lo,hi", [(3, 5), (12, 47), (24, 94), (3, 600), (700, 900)])
def test_band_mean_is_bit_identical_to_the_plain_formula(bins, lo, hi):
    power = np.random.default_rng(bins * 1000 + lo).random((9, bins)).astype(np.float32) ** 4
    got = cue_rhythm._band_mean(power, lo, hi)
    assert got.dtype == np.float64 and np.array_equal(got, _band_mean_plain(power, lo, hi))


def test_prominence_is_bit_identical_to_the_plain_formula():
    rate = 8000
    t = np.arange(3 * rate) / rate
    x = (0.5 * np.sin(2 * np.pi * 800 * t) * ((t % 0.5) < 0.2)).astype(np.float32)
    x += np.random.default_rng(3).normal(0, 0.01, len(x)).astype(np.float32)
    power, df, _ = cue_rhythm._spectrum(x, rate)
    db = 10 * np.log10(power + 1e-12)
    k_lo = max(3, int(round(94 / df)))
    k_hi = max(k_lo + 2, int(round(375 / df)))
    plain = db - 10 * np.log10(_band_mean_plain(power, k_lo, k_hi) + 1e-12)
    got = cue_rhythm._prominence(power, db, df)
    assert got.dtype == plain.dtype and np.array_equal(got, plain)


def test_wander_is_the_spread_between_the_10th_and_90th_percentiles():
    rng = np.random.default_rng(5)
    for size in (1, 2, 7, 33):
        core = rng.normal(1000, 4, size)
        assert float(np.subtract(*np.percentile(core, [90, 10]))) == float(np.percentile(core, 90) - np.percentile(core, 10))
