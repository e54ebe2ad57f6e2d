"""Stealth generation metadata hidden in pixel least significant bits (NovelAI, "stealth pnginfo").

Layout (NovelAI's published decoder and the sd-webui-stealth-pnginfo extension agree): pixels are
read column by column (x outer, y inner); one bit per pixel from the alpha channel (``alpha``
mode) or three, R then G then B (``rgb`` mode); most significant bit first. The stream is a
15-byte magic (``stealth_pnginfo`` / ``stealth_pngcomp`` in alpha, ``stealth_rgbinfo`` /
``stealth_rgbcomp`` in RGB; ``comp`` = gzip), a 32-bit big-endian length *in bits*, then the
payload. Everything is bounded: the length field is checked against the picture, the payload
and the inflated text are capped.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

MAGIC_BITS = 15 * 8
MAGICS = {
    b"stealth_pnginfo": ("alpha", False), b"stealth_pngcomp": ("alpha", True),
    b"stealth_rgbinfo": ("rgb", False), b"stealth_rgbcomp": ("rgb", True),
}
MAX_PAYLOAD = 1 << 20  # bytes of hidden payload read
MAX_INFLATED = 4 << 20  # bytes of text a compressed payload may inflate to


@dataclass(frozen=True)
class Stealth:
    magic: str
    mode: str  # "alpha" | "rgb"
    compressed: bool
    text: str | None  # None when the payload could not be read (see note)
    note: str = ""


def _bits(pixels: np.ndarray, mode: str, n: int) -> np.ndarray:
    """The first ``n`` bits of the stream (column-major), fewer if the picture is smaller."""
    height = pixels.shape[0]
    per_pixel = 1 if mode == "alpha" else 3
    cols = min(pixels.shape[1], -(-n // (height * per_pixel)))
    block = pixels[:, :cols, 3:4] if mode == "alpha" else pixels[:, :cols, :3]
    return (np.ascontiguousarray(block.transpose(1, 0, 2)).reshape(-1) & 1)[:n].astype(np.uint8)


def _bytes(bits: np.ndarray) -> bytes:
    return np.packbits(bits[: len(bits) // 8 * 8]).tobytes()


def _capacity(pixels: np.ndarray, mode: str) -> int:
    return pixels.shape[0] * pixels.shape[1] * (1 if mode == "alpha" else 3)


def _inflate(data: bytes) -> str:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip
    out = d.decompress(data, MAX_INFLATED + 1)
    if len(out) > MAX_INFLATED:
        raise ValueError(f"inflates past {MAX_INFLATED >> 20} MiB")
    return out.decode("utf-8", "replace")


def decode(pixels: np.ndarray) -> Stealth | None:
    """Read stealth metadata from an ``H x W x C`` uint8 array (C = 3 or 4), or None when absent."""
    if pixels.ndim != 3 or pixels.dtype != np.uint8 or pixels.shape[2] not in (3, 4) or 0 in pixels.shape[:2]:
        return None
    modes = ("alpha", "rgb") if pixels.shape[2] == 4 else ("rgb",)
    for mode in modes:
        if _capacity(pixels, mode) < MAGIC_BITS + 32:
            continue
        magic = _bytes(_bits(pixels, mode, MAGIC_BITS))
        found = MAGICS.get(magic)
        if found is None or found[0] != mode:
            continue
        return _payload(pixels, mode, magic.decode("ascii"), found[1])
    return None


def _payload(pixels: np.ndarray, mode: str, magic: str, compressed: bool) -> Stealth:
    head = _bits(pixels, mode, MAGIC_BITS + 32)
    length = int.from_bytes(_bytes(head[MAGIC_BITS:]), "big")
    room = _capacity(pixels, mode) - MAGIC_BITS - 32
    if length == 0 or length % 8 or length > room or length > MAX_PAYLOAD * 8:
        return Stealth(magic, mode, compressed, None,
                       f"length field {length} bits is not plausible (room {room} bits, cap {MAX_PAYLOAD} bytes)")
    data = _bytes(_bits(pixels, mode, MAGIC_BITS + 32 + length)[MAGIC_BITS + 32:])
    try:
        text = _inflate(data) if compressed else data.decode("utf-8", "replace")
    except (zlib.error, ValueError, EOFError) as exc:
        return Stealth(magic, mode, compressed, None, f"payload not readable: {exc}"[:200])
    return Stealth(magic, mode, compressed, text)


def starts_with_magic(channels: int, column: bytes) -> bool:
    """Whether the top of column 0 (``channels`` interleaved values per row) begins a stealth stream."""
    rows = len(column) // channels
    pixels = np.frombuffer(column[: rows * channels], np.uint8).reshape(rows, 1, channels)
    for mode in ("alpha", "rgb") if channels == 4 else ("rgb",):
        per_pixel = 1 if mode == "alpha" else 3
        if rows * per_pixel >= MAGIC_BITS and _bytes(_bits(pixels, mode, MAGIC_BITS)) in MAGICS:
            return True
    return False
