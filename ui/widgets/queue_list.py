"""The queue: one row per file with its progress (checks done / total), verdict chip and cancel.

A file found inside another (an e-mail's attachment, an archive's member) is a row under its
container's row, named by its place in it (see ``ui.members_view``).

Each row shows a small thumbnail of the file: the picture itself (read only, decoded off the GUI
thread at THUMB_SIDE pixels a side; a picture found inside another file is read again from its
container, in memory), else a picture a check kept (a video frame, the thumbnail in the file's
Content Credentials). A row without one yet shows a blank of the same size, so the names of
sibling rows line up."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator

from .. import presenters
from ..members_view import row_name
from ..picture_loader import PictureLoader
from ..plain import text
from ..entry import FileEntry
from .common import badge, safe_tooltip

UID = Qt.ItemDataRole.UserRole
PATH = Qt.ItemDataRole.UserRole + 1  # the file's full path (a member's row shows only its place)
THUMBED = Qt.ItemDataRole.UserRole + 2  # True once the row shows its file's own thumbnail
FILE, CHECKS, VERDICT, CANCEL = range(4)
THUMB_SIDE = 32  # pixels a side of a row's thumbnail
THUMBS_KEPT = 2_000  # decoded thumbnails kept (4 KB each at most)


@lru_cache(maxsize=1)
def blank_thumbnail() -> QIcon:
    """A transparent THUMB_SIDE square: the room a thumbnail takes, for a row that has none."""
    pm = QPixmap(THUMB_SIDE, THUMB_SIDE)
    pm.fill(Qt.GlobalColor.transparent)
    return QIcon(pm)


def thumbnail_icon(image: QImage) -> QIcon:
    """``image`` (at most THUMB_SIDE a side) centred on a transparent THUMB_SIDE square: a small
    or narrow picture takes the same room as any other, so names line up."""
    pm = QPixmap(THUMB_SIDE, THUMB_SIDE)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.drawImage((THUMB_SIDE - image.width()) // 2, (THUMB_SIDE - image.height()) // 2, image)
    painter.end()
    return QIcon(pm)


@lru_cache(maxsize=32)
def _icon(look: presenters.Look) -> QIcon:
    return QIcon(badge(look.icon, look.background, look.foreground, 16))


class QueueList(QTreeWidget):
    """Bound to the controller's entries, row by row (keyed by entry uid)."""

    current_changed = Signal(int)  # uid, or -1 when nothing is selected
    cancel_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([QCoreApplication.translate("QueueList", "File"),
                              QCoreApplication.translate("QueueList", "Checks"),
                              QCoreApplication.translate("QueueList", "Verdict"), ""])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the end of a name: its extension matters
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: "resize to contents" re-measures every row on every change (slow with 200 files)
        for col in (CHECKS, VERDICT, CANCEL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        self.setColumnWidth(CHECKS, max(metrics.horizontalAdvance("00/00") + 16,
                                        metrics.horizontalAdvance(self.headerItem().text(CHECKS)) + 16))
        widest = max(metrics.horizontalAdvance(presenters.chip_words_sample()) + 40, 120)
        self.setColumnWidth(VERDICT, widest)
        self.setColumnWidth(CANCEL, 28)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._thumbs: dict[int, presenters.Preview] = {}  # uid -> the picture asked for its thumbnail
        self.thumbnails = PictureLoader(THUMB_SIDE, THUMBS_KEPT, self)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self.currentItemChanged.connect(self._current)
        self.itemClicked.connect(self._clicked)

    def add(self, entry: FileEntry) -> None:
        container = self._items.get(entry.parent) if entry.parent is not None else None
        if container is None:
            item = QTreeWidgetItem(self, [text(entry.path.name, 300), "", "", ""])
        else:
            item = QTreeWidgetItem(container, [text(row_name(entry.path, container.data(FILE, PATH)), 300), "", "", ""])
            self.setRootIsDecorated(True)
            container.setExpanded(True)
        item.setData(FILE, UID, entry.uid)
        item.setData(FILE, PATH, str(entry.path))
        item.setToolTip(FILE, safe_tooltip(text(str(entry.path))))
        item.setIcon(FILE, blank_thumbnail())  # the room of a thumbnail, so that sibling names line up
        self._items[entry.uid] = item
        self.update_entry(entry)
        if self.currentItem() is None:
            self._make_current(item)

    def update_entry(self, entry: FileEntry) -> None:
        item = self._items.get(entry.uid)
        if item is None:
            return
        progress = presenters.progress_text(entry)
        if item.text(CHECKS) != progress:
            item.setText(CHECKS, progress)
        word, look = presenters.chip(entry)
        if item.text(VERDICT) != word:
            item.setText(VERDICT, word)
            item.setIcon(VERDICT, _icon(look))
            item.setBackground(VERDICT, QBrush(QColor(look.background)))
            item.setForeground(VERDICT, QBrush(QColor(look.foreground)))
        self._thumbnail(entry, item)
        active = not entry.finished and not entry.cancelled
        if bool(item.text(CANCEL)) != active:
            item.setText(CANCEL, "✕" if active else "")
            item.setToolTip(CANCEL, QCoreApplication.translate("QueueList", "Cancel the checks of this file")
                            if active else "")

    def _thumbnail(self, entry: FileEntry, item: QTreeWidgetItem) -> None:
        source = presenters.thumbnail_source(entry)
        if source is None or self._thumbs.get(entry.uid) == source:
            return
        self._thumbs[entry.uid] = source
        picture = self.thumbnails.picture(source)  # None until decoded: _thumbnail_ready sets it
        if picture is not None:
            item.setIcon(FILE, thumbnail_icon(picture.image))
            item.setData(FILE, THUMBED, True)

    def _thumbnail_ready(self, source: presenters.Preview) -> None:
        picture = self.thumbnails.picture(source) if self.thumbnails.known(source) else None
        if picture is None:
            return
        icon = thumbnail_icon(picture.image)
        for uid, wanted in self._thumbs.items():
            item = self._items.get(uid)
            if wanted == source and item is not None:
                item.setIcon(FILE, icon)
                item.setData(FILE, THUMBED, True)

    def thumbnail_of(self, uid: int) -> QIcon | None:
        """The thumbnail a row shows (None: none yet)."""
        item = self._items.get(uid)
        if item is None or not item.data(FILE, THUMBED):
            return None
        return item.icon(FILE)

    def remove(self, uid: int) -> None:
        self._thumbs.pop(uid, None)
        item = self._items.pop(uid, None)
        if item is None:
            return
        if item.parent() is not None:
            item.parent().removeChild(item)
        else:
            self.takeTopLevelItem(self.indexOfTopLevelItem(item))

    def uids(self) -> list[int]:
        """Every row's uid in tree order (a container, then the files inside it)."""
        out = []
        it = QTreeWidgetItemIterator(self)
        while it.value() is not None:
            out.append(it.value().data(FILE, UID))
            it += 1
        return out

    def selected_uids(self) -> list[int]:
        chosen = [i.data(FILE, UID) for i in self.selectedItems()]
        if not chosen and self.currentItem() is not None:
            chosen = [self.currentItem().data(FILE, UID)]
        picked = set(chosen)
        return [u for u in self.uids() if u in picked]  # in queue order

    def current_uid(self) -> int:
        item = self.currentItem()
        return item.data(FILE, UID) if item is not None else -1

    def select(self, uid: int) -> None:
        item = self._items.get(uid)
        if item is not None:
            self._make_current(item)

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) row, files inside files included."""
        item = self.currentItem()
        if item is None:
            item = self.topLevelItem(0)
        else:
            item = (self.itemBelow(item) if delta > 0 else self.itemAbove(item)) or item
        if item is not None:
            self._make_current(item)

    def _make_current(self, item: QTreeWidgetItem) -> None:
        # explicit: otherwise the modifiers of the shortcut (Ctrl) would toggle the selection
        self.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.ClearAndSelect
                            | QItemSelectionModel.SelectionFlag.Rows)

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == CANCEL and item.text(CANCEL):
            self.cancel_requested.emit(item.data(FILE, UID))

    def _current(self, item, _previous) -> None:
        self.current_changed.emit(item.data(FILE, UID) if item is not None else -1)
