"""A read-only, filterable, copyable table of plain-text rows."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .common import safe_tooltip


class TextTable(QTableView):
    """Rows of strings; sortable, filterable (``set_filter``), Ctrl+C copies the selection as TSV."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QStandardItemModel(0, len(headers), self)
        self.source.setHorizontalHeaderLabels(headers)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)

    def set_rows(self, rows: tuple[tuple[str, ...], ...]) -> None:
        self.setSortingEnabled(False)
        self.source.removeRows(0, self.source.rowCount())
        for row in rows:
            items = []
            for value in row:
                item = QStandardItem(value)  # item text is plain text
                item.setEditable(False)
                if len(value) > 60:
                    item.setToolTip(safe_tooltip(value))
                items.append(item)
            self.source.appendRow(items)
        self.setSortingEnabled(True)
        for col in range(self.source.columnCount() - 1):
            self.resizeColumnToContents(col)
            self.setColumnWidth(col, min(self.columnWidth(col), 280))

    def set_filter(self, needle: str) -> None:
        self.proxy.setFilterFixedString(needle)

    def visible_rows(self) -> list[list[str]]:
        m = self.proxy
        return [[m.index(r, c).data() or "" for c in range(m.columnCount())] for r in range(m.rowCount())]

    def selection_text(self) -> str:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        every = self.visible_rows()
        chosen = [every[r] for r in rows] if rows else every
        return "\n".join("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) for row in chosen)

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.selection_text())
