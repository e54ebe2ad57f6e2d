"""Forensic indicator ``forensic.thumbnail_mismatch``: the EXIF thumbnail shows another picture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..adapters import opencv_image, pillow_picture
from ..evidence import Indicator, MediaFile
from ..forensics import thumbnail
from .base import Context, DetectorFailure, Findings, NotApplicable
from .forensic_jpeg import JPEG, decode_luma, read
from .spec import Details, DetectorSpec, SignalKind, Words, detail


@dataclass(frozen=True, slots=True)
class ForensicThumbnailMismatchDetails(Details):
    difference: float = detail("Difference", "差异")
    thumbnail_size: list[int] = detail("Thumbnail size", "缩略图尺寸", technical=True)


THUMBNAIL_MISMATCH = SignalKind("forensic.thumbnail_mismatch", Words("The embedded thumbnail shows another picture", "内嵌缩略图显示的是另一幅画面"), ForensicThumbnailMismatchDetails)


SPEC = DetectorSpec(
    name="thumbnail",
    title=Words("EXIF thumbnail comparison", "EXIF 缩略图比对"),
    timeout=20.0,
    kinds=(THUMBNAIL_MISMATCH,),
    view="indicators",
    advisory=True,
    pixel_work=True,
    doc="EXIF thumbnail compared with the picture",
)


class ThumbnailDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in JPEG

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        data = read(media)
        try:
            thumb = pillow_picture.exif_thumbnail(data)
        except opencv_image.ImageCorrupt as exc:
            raise NotApplicable(str(exc)) from exc
        if thumb is None:
            return Findings(facts={"exif_thumbnail": False})
        try:
            thumb_luma = pillow_picture.luma(thumb)
        except (opencv_image.ImageCorrupt, opencv_image.ImageTooLarge):
            return Findings(facts={"exif_thumbnail": True, "comparison": "the thumbnail could not be decoded"})
        result = thumbnail.compare(decode_luma(data, thumbnail.MAIN_MIN_SIDE), thumb_luma)
        if result is None:
            return Findings(facts={"exif_thumbnail": True, "comparison": "thumbnail too small or flat to compare"})
        facts = {"exif_thumbnail": True, "thumbnail_size": list(result.thumbnail_size),
                 "difference": result.difference}
        if not result.mismatch:
            return Findings(facts=facts)
        return Findings(facts=facts, indicators=(Indicator(
            THUMBNAIL_MISMATCH.id, self.name,
            "the embedded EXIF thumbnail shows a different or differently framed picture",
            THUMBNAIL_MISMATCH.make(difference=result.difference, thumbnail_size=list(result.thumbnail_size))),))


__all__ = ["DetectorFailure", "ThumbnailDetector"]
