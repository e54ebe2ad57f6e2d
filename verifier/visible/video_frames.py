"""Sample frames from a video, streaming, with bounded memory.

OpenCV's ``VideoCapture`` opens the path itself, read-only (FFmpeg's file protocol), and never
writes beside it. Frames come one at a time: the first ``LEAD_SECONDS`` (GB 45438 §5: a video
label shows for at least 2 s at the start) at a few instants, then an even sample through the
clip (by default its middle and its end: GB 45438 §5 asks for the label at the start and allows
it at the end and in the middle). Nothing keeps more than one decoded frame alive.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..adapters import audio_decode

log = logging.getLogger(__name__)

LEAD_SECONDS = 2.0
LEAD_SAMPLES = 3  # instants within the first 2 s
THROUGH_SAMPLES = 2  # after the start: the middle and the end of the clip
END_MARGIN_SECONDS = 0.5  # the last instant looked at, before the end (frame counts are estimates)
MAX_FRAME_PIXELS = 8192 * 8192

# FourCCs of codecs that keep pixels exactly (where a dwtDct watermark could survive).
LOSSLESS_FOURCC = frozenset({"FFV1", "PNG", "MPNG", "HFYU", "FFVH", "ULRG", "ULY0", "ULY2", "ULY4",
                             "UQRG", "LAGS", "RGBA", "BGRA", "RGB", "RAW", ""})


@dataclass(frozen=True, slots=True)
class VideoInfo:
    fps: float
    frames: int
    width: int
    height: int
    fourcc: str

    @property
    def duration(self) -> float:
        return self.frames / self.fps if self.fps > 0 and self.frames > 0 else 0.0

    @property
    def lossless(self) -> bool:
        return self.fourcc.strip("\x00 ").upper() in LOSSLESS_FOURCC


@dataclass(frozen=True, slots=True)
class Frame:
    index: int
    seconds: float
    bgr: np.ndarray


class VideoUnreadable(ValueError):
    def __init__(self, message: str, reason: str = "video_unreadable") -> None:
        super().__init__(message)
        self.reason = reason  # its code (verifier.describe: "reason.<code>")


def _open(path: Path | str) -> Any:
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")  # FFmpeg's own stderr chatter: quiet
    import cv2

    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    if not cap.isOpened():
        cap.release()
        raise VideoUnreadable("OpenCV could not open this video (unsupported codec or container)")
    return cap


def _info(cap: Any) -> VideoInfo:
    import cv2

    code = int(cap.get(cv2.CAP_PROP_FOURCC)) & 0xFFFFFFFF
    fourcc = "".join(chr((code >> (8 * i)) & 0xFF) for i in range(4))
    return VideoInfo(
        fps=float(cap.get(cv2.CAP_PROP_FPS) or 0.0),
        frames=int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0),
        width=int(cap.get(cv2.CAP_PROP_FRAME_WIDTH) or 0),
        height=int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0),
        fourcc=fourcc,
    )


def probe(path: Path | str) -> VideoInfo:
    cap = _open(path)
    try:
        info = _info(cap)
    finally:
        cap.release()
    if info.frames <= 0 or info.width <= 0:
        raise VideoUnreadable("the video declares no frames (an init segment or an audio-only file)", "no_frames")
    return info


def plan(info: VideoInfo, lead: int = LEAD_SAMPLES, through: int = THROUGH_SAMPLES) -> list[int]:
    """Frame indices to look at, ascending and distinct: ``lead`` instants in the first 2 s, then
    ``through`` instants spread evenly after them, the last one half a second before the end (with
    two: the middle of the rest of the clip, and its end — the places GB 45438 §5 allows besides
    the start)."""
    fps = info.fps if info.fps > 0 else 25.0
    total = info.frames if info.frames > 0 else int(fps * LEAD_SECONDS)
    lead_end = min(total, int(fps * LEAD_SECONDS))
    picks = {int(i * lead_end / lead) for i in range(lead)} if lead_end > 0 else {0}
    last = max(lead_end, total - 1 - int(fps * END_MARGIN_SECONDS))
    if total > lead_end and through > 0:
        step = (last - lead_end) / through
        picks.update(int(round(lead_end + step * (k + 1))) for k in range(through))
    return sorted(p for p in picks if 0 <= p < max(total, 1))


def seek_pays(keyframes: tuple[float, ...] | None, target: int, pos: int, fps: float) -> bool:
    """Whether seeking to frame ``target`` decodes fewer frames than reading on from ``pos``.

    A seek decodes from the last keyframe at or before its target; reading on decodes every
    frame from ``pos``. Backwards always seeks. Without the container's keyframe index
    (``keyframes`` None), a target far ahead is sought. With it, a seek pays only when a keyframe
    lies after ``pos``: AI clips are often one group of pictures long (Veo: keyframes at 0 and
    7.9 s of 8 s), where each seek to the middle or the end decoded the clip from its start again.
    """
    if target < pos or keyframes is None:
        return True
    last = max((k for k in keyframes if round(k * fps) <= target), default=0.0)
    return round(last * fps) > pos


def frames(path: Path | str, lead: int = LEAD_SAMPLES, through: int = THROUGH_SAMPLES,
           info: VideoInfo | None = None) -> Iterator[Frame]:
    """Yield the planned frames one at a time (sequential read near the start; later, a seek
where it decodes fewer frames than reading on, :func:`seek_pays`)."""
    import cv2

    cap = _open(path)
    try:
        info = info or _info(cap)
        if info.width * info.height > MAX_FRAME_PIXELS:
            raise VideoUnreadable(f"frames of {info.width} x {info.height} are too large to check")
        fps = info.fps if info.fps > 0 else 25.0
        pos = 0
        keyframes: tuple[float, ...] | None = None
        looked_up = False
        for target in plan(info, lead, through):
            if target < pos or target - pos > 2 * fps:
                if not looked_up:  # only for clips that need a seek (short ones never do)
                    keyframes, looked_up = audio_decode.video_keyframes(Path(path)), True
                if seek_pays(keyframes, target, pos, fps):
                    cap.set(cv2.CAP_PROP_POS_FRAMES, target)
                    pos = target
            while pos < target:
                if not cap.grab():
                    return
                pos += 1
            ok, img = cap.read()
            if not ok or img is None:
                return
            yield Frame(target, target / fps, img)
            pos += 1
    finally:
        cap.release()
