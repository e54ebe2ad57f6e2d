"""The settings dialog: language, trust directory (with import), trust lists in force, OCR, time limits."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLineEdit,
                               QPushButton, QVBoxLayout)

from verifier.config import PROFILE_NAMES, Config
from verifier.describe import t
from verifier.trust import import_list

from .. import presenters
from ..settings import MAX_TIMEOUT, MIN_TIMEOUT, Settings
from .common import inform, plain_label
from .trust_lists_box import TrustListsBox


def list_name(path: Path) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-._")
    return name[:64] or "imported"


class SettingsDialog(QDialog):
    """Bound to one :class:`~ui.settings.Settings`; ``value()`` returns the edited copy."""

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        self.setMinimumWidth(620)
        self._settings = settings
        self.language = QComboBox(self)
        for code, name in (("system", QCoreApplication.translate("SettingsDialog", "As the system")),
                           ("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.trust_dir = QLineEdit(settings.trust_dir, self)
        browse = QPushButton(QCoreApplication.translate("SettingsDialog", "Choose…"), self)
        browse.clicked.connect(self._browse)
        self.import_button = QPushButton(QCoreApplication.translate("SettingsDialog", "Import trust list…"), self)
        self.import_button.clicked.connect(self._import)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_dir, 1)
        trust_row.addWidget(browse)
        self.ocr = QCheckBox(QCoreApplication.translate("SettingsDialog", "Read visible labels with text "
                                                                          "recognition (slower)"), self)
        self.ocr.setChecked(settings.ocr)
        self.profile = QComboBox(self)
        for code in PROFILE_NAMES:  # the core's profiles, worded by the description layer
            self.profile.addItem(t(f"profile.{code}", presenters.lang()), code)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.profile)))
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SettingsDialog", "Language:"), self.language)
        form.addRow(QCoreApplication.translate("SettingsDialog", "Trust lists folder:"), trust_row)
        form.addRow("", self.import_button)
        form.addRow("", plain_label(QCoreApplication.translate(
            "SettingsDialog", "Content Credentials are checked against the trust lists in this folder (for "
                              "example a newsroom's own certificate authority)."), self))
        self.trust_found = plain_label("", self)
        form.addRow("", self.trust_found)
        form.addRow("", self.ocr)
        form.addRow(QCoreApplication.translate("SettingsDialog", "Checks:"), self.profile)
        limits = QGroupBox(QCoreApplication.translate("SettingsDialog", "Time limit per check (seconds)"), self)
        limits_form = QFormLayout(limits)
        self.timeouts: dict[str, QDoubleSpinBox] = {}
        for name, seconds in settings.timeouts.items():
            spin = QDoubleSpinBox(limits)
            spin.setRange(MIN_TIMEOUT, MAX_TIMEOUT)
            spin.setDecimals(0)
            spin.setValue(seconds)
            self.timeouts[name] = spin
            limits_form.addRow(presenters.detector_name(name), spin)
        self.trust_lists = TrustListsBox(self._trust_config, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.trust_dir.textChanged.connect(self._show_lists)
        self._show_lists()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.trust_lists)
        lay.addWidget(limits)
        lay.addWidget(buttons)

    def value(self) -> Settings:
        return self._settings.with_(
            language=self.language.currentData(),
            trust_dir=self.trust_dir.text().strip() or self._settings.trust_dir,
            ocr=self.ocr.isChecked(),
            profile=self.profile.currentData(),
            timeouts={name: float(spin.value()) for name, spin in self.timeouts.items()},
        )

    def import_trust(self, source: Path, name: str) -> str:
        """Copy a PEM trust list into the trust folder; returns the message shown to the user."""
        try:
            tl = import_list(source, name, Path(self.trust_dir.text().strip() or self._settings.trust_dir))
        except (ValueError, OSError) as exc:
            return QCoreApplication.translate("SettingsDialog", "Could not import the trust list: {why}").format(
                why=str(exc))
        self._show_lists()
        return QCoreApplication.translate("SettingsDialog", "Imported trust list {label}.").format(label=tl.label)

    def _trust_config(self) -> tuple[Config, Path]:
        return self.value().to_config(), Path(self.trust_dir.text().strip() or self._settings.trust_dir)

    def _show_lists(self) -> None:
        from verifier.trust import discover

        if hasattr(self, "trust_lists"):
            self.trust_lists.refresh()

        config = self.value().to_config()
        labels = discover(config.trust_dirs, config.user_anchors).labels()
        self.trust_found.setText(QCoreApplication.translate("SettingsDialog", "Trust lists found: {lists}").format(
            lists=", ".join(labels)) if labels else QCoreApplication.translate(
            "SettingsDialog", "No trust list found: signers will be reported as not on any trust list."))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, QCoreApplication.translate(
            "SettingsDialog", "Trust lists folder"), self.trust_dir.text())
        if chosen:
            self.trust_dir.setText(chosen)

    def _import(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("SettingsDialog", "Import trust list"), "",
            QCoreApplication.translate("SettingsDialog", "PEM certificates (*.pem *.crt);;All files (*)"))
        if not source:
            return
        name, ok = QInputDialog.getText(self, QCoreApplication.translate("SettingsDialog", "Import trust list"),
                                        QCoreApplication.translate("SettingsDialog", "Name of the list:"),
                                        text=list_name(Path(source)))
        if ok and name:
            inform(self, QCoreApplication.translate("SettingsDialog", "Import trust list"),
                   self.import_trust(Path(source), name.strip()))
