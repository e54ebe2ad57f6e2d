"""The selected finding in full: plain-text key/value rows, wrapped, copyable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..presenters import Row
from .common import plain_label


class FindingDetails(QWidget):
    """Bound to the rows of one finding (:func:`ui.presenters.finding_rows`); item text is always plain."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = plain_label(QCoreApplication.translate("FindingDetails", "Select a finding to see it in full."),
                                   self)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("FindingDetailsTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("FindingDetails", "Field"),
                                              QCoreApplication.translate("FindingDetails", "Value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setColumnWidth(0, 260)
        self.copy_button = QPushButton(QCoreApplication.translate("FindingDetails", "Copy details"), self)
        self.copy_button.clicked.connect(self.copy_all)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.copy_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self.rows: tuple[Row, ...] = ()
        self.set_rows(())

    def set_rows(self, rows: tuple[Row, ...], heading: str = "") -> None:
        self.rows = rows
        self.heading.setText(heading or QCoreApplication.translate("FindingDetails",
                                                                   "Select a finding to see it in full."))
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            key, value = QTableWidgetItem(r.label), QTableWidgetItem(r.value)  # item text is plain text
            key.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if r.note == "section":
                font = key.font()
                font.setBold(True)
                key.setFont(font)
            self.table.setItem(i, 0, key)
            self.table.setItem(i, 1, value)
        if rows:  # the key column fits its labels, within reason
            self.table.resizeColumnToContents(0)
            self.table.setColumnWidth(0, max(120, min(self.table.columnWidth(0) + 8, 300)))
        self.table.resizeRowsToContents()
        self.copy_button.setEnabled(bool(rows))

    def text(self, only_selected: bool = False) -> str:
        """The rows as ``key: value`` lines (what the copy actions put on the clipboard)."""
        chosen = sorted({i.row() for i in self.table.selectedIndexes()}) if only_selected else []
        rows = [self.rows[i] for i in chosen] if chosen else list(self.rows)
        out = []
        for r in rows:
            if r.note == "section":
                out.append(r.label)
            else:
                out.append(f"{r.label}: {r.value}" if "\n" not in r.value
                           else f"{r.label}:\n  " + r.value.replace("\n", "\n  "))
        return "\n".join(out)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.text(only_selected=True))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override: wrapped rows follow the width
        super().resizeEvent(event)
        self.table.resizeRowsToContents()
