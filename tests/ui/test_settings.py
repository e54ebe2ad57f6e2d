"""Settings: one typed, versioned place, stored with QSettings, turned into a Config."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from ui import settings as settings_mod
from ui.settings import SCHEMA_VERSION, Settings
from verifier.config import Config, default_timeouts


def pem_certificate() -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Newsroom test CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)


def test_store_is_isolated_per_test(_isolated_settings):
    store = settings_mod.open_store()
    assert Path(store.fileName()).is_relative_to(_isolated_settings)


def test_round_trip_and_version():
    s = Settings(language="zh_CN", trust_dir="/tmp/trust-x", ocr=False, timeouts={**default_timeouts(), "c2pa": 12.0})
    settings_mod.save(s)
    store = settings_mod.open_store()
    assert int(store.value("schema_version")) == SCHEMA_VERSION
    assert settings_mod.load() == s


def test_malformed_values_fall_back_to_defaults():
    store = settings_mod.open_store()
    store.setValue("language", "klingon")
    store.setValue("timeouts/c2pa", "soon")
    store.setValue("timeouts/ocr_like", 1e9)
    store.sync()
    s = settings_mod.load()
    assert s.language == "system"
    assert s.timeouts["c2pa"] == default_timeouts()["c2pa"]
    assert s.timeouts["ocr_like"] == settings_mod.MAX_TIMEOUT


def test_config_from_settings():
    base = Config(isolation="inline")
    on = Settings(language="en", trust_dir="/tmp/t1").to_config(base)
    assert on.isolation == "inline" and on.ocr and "visible_label" not in on.disabled
    assert on.trust_dirs[0] == Path("/tmp/t1") and on.lang == "en"
    off = Settings(language="zh_CN", ocr=False, timeouts={"c2pa": 5.0}).to_config(base)
    assert not off.ocr and "visible_label" not in off.disabled  # the logo check runs without OCR
    assert off.timeout_for("c2pa") == 5.0 and off.timeout_for("metadata") == default_timeouts()["metadata"]
    assert off.lang == "zh"


def test_language_follows_the_system_unless_chosen():
    assert Settings().ui_language("zh_TW") == "zh_CN"
    assert Settings().ui_language("de_DE") == "en"
    assert Settings(language="en").ui_language("zh_CN") == "en"


def test_import_trust_list_from_the_dialog(qtbot, tmp_path):
    from ui.widgets.settings_dialog import SettingsDialog, list_name
    from verifier.trust import discover

    pem = tmp_path / "Newsroom CA.pem"
    pem.write_bytes(pem_certificate())
    trust = tmp_path / "trust"
    dialog = SettingsDialog(Settings(trust_dir=str(trust)))
    qtbot.addWidget(dialog)
    assert list_name(pem) == "newsroom-ca"
    message = dialog.import_trust(pem, list_name(pem))
    assert message.startswith("Imported trust list newsroom-ca@")
    assert (trust / "newsroom-ca.pem").read_bytes() == pem.read_bytes()
    assert any(label.startswith("newsroom-ca@") for label in discover([trust]).labels())
    assert dialog.import_trust(tmp_path / "missing.pem", "x").startswith("Could not import the trust list")
    assert dialog.import_trust(pem, "Bad Name").startswith("Could not import the trust list")


def test_dialog_edits_every_setting(qtbot):
    from ui.widgets.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(language="system"))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.ocr.setChecked(False)
    dialog.timeouts["c2pa"].setValue(7)
    dialog.trust_dir.setText("/tmp/elsewhere")
    v = dialog.value()
    assert (v.language, v.ocr, v.timeouts["c2pa"], v.trust_dir) == ("zh_CN", False, 7.0, "/tmp/elsewhere")


def test_settings_change_reaches_the_scanner(make_app):
    app = make_app(settings=Settings(language="en", ocr=True))
    gen = app.controller.worker.generation
    assert app.controller.config.ocr and "visible_label" not in app.controller.config.disabled
    app.apply_settings(app.settings.with_(ocr=False))
    assert not app.controller.config.ocr and "visible_label" not in app.controller.config.disabled
    assert app.controller.worker.generation == gen + 1
    assert app.controller.worker.scanner.config == app.controller.config
    assert QSettings  # the app under test does not persist (persist=False)


def test_dialog_lists_the_trust_lists_it_finds(qtbot, tmp_path):
    from ui.widgets.settings_dialog import SettingsDialog

    trust = tmp_path / "trust"
    dialog = SettingsDialog(Settings(trust_dir=str(trust)))
    qtbot.addWidget(dialog)
    # a fresh install: only the bundled lists
    assert dialog.trust_found.text().startswith("Trust lists found: c2pa-official@")
    assert "newsroom@" not in dialog.trust_found.text()
    pem = tmp_path / "ca.pem"
    pem.write_bytes(pem_certificate())
    dialog.import_trust(pem, "newsroom")
    assert "newsroom@" in dialog.trust_found.text()


def test_dialog_shows_trust_status_and_updates_and_rolls_back(qtbot, tmp_path):
    from ui.widgets.settings_dialog import SettingsDialog

    trust = tmp_path / "trust"
    dialog = SettingsDialog(Settings(trust_dir=str(trust), language="en"))
    qtbot.addWidget(dialog)
    box = dialog.trust_lists
    text = box.status.text()
    assert "c2pa-official@" in text and "bundled" in text and "30 certificates" in text
    assert "frozen since 2026-01-01" in text
    pem = tmp_path / "C2PA-TRUST-LIST.pem"
    pem.write_bytes(pem_certificate() + pem_certificate())
    message = box.update_from(pem, "c2pa-official")
    assert message.startswith("Updated c2pa-official: 2 certificates")
    assert (trust / "C2PA-TRUST-LIST.pem").is_file()
    assert "user copy, 2 certificates" in box.status.text()
    garbage = tmp_path / "garbage.pem"
    garbage.write_bytes(b"not a certificate")
    assert box.update_from(garbage, "c2pa-official").startswith("Could not update the trust list:")
    assert "user copy, 2 certificates" in box.status.text()
    assert box.rollback("c2pa-official") == "c2pa-official: the bundled list is in force again."
    assert "user copy" not in box.status.text()
    assert box.rollback("c2pa-official").startswith("Could not roll back:")
