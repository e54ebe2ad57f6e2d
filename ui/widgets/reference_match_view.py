"""Two pictures side by side, the shared region outlined in each: a ``reference.match`` finding.

The pictures are decoded off the GUI thread through the core's decoder (size limits included) and
shown reduced; the boxes are drawn in the pictures' own pixel coordinates, scaled with them. File
names and paths are shown as plain text only.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from .common import plain_label

SHOWN_MAX_SIDE = 1600
OUTLINE = QColor("#e8590c")


def _qimage(bgr: np.ndarray) -> tuple[QImage, float]:
    """A reduced RGB QImage of ``bgr`` and the factor applied."""
    from verifier.adapters import opencv_features as cvf

    h, w = bgr.shape[:2]
    f = min(1.0, SHOWN_MAX_SIDE / max(h, w))
    if f < 1.0:
        bgr = cvf.resize_area(bgr, round(w * f), round(h * f))
    rgb = np.ascontiguousarray(bgr[:, :, ::-1])
    img = QImage(rgb.data, rgb.shape[1], rgb.shape[0], 3 * rgb.shape[1], QImage.Format.Format_RGB888)
    return img.copy(), f  # copy: the QImage must own its pixels


class _Signals(QObject):
    loaded = Signal(int, object, float, str)  # side, QImage or None, factor, error


class _Load(QRunnable):
    def __init__(self, side: int, path: Path, signals: _Signals) -> None:
        super().__init__()
        self.side, self.path, self.signals = side, path, signals

    def run(self) -> None:
        from verifier.adapters import opencv_image
        from verifier.inputs import sniff_file

        try:
            bgr = opencv_image.load_bgr(self.path, sniff_file(self.path).media_type)
            img, f = _qimage(bgr)
            self.signals.loaded.emit(self.side, img, f, "")
        except Exception as exc:  # noqa: BLE001 - shown to the user as the reason
            self.signals.loaded.emit(self.side, None, 1.0, str(exc))


class BoxedPicture(QWidget):
    """One picture scaled to fit, with one rectangle (in the picture's own pixels) outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.factor = 1.0
        self.box: tuple[int, int, int, int] | None = None
        self.message = QCoreApplication.translate("ReferenceMatch", "Loading…")
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_picture(self, image: QImage | None, factor: float, box: tuple[int, int, int, int] | None,
                    message: str = "") -> None:
        self.image, self.factor, self.box, self.message = image, factor, box, message
        self.update()

    def shown_rect(self) -> QRectF:
        """Where the picture is drawn in the widget (aspect kept, centred)."""
        if self.image is None or self.image.isNull():
            return QRectF()
        iw, ih = self.image.width(), self.image.height()
        s = min(self.width() / iw, self.height() / ih)
        w, h = iw * s, ih * s
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def box_rect(self) -> QRectF:
        """The outlined box in widget coordinates (empty without a picture or a box)."""
        r = self.shown_rect()
        if r.isEmpty() or self.box is None or self.image is None:
            return QRectF()
        s = r.width() / self.image.width() * self.factor  # original pixels -> widget
        x0, y0, x1, y1 = self.box
        return QRectF(r.x() + x0 * s, r.y() + y0 * s, (x1 - x0) * s, (y1 - y0) * s)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        if self.image is None or self.image.isNull():
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(self.shown_rect(), self.image)
        box = self.box_rect()
        if not box.isEmpty():
            pen = QPen(OUTLINE, 3)
            p.setPen(pen)
            p.drawRect(box)


class ReferenceMatchDialog(QDialog):
    """The suspect and one matching reference side by side (bound to one indicator's details)."""

    def __init__(self, suspect: Path, details: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ReferenceMatch", "Shared with a reference photo"))
        self.resize(1200, 640)
        self.details = details
        self.suspect = BoxedPicture(self)
        self.reference = BoxedPicture(self)
        reference = Path(str(details.get("reference", "")))
        kind = str(details.get("kind", ""))
        what = (QCoreApplication.translate("ReferenceMatch", "The whole picture matches this reference photo "
                                           "(re-encoded, resized or cropped).") if kind == "duplicate" else
                QCoreApplication.translate("ReferenceMatch", "The outlined region matches the outlined region of "
                                           "this reference photo."))
        note = QCoreApplication.translate(
            "ReferenceMatch", "{points} matching points. Shared pixels say where a picture, or part of it, "
                              "came from; they do not by themselves say whether it was edited in bad faith.").format(
            points=int(details.get("inliers", 0) or 0))
        grid = QGridLayout()
        grid.addWidget(plain_label(QCoreApplication.translate("ReferenceMatch", "This file:") + " " + suspect.name,
                                   self), 0, 0)
        grid.addWidget(plain_label(QCoreApplication.translate("ReferenceMatch", "Reference photo:") + " "
                                   + str(reference), self), 0, 1)
        grid.addWidget(self.suspect, 1, 0)
        grid.addWidget(self.reference, 1, 1)
        grid.addWidget(plain_label(QCoreApplication.translate("ReferenceMatch", "SHA-256:") + " "
                                   + str(details.get("reference_sha256", "")), self), 2, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label(what, self))
        lay.addLayout(grid, 1)
        lay.addWidget(plain_label(note, self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._loaded)
        self._boxes = {0: _box(details.get("box")), 1: _box(details.get("reference_box"))}
        for side, path in ((0, suspect), (1, reference)):
            QThreadPool.globalInstance().start(_Load(side, path, self._signals))

    def _loaded(self, side: int, image: QImage | None, factor: float, error: str) -> None:
        target = self.suspect if side == 0 else self.reference
        target.set_picture(image, factor, self._boxes[side], QCoreApplication.translate(
            "ReferenceMatch", "The picture could not be shown: {why}").format(why=error) if error else "")


def _box(value: object) -> tuple[int, int, int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 4:
        try:
            x0, y0, x1, y1 = (int(v) for v in value)
        except (TypeError, ValueError):
            return None
        if x1 > x0 and y1 > y0:
            return x0, y0, x1, y1
    return None


def reference_matches(entry) -> list[dict]:
    """The ``reference.match`` indicators' details of a queue entry, strongest first."""
    if entry is None:
        return []
    ev = entry.evidence_for("reference")
    if ev is None:
        return []
    found = [dict(i.details) for i in getattr(ev, "indicators", ()) if i.id == "reference.match"]
    return sorted(found, key=lambda d: -int(d.get("inliers", 0) or 0))


def open_for_entry(entry, parent: QWidget) -> ReferenceMatchDialog | None:
    """Show the strongest reference match of ``entry`` side by side (non-modal), or say there is none."""
    from .common import inform

    matches = reference_matches(entry)
    if not matches:
        inform(parent, QCoreApplication.translate("ReferenceMatch", "Reference photos"),
               QCoreApplication.translate("ReferenceMatch", "No region of the selected file was found in the "
                                          "reference photos (or no reference folder is set: File ▸ Reference "
                                          "photos…)."))
        return None
    dialog = ReferenceMatchDialog(entry.path, matches[0], parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
