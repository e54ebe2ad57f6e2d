"""Offer to sign an exported report with the user's own key, saying where that key lives.

Only asked when a key exists (``verifier key create`` makes one); the answer is the key's name, or
None to export unsigned. Signing writes REPORT.json.sig beside the report (verifier.signing)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from verifier.signing import DEFAULT_KEY, Key, SigningError, list_keys


def signing_key() -> Key | None:
    """The key to offer: the user's default key, else their first; None when they have none."""
    try:
        keys = list_keys()
    except (SigningError, OSError):
        return None
    return next((k for k in keys if k.name == DEFAULT_KEY), keys[0] if keys else None)


class SignDialog(QMessageBox):
    """Sign with my key / Do not sign; every text plain (a key's folder is a path)."""

    def __init__(self, key: Key, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Question, QCoreApplication.translate("SignDialog", "Sign the report?"),
                         "", QMessageBox.StandardButton.NoButton, parent)
        self.key = key
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(QCoreApplication.translate(
            "SignDialog", "Sign the report with your key “{name}” (key id {key_id})?\n\n"
                          "Your key is kept in {path}. Signing writes a .sig file beside the report's JSON: "
                          "anyone with your public key can then check that the report has not changed since "
                          "you signed it. It does not say who you are: share your key id where people "
                          "know it is yours.").format(name=key.name, key_id=key.key_id, path=str(key.path)))
        self.sign_button = self.addButton(QCoreApplication.translate("SignDialog", "Sign with my key"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.unsigned_button = self.addButton(QCoreApplication.translate("SignDialog", "Do not sign"),
                                              QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.sign_button)

    def chosen_key(self) -> str | None:
        return self.key.name if self.clickedButton() is self.sign_button else None


def ask(parent: QWidget | None) -> str | None:
    """The key to sign with, or None (no key, or the user chose not to sign)."""
    key = signing_key()
    if key is None:
        return None
    dialog = SignDialog(key, parent)
    dialog.exec()
    return dialog.chosen_key()
