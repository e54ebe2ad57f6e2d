"""Forensic views (error levels, noise residual, faces with their facts): bounded, deterministic,
in memory, never an indicator; region facts on given boxes; the face cascade said as it is."""

from __future__ import annotations

import hashlib
import io
import os
import types
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from verifier.adapters import opencv_faces
from verifier.config import Config, default_timeouts
from verifier.detectors import builtin_detectors
from verifier.detectors.base import Context
from verifier.detectors.forensic_views import ELA_NAME, NOISE_NAME, ForensicViewsDetector
from verifier.evidence import MediaFile, Status
from verifier.forensics import views
from verifier.isolation import run_detector

from .photos import decoded, jpeg, photo, png, run_untouched


def _run(tmp_path: Path, data: bytes, name: str, mime: str):
    return run_untouched(ForensicViewsDetector(), tmp_path, data, name, mime)


_png = png


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as im:
        assert im.format == "PNG"
        return im.size


def test_views_of_a_large_jpeg_are_bounded_deterministic_and_never_an_indicator(tmp_path: Path) -> None:
    data = jpeg(photo(1600, 900, 4), 85)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _run(tmp_path / "a", data, "big.jpg", "image/jpeg")
    second = _run(tmp_path / "b", data, "big.jpg", "image/jpeg")
    assert first.status is Status.OK and first.indicators == () and first.signals == ()
    names = [a.name for a in first.attachments]
    assert names == [ELA_NAME, NOISE_NAME]  # no face finder in this OpenCV build, or no face in it
    for a in first.attachments:
        assert a.mime == "image/png" and _size(a.data) == (1024, 576)
    assert [a.data for a in first.attachments] == [a.data for a in second.attachments]
    assert first.facts == second.facts
    assert first.facts["size"] == [1600, 900] and first.facts["view_size"] == [1024, 576]
    assert first.facts["error_level"]["quality"] == views.ELA_QUALITY


