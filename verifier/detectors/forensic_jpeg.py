"""Forensic indicator ``forensic.double_jpeg`` and the JPEG quantisation tables as facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..adapters import opencv_image, pillow_picture
from ..evidence import Indicator, MediaFile
from ..forensics import double_jpeg, jpeg_tables
from .base import Context, DetectorFailure, Findings, NotApplicable
from .spec import Details, DetectorSpec, SignalKind, Words, detail

if TYPE_CHECKING:
    import numpy as np

JPEG = frozenset({"image/jpeg"})


@dataclass(frozen=True, slots=True)
class ForensicDoubleJpegDetails(Details):
    score: float = detail("Score", "分数", technical=True)
    positions: list[int] = detail("Positions", "位置", technical=True)
    votes: list[Any] = detail("Votes", "票数", technical=True)
    current_quality: int = detail("Current JPEG quality", "当前 JPEG 质量")
    primary_quality: int = detail("First JPEG quality (estimate)", "首次 JPEG 质量（估计）")


DOUBLE_JPEG = SignalKind("forensic.double_jpeg", Words("Compressed as JPEG at least twice", "至少经过两次 JPEG 压缩"), ForensicDoubleJpegDetails)


SPEC = DetectorSpec(
    name="double_jpeg",
    title=Words("Double JPEG compression", "JPEG 二次压缩"),
    timeout=30.0,
    kinds=(DOUBLE_JPEG,),
    view="indicators",
    advisory=True,
    pixel_work=True,
    doc="traces of JPEG compression applied twice",
)


class DoubleJpegDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
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
            DOUBLE_JPEG.id, self.name,
            "traces of JPEG compression applied at least twice (an edit-and-resave trace)", DOUBLE_JPEG.make(**details)),))


def read(media: MediaFile) -> bytes:
    try:
        return opencv_image.read_bytes(media.path)
    except opencv_image.ImageTooLarge as exc:
        raise DetectorFailure(str(exc)) from exc


def decode_luma(data: bytes, min_side: int = 0) -> np.ndarray:
    """The JPEG's luma plane (``min_side``: see :func:`pillow_picture.luma`); a failure is the check's."""
    try:
        return pillow_picture.luma(data, min_side)
    except (opencv_image.ImageCorrupt, opencv_image.ImageTooLarge) as exc:
        raise DetectorFailure(str(exc)) from exc
