"""Forensic indicator ``forensic.double_jpeg`` and the JPEG quantisation tables as facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..adapters import opencv_image, pillow_picture
from ..evidence import Indicator, MediaFile
from ..forensics import double_jpeg, jpeg_tables
from .base import Context, DetectorFailure, Findings, NotApplicable

if TYPE_CHECKING:
    import numpy as np

JPEG = frozenset({"image/jpeg"})


class DoubleJpegDetector:
    name = "double_jpeg"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in JPEG

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        data = read(media)
        try:
            tables = pillow_picture.quantization(data)
        except opencv_image.ImageCorrupt as exc:
            raise NotApplicable(str(exc)) from exc
        facts_tables = jpeg_tables.describe(tables)
        luma = jpeg_tables.luma_table(tables)
        if facts_tables is None or luma is None:
            raise DetectorFailure("the JPEG has no usable quantisation table")
        facts: dict[str, object] = {"quantisation": facts_tables.as_details()}
        result = double_jpeg.analyse(decode_luma(data), luma)
        if result is None:
            facts["double_compression"] = "not measurable (picture too small or too flat)"
            return Findings(facts=facts)
        facts["double_compression"] = {"score": result.score, "positions": result.positions, "votes": result.votes}
        if not result.detected:
            return Findings(facts=facts)
        details: dict[str, object] = {"score": result.score, "positions": result.positions, "votes": result.votes,
                                      "current_quality": facts_tables.quality}
        if result.primary_quality is not None:
            details["primary_quality"] = result.primary_quality
        return Findings(facts=facts, indicators=(Indicator(
            "forensic.double_jpeg", self.name,
            "traces of JPEG compression applied at least twice (an edit-and-resave trace)", details),))


def read(media: MediaFile) -> bytes:
    try:
        return opencv_image.read_bytes(media.path)
    except opencv_image.ImageTooLarge as exc:
        raise DetectorFailure(str(exc)) from exc


def decode_luma(data: bytes) -> np.ndarray:
    try:
        return pillow_picture.luma(data)
    except (opencv_image.ImageCorrupt, opencv_image.ImageTooLarge) as exc:
        raise DetectorFailure(str(exc)) from exc
