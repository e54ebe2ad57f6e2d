"""The text-contrast pre-filter: flat bands skip the OCR network, labels at any readable contrast do not."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.verifier.fixtures.labels import NOTO, cjk_font, draw_text
from verifier.adapters import ocr
from verifier.detectors import visible_label
from verifier.detectors.visible_label import examine
from verifier.visible import contrast


def faint_label(delta: int, share: float = 0.04, grey: int = 128) -> np.ndarray:
    """``AI生成`` drawn ``delta`` grey levels above a flat background (no halo), BGR."""
    h, w = 1200, 1600
    img = Image.fromarray(np.full((h, w, 3), grey, np.uint8))
    draw = ImageDraw.Draw(img)
    font = cjk_font(int(share * h))
    l, t, r, b = draw.textbbox((0, 0), "AI生成", font=font)
    draw.text((w - 40 - (r - l) - l, h - 40 - (b - t) - t), "AI生成", font=font, fill=(grey + delta,) * 3)
    return np.ascontiguousarray(np.asarray(img)[:, :, ::-1])


def test_level_measures_the_strongest_local_step():
    flat = np.full((100, 400, 3), 90, np.uint8)
    assert contrast.level(flat) == 0 and not contrast.may_hold_text(flat)
    noisy = np.clip(flat + np.random.default_rng(0).normal(0, 1, flat.shape), 0, 255).astype(np.uint8)
    assert contrast.level(noisy) < contrast.MIN_TEXT_CONTRAST  # sensor/JPEG noise is not text
    step = flat.copy()
    step[40:60, 100:300] = 90 + 20
    assert contrast.level(step) == 20 and contrast.may_hold_text(step)
    specks = flat.copy()
    specks[0, :10] = 255  # ten stray pixels in 40,000: outliers, not a line of text
    assert contrast.level(specks) == 0


def test_scaled_copy_is_the_detectors_copy():
    img = np.random.default_rng(1).integers(0, 255, (300, 500, 3), dtype=np.uint8)
    assert contrast.scaled(img, 1.0) is img
    assert contrast.scaled(img, 0.5).shape == (150, 250, 3)
    assert contrast.scaled(img, 0.001).shape == (8, 8, 3)


def test_flat_frame_never_runs_or_loads_the_ocr_network(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("the text detector ran on a flat band")

    monkeypatch.setattr(ocr, "detect", boom)
    found, facts = examine(np.full((1200, 1600, 3), 40, np.uint8), True, full_frame_fallback=True)
    assert found == [] and facts["ocr"] == "read"
    assert facts["ocr_regions"] == [] and facts["ocr_regions_flat"] == ["bottom", "top", "left", "right"]


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
def test_faintest_readable_label_passes_the_filter_with_margin():
    """The threshold sits below the faintest label OCR reads: what OCR can read is never skipped."""
    for delta in (12, 16, 24):
        found, facts = examine(faint_label(delta), True, full_frame_fallback=True)
        assert "bottom" in facts["ocr_regions"], delta
    # below what OCR can read at all, the band is skipped
    found, facts = examine(faint_label(4), True, full_frame_fallback=True)
    assert not found and "bottom" in facts["ocr_regions_flat"]


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
def test_filtered_reading_equals_unfiltered_reading(monkeypatch):
    """Where a band passes the filter, the lines are exactly those of ocr.read_text."""
    from tests.verifier.fixtures.images import natural

    img, _ = draw_text(natural(5, 1200, 1600), "AI生成", 0.04, "bottom-right")
    bgr = np.ascontiguousarray(img[:, :, ::-1])
    region = visible_label.strips.edge_strips(1600, 1200)[0]
    scale = 512 / 1200
    assert visible_label._read(region, bgr, scale) == ocr.read_text(region.crop(bgr), scale)
