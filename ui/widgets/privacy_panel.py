"""Privacy: metadata fields that may identify a person, a place or a device."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from verifier.evidence import Evidence

from .. import presenters
from .common import plain_label
from .tables import TextTable


class PrivacyPanel(QWidget):
    """Bound to the ``metadata`` Evidence (``facts["privacy"]``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.note = plain_label(parent=self)
        self.table = TextTable([QCoreApplication.translate("PrivacyPanel", "Field"),
                                QCoreApplication.translate("PrivacyPanel", "Value"),
                                QCoreApplication.translate("PrivacyPanel", "Why it matters")], self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addStretch(0)
        self.set_evidence(None)

    def set_evidence(self, ev: Evidence | None) -> None:
        rows = presenters.privacy_rows(ev)
        self.table.set_rows(rows)
        self.table.setVisible(bool(rows))
        if rows:
            self.note.setText(QCoreApplication.translate(
                "PrivacyPanel", "These fields may identify a person, a place or a device. Think before "
                                "publishing or forwarding the original file."))
        else:
            self.note.setText(QCoreApplication.translate(
                "PrivacyPanel", "No identifying fields (names, locations, device serial numbers) were found in "
                                "the metadata that was read."))
