"""AI labels in metadata: GB 45438 implicit labels, IPTC, generator settings (with the prompt)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from verifier.evidence import Signal

from .. import presenters
from .common import fill_tree, make_tree, plain_label


class AiLabelsPanel(QWidget):
    """Bound to the file's signals (only the metadata-label ones are shown)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.empty = plain_label(parent=self)
        self.tree = make_tree([QCoreApplication.translate("AiLabelsPanel", "Label"),
                               QCoreApplication.translate("AiLabelsPanel", "Value")], self)
        self.prompt_title = plain_label(QCoreApplication.translate("AiLabelsPanel", "Prompt found in the file:"), self)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setReadOnly(True)
        self.prompt.setMaximumHeight(120)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.prompt_title)
        lay.addWidget(self.prompt)
        lay.addStretch(0)
        self.set_signals(())

    def set_signals(self, signals: tuple[Signal, ...]) -> None:
        sections = presenters.ai_label_sections(signals)
        self.empty.setText("" if sections else QCoreApplication.translate(
            "AiLabelsPanel", "No AI label in the file's metadata (GB 45438, IPTC or generator settings)."))
        self.empty.setVisible(not sections)
        self.tree.setVisible(bool(sections))
        fill_tree(self.tree, sections, expand_depth=3)
        prompt = presenters.prompt_of(signals)
        self.prompt.setPlainText(prompt)
        self.prompt.setVisible(bool(prompt))
        self.prompt_title.setVisible(bool(prompt))
