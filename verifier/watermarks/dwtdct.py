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
float32 input, each in BGR and RGB channel order. The votes are computed from 2x2 sums of
uint8 planes instead of full-size float images (:func:`_votes_uint8`, :func:`_float_approximation`):
bit for bit the reference for uint8, within the last float32 places for float.
"""

from __future__ import annotations

import functools
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
    return _votes(_crop(bgr), variant)


def _crop(bgr: np.ndarray) -> np.ndarray | None:
    """The pixels whose blocks are examined, as a view (None when they hold no block).

    A block is 4x4 coefficients of the Haar approximation, i.e. 8x8 pixels; the reference
    decoder ignores the partial blocks at the right and bottom edges, so they are cut here.
    """
    if bgr.ndim != 3 or bgr.shape[2] != 3:
        raise ValueError("expected an H x W x 3 image")
    rows, cols = bgr.shape[0] // 8 * 8, bgr.shape[1] // 8 * 8
    blocks_per_row = cols // 8
    if blocks_per_row == 0 or rows == 0:
        return None
    # Block numbering runs over full rows, so keeping only the first rows keeps the indices.
    keep_rows = min(rows, math.ceil(MAX_BLOCKS / blocks_per_row) * 8)
    return bgr[:keep_rows, :cols]


def _votes(img: np.ndarray | None, variant: Variant,
           sums: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """The votes of one variant (``sums``: ``_channel_sums(img)``, if already made)."""
    import cv2

    if img is None:
        return np.zeros(0, dtype=np.uint8)
    if variant.dtype == "uint8":
        # For uint8 OpenCV's RGB2YUV equals BGR2YUV of the channel-reversed copy bit for bit
        # (tests/verifier/test_dwtdct_fast_paths.py); it saves the copy.
        code = cv2.COLOR_BGR2YUV if variant.order == "BGR" else cv2.COLOR_RGB2YUV
        return _votes_uint8(cv2.extractChannel(cv2.cvtColor(img, code), 1))
    if sums is None:
        sums = _channel_sums(img)
    return _votes_float(_float_approximation(sums, variant.order))


def _channel_sums(img: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The 2x2 sums of the B, G and R planes (what both float variants are computed from)."""
    import cv2

    b, g, r = cv2.split(img)
    return _pair_sums(b), _pair_sums(g), _pair_sums(r)


HAAR = 0.7071067811865476  # pywt.Wavelet("haar").dec_lo[0] == [1] (1 / sqrt(2) as a double)


def haar_approximation(u: np.ndarray) -> np.ndarray:
    """``pywt.dwt2(u, "haar")[0]`` over the last two axes, for even sides, bit for bit.

    PyWavelets filters axis 0 then axis 1; for the two-tap Haar filter each output is
    ``h * x[2k + 1] + h * x[2k]`` in the input's float type (float32 stays float32, integers
    become float64). tests/verifier/test_dwtdct_fast_paths.py checks equality with pywt.
    """
    dt = np.float32 if u.dtype == np.float32 else np.float64
    if u.shape[-2] % 2 or u.shape[-1] % 2:
        raise ValueError("haar_approximation needs even sides")
    h = dt(HAAR)
    x: np.ndarray = u.astype(dt, copy=False)  # float32 or float64
    rows = h * x[..., 1::2, :] + h * x[..., 0::2, :]
    return h * rows[..., 1::2] + h * rows[..., 0::2]


def _pair_sums(plane: np.ndarray) -> np.ndarray:
    """Sums of the 2x2 cells of a uint8 plane with even sides, as uint16 (exact)."""
    r = plane[0::2].astype(np.uint16)
    r += plane[1::2]
    return r[:, 0::2] + r[:, 1::2]


