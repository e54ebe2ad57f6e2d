"""double_jpeg's fit errors, found by bisection on sorted coefficients, equal those of simulating
every coefficient with every earlier step (the method's definition), bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.forensics import double_jpeg


def _by_every_coefficient(h_obs: np.ndarray, d: np.ndarray, q2: int) -> dict[int, float]:
    errors = {}
    for q1 in range(1, double_jpeg.MAX_Q1 + 1):
        sim = np.round(np.round(d / q1) * q1 / q2)
        errors[q1] = float(np.sum((h_obs - double_jpeg._hist(sim)) ** 2))
    return errors


def _awkward(rng: np.random.Generator, n: int) -> np.ndarray:
    """Laplacian coefficients plus values on rounding boundaries, zeros of both signs, duplicates
    and values far outside the compared range."""
    d = rng.laplace(0, 12, n)
    half = [(m + 0.5) * q for q in (1, 2, 3, 7, 12, 48) for m in range(-30, 30)]
    d = np.concatenate([d, half, [0.0, -0.0, 1e4, -1e4, 0.5, -0.5], d[:50]])
    return rng.permutation(d).astype(np.float32)


@pytest.mark.parametrize("q2", [2, 3, 5, 8, 13, 30])
def test_the_fit_errors_are_those_of_simulating_every_coefficient(q2: int) -> None:
    rng = np.random.default_rng(q2)
    d = _awkward(rng, 5000)
    h_obs = double_jpeg._hist(np.round(rng.laplace(0, 9, 4000) / q2))
    assert double_jpeg._fit_errors(h_obs, d, q2) == _by_every_coefficient(h_obs, d, q2)


def test_few_or_no_coefficients() -> None:
    h_obs = double_jpeg._hist(np.array([0.0, 1.0, -1.0]))
    for d in (np.zeros(0, np.float32), np.array([3.49], np.float32), np.array([-7.5, 7.5], np.float32)):
        assert double_jpeg._fit_errors(h_obs, d, 4) == _by_every_coefficient(h_obs, d, 4)


def test_positions_fitted_together_give_each_position_s_own_errors() -> None:
    """analyse fits every informative position in one bisection loop: each position's errors must be
    those of fitting it alone (and so those of simulating every coefficient), bit for bit."""
    rng = np.random.default_rng(17)
    q2s = (2, 3, 5, 8, 13, 30, 7)
    n = 3000
    d = np.stack([_awkward(rng, n - 416) for _ in q2s])  # _awkward adds 416 values
    h_obs = np.stack([double_jpeg._hist(np.round(rng.laplace(0, 9, 2000) / q2)) for q2 in q2s])
    together = double_jpeg._fit_errors_batch(h_obs, d, q2s)
    for k, q2 in enumerate(q2s):
        assert together[k] == _by_every_coefficient(h_obs[k], d[k], q2)
