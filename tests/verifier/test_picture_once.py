"""A picture is decoded once per worker for all the checks that read it (detectors.pixels), its two
views (stored, shown) derived from each other exactly as OpenCV orients them, never served stale or
writable, and the scheduler sends a file's picture checks to the worker that holds its pixels."""

from __future__ import annotations

import ast
import io
import os
import struct
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from verifier.adapters import opencv_image
from verifier.config import Config
from verifier.detectors import pixels
from verifier.detectors.base import Context
from verifier.evidence import MediaFile
from verifier.isolation import ProcessRunner, Task

DETECTORS = Path(pixels.__file__).resolve().parent


def _picture(fmt: str, orientation: int = 0, seed: int = 0, size: tuple[int, int] = (64, 40)) -> bytes:
    """An asymmetric picture (random pixels), with an EXIF orientation unless 0."""
    arr = np.random.default_rng(seed).integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    Image.fromarray(arr).save(out, fmt, exif=exif.tobytes(), **({} if fmt == "PNG" else {"quality": 95}))
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("orientation", range(9))
def test_one_view_gives_the_other_exactly_as_opencv_would(fmt: str, orientation: int) -> None:
    data = _picture(fmt, orientation)
    for stored in (False, True):
        decoded = opencv_image.decode_view(data, stored=stored)
        assert decoded.orientation == (orientation or 1)
        assert np.array_equal(decoded.pixels, opencv_image.decode_bgr(data, stored=stored))
        other = opencv_image.other_view(decoded)
        assert other is not None and np.array_equal(other, opencv_image.decode_bgr(data, stored=not stored))


def _ifd(order: str, entries: list[tuple[int, int, int, int]]) -> bytes:
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    body = struct.pack(order + "H", len(entries))
    for tag, kind, count, value in entries:
        body += struct.pack(order + "HHIHH", tag, kind, count, value, 0)
    return head + body + b"\x00" * 4


def test_an_unusual_orientation_tag_is_not_guessed() -> None:
    assert opencv_image.exif_orientation(_ifd("<", [(0x0112, 3, 1, 6)])) == 6
    assert opencv_image.exif_orientation(_ifd(">", [(0x0112, 3, 1, 8)])) == 8
    assert opencv_image.exif_orientation(_ifd("<", [(0x010F, 2, 4, 0)])) == 1  # no orientation: as stored
    for odd in ([(0x0112, 3, 1, 6), (0x0112, 3, 1, 1)],  # twice
                [(0x0112, 4, 1, 6)],  # a LONG
                [(0x0112, 3, 2, 6)],  # two values
                [(0x0112, 3, 1, 9)]):  # out of range
        assert opencv_image.exif_orientation(_ifd("<", odd)) is None
    assert opencv_image.exif_orientation(_ifd("<", [(0x0112, 3, 1, 6)])[:14]) is None  # truncated
    assert opencv_image.exif_orientation(b"Exif\x00\x00" + _ifd("<", [])) is None


def _media(path: Path, media_type: str = "image/jpeg") -> MediaFile:
    return MediaFile(path=path, sha256="", size=path.stat().st_size, media_type=media_type)


