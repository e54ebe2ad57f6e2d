"""The window's "Indicators (advisory)" tab: indicators apart from the verdict, boxes outlined on
the picture, the forensic views as images, every word in the window's language, file strings plain."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.reports import entry_of
from ui import i18n
from ui.widgets.indicators_panel import tree_texts
from ui.widgets.report_view import ReportView
from tests.conformance.chinese import foreign
from verifier.describe.text import marking, unmarked
from verifier.evidence import Attachment, Evidence, Indicator, MediaFile, Report, Status
from verifier.verdict import fuse

COPY = Indicator("forensic.copy_move", "copy_move", "a region of the picture repeats elsewhere in it",
                 {"boxes": [[20, 30, 80, 90], [200, 120, 260, 180]], "inliers": 57, "shift": [180.0, 90.0],
                  "scale": 1.0, "rotation_deg": 0.0})
RECAPTURE = Indicator("forensic.recapture", "recapture", "signs of a screenshot or a photo of a screen",
                      {"hints": ["screen_size", "no_camera_facts"], "size": [320, 240]})
MATCH = Indicator("reference.match", "reference", "a region matches a reference photo",
                  {"reference": "<b>press</b>/photo.jpg", "reference_sha256": "ab" * 32, "kind": "partial",
                   "box": [100, 100, 150, 140], "reference_box": [0, 0, 50, 40], "inliers": 31})


def _png(size: tuple[int, int], grey: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (grey, grey, grey)).save(buf, "PNG")
    return buf.getvalue()


def _report(tmp_path: Path, indicators: tuple[Indicator, ...]) -> Report:
    path = tmp_path / "suspect.png"
    path.write_bytes(_png((320, 240), 230))
    media = MediaFile(path, "0" * 64, path.stat().st_size, "image/png")
    views = Evidence("forensic_views", Status.OK, facts={
        "size": [320, 240], "view_size": [320, 240], "error_level": {"quality": 90, "gain": 20},
        "noise_residual": {"filter": "median 3x3", "white_at": 3.0},
        "faces": {"finder": None, "not_looked_for": "this OpenCV build (5.0.0) has no cascade classifier",
                  "reason": "no_classifier", "opencv": "5.0.0"}},
        attachments=(Attachment("error_level.png", "image/png", _png((320, 240), 20)),
                     Attachment("noise_residual.png", "image/png", _png((320, 240), 40))))
    evidence = (Evidence("file", Status.OK, facts={"supported": True}),
                Evidence("copy_move", Status.OK, indicators=indicators), views)
    return Report(media, evidence, fuse(evidence), "2026-01-01T00:00:00+00:00")


def test_indicators_show_in_their_own_tab_never_in_the_verdict(view, tmp_path: Path) -> None:
    view.set_entry(entry_of(_report(tmp_path, (COPY, RECAPTURE, MATCH))))
    panel = view.indicators
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Indicators (advisory)" in titles
    texts = tree_texts(panel.tree)
    assert "A region repeats elsewhere in the picture" in texts
    assert "Signs of a screenshot or a photo of a screen" in texts
    assert "the size of a common screen, no camera data" in texts  # hint codes worded
    assert "Matching points" in texts and "57" in texts
    assert any("<b>press</b>/photo.jpg" in t for t in texts)  # a file string, shown literally
    assert "never change the verdict" in panel.advisory.text()
    assert panel.advisory.textFormat() == Qt.TextFormat.PlainText
    banner = " ".join(w.text() for w in (view.banner.headline, view.banner.explanation, view.banner.notes))
    assert "repeats" not in banner and "screenshot" not in banner and "reference" not in banner
    assert view.banner.headline.text().startswith("No provenance signals found")


def test_boxes_are_outlined_on_the_picture(view, tmp_path: Path, qtbot) -> None:
    view.set_entry(entry_of(_report(tmp_path, (COPY, MATCH))))
    qtbot.waitUntil(lambda: view.indicators.preview.source is not None)  # decoded off the GUI thread
    pm = view.indicators.preview.source
    assert pm is not None and (pm.width(), pm.height()) == (320, 240)
    img = pm.toImage()
    edge = QColor(img.pixel(20, 60))  # the left edge of region A
    assert edge.red() > 200 and edge.green() > 120 and edge.blue() < 80
    assert QColor(img.pixel(50, 60)).getRgb()[:3] == (230, 230, 230)  # inside: the picture, untouched
    assert QColor(img.pixel(100, 120)).blue() < 80  # the reference match's box


def test_no_box_no_preview(view, tmp_path: Path) -> None:
    view.set_entry(entry_of(_report(tmp_path, (RECAPTURE,))))
    assert view.indicators.preview.source is None


def test_the_views_show_as_images_with_what_they_are(view, tmp_path: Path) -> None:
    view.set_entry(entry_of(_report(tmp_path, ())))
    panel = view.indicators
    assert [name for name, _ in panel.view_images] == ["error_level.png", "noise_residual.png"]
    assert all(image.source is not None for _, image in panel.view_images)
    assert "no indicator is raised from them" in panel.views_note.text()
    assert "No indicator was raised" in panel.empty.text()
    assert "has no cascade classifier" in " ".join(tree_texts(panel.faces))


def test_no_file_no_section(view) -> None:
    view.set_entry(None)
    assert not view.indicators.advisory.isVisibleTo(view.indicators)


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_chinese_window_shows_no_raw_key_or_english(view, qtbot, tmp_path: Path, lang: str) -> None:
    assert i18n.install(lang)
    try:
        with marking():
            view.set_entry(entry_of(_report(tmp_path, (COPY, RECAPTURE, MATCH))))
            panel = view.indicators
            texts = tree_texts(panel.tree) + tree_texts(panel.faces) + [
                panel.advisory.text(), panel.views_note.text(), panel.views_heading.text()]
            texts += [panel.tree.headerItem().text(c) for c in range(2)]
        fresh = ReportView()  # tab titles are the window's chrome, read when the view is built
        qtbot.addWidget(fresh)
        assert "指标（参考）" in [fresh.tabs.tabText(i) for i in range(fresh.tabs.count())]
        for t in texts:
            assert not foreign(t), unmarked(t)
    finally:
        i18n.install("en")


def test_the_picture_is_shown_as_a_viewer_shows_it(tmp_path: Path) -> None:
    """An EXIF-rotated JPEG (stored 200 x 100, orientation 6): the boxes are in the shown pixels."""
    from ui.presenters import Preview
    from ui.widgets.indicators_panel import load_shown

    img = Image.new("RGB", (200, 100), (200, 200, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    img.save(path, "JPEG", exif=exif.tobytes())
    before, listing = path.read_bytes(), sorted(tmp_path.rglob("*"))
    shown = load_shown(Preview(path=path))
    assert shown is not None and (shown.width(), shown.height()) == (100, 200)
    assert path.read_bytes() == before and sorted(tmp_path.rglob("*")) == listing  # nothing written
