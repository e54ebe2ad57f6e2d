"""Faces beside the rest of the picture (``forensic_faces``): found by two cascades, each face's noise
and JPEG grid next to the rest's; a face pasted from another JPEG differs, the untouched twin's does
not; evidence untouched; never an indicator or a signal; "not looked for" said as such."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from verifier.adapters import opencv_faces
from verifier.advisory import is_advisory
from verifier.config import Config, default_timeouts
from verifier.describe.indicators import describe_indicators
from verifier.detectors import builtin_detectors
from verifier.detectors.base import Context
from verifier.detectors.forensic_faces import FACES_NAME, ForensicFacesDetector
from verifier.evidence import Evidence, MediaFile, Status
from verifier.forensics import faces
from verifier.forensics.views import RegionStats
from verifier.isolation import run_detector

from .faces_fixture import FACE_AT, FACE_SIDE, drawn_face, face_pasted, untouched
from .photos import photo, png, run_untouched


def _run(tmp_path: Path, data: bytes, name: str = "p.jpg", mime: str = "image/jpeg") -> Evidence:
    return run_untouched(ForensicFacesDetector(), tmp_path, data, name, mime)


_png = png


def _the_face(ev: Evidence) -> dict:
    assert ev.status is Status.OK and ev.indicators == () and ev.signals == ()
    assert ev.facts["found"] == 1, ev.facts
    region = ev.facts["regions"][0]
    x0, y0, x1, y1 = region["box"]
    fx, fy = FACE_AT  # the drawn face's square, give or take the cascade's margin
    assert abs(x0 - fx) < 24 and abs(y0 - fy) < 24 and abs((x1 - x0) - FACE_SIDE) < 40
    return region


def test_the_drawn_face_is_found_by_both_cascades() -> None:
    finder = opencv_faces.load_finder()
    bgr = np.ascontiguousarray(drawn_face()[:, :, ::-1])
    assert len(opencv_faces.find_confirmed_faces(bgr, finder)) == 1


def test_the_cascades_are_loaded_once_per_thread() -> None:
    """A worker runs one picture after another on one thread: the cascades (16 ms to load) are loaded
    once there; another thread (the inline runner's) gets its own, never one in use elsewhere."""
    import threading

    first = opencv_faces.load_finder()
    assert opencv_faces.load_finder() is first
    other: list[opencv_faces.FaceFinder] = []
    thread = threading.Thread(target=lambda: other.append(opencv_faces.load_finder()))
    thread.start()
    thread.join()
    assert other and other[0] is not first and other[0].confirm is not first.confirm
    bgr = np.ascontiguousarray(drawn_face()[:, :, ::-1])
    assert opencv_faces.find_confirmed_faces(bgr, first) == opencv_faces.find_confirmed_faces(bgr, other[0])


class _Cascade:
    """Stands in for a cascade: the (x, y, w, h) boxes it "finds", and how often it was run."""

    def __init__(self, boxes: list[tuple[int, int, int, int]]) -> None:
        self.boxes, self.runs = boxes, 0

    def detectMultiScale(self, grey: np.ndarray, **kwargs: object) -> np.ndarray:  # noqa: N802 - OpenCV's name
        self.runs += 1
        return np.array(self.boxes, dtype=np.int32).reshape(-1, 4)


def test_a_face_counts_where_the_confirming_cascade_overlaps_the_default_one_s_box() -> None:
    default = _Cascade([(10, 10, 60, 60), (200, 200, 50, 50)])
    confirm = _Cascade([(14, 12, 58, 58), (400, 10, 40, 40)])
    found = opencv_faces.find_confirmed_faces(np.zeros((480, 640, 3), np.uint8),
                                              opencv_faces.FaceFinder(default, confirm))
    assert found == ((10, 10, 70, 70),)  # the default cascade's box; the unconfirmed one is left out


def test_the_default_cascade_is_not_run_where_the_confirming_one_finds_nothing() -> None:
    default, confirm = _Cascade([(10, 10, 60, 60)]), _Cascade([])
    finder = opencv_faces.FaceFinder(default, confirm)
    assert opencv_faces.find_confirmed_faces(np.zeros((480, 640, 3), np.uint8), finder) == ()
    assert (confirm.runs, default.runs) == (1, 0)


def test_no_face_the_rest_is_not_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rest's statistics are only shown beside a face: with none found they are not computed."""
    from verifier.detectors.forensic_faces import describe_faces
    from verifier.forensics import views

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rest was measured with no face to show it beside")

    monkeypatch.setattr(views, "region_stats", never)
    finder = opencv_faces.FaceFinder(_Cascade([]), _Cascade([]))
    facts = describe_faces(np.zeros((300, 400, 3), np.uint8), finder)
    assert facts["found"] == 0 and facts["regions"] == [] and "rest" not in facts


@pytest.mark.parametrize("seed", [3, 4, 5, 6, 7])
def test_an_untouched_photo_s_face_does_not_differ_from_the_rest(tmp_path: Path, seed: int) -> None:
    region = _the_face(_run(tmp_path, untouched(seed)))
    assert region["compared"] is True and region["differs"] == []
    assert region["grid_offset"] == [0, 0]  # saved once: the face lies on the picture's own grid


@pytest.mark.parametrize("seed", [4, 5, 7])
def test_a_face_pasted_from_another_jpeg_differs_from_the_rest(tmp_path: Path, seed: int) -> None:
    ev = _run(tmp_path, face_pasted(seed))
    region = _the_face(ev)
    assert "grid_offset" in region["differs"]
    assert region["grid_offset"] != ev.facts["rest"]["grid_offset"]
    assert ev.facts["differ"] == 1
    assert [a.name for a in ev.attachments] == [FACES_NAME]


def test_no_face_no_view(tmp_path: Path) -> None:
    ev = _run(tmp_path, _png(np.full((200, 300, 3), 128, np.uint8)), "flat.png", "image/png")
    assert ev.status is Status.OK and ev.facts["found"] == 0 and ev.attachments == ()
    assert "rest" not in ev.facts


def test_without_a_face_finder_faces_were_not_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable() -> None:
        raise opencv_faces.FacesUnavailable("this OpenCV build (5.0.0) has no cascade classifier", "no_classifier",
                                            "5.0.0")

    monkeypatch.setattr(opencv_faces, "load_finder", unavailable)
    ev = _run(tmp_path, untouched(5))
    assert ev.status is Status.OK
    assert ev.facts == {"finder": None, "not_looked_for": "this OpenCV build (5.0.0) has no cascade classifier",
                        "reason": "no_classifier", "opencv": "5.0.0"}


def test_a_broken_picture_is_a_failed_check_not_no_face(tmp_path: Path) -> None:
    ev = _run(tmp_path, untouched(5)[:400], "broken.jpg")
    assert ev.status in (Status.ERROR, Status.NOT_APPLICABLE) and "found" not in ev.facts


def test_registered_advisory_with_a_timeout() -> None:
    assert "forensic_faces" in {d.name for d in builtin_detectors()}
    assert is_advisory("forensic_faces") and "forensic_faces" in default_timeouts()
    det = ForensicFacesDetector()
    assert det.applies_to(MediaFile(Path("x"), "0" * 64, 1, "image/heic"))
    assert not det.applies_to(MediaFile(Path("x"), "0" * 64, 1, "image/gif"))


def _stats(box, offset, strength, noise=2.0) -> RegionStats:
    return RegionStats(box, 1, noise, offset, strength)


def test_comparison_rules() -> None:
    rest = _stats(None, (0, 0), (1.2, 1.2), 4.0)
    big = (0, 0, 100, 100)
    assert faces.compare(_stats(big, (0, 0), (1.5, 1.5)), rest).differs == ()
    assert faces.compare(_stats(big, (3, 0), (1.5, 1.5)), rest).differs == ("grid_offset",)
    assert faces.compare(_stats(big, (3, 0), (1.2, 1.2)), rest).differs == ()  # the face's own grid is not clear
    assert faces.compare(_stats(big, (0, 0), (1.01, 1.02)), _stats(None, (0, 0), (1.5, 1.1))).differs == \
        ("grid_strength",)
    assert faces.compare(_stats(big, (0, 0), (1.5, 1.5)), _stats(None, (0, 0), (1.01, 1.01))).differs == \
        ("grid_strength",)
    small = faces.compare(_stats((0, 0, 40, 40), (3, 3), (2.0, 2.0)), rest)
    assert small.compared is False and small.differs == ()
    assert faces.compare(_stats(big, None, None), rest).differs == ()
    assert faces.compare(_stats(big, (0, 0), (1.5, 1.5), 1.0), rest).noise_ratio == 0.25


def test_faces_are_worded_and_outlined_with_their_numbers(tmp_path: Path) -> None:
    ev = _run(tmp_path, face_pasted(5))
    file = {"facts": {"forensic_faces": ev.facts}, "attachments": [{"name": FACES_NAME, "detector": "forensic_faces"}],
            "detectors": [{"name": "forensic_faces", "status": "ok"}], "indicators": []}
    for lang in ("en", "zh"):
        text = describe_indicators(file, lang)
        assert text.applies and text.indicators == ()  # a view, never an indicator
        assert [v.name for v in text.views] == [FACES_NAME]
        (outline,) = text.face_outlines
        assert list(outline.box) == ev.facts["regions"][0]["box"]
        assert ("Face 1" if lang == "en" else "人脸 1") in outline.label
        assert ("JPEG grid offset" if lang == "en" else "JPEG 网格偏移") in outline.label
        labels = [it.label for it in text.faces]
        assert labels[0] == ("Face 1" if lang == "en" else "人脸 1")
    words = " ".join(o.label for o in describe_indicators(file, "en").face_outlines).lower()
    assert not any(w in words for w in ("fake", "forged", "manipulated", "authentic"))
