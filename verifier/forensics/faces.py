"""Each face beside the rest of the picture: which of its statistics differ (a view, never a verdict).

The statistics themselves (noise level, JPEG 8 x 8 grid offset and strength) are measured by
:func:`verifier.forensics.views.region_stats`. Here they are compared, and a face "differs from the
rest" on a statistic when:

- ``grid_offset``: on one axis the face carries a clear grid (strength at least :data:`GRID_CLEAR`),
  the rest some grid (at least :data:`GRID_SOME`), and their phases are not the same (a region
  from another JPEG, pasted off the picture's grid);
- ``grid_strength``: on one axis one of the two carries a clear grid and the other almost none
  (below :data:`GRID_FAINT`): a face pasted after a resize or a blur, or from a JPEG into a PNG.

Faces smaller than :data:`MIN_COMPARED_SIDE` on a side are measured but not compared (five blocks
across say too little). The noise level is reported as a ratio, never compared: untouched photos
differ between face and background by factors of 3-5 (depth of field, make-up, skin against
foliage). Thresholds and the measured rates are in docs/FORENSICS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .views import RegionStats

GRID_CLEAR = 1.3  # grid strength from which a JPEG grid counts as clear
GRID_SOME = 1.1  # the rest's grid strength from which its phase is read
GRID_FAINT = 1.05  # grid strength below which there is almost no grid
MIN_COMPARED_SIDE = 64  # faces smaller than this (pixels, either side) are not compared


@dataclass(frozen=True, slots=True)
class FaceComparison:
    """One face's statistics beside the rest's."""

    face: RegionStats
    noise_ratio: float | None  # the face's noise level / the rest's
    compared: bool  # False: the face is too small to compare
    differs: tuple[str, ...]  # "grid_offset", "grid_strength": what differs from the rest

    def as_details(self) -> dict[str, Any]:
        d = self.face.as_details()
        d["noise_ratio"] = self.noise_ratio
        d["compared"] = self.compared
        d["differs"] = list(self.differs)
        return d


def grid_differences(face: RegionStats, rest: RegionStats) -> tuple[str, ...]:
    """Which grid statistics of ``face`` differ from ``rest``'s (empty when either has no grid value)."""
    if not (face.grid_offset and face.grid_strength and rest.grid_offset and rest.grid_strength):
        return ()
    out: list[str] = []
    for axis in (0, 1):
        fs, rs = face.grid_strength[axis], rest.grid_strength[axis]
        if fs >= GRID_CLEAR and rs >= GRID_SOME and face.grid_offset[axis] != rest.grid_offset[axis]:
            out.append("grid_offset")
        if (fs >= GRID_CLEAR and rs < GRID_FAINT) or (rs >= GRID_CLEAR and fs < GRID_FAINT):
            out.append("grid_strength")
    return tuple(dict.fromkeys(out))


def compare(face: RegionStats, rest: RegionStats) -> FaceComparison:
    """``face`` beside ``rest`` (the picture without any face)."""
    ratio = None
    if face.noise is not None and rest.noise:
        ratio = round(face.noise / rest.noise, 3)
    box = face.box
    compared = box is not None and min(box[2] - box[0], box[3] - box[1]) >= MIN_COMPARED_SIDE
    return FaceComparison(face, ratio, compared, grid_differences(face, rest) if compared else ())
