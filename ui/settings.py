"""The desktop app's settings: declared once, typed and versioned, stored with QSettings.

:class:`Settings` is what the user can change; :meth:`Settings.to_config` turns it into the
core's :class:`verifier.config.Config`. Nothing else reads QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

from verifier.config import DEFAULT_PROFILE, PROFILE_NAMES, Config, default_timeouts, default_trust_dirs, user_data_dir

SCHEMA_VERSION = 1
ORGANIZATION = "verifier"
APPLICATION = "verifier"
LANGUAGES = ("system", "en", "zh_CN")
MIN_TIMEOUT, MAX_TIMEOUT = 1.0, 3600.0


def default_trust_dir() -> str:
    return str(user_data_dir() / "trust")


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = "system"  # "system", "en" or "zh_CN"
    trust_dir: str = field(default_factory=default_trust_dir)
    ocr: bool = True  # visible-label text recognition
    profile: str = DEFAULT_PROFILE  # one of verifier.config.PROFILE_NAMES ("full", "triage")
    timeouts: dict[str, float] = field(default_factory=default_timeouts)
    reference_dir: str = ""  # folder of reference photos compared with every picture ("" = none)

    def ui_language(self, system: str | None = None) -> str:
        """The language the window speaks: the choice, or the system locale's (zh_* -> zh_CN)."""
        if self.language in ("en", "zh_CN"):
            return self.language
        name = system if system is not None else QLocale.system().name()
        return "zh_CN" if name.lower().startswith("zh") else "en"

    def to_config(self, base: Config | None = None, system_language: str | None = None) -> Config:
        base = base or Config()
        dirs = [Path(self.trust_dir)] if self.trust_dir else []
        dirs += [d for d in default_trust_dirs() if d not in dirs]
        timeouts = dict(base.timeouts)
        timeouts.update(self.timeouts)
        lang = "zh" if self.ui_language(system_language) == "zh_CN" else "en"
        refs = (Path(self.reference_dir),) if self.reference_dir else base.reference_dirs
        # OCR off leaves the visible-label check on: its logo (sparkle) match still runs (the core decides)
        return base.with_(trust_dirs=tuple(dirs), ocr=self.ocr, timeouts=timeouts, lang=lang,
                          profile=self.profile, reference_dirs=refs)

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)  # type: ignore[arg-type]


def open_store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _float(value: object, default: float) -> float:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(MAX_TIMEOUT, max(MIN_TIMEOUT, f))


def load(store: QSettings | None = None) -> Settings:
    """Read settings; unknown, missing or malformed values fall back to the defaults."""
    store = store or open_store()
    d = Settings()
    version = store.value("schema_version", SCHEMA_VERSION)
    if str(version) != str(SCHEMA_VERSION):
        pass  # one schema so far: a future version migrates here
    language = str(store.value("language", d.language))
    if language not in LANGUAGES:
        language = d.language
    trust_dir = str(store.value("trust_dir", d.trust_dir) or d.trust_dir)
    ocr = str(store.value("ocr", d.ocr)).lower() not in ("false", "0", "no")
    profile = str(store.value("profile", d.profile))
    if profile not in PROFILE_NAMES:
        profile = d.profile
    timeouts = dict(d.timeouts)
    store.beginGroup("timeouts")
    for name in store.childKeys():
        timeouts[name] = _float(store.value(name), timeouts.get(name, 30.0))
    store.endGroup()
    reference_dir = str(store.value("reference_dir", "") or "")
    return Settings(language=language, trust_dir=trust_dir, ocr=ocr, timeouts=timeouts, profile=profile,
                    reference_dir=reference_dir)


def save(settings: Settings, store: QSettings | None = None) -> None:
    store = store or open_store()
    store.setValue("schema_version", SCHEMA_VERSION)
    store.setValue("language", settings.language)
    store.setValue("trust_dir", settings.trust_dir)
    store.setValue("ocr", settings.ocr)
    store.setValue("reference_dir", settings.reference_dir)
    store.setValue("profile", settings.profile)
    store.beginGroup("timeouts")
    for name, seconds in settings.timeouts.items():
        store.setValue(name, float(seconds))
    store.endGroup()
    store.sync()