def test_both_views_of_a_turned_photo_cost_one_decode(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "turned.jpg"
    path.write_bytes(_picture("JPEG", 6))
    cache = pixels.LastPicture()
    monkeypatch.setattr(pixels, "LAST", cache)
    shown = pixels.load_pixels(_media(path))
    stored = pixels.load_pixels(_media(path), stored=True)
    assert cache.decodes == 1
    assert shown.shape == (64, 40, 3) and stored.shape == (40, 64, 3)
    data = path.read_bytes()
    assert np.array_equal(shown, opencv_image.decode_bgr(data))
    assert np.array_equal(stored, opencv_image.decode_bgr(data, stored=True))
    assert pixels.load_pixels(_media(path)) is shown and cache.decodes == 1  # the third check: no decode


def test_the_pixels_handed_out_are_read_only(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(_picture("PNG"))
    monkeypatch.setattr(pixels, "LAST", pixels.LastPicture())
    for stored in (False, True):
        img = pixels.load_pixels(_media(path, "image/png"), stored=stored)
        with pytest.raises(ValueError):
            img[0, 0] = 0
        copy = img.copy()  # what a check that draws on the picture does
        copy[0, 0] = 0


def test_a_changed_file_is_decoded_again(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(_picture("PNG", seed=1))
    cache = pixels.LastPicture()
    monkeypatch.setattr(pixels, "LAST", cache)
    first = pixels.load_pixels(_media(path, "image/png"))
    before = os.stat(path)
    path.write_bytes(_picture("PNG", seed=2))  # same path, same size class, new pixels
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with the old modification time
    second = pixels.load_pixels(_media(path, "image/png"))
    assert cache.decodes == 2
    assert np.array_equal(second, opencv_image.decode_bgr(path.read_bytes()))
    assert not np.array_equal(first, second)


def test_only_the_last_picture_is_kept_and_only_below_the_bound(tmp_path: Path, monkeypatch) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    a.write_bytes(_picture("PNG", seed=1))
    b.write_bytes(_picture("PNG", seed=2))
    cache = pixels.LastPicture()
    monkeypatch.setattr(pixels, "LAST", cache)
    for path in (a, b, a):
        pixels.load_pixels(_media(path, "image/png"))
    assert cache.decodes == 3  # b replaced a
    small = pixels.LastPicture(keep_bytes=64 * 40 * 3 - 1)  # one byte short of one view
    monkeypatch.setattr(pixels, "LAST", small)
    for stored in (False, True, False):
        pixels.load_pixels(_media(a, "image/png"), stored=stored)
    assert small.decodes == 3


def test_a_picture_whose_orientation_is_unsure_is_decoded_for_each_view(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.bmp"  # no EXIF block read by OpenCV: each view decoded as before
    Image.fromarray(np.random.default_rng(3).integers(0, 255, (30, 50, 3), dtype=np.uint8)).save(path)
    cache = pixels.LastPicture()
    monkeypatch.setattr(pixels, "LAST", cache)
    shown = pixels.load_pixels(_media(path, "image/bmp"))
    stored = pixels.load_pixels(_media(path, "image/bmp"), stored=True)
    assert cache.decodes == 2
    assert np.array_equal(shown, stored)
    pixels.load_pixels(_media(path, "image/bmp"), stored=True)
    assert cache.decodes == 2


def test_the_checks_said_to_read_pixels_are_those_that_call_load_pixels() -> None:
    callers = set()
    for module in DETECTORS.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        calls = any(isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", "")) == "load_pixels"
                    for n in ast.walk(tree))
        if calls and module.name != "pixels.py":
            name = next(kw.value.value for n in ast.walk(tree) if isinstance(n, ast.Call)
                        and getattr(n.func, "id", "") == "DetectorSpec"
                        for kw in n.keywords if kw.arg == "name" and isinstance(kw.value, ast.Constant))
            callers.add(name)
    assert callers == set(pixels.READS_PIXELS)


# --------------------------------------------------------------------------- the scheduler


class _Seat:
    """A worker as ProcessRunner.pick sees it (no process)."""

    def __init__(self, loaded: set[str], task: Task | None = None) -> None:
        self.loaded, self.preparing, self.task = loaded, False, task
        self.holds: str | None = None
        self.started = time.monotonic()


def _task(key: int, detector: str, picture: str) -> Task:
    media = MediaFile(path=Path(picture), sha256="", size=1, media_type="image/jpeg")
    return Task(key, 0, detector, f"m:{detector}", media, Context(config=Config()), 10.0)


def _runner(*seats: _Seat) -> ProcessRunner:
    runner = ProcessRunner(len(seats), 1024)
    runner._allowed = len(seats)  # noqa: SLF001
    runner._workers = list(seats)  # type: ignore[arg-type]  # noqa: SLF001
    return runner


def test_a_free_worker_takes_the_checks_of_the_picture_it_holds_first() -> None:
    a, b = _Seat({"m:watermark", "m:c2pa"}), _Seat({"m:c2pa"})
    runner = _runner(a, b)
    a.holds = "f.jpg"
    other, label = _task(1, "c2pa", "g.jpg"), _task(2, "visible_label", "f.jpg")
    assert runner.pick([other, label]) is label
    assert runner._chosen_for(label) is a  # noqa: SLF001  # start() gives it to the worker pick chose


def test_a_free_worker_leaves_the_picture_another_worker_holds_while_other_work_waits() -> None:
    busy = _Seat({"m:watermark", "m:visible_label"}, task=_task(9, "watermark", "f.jpg"))
    free = _Seat({"m:visible_label"})
    runner = _runner(busy, free)
    busy.holds = "f.jpg"
    label_f, meta_f, label_g = (_task(1, "visible_label", "f.jpg"), _task(2, "c2pa", "f.jpg"),
                                _task(3, "visible_label", "g.jpg"))
    assert runner.pick([label_f, meta_f, label_g]) is meta_f  # a check that reads no pixels: any worker
    assert runner.pick([label_f, label_g]) is label_g
    assert runner.pick([label_f]) is label_f  # nothing else waits: no core is left idle
    assert runner._chosen_for(label_f) is free  # noqa: SLF001


def test_a_check_whose_model_only_a_free_worker_has_loaded_is_not_left_to_the_picture_s_holder() -> None:
    """One photo: the first worker decoded it for the watermark check, the second loaded the OCR
    model meanwhile. Leaving the label check to the first would load the model twice (~0.25 s
    of CPU, and the file's last result later) to save one decode."""
    busy = _Seat({"m:watermark"}, task=_task(9, "watermark", "f.jpg"))
    free = _Seat({"m:visible_label"})
    runner = _runner(busy, free)
    busy.holds = "f.jpg"
    label_f, thumb_f = _task(1, "visible_label", "f.jpg"), _task(2, "thumbnail", "f.jpg")
    assert runner.pick([label_f, thumb_f]) is label_f
    assert runner._chosen_for(label_f) is free  # noqa: SLF001


def test_a_file_alone_does_not_wait_for_the_worker_holding_its_picture() -> None:
    """The window's single photo: both workers have every detector loaded; the label check starts
    at once on the free one (its verdict waits for it) instead of after the holder's watermark check."""
    busy = _Seat({"m:watermark", "m:visible_label"}, task=_task(9, "watermark", "f.jpg"))
    free = _Seat({"m:watermark", "m:visible_label"})
    runner = _runner(busy, free)
    busy.holds = "f.jpg"
    label_f, thumb_f = _task(1, "visible_label", "f.jpg"), _task(2, "thumbnail", "f.jpg")
    assert runner.pick([label_f, thumb_f]) is label_f
    assert runner._chosen_for(label_f) is free  # noqa: SLF001


def test_a_picture_a_worker_holds_does_not_override_a_detector_being_loaded_elsewhere() -> None:
    a = _Seat({"m:watermark"})
    loading = _Seat({"m:visible_label"})
    loading.preparing = True
    runner = _runner(a, loading)
    a.holds = "f.jpg"
    label = _task(1, "visible_label", "f.jpg")
    assert runner.pick([label]) is None  # waits for the worker loading the OCR model, as before


def test_a_bound_that_fits_one_view_keeps_the_latest_and_derives_the_other(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "turned.jpg"
    path.write_bytes(_picture("JPEG", 6))
    cache = pixels.LastPicture(keep_bytes=64 * 40 * 3)  # one view, not two
    monkeypatch.setattr(pixels, "LAST", cache)
    data = path.read_bytes()
    for stored in (False, True, False, True):
        img = pixels.load_pixels(_media(path), stored=stored)
        assert np.array_equal(img, opencv_image.decode_bgr(data, stored=stored))
    assert cache.decodes == 1
