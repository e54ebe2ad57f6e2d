"""Sample frames from a video, streaming, with bounded memory.

H.264 frames are decoded by PyAV (:class:`audio_decode.VideoFrameReader`, the file opened
read-only), the rest by OpenCV's ``VideoCapture``, which opens the path itself, read-only (FFmpeg's
file protocol); neither writes beside it. Both give the same pixels. Frames come one at a time: the first ``LEAD_SECONDS`` (GB 45438 §5: a video
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
# A middle or end instant is read at a keyframe this close instead (never earlier for the end, never
# inside the 2 s lead): one picture decoded instead of the run from the keyframe before it.
KEYFRAME_SNAP_SECONDS = 0.5

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
    where it decodes fewer frames than reading on, :func:`seek_pays`).

    H.264 is read by :class:`audio_decode.VideoFrameReader`, which does not decode the frames passed
    on the way that no other frame refers to (same pixels, about half the decoding); what it
    declines (other codecs, rotated streams) is read by OpenCV, from the first frame not yet given.
    """
    cap = None
    if info is None:
        cap = _open(path)
        info = _info(cap)
    try:
        if info.width * info.height > MAX_FRAME_PIXELS:
            raise VideoUnreadable(f"frames of {info.width} x {info.height} are too large to check")
        targets = plan(info, lead, through)
        given = 0
        try:
            for frame in _frames_av(Path(path), targets, info):
                given += 1
                yield frame
            return
        except audio_decode.VideoPathDeclined as exc:
            log.debug("frames of %s read by OpenCV: %s", path, exc)
        cap = cap or _open(path)  # OpenCV opens only what PyAV declined
        yield from _frames_cv(cap, Path(path), targets[given:], info)
    finally:
        if cap is not None:
            cap.release()


def _fps(info: VideoInfo) -> float:
    return info.fps if info.fps > 0 else 25.0


def _frames_av(path: Path, targets: list[int], info: VideoInfo) -> Iterator[Frame]:
    fps = _fps(info)
    total = info.frames if info.frames > 0 else int(fps * LEAD_SECONDS)
    lead_end = min(total, int(fps * LEAD_SECONDS))
    with audio_decode.VideoFrameReader(path, fps) as reader:
        pos = 0
        keyframes: tuple[float, ...] | None = None
        looked_up = False
        for n, target in enumerate(targets):
            if not looked_up and (target >= lead_end or target < pos or target - pos > 2 * fps):
                keyframes, looked_up = reader.keyframes(), True  # not for short clips
            if target >= lead_end:
                following = targets[n + 1] if n + 1 < len(targets) else None
                near = snap_window(target, following, max(lead_end, pos), total, fps)
                at = nearest_keyframe(keyframes, target, near, fps)
                got = reader.keyframe(at, *near) if at is not None else None
                if got is not None:
                    yield Frame(got[0], got[0] / fps, _checked(got[1], info))
                    pos = got[0] + 1
                    continue
            if target < pos or target - pos > 2 * fps:
                if seek_pays(keyframes, target, pos, fps):
                    reader.seek(target)
            img = reader.frame(target)
            if img is None:
                return
            yield Frame(target, target / fps, _checked(img, info))
            pos = target + 1


def _checked(img: np.ndarray, info: VideoInfo) -> np.ndarray:
    if img.shape[:2] != (info.height, info.width):
        raise audio_decode.VideoPathDeclined("frames of another size than OpenCV states")
    return img


def snap_window(target: int, following: int | None, first_free: int, total: int,
                fps: float) -> tuple[int, int]:
    """Frames a keyframe may stand in for ``target`` from: within KEYFRAME_SNAP_SECONDS, not before
    ``first_free`` (the 2 s lead, frames already given), not at or past the ``following`` target
    (the order stays), for the end sample (``following`` None) not before it (the end is looked
    at no earlier than planned), and not past the last frame."""
    reach = int(KEYFRAME_SNAP_SECONDS * fps)
    lo = max(first_free, target - reach if following is not None else target)
    hi = min(total - 1, target + reach, following - 1 if following is not None else total - 1)
    return lo, hi


def nearest_keyframe(keyframes: tuple[float, ...] | None, target: int, window: tuple[int, int],
                     fps: float) -> int | None:
    """The keyframe of the container's index nearest ``target`` within ``window`` (frame indices)."""
    inside = [round(k * fps) for k in keyframes or () if window[0] <= round(k * fps) <= window[1]]
    return min(inside, key=lambda k: (abs(k - target), k)) if inside else None


def _frames_cv(cap: Any, path: Path, targets: list[int], info: VideoInfo) -> Iterator[Frame]:
    import cv2

    fps = _fps(info)
    pos = 0
    keyframes: tuple[float, ...] | None = None
    looked_up = False
    for target in targets:
        if target < pos or target - pos > 2 * fps:
            if not looked_up:  # only for clips that need a seek (short ones never do)
                keyframes, looked_up = audio_decode.video_keyframes(path), True
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
