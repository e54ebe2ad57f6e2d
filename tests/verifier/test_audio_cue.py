"""The audio rhythm cue detector (GB 45438 §5, Morse "AI"), on fixtures generated in code."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from tests.verifier import audio_synth as S
from verifier.adapters import audio_decode as ad
from verifier.audio.cue_rhythm import find_cues
from verifier.config import Config, default_timeouts
from verifier.detectors import BUILTIN_DETECTORS
from verifier.detectors.audio_cue import AudioCueDetector, position_in
from verifier.detectors.base import Context
from verifier.evidence import Basis, Claim, Confidence, Status
from verifier.inputs import identify
from verifier.isolation import run_detector

sf = pytest.importorskip("soundfile")
RATE = 16000


def cue(unit: float = 0.08, freq: float = 1000.0, rate: int = RATE, seed: int = 0, jitter: float = 0.0,
        wave: str = "sine", dash: float = 3.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return S.tone_bursts(S.cue_timings(unit, rng, jitter, dash=dash), freq, rate, wave=wave)


def write(path: Path, x: np.ndarray, rate: int = RATE, channels: int = 1, **kw: object) -> Path:
    data = np.stack([x] * channels, axis=1) if channels > 1 else x
    sf.write(path, np.clip(data, -1, 1).astype(np.float32), rate, **kw)
    return path


def scan_one(path: Path):
    return run_detector(AudioCueDetector(), identify(path), Context(Config(isolation="inline")))


def cues_of(ev) -> list[dict]:
    return [s.details for s in ev.signals if s.id == "audio.cue"]


# --------------------------------------------------------------------------- registration


def test_registered_and_isolated() -> None:
    det = next(d for d in BUILTIN_DETECTORS if d.name == "audio_cue")
    assert det.isolated is True
    assert "audio_cue" in default_timeouts()


# --------------------------------------------------------------------------- analysis core


@pytest.mark.parametrize("unit", [0.04, 0.06, 0.1, 0.18, 0.3])
def test_tempo_range(unit: float) -> None:
    x = S.place(np.zeros(int(6 * RATE)), cue(unit), 1.0, RATE)
    found = find_cues(x, RATE)
    assert len(found) == 1
    d = found[0].details()
    assert abs(d["start_s"] - 1.0) < 0.02
    assert abs(d["unit_ms"] - unit * 1000) < 0.15 * unit * 1000 + 5
    assert d["score"] > 0.9


@pytest.mark.parametrize("seed", range(6))
def test_uneven_keying_and_pitch(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    unit = float(rng.uniform(0.05, 0.2))
    freq = float(rng.uniform(300, 3500))
    wave = ["sine", "square", "rich"][seed % 3]
    x = S.place(np.zeros(int(6 * RATE)), cue(unit, freq, seed=seed, jitter=0.1, wave=wave), 0.5, RATE)
    found = find_cues(x, RATE)
    assert found, (unit, freq, wave)
    assert abs(found[0].freq - freq) < 0.03 * freq


@pytest.mark.parametrize("dash,letter_gap", [(2.5, 3.0), (3.5, 2.5), (3.0, 4.0)])
def test_tolerates_non_standard_ratios(dash: float, letter_gap: float) -> None:
    t = S.cue_timings(0.1, dash=dash, letter_gap=letter_gap)
    x = S.place(np.zeros(5 * RATE), S.tone_bursts(t, 800, RATE), 0.5, RATE)
    assert find_cues(x, RATE)


@pytest.mark.parametrize("bed", ["noise", "speech", "music"])
def test_cue_over_beds(bed: str) -> None:
    rng = np.random.default_rng(5)
    base = {"noise": lambda: S.noise(8, RATE, rng, 0.1),
            "speech": lambda: S.speech_like(8, RATE, rng),
            "music": lambda: S.music_like(8, RATE, rng)}[bed]()
    x = S.place(base, cue(0.1, 1700), 3.0, RATE, snr_db=3)
    found = find_cues(x, RATE)
    assert found and abs(found[0].start - 3.0) < 0.05


@pytest.mark.parametrize("word", ["L", "A", "I", "R", "E", "N", "AIR", "RAIN", "PAIN", "LA", "IA", "SOS", "MAIL"])
def test_other_morse_is_not_the_cue(word: str) -> None:
    for unit in (0.05, 0.12):
        t = S.morse_timings(word, unit)
        x = S.place(np.zeros(8 * RATE), S.tone_bursts(t, 900, RATE), 0.5, RATE)
        assert not find_cues(x, RATE), (word, unit)


def test_l_with_jitter_is_not_the_cue() -> None:
    # L (·−··) has the same elements as AI and only a one-unit gap: the letter gap tells them apart
    for seed in range(20):
        rng = np.random.default_rng(seed)
        t = S.morse_timings("L", 0.1, rng, 0.1)
        x = S.place(np.zeros(4 * RATE), S.tone_bursts(t, 900, RATE), 0.5, RATE)
        assert not find_cues(x, RATE), seed


def test_ai_as_a_word_in_a_message_counts() -> None:
    t = S.morse_timings("IS AI OK", 0.06)
    x = S.place(np.zeros(8 * RATE), S.tone_bursts(t, 700, RATE), 0.5, RATE)
    assert len(find_cues(x, RATE)) == 1


@pytest.mark.parametrize("seed", range(4))
def test_speech_and_music_alone_are_silent(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for x in (S.speech_like(10, RATE, rng), S.speech_like(10, RATE, rng, monotone=True),
              S.music_like(10, RATE, rng), S.music_like(10, RATE, rng, drums=False)):
        assert not find_cues(x, RATE)


def test_silence_noise_and_tiny_inputs() -> None:
    rng = np.random.default_rng(1)
    assert not find_cues(np.zeros(RATE * 5), RATE)
    assert not find_cues(S.noise(5, RATE, rng, 0.2), RATE)
    assert not find_cues(np.zeros(10, np.float32), RATE)
    assert not find_cues(np.zeros(0, np.float32), RATE)
    assert not find_cues(cue(0.1)[: int(0.5 * RATE)], RATE)  # a cue cut short


def test_steady_tone_and_clicks_are_not_the_cue() -> None:
    tt = np.arange(5 * RATE) / RATE
    assert not find_cues(0.5 * np.sin(2 * np.pi * 440 * tt), RATE)
    clicks = np.zeros(5 * RATE)
    clicks[:: RATE // 7] = 1.0
    assert not find_cues(clicks, RATE)


# --------------------------------------------------------------------------- detector on files


@pytest.mark.parametrize("where,expected", [(1.0, "start"), (7.0, "middle"), (13.5, "end")])
def test_short_clip_position_by_thirds(tmp_path: Path, where: float, expected: str) -> None:
    rng = np.random.default_rng(3)
    x = S.place(S.speech_like(16, 44100, rng) * 0.3, cue(0.07, 1200, rate=44100), where, 44100)
    ev = scan_one(write(tmp_path / "clip.wav", x, 44100, channels=2))
    assert ev.status is Status.OK, ev.error
    (d,) = cues_of(ev)
    assert d["position"] == expected and d["window"] == "whole"
    assert abs(d["start_s"] - where) < 0.03
    assert ev.facts["audio"]["analysis_rate"] == 16000  # 44.1 kHz brought down


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_long_clip_windows(tmp_path: Path, where: str) -> None:
    rate, seconds = 8000, 240
    rng = np.random.default_rng(4)
    x = S.noise(seconds, rate, rng, 0.02)
    c = cue(0.09, 600, rate=rate)
    at = {"start": 0.5, "middle": seconds / 2 - 1, "end": seconds - 2.5}[where]
    x = S.place(x, c, at, rate)
    ev = scan_one(write(tmp_path / "long.flac", x, rate))
    assert ev.status is Status.OK, ev.error
    (d,) = cues_of(ev)
    assert d["position"] == where and abs(d["start_s"] - at) < 0.03
    windows = ev.facts["audio"]["windows"]
    assert [w["position"] for w in windows] == ["start", "middle", "end"]
    assert sum(w["length_s"] for w in windows) <= 30.5  # never decoded whole


def test_cue_outside_the_windows_is_not_searched(tmp_path: Path) -> None:
    rate = 8000
    x = S.place(np.zeros(120 * rate), cue(0.09, 600, rate=rate), 30.0, rate)
    ev = scan_one(write(tmp_path / "quarter.wav", x, rate))
    assert ev.status is Status.OK and not ev.signals


def test_sloppy_rhythm_is_a_near_miss_not_a_signal(tmp_path: Path) -> None:
    # passes every gate but far from Morse proportions (dash 5.8 dots, uneven dots and gaps)
    timings = [(0.0, 0.1), (0.2, 0.5), (1.2, 0.06), (1.4, 0.1)]
    x = S.place(np.zeros(4 * RATE), S.tone_bursts(timings, 1000, RATE), 0.5, RATE)
    ev = scan_one(write(tmp_path / "sloppy.wav", x))
    assert ev.status is Status.OK and not ev.signals
    (near,) = ev.facts["near_misses"]
    assert 0.5 <= near["score"] < ev.facts["decision_score"]


def test_cue_in_one_channel_only(tmp_path: Path) -> None:
    rng = np.random.default_rng(8)
    left = S.place(S.noise(6, RATE, rng, 0.02), cue(0.1, 1500), 1.0, RATE)
    right = S.noise(6, RATE, rng, 0.02)
    path = tmp_path / "left.wav"
    sf.write(path, np.stack([left, right], axis=1).astype(np.float32), RATE)
    (d,) = cues_of(scan_one(path))
    assert abs(d["start_s"] - 1.0) < 0.03


def test_signal_contract(tmp_path: Path) -> None:
    ev = scan_one(write(tmp_path / "c.wav", S.place(np.zeros(4 * RATE), cue(), 0.3, RATE)))
    (sig,) = ev.signals
    assert (sig.id, sig.detector) == ("audio.cue", "audio_cue")
    assert sig.claim is Claim.AI_GENERATED and sig.basis is Basis.VISIBLE
    assert sig.confidence is Confidence.DETECTED
    for key in ("position", "segments_ms", "gaps_ms", "unit_ms", "tempo_wpm", "tone_hz", "score"):
        assert key in sig.details
    assert len(sig.details["segments_ms"]) == 4
    assert ev.facts["checked"] == ["rhythm cue"]
    assert ev.facts["not_checked"] == ["spoken label (no offline speech recognizer)"]


@pytest.mark.parametrize("fmt,subtype,ext", [("FLAC", "PCM_16", "flac"), ("OGG", "VORBIS", "ogg"),
                                             ("MP3", "MPEG_LAYER_III", "mp3")])
def test_compressed_formats(tmp_path: Path, fmt: str, subtype: str, ext: str) -> None:
    x = S.place(np.zeros(6 * 44100), cue(0.08, 1000, rate=44100), 2.0, 44100) + 0.0
    try:
        path = write(tmp_path / f"c.{ext}", x, 44100, format=fmt, subtype=subtype)
    except Exception as exc:  # noqa: BLE001 - this libsndfile cannot write it
        pytest.skip(f"libsndfile cannot write {fmt}: {exc}")
    ev = scan_one(path)
    assert ev.status is Status.OK, ev.error
    (d,) = cues_of(ev)
    assert abs(d["start_s"] - 2.0) < 0.08  # MP3 encoder delay shifts it a little


def test_m4a_through_pyav(tmp_path: Path) -> None:
    av = pytest.importorskip("av")
    rate = 44100
    x = S.place(S.noise(6, rate, np.random.default_rng(2), 0.01), cue(0.08, 900, rate=rate), 2.0, rate)
    path = tmp_path / "c.m4a"
    with av.open(str(path), "w", format="mp4") as out:
        st = out.add_stream("aac", rate=rate)
        st.layout = "mono"
        frame_len = 1024
        pcm = np.clip(x, -1, 1).astype(np.float32)
        for i in range(0, len(pcm), frame_len):
            chunk = pcm[i : i + frame_len]
            frame = av.AudioFrame.from_ndarray(chunk[None, :], format="flt", layout="mono")
            frame.sample_rate = rate
            frame.pts = i
            for pkt in st.encode(frame):
                out.mux(pkt)
        for pkt in st.encode(None):
            out.mux(pkt)
    ev = scan_one(path)
    assert ev.status is Status.OK, ev.error
    assert ev.facts["audio"]["decoder"] == "av"
    (d,) = cues_of(ev)
    assert abs(d["start_s"] - 2.0) < 0.08


def test_negative_files(tmp_path: Path) -> None:
    rng = np.random.default_rng(9)
    for name, x in [("speech.wav", S.speech_like(12, RATE, rng)), ("music.wav", S.music_like(12, RATE, rng)),
                    ("silence.wav", np.zeros(3 * RATE)), ("short.wav", cue()[: RATE // 10])]:
        ev = scan_one(write(tmp_path / name, x))
        assert ev.status is Status.OK, (name, ev.error)
        assert not ev.signals, name


@pytest.mark.parametrize("name,content", [
    ("garbage.wav", b"RIFF\x10\x00\x00\x00WAVEfmt \xff\xff\xff\xff" + b"\x00" * 64),
    ("truncated.flac", b"fLaC\x00\x00\x00\x22" + b"\x10" * 10),
    ("noise.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x05" + bytes(range(256)) * 4),
])
def test_malformed_files_fail_clearly(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    t = time.perf_counter()
    ev = scan_one(path)
    assert time.perf_counter() - t < 5
    assert ev.status in (Status.ERROR, Status.NOT_APPLICABLE)
    assert not ev.signals
    if ev.status is Status.ERROR:
        assert "could not be decoded" in ev.error


def test_truncated_file_is_analysed_as_far_as_it_goes(tmp_path: Path) -> None:
    rate = 8000
    x = S.place(np.zeros(60 * rate), cue(0.09, 600, rate=rate), 1.0, rate)
    full = write(tmp_path / "full.wav", x, rate)
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[: 44 + 2 * 20 * rate])  # header still says 60 s
    t = time.perf_counter()
    ev = scan_one(cut)
    assert time.perf_counter() - t < 5
    assert ev.status is Status.OK, ev.error
    assert [d["position"] for d in cues_of(ev)] == ["start"]


def test_header_only_wav_has_no_audio(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.wav", np.zeros(0, np.float32))
    ev = scan_one(path)
    assert ev.status is Status.NOT_APPLICABLE and "no audio" in ev.error


def test_not_applicable_to_images_and_text() -> None:
    from verifier.evidence import MediaFile

    det = AudioCueDetector()
    for mt in ("image/png", "image/webp", "text/plain", "application/pdf"):
        assert not det.applies_to(MediaFile(Path("x"), "0", 1, mt))
    for mt in ("audio/wav", "audio/mpeg", "audio/mp4", "video/mp4"):
        assert det.applies_to(MediaFile(Path("x"), "0", 1, mt))


def test_position_by_thirds() -> None:
    assert position_in(0.5, 1.5, 30) == "start"
    assert position_in(12, 13, 30) == "middle"
    assert position_in(25, 29, 30) == "end"
    assert position_in(1, 2, None) == "start"


def test_window_plan() -> None:
    assert ad.plan_windows(None, 10) == [("start", 0.0, 10)]
    assert ad.plan_windows(20, 10) == [("whole", 0.0, 20)]
    plan = ad.plan_windows(3600, 10)
    assert [p[0] for p in plan] == ["start", "middle", "end"]
    assert plan[1][1] == 1795 and plan[2][1] == 3590


def test_resample_keeps_a_tone_and_removes_aliases() -> None:
    rate = 48000
    tt = np.arange(rate) / rate
    y = ad.to_rate(np.sin(2 * np.pi * 1000 * tt) + np.sin(2 * np.pi * 12000 * tt), rate, 16000)
    assert len(y) == 16000
    spec = np.abs(np.fft.rfft(y))
    assert np.argmax(spec) == 1000  # 1 Hz bins
    assert spec[4000] < 1e-3 * spec[1000]  # 12 kHz must not fold back to 4 kHz


# --------------------------------------------------------------------------- corpus


AUDIO_CORPUS = [
    "gb45438/wav_riff_aigc.wav", "gb45438/mp3_id3_txxx_aigc.mp3", "gb45438/flac_vorbis_aigc.flac",
    "c2pa/gen_signed.wav", "c2pa/sample1_signed.wav", "c2pa/riff_bomb_1000.wav",
    "c2pa/sample3.invalid.wav", "c2pa/id3v23_compression_underflow.mp3",
    "c2pa/video1.mp4", "c2pa/nested_moov_1000.mp4",
]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", AUDIO_CORPUS)
def test_corpus_audio_has_no_cue_and_is_fast(corpus: Path, rel: str) -> None:
    t = time.perf_counter()
    ev = scan_one(corpus / rel)
    assert time.perf_counter() - t < 5
    assert not ev.signals
    assert ev.status in (Status.OK, Status.NOT_APPLICABLE, Status.ERROR)
    if ev.status is Status.ERROR:
        assert ev.error.startswith("the audio could not be decoded")


# --------------------------------------------------------------------------- equal-gap keying


@pytest.mark.parametrize("unit", [0.05, 0.1, 0.2])
def test_equal_gap_keying_is_a_possible_cue(unit: float) -> None:
    t = S.cue_timings(unit, letter_gap=1.0)  # short-long-short-short, every gap one unit (reads as L)
    x = S.place(np.zeros(6 * RATE), S.tone_bursts(t, 900, RATE), 1.0, RATE)
    assert not find_cues(x, RATE)  # the Morse form alone: not the cue
    (m,) = find_cues(x, RATE, equal_gaps=True)
    assert m.form == "equal_gaps" and m.details()["form"] == "equal_gaps" and m.score > 0.9


def test_morse_spacing_keeps_the_full_form_with_equal_gaps_on() -> None:
    x = S.place(np.zeros(6 * RATE), cue(0.1), 1.0, RATE)
    (m,) = find_cues(x, RATE, equal_gaps=True)
    assert m.form == "morse"


@pytest.mark.parametrize("word", ["ALL", "EL", "LA", "AL", "RL", "MAIL", "TAIL", "PARIS", "FIE", "LL"])
def test_l_inside_a_word_is_not_even_possible(word: str) -> None:
    for seed, unit in enumerate((0.05, 0.12)):
        rng = np.random.default_rng(seed)
        t = S.morse_timings(word, unit, rng, 0.1)
        x = S.place(np.zeros(8 * RATE), S.tone_bursts(t, 900, RATE), 0.5, RATE)
        assert not find_cues(x, RATE, equal_gaps=True), (word, unit)


def test_equal_gap_signal_is_possible_level(tmp_path: Path) -> None:
    t = S.cue_timings(0.08, letter_gap=1.0)
    ev = scan_one(write(tmp_path / "eq.wav", S.place(np.zeros(4 * RATE), S.tone_bursts(t, 1000, RATE), 1.0, RATE)))
    (sig,) = ev.signals
    assert sig.id == "audio.cue" and sig.claim is Claim.AI_POSSIBLE and sig.confidence is Confidence.POSSIBLE
    assert sig.details["form"] == "equal_gaps" and "letter L" in sig.summary
    ev = scan_one(write(tmp_path / "ai.wav", S.place(np.zeros(4 * RATE), cue(0.08), 1.0, RATE)))
    (sig,) = ev.signals
    assert sig.claim is Claim.AI_GENERATED and sig.confidence is Confidence.DETECTED and sig.details["form"] == "morse"


def test_fast_equal_gap_notes_are_not_a_possible_cue() -> None:
    # repeated 35 ms notes with 25 ms gaps (a music figure seen in calibration): faster than any keyed cue
    t = [(0.0, 0.035), (0.06, 0.115), (0.2, 0.045), (0.27, 0.035)]
    x = S.place(np.zeros(4 * RATE), S.tone_bursts(t, 1750, RATE), 1.0, RATE)
    assert not find_cues(x, RATE, equal_gaps=True)
