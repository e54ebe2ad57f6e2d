"""The ``watermark`` detector end to end on files built in code."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.verifier.fixtures.images import natural
from tests.verifier.fixtures.wm_reference import embed_as_pipeline
from verifier.config import Config
from verifier.detectors import BUILTIN_DETECTORS, Context, DetectorFailure, NotApplicable
from verifier.detectors.watermark import WatermarkDetector
from verifier.evidence import Basis, Claim, Confidence
from verifier.inputs import identify
from verifier.isolation import run_detector
from verifier.watermarks.payloads import SD1, SDXL

CTX = Context(Config(isolation="inline"))


def write(tmp_path: Path, name: str, rgb: np.ndarray, *params: int) -> Path:
    p = tmp_path / name
    ok, buf = cv2.imencode(p.suffix, np.ascontiguousarray(rgb[:, :, ::-1]), list(params))
    assert ok
    p.write_bytes(buf.tobytes())
    return p


def test_registered_and_isolated():
    det = next(d for d in BUILTIN_DETECTORS if d.name == "watermark")
    assert det.isolated is True


def test_detects_sdxl_in_png(tmp_path):
    p = write(tmp_path, "a.png", embed_as_pipeline(natural(3, 768, 768), SDXL.bits, "float_bgr"))
    f = WatermarkDetector().run(identify(p), CTX)
    (sig,) = f.signals
    assert (sig.id, sig.claim, sig.basis, sig.confidence) == (
        "watermark.invisible", Claim.AI_GENERATED, Basis.WATERMARK, Confidence.DETECTED)
    assert sig.details["payload"] == SDXL.name and sig.details["variant"] == "float_bgr"
    assert sig.details["level"] == "detected" and sig.details["z_score"] >= 4.5
    assert f.facts["payloads"][0]["payload"] == SDXL.name


def test_survives_high_quality_jpeg(tmp_path):
    p = write(tmp_path, "a.jpg", embed_as_pipeline(natural(4, 512, 512), SD1.bits, "uint8_bgr"),
              cv2.IMWRITE_JPEG_QUALITY, 95)
    (sig,) = WatermarkDetector().run(identify(p), CTX).signals
    assert sig.details["payload"] == SD1.name


def test_reads_the_stored_pixels_of_a_rotated_jpeg(tmp_path):
    """An EXIF Orientation tag turns the picture for viewers; the mark is in the stored pixels."""
    import io

    from PIL import Image

    marked = embed_as_pipeline(natural(6, 512, 768), SD1.bits, "uint8_bgr")
    exif = Image.Exif()
    exif[0x0112] = 6  # shown rotated 90 degrees clockwise
    buf = io.BytesIO()
    Image.fromarray(marked).save(buf, "JPEG", quality=98, exif=exif.tobytes())
    p = tmp_path / "rotated.jpg"
    p.write_bytes(buf.getvalue())
    from verifier.adapters import opencv_image

    assert opencv_image.load_bgr(p, "image/jpeg").shape[:2] == (768, 512)  # as a viewer sees it
    f = WatermarkDetector().run(identify(p), CTX)
    (sig,) = f.signals
    assert sig.details["payload"] == SD1.name and sig.details["level"] == "detected"
    assert (f.facts["width"], f.facts["height"]) == (768, 512)  # the stored raster


def test_clean_image_has_no_signal_but_reports_scores(tmp_path):
    p = write(tmp_path, "clean.png", natural(5, 640, 480))
    f = WatermarkDetector().run(identify(p), CTX)
    assert f.signals == ()
    assert {x["payload"] for x in f.facts["payloads"]} >= {SD1.name, SDXL.name}
    assert f.facts["note"] == "dwtdct_fragile"  # worded by verifier.describe


def test_possible_level_is_weak(monkeypatch, tmp_path):
    from verifier.detectors import watermark as mod
    from verifier.watermarks import dwtdct

    p = write(tmp_path, "a.png", embed_as_pipeline(natural(6, 512, 512), SDXL.bits, "uint8_bgr"))
    monkeypatch.setattr(dwtdct, "Z_DETECTED", 50.0)
    (sig,) = mod.WatermarkDetector().run(identify(p), CTX).signals
    assert (sig.claim, sig.confidence, sig.details["level"]) == (Claim.AI_POSSIBLE, Confidence.POSSIBLE, "possible")


def test_small_image_not_applicable(tmp_path):
    p = write(tmp_path, "s.png", natural(1, 200, 200))
    with pytest.raises(NotApplicable, match="256"):
        WatermarkDetector().run(identify(p), CTX)


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [20_000, 60_000])
def test_decompression_bomb_is_a_clear_error(tmp_path, side):
    p = tmp_path / "bomb.png"
    p.write_bytes(_png(side, side))
    ev = run_detector(WatermarkDetector(), identify(p), CTX)
    assert str(ev.status) == "error"
    assert "decompression bomb" in ev.error or "larger than" in ev.error
    with pytest.raises(DetectorFailure):
        WatermarkDetector().run(identify(p), CTX)


def test_heic_pixels_are_decoded_through_pillow_heif(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    p = tmp_path / "photo.heic"
    Image.fromarray(natural(3, 256, 320)).save(p, format="HEIF", quality=90)
    media = identify(p)
    assert media.media_type in ("image/heic", "image/heif")
    ev = run_detector(WatermarkDetector(), media, CTX)
    assert str(ev.status) == "ok" and not ev.signals  # checked, and a clean photo carries no mark


def test_a_truncated_heic_is_an_error_with_the_reason(tmp_path):
    p = tmp_path / "x.heic"
    p.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64)
    media = identify(p)
    assert media.media_type == "image/heic"
    ev = run_detector(WatermarkDetector(), media, CTX)
    assert str(ev.status) == "error" and "could not be decoded" in ev.error


def test_a_decompression_bomb_message_does_not_invent_a_size(tmp_path):
    p = tmp_path / "bomb.png"
    ihdr = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))  # noqa: E731
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    ev = run_detector(WatermarkDetector(), identify(p), CTX)
    assert str(ev.status) == "error" and "decompression bomb" in ev.error
    assert "100000001" not in ev.error


def test_garbage_png_is_an_error_not_nothing(tmp_path):
    p = tmp_path / "bad.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 100)
    ev = run_detector(WatermarkDetector(), identify(p), CTX)
    assert str(ev.status) == "error" and ev.error


def test_lossless_video_frames_are_decoded(tmp_path):
    from tests.verifier.fixtures.video import write_video

    marked = embed_as_pipeline(natural(8, 512, 512), SDXL.bits, "uint8_bgr")
    p = write_video(tmp_path / "v.mkv", 2, 10, lambda i: marked, fourcc="FFV1")
    f = WatermarkDetector().run(identify(p), CTX)
    (sig,) = f.signals
    assert sig.details["payload"] == SDXL.name and "at_seconds" in sig.details
    assert f.facts["frames_checked"] >= 2


def test_lossy_video_is_not_applicable_with_reason(tmp_path):
    from tests.verifier.fixtures.video import write_video

    p = write_video(tmp_path / "v.mp4", 1, 10, lambda i: natural(9, 320, 320))
    ev = run_detector(WatermarkDetector(), identify(p), CTX)
    assert str(ev.status) == "not_applicable" and "lossy" in ev.error
