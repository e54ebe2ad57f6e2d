"""Details: every check with its outcome and time, and every fact as a generic tree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidgetItem, QVBoxLayout, QWidget

from verifier.evidence import Evidence

from .. import presenters
from ..presenters import Node, Row
from .common import fill_tree, make_tree


class DetailsPanel(QWidget):
    """Bound to the checks' rows and the evidence gathered so far."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.checks = make_tree([QCoreApplication.translate("DetailsPanel", "Check"),
                                 QCoreApplication.translate("DetailsPanel", "Outcome"),
                                 QCoreApplication.translate("DetailsPanel", "Time and reason")], self)
        self.checks.setRootIsDecorated(False)
        self.facts = make_tree([QCoreApplication.translate("DetailsPanel", "Fact"),
                                QCoreApplication.translate("DetailsPanel", "Value")], self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.checks, 1)
        lay.addWidget(self.facts, 2)

    def set_value(self, checks: tuple[Row, ...], evidence: tuple[Evidence, ...]) -> None:
        self.checks.clear()
        for r in checks:
            QTreeWidgetItem(self.checks, [r.label, r.value, r.note])
        self.checks.resizeColumnToContents(0)
        nodes = []
        for ev in evidence:
            kids = list(presenters.tree_children(ev.facts)) if ev.facts else []
            for s in ev.signals:
                kids.append(Node(presenters.signal_title(s.id), presenters.summary_text(s),
                                 presenters.tree_children(s.details) if s.details else ()))
            for a in ev.attachments:
                kids.append(Node(QCoreApplication.translate("DetailsPanel", "Attachment"),
                                 f"{presenters.text(a.name, 300)} ({presenters.text(a.mime, 100)}, "
                                 f"{len(a.data)} B)", (), a.name))
            if kids:
                nodes.append(Node(presenters.detector_name(ev.detector), presenters.status_text(ev.status),
                                  tuple(kids)))
        fill_tree(self.facts, nodes, [a for ev in evidence for a in ev.attachments], expand_depth=1)
