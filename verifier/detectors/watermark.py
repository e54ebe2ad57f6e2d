"""Invisible AI watermarks in pixels: the invisible-watermark ``dwtDct`` payloads (LABELS.md §5).

Stable Diffusion 1.x/2.x, SDXL, FLUX reference code and InvokeAI embed a fixed payload with
this scheme. The mark is fragile (JPEG recompression removes it from most images, and any resize
or a crop that changes the width removes it): a miss proves nothing, which the facts say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import logging

from ..adapters import opencv_image
from ..evidence import Basis, Claim, Confidence, MediaFile, Signal
from ..visible import video_frames
from ..watermarks import dwtdct
from .base import Context, DetectorFailure, Findings, NotApplicable
from .pixels import load_pixels
from .spec import Details, DetectorSpec, SignalKind, Words, detail

log = logging.getLogger(__name__)

SCHEME = "invisible-watermark dwtDct"
VIDEO_FRAMES = 4
# Measured on 200 marked images of 512-2048 px (every payload and variant): found after JPEG
# recompression at quality 90 in 35 %, at 80 in 18 %, at 75 in 13 % (docs/WATERMARKS.md, "JPEG quality").
FRAGILITY = "dwtdct_fragile"  # a note code, worded by verifier.describe ("value.note.dwtdct_fragile")


@dataclass(frozen=True, slots=True)
class WatermarkInvisibleDetails(Details):
    scheme: str = detail("Scheme", "方案", technical=True)
    payload: str = detail("Payload", "载荷")
    embedder: str = detail("Embedded by", "嵌入者")
    variant: str = detail("Variant", "变体", technical=True)
    z_score: float = detail("z-score", "z 分数", technical=True)
    level: str = detail("Level", "级别")
    bit_agreement: float = detail("Bit agreement", "比特一致率", technical=True)
    at_seconds: float = detail("At (seconds)", "时间点（秒）")


WATERMARK_INVISIBLE = SignalKind("watermark.invisible", Words("Invisible AI watermark", "隐式 AI 水印"), WatermarkInvisibleDetails)


SPEC = DetectorSpec(
    name="watermark",
    title=Words("Invisible watermarks", "隐式水印"),
    timeout=30.0,
    kinds=(WATERMARK_INVISIBLE,),
    view="watermarks",
    pixel_work=True,
    doc="open invisible watermarks (DWT-DCT)",
)


class WatermarkDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return opencv_image.has_pixels(media.media_type)

    def prepare(self, ctx: Context) -> None:
        opencv_image.load_library()

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        if media.media_type in opencv_image.VIDEO_TYPES:
            return self._video(media)
        bgr = load_pixels(media, stored=True)  # the mark sits in the stored pixels, not the rotated view
        h, w = bgr.shape[:2]
        if h * w < dwtdct.MIN_PIXELS:
            raise NotApplicable(f"{w} x {h} is smaller than the 256 x 256 the dwtDct scheme needs",
                                reason="too_small_for_dwtdct", width=w, height=h)
        scores = dwtdct.decode(bgr)
        facts = _facts(scores, w, h)
        return Findings(signals=_signals(scores[0], self.name, None), facts=facts)

    def _video(self, media: MediaFile) -> Findings:
        try:
            info = video_frames.probe(media.path)
        except video_frames.VideoUnreadable as exc:
            raise NotApplicable(str(exc)) from exc
        if not info.lossless:
            raise NotApplicable(
                f"lossy video codec ({info.fourcc.strip() or 'unknown'}): a dwtDct watermark does not "
                "survive it, so frames were not checked", reason="lossy_video", codec=info.fourcc.strip() or "?")
        best: tuple[dwtdct.Score, float] | None = None
        checked = 0
        for frame in video_frames.frames(media.path, lead=2, through=VIDEO_FRAMES - 2, info=info):
            h, w = frame.bgr.shape[:2]
            if h * w < dwtdct.MIN_PIXELS:
                raise NotApplicable(f"{w} x {h} frames are smaller than the dwtDct scheme needs")
            top = dwtdct.decode(frame.bgr)[0]
            checked += 1
            if best is None or top.z > best[0].z:
                best = (top, frame.seconds)
        if best is None:
            raise DetectorFailure("no frame could be decoded from this video")
        facts = {"frames_checked": checked, "codec": info.fourcc, "best": _score_dict(best[0]),
                 "best_at_seconds": round(best[1], 2), "note": FRAGILITY}
        return Findings(signals=_signals(best[0], self.name, best[1]), facts=facts)


def _score_dict(s: dwtdct.Score) -> dict[str, object]:
    return {"payload": s.payload.name, "variant": s.variant.name, "z_score": round(s.z, 2),
            "bit_agreement": round(s.bit_agreement, 3), "bits": len(s.payload),
            "votes_per_bit": round(s.votes_per_bit, 1)}


def _facts(scores: list[dwtdct.Score], w: int, h: int) -> dict[str, object]:
    per_payload: dict[str, dict[str, object]] = {}
    for s in scores:  # best first: keep each payload's best variant
        per_payload.setdefault(s.payload.name, _score_dict(s))
    return {
        "scheme": SCHEME,
        "width": w,
        "height": h,
        "thresholds": {"detected": dwtdct.Z_DETECTED, "possible": dwtdct.Z_POSSIBLE},
        "payloads": list(per_payload.values()),
        "note": FRAGILITY,
    }


def _signals(best: dwtdct.Score, detector: str, at_seconds: float | None) -> tuple[Signal, ...]:
    level = best.level
    if level is None:
        return ()
    details: dict[str, object] = {
        "scheme": SCHEME,
        "payload": best.payload.name,
        "embedder": best.payload.label,
        "variant": best.variant.name,
        "z_score": round(best.z, 2),
        "level": level,
        "bit_agreement": round(best.bit_agreement, 3),
    }
    if at_seconds is not None:
        details["at_seconds"] = round(at_seconds, 2)
    details = WATERMARK_INVISIBLE.make(**details)
    if level == "detected":
        return (Signal(WATERMARK_INVISIBLE.id, detector,
                       f"invisible {best.payload.name} watermark detected (z = {best.z:.1f})",
                       Claim.AI_GENERATED, Basis.WATERMARK, Confidence.DETECTED, details),)
    return (Signal(WATERMARK_INVISIBLE.id, detector,
                   f"possible invisible {best.payload.name} watermark (z = {best.z:.1f}, below the "
                   f"{dwtdct.Z_DETECTED:g} detection threshold)",
                   Claim.AI_POSSIBLE, Basis.WATERMARK, Confidence.POSSIBLE, details),)
