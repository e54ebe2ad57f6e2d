"""views.region_stats (whole-number sums, the rest as the picture minus the boxes) gives exactly what
the plain version over a full-size mask of the rest gives, for boxes that overlap, touch the edges,
are too small, lie outside or cover everything."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.adapters.opencv_image import _cv2
from verifier.forensics import views
from verifier.forensics.views import GRID, RegionStats, _phase_profile, clip_box, grey_of, noise_filtered

from .photos import jpeg, photo


def _noise(values: np.ndarray) -> float | None:
    if values.size == 0:
        return None
    return round(float(np.sqrt(np.pi / 2) * values.mean(dtype=np.float64) / 6.0), 3)


def _grid(sx: np.ndarray, sy: np.ndarray, mask: np.ndarray | None, box: tuple[int, int, int, int] | None):
    if box is not None:
        x0, y0, x1, y1 = box
        px = _phase_profile(sx.sum(axis=0), np.full(sx.shape[1], sx.shape[0], float), np.arange(x0 + 1, x1) % GRID)
        py = _phase_profile(sy.sum(axis=1), np.full(sy.shape[0], sy.shape[1], float), np.arange(y0 + 1, y1) % GRID)
    else:
        assert mask is not None
        mx, my = mask[:, 1:] & mask[:, :-1], mask[1:, :] & mask[:-1, :]
        px = _phase_profile(np.where(mx, sx, 0).sum(axis=0), mx.sum(axis=0).astype(float),
                            np.arange(1, mask.shape[1]) % GRID)
        py = _phase_profile(np.where(my, sy, 0).sum(axis=1), my.sum(axis=1).astype(float),
                            np.arange(1, mask.shape[0]) % GRID)
    if px is None or py is None:
        return None
    return (px[0], py[0]), (px[1], py[1])


def _plain(bgr: np.ndarray, boxes: list, grid: bool = True) -> tuple[list[RegionStats], RegionStats]:
    """The straightforward version: float32 steps, a full-size mask of the rest."""
    grey = grey_of(bgr)
    res = noise_filtered(grey)
    g = grey.astype(np.float32)
    x, y = np.abs(g[:, 1:] - g[:, :-1]), np.abs(g[1:, :] - g[:-1, :])
    h, w = grey.shape
    rest = np.ones((h, w), dtype=bool)
    regions = []
    for box in boxes:
        c = clip_box(box, w, h)
        if c is None:
            continue
        x0, y0, x1, y1 = c
        rest[y0:y1, x0:x1] = False
        found = _grid(x[y0:y1, x0:x1 - 1], y[y0:y1 - 1, x0:x1], None, c) if grid else None
        regions.append(RegionStats(c, (x1 - x0) * (y1 - y0), _noise(res[y0:y1, x0:x1].ravel()),
                                   found[0] if found else None, found[1] if found else None))
    pixels = int(rest.sum())
    found = _grid(x, y, rest, None) if grid and pixels else None
    return regions, RegionStats(None, pixels, _noise(res[rest]), found[0] if found else None,
                                found[1] if found else None)


def _picture(w: int, h: int, seed: int) -> np.ndarray:
    rgb = _cv2().imdecode(np.frombuffer(jpeg(photo(w, h, seed), 80), np.uint8), _cv2().IMREAD_COLOR)
    return np.ascontiguousarray(rgb)


BOXES = [
    [],
    [(40, 30, 140, 130)],
    [(40, 30, 140, 130), (100, 90, 220, 170)],  # overlapping
    [(0, 0, 64, 64), (236, 176, 300, 240)],  # in two corners, touching the edges
    [(-20, -10, 50, 40), (280, 200, 400, 300)],  # partly outside
    [(10, 10, 20, 20), (500, 500, 600, 600)],  # too small, wholly outside: left out
    [(0, 0, 300, 240)],  # the whole picture: no rest
    [(0, 0, 300, 120), (0, 120, 150, 240)],  # most of it
    [(37, 53, 91, 107), (37, 107, 91, 161), (91, 53, 145, 161)],  # touching each other
]


@pytest.mark.parametrize("boxes", BOXES)
@pytest.mark.parametrize("grid", [True, False])
def test_the_same_numbers_as_over_a_full_size_mask(boxes: list, grid: bool) -> None:
    bgr = _picture(300, 240, 5)
    assert views.region_stats(bgr, boxes, grid=grid) == _plain(bgr, boxes, grid=grid)


@pytest.mark.parametrize("size", [(1, 40), (40, 1), (17, 17), (1024, 700)])
def test_the_same_numbers_on_thin_small_and_larger_pictures(size: tuple[int, int]) -> None:
    w, h = size
    rng = np.random.default_rng(w * h)
    bgr = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    boxes = [(w // 4, h // 4, w // 4 + 200, h // 4 + 150), (w // 2, h // 3, w // 2 + 90, h // 3 + 300)]
    assert views.region_stats(bgr, boxes) == _plain(bgr, boxes)
