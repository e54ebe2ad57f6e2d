"""Decoder for the invisible-watermark ``dwtDct`` scheme (ShieldMnt/invisible-watermark).

The published algorithm: convert BGR to YUV with OpenCV, take a one-level Haar DWT of the U
channel (the Y scale is 0 and the V channel is never visited), cut the approximation band into
4x4 blocks in row-major order, and in each block quantise the largest-magnitude coefficient
other than [0, 0] with step 36 so that ``(|c| mod 36) > 18`` encodes a 1. Block ``n`` carries bit
``n mod L``. The reference decoder averages the votes per bit and rounds.

Rounding votes to bits and counting matches gives false positives once several payloads and
variants are tried (LABELS.md §5). We instead correlate the per-bit vote *fractions* with the
payload over the L bits, holding out each bit's position within its byte (a partial correlation,
see :func:`score`), and express it with Fisher's transform as ``z = atanh(r) * sqrt(L - 11)``:
about N(0, 1) for an image without the mark, whatever its own bias towards 0 or 1 votes or its
periodic texture.

Pipelines differ in how they hand pixels to the encoder, which changes the YUV values the
quantiser saw (OpenCV's U offset is 128 for uint8 and 0.5 for float input): we try uint8 and
float32 input, each in BGR and RGB channel order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .payloads import PAYLOADS, Payload

SCALE = 36  # quantisation step of the U channel (the reference default scales=[0, 36, 36])
BLOCK = 4
BYTE = 8
R_CAP = 0.9999  # keeps atanh finite for a perfect mark
MIN_PIXELS = 256 * 256  # the reference encoder refuses smaller images
MAX_BLOCKS = 65_536  # blocks examined (a 2048x2048 frame): bounds the work on huge images
Z_DETECTED = 4.5
Z_POSSIBLE = 4.0


@dataclass(frozen=True, slots=True)
class Variant:
    dtype: str  # "uint8" | "float"
    order: str  # "BGR" | "RGB": the channel order the encoder was given, as BGR

    @property
    def name(self) -> str:
        return f"{self.dtype}_{self.order.lower()}"


VARIANTS: tuple[Variant, ...] = (
    Variant("uint8", "BGR"),
    Variant("float", "BGR"),
    Variant("uint8", "RGB"),
    Variant("float", "RGB"),
)


@dataclass(frozen=True, slots=True)
class Score:
    payload: Payload
    variant: Variant
    z: float
    bit_agreement: float  # share of bits whose majority vote equals the payload
    votes_per_bit: float

    @property
    def level(self) -> str | None:
        if self.z >= Z_DETECTED:
            return "detected"
        if self.z >= Z_POSSIBLE:
            return "possible"
        return None


def block_votes(bgr: np.ndarray, variant: Variant) -> np.ndarray:
    """One 0/1 vote per 4x4 block of the U channel's Haar approximation, in block order."""
    return _votes_from_u(_u_channel(_crop(bgr), variant))


def _crop(bgr: np.ndarray) -> np.ndarray | None:
    """The part of the image whose blocks are examined (None when it holds no block)."""
    if bgr.ndim != 3 or bgr.shape[2] != 3:
        raise ValueError("expected an H x W x 3 image")
    rows, cols = bgr.shape[0] // 4 * 4, bgr.shape[1] // 4 * 4
    blocks_per_row = cols // 8
    if blocks_per_row == 0 or rows < 8:
        return None
    # Block numbering runs over full rows, so keeping only the first rows keeps the indices.
    keep_rows = min(rows, math.ceil(MAX_BLOCKS / blocks_per_row) * 8)
    return np.ascontiguousarray(bgr[:keep_rows, :cols])


def _u_channel(img: np.ndarray | None, variant: Variant, as_float: np.ndarray | None = None) -> np.ndarray | None:
    """The U plane the encoder saw for this variant (``as_float``: ``img`` as float32, if made)."""
    import cv2

    if img is None:
        return None
    if variant.dtype == "uint8":
        # For uint8 OpenCV's RGB2YUV equals BGR2YUV of the channel-reversed copy bit for bit
        # (tests/verifier/test_dwtdct_fast_paths.py); it saves the copy. For float32 the two paths differ in the last
        # bit, so the float RGB variant keeps the reference's reversed copy.
        code = cv2.COLOR_BGR2YUV if variant.order == "BGR" else cv2.COLOR_RGB2YUV
        return cv2.cvtColor(img, code)[:, :, 1]
    f = as_float if as_float is not None else img.astype(np.float32)
    if variant.order == "RGB":
        f = np.ascontiguousarray(f[:, :, ::-1])
    return cv2.cvtColor(f, cv2.COLOR_BGR2YUV)[:, :, 1]


