"""Synthetic audio for the audio-cue tests and the calibration benchmark (numpy only).

Everything is generated from a seeded ``numpy.random.Generator`` so each clip is reproducible:
Morse tone cues at any pitch/tempo/jitter, speech-like babble (additive harmonic synthesis
through formant envelopes with syllabic amplitude modulation and intonation), music-like beds
(chords, melodies, drum patterns) and noise.
"""

from __future__ import annotations

import numpy as np

MORSE = {
    "A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.",
    "H": "....", "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.",
    "O": "---", "P": ".--.", "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-",
    "V": "...-", "W": ".--", "X": "-..-", "Y": "-.--", "Z": "--..",
}


def morse_timings(text: str, unit: float, rng: np.random.Generator | None = None,
                  jitter: float = 0.0, dash: float = 3.0, letter_gap: float = 3.0,
                  word_gap: float = 7.0) -> list[tuple[float, float]]:
    """(onset, duration) of each tone for ``text`` (letters, spaces between words).

    ``jitter`` is the relative standard deviation applied to every element independently.
    """
    def j(x: float) -> float:
        if rng is None or jitter <= 0:
            return x
        return x * float(np.clip(1 + rng.normal(0, jitter), 0.5, 1.6))

    t = 0.0
    out: list[tuple[float, float]] = []
    words = text.upper().split()
    for wi, word in enumerate(words):
        if wi:
            t += j(word_gap * unit) - j(letter_gap * unit)
        for li, letter in enumerate(word):
            if li or wi:
                t += j(letter_gap * unit)
            for ei, sym in enumerate(MORSE[letter]):
                if ei:
                    t += j(unit)
                d = j(unit if sym == "." else dash * unit)
                out.append((t, d))
                t += d
    return out


def cue_timings(unit: float, rng: np.random.Generator | None = None, jitter: float = 0.0,
                dash: float = 3.0, letter_gap: float = 3.0) -> list[tuple[float, float]]:
    return morse_timings("AI", unit, rng, jitter, dash=dash, letter_gap=letter_gap)


def tone_bursts(timings: list[tuple[float, float]], freq: float, rate: int, amp: float = 0.5,
                wave: str = "sine", ramp: float = 0.004, length: float | None = None) -> np.ndarray:
    end = max(t + d for t, d in timings) if timings else 0.0
    n = int(round((length if length is not None else end + 0.05) * rate))
    x = np.zeros(n, np.float64)
    for t, d in timings:
        a, b = int(round(t * rate)), min(n, int(round((t + d) * rate)))
        if b <= a:
            continue
        tt = np.arange(b - a) / rate
        ph = 2 * np.pi * freq * tt
        if wave == "square":  # band-limited: odd harmonics below Nyquist only (no aliases)
            seg = sum(np.sin(h * ph) / h for h in range(1, int(rate / 2 / freq) + 1, 2)) * 0.8
        elif wave == "rich":
            seg = np.sin(ph) + 0.4 * np.sin(2 * ph) + 0.2 * np.sin(3 * ph)
            seg /= 1.6
        else:
            seg = np.sin(ph)
        r = max(1, min(int(ramp * rate), (b - a) // 2))
        env = np.ones(b - a)
        env[:r] = np.linspace(0, 1, r)
        env[-r:] = np.linspace(1, 0, r)
        x[a:b] += amp * seg * env
    return x


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x)))) if len(x) else 0.0


def place(bed: np.ndarray, sig: np.ndarray, at: float, rate: int, snr_db: float | None = None) -> np.ndarray:
    """Mix ``sig`` into ``bed`` at ``at`` seconds; with ``snr_db`` scale ``sig`` against the bed's RMS."""
    out = bed.copy()
    a = int(round(at * rate))
    s = sig[: max(0, len(out) - a)]
    if snr_db is not None and rms(bed) > 0 and rms(s) > 0:
        s = s * (rms(bed) * 10 ** (snr_db / 20) / rms(s))
    out[a : a + len(s)] += s
    return out


def noise(seconds: float, rate: int, rng: np.random.Generator, amp: float = 0.05) -> np.ndarray:
    return rng.normal(0, amp, int(seconds * rate))


# --------------------------------------------------------------------------- speech-like

_VOWELS = [(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480),
           (570, 840, 2410), (440, 1020, 2240), (660, 1720, 2410), (490, 1350, 1690)]


