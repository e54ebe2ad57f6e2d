"""Audio decoding for the detectors: bounded windows of mono PCM at a capped sample rate.

Two libraries sit behind this one module, both imported lazily:

* ``soundfile`` (libsndfile) for WAV/RF64, FLAC, Ogg (Vorbis/Opus) and MP3 (libsndfile >= 1.1);
* ``av`` (PyAV, whose wheels bundle FFmpeg) for audio tracks of MP4/M4A/MOV, Matroska/WebM, AVI,
  FLV, and as a fallback when libsndfile does not recognise an audio file. PyAV is optional: without
  it those containers raise :class:`BackendMissing`.

Only a few windows are ever decoded (the first and last ``window_s`` seconds and one around the
middle, or the whole clip when it is short), so a multi-GB file costs the same as a short one.
Everything is mixed down to mono ``float32`` and brought down to at most ``max_rate`` Hz.
PyAV also reads a video track's keyframe index for the frame sampler (:func:`video_keyframes`),
and its H.264 frames, without decoding the pictures no other refers to (:class:`VideoFrameReader`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..inputs import open_readonly

log = logging.getLogger(__name__)

SOUNDFILE_TYPES = frozenset({"audio/wav", "audio/x-wav", "audio/flac", "audio/ogg", "audio/mpeg"})
MAX_DURATION_S = 7 * 24 * 3600.0  # a longer stated duration is a placeholder or a lie: ignore it
MAX_CHANNELS = 64
BLOCK_FRAMES = 1 << 16
# When the clip is shorter than this many windows, it is decoded whole (still capped).
WHOLE_FACTOR = 3.0


class AudioDecodeError(Exception):
    """The audio could not be decoded (malformed, truncated or unsupported); message is for users."""

    reason = "audio_undecodable"  # its code (verifier.describe: "reason.audio_undecodable")


class NoAudio(AudioDecodeError):
    """The container holds no audio track."""

    reason = "no_audio"


class BackendMissing(AudioDecodeError):
    """The library needed for this container is not installed."""


@dataclass(frozen=True, slots=True)
class AudioWindow:
    label: str  # "start" | "middle" | "end" | "whole"
    start_s: float  # offset of samples[0] in the clip
    samples: np.ndarray  # mono float32 at DecodedAudio.rate


@dataclass(frozen=True, slots=True)
class DecodedAudio:
    backend: str  # "soundfile" | "av"
    codec: str
    native_rate: int
    channels: int
    rate: int  # the rate of every window's samples
    duration_s: float | None  # None when the container does not say
    windows: tuple[AudioWindow, ...]
    problems: tuple[str, ...] = ()  # windows that failed to decode (the others were analysed)

    def facts(self) -> dict[str, Any]:
        return {
            "decoder": self.backend,
            "codec": self.codec,
            "sample_rate": self.native_rate,
            "channels": self.channels,
            "analysis_rate": self.rate,
            "duration_s": None if self.duration_s is None else round(self.duration_s, 3),
            "windows": [
                {"position": w.label, "start_s": round(w.start_s, 3),
                 "length_s": round(len(w.samples) / self.rate, 3)}
                for w in self.windows
            ],
            "problems": list(self.problems),
        }


def av_available() -> bool:
    try:
        import av  # noqa: F401
    except ImportError:
        return False
    return True


def plan_windows(duration_s: float | None, window_s: float) -> list[tuple[str, float, float]]:
    """(label, start, length) of the windows to decode for a clip of ``duration_s`` seconds."""
    if duration_s is None:
        return [("start", 0.0, window_s)]
    if duration_s <= WHOLE_FACTOR * window_s:
        return [("whole", 0.0, duration_s)]
    mid = max(0.0, duration_s / 2 - window_s / 2)
    return [("start", 0.0, window_s), ("middle", mid, window_s),
            ("end", max(0.0, duration_s - window_s), window_s)]


def decode_windows(path: Path, media_type: str, *, window_s: float = 10.0,
                   max_rate: int = 16000) -> DecodedAudio:
    """Decode the analysis windows of ``path`` (sniffed ``media_type``).

    libsndfile reads the plain audio formats; PyAV reads the other containers and gets a second
    try when libsndfile fails (its error is kept in the message if both fail).
    """
    errors: list[str] = []
    if media_type in SOUNDFILE_TYPES:
        try:
            return _checked(_decode_soundfile(path, window_s, max_rate))
        except NoAudio:
            raise
        except AudioDecodeError as exc:
            errors.append(f"libsndfile: {exc}")
    if not av_available():
        if errors:
            raise AudioDecodeError(errors[0])
        raise BackendMissing("decoding audio in this container needs PyAV (the 'av' package), "
                             "which is not installed")
    try:
        return _checked(_decode_av(path, window_s, max_rate))
    except NoAudio:
        raise  # FFmpeg opened the file and found nothing to decode (e.g. a header-only stream)
    except AudioDecodeError as exc:
        errors.append(f"FFmpeg: {exc}")
        raise AudioDecodeError("; ".join(errors)) from exc


def _checked(decoded: DecodedAudio) -> DecodedAudio:
    if not any(len(w.samples) for w in decoded.windows):
        raise NoAudio("the file holds no audio samples")
    return decoded


# --------------------------------------------------------------------------- resampling


def to_rate(x: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Band-limit and resample ``x`` from ``rate`` to ``target`` (<= rate) in the frequency domain."""
    if rate <= target or len(x) < 2:
        return x.astype(np.float32, copy=False)
    n_out = max(1, int(round(len(x) * target / rate)))
    spec = np.fft.rfft(x.astype(np.float64))
    out = np.fft.irfft(spec[: n_out // 2 + 1], n_out) * (n_out / len(x))
    return out.astype(np.float32)


def analysis_rate(native: int, max_rate: int) -> int:
    return int(min(native, max_rate))


# --------------------------------------------------------------------------- soundfile


def _decode_soundfile(path: Path, window_s: float, max_rate: int) -> DecodedAudio:
    import soundfile as sf

    with open_readonly(path) as fh:
        try:
            snd = sf.SoundFile(fh)
        except sf.LibsndfileError as exc:
            raise AudioDecodeError(f"the audio stream could not be opened: {_sf_message(exc)}") from exc
        except (RuntimeError, TypeError, ValueError) as exc:
            raise AudioDecodeError(f"the audio stream could not be opened: {exc}") from exc
        with snd:
            native, channels = int(snd.samplerate), int(snd.channels)
            _check_stream(native, channels)
            rate = analysis_rate(native, max_rate)
            frames = int(snd.frames) if snd.frames and snd.frames > 0 else 0
            duration = frames / native if frames else None
            if duration is not None and duration > MAX_DURATION_S:
                duration = None  # e.g. FLAC "total samples unknown"
            windows, problems = [], []
            for label, start, length in plan_windows(duration, window_s):
                try:
                    if start > 0:
                        snd.seek(int(start * native))
                    pcm = _read_mono_sf(snd, int(length * native + 0.5))
                except (sf.LibsndfileError, RuntimeError) as exc:
                    problems.append(f"decoding failed at {start:.1f} s: {_sf_message(exc)}")
                    continue
                windows.append(AudioWindow(label, start, to_rate(pcm, native, rate)))
            if problems and not windows:
                raise AudioDecodeError(problems[0])
            codec = f"{snd.format}/{snd.subtype}"
    return DecodedAudio("soundfile", codec, native, channels, rate, duration, tuple(windows), tuple(problems))


def _sf_message(exc: BaseException) -> str:
    msg = " ".join(str(getattr(exc, "error_string", None) or exc).split())[:300]
    if "not a regular file" in msg:  # what libsndfile says of a stream it cannot parse
        return "not a readable audio stream"
    return msg


def _read_mono_sf(snd: Any, n: int) -> np.ndarray:
    out: list[np.ndarray] = []
    left = n
    while left > 0:
        block = snd.read(min(BLOCK_FRAMES, left), dtype="float32", always_2d=True)
        if len(block) == 0:
            break
        out.append(block.mean(axis=1, dtype=np.float32))
        left -= len(block)
    return np.concatenate(out) if out else np.zeros(0, np.float32)


def _check_stream(native: int, channels: int) -> None:
    if not 1000 <= native <= 768_000:
        raise AudioDecodeError(f"implausible sample rate {native} Hz in the header")
    if not 1 <= channels <= MAX_CHANNELS:
        raise AudioDecodeError(f"implausible channel count {channels} in the header")


# --------------------------------------------------------------------------- PyAV


def _decode_av(path: Path, window_s: float, max_rate: int) -> DecodedAudio:
    import av

    with open_readonly(path) as fh:
        try:
            container = av.open(fh, mode="r")
        except (av.FFmpegError, ValueError, OSError) as exc:
            raise AudioDecodeError(f"the container could not be opened: {_av_message(exc)}") from exc
        with container:
            streams = list(container.streams.audio)
            if not streams:
                raise NoAudio("the file has no audio track")
            stream = streams[0]
            ctx = stream.codec_context
            native = int(ctx.sample_rate or stream.rate or 0)
            channels = int(ctx.channels or 0) or 1
            _check_stream(native, channels)
            rate = analysis_rate(native, max_rate)
            duration = _av_duration(container, stream)
            windows, problems = [], []
            for label, start, length in plan_windows(duration, window_s):
                try:
                    pcm = _read_av_window(container, stream, start, length, rate)
                except (av.FFmpegError, OSError, ValueError) as exc:
                    problems.append(f"decoding failed at {start:.1f} s: {_av_message(exc)}")
                    continue
                windows.append(AudioWindow(label, start, pcm))
            if problems and not windows:
                raise AudioDecodeError(problems[0])
            codec = str(ctx.name)
    return DecodedAudio("av", codec, native, channels, rate, duration, tuple(windows), tuple(problems))


def _av_message(exc: BaseException) -> str:
    msg = getattr(exc, "strerror", None) or str(exc)
    return " ".join(str(msg).split())[:300]


def _av_duration(container: Any, stream: Any) -> float | None:
    duration = None
    if stream.duration is not None and stream.time_base is not None:
        duration = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        duration = float(container.duration) / 1_000_000
    if duration is None or not 0 < duration <= MAX_DURATION_S:
        return None
    return duration


def _read_av_window(container: Any, stream: Any, start: float, length: float, rate: int) -> np.ndarray:
    import av

    if start > 0 and stream.time_base is not None:
        container.seek(int(start / stream.time_base), stream=stream, backward=True, any_frame=False)
    resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
    out: list[np.ndarray] = []
    first_t: float | None = None
    need = int(length * rate + 0.5)
    got = 0
    for frame in container.decode(stream):
        t = float(frame.time) if frame.time is not None else None
        for rf in resampler.resample(frame):
            arr = rf.to_ndarray().reshape(-1).astype(np.float32, copy=False)
            if first_t is None:
                first_t = t if t is not None else start
                skip = int(max(0.0, start - first_t) * rate)
                arr = arr[skip:]
            out.append(arr)
            got += len(arr)
        if got >= need:
            break
    pcm = np.concatenate(out) if out else np.zeros(0, np.float32)
    return pcm[:need]


# --------------------------------------------------------------------------- video keyframes (PyAV)

MAX_INDEX_ENTRIES = 250_000  # ~2.3 h at 30 frames/s; a longer index is not walked


def video_keyframes(path: Path) -> tuple[float, ...] | None:
    """Seconds (from the first frame) of the keyframes of the first video track, read from the
    container's own index (MP4 ``stss``, Matroska cues): nothing is decoded. ``None`` when PyAV is
    missing, the file has no such index, or it cannot be opened. Lets a frame sampler decide whether
    a seek (which decodes from the keyframe before its target) costs less than reading on."""
    try:
        import av
    except ImportError:
        return None
    with open_readonly(path) as fh:
        try:
            container = av.open(fh, mode="r")
        except (av.FFmpegError, ValueError, OSError):
            return None
        with container:
            streams = list(container.streams.video)
            return _keyframe_times(streams[0]) if streams else None


def _keyframe_times(stream: Any) -> tuple[float, ...] | None:
    entries = getattr(stream, "index_entries", None)
    base = stream.time_base
    if not entries or base is None or len(entries) > MAX_INDEX_ENTRIES:
        return None
    first = entries[0].timestamp
    times = tuple(float((e.timestamp - first) * base) for e in entries if e.is_keyframe)
    return times or None


# --------------------------------------------------------------------------- video frames (PyAV)

# Codecs whose decoder FFmpeg lets skip non-reference pictures with pictures still bit-exact: in
# H.264 a picture with nal_ref_idc 0 is, by the standard, never used to predict another.
SKIP_NONREF_CODECS = frozenset({"h264"})


class VideoPathDeclined(Exception):
    """This video is not for the PyAV frame reader (codec, rotation, missing timestamps): the
    caller reads it another way."""


class VideoFrameReader:
    """Frames of the first video track by index, BGR ``uint8`` as OpenCV gives them (same FFmpeg
    conversion: bicubic, the same size; the index counts frames of ``fps`` from the stream start).

    Frames passed on the way to a wanted one are decoded only if another frame may refer to them:
    FFmpeg's ``skip_frame=NONREF`` drops H.264 non-reference pictures (about half of an AI clip's
    frames, its B-frames), which no other picture uses, so every wanted frame decodes to the same
    pixels. Declines (:class:`VideoPathDeclined`) codecs outside :data:`SKIP_NONREF_CODECS`, rotated
    streams (OpenCV turns those) and frames without a timestamp.
    """

    def __init__(self, path: Path, fps: float) -> None:
        try:
            import av
        except ImportError as exc:
            raise VideoPathDeclined("PyAV is not installed") from exc
        try:
            self._fh = open_readonly(path)
        except Exception as exc:  # noqa: BLE001 - OpenCV, the other way, says what is wrong
            raise VideoPathDeclined(str(exc)) from exc
        try:
            self._container = av.open(self._fh, mode="r")
            streams = list(self._container.streams.video)
            if not streams:
                raise VideoPathDeclined("no video track")
            self._stream = streams[0]
            ctx = self._stream.codec_context
            if str(ctx.name) not in SKIP_NONREF_CODECS or self._stream.time_base is None:
                raise VideoPathDeclined(f"codec {ctx.name}")
            ctx.thread_type = "NONE"  # one picture at a time: the skip setting applies per packet
            ctx.thread_count = 1
        except BaseException as exc:
            self.close()
            if isinstance(exc, VideoPathDeclined):
                raise
            if isinstance(exc, (av.FFmpegError, ValueError, OSError)):
                raise VideoPathDeclined(_av_message(exc)) from exc
            raise
        self._fps = fps
        self._base = float(self._stream.time_base)
        self._start = self._stream.start_time or 0
        self._packets: Any = None  # the demuxer, from the last seek (or the start)
        self._pending: list[Any] = []  # frames decoded but not yet looked at
        self.decoded = 0  # pictures decoded so far (the skipped ones are not)
        self._drained = False  # the decoder was emptied (after a keyframe read alone): seek first

    def close(self) -> None:
        container = getattr(self, "_container", None)
        if container is not None:
            container.close()
        self._fh.close()

    def __enter__(self) -> VideoFrameReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def keyframes(self) -> tuple[float, ...] | None:
        """As :func:`video_keyframes`, from this reader's own container (no second open)."""
        return _keyframe_times(self._stream)

    def index_of(self, pts: int | None) -> int:
        if pts is None:
            raise VideoPathDeclined("a frame without a timestamp")
        return int((pts - self._start) * self._base * self._fps + 0.5)

    def seek(self, index: int) -> None:
        """Go back to the keyframe at or before frame ``index``."""
        ts = self._start + int(index / self._fps / self._base)
        self._container.seek(ts, stream=self._stream, backward=True, any_frame=False)
        self._packets, self._pending, self._drained = None, [], False

    def keyframe(self, at: int, lo: int, hi: int) -> tuple[int, np.ndarray] | None:
        """The keyframe a seek to frame ``at`` lands on, decoded alone (a keyframe refers to no other
        picture, so its pixels are those of a full decode), with its index, if that index lies in
        ``lo..hi``; otherwise None. Reading on afterwards starts with a seek."""
        import av

        ctx = self._stream.codec_context
        self.seek(at)
        self._drained = True
        self._packets = None
        got: list[Any] = []
        try:
            ctx.skip_frame = "NONKEY"
            for packet in self._container.demux(self._stream):
                if packet.size == 0:
                    break
                if not packet.is_keyframe:
                    continue
                got = list(ctx.decode(packet)) + list(ctx.decode(None))  # empty the reorder buffer
                break
        except av.FFmpegError as exc:
            log.debug("PyAV could not decode the keyframe near frame %d: %s", at, _av_message(exc))
            return None
        finally:
            ctx.skip_frame = "DEFAULT"
        self.decoded += len(got)
        if not got:
            return None
        index = self.index_of(got[0].pts)
        return (index, self._bgr(got[0])) if lo <= index <= hi else None

    def frame(self, index: int) -> np.ndarray | None:
        """The first frame at or after ``index`` from the current position (None past the end)."""
        import av

        ctx = self._stream.codec_context
        if self._drained:
            self.seek(index)
        if self._packets is None:
            self._packets = self._container.demux(self._stream)
        try:
            while True:
                while self._pending:
                    got = self._pending.pop(0)
                    if self.index_of(got.pts) >= index:
                        return self._bgr(got)
                packet = next(self._packets, None)
                if packet is None:
                    return None
                if packet.size == 0:  # the demuxer's last, empty packet: flush the decoder
                    ctx.skip_frame = "DEFAULT"
                    self._pending.extend(ctx.decode(None))
                    self.decoded += len(self._pending)
                    if not self._pending:
                        return None
                    continue
                ctx.skip_frame = "NONREF" if self.index_of(packet.pts) < index else "DEFAULT"
                out = ctx.decode(packet)
                self.decoded += len(out)
                self._pending.extend(out)
        except av.FFmpegError as exc:
            log.debug("PyAV could not decode frame %d: %s", index, _av_message(exc))
            return None

    @staticmethod
    def _bgr(frame: Any) -> np.ndarray:
        if frame.rotation:
            raise VideoPathDeclined("a rotated stream")
        return np.ascontiguousarray(frame.to_ndarray(format="bgr24", interpolation="BICUBIC"))
