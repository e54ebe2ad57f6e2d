"""Known payloads of the invisible-watermark ``dwtDct`` scheme, as AI pipelines embed them.

Sources (LABELS.md §5): the Stable Diffusion reference scripts embed bytes; Stability's sgm
(SDXL) and Black Forest Labs' FLUX reference code embed the bits of an integer literal taken
through ``bin()``, which drops leading zeros (so FLUX's 48-bit literal yields 46 bits).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Payload:
    name: str  # stable id used in details
    label: str  # who embeds it
    bits: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.bits)

    def array(self) -> np.ndarray:
        return np.asarray(self.bits, dtype=np.uint8)


def bits_of_bytes(data: bytes) -> tuple[int, ...]:
    """Big-endian bit order per byte, as ``np.unpackbits`` (the encoder's 'bytes' mode)."""
    return tuple(int(b) for b in np.unpackbits(np.frombuffer(data, dtype=np.uint8)))


def bits_of_int_literal(value: int) -> tuple[int, ...]:
    """``[int(b) for b in bin(value)[2:]]``: leading zeros are dropped, as the reference code does."""
    return tuple(int(b) for b in bin(value)[2:])


SD1 = Payload("StableDiffusionV1", "Stable Diffusion 1.x reference scripts", bits_of_bytes(b"StableDiffusionV1"))
SD2 = Payload("SDV2", "Stable Diffusion 2.x reference scripts", bits_of_bytes(b"SDV2"))
SDXL = Payload("SDXL-0xB3EC907BB19E", "Stability sgm / diffusers SDXL", bits_of_int_literal(0xB3EC907BB19E))
FLUX = Payload("FLUX-ref-46bit", "Black Forest Labs FLUX reference code",
               bits_of_int_literal(0b001010101111111010000111100111001111010100101110))
INVOKEAI = Payload("InvokeAI", "InvokeAI default watermark text", bits_of_bytes(b"InvokeAI"))

PAYLOADS: tuple[Payload, ...] = (SD1, SD2, SDXL, FLUX, INVOKEAI)
