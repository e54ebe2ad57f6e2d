"""Settings ▸ Trust lists: which lists are in force, how old, and "Update trust list…" / "Roll back…".

Read-only status from :mod:`verifier.trust.status` (worded by :mod:`verifier.trust.wording` in the
app's language); updates go through :mod:`verifier.trust.update`: a file the user picked, validated,
copied into the trust folder. Nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout

from verifier.config import Config
from verifier.trust import wording
from verifier.trust.status import list_status
from verifier.trust.update import LIST_FILES, TrustUpdateError, guess_list, rollback, update

from .common import inform, plain_label


class TrustListsBox(QGroupBox):
    """Bound to a function giving the current configuration and the folder updates go to."""

    def __init__(self, current: Callable[[], tuple[Config, Path]], parent=None) -> None:
        super().__init__(QCoreApplication.translate("TrustListsBox", "Trust lists in force"), parent)
        self._current = current
        self.status = plain_label("", self)
        self.update_button = QPushButton(QCoreApplication.translate("TrustListsBox", "Update trust list…"), self)
        self.update_button.clicked.connect(self._ask_update)
        self.rollback_button = QPushButton(QCoreApplication.translate("TrustListsBox", "Roll back…"), self)
        self.rollback_button.clicked.connect(self._ask_rollback)
        buttons = QHBoxLayout()
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.rollback_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(plain_label(QCoreApplication.translate(
            "TrustListsBox", "Lists are never downloaded by the app: download a newer official list "
                             "(C2PA-TRUST-LIST.pem, C2PA-TSA-TRUST-LIST.pem) yourself and update it here."), self))
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        config, folder = self._current()
        states = list_status(config.trust_dirs, config.user_anchors, user_dir=folder)
        lines = []
        for s in states:
            data = s.to_json()
            lines.append(wording.describe(data, config.lang))
            lines.extend("    ! " + w for w in wording.warnings(data, config.lang))
        self.status.setText("\n".join(lines) if lines else wording.t("none", config.lang))

    def update_from(self, source: Path, name: str) -> str:
        """Install ``source`` as list ``name`` in the trust folder; returns the message shown."""
        _config, folder = self._current()
        try:
            done = update(source, name, folder)
        except TrustUpdateError as exc:
            return QCoreApplication.translate("TrustListsBox", "Could not update the trust list: {why}").format(
                why=str(exc))
        self.refresh()
        text = QCoreApplication.translate(
            "TrustListsBox", "Updated {name}: {n} certificates, now in force from {path}.").format(
            name=name, n=done.certificates, path=str(done.target))
        if done.expired:
            text += "\n" + QCoreApplication.translate(
                "TrustListsBox", "Warning: {n} certificates in this list have expired.").format(n=len(done.expired))
        return text

    def rollback(self, name: str) -> str:
        _config, folder = self._current()
        try:
            how = rollback(name, folder)
        except TrustUpdateError as exc:
            return QCoreApplication.translate("TrustListsBox", "Could not roll back: {why}").format(why=str(exc))
        self.refresh()
        if how == "previous":
            return QCoreApplication.translate("TrustListsBox", "{name}: the previous copy is back in force.").format(
                name=name)
        return QCoreApplication.translate("TrustListsBox", "{name}: the bundled list is in force again.").format(
            name=name)

    def _pick_list(self, title: str, preferred: str | None) -> str | None:
        names = list(LIST_FILES)
        current = names.index(preferred) if preferred in names else 0
        name, ok = QInputDialog.getItem(self, title, QCoreApplication.translate("TrustListsBox", "Which list:"),
                                        names, current, False)
        return name if ok and name else None

    def _ask_update(self) -> None:
        title = QCoreApplication.translate("TrustListsBox", "Update trust list")
        source, _ = QFileDialog.getOpenFileName(
            self, title, "", QCoreApplication.translate("TrustListsBox", "PEM certificates (*.pem *.crt);;All files (*)"))
        if not source:
            return
        name = self._pick_list(title, guess_list(Path(source)))
        if name:
            message = self.update_from(Path(source), name)
            inform(self, title, message)

    def _ask_rollback(self) -> None:
        title = QCoreApplication.translate("TrustListsBox", "Roll back a trust list")
        name = self._pick_list(title, None)
        if name:
            inform(self, title, self.rollback(name))
