"""The analysis profile in the app's settings: stored, validated, chosen in the dialog, given to the core."""

from __future__ import annotations

from ui import settings as settings_mod
from ui.settings import Settings
from verifier.config import DEFAULT_PROFILE, Config


def test_profile_round_trips_and_reaches_the_config():
    settings_mod.save(Settings(profile="triage"))
    loaded = settings_mod.load()
    assert loaded.profile == "triage"
    config = loaded.to_config(Config(isolation="inline"))
    assert config.profile == "triage" and not config.in_profile("visible_label") and config.in_profile("c2pa")


def test_unknown_profile_falls_back_to_the_default():
    store = settings_mod.open_store()
    store.setValue("profile", "everything-fast")
    store.sync()
    assert settings_mod.load().profile == DEFAULT_PROFILE == "standard"


def test_dialog_offers_the_profiles(qtbot):
    from ui.widgets.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert [dialog.profile.itemData(i) for i in range(dialog.profile.count())] == ["triage", "standard", "full"]
    assert dialog.value().profile == DEFAULT_PROFILE  # opening and closing the dialog changes nothing
    dialog.profile.setCurrentIndex(dialog.profile.findData("triage"))
    assert dialog.value().profile == "triage"
