"""Help ▸ How to read the results: what each basis and verdict means, and what the tool never does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from verifier.describe import t
from verifier.evidence import VerdictCode

from ..presenters import chip_word, lang
from .common import plain_label


def sections() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(heading, ((term, explanation), …)) in the reader's language."""
    bases = (
        (QCoreApplication.translate("HelpDialog", "Signed"),
         QCoreApplication.translate("HelpDialog", "C2PA Content Credentials whose cryptographic signature still "
                                                  "matches the file. The strongest basis: the statement cannot be "
                                                  "changed without breaking the signature. Who signed matters: a "
                                                  "signer on a trust list is a known organisation; an unknown "
                                                  "signer could be anyone.")),
        (QCoreApplication.translate("HelpDialog", "Watermark"),
         QCoreApplication.translate("HelpDialog", "An invisible mark decoded from the pixels or the sound. It "
                                                  "survives the removal of metadata, but strong edits can erase it, "
                                                  "and a weak reading is only a lead.")),
        (QCoreApplication.translate("HelpDialog", "Visible"),
         QCoreApplication.translate("HelpDialog", "A label you can see or hear in the content itself, such as "
                                                  "'AI生成' in a corner (GB 45438 asks for text at least 5 % of "
                                                  "the picture's shortest side). It can be cropped or painted "
                                                  "out, and anyone can add one.")),
        (QCoreApplication.translate("HelpDialog", "Metadata"),
         QCoreApplication.translate("HelpDialog", "A declaration written in the file's metadata (a GB 45438 "
                                                  "implicit label, an IPTC source type, generator settings). It "
                                                  "is not signed: anyone can add, change or remove it.")),
    )
    absence = (
        (QCoreApplication.translate("HelpDialog", "No signal is not proof"),
         QCoreApplication.translate("HelpDialog", "Most generators add no label, and labels are easily stripped "
                                                  "by screenshots, re-encoding or upload platforms. Finding "
                                                  "nothing says nothing about whether a file is authentic.")),
        (QCoreApplication.translate("HelpDialog", "Checks that did not finish"),
         QCoreApplication.translate("HelpDialog", "A check that failed or timed out is listed under 'Not "
                                                  "checked'; it is never read as 'nothing found'.")),
    )
    codes = tuple((QCoreApplication.translate("HelpDialog", "{word}: {headline}").format(
        word=chip_word(code), headline=t(f"verdict.headline.{code}", lang())), t(f"verdict.explanation.{code}", lang()))
        for code in VerdictCode)
    privacy = (
        (QCoreApplication.translate("HelpDialog", "Read only, offline"),
         QCoreApplication.translate("HelpDialog", "Files are only read: they are never changed, moved, uploaded "
                                                  "or shared, and nothing is fetched from the internet (a remote "
                                                  "manifest is reported, not downloaded).")),
    )
    return (
        (QCoreApplication.translate("HelpDialog", "How strong is each kind of evidence?"), bases),
        (QCoreApplication.translate("HelpDialog", "What absence means"), absence),
        (QCoreApplication.translate("HelpDialog", "The verdicts"), codes),
        (QCoreApplication.translate("HelpDialog", "Your files"), privacy),
    )


class HelpDialog(QDialog):
    """Plain text only; every phrase translated."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("HelpDialog", "How to read the results"))
        self.resize(640, 620)
        body = QWidget()
        col = QVBoxLayout(body)
        self.labels = []
        for heading, items in sections():
            title = plain_label(heading, body)
            font = title.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            title.setFont(font)
            col.addWidget(title)
            self.labels.append(title)
            for term, explanation in items:
                name = plain_label(term, body)
                bold = name.font()
                bold.setBold(True)
                name.setFont(bold)
                text = plain_label(explanation, body)
                text.setContentsMargins(12, 0, 0, 6)
                col.addWidget(name)
                col.addWidget(text)
                self.labels += [name, text]
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps instead
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)
