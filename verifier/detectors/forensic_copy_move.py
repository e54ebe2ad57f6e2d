"""Forensic indicator ``forensic.copy_move``: a region repeated elsewhere in the same picture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..adapters.opencv_image import IMAGE_TYPES, PILLOW_DECODED
from ..evidence import Indicator, MediaFile
from ..forensics import copy_move
from .base import Context, Findings
from .pixels import load_pixels
from .spec import Details, DetectorSpec, SignalKind, Words, detail

STILLS = (IMAGE_TYPES | PILLOW_DECODED) - {"image/gif"}


@dataclass(frozen=True, slots=True)
class ForensicCopyMoveDetails(Details):
    boxes: list[list[int]] = detail("Boxes", "位置框")
    inliers: int = detail("Matching points", "匹配点", technical=True)
    shift: list[int] = detail("Shift (pixels)", "位移（像素）", technical=True)
    scale: float = detail("Scale", "缩放")
    rotation_deg: float = detail("Rotation (degrees)", "旋转（度）", technical=True)


COPY_MOVE = SignalKind("forensic.copy_move", Words("A region repeats elsewhere in the picture", "画面中某一区域在别处重复出现"), ForensicCopyMoveDetails)


SPEC = DetectorSpec(
    name="copy_move",
    title=Words("Copied regions (copy-move)", "区域复制（复制-移动）"),
    timeout=60.0,
    kinds=(COPY_MOVE,),
    view="indicators",
    advisory=True,
    deep=True,
    pixel_work=True,
    doc="regions copied within the picture",
)


class CopyMoveDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in STILLS

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        found = copy_move.find(load_pixels(media))
        if found is None:
            return Findings()
        return Findings(indicators=(Indicator(
            COPY_MOVE.id, self.name, "a region of the picture repeats elsewhere in it",
            COPY_MOVE.make(boxes=[list(b) for b in found.boxes], inliers=found.inliers, shift=list(found.shift),
                           scale=found.scale, rotation_deg=found.rotation_deg)),))
