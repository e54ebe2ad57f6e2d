"""GB 45438 §5 explicit audio label: the rhythm cue "short-long-short-short" (Morse "AI").

Decodes only bounded windows of the clip (first/middle/last 10 s, or the whole clip when it is
under 30 s) through :mod:`verifier.adapters.audio_decode` and looks for the cue with
:mod:`verifier.audio.cue_rhythm`. A found cue is an explicit, perceptible label: claim
``ai_generated``, basis ``visible``, confidence ``detected``.

The other form the standard allows, a *spoken* label ("AI生成"), needs speech recognition; no
offline recogniser ships with the application, so it is listed as not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..evidence import Basis, Claim, Confidence, MediaFile, Signal
from .base import Context, DetectorFailure, Findings, NotApplicable
from .spec import Details, DetectorSpec, SignalKind, Words, detail

VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/x-matroska", "video/webm",
                         "video/x-msvideo", "video/x-flv"})
WINDOW_S = 10.0
ANALYSIS_RATE = 16000
NOT_CHECKED = ["spoken label (no offline speech recognizer)"]


def position_in(start: float, end: float, duration: float | None) -> str:
    """Where a cue found in a clip analysed whole sits: start, middle or end (by thirds)."""
    if not duration or duration <= 0:
        return "start"
    if start < duration / 3:
        return "start"
    if end > 2 * duration / 3:
        return "end"
    return "middle"


@dataclass(frozen=True, slots=True)
class AudioCueDetails(Details):
    position: str = detail("Position", "位置")
    window: str = detail("Window", "窗口", technical=True)
    start_s: float = detail("Starts at (s)", "开始于（秒）")
    end_s: float = detail("Ends at (s)", "结束于（秒）")
    tone_hz: float = detail("Tone (Hz)", "音调（赫兹）")
    segments_ms: list[list[int]] = detail("Tones (start, length; ms)", "各音（起点、长度；毫秒）", technical=True)
    durations_ms: list[int] = detail("Tone lengths (ms)", "各音长度（毫秒）", technical=True)
    gaps_ms: list[int] = detail("Gaps (ms)", "间隔（毫秒）", technical=True)
    unit_ms: int = detail("Unit length (ms)", "单位时长（毫秒）", technical=True)
    tempo_wpm: float = detail("Tempo (words per minute)", "速度（每分钟字数）", technical=True)
    long_to_short: float = detail("Long to short ratio", "长音与短音之比", technical=True)
    letter_gap_to_gap: float = detail("Letter gap to gap ratio", "字母间隔与音间隔之比", technical=True)
    contrast_db: float = detail("Tone contrast (dB)", "音调对比度（分贝）", technical=True)
    score: float = detail("Score", "分数", technical=True)
    form: str = detail("Form", "形式", technical=True)


AUDIO_CUE = SignalKind("audio.cue", Words("Audible AI label", "可听的 AI 标识"), AudioCueDetails)


SPEC = DetectorSpec(
    name="audio_cue",
    title=Words("Audio label cue", "音频标识提示音"),
    timeout=30.0,
    kinds=(AUDIO_CUE,),
    view="ai_labels",
    pixel_work=True,
    doc="the GB 45438 audible cue (Morse 'AI' rhythm)",
)


class AudioCueDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type.startswith("audio/") or media.media_type in VIDEO_TYPES

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        from ..adapters import audio_decode as ad
        from ..audio.cue_rhythm import DETECT_SCORE, NEAR_MISS_SCORE, find_cues

        try:
            decoded = ad.decode_windows(media.path, media.media_type, window_s=WINDOW_S,
                                        max_rate=ANALYSIS_RATE)
        except ad.NoAudio as exc:
            raise NotApplicable(str(exc)) from exc
        except ad.BackendMissing as exc:
            if media.media_type in VIDEO_TYPES:
                raise NotApplicable(str(exc)) from exc
            raise DetectorFailure(f"audio not checked: {exc}") from exc
        except ad.AudioDecodeError as exc:
            raise DetectorFailure(f"the audio could not be decoded: {exc}") from exc

        signals: list[Signal] = []
        cues: list[dict[str, Any]] = []
        near_misses: list[dict[str, Any]] = []
        for window in decoded.windows:
            for match in find_cues(window.samples, decoded.rate, min_score=NEAR_MISS_SCORE, equal_gaps=True):
                details = match.details(window.start_s)
                position = window.label
                if position == "whole":
                    position = position_in(details["start_s"], details["end_s"], decoded.duration_s)  # type: ignore[arg-type]
                details = AUDIO_CUE.make(position=position, window=window.label, **details)
                if match.score < DETECT_SCORE:
                    near_misses.append(details)
                    continue
                cues.append(details)
                if match.form == "equal_gaps":  # reads as Morse L: the rhythm, not the Morse spacing
                    signals.append(Signal(
                        id=AUDIO_CUE.id, detector=self.name,
                        summary=(f"Audio rhythm short-long-short-short keyed with equal gaps at the {position}, "
                                 f"{details['start_s']:.2f}-{details['end_s']:.2f} s, {details['tone_hz']:.0f} Hz "
                                 "tone: possibly the GB 45438 cue (without the Morse letter gap it also reads "
                                 "as the letter L)"),
                        claim=Claim.AI_POSSIBLE, basis=Basis.VISIBLE, confidence=Confidence.POSSIBLE,
                        details=details,
                    ))
                    continue
                signals.append(Signal(
                    id=AUDIO_CUE.id, detector=self.name,
                    summary=(f"Audio rhythm cue short-long-short-short (Morse 'AI') at the {position}, "
                             f"{details['start_s']:.2f}-{details['end_s']:.2f} s, "
                             f"{details['tone_hz']:.0f} Hz tone"),
                    claim=Claim.AI_GENERATED, basis=Basis.VISIBLE, confidence=Confidence.DETECTED,
                    details=details,
                ))
        facts: dict[str, Any] = {
            "checked": ["rhythm cue"],
            "not_checked": list(NOT_CHECKED),
            "audio": decoded.facts(),
            "cues": cues,
            # rhythms close to the cue that did not reach the decision score: shown, never a signal
            "near_misses": near_misses,
            "decision_score": DETECT_SCORE,
        }
        return Findings(signals=tuple(signals), facts=facts)
