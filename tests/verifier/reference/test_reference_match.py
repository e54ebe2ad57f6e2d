"""Reference comparison end to end: fixtures built in code, a reference folder in tmp_path, the
index in a temporary user data folder, the detector through ``verifier scan --reference``."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from verifier import cli
from verifier.reference import index

from .pictures import decoded, jpeg, paste, photo, player_frame, png, resized

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(autouse=True)
def _data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


# only the checks these tests are about (the pixel checks of other indicators take seconds each)
QUICK = ["--no-ocr", *(a for d in ("watermark", "visible_label", "thumbnail", "double_jpeg", "recapture",
                                   "copy_move") for a in ("--disable", d))]


def _matches(f: dict) -> list[dict]:
    return [i for i in f["indicators"] if i["id"] == "reference.match"]


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _scan(tmp_path: Path, capsys: pytest.CaptureFixture[str], *paths: Path, refs: Path) -> list[dict]:
    rc = cli.main(["scan", *map(str, paths), "--reference", str(refs), "--json", "--inline", *QUICK])
    assert rc == 0
    return json.loads(capsys.readouterr().out)["files"]


@pytest.fixture(scope="module")
def press_photo() -> bytes:
    return jpeg(photo(800, 600, seed=11), 92)


def _refs(tmp_path: Path, press: bytes) -> Path:
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "press.jpg").write_bytes(press)
    (refs / "other.png").write_bytes(png(photo(640, 480, seed=12)))
    sub = refs / "2025"
    sub.mkdir()
    (sub / "landscape.jpg").write_bytes(jpeg(photo(900, 600, seed=13), 90))
    return refs


def _iou(a: list[int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / area


def test_a_pasted_region_in_a_player_screenshot_is_found_with_its_box(
        tmp_path: Path, press_photo: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    refs = _refs(tmp_path, press_photo)
    before = _hashes(refs) | _hashes(refs / "2025")
    face_box = (300, 150, 520, 400)  # in the press photo
    face = decoded(press_photo)[face_box[1]:face_box[3], face_box[0]:face_box[2]]
    body = photo(1024, 768, seed=21)
    composite, pasted = paste(body, face, (400, 200), scale=0.8, angle=4.0, feather=10)
    composite = decoded(jpeg(composite, 80))  # re-compressed
    frame, (s, ox, oy) = player_frame(composite, 1920, 1080)
    suspect = tmp_path / "blackmail.jpg"
    suspect.write_bytes(jpeg(frame, 75))

    [f] = _scan(tmp_path, capsys, suspect, refs=refs)
    [ind] = _matches(f)
    d = ind["details"]
    assert ind["id"] == "reference.match" and ind["detector"] == "reference"
    assert d["kind"] == "partial"
    assert d["reference"] == str(refs / "press.jpg")
    assert d["reference_sha256"] == hashlib.sha256(press_photo).hexdigest()
    assert d["inliers"] >= 20
    true_box = (round(ox + pasted[0] * s), round(oy + pasted[1] * s), round(ox + pasted[2] * s),
                round(oy + pasted[3] * s))
    assert _iou(d["box"], true_box) > 0.6, (d["box"], true_box)
    assert _iou(d["reference_box"], face_box) > 0.6, (d["reference_box"], face_box)
    assert f["verdict"]["code"] == "no_signals"  # advisory: the verdict is untouched
    assert _hashes(refs) | _hashes(refs / "2025") == before  # the references are only read


def test_unrelated_pictures_match_nothing(tmp_path: Path, press_photo: bytes,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    refs = _refs(tmp_path, press_photo)
    suspects = []
    for seed in (31, 32, 33):
        p = tmp_path / f"unrelated-{seed}.jpg"
        p.write_bytes(jpeg(photo(1024, 768, seed=seed), 80))
        suspects.append(p)
    files = _scan(tmp_path, capsys, *suspects, refs=refs)
    assert [_matches(f) for f in files] == [[], [], []]
    assert all(next(x for x in f["detectors"] if x["name"] == "reference")["status"] == "ok" for f in files)


@pytest.mark.parametrize("edit", ["reencoded", "resized", "cropped"])
def test_whole_picture_duplicates_are_duplicate(tmp_path: Path, press_photo: bytes, edit: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    refs = _refs(tmp_path, press_photo)
    pixels = decoded(press_photo)
    if edit == "reencoded":
        data = jpeg(pixels, 60)
    elif edit == "resized":
        data = png(resized(pixels, 0.45))
    else:
        data = jpeg(pixels[60:540, 80:720], 85)
    suspect = tmp_path / f"{edit}.jpg"
    suspect.write_bytes(data)
    [f] = _scan(tmp_path, capsys, suspect, refs=refs)
    [ind] = _matches(f)
    assert ind["details"]["kind"] == "duplicate"
    assert ind["details"]["reference"].endswith("press.jpg")
    if edit == "cropped":
        assert _iou(ind["details"]["reference_box"], (80, 60, 720, 540)) > 0.9


def test_the_index_is_reused_and_invalidated_when_a_reference_changes(tmp_path: Path, press_photo: bytes,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    refs = _refs(tmp_path, press_photo)
    calls: list[str] = []
    real = index._extract

    def counting(path: Path, root: Path) -> tuple[str, int, str]:
        calls.append(path.name)
        return real(path, root)

    monkeypatch.setattr(index, "_extract", counting)
    first = index.update(refs)
    assert sorted(calls) == ["landscape.jpg", "other.png", "press.jpg"]
    assert len(first.usable) == 3
    calls.clear()
    second = index.update(refs)
    assert calls == [] and second.entries == first.entries and second.changed_since() == []
    # a reference rewritten with other pixels: found stale, then re-read and indexed again
    other = refs / "other.png"
    other.write_bytes(png(photo(640, 480, seed=99)))
    os.utime(other, ns=(other.stat().st_atime_ns, other.stat().st_mtime_ns + 10_000_000))
    assert index.load(refs).changed_since() == ["other.png"]
    third = index.update(refs)
    assert calls == ["other.png"]
    old_sha = next(e.sha256 for e in first.entries if e.rel == "other.png")
    new_sha = next(e.sha256 for e in third.entries if e.rel == "other.png")
    assert new_sha == hashlib.sha256(other.read_bytes()).hexdigest() != old_sha
    # touched but unchanged bytes: hashed again, features taken from the cache
    calls.clear()
    os.utime(refs / "press.jpg", ns=(1, 2))
    fourth = index.update(refs)
    assert calls == ["press.jpg"]
    assert next(e.sha256 for e in fourth.entries if e.rel == "press.jpg") == hashlib.sha256(press_photo).hexdigest()
    assert not any(p.is_file() and p.suffix == ".npz" for p in refs.rglob("*"))  # nothing written beside them


def test_an_unindexed_folder_is_a_failed_check_not_nothing_found(tmp_path: Path, press_photo: bytes) -> None:
    from verifier.config import Config
    from verifier.detectors.base import Context
    from verifier.detectors.reference import ReferenceDetector
    from verifier.evidence import Status
    from verifier.inputs import identify
    from verifier.isolation import run_detector

    refs = _refs(tmp_path, press_photo)
    suspect = tmp_path / "s.jpg"
    suspect.write_bytes(press_photo)
    det = ReferenceDetector()
    ev = run_detector(det, identify(suspect), Context(Config(reference_dirs=(refs,))))
    assert ev.status is Status.ERROR and "not been indexed" in (ev.error or "")
    ev = run_detector(det, identify(suspect), Context(Config()))
    assert ev.status is Status.NOT_APPLICABLE


def test_an_unreadable_reference_is_listed_not_fatal(tmp_path: Path, press_photo: bytes) -> None:
    refs = _refs(tmp_path, press_photo)
    (refs / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    idx = index.update(refs)
    bad = [e for e in idx.entries if e.error]
    assert [e.rel for e in bad] == ["broken.jpg"] and len(idx.usable) == 3


def test_the_table_lists_the_match_under_the_row(tmp_path: Path, press_photo: bytes,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    refs = _refs(tmp_path, press_photo)
    suspect = tmp_path / "copy.jpg"
    suspect.write_bytes(jpeg(decoded(press_photo), 70))
    assert cli.main(["scan", str(suspect), "--reference", str(refs), "--inline", *QUICK]) == 0
    out, err = capsys.readouterr()
    assert "~ The whole picture matches the reference photo" in out and "press.jpg" in out
    assert "indexed 3 reference photos" in err  # progress goes to stderr
    assert cli.main(["scan", str(suspect), "--reference", str(refs), "--inline", *QUICK, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "~ 整张图片与参考照片" in out and "不说明文件是否真实" in out
