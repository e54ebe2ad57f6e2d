"""forensic.thumbnail_mismatch, forensic.copy_move and forensic.recapture, both sides each."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
from PIL import Image

from verifier.config import Config
from verifier.detectors.base import Context
from verifier.detectors.forensic_copy_move import CopyMoveDetector
from verifier.detectors.forensic_recapture import RecaptureDetector
from verifier.detectors.forensic_thumbnail import ThumbnailDetector
from verifier.evidence import MediaFile, Status
from verifier.forensics import recapture
from verifier.isolation import run_detector

from .photos import exif_with_thumbnail, jpeg, photo, thumbnail_of

NO_OCR = Config(ocr=False)


def _run(det, tmp_path: Path, data: bytes, name: str, mime: str, config: Config = NO_OCR):
    path = tmp_path / name
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    ev = run_detector(det, MediaFile(path, digest, len(data), mime), Context(config))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it
    return ev


def test_a_thumbnail_of_the_same_picture_is_silent(tmp_path: Path) -> None:
    main = photo(640, 480, 7)
    ev = _run(ThumbnailDetector(), tmp_path, jpeg(main, 90, exif_with_thumbnail(thumbnail_of(main))),
              "same.jpg", "image/jpeg")
    assert ev.status is Status.OK and ev.indicators == () and ev.facts["difference"] < 0.2


def test_a_thumbnail_of_another_picture_is_reported(tmp_path: Path) -> None:
    main, other = photo(640, 480, 7), photo(640, 480, 8)
    ev = _run(ThumbnailDetector(), tmp_path, jpeg(main, 90, exif_with_thumbnail(thumbnail_of(other))),
              "swapped.jpg", "image/jpeg")
    assert [i.id for i in ev.indicators] == ["forensic.thumbnail_mismatch"]
    assert ev.indicators[0].details["difference"] > 0.5


def test_a_thumbnail_showing_the_uncropped_scene_is_reported(tmp_path: Path) -> None:
    scene = photo(960, 720, 9)
    cropped = np.ascontiguousarray(scene[200:560, 300:780])  # the main picture was cropped later
    ev = _run(ThumbnailDetector(), tmp_path, jpeg(cropped, 90, exif_with_thumbnail(thumbnail_of(scene))),
              "cropped.jpg", "image/jpeg")
    assert [i.id for i in ev.indicators] == ["forensic.thumbnail_mismatch"]


def test_no_thumbnail_is_a_fact(tmp_path: Path) -> None:
    ev = _run(ThumbnailDetector(), tmp_path, jpeg(photo(320, 240, 1), 90), "plain.jpg", "image/jpeg")
    assert ev.status is Status.OK and ev.facts == {"exif_thumbnail": False} and ev.indicators == ()


def test_a_pasted_copy_of_a_region_is_found_with_both_boxes(tmp_path: Path) -> None:
    img = photo(800, 600, 11)
    forged = img.copy()
    forged[350:470, 500:620] = img[60:180, 80:200]
    ev = _run(CopyMoveDetector(), tmp_path, jpeg(forged, 92), "forged.jpg", "image/jpeg")
    assert [i.id for i in ev.indicators] == ["forensic.copy_move"]
    (sx0, sy0, sx1, sy1), (dx0, dy0, dx1, dy1) = ev.indicators[0].details["boxes"]
    boxes = sorted([(sx0, sy0, sx1, sy1), (dx0, dy0, dx1, dy1)])
    assert 60 <= boxes[0][0] <= 140 and 40 <= boxes[0][1] <= 120 and boxes[0][2] <= 210
    assert 480 <= boxes[1][0] <= 560 and 330 <= boxes[1][1] <= 410 and boxes[1][2] <= 630


def test_the_clean_twin_has_no_copy_move(tmp_path: Path) -> None:
    ev = _run(CopyMoveDetector(), tmp_path, jpeg(photo(800, 600, 11), 92), "clean.jpg", "image/jpeg")
    assert ev.status is Status.OK and ev.indicators == ()


def _png(rgb: np.ndarray, text: dict[str, str] | None = None) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for k, v in (text or {}).items():
        info.add_text(k, v)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def test_a_screen_sized_picture_without_camera_facts_is_a_recapture_hint(tmp_path: Path) -> None:
    ev = _run(RecaptureDetector(), tmp_path, _png(photo(1920, 1080, 2)), "shot.png", "image/png")
    assert [i.id for i in ev.indicators] == ["forensic.recapture"]
    assert ev.indicators[0].details["hints"] == ["screen_size", "no_camera_facts"]


def test_a_screenshot_tool_in_the_metadata_is_named(tmp_path: Path) -> None:
    ev = _run(RecaptureDetector(), tmp_path, _png(photo(800, 500, 2), {"Software": "gnome-screenshot"}),
              "tool.png", "image/png")
    assert ev.indicators and ev.indicators[0].details["tool"] == "gnome-screenshot"


def test_a_camera_photo_is_not_a_recapture(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "EOS R5"
    buf = io.BytesIO()
    Image.fromarray(photo(1920, 1080, 3)).save(buf, "JPEG", quality=92, exif=exif)
    ev = _run(RecaptureDetector(), tmp_path, buf.getvalue(), "camera.jpg", "image/jpeg")
    assert ev.status is Status.OK and ev.indicators == () and ev.facts["hints"] == ["screen_size"]


def _camera_jpeg(tags: dict[int, object], sub: dict[int, object]) -> bytes:
    exif = Image.Exif()
    for k, v in tags.items():
        exif[k] = v
    if sub:
        exif.get_ifd(0x8769).update(sub)
    buf = io.BytesIO()
    Image.fromarray(photo(2048, 1536, 3)).save(buf, "JPEG", quality=90, exif=exif)
    return buf.getvalue()


def test_a_screen_sized_camera_exposure_is_not_searched_for_a_timecode(tmp_path: Path, monkeypatch) -> None:
    import verifier.detectors.forensic_recapture as mod

    read: list[str] = []
    monkeypatch.setattr(mod, "_player_text", lambda media: (read.append(media.path.name), ([], "ran"))[1])
    data = _camera_jpeg({0x010F: "Apple", 0x0110: "iPhone 13"}, {0x829A: 1 / 4300, 0x829D: 1.6})
    ev = _run(RecaptureDetector(), tmp_path, data, "exposed.jpg", "image/jpeg", Config(ocr=True))
    assert read == [] and ev.indicators == ()
    assert ev.facts["timecode_search"] == "skipped: camera exposure"


def test_a_screen_sized_picture_with_a_make_but_no_exposure_is_searched(tmp_path: Path, monkeypatch) -> None:
    import verifier.detectors.forensic_recapture as mod

    monkeypatch.setattr(mod, "_player_text", lambda media: (["▶ 0:41 / 3:05"], "ran"))
    data = _camera_jpeg({0x010F: "Canon"}, {})
    ev = _run(RecaptureDetector(), tmp_path, data, "made.jpg", "image/jpeg", Config(ocr=True))
    assert ev.facts["timecode_search"] == "ran"
    assert ev.indicators and ev.indicators[0].details["timecode"] == "0:41 / 3:05"


def test_exposure_facts_decide_the_timecode_search() -> None:
    first = recapture.assess(1920, 1080, {"Make": "Canon"}, [])
    assert recapture.worth_reading_timecode(first, {"Make": "Canon"})
    assert not recapture.worth_reading_timecode(first, {"Make": "Canon", "ISOSpeedRatings": 100})
    assert not recapture.worth_reading_timecode(recapture.assess(1000, 700, {}, []), {})


def test_player_timecodes_are_recognised() -> None:
    assert recapture.timecode_in(["▶ 03:12 / 14:55  HD"]) == "03:12 / 14:55"
    assert recapture.timecode_in(["1:02:03/1:45:00"]) == "1:02:03/1:45:00"
    assert recapture.timecode_in(["price 12:30", "2024/03/12"]) == ""
    r = recapture.assess(1000, 700, {"Make": "Canon"}, [], ["0:41 / 3:05"])
    assert r.detected and r.hints == ("player_timecode",)
