"""About: what produced the results (versions, trust lists) and what the tool never does."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from .common import plain_label


class AboutDialog(QDialog):
    """Bound to one ``verifier.about.tool_info`` dict."""

    def __init__(self, tool: dict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("AboutDialog", "About verifier"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        lists = tool.get("trust_lists") or []
        rows = (
            (QCoreApplication.translate("AboutDialog", "Version"), str(tool.get("version", ""))),
            (QCoreApplication.translate("AboutDialog", "C2PA library"), str(tool.get("c2pa_sdk", ""))),
            (QCoreApplication.translate("AboutDialog", "Trust lists"), "\n".join(map(str, lists)) or
             QCoreApplication.translate("AboutDialog", "none: signatures can be checked, signers cannot be "
                                                       "recognised")),
            (QCoreApplication.translate("AboutDialog", "Python / Qt"), f"{tool.get('python', '')} / {pyside_version}"),
        )
        for label, value in rows:
            form.addRow(plain_label(label, self, wrap=False), plain_label(value, self))
        note = plain_label(QCoreApplication.translate(
            "AboutDialog", "verifier only reads the files it is given: it never changes, uploads or shares them, "
                           "and it works offline. Finding no label is not proof that a file is authentic."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        title = plain_label("verifier", self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        lay.addWidget(title)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.rows = rows
