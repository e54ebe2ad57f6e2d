"""The case panel: the selected file's status in the open case, its notes, and a box to add one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from verifier.case import FileState

from .common import plain_label

STATUSES = ("", "ok", "to_check", "warning")


def _status_text(code: str) -> str:
    return {
        "": QCoreApplication.translate("CasePanel", "— not set —"),
        "ok": QCoreApplication.translate("CasePanel", "OK"),
        "to_check": QCoreApplication.translate("CasePanel", "To check"),
        "warning": QCoreApplication.translate("CasePanel", "Warning"),
    }[code]


class CasePanel(QWidget):
    status_chosen = Signal(str, str)  # sha256, status
    note_added = Signal(str, str)  # sha256, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CasePanel")
        self.sha256: str | None = None
        self.case = plain_label()
        self.file = plain_label()
        self.status = QComboBox()
        for code in STATUSES:
            self.status.addItem(_status_text(code), code)
        self.status.activated.connect(self._chosen)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(120)
        self.note = QLineEdit()
        self.note.setPlaceholderText(QCoreApplication.translate("CasePanel", "Write a note about this file…"))
        self.add = QPushButton(QCoreApplication.translate("CasePanel", "Add note"))
        self.add.clicked.connect(self._add)
        self.note.returnPressed.connect(self._add)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CasePanel", "Case"), self.case)
        form.addRow(QCoreApplication.translate("CasePanel", "File"), self.file)
        form.addRow(QCoreApplication.translate("CasePanel", "Status"), self.status)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.add)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.notes, 1)
        lay.addLayout(row)
        self.show_state(None, None, None, None)

    def show_state(self, case_title: str | None, name: str | None, sha256: str | None,
                   state: FileState | None) -> None:
        """``case_title`` None: no case open; ``sha256`` None: no analysed file selected."""
        self.sha256 = sha256 if case_title is not None else None
        if case_title is None:
            self.case.setText(QCoreApplication.translate("CasePanel", "No case open (Case ▸ New or Open)"))
        else:
            self.case.setText(case_title)
        self.file.setText(name or QCoreApplication.translate("CasePanel", "Select an analysed file"))
        active = self.sha256 is not None
        for w in (self.status, self.note, self.add):
            w.setEnabled(active)
        self.status.setCurrentIndex(max(0, self.status.findData(state.status if state else "")))
        self.notes.setPlainText("\n".join(f"{when}  {text}" for when, text in (state.notes if state else [])))

    def _chosen(self, index: int) -> None:
        code = self.status.itemData(index)
        if self.sha256 and code:
            self.status_chosen.emit(self.sha256, code)

    def _add(self) -> None:
        text = self.note.text().strip()
        if self.sha256 and text:
            self.note_added.emit(self.sha256, text)
            self.note.clear()
