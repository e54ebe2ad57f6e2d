"""The ``visible_label`` detector with the real offline OCR engine on labels rendered in code."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.verifier.fixtures.images import natural
from tests.verifier.fixtures.labels import draw_sparkle, draw_text
from tests.verifier.fixtures.video import write_video
from verifier.config import Config
from verifier.detectors import BUILTIN_DETECTORS, Context
from verifier.detectors.visible_label import VisibleLabelDetector
from verifier.evidence import Basis, Claim, Confidence
from verifier.inputs import identify
from verifier.isolation import run_detector

CTX = Context(Config(isolation="inline"))
NO_OCR = Context(Config(isolation="inline", ocr=False))


def png(tmp_path: Path, name: str, rgb: np.ndarray) -> Path:
    p = tmp_path / name
    ok, buf = cv2.imencode(".png", np.ascontiguousarray(rgb[:, :, ::-1]))
    p.write_bytes(buf.tobytes())
    return p


def test_registered_and_isolated():
    det = next(d for d in BUILTIN_DETECTORS if d.name == "visible_label")
    assert det.isolated is True


@pytest.mark.parametrize("text, share, corner, meets", [
    ("豆包AI生成", 0.06, "bottom-right", True),
    ("AI生成", 0.035, "bottom-left", False),
    ("Made with AI", 0.075, "top-left", True),  # ink is ~80 % of the font size
])
def test_reads_rendered_labels(tmp_path, text, share, corner, meets):
    img, box = draw_text(natural(len(text) * 7, 1200, 1600), text, share, corner)
    f = VisibleLabelDetector().run(identify(png(tmp_path, "l.png", img)), CTX)
    sig = next(s for s in f.signals if "text" in s.details)
    assert (sig.id, sig.claim, sig.basis, sig.confidence) == (
        "visible_label", Claim.AI_GENERATED, Basis.VISIBLE, Confidence.DETECTED)
    assert sig.details["text"].replace(" ", "") == text.replace(" ", "")
    x0, y0, x1, y1 = sig.details["box"]
    assert x0 <= box[0] + 12 and x1 >= box[2] - 12 and y0 <= box[1] + 12 and y1 >= box[3] - 12
    assert sig.details["meets_5pct_rule"] is meets
    assert abs(sig.details["relative_height"] - (box[3] - box[1]) / 1200) < 0.015
    assert sig.details["position"] == corner.replace("left", "left").replace("right", "right")
    (att,) = f.attachments
    assert att.mime == "image/png" and att.data.startswith(b"\x89PNG")
    assert f.facts["ocr_regions"][0] in ("bottom", "top")


@pytest.mark.parametrize("text", ["AI research lab", "生成器", "Generated image"])
def test_captions_without_label_give_no_signal(tmp_path, text):
    img, _ = draw_text(natural(31, 1024, 1024), text, 0.06, "bottom-right")
    f = VisibleLabelDetector().run(identify(png(tmp_path, "c.png", img)), CTX)
    assert f.signals == ()
    assert "full" in f.facts["ocr_regions"]  # half a label: the whole frame was read too


@pytest.mark.parametrize("seed", range(3))
def test_clean_images_give_no_signal(tmp_path, seed):
    f = VisibleLabelDetector().run(identify(png(tmp_path, "n.png", natural(900 + seed, 1024, 1536))), CTX)
    assert f.signals == ()


def test_ocr_switched_off_still_matches_the_sparkle(tmp_path):
    img, _ = draw_text(natural(3, 1100, 1300), "豆包AI生成", 0.06, "bottom-left")
    img = draw_sparkle(img, 96, 64, alpha=0.6)
    ev = run_detector(VisibleLabelDetector(), identify(png(tmp_path, "s.png", img)), NO_OCR)
    assert str(ev.status) == "ok"
    (sig,) = ev.signals
    assert sig.details["logo"] == "Google Gemini sparkle" and sig.claim is Claim.AI_GENERATED
    assert sig.details["meets_5pct_rule"] is None and sig.details["position"] == "bottom-right"
    assert "switched off" in ev.facts["ocr"] and "ocr_regions" not in ev.facts


def test_ocr_runs_offline_under_the_network_guard():
    from verifier.adapters import ocr

    assert socket.create_connection.__name__ == "_deny"
    lines = ocr.read_text(np.full((64, 64, 3), 255, np.uint8))
    assert lines == []


def test_video_label_in_the_first_seconds(tmp_path):
    base = natural(42, 480, 640)
    labelled, _ = draw_text(base, "AI生成", 0.08, "bottom-right")

    def frame(i: int) -> np.ndarray:
        return labelled if i < 2 * 10 else base

    p = write_video(tmp_path / "v.mp4", 6, 10, frame)
    before = sorted(os.listdir(tmp_path))
    ev = run_detector(VisibleLabelDetector(), identify(p), CTX)
    assert sorted(os.listdir(tmp_path)) == before  # nothing written beside the input
    assert str(ev.status) == "ok", ev.error
    (sig,) = ev.signals
    assert sig.details["text"] == "AI生成" and sig.details["at_seconds"] < 2.0


def test_clean_video_gives_no_signal(tmp_path):
    base = natural(43, 360, 480)
    p = write_video(tmp_path / "c.mp4", 3, 10, lambda i: np.roll(base, i, axis=1))
    ev = run_detector(VisibleLabelDetector(), identify(p), CTX)
    assert str(ev.status) == "ok" and ev.signals == ()
    assert len(ev.facts["frames_checked"]) >= 3


def test_read_only_input_folder(tmp_path):
    img, _ = draw_text(natural(5, 900, 1200), "AI生成", 0.06)
    p = png(tmp_path, "r.png", img)
    tmp_path.chmod(0o555)
    try:
        ev = run_detector(VisibleLabelDetector(), identify(p), CTX)
    finally:
        tmp_path.chmod(0o755)
    assert str(ev.status) == "ok" and ev.signals


def test_in_a_worker_process_with_the_network_guard(tmp_path):
    from verifier.pipeline import analyse_file

    img, _ = draw_text(natural(12, 1024, 1024), "人工智能生成", 0.07, "top-right")
    p = png(tmp_path, "w.png", img)
    report = analyse_file(p, Config(isolation="process", workers=1), detectors=(VisibleLabelDetector(),))
    (ev,) = report.evidence
    assert str(ev.status) == "ok", ev.error
    assert [s.details["text"] for s in ev.signals] == ["人工智能生成"]
    assert str(report.verdict.code) == "ai_generated" and str(report.verdict.strength) == "visible"


def test_one_engine_per_process_and_boxes_in_image_pixels():
    from verifier.adapters import ocr

    assert ocr.engine() is ocr.engine()
    img, box = draw_text(natural(21, 300, 700), "AI生成", 0.2, "top-left")
    line = next(x for x in ocr.read_text(np.ascontiguousarray(img[:, :, ::-1])) if x.text == "AI生成")
    x0, y0, x1, y1 = line.bounds
    assert x0 <= box[0] + 6 and y0 <= box[1] + 6 and x1 >= box[2] - 6 and y1 >= box[3] - 6
    assert x1 - x0 < 2 * (box[2] - box[0])
