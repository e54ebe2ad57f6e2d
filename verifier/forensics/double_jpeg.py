"""Traces of JPEG compression applied at least twice (an edit-and-resave trace).

Method: primary quantisation estimation from DCT-coefficient histograms (Lukáš & Fridrich, 2003).
For each low-frequency DCT position, the histogram of the coefficients as last quantised (step
``q2``) is compared with simulations built from a *calibrated* estimate of the coefficients before
that compression: the luma plane shifted by 4 pixels, off the JPEG grid, so blocking is mostly
gone. A single compression is simulated by ``round(D / q2)``, a double one with an earlier step
``q1`` by ``round(round(D / q1) * q1 / q2)``. A position votes "twice" when some ``q1`` that does
not divide ``q2`` explains the histogram much better than a single compression. Double
compression with ``q1`` dividing ``q2`` (including the same quality twice) leaves no such trace:
a silence proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .jpeg_tables import quality_of_step

ZIGZAG = (1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40)  # first 20 AC
MIN_BLOCKS = 1024  # 256 x 256 pixels at least: fewer blocks give histograms too noisy to read
MAX_BLOCKS = 16384  # larger pictures are sampled evenly (a 1024 x 1024 area's worth)
HIST_RANGE = 20  # coefficient values -20..20 are compared
MIN_NONZERO = 0.05  # a position whose coefficients are almost all zero says nothing
MAX_Q1 = 48
VOTE_GAIN = 0.45  # a double-compression fit must cut the single-compression error by this much
MIN_POSITIONS = 6
DECIDE_FRACTION = 0.5  # share of informative positions that must vote "twice"


@dataclass(frozen=True, slots=True)
class DoubleJpeg:
    detected: bool
    score: float  # share of informative positions that vote for double compression (0..1)
    positions: int  # informative positions
    votes: int
    primary_steps: dict[int, int]  # position -> estimated earlier step, for the voting positions
    primary_quality: int | None  # libjpeg quality estimate of the earlier compression


def _dct_matrix() -> np.ndarray:
    n = np.arange(8)
    c = np.sqrt(2 / 8) * np.cos(np.pi * (2 * n[None, :] + 1) * n[:, None] / 16)
    c[0] /= np.sqrt(2)
    return c


_C = _dct_matrix()
# C^T as its own C-ordered array: NumPy's stacked matmul is twice as fast with it as with the
# transposed view, and gives the same coefficients bit for bit (tests/verifier/forensics/test_fast_paths.py).
_CT = np.ascontiguousarray(_C.T)


def block_dct(plane: np.ndarray, max_blocks: int = MAX_BLOCKS) -> np.ndarray:
    """8 x 8 DCT (JPEG's, which is the orthonormal DCT-II) of every whole block: (blocks, 64)."""
    rows, cols = plane.shape[0] // 8, plane.shape[1] // 8
    whole = plane[: rows * 8, : cols * 8]
    if whole.dtype == np.uint8 and whole.size and whole.strides[-1] == 1:
        # 8 pixels of a block row as one uint64 (a view, even of the shifted, non-contiguous
        # plane): gathering blocks moves 8 words instead of 64 bytes each
        grid: np.ndarray = whole.view(np.uint64).reshape(rows, 8, cols, 1)
    else:
        grid = whole.reshape(rows, 8, cols, 8)  # a view: nothing copied yet
    if rows * cols > max_blocks:  # an even sample across the picture, deterministic
        # Only the sampled blocks are gathered and converted (row-major block order, as before).
        which = np.linspace(0, rows * cols - 1, max_blocks).astype(np.int64)
        picked: np.ndarray = grid[which // cols, :, which % cols, :]
    else:
        picked = grid.transpose(0, 2, 1, 3).reshape(-1, 8, grid.shape[3])
    if picked.dtype == np.uint64:
        picked = picked.view(np.uint8).reshape(-1, 8, 8)
    blocks = np.subtract(picked, 128.0, dtype=np.float64)
    # C @ block @ C^T as two stacked matrix products, in the order NumPy's optimised einsum
    # ("ij,bjk,lk->bil") contracts them: the same coefficients, bit for bit (tests), without
    # its transposed copies. The second product is written over ``blocks`` (one buffer fewer).
    coef = np.matmul(np.matmul(_C, blocks), _CT, out=blocks)
    return coef.reshape(-1, 64)


def _hist(values: np.ndarray) -> np.ndarray:
    v = np.clip(values, -HIST_RANGE - 1, HIST_RANGE + 1).astype(np.int64) + HIST_RANGE + 1
    h = np.bincount(v, minlength=2 * HIST_RANGE + 3)[1:-1].astype(np.float64)
    return h / max(1.0, float(len(values)))


_Q1 = np.arange(1, MAX_Q1 + 1, dtype=np.float32)[:, None]  # every candidate earlier step, one per row
_EDGES = np.arange(-HIST_RANGE, HIST_RANGE + 2, dtype=np.float64)  # the values -20..21, as row edges


def _simulate(d: np.ndarray, q1: np.ndarray, q2: int | np.ndarray) -> np.ndarray:
    """Coefficients ``d`` (float32) quantised with step ``q1``, dequantised, requantised with ``q2``."""
    return np.round(np.round(d / q1) * q1 / q2)


def _fit_errors(h_obs: np.ndarray, d: np.ndarray, q2: int) -> dict[int, float]:
    """For each earlier step q1 in 1..MAX_Q1: the squared error between ``h_obs`` and the
    histogram (:func:`_hist`) of the compression simulated from ``d``.

    The simulation is monotone in ``d`` (each float32 step -- division, rounding, product -- is),
    so on the sorted coefficients the count of each simulated value v is the distance between
    the first index where the simulation reaches v and where it reaches v + 1. Those first
    indices are found by bisection for every (q1, v) at once, evaluating the very same float32
    expression on the elements probed: the counts, hence the errors, are exactly those of
    simulating every coefficient (tests/verifier/forensics/test_double_jpeg_fit.py), in
    O(log n) probes instead of n per step."""
    return _fit_errors_batch(h_obs[None], d[None], (q2,))[0]


def _fit_errors_batch(h_obs: np.ndarray, d: np.ndarray, q2: tuple[int, ...]) -> list[dict[int, float]]:
    """:func:`_fit_errors` of several positions at once (``h_obs``: one histogram per row,
    ``d``: one row of float32 coefficients per position, ``q2``: each position's step), with
    one bisection loop for all of them: the same probes, each evaluated with the same float32
    operations (a float32 step, as the integer was, divides), so the same errors bit for bit."""
    s = np.sort(d, axis=1)
    rows, n = s.shape
    q2s = np.asarray(q2, dtype=np.float32).reshape(rows, 1, 1)
    lo = np.zeros((rows, MAX_Q1, _EDGES.shape[0]), np.int64)
    hi = np.full_like(lo, n)
    while True:
        active = lo < hi
        if not active.any():
            break
        mid = (lo + hi) // 2
        probed = np.take_along_axis(s, np.minimum(mid, n - 1).reshape(rows, -1), axis=1).reshape(mid.shape)
        reached = _simulate(probed, _Q1, q2s) >= _EDGES
        hi = np.where(active & reached, mid, hi)
        lo = np.where(active & ~reached, mid + 1, lo)
    counts = np.diff(lo, axis=2)  # per position and q1: how many simulate to -20, ..., 20
    sq = (h_obs[:, None, :] - counts.astype(np.float64) / max(1.0, float(n))) ** 2
    # One reduction over the last axis: each row is summed as np.sum sums it alone (same pairwise
    # order over a contiguous row), so the errors are the per-row sums bit for bit (tests).
    return [dict(zip(range(1, MAX_Q1 + 1), row)) for row in sq.sum(axis=2).tolist()]


def analyse(luma: np.ndarray, luma_table: tuple[int, ...]) -> DoubleJpeg | None:
    """``None`` when the picture is too small or too flat to say anything."""
    observed = block_dct(luma)
    if len(observed) < MIN_BLOCKS:
        return None
    calibrated = block_dct(luma[4:, 4:])
    steps: dict[int, int] = {}
    used: list[int] = []  # the informative positions
    hists: list[np.ndarray] = []
    for pos in ZIGZAG:
        q2 = luma_table[pos]
        if q2 < 2 or q2 > 30:
            continue  # step 1: nothing was quantised; large steps: almost everything is zero
        obs_k = np.round(observed[:, pos] / q2)
        if np.mean(obs_k != 0) < MIN_NONZERO:
            continue
        used.append(pos)
        hists.append(_hist(obs_k))
    informative = len(used)
    if used:
        fits = _fit_errors_batch(np.stack(hists), np.ascontiguousarray(calibrated[:, used].T, dtype=np.float32),
                                 tuple(luma_table[pos] for pos in used))
        for pos, errors in zip(used, fits):
            q2 = luma_table[pos]
            single = errors[1]
            q1_best = min(errors, key=errors.__getitem__)  # the first (smallest) q1 of equal errors
            if q2 % q1_best != 0 and errors[q1_best] < (1 - VOTE_GAIN) * single:
                steps[pos] = q1_best
    if informative < MIN_POSITIONS:
        return None
    score = len(steps) / informative
    qualities = [q for q in (quality_of_step(s, p) for p, s in steps.items()) if q is not None]
    primary = int(np.median(qualities)) if qualities and score >= DECIDE_FRACTION else None
    return DoubleJpeg(detected=score >= DECIDE_FRACTION, score=round(score, 3), positions=informative,
                      votes=len(steps), primary_steps=steps, primary_quality=primary)
