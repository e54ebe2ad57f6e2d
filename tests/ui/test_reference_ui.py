"""The reference folder in the app: remembered in settings, indexed with progress off the GUI
thread, and a match shown side by side with both regions outlined."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.verifier.reference.pictures import decoded, jpeg, paste, photo


@pytest.fixture
def folder_and_suspect(tmp_path: Path) -> tuple[Path, Path]:
    refs = tmp_path / "refs"
    refs.mkdir()
    press = jpeg(photo(800, 600, seed=11), 92)
    (refs / "press.jpg").write_bytes(press)
    (refs / "other.jpg").write_bytes(jpeg(photo(640, 480, seed=12), 90))
    face = decoded(press)[150:400, 300:520]
    composite, _ = paste(photo(1024, 768, seed=21), face, (400, 200), scale=0.8, angle=3.0)
    suspect = tmp_path / "suspect.jpg"
    suspect.write_bytes(jpeg(composite, 80))
    return refs, suspect


def test_the_reference_folder_is_remembered_and_reaches_the_config(tmp_path: Path) -> None:
    from ui import settings as settings_mod
    from ui.settings import Settings

    s = Settings(reference_dir=str(tmp_path))
    settings_mod.save(s)
    loaded = settings_mod.load()
    assert loaded.reference_dir == str(tmp_path)
    assert loaded.to_config().reference_dirs == (tmp_path,)
    assert Settings().to_config().reference_dirs == ()


def test_indexing_reports_progress_and_leaves_the_folder_alone(qtbot, folder_and_suspect) -> None:
    from ui.reference_folder import IndexWorker

    refs, _ = folder_and_suspect
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in refs.iterdir()}
    worker = IndexWorker(refs)
    seen: list[tuple[int, int]] = []
    worker.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(worker.finished_with, timeout=60_000) as blocker:
        worker.start()
    worker.wait()
    assert blocker.args == [""]
    assert worker.usable == 2 and seen and seen[-1] == (2, 2)
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in refs.iterdir()} == before


def test_a_match_is_shown_side_by_side_with_both_regions(qtbot, make_app, folder_and_suspect) -> None:
    from verifier.reference import index
    from ui.settings import Settings
    from ui.widgets.reference_match_view import open_for_entry, reference_matches

    refs, suspect = folder_and_suspect
    index.update(refs)
    app = make_app(settings=Settings(ocr=False, reference_dir=str(refs)))
    with qtbot.waitSignal(app.controller.idle, timeout=120_000):
        app.controller.add_paths([suspect])
    [entry] = app.controller.entries.values()
    [match] = reference_matches(entry)
    assert match["kind"] == "partial" and match["reference"].endswith("press.jpg")
    dialog = open_for_entry(entry, app.window)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.suspect.image is not None and dialog.reference.image is not None, timeout=20_000)
    for side in (dialog.suspect, dialog.reference):
        box, shown = side.box_rect(), side.shown_rect()
        assert not box.isEmpty() and shown.contains(box)
    # the outline sits where the region is: the reference's box is around the pasted face
    x0, y0, x1, y1 = match["reference_box"]
    assert 250 <= x0 <= 340 and 100 <= y0 <= 190 and 480 <= x1 <= 560 and 360 <= y1 <= 440
    dialog.close()


def test_a_remembered_folder_is_brought_up_to_date_in_the_background(qtbot, make_app, folder_and_suspect) -> None:
    from verifier.reference import index
    from ui.settings import Settings

    refs, _ = folder_and_suspect
    index.update(refs)
    (refs / "added-later.jpg").write_bytes(jpeg(photo(480, 360, seed=77), 90))
    app = make_app(settings=Settings(ocr=False, reference_dir=str(refs)))
    worker = app._reference_refresh
    assert worker is not None
    qtbot.waitUntil(worker.isFinished, timeout=60_000)
    assert "added-later.jpg" in [e.rel for e in index.load(refs).entries]
