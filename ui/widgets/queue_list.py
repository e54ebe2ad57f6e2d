"""The queue: one row per file with its progress (checks done / total), verdict chip and cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from .. import presenters
from ..entry import FileEntry
from .common import badge, safe_tooltip

UID = Qt.ItemDataRole.UserRole
FILE, CHECKS, VERDICT, CANCEL = range(4)


_ICONS: dict[presenters.Look, QIcon] = {}


def _icon(look: presenters.Look) -> QIcon:
    if look not in _ICONS:
        _ICONS[look] = QIcon(badge(look.icon, look.background, look.foreground, 16))
    return _ICONS[look]


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
        self.currentItemChanged.connect(self._current)
        self.itemClicked.connect(self._clicked)

    def add(self, entry: FileEntry) -> None:
        item = QTreeWidgetItem(self, [entry.path.name, "", "", ""])
        item.setData(FILE, UID, entry.uid)
        item.setToolTip(FILE, safe_tooltip(str(entry.path)))
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
        active = not entry.finished and not entry.cancelled
        if bool(item.text(CANCEL)) != active:
            item.setText(CANCEL, "✕" if active else "")
            item.setToolTip(CANCEL, QCoreApplication.translate("QueueList", "Cancel the checks of this file")
                            if active else "")

    def remove(self, uid: int) -> None:
        item = self._items.pop(uid, None)
        if item is not None:
            self.takeTopLevelItem(self.indexOfTopLevelItem(item))

    def uids(self) -> list[int]:
        return [self.topLevelItem(i).data(FILE, UID) for i in range(self.topLevelItemCount())]

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
        """Select the next (+1) or previous (-1) file."""
        n = self.topLevelItemCount()
        if not n:
            return
        item = self.currentItem()
        row = self.indexOfTopLevelItem(item) if item is not None else -1
        self._make_current(self.topLevelItem(max(0, min(n - 1, row + delta))))

    def _make_current(self, item: QTreeWidgetItem) -> None:
        # explicit: otherwise the modifiers of the shortcut (Ctrl) would toggle the selection
        self.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.ClearAndSelect
                            | QItemSelectionModel.SelectionFlag.Rows)

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == CANCEL and item.text(CANCEL):
            self.cancel_requested.emit(item.data(FILE, UID))

    def _current(self, item, _previous) -> None:
        self.current_changed.emit(item.data(FILE, UID) if item is not None else -1)