def speech_like(seconds: float, rate: int, rng: np.random.Generator, monotone: bool = False,
                f0: float | None = None) -> np.ndarray:
    """Syllabic babble: voiced harmonic stacks through vowel formants, pauses and fricatives.

    ``monotone`` keeps the pitch flat inside every syllable (robotic TTS), the hardest case for
    a steady-tone detector.
    """
    n = int(seconds * rate)
    x = np.zeros(n)
    base = f0 if f0 is not None else float(rng.uniform(95, 240))
    t = float(rng.uniform(0, 0.2))
    while t < seconds:
        dur = float(rng.uniform(0.08, 0.35))
        a, b = int(t * rate), min(n, int((t + dur) * rate))
        if b - a > 16:
            m = b - a
            tt = np.arange(m) / rate
            if monotone:
                f = np.full(m, base * rng.uniform(0.9, 1.15))
            else:
                start, end = base * rng.uniform(0.85, 1.25), base * rng.uniform(0.75, 1.15)
                f = np.linspace(start, end, m) * (1 + 0.01 * rng.standard_normal(m).cumsum() / np.sqrt(m))
            phase = 2 * np.pi * np.cumsum(f) / rate
            formants = _VOWELS[int(rng.integers(len(_VOWELS)))]
            seg = np.zeros(m)
            for k in range(1, int(min(4000, rate / 2 - 100) / base)):
                fk = k * f
                gain = sum(1.0 / (1 + ((fk - fm) / (60 + 0.08 * fm)) ** 2) for fm in formants)
                seg += gain * np.sin(k * phase) / k ** 0.3
            env = np.sin(np.pi * np.clip(tt / (dur * 0.5), 0, 1) / 2) ** 2
            env *= np.sin(np.pi * np.clip((dur - tt) / (dur * 0.3), 0, 1) / 2) ** 2
            x[a:b] += seg * env * rng.uniform(0.5, 1.0)
            if rng.random() < 0.35:  # a fricative after the vowel
                fl = int(rng.uniform(0.04, 0.12) * rate)
                fr = rng.normal(0, 0.3, fl) * np.hanning(fl)
                fr = np.diff(np.concatenate([[0], fr]))  # tilt towards highs
                x[b : b + fl] += fr[: max(0, n - b)]
        t += dur + (float(rng.uniform(0.02, 0.12)) if rng.random() < 0.8 else float(rng.uniform(0.2, 0.6)))
    peak = np.max(np.abs(x)) or 1.0
    return 0.5 * x / peak


# --------------------------------------------------------------------------- music-like

_SCALE = [0, 2, 4, 5, 7, 9, 11]


def _note(freq: float, dur: float, rate: int, rng: np.random.Generator, kind: str) -> np.ndarray:
    m = max(1, int(dur * rate))
    tt = np.arange(m) / rate
    if kind == "pluck":
        env = np.exp(-tt * rng.uniform(3, 9))
    else:  # "pad"/"organ": steady with a short attack and release
        env = np.minimum(1, tt / 0.01) * np.minimum(1, (dur - tt) / 0.02).clip(0)
    harmonics = 6 if kind != "organ" else 3
    seg = sum(np.sin(2 * np.pi * freq * h * tt) / h ** 1.2 for h in range(1, harmonics + 1))
    return seg * env


def music_like(seconds: float, rate: int, rng: np.random.Generator, drums: bool = True,
               melody: bool = True, chords: bool = True) -> np.ndarray:
    n = int(seconds * rate)
    x = np.zeros(n)
    bpm = float(rng.uniform(70, 160))
    beat = 60 / bpm
    root = 110 * 2 ** (int(rng.integers(0, 12)) / 12)
    kind = str(rng.choice(["pluck", "pad", "organ"]))
    if chords:
        t = 0.0
        while t < seconds:
            deg = int(rng.choice([0, 3, 4, 5]))
            for k in (0, 2, 4):
                semis = _SCALE[(deg + k) % 7] + 12 * ((deg + k) // 7)
                note = _note(root * 2 ** (semis / 12), 4 * beat, rate, rng, kind) * 0.25
                a = int(t * rate)
                x[a : a + len(note)] += note[: max(0, n - a)]
            t += 4 * beat
    if melody:
        t = 0.0
        while t < seconds:
            d = beat * float(rng.choice([0.25, 0.5, 0.5, 1, 1, 1.5, 2]))
            if rng.random() < 0.85:
                semis = _SCALE[int(rng.integers(7))] + 12 * int(rng.integers(1, 3))
                note = _note(root * 2 ** (semis / 12), d * 0.9, rate, rng, kind) * 0.35
                a = int(t * rate)
                x[a : a + len(note)] += note[: max(0, n - a)]
            t += d
    if drums:
        t = 0.0
        step = beat / 2
        i = 0
        while t < seconds:
            a = int(t * rate)
            if i % 4 == 0:  # kick
                m = int(0.15 * rate)
                tt = np.arange(m) / rate
                k = np.sin(2 * np.pi * (50 + 80 * np.exp(-tt * 30)) * tt) * np.exp(-tt * 18)
                x[a : a + m] += 0.6 * k[: max(0, n - a)]
            if i % 4 == 2:  # snare
                m = int(0.12 * rate)
                s = rng.normal(0, 0.3, m) * np.exp(-np.arange(m) / rate * 25)
                x[a : a + m] += s[: max(0, n - a)]
            m = int(0.03 * rate)  # hat
            h = np.diff(np.concatenate([[0], rng.normal(0, 0.1, m)])) * np.exp(-np.arange(m) / rate * 90)
            x[a : a + m] += h[: max(0, n - a)]
            t += step
            i += 1
    peak = np.max(np.abs(x)) or 1.0
    return 0.5 * x / peak
