"""The Indicators tab outlines the faces ``forensic_faces`` found on the picture, each with its
numbers beside the rest's; the faces stay a view: no indicator, nothing in the verdict."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QColor

from tests.ui.reports import entry_of
from ui.widgets.indicators_panel import tree_texts
from verifier.evidence import Evidence, MediaFile, Report, Status
from verifier.verdict import fuse

FACES = {"finder": "haarcascade_frontalface_default.xml + haarcascade_frontalface_alt2.xml", "found": 1,
         "regions": [{"box": [100, 60, 200, 160], "pixels": 10000, "noise": 1.5, "grid_offset": [5, 3],
                      "grid_strength": [1.6, 1.4], "noise_ratio": 0.4, "compared": True,
                      "differs": ["grid_offset"]}],
         "rest": {"pixels": 66800, "noise": 3.75, "grid_offset": [0, 0], "grid_strength": [1.12, 1.13]}, "differ": 1}


def _report(tmp_path: Path) -> Report:
    path = tmp_path / "portrait.png"
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (230, 230, 230)).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    media = MediaFile(path, "0" * 64, path.stat().st_size, "image/png")
    evidence = (Evidence("file", Status.OK, facts={"supported": True}),
                Evidence("forensic_faces", Status.OK, facts=FACES))
    return Report(media, evidence, fuse(evidence), "2026-01-01T00:00:00+00:00")


def test_faces_are_outlined_with_their_numbers(view, qtbot, tmp_path: Path) -> None:
    view.set_entry(entry_of(_report(tmp_path)))
    panel = view.indicators
    assert panel.tree.isHidden()  # no indicator: a face is a view, never an indicator
    qtbot.waitUntil(lambda: panel.preview.source is not None)  # decoded off the GUI thread
    pm = panel.preview.source
    assert pm is not None and (pm.width(), pm.height()) == (320, 240)
    edge = QColor(pm.toImage().pixel(100, 120))  # the face's left edge
    assert edge.red() > 200 and edge.green() > 120 and edge.blue() < 80
    texts = tree_texts(panel.faces)
    assert "Face 1" in texts and "JPEG grid offset" in texts and "Rest of the picture" in texts
    assert view.banner.headline.text().startswith("No provenance signals found")
