"""Accept files and folders dropped from outside: copy drops only, never move."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QWidget


def local_paths(mime: QMimeData) -> list[Path]:
    """Local files and folders named by a drop or a paste (URLs, else one path per text line)."""
    out: list[Path] = []
    if mime.hasUrls():
        out = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    elif mime.hasText():
        for line in mime.text().splitlines():
            line = line.strip().strip('"')
            if line.startswith("file://"):
                from PySide6.QtCore import QUrl

                line = QUrl(line).toLocalFile()
            if line:
                out.append(Path(line))
    return [p for p in out if p.exists()]


class DropArea(QWidget):
    """A container that takes drops on behalf of everything inside it."""

    paths_dropped = Signal(list)  # list[Path]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._accepting = False

    @staticmethod
    def _copyable(event) -> bool:
        return bool(event.possibleActions() & Qt.DropAction.CopyAction) and bool(local_paths(event.mimeData()))

    def _highlight(self, on: bool) -> None:
        self.setStyleSheet("DropArea { background: #e3f2fd; }" if on else "")

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        # the paths are looked up on disk once per drag, not on every mouse move
        self._accepting = self._copyable(event)
        if self._accepting:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._accepting and event.possibleActions() & Qt.DropAction.CopyAction:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._highlight(False)
        paths = local_paths(event.mimeData())
        if not (event.possibleActions() & Qt.DropAction.CopyAction and paths):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # never Move: the source must keep its file
        event.accept()
        self.paths_dropped.emit(paths)
