"""The text-likeness pre-filter: blurred bands skip the OCR network; labels of any contrast, colour
and size on any background, textured ones included, do not."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.verifier.fixtures.images import natural
from tests.verifier.fixtures.labels import NOTO, cjk_font
from tests.verifier.test_visible_contrast import faint_label
from verifier.adapters import ocr
from verifier.detectors.visible_label import DET_SHORT, examine
from verifier.visible import contrast, strips, textlike

MARGIN = 1.5  # the faintest readable label must score this far above the threshold


def blurred(seed: int, h: int = 1200, w: int = 1600) -> np.ndarray:
    """A photo-like picture out of focus everywhere (bokeh, a soft background): BGR."""
    import cv2

    return np.ascontiguousarray(cv2.GaussianBlur(natural(seed, h, w), (0, 0), 6)[:, :, ::-1])


def with_text(bgr: np.ndarray, text: str, share: float, fill: tuple[int, int, int], at: str = "bottom-right") -> np.ndarray:
    """``text`` in ``fill`` (RGB), no halo, ``share`` of the shortest side high, near a corner or bottom-centre."""
    img = Image.fromarray(np.ascontiguousarray(bgr[:, :, ::-1]))
    w, h = img.size
    draw = ImageDraw.Draw(img)
    font = cjk_font(max(8, int(share * min(w, h))))
    l, t, r, b = draw.textbbox((0, 0), text, font=font)
    x = w - 30 - (r - l) if at == "bottom-right" else (w - (r - l)) // 2
    draw.text((x - l, h - 30 - (b - t) - t), text, font=font, fill=fill)
    return np.ascontiguousarray(np.asarray(img)[:, :, ::-1])


def bottom_band(bgr: np.ndarray) -> np.ndarray:
    """The bottom strip at the scale the text detector sees it (as visible_label._read makes it)."""
    h, w = bgr.shape[:2]
    return contrast.scaled(strips.edge_strips(w, h)[0].crop(bgr), min(1.0, DET_SHORT / min(h, w)))


def test_blurred_bands_are_skipped_and_flat_ones_too():
    for seed in (0, 5, 6, 10):
        band = bottom_band(blurred(seed))
        assert contrast.may_hold_text(band)  # not flat: the contrast test alone would run the network
        assert not textlike.may_hold_text(band), seed
    assert textlike.fine_pixels(np.full((100, 400, 3), 90, np.uint8)) == 0
    assert textlike.fine_pixels(np.zeros((0, 0, 3), np.uint8)) == 0


def test_densest_window_counts_not_the_whole_band():
    """Scattered sharp specks (grain on a soft picture) are not a cluster of strokes."""
    band = np.full((100, 800, 3), 90, np.uint8)
    band[::20, ::20] = 200  # 200 isolated specks, 20 px apart: at most 4 in any 24 px window
    assert textlike.fine_pixels(band) < textlike.MIN_FINE_PIXELS
    band[40:64, 100:124:2] = 200  # a dense patch of thin vertical strokes
    assert textlike.fine_pixels(band) >= textlike.MIN_FINE_PIXELS


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
def test_faintest_readable_label_scores_with_margin():
    """12 grey levels on a flat background, no halo, is the faintest label OCR reads (contrast.py)."""
    for share in (0.02, 0.04):
        img = faint_label(12, share)
        h = img.shape[0]
        band = contrast.scaled(img[h - int(0.2 * h):], DET_SHORT / h)
        assert textlike.fine_pixels(band) >= MARGIN * textlike.MIN_FINE_PIXELS, share


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
@pytest.mark.parametrize("text,share,fill,at", [
    ("AI生成", 0.015, (235, 235, 235), "bottom-right"),  # the smallest label, light
    ("AI-generated", 0.015, (20, 20, 20), "bottom-centre"),  # the smallest Latin label, dark
    ("人工智能生成", 0.08, (200, 40, 40), "bottom-right"),  # the largest, coloured
])
def test_small_and_large_labels_on_a_blurred_picture_pass(text, share, fill, at):
    img = with_text(blurred(7), text, share, fill, at)
    assert textlike.fine_pixels(bottom_band(img)) >= MARGIN * textlike.MIN_FINE_PIXELS


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
def test_label_differing_in_colour_more_than_in_brightness_passes():
    """Green on blue of nearly the same grey level: the channels are tested apart."""
    bgr = np.zeros((1200, 1600, 3), np.uint8)
    bgr[:] = (230, 90, 20)  # BGR blue, grey ~85
    img = with_text(bgr, "AI生成", 0.02, (14, 140, 40))  # green, grey ~91
    assert textlike.fine_pixels(bottom_band(img)) >= MARGIN * textlike.MIN_FINE_PIXELS


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
def test_textured_background_passes_with_and_without_a_label():
    """Foliage-like texture is full of sharp detail: the network still runs there."""
    rng = np.random.default_rng(3)
    leaves = np.clip(natural(3, 1200, 1600).astype(np.int16) + rng.integers(-40, 41, (1200, 1600, 3)), 0, 255)
    bgr = np.ascontiguousarray(leaves.astype(np.uint8)[:, :, ::-1])
    assert textlike.may_hold_text(bottom_band(bgr))
    assert textlike.may_hold_text(bottom_band(with_text(bgr, "AI生成", 0.03, (250, 250, 250))))


def test_blurred_frame_never_runs_the_ocr_network(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("the text detector ran on a band with no sharp detail")

    monkeypatch.setattr(ocr, "detect", boom)
    found, facts = examine(blurred(5), True, full_frame_fallback=True)
    assert found == [] and facts["ocr_regions"] == []
    assert facts["ocr_regions_flat"] == ["bottom", "top", "left", "right"]


@pytest.mark.skipif(not NOTO.is_file(), reason="no CJK font")
def test_label_on_a_blurred_picture_is_still_read():
    img = with_text(blurred(8), "AI生成", 0.03, (245, 245, 245))
    found, facts = examine(img, True, full_frame_fallback=True)
    assert [f.details["text"] for f in found if f.kind == "text"] == ["AI生成"]
    assert "bottom" in facts["ocr_regions"] and "top" not in facts["ocr_regions"]
