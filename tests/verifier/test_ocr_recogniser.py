"""Reading lines (:func:`verifier.adapters.ocr.recognise`): boxes too flat to be a line of text are
not read, so that one degenerate box cannot blow a batch up to thousands of pixels."""

from __future__ import annotations

import time

import numpy as np
import pytest

from tests.verifier.fixtures.images import natural
from tests.verifier.fixtures.labels import draw_text
from verifier.adapters import ocr


def _quad(box: tuple[int, int, int, int]) -> ocr.Quad:
    x0, y0, x1, y1 = box
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def test_a_flat_box_is_not_read_and_the_label_beside_it_is(monkeypatch):
    pytest.importorskip("rapidocr")
    img, box = draw_text(natural(7, 150, 2942), "AI生成", 0.3, "bottom-left")
    bgr = np.ascontiguousarray(img[:, :, ::-1])
    pad = 6
    label = _quad((max(0, box[0] - pad), max(0, box[1] - pad), box[2] + pad, min(149, box[3] + pad)))
    # as the text detector returns them at the edge of a padded flat strip: 1 px tall, the image wide
    flat = ((0.0, 148.5), (2940.5, 150.0), (2940.5, 150.0), (0.0, 150.0))
    seen: list[tuple[int, ...]] = []
    eng = ocr.engine()
    real = eng.recognize_txt
    monkeypatch.setattr(eng, "recognize_txt", lambda crops: seen.extend(c.shape for c in crops) or real(crops))
    t = time.process_time()
    lines = ocr.recognise(bgr, [label, flat])
    assert time.process_time() - t < 5  # the flat box read would take minutes or fail for memory
    assert [line.text for line in lines] == ["AI生成"] and lines[0].box == label
    assert len(seen) == 1 and seen[0][1] <= ocr.MAX_LINE_RATIO * seen[0][0]
    assert ocr.recognise(bgr, [flat]) == []
