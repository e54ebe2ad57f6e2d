"""Calibrate the audio rhythm cue detector: recall on generated cues, false positives on negatives.

Run from the repository root::

    python benchmarks/calibrate_audio_cue.py --n 200 --seed 7

Every clip is synthesised (see ``tests/verifier/audio_synth.py``) at 16 kHz, the analysis rate of
the detector, and analysed exactly as the detector analyses a decoded window
(:func:`verifier.audio.cue_rhythm.find_cues`). Positives: Morse "AI" tones of random pitch
(300-3500 Hz), tempo (unit 40-250 ms, i.e. about 5-30 wpm), keying jitter (0-12 %), waveform
(sine/square/harmonic), at the start, middle or end of a bed of silence, noise, speech-like
babble or music at a random cue-to-bed level. Negatives: speech-like babble (gliding and flat
pitch), music (chords, melody, drums), other Morse letters and words (including ``L`` = ``·−··``
and words containing "AI" such as RAIN), noise and silence. espeak-ng speech is added when the
``espeak-ng`` program is installed (``--espeak``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.verifier import audio_synth as S  # noqa: E402
from verifier.audio.cue_rhythm import find_cues  # noqa: E402

RATE = 16000
SECONDS = 10.0
WORDS = ["L", "A", "I", "R", "N", "E", "S", "AIR", "RAIN", "PAIN", "LA", "EL", "SOS", "IA", "IT",
         "ALL", "RL", "AL", "FIE", "MAIL", "TAIL", "PARIS", "CQ", "ET", "EA"]


def bed(kind: str, rng: np.random.Generator) -> np.ndarray:
    if kind == "silence":
        return np.zeros(int(SECONDS * RATE))
    if kind == "noise":
        return S.noise(SECONDS, RATE, rng, 0.05)
    if kind == "speech":
        return S.speech_like(SECONDS, RATE, rng, monotone=bool(rng.random() < 0.5))
    return S.music_like(SECONDS, RATE, rng)


def positive(rng: np.random.Generator, letter_gap: float = 3.0) -> tuple[np.ndarray, dict]:
    unit = float(rng.uniform(0.04, 0.25))
    jitter = float(rng.uniform(0, 0.12))
    freq = float(rng.uniform(300, 3500))
    wave = str(rng.choice(["sine", "sine", "square", "rich"]))
    cue = S.tone_bursts(S.cue_timings(unit, rng, jitter, letter_gap=letter_gap), freq, RATE, wave=wave)
    kind = str(rng.choice(["silence", "noise", "speech", "music"]))
    b = bed(kind, rng)
    span = len(cue) / RATE
    where = str(rng.choice(["start", "middle", "end"]))
    at = {"start": 0.2, "middle": (SECONDS - span) / 2, "end": SECONDS - span - 0.2}[where]
    snr = None if kind == "silence" else float(rng.uniform(-6, 10))
    return S.place(b, cue, at, RATE, snr), {"bed": kind, "unit": unit, "jitter": jitter, "snr": snr}


def morse_negative(rng: np.random.Generator) -> tuple[np.ndarray, dict]:
    word = str(rng.choice(WORDS))
    unit = float(rng.uniform(0.04, 0.25))
    timings = S.morse_timings(word, unit, rng, float(rng.uniform(0, 0.1)))
    sig = S.tone_bursts(timings, float(rng.uniform(300, 3500)), RATE)
    kind = str(rng.choice(["silence", "noise", "speech", "music"]))
    b = bed(kind, rng)
    at = float(rng.uniform(0.1, max(0.2, SECONDS - len(sig) / RATE - 0.1)))
    snr = None if kind == "silence" else float(rng.uniform(-6, 10))
    return S.place(b, sig, at, RATE, snr), {"word": word}


NEGATIVES = {
    "speech": lambda rng: (S.speech_like(SECONDS, RATE, rng), {}),
    "speech_monotone": lambda rng: (S.speech_like(SECONDS, RATE, rng, monotone=True), {}),
    "music": lambda rng: (S.music_like(SECONDS, RATE, rng), {}),
    "music_no_drums": lambda rng: (S.music_like(SECONDS, RATE, rng, drums=False), {}),
    "other_morse": morse_negative,
    "noise": lambda rng: (S.noise(SECONDS, RATE, rng, float(rng.uniform(0.01, 0.3))), {}),
}


def espeak_clips(rng: np.random.Generator, n: int) -> list[np.ndarray]:
    exe = shutil.which("espeak-ng")
    if not exe:
        return []
    import soundfile as sf

    sentences = [
        "The committee will meet again on Thursday to discuss the budget.",
        "Artificial intelligence generated this summary of the evening news.",
        "Please leave a message after the tone and we will call you back.",
        "Rain is expected in the north, with sunny spells in the afternoon.",
        "A I. A I. Eh eye. The letters A and I were read aloud.",
    ]
    voices = ["en", "en-us", "de", "fr", "zh", "es", "en+f3", "en+m7"]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            wav = Path(tmp) / f"s{i}.wav"
            text = " ".join(rng.choice(sentences, 3))
            cmd = [exe, "-v", str(rng.choice(voices)), "-s", str(int(rng.uniform(120, 220))),
                   "-w", str(wav), text]
            subprocess.run(cmd, check=True, capture_output=True)
            x, sr = sf.read(wav, dtype="float32", always_2d=True)
            x = x.mean(axis=1)
            if sr != RATE:
                from verifier.adapters.audio_decode import to_rate
                x = to_rate(x, sr, RATE)
            out.append(x[: int(SECONDS * RATE)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="clips per class (default 200)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--espeak", action="store_true", help="also measure espeak-ng speech if installed")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss and false positive")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()

    hits, by_bed, total_by_bed = 0, defaultdict(int), defaultdict(int)
    for i in range(args.n):
        x, info = positive(rng)
        found = bool(find_cues(x, RATE))  # the Morse form, as the detector's full-strength signal
        hits += found
        total_by_bed[info["bed"]] += 1
        by_bed[info["bed"]] += found
        if not found and args.verbose:
            print("  miss", i, {k: (round(v, 3) if isinstance(v, float) else v) for k, v in info.items()})
    print(f"recall: {hits}/{args.n} = {hits / args.n:.1%}  "
          + "  ".join(f"{k} {by_bed[k]}/{total_by_bed[k]}" for k in sorted(total_by_bed)))

    eq_hits, eq_as_full = 0, 0
    eq_rng = np.random.default_rng(args.seed + 1000)  # its own draws: the negatives stay the same clips
    for i in range(args.n):  # short-long-short-short keyed with equal gaps: reported as possible
        x, info = positive(eq_rng, letter_gap=1.0)
        found = find_cues(x, RATE, equal_gaps=True)
        eq_hits += any(m.form == "equal_gaps" for m in found)
        eq_as_full += any(m.form == "morse" for m in found)
        if not found and args.verbose:
            print("  equal-gap miss", i, {k: (round(v, 3) if isinstance(v, float) else v) for k, v in info.items()})
    print(f"equal-gap keying reported possible: {eq_hits}/{args.n} = {eq_hits / args.n:.1%} "
          f"(reported at full strength: {eq_as_full})")

    fp_total, n_total, possible_total = 0, 0, 0
    possible_words: dict[str, int] = defaultdict(int)
    for name, make in NEGATIVES.items():
        fp = possible = 0
        for i in range(args.n):
            x, info = make(rng)
            found = find_cues(x, RATE, equal_gaps=True)
            full = [m for m in found if m.form == "morse"]
            if full:
                fp += 1
                if args.verbose:
                    print("  FP", name, i, info, full[0].details())
            elif found:
                possible += 1
                possible_words[info.get("word", name)] += 1
                if args.verbose:
                    print("  possible", name, i, info, found[0].details())
        fp_total += fp
        possible_total += possible
        n_total += args.n
        print(f"false positives {name}: {fp}/{args.n}; equal-gap 'possible': {possible}/{args.n}")
    if args.espeak:
        clips = espeak_clips(rng, args.n)
        if clips:
            fp = sum(1 for x in clips if find_cues(x, RATE))
            fp_total += fp
            n_total += len(clips)
            print(f"false positives espeak-ng speech: {fp}/{len(clips)}")
        else:
            print("espeak-ng not installed: skipped")
    print(f"false positive rate: {fp_total}/{n_total} = {fp_total / max(1, n_total):.2%}")
    print(f"equal-gap 'possible' on negatives: {possible_total}/{n_total}"
          + (f" ({', '.join(f'{w}: {c}' for w, c in sorted(possible_words.items()))})" if possible_words else ""))
    print(f"({time.perf_counter() - t0:.1f} s, {args.n} clips per class, seed {args.seed}, "
          f"{SECONDS:.0f} s clips at {RATE} Hz)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
