"""Which lines cut by a strip's border are followed into the rows around them (with a fake OCR)."""

from __future__ import annotations

import numpy as np

from verifier.adapters import ocr
from verifier.adapters.ocr import TextLine
from verifier.detectors.visible_label import FILLED_SHARE, examine


def fake_ocr(monkeypatch, line_height: int, text: str = "~~~") -> None:
    """The second region read (the top strip) holds one line of ``line_height`` px (at the
    detection scale) standing on the strip's inner (bottom) border; other regions hold nothing."""
    calls = []

    def detect(small, scale=1.0):
        calls.append(small.shape)
        if len(calls) != 2:
            return []
        h = float(small.shape[0])
        return [((10.0, h - line_height), (300.0, h - line_height), (300.0, h), (10.0, h))]

    def recognise(bgr, quads):
        return [TextLine(text, 0.9, q) for q in quads]

    monkeypatch.setattr(ocr, "detect", detect)
    monkeypatch.setattr(ocr, "recognise", recognise)


def frame() -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.integers(0, 255, (1000, 1500, 3), dtype=np.uint8)  # textured everywhere: no flat band


def test_a_label_sized_line_cut_by_the_border_is_followed(monkeypatch):
    fake_ocr(monkeypatch, line_height=20)  # 20 px at the detection scale: 3.9 % of the shortest side
    _, facts = examine(frame(), True, full_frame_fallback=True)
    assert facts["ocr_regions"][:4] == ["bottom", "top", "left", "right"]
    assert len(facts["ocr_regions"]) == 5 and facts["ocr_regions"][4].startswith("rows")


def test_a_strip_high_texture_blob_is_not_followed(monkeypatch):
    tall = int(0.2 * 512)  # fills the top strip: 20 % of the shortest side
    assert tall >= FILLED_SHARE * 0.2 * 512
    fake_ocr(monkeypatch, line_height=tall)
    _, facts = examine(frame(), True, full_frame_fallback=True)
    assert facts["ocr_regions"] == ["bottom", "top", "left", "right"]


def test_half_a_label_is_followed_whatever_its_height(monkeypatch):
    tall = int(0.2 * 512)
    fake_ocr(monkeypatch, line_height=tall, text="AI")  # one element of a label: partial
    _, facts = examine(frame(), True, full_frame_fallback=True)
    assert len(facts["ocr_regions"]) == 5