@pytest.mark.parametrize(("fmt", "mime"), [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_small_pictures_keep_their_size(tmp_path: Path, fmt: str, mime: str) -> None:
    buf = io.BytesIO()
    Image.fromarray(photo(300, 200, 5)).save(buf, fmt, **({"lossless": True} if fmt == "WEBP" else {}))
    ev = _run(tmp_path, buf.getvalue(), "small." + fmt.lower(), mime)
    assert ev.status is Status.OK
    assert [_size(a.data) for a in ev.attachments] == [(300, 200), (300, 200)]


def test_other_types_are_not_for_this_detector() -> None:
    det = ForensicViewsDetector()
    for mime in ("image/gif", "image/bmp", "image/tiff", "video/mp4", "application/pdf"):
        assert not det.applies_to(MediaFile(Path("x"), "0" * 64, 1, mime))
    for mime in ("image/jpeg", "image/png", "image/webp", "image/heic"):
        assert det.applies_to(MediaFile(Path("x"), "0" * 64, 1, mime))


def test_a_truncated_jpeg_is_a_failed_check_with_a_reason(tmp_path: Path) -> None:
    data = jpeg(photo(320, 240, 6), 90)[:200]
    ev = _run(tmp_path, data, "cut.jpg", "image/jpeg")
    assert ev.status is Status.ERROR and "decoded" in ev.error


def test_the_detector_is_built_in_with_a_time_limit() -> None:
    assert any(d.name == "forensic_views" for d in builtin_detectors())
    assert "forensic_views" in default_timeouts()


def test_error_levels_stand_out_where_the_compression_history_differs() -> None:
    original = photo(512, 512, 8)
    once = decoded(jpeg(original, 75))[:, :, ::-1].copy()  # BGR, compressed at 75
    spliced = once.copy()
    spliced[128:256, 128:256] = original[128:256, 128:256, ::-1]  # never compressed
    ela = views.error_level(spliced)
    region = ela.image[128:256, 128:256].mean()
    rest = np.concatenate([ela.image[:128].ravel(), ela.image[256:].ravel()]).mean()
    assert region > 2 * rest
    assert ela.quality == 90 and ela.gain == 20 and 0 < ela.max_difference <= 255


def test_the_noise_residual_shows_a_noisier_region_brighter() -> None:
    rng = np.random.default_rng(1)
    grey = cv2.GaussianBlur(photo(400, 400, 9)[:, :, 0], (5, 5), 0)
    grey[100:200, 100:200] = np.clip(grey[100:200, 100:200] + rng.normal(0, 12, (100, 100)), 0, 255)
    view = views.noise_residual(grey)
    assert view.image.shape == grey.shape and view.image.dtype == np.uint8
    assert view.image[110:190, 110:190].mean() > 3 * view.image[250:350, 250:350].mean()


def _spliced(blur: bool) -> np.ndarray:
    """A JPEG (grid at phase 0) with a 128 px square from another JPEG whose grid was 4 px off."""
    base = photo(512, 512, 10)
    picture = decoded(jpeg(base, 60))[:, :, ::-1].copy()
    shifted = decoded(jpeg(np.ascontiguousarray(base[4:, 4:]), 40))[:, :, ::-1]
    patch = np.ascontiguousarray(shifted[124:252, 124:252])  # the same scene, boundaries at x, y = 4 mod 8
    picture[128:256, 128:256] = cv2.GaussianBlur(patch, (5, 5), 0) if blur else patch
    return picture


def test_region_facts_tell_a_shifted_jpeg_grid_apart() -> None:
    regions, rest = views.region_stats(_spliced(blur=False), [(128, 128, 256, 256), (0, 0, 5, 5)])
    assert len(regions) == 1  # the 5 x 5 box is too small to measure and is left out
    face = regions[0]
    assert face.box == (128, 128, 256, 256) and face.pixels == 128 * 128
    assert rest.box is None and rest.pixels == 512 * 512 - 128 * 128
    assert rest.grid_offset == (0, 0) and min(rest.grid_strength) > 1.1
    assert face.grid_offset == (4, 4) and min(face.grid_strength) > 1.1
    d = face.as_details()
    assert d["box"] == [128, 128, 256, 256] and set(d) == {"box", "pixels", "noise", "grid_offset", "grid_strength"}


def test_region_facts_tell_a_smoothed_region_apart() -> None:
    regions, rest = views.region_stats(_spliced(blur=True), [(128, 128, 256, 256)])
    assert regions[0].noise < 0.5 * rest.noise
    assert regions[0].grid_strength is None or max(regions[0].grid_strength) < min(rest.grid_strength)


def test_a_flat_region_has_no_grid_to_measure() -> None:
    flat = np.full((64, 64, 3), 128, np.uint8)
    regions, rest = views.region_stats(flat, [(0, 0, 32, 32)])
    assert regions[0].grid_offset is None and regions[0].noise == 0.0
    assert rest.grid_strength is None


def test_the_grid_is_not_measured_on_rescaled_pixels() -> None:
    regions, rest = views.region_stats(photo(128, 128, 2)[:, :, ::-1].copy(), [(0, 0, 64, 64)], grid=False)
    assert regions[0].grid_offset is None and rest.noise is not None


# ---- faces ------------------------------------------------------------------------------------


def test_the_cascade_of_this_opencv_build_is_said_as_it_is() -> None:
    present = hasattr(cv2, "CascadeClassifier") and os.path.isfile(opencv_faces.cascade_path(cv2))
    if present:
        assert not opencv_faces.load_cascade().empty()
    else:
        with pytest.raises(opencv_faces.FacesUnavailable, match=cv2.__version__):
            opencv_faces.load_cascade()


def test_a_build_without_cascade_classifier_or_cascade_file_is_said(tmp_path: Path) -> None:
    no_class = types.SimpleNamespace(__version__="5.0.0", data=types.SimpleNamespace(haarcascades=str(tmp_path)))
    with pytest.raises(opencv_faces.FacesUnavailable, match="no cascade classifier") as info:
        opencv_faces.load_cascade(no_class)
    assert (info.value.code, info.value.version) == ("no_classifier", "5.0.0")
    no_file = types.SimpleNamespace(__version__="9.9", CascadeClassifier=object,
                                    data=types.SimpleNamespace(haarcascades=str(tmp_path)))
    with pytest.raises(opencv_faces.FacesUnavailable, match="ships no Haar cascade"):
        opencv_faces.load_cascade(no_file)


class _FakeCascade:
    """Stands in for a Haar cascade: 'finds' fixed boxes on the (scaled) grey picture it is given."""

    def __init__(self, boxes: list[tuple[int, int, int, int]]) -> None:
        self.boxes = boxes
        self.shapes: list[tuple[int, ...]] = []

    def detectMultiScale(self, grey: np.ndarray, **kwargs: object) -> np.ndarray:  # noqa: N802 - OpenCV's name
        self.shapes.append(grey.shape)
        return np.array(self.boxes, dtype=np.int32).reshape(-1, 4)


def test_faces_found_on_a_scaled_copy_come_back_in_the_picture_pixels() -> None:
    cascade = _FakeCascade([(10, 20, 50, 50), (100, 100, 100, 100)])  # x, y, w, h on the 1024-wide copy
    boxes = opencv_faces.find_faces(np.zeros((1000, 2048, 3), np.uint8), cascade)
    assert cascade.shapes == [(500, 1024)]
    assert boxes == ((200, 200, 400, 400), (20, 40, 120, 140))  # largest first, x2


def test_the_views_leave_faces_to_their_own_detector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Faces are forensic_faces' (two cascades, each face beside the rest): the views never look for
    them, so the cascade is not run twice and no second faces picture is attached."""
    def never() -> None:
        raise AssertionError("the views looked for faces")

    monkeypatch.setattr(opencv_faces, "load_cascade", never)
    ev = _run(tmp_path, jpeg(photo(640, 480, 11), 85), "face.jpg", "image/jpeg")
    assert ev.status is Status.OK and ev.indicators == () and "faces" not in ev.facts
    assert [a.name for a in ev.attachments] == [ELA_NAME, NOISE_NAME]


@pytest.mark.parametrize("channels", [1, 3, 4])
def test_the_error_level_takes_the_largest_channel_difference(channels: int) -> None:
    img = np.random.default_rng(channels).integers(0, 256, (37, 53, channels), dtype=np.uint8)
    assert np.array_equal(views._channel_max(img), img.max(axis=2))
    assert np.array_equal(views._channel_max(img[:, :, 0]), img[:, :, 0])