def _block_max_ac(a: np.ndarray) -> np.ndarray:
    """Per 4x4 block of a non-negative array: the largest value other than the block's [0, 0]
    (``a`` is overwritten there), flattened in block order."""
    a[0::4, 0::4] = 0  # values are >= 0, so a zero never wins over the other 15
    m = np.maximum(a[0::4], a[1::4])
    np.maximum(m, a[2::4], out=m)
    np.maximum(m, a[3::4], out=m)
    out = np.maximum(m[:, 0::4], m[:, 1::4])
    np.maximum(out, m[:, 2::4], out=out)
    np.maximum(out, m[:, 3::4], out=out)
    return out.ravel()


def _votes_from_max(val: np.ndarray) -> np.ndarray:
    """The reference's vote from the block's largest |AC coefficient| (the value at its argmax:
    which of several equal coefficients argmax picks cannot change the vote)."""
    return ((val % SCALE) > 0.5 * SCALE).astype(np.uint8)


def _votes_uint8(u: np.ndarray) -> np.ndarray:
    """Votes of a uint8 U plane, bit for bit those of ``haar_approximation`` in float64.

    Each approximation coefficient is ``S / 2`` give or take a few units in the last place,
    with ``S`` the integer sum of its 2x2 pixels; U >= 0, so the largest |coefficient| belongs
    to the largest ``S``. The vote ``(S / 2 mod 36) > 18`` is then exact from integers, except
    where ``S / 2`` is a multiple of 18 and the last-place error decides it (the reference
    votes sit exactly on the quantisation boundary there): those blocks are computed in float64
    exactly as the reference does.
    """
    s = _pair_sums(u)
    smax = _block_max_ac(s)
    votes = (smax % (2 * SCALE) > SCALE).astype(np.uint8)  # (S / 2 mod 36) > 18
    tied = np.flatnonzero((smax % SCALE == 0) & (smax > 0))
    if tied.size:
        nb_c = u.shape[1] // 8
        cells = u.reshape(u.shape[0] // 8, 8, nb_c, 8)[tied // nb_c, :, tied % nb_c, :]
        ca = haar_approximation(cells).reshape(tied.size, BLOCK * BLOCK)
        votes[tied] = _votes_from_max(np.abs(ca[:, 1:]).max(axis=1))
    return votes


def _float_approximation(sums: tuple[np.ndarray, np.ndarray, np.ndarray], order: str) -> np.ndarray:
    """The Haar approximation of the float U plane, from the 2x2 sums of the B, G, R planes.

    OpenCV's float BGR2YUV is ``U = (B - Y) * 0.492f + 0.5`` with ``Y = 0.299f R + 0.587f G +
    0.114f B`` (color_yuv: B2UF, R2YF, G2YF, B2YF), and the Haar approximation is
    ``h^2 = 1/2`` times the 2x2 sum, so the whole chain is linear in the channel sums and needs
    no full-size float copy. It is computed in float64 from the float32 constants; the
    reference path rounds to float32 at each step, so a coefficient can differ in its last
    float32 places and a vote with it (tests/verifier/test_dwtdct_fast_paths.py requires
    >= 99.99 % agreement; none differed on the corpus or the calibration images).
    """
    s_b, s_g, s_r = sums if order == "BGR" else sums[::-1]  # the encoder's B, G, R
    f32 = np.float32
    k = 0.5 * float(f32(0.492))
    c_b, c_g, c_r = k * (1.0 - float(f32(0.114))), -k * float(f32(0.587)), -k * float(f32(0.299))
    ca = s_g * c_g
    ca += s_b * c_b
    ca += s_r * c_r
    ca += 1.0  # four pixels' U offset of 0.5, times 1/2
    return ca


def _votes_float(ca: np.ndarray) -> np.ndarray:
    return _votes_from_max(_block_max_ac(np.abs(ca, out=ca)))


def _centre_by_class(x: np.ndarray) -> np.ndarray:
    """Subtract the mean of each bit-position-in-byte class (index mod 8)."""
    cls, per_class = _classes(x.size)
    means = np.bincount(cls, weights=x, minlength=BYTE) / per_class
    return x - means[cls]


@functools.lru_cache(maxsize=16)
def _classes(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each of ``n`` bits' position in its byte, and how many bits hold each position."""
    cls = np.arange(n) % BYTE
    per_class = np.bincount(cls, minlength=BYTE)
    cls.setflags(write=False)
    per_class.setflags(write=False)
    return cls, per_class


@functools.lru_cache(maxsize=10)  # the 5 payload lengths of the last two image sizes
def _votes_per_bit(size: int, n: int) -> tuple[np.ndarray, float]:
    """The vote count per bit when ``size`` blocks vote in turn for ``n`` bits, and its mean
    (shared by the variants of one image and by images of one size)."""
    counts = np.full(n, float(size // n))
    counts[: size % n] += 1.0  # the first size mod n bits get one vote more
    counts.setflags(write=False)
    return counts, float(counts.mean())


@functools.lru_cache(maxsize=16)
def _payload_terms(payload: Payload) -> tuple[np.ndarray, np.ndarray, float]:
    """What :func:`score` needs of a payload alone: its bits as booleans, its bits centred by
    class (:func:`_centre_by_class`) and their standard deviation."""
    bits = payload.array().astype(np.float64)
    centred = _centre_by_class(bits)
    ones = bits > 0.5
    ones.setflags(write=False)
    centred.setflags(write=False)
    return ones, centred, float(centred.std())


def _ones_per_bit(votes: np.ndarray, n: int) -> np.ndarray:
    """How many blocks voted 1 for each of ``n`` bits (block ``k`` votes for bit ``k mod n``).

    Integer sums, so the vote fractions are exactly those of a float ``np.bincount``."""
    whole = votes.size // n * n
    ones = votes[:whole].reshape(-1, n).sum(axis=0, dtype=np.int64)
    ones[: votes.size - whole] += votes[whole:]
    return ones


def score(votes: np.ndarray, payload: Payload, variant: Variant) -> Score:
    n = len(payload)
    if votes.size < n:
        return Score(payload, variant, 0.0, 0.0, float(votes.size) / n)
    counts, per_bit = _votes_per_bit(votes.size, n)
    frac = _ones_per_bit(votes, n) / counts
    ones, br, bs = _payload_terms(payload)
    agreement = int(np.count_nonzero((frac > 0.5) == ones)) / n  # a plain float: it goes into reports
    # Partial correlation with the bit's position in its byte held out: text payloads have a
    # strong period-8 pattern (ASCII's top bit is always 0), and so do periodic images (a
    # checkerboard of 32 px cells repeats every 8 blocks), which otherwise correlate by design.
    fr = _centre_by_class(frac)
    fs = fr.std()
    if fs < 1e-12 or bs < 1e-12:
        return Score(payload, variant, 0.0, agreement, per_bit)
    r = float(np.mean(fr * br) / (fs * bs))
    # Fisher's transform: ~N(0, 1) under no mark, and unbounded for strong marks, so that the
    # 32-bit SD 2.x payload keeps headroom above the threshold (r * sqrt(dof) tops out at 4.8).
    z = math.atanh(max(-R_CAP, min(R_CAP, r))) * math.sqrt(n - BYTE - 3)
    return Score(payload, variant, z, agreement, per_bit)


def decode(bgr: np.ndarray, payloads: tuple[Payload, ...] = PAYLOADS,
           variants: tuple[Variant, ...] = VARIANTS) -> list[Score]:
    """Every (payload, variant) score, best first."""
    out: list[Score] = []
    img = _crop(bgr)
    sums = _channel_sums(img) if img is not None and any(v.dtype == "float" for v in variants) else None
    for variant in variants:
        votes = _votes(img, variant, sums)
        out.extend(score(votes, p, variant) for p in payloads)
    out.sort(key=lambda s: s.z, reverse=True)
    return out
