"""Forensic views: pictures made for a human eye, and the facts measured on regions of a picture.

These are *views*, not verdicts: nothing here raises an indicator or decides anything. An
examiner looks at them next to the picture.

- :func:`error_level` — error-level analysis: the picture re-saved as JPEG at a fixed quality in
  memory, the absolute difference (the largest of the three channels') amplified by a fixed gain. Regions whose compression history
  differs from the rest (pasted, retouched, re-saved apart) often stand out; so do edges, text and
  saturated areas, in every picture.
- :func:`noise_residual` — the picture minus a 3 × 3 median-filtered copy of itself, the absolute
  value stretched so that its 99.5th percentile is white: sensor noise and fine texture; a region
  with a different noise (smoothed skin, another camera) looks different.
- :func:`region_stats` — for given boxes (faces, say) and for the rest of the picture: the noise
  level (a robust σ of the residual) and the JPEG grid (which 8-pixel phase carries the strongest
  block boundaries, and how much stronger it is than the other phases). A region pasted from
  another JPEG can carry a grid of another phase or strength than its surroundings.

Everything is computed in memory; the views are at most :data:`MAX_SIDE` pixels on their long side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_SIDE = 1024  # long side of a view
ANALYSIS_MAX_PIXELS = 40_000_000  # larger pictures are measured on a scaled copy (and the grid is not measured)
ELA_QUALITY = 90
ELA_GAIN = 20
NOISE_PERCENTILE = 99.5
GRID = 8
MIN_REGION_SIDE = 16  # regions smaller than this on either side are not measured
MAD_TO_SIGMA = 1.4826

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (x1, y1 exclusive)


def _cv2() -> Any:
    from ..adapters.opencv_image import _cv2 as load

    return load()


def fit(img: np.ndarray, max_side: int = MAX_SIDE) -> np.ndarray:
    """A copy at most ``max_side`` pixels on its long side (area averaging), or ``img`` itself."""
    h, w = img.shape[:2]
    factor = max_side / max(h, w)
    if factor >= 1.0:
        return img
    return _cv2().resize(img, (max(1, round(w * factor)), max(1, round(h * factor))), interpolation=_cv2().INTER_AREA)


def analysis_copy(bgr: np.ndarray) -> tuple[np.ndarray, float]:
    """The pixels to measure (``bgr`` itself unless above :data:`ANALYSIS_MAX_PIXELS`) and their scale."""
    h, w = bgr.shape[:2]
    if h * w <= ANALYSIS_MAX_PIXELS:
        return bgr, 1.0
    factor = float(np.sqrt(ANALYSIS_MAX_PIXELS / (h * w)))
    size = (max(1, int(w * factor)), max(1, int(h * factor)))
    return _cv2().resize(bgr, size, interpolation=_cv2().INTER_AREA), factor


@dataclass(frozen=True, slots=True)
class ErrorLevel:
    image: np.ndarray  # grey uint8: the largest channel difference, amplified
    quality: int
    gain: int
    max_difference: int  # largest absolute difference before amplification (0-255)
    mean_difference: float


def error_level(bgr: np.ndarray, quality: int = ELA_QUALITY, gain: int = ELA_GAIN) -> ErrorLevel:
    cv2 = _cv2()
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("the picture could not be re-encoded as JPEG in memory")
    again = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    diff = cv2.absdiff(bgr, again).max(axis=2)  # the largest of the three channels' differences
    amplified = np.clip(diff.astype(np.uint16) * gain, 0, 255).astype(np.uint8)
    return ErrorLevel(amplified, quality, gain, int(diff.max(initial=0)), round(float(diff.mean()), 3))


def grey_of(bgr: np.ndarray) -> np.ndarray:
    return _cv2().cvtColor(bgr, _cv2().COLOR_BGR2GRAY)


def residual(grey: np.ndarray) -> np.ndarray:
    """Picture minus its 3 × 3 median (float32, signed)."""
    return grey.astype(np.float32) - _cv2().medianBlur(grey, 3).astype(np.float32)


@dataclass(frozen=True, slots=True)
class NoiseResidual:
    image: np.ndarray  # grey uint8
    scale: float  # grey levels of |residual| shown as white


def noise_residual(grey: np.ndarray, max_side: int = MAX_SIDE) -> NoiseResidual:
    """The view (at most ``max_side`` pixels long): |residual| measured at full size, averaged down,
    stretched so that the view's 99.5th percentile is white."""
    r = fit(np.abs(residual(grey)), max_side)
    top = max(float(np.percentile(r, NOISE_PERCENTILE)) if r.size else 0.0, 0.5)
    return NoiseResidual(np.clip(r * (255.0 / top), 0, 255).astype(np.uint8), round(top, 3))


