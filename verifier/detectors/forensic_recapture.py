"""Forensic indicator ``forensic.recapture``: signs of a screenshot or a photo of a screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..adapters import opencv_image, pillow_picture
from ..evidence import Indicator, MediaFile
from ..forensics import recapture
from .base import Context, DetectorFailure, Findings, NotApplicable
from .forensic_copy_move import STILLS
from .pixels import load_pixels
from .spec import Details, DetectorSpec, SignalKind, Words, detail

BAND = 0.15  # share of the height read for a player's timecode, at the bottom and the top


@dataclass(frozen=True, slots=True)
class ForensicRecaptureDetails(Details):
    hints: list[Any] = detail("Hints", "线索")
    size: list[int] = detail("Size", "大小")
    tool: str = detail("Screenshot tool", "截屏工具")
    timecode: str = detail("Timecode read", "识别出的时间码")


RECAPTURE = SignalKind("forensic.recapture", Words("Signs of a screenshot or a photo of a screen", "存在截屏或翻拍屏幕的迹象"), ForensicRecaptureDetails)


SPEC = DetectorSpec(
    name="recapture",
    title=Words("Screenshot and screen recapture hints", "截屏与屏幕翻拍迹象"),
    timeout=60.0,
    kinds=(RECAPTURE,),
    view="indicators",
    advisory=True,
    pixel_work=True,
    doc="screenshot and photo-of-a-screen hints",
)


class RecaptureDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in STILLS

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        try:
            data = opencv_image.read_bytes(media.path)
            (w, h), camera, texts = pillow_picture.picture_facts(data)
        except opencv_image.ImageTooLarge as exc:
            raise DetectorFailure(str(exc)) from exc
        except opencv_image.ImageCorrupt as exc:
            raise NotApplicable(str(exc)) from exc
        first = recapture.assess(w, h, camera, texts)
        lines: list[str] = []
        ocr_state = "off"
        # OCR costs seconds: read a player's timecode only on a picture of a screen's size
        # (generated pictures, which have no camera facts either, rarely are) that records no
        # camera exposure (a camera's picture is not a screenshot: recapture.worth_reading_timecode).
        if ctx.config.ocr:
            if recapture.worth_reading_timecode(first, camera):
                lines, ocr_state = _player_text(media)
            elif "screen_size" in first.hints:
                ocr_state = "skipped: camera exposure"  # short: shown quoted as a value
        result = recapture.assess(w, h, camera, texts, lines)
        facts = {"hints": list(result.hints), "timecode_search": ocr_state}
        if not result.detected:
            return Findings(facts=facts)
        details: dict[str, object] = {"hints": list(result.hints), "size": list(result.size)}
        if result.tool:
            details["tool"] = result.tool
        if result.timecode:
            details["timecode"] = result.timecode
        return Findings(facts=facts, indicators=(Indicator(
            RECAPTURE.id, self.name, "signs of a screenshot or a photo of a screen", RECAPTURE.make(**details)),))


def _player_text(media: MediaFile) -> tuple[list[str], str]:
    """Text lines OCR reads in the bottom and top bands, and whether the search ran."""
    from ..adapters import ocr

    img = load_pixels(media)
    h = img.shape[0]
    band = max(16, int(h * BAND))
    try:
        lines = [t.text for part in (img[h - band:], img[:band]) for t in ocr.read_text(part)]
    except ocr.OcrUnavailable as exc:
        return [], f"not run: {exc}"
    return lines, "ran"
