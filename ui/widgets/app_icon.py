"""The application icon: a magnifying glass over a picture, drawn in code (no text, any size).

``python -m ui.widgets.app_icon`` writes the files the packages use (``ui/icons/verifier.png`` for
PyInstaller, ``resources/icons/verifier.png`` for the AppImage, ``resources/icons/verifier.ico`` for
a Windows executable).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

UI_DIR = Path(__file__).resolve().parents[1]
ICON_PNG = UI_DIR / "icons" / "verifier.png"
PACKAGE_PNG = UI_DIR.parent / "resources" / "icons" / "verifier.png"
WINDOWS_ICO = UI_DIR.parent / "resources" / "icons" / "verifier.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def paint(size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    s = size / 64.0  # drawn on a 64-unit grid
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(s, s)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f3b5c"))
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
    # a picture: a white card with a hill and a sun
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(9, 10, 34, 28), 3, 3)
    hill = QPainterPath(QPointF(11, 36))
    hill.lineTo(21, 24)
    hill.lineTo(28, 31)
    hill.lineTo(33, 26)
    hill.lineTo(41, 36)
    hill.closeSubpath()
    p.setBrush(QColor("#8fb3d9"))
    p.drawPath(hill)
    p.setBrush(QColor("#f2b705"))
    p.drawEllipse(QPointF(34, 17), 3.2, 3.2)
    # the magnifying glass
    lens = QPointF(38, 38)
    p.setBrush(QColor(255, 255, 255, 70))
    p.setPen(QPen(QColor("#ffffff"), 4.5))
    p.drawEllipse(lens, 12, 12)
    p.setPen(QPen(QColor("#ffffff"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(47, 47), QPointF(56, 56))
    # a tick inside the lens
    p.setPen(QPen(QColor("#2e7d32"), 3.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath(QPointF(32, 38.5))
    tick.lineTo(36.5, 43)
    tick.lineTo(44.5, 33.5)
    p.drawPath(tick)
    p.end()
    return pm


def app_icon() -> QIcon:
    """The window icon: the shipped PNG when present, else drawn at every size now."""
    icon = QIcon()
    if ICON_PNG.is_file():
        icon.addFile(str(ICON_PNG))
    for size in SIZES:
        if size < 256 or icon.isNull():
            icon.addPixmap(paint(size))
    return icon


def write(paths: tuple[Path, ...] = (ICON_PNG, PACKAGE_PNG), size: int = 256) -> list[Path]:
    pm = paint(size)
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not pm.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
    return list(paths)


def write_ico(path: Path = WINDOWS_ICO, source: Path = PACKAGE_PNG) -> Path:
    """A multi-size .ico from the 256 px PNG (Pillow: a build-time tool, not needed at run time)."""
    from PIL import Image

    with Image.open(source) as im:
        im.save(path, sizes=[(s, s) for s in SIZES])
    return path


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    for written in (*write(), write_ico()):
        print(written)
