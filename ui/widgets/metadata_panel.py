"""Metadata: every field the file carries, searchable and copyable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from verifier.evidence import Evidence

from .. import presenters
from .common import plain_label
from .tables import TextTable


class MetadataPanel(QWidget):
    """Bound to the ``metadata`` Evidence (``facts["fields"]``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(QCoreApplication.translate("MetadataPanel", "Search fields and values…"))
        self.search.setClearButtonEnabled(True)
        self.copy = QPushButton(QCoreApplication.translate("MetadataPanel", "Copy"), self)
        self.copy.setToolTip(QCoreApplication.translate("MetadataPanel", "Copy the selected rows (or all shown "
                                                                         "rows) as tab-separated text"))
        self.table = TextTable([QCoreApplication.translate("MetadataPanel", "Group"),
                                QCoreApplication.translate("MetadataPanel", "Field"),
                                QCoreApplication.translate("MetadataPanel", "Value")], self)
        self.empty = plain_label(parent=self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.copy)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        lay.addStretch(0)
        self.search.textChanged.connect(self.table.set_filter)
        self.copy.clicked.connect(self.table.copy_selection)
        self.set_evidence(None)

    def set_evidence(self, ev: Evidence | None) -> None:
        rows = presenters.metadata_rows(ev)
        self.table.set_rows(rows)
        if ev is None:
            msg = QCoreApplication.translate("MetadataPanel", "Metadata not read yet.")
        elif not rows:
            msg = QCoreApplication.translate("MetadataPanel", "No metadata fields were read from this file.")
        else:
            msg = ""
        self.empty.setText(msg)
        self.empty.setVisible(bool(msg))
