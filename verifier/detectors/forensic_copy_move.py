"""Forensic indicator ``forensic.copy_move``: a region repeated elsewhere in the same picture."""

from __future__ import annotations

from ..adapters.opencv_image import IMAGE_TYPES, PILLOW_DECODED
from ..evidence import Indicator, MediaFile
from ..forensics import copy_move
from .base import Context, Findings
from .pixels import load_pixels

STILLS = (IMAGE_TYPES | PILLOW_DECODED) - {"image/gif"}


class CopyMoveDetector:
    name = "copy_move"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in STILLS

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        found = copy_move.find(load_pixels(media))
        if found is None:
            return Findings()
        return Findings(indicators=(Indicator(
            "forensic.copy_move", self.name, "a region of the picture repeats elsewhere in it",
            {"boxes": [list(b) for b in found.boxes], "inliers": found.inliers, "shift": list(found.shift),
             "scale": found.scale, "rotation_deg": found.rotation_deg}),))