@dataclass(frozen=True, slots=True)
class RegionStats:
    """Facts measured on one region (``box``) or on the rest of the picture (``box`` None)."""

    box: Box | None
    pixels: int
    noise: float | None  # robust σ of the median residual, in grey levels
    grid_offset: tuple[int, int] | None  # (x, y) phase 0-7 of the strongest block boundaries
    grid_strength: tuple[float, float] | None  # that phase's mean step / the other phases' (1 = no grid)

    def as_details(self) -> dict[str, Any]:
        d: dict[str, Any] = {"pixels": self.pixels, "noise": self.noise}
        if self.box is not None:
            d = {"box": list(self.box), **d}
        d["grid_offset"] = list(self.grid_offset) if self.grid_offset else None
        d["grid_strength"] = list(self.grid_strength) if self.grid_strength else None
        return d


def _phase_profile(steps: np.ndarray, mask: np.ndarray, phases: np.ndarray) -> tuple[int, float] | None:
    """Strongest boundary phase and its strength from absolute steps across one axis."""
    sel = steps[mask]
    if sel.size == 0:
        return None
    idx = np.broadcast_to(phases, steps.shape)[mask]
    counts = np.bincount(idx, minlength=GRID)
    if (counts == 0).any():
        return None
    means = np.bincount(idx, weights=sel, minlength=GRID) / counts
    best = int(np.argmax(means))
    others = float(np.delete(means, best).mean())
    if others <= 1e-6:
        return None  # a flat region: no steps to compare
    return best, round(float(means[best]) / others, 3)


def _stats(grey: np.ndarray, res: np.ndarray, mask: np.ndarray, box: Box | None, grid: bool) -> RegionStats:
    pixels = int(mask.sum())
    noise = None
    if pixels:
        r = res[mask]
        noise = round(MAD_TO_SIGMA * float(np.median(np.abs(r - np.median(r)))), 3)
    offset = strength = None
    if grid and pixels:
        g = grey.astype(np.float32)
        h, w = grey.shape
        sx = np.abs(g[:, 1:] - g[:, :-1])
        sy = np.abs(g[1:, :] - g[:-1, :])
        px = _phase_profile(sx, mask[:, 1:] & mask[:, :-1], (np.arange(1, w) % GRID)[None, :])
        py = _phase_profile(sy, mask[1:, :] & mask[:-1, :], (np.arange(1, h) % GRID)[:, None])
        if px and py:
            offset, strength = (px[0], py[0]), (px[1], py[1])
    return RegionStats(box, pixels, noise, offset, strength)


def clip_box(box: Box, width: int, height: int) -> Box | None:
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(width, int(box[2])), min(height, int(box[3]))
    if x1 - x0 < MIN_REGION_SIDE or y1 - y0 < MIN_REGION_SIDE:
        return None
    return x0, y0, x1, y1


def region_stats(bgr: np.ndarray, boxes: tuple[Box, ...] | list[Box],
                 grid: bool = True) -> tuple[list[RegionStats], RegionStats]:
    """Noise and JPEG-grid facts for each box (boxes too small or outside are left out) and for the
    rest of the picture. ``grid`` False when the pixels were rescaled (the grid is then lost)."""
    grey = grey_of(bgr)
    res = residual(grey)
    h, w = grey.shape
    rest = np.ones((h, w), dtype=bool)
    regions = []
    for box in boxes:
        clipped = clip_box(box, w, h)
        if clipped is None:
            continue
        x0, y0, x1, y1 = clipped
        mask = np.zeros((h, w), dtype=bool)
        mask[y0:y1, x0:x1] = True
        rest[y0:y1, x0:x1] = False
        regions.append(_stats(grey, res, mask, clipped, grid))
    return regions, _stats(grey, res, rest, None, grid)


def outlined(bgr: np.ndarray, boxes: tuple[Box, ...] | list[Box]) -> np.ndarray:
    """A view-sized copy of the picture with each box outlined and numbered from 1."""
    cv2 = _cv2()
    view = fit(bgr).copy()
    factor = view.shape[1] / bgr.shape[1]
    thick = max(2, round(max(view.shape[:2]) / 400))
    for n, (x0, y0, x1, y1) in enumerate(boxes, 1):
        a, b = (round(x0 * factor), round(y0 * factor)), (round(x1 * factor) - 1, round(y1 * factor) - 1)
        cv2.rectangle(view, a, b, (0, 0, 0), thick + 2)
        cv2.rectangle(view, a, b, (0, 255, 255), thick)
        cv2.putText(view, str(n), (a[0] + thick + 2, a[1] + 14 + thick), cv2.FONT_HERSHEY_SIMPLEX, 0.5,
                    (0, 255, 255), 1, cv2.LINE_AA)
    return view
