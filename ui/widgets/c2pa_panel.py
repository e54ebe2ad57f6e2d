"""Content Credentials: signer, trust list, dates, app, AI tool, actions, ingredients, status codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QFormLayout, QSplitter, QTreeWidgetItem, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from verifier.evidence import Evidence

from .. import presenters
from .common import fill_tree, make_tree, plain_label


class C2paPanel(QWidget):
    """Bound to the ``c2pa`` Evidence (or None)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.message = plain_label(parent=self)
        self.form = QFormLayout()
        self.manifests = make_tree([QCoreApplication.translate("C2paPanel", "Manifest"),
                                    QCoreApplication.translate("C2paPanel", "Value")], self)
        self.manifests.setIconSize(QSize(64, 64))
        self.codes = make_tree([QCoreApplication.translate("C2paPanel", "Status code"),
                                QCoreApplication.translate("C2paPanel", "Explanation")], self)
        self.codes.setRootIsDecorated(False)  # a flat list: no indent for branches that never exist
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.manifests)
        split.addWidget(self.codes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(self.form)
        lay.addWidget(split, 1)
        lay.addStretch(0)
        self.split = split
        self.set_evidence(None)

    def set_evidence(self, ev: Evidence | None) -> None:
        view = presenters.c2pa_view(ev)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.message.setText(view.message)
        self.message.setVisible(bool(view.message))
        self.split.setVisible(view.available)
        for row in view.summary:
            self.form.addRow(plain_label(row.label), plain_label(row.value))
        fill_tree(self.manifests, view.manifests, ev.attachments if ev else (), expand_depth=5)
        self.codes.clear()
        for r in view.status_codes:
            QTreeWidgetItem(self.codes, [r.label, r.value])
        self.codes.resizeColumnToContents(0)
        self.codes.setVisible(bool(view.status_codes))
