"""JPEG quantisation tables as facts: the estimated quality, and whether the tables are the
standard (IJG/libjpeg) ones scaled, as editors and messaging apps write them, or a device's own.

Tables arrive in natural (row-major) order, as Pillow gives them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# ITU-T T.81 Annex K tables (natural order), the base of libjpeg's quality scaling.
STANDARD_LUMA = (
    16, 11, 10, 16, 24, 40, 51, 61,
    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,
    24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101,
    72, 92, 95, 98, 112, 100, 103, 99,
)
STANDARD_CHROMA = (
    17, 18, 24, 47, 99, 99, 99, 99,
    18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99,
    47, 66, 99, 99, 99, 99, 99, 99,
    *([99] * 32),
)


def scaled(base: Sequence[int], quality: int) -> tuple[int, ...]:
    """libjpeg's ``jpeg_quality_scaling`` with baseline clamping (1..255)."""
    q = min(100, max(1, quality))
    factor = 5000 // q if q < 50 else 200 - 2 * q
    return tuple(min(255, max(1, (b * factor + 50) // 100)) for b in base)


_SCALED = {q: (scaled(STANDARD_LUMA, q), scaled(STANDARD_CHROMA, q)) for q in range(1, 101)}
_SCALED_LUMA = np.array([_SCALED[q][0] for q in range(1, 101)], np.int64)  # row q - 1
_SCALED_CHROMA = np.array([_SCALED[q][1] for q in range(1, 101)], np.int64)


@dataclass(frozen=True, slots=True)
class TableFacts:
    quality: int  # the libjpeg quality whose scaled tables are closest
    standard: bool  # every table equals the scaled standard table at that quality
    deviation: float  # mean absolute difference from those tables (0 when standard)
    tables: int  # how many tables the file defines

    def as_details(self) -> dict[str, object]:
        return {"estimated_quality": self.quality, "standard_tables": self.standard,
                "mean_deviation": round(self.deviation, 2), "tables": self.tables}


def luma_table(tables: Mapping[int, Sequence[int]]) -> tuple[int, ...] | None:
    t = tables.get(0)
    return tuple(t) if t is not None and len(t) == 64 else None


def describe(tables: Mapping[int, Sequence[int]]) -> TableFacts | None:
    """Compare the file's tables (0 = luma, 1 = chroma, as libjpeg numbers them) with the
    standard tables at every quality; ``None`` when the file has no usable table."""
    usable = {k: tuple(v) for k, v in tables.items() if len(v) == 64 and k in (0, 1)}
    if 0 not in usable:
        return None
    # Every quality at once: integer sums of absolute differences, one division each (the same
    # correctly rounded means as summing in Python); the first quality with the smallest mean wins.
    total = np.abs(_SCALED_LUMA - np.asarray(usable[0], np.int64)).sum(axis=1)
    if 1 in usable:
        total = total + np.abs(_SCALED_CHROMA - np.asarray(usable[1], np.int64)).sum(axis=1)
    means = total / (64 * (2 if 1 in usable else 1))
    best = int(np.argmin(means))
    mean = float(means[best])
    return TableFacts(quality=best + 1, standard=mean == 0.0, deviation=mean, tables=len(tables))


@functools.lru_cache(maxsize=1024)
def quality_of_step(step: int, position: int) -> int | None:
    """The libjpeg quality whose luma table has ``step`` at ``position`` (closest), for turning
    an estimated primary quantisation step back into a quality figure."""
    if step <= 0:
        return None
    return min(range(1, 101), key=lambda q: (abs(_SCALED[q][0][position] - step), -q))
