"""Overview: every signal, grouped by how strongly it is anchored (weak heuristics apart)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from ..presenters import Group
from .common import make_tree, plain_label, safe_tooltip

GROUP_TINT = {"problems": "#f3e5f5", "signed": "#e8f5e9", "watermark": "#e3f2fd", "visible": "#e3f2fd",
              "metadata": "#fff8e1", "weak": "#fbe9e7", "info": "#f5f5f5"}


class OverviewPanel(QWidget):
    """Bound to a tuple of :class:`~ui.presenters.Group`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.empty = plain_label(parent=self)
        self.tree = make_tree([QCoreApplication.translate("Overview", "Finding"),
                               QCoreApplication.translate("Overview", "What it says"),
                               QCoreApplication.translate("Overview", "Confidence")], self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.tree, 1)
        lay.addStretch(0)
        self.set_groups(())

    def set_groups(self, groups: tuple[Group, ...], finished: bool = True) -> None:
        self.tree.clear()
        if finished:
            empty = QCoreApplication.translate("Overview", "No signals found.")
        else:
            empty = QCoreApplication.translate("Overview", "No signals found so far.")
        self.empty.setText("" if groups else empty)
        self.empty.setVisible(not groups)
        self.tree.setVisible(bool(groups))
        for g in groups:
            head = QTreeWidgetItem(self.tree, [g.title, g.note, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            tint = QBrush(QColor(GROUP_TINT.get(g.key, "#f5f5f5")))
            for col in range(3):
                head.setBackground(col, tint)
            head.setData(0, 256, g.key)
            for r in g.rows:
                item = QTreeWidgetItem(head, [r.title, r.summary, r.confidence])
                item.setToolTip(1, safe_tooltip(r.summary))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 340))
        self.tree.setColumnWidth(1, 420)
