"""Load the window's translations: compiled .qm files, else the .ts sources, else English.

A .qm file older than its .ts is ignored in favour of the .ts.

``dev.py`` compiles ``resources/translations/*.ts`` into ``ui/translations/*.qm``. When the .qm
files are missing (a fresh clone run without the tooling) the .ts file is read directly, so
the Chinese interface still works; with neither, the English source strings are shown.
"""

from __future__ import annotations

import logging
from pathlib import Path

from defusedxml import ElementTree
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

UI_DIR = Path(__file__).resolve().parent
QM_DIR = UI_DIR / "translations"
TS_DIR = UI_DIR.parent / "resources" / "translations"
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "PingFang SC")


class TsTranslator(QTranslator):
    """Translations read straight from a Qt Linguist .ts file (finished entries only)."""

    def __init__(self, ts: Path, parent=None) -> None:
        super().__init__(parent)
        self.messages: dict[tuple[str, str], str] = {}
        root = ElementTree.parse(str(ts)).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not tr.text:
                    continue
                self.messages[(name, msg.findtext("source") or "")] = tr.text

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt override
        return self.messages.get((context, source), "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.messages


TRANSLATOR = "verifier-translator"  # object name of the translators installed here (children of the app)
LANGUAGE = "verifierLanguage"  # the application's property holding the installed language


def current() -> str:
    """The language the window speaks ("en" or "zh_CN"), as last installed (kept on the
    application object, so nothing is remembered between applications)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE) if app is not None else None
    return value if isinstance(value, str) and value else "en"


def _adopt(app: QCoreApplication, translator: QTranslator) -> None:
    translator.setObjectName(TRANSLATOR)
    app.installTranslator(translator)


def install(language: str) -> bool:
    """Switch the application's translators to ``language`` ("en" or "zh_CN"). True if loaded."""
    app = QCoreApplication.instance()
    app.setProperty(LANGUAGE, language)
    for t in app.findChildren(QTranslator, TRANSLATOR):
        app.removeTranslator(t)
        t.setParent(None)
    if language == "en":
        return True
    loaded = False
    qm = QM_DIR / f"verifier_{language}.qm"
    ts = TS_DIR / f"verifier_{language}.ts"
    stale = qm.is_file() and ts.is_file() and ts.stat().st_mtime > qm.stat().st_mtime
    translator: QTranslator = QTranslator(app)
    if qm.is_file() and not stale and translator.load(str(qm)):
        loaded = True
    else:  # no compiled file, or one older than its source (a checkout without the build step)
        if ts.is_file():
            try:
                translator = TsTranslator(ts, app)
                loaded = not translator.isEmpty()
            except Exception:  # noqa: BLE001 - a broken .ts must not stop the app
                log.warning("could not read %s", ts, exc_info=True)
    if loaded:
        _adopt(app, translator)
    qt = QTranslator(app)  # Qt's own dialogs (file chooser, message boxes)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _adopt(app, qt)
    return loaded


def cjk_font_family(available: list[str]) -> str | None:
    """A Simplified Chinese font to prefer when the window speaks Chinese."""
    return next((f for f in CJK_FAMILIES if f in available), None)
