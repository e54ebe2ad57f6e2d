"""Visible AI labels in pixels: OCR of edge/corner strips, and the Gemini sparkle logo.

Images: the cheap sparkle match always runs; OCR (the slowest check of the project) reads the
bottom, top, left and right strips first, then the rows around any line that held half a label
(one element, or a line cut by the strip's border); a small image is read whole. Lines are found
on a copy scaled to 512 px on the shortest side and read from the full-resolution pixels; a region
too flat (:mod:`verifier.visible.contrast`) or with too little sharp detail
(:mod:`verifier.visible.textlike`) to hold a legible label is not given to OCR. With OCR
switched off in the settings (``Config.ocr = False``) the detector still reports the sparkle
check and says in its facts that text was not read. Videos: three frames from the first 2 s,
one from the middle and one from the end, streamed one at a time, each read on its bottom and top
bands only, whatever the frame size (they span all four corners; this halves the OCR time).
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..adapters import opencv_image
from ..evidence import Attachment, Basis, Claim, Confidence, MediaFile, Signal
from ..visible import contrast, ocr_rules, sparkle, strips, textlike, video_frames
from .base import Context, DetectorFailure, Findings, NotApplicable
from .pixels import load_pixels
from .spec import Details, DetectorSpec, SignalKind, Words, detail

log = logging.getLogger(__name__)

RULE_SHARE = 0.05  # GB 45438 §5: glyph height >= 5 % of the shortest side
# Text lines are *found* on a copy whose shortest side is this many pixels (never upscaled) and
# *read* at full resolution. Rendered labels at 2-8 % of the shortest side are all found at 512
# (benchmarks/calibrate_ocr.py); the cost of finding falls with the square of the scale.
DET_SHORT = 512
# A "line" that fills a top or bottom strip from its outer to its inner border is texture (foliage,
# fabric, water), not a label cut by the border: label lines are 1.5-8 % of the shortest side
# (GB 45438 asks >= 5 %), the strip is 20 %. Such a box is not followed into the rows around it.
FILLED_SHARE = 0.9
CROP_PAD = 8
VIDEO_SIDES = ("bottom", "top")  # video labels sit in corners: both bands span them; half the OCR


@dataclass(frozen=True, slots=True)
class Found:
    """One label in image pixels (a text line or the sparkle)."""

    kind: str  # "text" | "logo"
    box: tuple[int, int, int, int]
    glyph_height: int
    details: dict[str, object]
    claim: Claim
    confidence: Confidence


@dataclass(frozen=True, slots=True)
class VisibleLabelDetails(Details):
    text: str = detail("Text read", "识别出的文字")
    ocr_score: float = detail("Recognition score", "识别置信度", technical=True)
    ai_element: bool = detail("AI element", "“AI”要素", technical=True)
    generation_element: bool = detail("Generation element", "“生成”要素", technical=True)
    meets_text_rule: bool = detail("Has an AI and a generation element", "同时含有“AI”要素和“生成”要素")
    vendor_guess: str = detail("Vendor (a guess, not verified)", "厂商（推测，未经核实）")
    logo: str = detail("Logo", "标志")
    match_score: float = detail("Match score", "匹配分数", technical=True)
    placement: str = detail("Where in the file", "在文件中的位置")
    box: list[int] = detail("Box (pixels)", "位置框（像素）", technical=True)
    glyph_height_px: int = detail("Glyph height (pixels)", "字高（像素）", technical=True)
    relative_height: float = detail("Height relative to shortest side", "相对短边的高度")
    meets_5pct_rule: bool = detail("Meets the 5 % rule", "符合 5 % 规则")
    position: str = detail("Position", "位置")
    at_seconds: float = detail("At (seconds)", "时间点（秒）")


VISIBLE_LABEL = SignalKind("visible_label", Words("Visible AI label in the picture", "画面中的显式 AI 标识"), VisibleLabelDetails)


SPEC = DetectorSpec(
    name="visible_label",
    title=Words("Visible labels (text recognition)", "显式标识（文字识别）"),
    timeout=60.0,
    kinds=(VISIBLE_LABEL,),
    view="watermarks",
    pixel_work=True,
    doc="visible AI labels and logos in the picture (OCR, sparkle mark)",
)


class VisibleLabelDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return opencv_image.has_pixels(media.media_type)

    def prepare(self, ctx: Context) -> None:
        """OpenCV, and the OCR engine with its text detector when OCR is on (~0.25 s of CPU, paid once
        per worker; the recogniser, ~0.1 s more, loads when a first line is to be read)."""
        opencv_image.load_library()
        if ctx.config.ocr:
            from ..adapters import ocr

            ocr.engine()

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        if media.media_type in opencv_image.VIDEO_TYPES:
            return self._video(media, ctx)
        bgr = load_pixels(media)
        found, facts = examine(bgr, ctx.config.ocr, full_frame_fallback=True)
        return _findings(found, facts, bgr, self.name, None)

    def _video(self, media: MediaFile, ctx: Context) -> Findings:
        try:
            info = video_frames.probe(media.path)
        except video_frames.VideoUnreadable as exc:
            raise NotApplicable(str(exc)) from exc
        checked: list[float] = []
        facts: dict[str, object] = {}
        try:
            for frame in video_frames.frames(media.path, info=info):
                found, facts = examine(frame.bgr, ctx.config.ocr, full_frame_fallback=False,
                                       sides=VIDEO_SIDES)
                checked.append(round(frame.seconds, 2))
                if found:
                    facts.update(frames_checked=checked, codec=info.fourcc, duration_s=round(info.duration, 2))
                    return _findings(found, facts, frame.bgr, self.name, frame.seconds)
        except video_frames.VideoUnreadable as exc:
            raise NotApplicable(str(exc)) from exc
        if not checked:
            raise DetectorFailure("no frame could be decoded from this video")
        facts.update(frames_checked=checked, codec=info.fourcc, duration_s=round(info.duration, 2))
        return Findings(facts=facts)


def examine(bgr: np.ndarray, use_ocr: bool, full_frame_fallback: bool,
            sides: tuple[str, ...] = ("bottom", "top", "left", "right")) -> tuple[list[Found], dict[str, object]]:
    """Labels found in one frame, and what was looked at."""
    h, w = bgr.shape[:2]
    short = min(h, w)
    facts: dict[str, object] = {"width": w, "height": h}
    found: list[Found] = []
    t0 = time.perf_counter()
    sp = sparkle.find(bgr)
    facts["sparkle"] = None if sp is None else {
        "score": round(sp.score, 3), "disc_score": round(sp.disc_score, 3), "size": sp.size,
        "box": list(sp.box), "gemini_placement": sp.gemini_placement, "found": sp.found,
        "threshold": sparkle.THRESHOLD if sp.gemini_placement else sparkle.THRESHOLD_ELSEWHERE}
    facts["sparkle_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    if sp is not None and sp.found:
        exact = sp.gemini_placement
        found.append(Found(
            "logo", sp.box, sp.size,
            {"logo": "Google Gemini sparkle", "vendor_guess": "Google Gemini (guess from the logo)",
             "match_score": round(sp.score, 3),
             "placement": "as Gemini places it" if exact else "not at Gemini's usual place/size (crop or resize?)"},
            Claim.AI_GENERATED if exact else Claim.AI_POSSIBLE,
            Confidence.DETECTED if exact else Confidence.POSSIBLE))
    if not use_ocr:
        facts["ocr"] = "switched off in settings: text labels were not looked for"
        return found, facts
    t0 = time.perf_counter()
    regions = strips.edge_strips(w, h, sides, small_as_full=full_frame_fallback)
    scale = min(1.0, DET_SHORT / short) if short else 1.0
    slack = max(3, math.ceil(4 / scale))  # boxes found on a scaled copy are off by ~1/scale px
    read: list[str] = []
    flat: list[str] = []
    hints: list[tuple[int, int, int, int]] = []
    for region in regions:
        lines = _read(region, bgr, scale)
        if lines is None:
            flat.append(region.name)
            continue
        read.append(region.name)
        texts = _texts(lines, region, bgr, short)
        if texts:
            found.extend(texts)
            break
        for line in lines:
            box = _offset(line.bounds, region)
            cut = region.touches_inner_edge(box, w, h, slack) and not _fills_band(box, region)
            if ocr_rules.partial(line.text) or cut:
                hints.append(box)
    else:
        if full_frame_fallback and hints and regions[0].name != "full":
            for region in strips.around(hints, w, h):
                lines = _read(region, bgr, scale)
                if lines is None:
                    flat.append(region.name)
                    continue
                read.append(region.name)
                texts = _texts(lines, region, bgr, short)
                if texts:
                    found.extend(texts)
                    break
    facts["ocr"] = "read"
    facts["ocr_regions"] = read
    if flat:  # no contrast a legible label could have: the text detector was not run there
        facts["ocr_regions_flat"] = flat
    facts["ocr_detection_short_side"] = round(short * scale)
    facts["ocr_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    return found, facts


def _fills_band(box: tuple[int, int, int, int], region: strips.Region) -> bool:
    """A box as tall as the whole top/bottom strip it was found in (see FILLED_SHARE)."""
    return region.name in ("top", "bottom") and box[3] - box[1] >= FILLED_SHARE * (region.y1 - region.y0)


def _read(region: strips.Region, bgr: np.ndarray, scale: float) -> list | None:
    """OCR of one region (lines found on the copy at ``scale``, read at full resolution), or None
    when the region is too flat (:mod:`verifier.visible.contrast`) or has too little sharp detail
    (:mod:`verifier.visible.textlike`) to hold legible text: then the detector network is not run
    (nor, on a frame where no region can hold text, even loaded)."""
    from ..adapters import ocr

    crop = region.crop(bgr)
    if crop.size == 0 or min(crop.shape[:2]) < 8:
        return []  # as ocr.read_text: too small to hold a line
    small = contrast.scaled(crop, scale)
    if not (contrast.may_hold_text(small) and textlike.may_hold_text(small)):
        return None
    fx, fy = crop.shape[1] / small.shape[1], crop.shape[0] / small.shape[0]
    quads = [tuple((x * fx, y * fy) for x, y in q) for q in ocr.detect(small)]
    return ocr.recognise(crop, quads)


def _offset(b: tuple[int, int, int, int], r: strips.Region) -> tuple[int, int, int, int]:
    return b[0] + r.x0, b[1] + r.y0, b[2] + r.x0, b[3] + r.y0


def _texts(lines: list, region: strips.Region, bgr: np.ndarray, short: int) -> list[Found]:
    out = []
    for line in _with_neighbours(lines):
        label = ocr_rules.classify(line.text)
        if label is None:
            continue
        box = _offset(line.bounds, region)
        x0, y0, x1, y1 = box
        glyph = strips.glyph_height(bgr[max(0, y0): y1, max(0, x0): x1]) or (y1 - y0)
        details: dict[str, object] = {
            "text": label.text, "ocr_score": round(line.score, 3),
            "ai_element": label.ai_element, "generation_element": label.generation_element,
            "meets_text_rule": label.meets_text_rule,
        }
        if label.vendor:
            details["vendor_guess"] = f"{label.vendor} (guess from the visible mark)"
        out.append(Found("text", box, glyph, details, Claim.AI_GENERATED, Confidence.DETECTED))
    return out


def _with_neighbours(lines: list) -> list:
    """The lines, plus each pair of lines side by side on one row joined (a label split in two).

    Only lines that are not a label on their own are joined, so one label is reported once.
    """
    from ..adapters.ocr import TextLine

    out = list(lines)
    alone = [x for x in lines if ocr_rules.classify(x.text) is None]
    for a in alone:
        for b in alone:
            if a is b:
                continue
            ax0, ay0, ax1, ay1 = a.bounds
            bx0, by0, bx1, by1 = b.bounds
            overlap = min(ay1, by1) - max(ay0, by0)
            gap = bx0 - ax1
            if overlap > 0.5 * min(ay1 - ay0, by1 - by0) and 0 <= gap < 2 * (ay1 - ay0):
                pts = ((ax0, min(ay0, by0)), (bx1, min(ay0, by0)), (bx1, max(ay1, by1)), (ax0, max(ay1, by1)))
                out.append(TextLine(f"{a.text} {b.text}", min(a.score, b.score), pts))
    return out


def _findings(found: list[Found], facts: dict[str, object], bgr: np.ndarray, detector: str,
              at_seconds: float | None) -> Findings:
    h, w = bgr.shape[:2]
    short = min(h, w)
    signals, attachments = [], []
    for i, f in enumerate(found):
        rel = f.glyph_height / short if short else 0.0
        details = dict(f.details)
        details.update(box=list(f.box), glyph_height_px=f.glyph_height, relative_height=round(rel, 4),
                       # the 5 % rule is about label text; a logo has no glyphs to measure
                       meets_5pct_rule=(rel >= RULE_SHARE) if f.kind == "text" else None,
                       position=_position(f.box, w, h))
        if at_seconds is not None:
            details["at_seconds"] = round(at_seconds, 2)
        what = details.get("text") or details.get("logo")
        summary = (f"visible AI label {what!r} ({rel:.1%} of the shortest side)" if f.kind == "text"
                   else f"{what} logo (match {details['match_score']})")
        signals.append(Signal(VISIBLE_LABEL.id, detector, summary, f.claim, Basis.VISIBLE, f.confidence,
                              VISIBLE_LABEL.make(**details)))
        x0, y0, x1, y1 = f.box
        crop = bgr[max(0, y0 - CROP_PAD): min(h, y1 + CROP_PAD), max(0, x0 - CROP_PAD): min(w, x1 + CROP_PAD)]
        if crop.size:
            attachments.append(Attachment(f"visible_label_{i + 1}.png", "image/png",
                                          opencv_image.encode_png(crop), f"crop of {what!r}"))
    return Findings(signals=tuple(signals), facts=facts, attachments=tuple(attachments))


def _position(box: tuple[int, int, int, int], w: int, h: int) -> str:
    cx, cy = (box[0] + box[2]) / 2 / max(w, 1), (box[1] + box[3]) / 2 / max(h, 1)
    vert = "top" if cy < 1 / 3 else "bottom" if cy > 2 / 3 else "middle"
    horiz = "left" if cx < 1 / 3 else "right" if cx > 2 / 3 else "centre"
    return f"{vert}-{horiz}"