HAAR = 0.7071067811865476  # pywt.Wavelet("haar").dec_lo[0] == [1] (1 / sqrt(2) as a double)


def haar_approximation(u: np.ndarray) -> np.ndarray:
    """``pywt.dwt2(u, "haar")[0]`` for an array with even sides, bit for bit, 8x faster.

    PyWavelets filters axis 0 then axis 1; for the two-tap Haar filter each output is
    ``h * x[2k + 1] + h * x[2k]`` in the input's float type (float32 stays float32, integers
    become float64). Written out here it skips the three detail bands and PyWavelets' slow
    strided pass over axis 0. tests/verifier/test_dwtdct_fast_paths.py checks equality with pywt.
    """
    dt = np.float32 if u.dtype == np.float32 else np.float64
    if u.shape[0] % 2 or u.shape[1] % 2:
        raise ValueError("haar_approximation needs even sides")
    h = dt(HAAR)
    x = u.astype(dt, copy=False)
    rows = h * x[1::2] + h * x[0::2]
    return h * rows[:, 1::2] + h * rows[:, 0::2]


def _votes_from_u(u: np.ndarray | None) -> np.ndarray:
    if u is None:
        return np.zeros(0, dtype=np.uint8)
    ca = haar_approximation(u)  # u's sides are multiples of 4 (see _crop)
    nb_r, nb_c = ca.shape[0] // BLOCK, ca.shape[1] // BLOCK
    blocks = ca[: nb_r * BLOCK, : nb_c * BLOCK].reshape(nb_r, BLOCK, nb_c, BLOCK)
    blocks = blocks.swapaxes(1, 2).reshape(nb_r * nb_c, BLOCK * BLOCK)
    ac = np.abs(blocks[:, 1:])
    val = ac[np.arange(ac.shape[0]), ac.argmax(axis=1)]
    return ((val % SCALE) > 0.5 * SCALE).astype(np.uint8)


def _centre_by_class(x: np.ndarray) -> np.ndarray:
    """Subtract the mean of each bit-position-in-byte class (index mod 8)."""
    cls = np.arange(x.size) % BYTE
    means = np.bincount(cls, weights=x, minlength=BYTE) / np.bincount(cls, minlength=BYTE)
    return x - means[cls]


def score(votes: np.ndarray, payload: Payload, variant: Variant) -> Score:
    n = len(payload)
    idx = np.arange(votes.size) % n
    counts = np.bincount(idx, minlength=n).astype(np.float64)
    if votes.size < n or counts.min() == 0:
        return Score(payload, variant, 0.0, 0.0, float(votes.size) / n)
    frac = np.bincount(idx, weights=votes, minlength=n) / counts
    bits = payload.array().astype(np.float64)
    agreement = float(np.mean((frac > 0.5) == (bits > 0.5)))
    # Partial correlation with the bit's position in its byte held out: text payloads have a
    # strong period-8 pattern (ASCII's top bit is always 0), and so do periodic images (a
    # checkerboard of 32 px cells repeats every 8 blocks), which otherwise correlate by design.
    fr, br = _centre_by_class(frac), _centre_by_class(bits)
    fs, bs = fr.std(), br.std()
    if fs < 1e-12 or bs < 1e-12:
        return Score(payload, variant, 0.0, agreement, float(counts.mean()))
    r = float(np.mean(fr * br) / (fs * bs))
    # Fisher's transform: ~N(0, 1) under no mark, and unbounded for strong marks, so that the
    # 32-bit SD 2.x payload keeps headroom above the threshold (r * sqrt(dof) tops out at 4.8).
    z = math.atanh(max(-R_CAP, min(R_CAP, r))) * math.sqrt(n - BYTE - 3)
    return Score(payload, variant, z, agreement, float(counts.mean()))


def decode(bgr: np.ndarray, payloads: tuple[Payload, ...] = PAYLOADS,
           variants: tuple[Variant, ...] = VARIANTS) -> list[Score]:
    """Every (payload, variant) score, best first."""
    out = []
    img = _crop(bgr)  # cropped, made contiguous and (for the float variants) converted once
    as_float = img.astype(np.float32) if img is not None and any(v.dtype == "float" for v in variants) else None
    for variant in variants:
        votes = _votes_from_u(_u_channel(img, variant, as_float))
        out.extend(score(votes, p, variant) for p in payloads)
    out.sort(key=lambda s: s.z, reverse=True)
    return out
