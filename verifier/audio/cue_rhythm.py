"""Find the GB 45438 audio rhythm cue, Morse "AI" (``·−  ··``), in mono PCM.

The cue is a steady tone keyed on and off: short, long, (letter gap), short, short. In Morse
units a dot is 1, a dash 3, the gap inside a letter 1 and the gap between letters 3; the whole
cue lasts 11 units. Nothing about pitch or tempo is fixed, so the search works from what any
such cue must have:

1. **Tone tracks.** A short-time spectrum (25 ms Hann window, 5 ms hop). A *tonal* bin is one
   that stands well above its spectral neighbourhood (94–375 Hz either side): a keyed tone
   does, broadband sounds (drums, noise, fricatives) and dense harmonic stacks (voiced
   speech) mostly do not. Frequencies that are tonal often enough become candidates.
2. **Segmentation.** For each candidate, the level in its main lobe is thresholded 10 dB under
   its loud level (and must stay tonal), giving bursts with onset, offset, frequency and how
   steady that frequency is (a keyed tone holds it; sung or spoken pitch glides).
3. **Rhythm.** Every run of four consecutive bursts at one pitch is tested against
   short-long-short-short: the long burst 1.8–6× the short ones, the short ones alike, the
   gap between the letters at least 1.7× the gaps inside them (this is what tells "AI" from
   the single letter L, ``·−··``), and a silence before and after the group longer than the
   letter gap (so "AI" inside a longer Morse word such as "RAIN" does not count). Tempo is
   free: only ratios are tested, with tolerance for uneven keying.
4. **Score.** How close the ratios are to the Morse ideal (3, 3, 1, 1), 0–1; a group is
   reported when it passes every gate and scores at least :data:`DETECT_SCORE` (groups between
   :data:`NEAR_MISS_SCORE` and that are near misses, shown as facts, never as signals).
5. **Equal gaps** (``equal_gaps=True``). The standard names the rhythm "short-long-short-short"
   without Morse spacing, so a vendor may key it with all gaps equal, which read strictly is the
   letter L (``·−··``). That form is matched too, as ``form="equal_gaps"``, for a *possible*
   report only: it needs a longer silence around it (:data:`EQUAL_GUARD_UNITS`, more than a
   Morse letter gap) so an L inside a Morse word does not count; a lone L cannot be told apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

WIN_S = 0.025
HOP_S = 0.005
FMIN_HZ = 150.0
FMAX_HZ = 7000.0
PROM_ON_DB = 10.0  # a frame is tonal at this bin when it stands this far above its neighbours
PROM_CANDIDATE_DB = 15.0
NEIGHBOURS_HZ = (94.0, 375.0)  # the spectral neighbourhood a tone must stand out from, either side
LEVEL_DROP_DB = 10.0  # on/off threshold under the track's loud level
MIN_RANGE_DB = 15.0  # the track's loud level must clear its floor by this much
MAX_CANDIDATES = 32
MIN_BURST_S = 0.02
MAX_DROPOUT_S = 0.06
MAX_SHORT_S = 0.6
MIN_SHORT_S = 0.035
DETECT_SCORE = 0.75  # generated cues with 0-12 % keying jitter scored >= 0.84; false matches <= 0.70
NEAR_MISS_SCORE = 0.5
MAX_CONTRAST_DB = 100.0  # digital silence makes the floor meaningless beyond this

# gates on the ratios (hard), and the spread of the soft score around the Morse ideal
LONG_RATIO = (1.8, 6.0)
GAP_RATIO = (1.7, 6.0)
DOT_SPREAD_MAX = 1.7
INTRA_GAP_TO_DOT = (0.3, 3.5)
INTRA_GAP_SPREAD_MAX = 2.5
GUARD_FACTOR = 1.4  # silence before/after the group, in letter gaps
PITCH_TOLERANCE = 0.03
SENDER_LEVEL_DB = 6.0  # a neighbouring burst this close in level may be part of the same message
STEADY_TOLERANCE = 0.02  # frequency wander inside a burst, relative
STEADY_MIN_HZ = 12.0
EQUAL_GAP_RATIO = (0.6, 1.45)  # letter gap / inner gaps when the rhythm is keyed with equal gaps
EQUAL_GUARD_UNITS = 6.0  # silence around an equal-gap group, in units (Morse: letter gap 3, word gap 7)
EQUAL_GAP_SCORE = 0.85  # the equal-gap form must match its template more closely than the Morse form
EQUAL_MIN_SHORT_S = 0.045  # and keyed no faster than about 27 wpm (fast repeated notes of music)


@dataclass(frozen=True, slots=True)
class Burst:
    start: float  # seconds from the start of the analysed samples
    end: float
    freq: float  # Hz, median of the frame peak frequencies
    wander: float  # Hz, spread of the peak frequency inside the burst (p90 - p10)
    level_db: float  # contrast: loudest frame over the track's floor (capped)
    peak_db: float = 0.0  # loudest frame, absolute (dB re full scale power)

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: float
    end: float
    freq: float
    bursts: tuple[Burst, ...]
    gaps: tuple[float, float, float]
    unit_s: float
    long_ratio: float
    gap_ratio: float
    score: float
    contrast_db: float
    form: str = "morse"  # "morse" (letter gap, the cue proper) | "equal_gaps" (reads as L: possible)

    def details(self, offset_s: float = 0.0) -> dict[str, object]:
        def ms(x: float) -> int:
            return int(round(x * 1000))

        return {
            "start_s": round(offset_s + self.start, 3),
            "end_s": round(offset_s + self.end, 3),
            "tone_hz": round(self.freq, 1),
            "segments_ms": [[ms(offset_s + b.start), ms(b.duration)] for b in self.bursts],
            "durations_ms": [ms(b.duration) for b in self.bursts],
            "gaps_ms": [ms(g) for g in self.gaps],
            "unit_ms": ms(self.unit_s),
            "tempo_wpm": round(1.2 / self.unit_s, 1),  # PARIS standard: 1 unit = 1.2 s / wpm
            "long_to_short": round(self.long_ratio, 2),
            "letter_gap_to_gap": round(self.gap_ratio, 2),
            "contrast_db": round(self.contrast_db, 1),
            "score": round(self.score, 3),
            "form": self.form,
        }


def find_cues(x: np.ndarray, rate: int, *, min_score: float = DETECT_SCORE,
              equal_gaps: bool = False) -> list[CueMatch]:
    """All non-overlapping cue matches in ``x`` scoring at least ``min_score``, best first
    (``equal_gaps``: also the rhythm keyed with equal gaps, ``form="equal_gaps"``)."""
    bursts_by_track = tone_bursts(x, rate)
    matches = [m for bursts in bursts_by_track for m in match_rhythm(bursts, equal_gaps)]
    floor = {"morse": min_score, "equal_gaps": max(min_score, EQUAL_GAP_SCORE)}
    matches = [m for m in matches if m.score >= floor[m.form]]
    matches.sort(key=lambda m: (m.form != "morse", -m.score))  # the Morse form first
    kept: list[CueMatch] = []
    for m in matches:
        clash = [i for i, k in enumerate(kept) if not (m.end <= k.start or m.start >= k.end)]
        if not clash:
            kept.append(m)
        elif len(clash) == 1 and m.freq < kept[clash[0]].freq and m.score >= kept[clash[0]].score - 0.1:
            kept[clash[0]] = m  # the same cue seen on a harmonic: report the fundamental
    return kept


# --------------------------------------------------------------------------- spectrum


def _spectrum(x: np.ndarray, rate: int) -> tuple[np.ndarray, float, float]:
    """Power spectrogram (frames x bins), the bin width in Hz and the hop in seconds."""
    win = max(16, int(round(WIN_S * rate)))
    hop = max(1, int(round(HOP_S * rate)))
    nfft = 1 << (2 * win - 1).bit_length()
    if len(x) < win:
        return np.zeros((0, nfft // 2 + 1)), rate / nfft, hop / rate
    frames = np.lib.stride_tricks.sliding_window_view(x.astype(np.float32, copy=False), win)[::hop]
    window = np.hanning(win).astype(np.float32)
    power = np.abs(np.fft.rfft(frames * window, nfft, axis=1)) ** 2
    return power.astype(np.float32), rate / nfft, hop / rate


def _band_mean(power: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Mean power over bins f+lo..f+hi and f-hi..f-lo (edges clipped), for every bin f."""
    n = power.shape[1]
    csum = np.concatenate([np.zeros((power.shape[0], 1), np.float64), np.cumsum(power, axis=1, dtype=np.float64)], axis=1)
    f = np.arange(n)

    def span(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        a = np.clip(a, 0, n)
        b = np.clip(b, 0, n)
        total = np.take(csum, b, axis=1)
        total -= np.take(csum, a, axis=1)  # in place: the arrays are large, fresh ones cost page faults
        return total, np.maximum(b - a, 0)

    up, nu = span(f + lo, f + hi + 1)
    down, nd = span(f - hi, f - lo + 1)
    count = np.maximum(nu + nd, 1)
    up += down
    up /= count
    return up


def _prominence(power: np.ndarray, db: np.ndarray, df: float) -> np.ndarray:
    """dB of each bin over the mean power of its neighbourhood (NEIGHBOURS_HZ either side):
    ``db - 10 * log10(band mean + 1e-12)``, computed in place in one array."""
    k_lo = max(3, int(round(NEIGHBOURS_HZ[0] / df)))
    k_hi = max(k_lo + 2, int(round(NEIGHBOURS_HZ[1] / df)))
    prom = _band_mean(power, k_lo, k_hi)
    prom += 1e-12
    np.log10(prom, out=prom)
    prom *= 10
    np.subtract(db, prom, out=prom)
    return prom


def tone_bursts(x: np.ndarray, rate: int) -> list[list[Burst]]:
    """Steady-tone bursts, grouped per candidate frequency track."""
    power, df, hop_s = _spectrum(x, rate)
    if power.shape[0] < 8:
        return []
    eps = 1e-12
    db = 10 * np.log10(power + eps)
    lo_bin = int(math.ceil(FMIN_HZ / df))
    hi_bin = int(min(power.shape[1] - 3, FMAX_HZ / df, (rate / 2 - 200) / df))
    if hi_bin <= lo_bin + 4:
        return []
    prom = _prominence(power, db, df)
    floor_all = np.percentile(db[:, lo_bin:hi_bin], 50)
    tonal = (prom >= PROM_CANDIDATE_DB) & (db > floor_all + 6)
    peaks = np.zeros_like(tonal)
    peaks[:, 1:-1] = (db[:, 1:-1] >= db[:, :-2]) & (db[:, 1:-1] >= db[:, 2:])
    count = (tonal & peaks)[:, lo_bin:hi_bin].sum(axis=0).astype(np.float64)
    # spread each frame's vote over +-1 bin so a tone between bins is one candidate
    smooth = count + np.concatenate([[0], count[:-1]]) + np.concatenate([count[1:], [0]])
    min_frames = max(6, int(0.08 / hop_s))
    candidates: list[int] = []
    order = np.argsort(-smooth)
    for i in order:
        if smooth[i] < min_frames or len(candidates) >= MAX_CANDIDATES:
            break
        b = int(i) + lo_bin
        if all(abs(b - c) > 4 for c in candidates):
            candidates.append(b)
    return [bursts for c in candidates if (bursts := _track(db, prom, c, df, hop_s))]


def _track(db: np.ndarray, prom: np.ndarray, centre: int, df: float, hop_s: float) -> list[Burst]:
    lo, hi = max(0, centre - 2), min(db.shape[1], centre + 3)
    sub = db[:, lo:hi]
    level = 10 * np.log10(np.sum(10 ** (sub / 10), axis=1))
    arg = np.argmax(sub, axis=1)
    pk = lo + arg
    peak_prom = prom[np.arange(len(pk)), pk]
    tonal = peak_prom >= PROM_ON_DB
    if not tonal.any():
        return []
    loud = float(np.percentile(level[tonal], 98))
    floor = float(np.percentile(level, 20))
    if loud - floor < MIN_RANGE_DB:
        return []
    on = (level >= max(loud - LEVEL_DROP_DB, floor + 6)) & tonal
    on = _close_gaps(on, 2)
    freq = _peak_freq(db, pk, df)
    bursts: list[Burst] = []
    centre_s = (WIN_S - HOP_S) / 2  # frame index -> time of the window's centre, minus half a hop
    min_frames = max(2, int(round(MIN_BURST_S / hop_s)))
    for s, e in _runs(on):
        if e - s < min_frames:
            continue
        f = freq[s:e]
        core = f[len(f) // 10 : len(f) - len(f) // 10] if len(f) >= 10 else f
        bursts.append(Burst(
            start=s * hop_s + centre_s, end=e * hop_s + centre_s, freq=float(np.median(f)),
            wander=float(np.subtract(*np.percentile(core, [90, 10]))),
            level_db=min(MAX_CONTRAST_DB, float(np.max(level[s:e])) - floor),
            peak_db=float(np.max(level[s:e])),
        ))
    return _merge_dropouts(bursts)


def _merge_dropouts(bursts: list[Burst]) -> list[Burst]:
    """Join a burst split by a brief dropout (masking by a louder sound in the same band).

    A gap shorter than half the shorter neighbour (and under :data:`MAX_DROPOUT_S`) cannot be
    a keying gap of a Morse rhythm, where gaps are at least about one dot long.
    """
    out: list[Burst] = []
    for b in bursts:
        if out:
            a = out[-1]
            gap = b.start - a.end
            if gap <= min(MAX_DROPOUT_S, 0.5 * min(a.duration, b.duration)) and abs(a.freq - b.freq) <= PITCH_TOLERANCE * a.freq + 8:
                w = (a.duration * a.freq + b.duration * b.freq) / (a.duration + b.duration)
                out[-1] = Burst(a.start, b.end, w, max(a.wander, b.wander), max(a.level_db, b.level_db),
                                max(a.peak_db, b.peak_db))
                continue
        out.append(b)
    return out


def _peak_freq(db: np.ndarray, pk: np.ndarray, df: float) -> np.ndarray:
    """Peak frequency per frame by parabolic interpolation around bin ``pk``."""
    rows = np.arange(len(pk))
    k = np.clip(pk, 1, db.shape[1] - 2)
    a, b, c = db[rows, k - 1], db[rows, k], db[rows, k + 1]
    denom = a - 2 * b + c
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.where(np.abs(denom) > 1e-9, 0.5 * (a - c) / denom, 0.0)
    return (k + np.clip(delta, -0.5, 0.5)) * df


def _close_gaps(on: np.ndarray, max_gap: int) -> np.ndarray:
    out = on.copy()
    runs = _runs(~on)
    for s, e in runs:
        if s > 0 and e < len(on) and e - s <= max_gap:
            out[s:e] = True
    return out


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    m = np.concatenate([[False], mask.astype(bool), [False]])
    d = np.diff(m.astype(np.int8))
    starts = np.flatnonzero(d == 1)
    ends = np.flatnonzero(d == -1)
    return list(zip(starts.tolist(), ends.tolist()))


# --------------------------------------------------------------------------- rhythm


def _closeness(value: float, ideal: float, spread: float) -> float:
    """1 at ``ideal``, falling off as a Gaussian in log-ratio with width ``spread``."""
    d = math.log(value / ideal) / spread
    return math.exp(-0.5 * d * d)


def _steady(b: Burst) -> bool:
    return b.wander <= max(STEADY_MIN_HZ, STEADY_TOLERANCE * b.freq)


def _same_sender(b: Burst, freq: float, level_db: float, short: float, long: float) -> bool:
    """Could ``b`` be one more Morse element keyed with the group (so the group is part of a word)?"""
    if abs(b.freq - freq) > PITCH_TOLERANCE * freq + 8:  # steady: match_rhythm kept only those
        return False
    if abs(b.peak_db - level_db) > SENDER_LEVEL_DB:
        return False
    d = b.duration
    return 0.6 * short <= d <= 1.6 * short or 0.6 * long <= d <= 1.6 * long


def match_rhythm(bursts: list[Burst], equal_gaps: bool = False) -> list[CueMatch]:
    """Test every run of four consecutive bursts against short-long-short-short."""
    # a burst whose pitch glides is not a keyed tone (a voice or an instrument passing through
    # the band): it is neither an element of the cue nor one of a longer Morse message
    bursts = [b for b in bursts if _steady(b)]
    out: list[CueMatch] = []
    for anchor in bursts:
        # the cue is keyed at one pitch: follow only bursts at the anchor's pitch, so a
        # neighbouring note a semitone away cannot split the sequence
        same = [b for b in bursts if abs(b.freq - anchor.freq) <= PITCH_TOLERANCE * anchor.freq + 8]
        i = same.index(anchor)
        if i + 4 > len(same):
            continue
        m = _match_group(same[i : i + 4], same[i - 1] if i > 0 else None,
                         same[i + 4] if i + 4 < len(same) else None, equal_gaps)
        if m is not None:
            out.append(m)
    return out


def _match_group(group: list[Burst], before: Burst | None, after: Burst | None,
                 equal_gaps: bool = False) -> CueMatch | None:
    """Four steady bursts at one pitch (and their steady neighbours) against short-long-short-short."""
    d1, d2, d3, d4 = (b.duration for b in group)
    g1 = group[1].start - group[0].end
    g2 = group[2].start - group[1].end
    g3 = group[3].start - group[2].end
    if min(g1, g2, g3) <= 0:
        return None
    dots = (d1, d3, d4)
    short = sum(dots) / 3
    intra = (g1 + g3) / 2
    if not MIN_SHORT_S <= short <= MAX_SHORT_S:
        return None
    if max(dots) / min(dots) > DOT_SPREAD_MAX:
        return None
    long_ratio = d2 / short
    if not LONG_RATIO[0] <= long_ratio <= LONG_RATIO[1]:
        return None
    if max(g1, g3) / min(g1, g3) > INTRA_GAP_SPREAD_MAX:
        return None
    if not INTRA_GAP_TO_DOT[0] <= intra / short <= INTRA_GAP_TO_DOT[1]:
        return None
    gap_ratio = g2 / intra
    if GAP_RATIO[0] <= gap_ratio <= GAP_RATIO[1]:
        form, gap_ideal = "morse", 3.0
    elif equal_gaps and EQUAL_GAP_RATIO[0] <= gap_ratio <= EQUAL_GAP_RATIO[1] and short >= EQUAL_MIN_SHORT_S:
        form, gap_ideal = "equal_gaps", 1.0
    else:
        return None
    freqs = [b.freq for b in group]
    fmed = float(np.median(freqs))
    if max(abs(f - fmed) for f in freqs) > PITCH_TOLERANCE * fmed + 8:
        return None
    guard = GUARD_FACTOR * g2
    if form == "equal_gaps":  # more silence than a Morse letter gap: not an L inside a word
        guard = EQUAL_GUARD_UNITS * (short + g1 + g2 + g3) / 4
    level = float(np.median([b.peak_db for b in group]))
    for nb, gap in ((before, group[0].start - before.end if before else 0.0),
                    (after, after.start - group[3].end if after else 0.0)):
        if nb is not None and gap < guard and _same_sender(nb, fmed, level, short, d2):
            return None
    score = (
        _closeness(long_ratio, 3.0, 0.35)
        * _closeness(gap_ratio, gap_ideal, 0.55)
        * _closeness(max(dots) / min(dots), 1.0, 0.35)
        * _closeness(intra / short, 1.0, 0.7)
        * _closeness(max(g1, g3) / min(g1, g3), 1.0, 0.6)
    ) ** (1 / 5)
    # unit from all seven intervals against the template 1,3,1,1 / 1,3,1 (equal gaps: 1,1,1)
    seq = (d1, d2, d3, d4, g1, g2, g3)
    tmpl = (1, 3, 1, 1, 1, 3 if form == "morse" else 1, 1)
    unit = sum(a * t for a, t in zip(seq, tmpl)) / sum(t * t for t in tmpl)
    return CueMatch(
        start=group[0].start, end=group[3].end, freq=fmed, bursts=tuple(group), gaps=(g1, g2, g3),
        unit_s=unit, long_ratio=long_ratio, gap_ratio=gap_ratio, score=score,
        contrast_db=min(b.level_db for b in group), form=form,
    )
