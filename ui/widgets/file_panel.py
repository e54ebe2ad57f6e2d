"""File: name, size, SHA-256, the type sniffed from content and any extension mismatch."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from ..presenters import Row
from .common import plain_label


class FilePanel(QWidget):
    """Bound to a tuple of :class:`~ui.presenters.Row`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def set_rows(self, rows: tuple[Row, ...]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for r in rows:
            value = plain_label(r.value, self)
            if r.note == "warning":
                value.setStyleSheet("color: #b71c1c; font-weight: bold;")
            self.form.addRow(plain_label(r.label, self, wrap=False), value)
