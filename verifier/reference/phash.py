"""A DCT perceptual hash (pHash) in NumPy: 64 bits that survive re-encoding and resizing.

The grey picture is reduced to 32 x 32, its 2-D DCT taken, and the 8 x 8 lowest frequencies
(less the DC term's influence: compared with their median) give the bits. Two pictures whose
hashes differ in at most :data:`DUPLICATE_DISTANCE` bits look the same as a whole.
"""

from __future__ import annotations

import numpy as np

SIZE, KEEP = 32, 8
DUPLICATE_DISTANCE = 8  # of 64 bits; see docs/REFERENCE.md for the distances measured between distinct photos


def _dct_matrix(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    m = np.cos(np.pi * (2 * i + 1) * k / (2 * n)) * np.sqrt(2.0 / n)
    m[0] /= np.sqrt(2.0)
    return m


_DCT = _dct_matrix(SIZE)


def phash(gray32: np.ndarray) -> int:
    """Hash of a grey picture already reduced to 32 x 32 (area interpolation)."""
    if gray32.shape != (SIZE, SIZE):
        raise ValueError("phash expects a 32 x 32 grey picture")
    coeffs = _DCT @ gray32.astype(np.float64) @ _DCT.T
    low = coeffs[:KEEP, :KEEP].ravel()
    bits = low > np.median(low[1:])
    value = 0
    for b in bits:
        value = (value << 1) | int(b)
    return value


def distance(a: int, b: int) -> int:
    return int(bin(a ^ b).count("1"))
