"""Entry point of the desktop app (``verifier-gui`` / ``python -m ui.app``): the one place things are wired."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from verifier.config import Config
from verifier.pipeline import Scanner

from . import i18n, qtcompat, settings as settings_mod
from .case_session import CaseSession
from .case_ui import CaseUi
from .controller import Controller
from .main_window import MainWindow
from .settings import Settings
from .widgets.app_icon import app_icon

log = logging.getLogger(__name__)


class App(QObject):
    """Settings -> translations + Config -> Controller -> MainWindow, and back on change."""

    def __init__(self, settings: Settings | None = None, base_config: Config | None = None,
                 scanner_factory: Callable[[Config], Scanner] | None = None, persist: bool = True) -> None:
        super().__init__()
        self.persist = persist
        self.base_config = base_config
        self.settings = settings if settings is not None else settings_mod.load()
        self._base_font: QFont | None = None
        self.language = self.settings.ui_language()
        self._apply_language(self.language)
        self.controller = Controller(self.settings.to_config(base_config), scanner_factory)
        self.case = CaseSession(self.controller, self)
        self.window = self._new_window()
        self._reference_refresh = None  # a remembered reference folder is re-indexed in the background
        if self.settings.reference_dir and Path(self.settings.reference_dir).is_dir():
            from .reference_folder import refresh

            self._reference_refresh = refresh(Path(self.settings.reference_dir),
                                              lambda text, ms: self.window.statusBar().showMessage(text, ms))
        self._case_folder: Path | None = None  # the case whose reference folder was last applied
        self.case.changed.connect(self._case_changed)

    def _apply_language(self, language: str) -> None:
        i18n.install(language)
        app = QApplication.instance()
        if self._base_font is None:
            self._base_font = QFont(app.font())
        font = QFont(self._base_font)
        family = i18n.cjk_font_family(QFontDatabase.families()) if language == "zh_CN" else None
        if family:  # Simplified Chinese glyph shapes first (fontconfig may otherwise pick a Japanese face)
            font.setFamilies([family, *font.families()])
        app.setFont(font)

    def _case_changed(self) -> None:
        """A case just opened brings back its reference folder (a folder that is gone is left out)."""
        folder = self.case.folder
        if folder == self._case_folder:
            return
        self._case_folder = folder
        wanted = self.case.reference_dir()
        if wanted is None or wanted == self.settings.reference_dir or (wanted and not Path(wanted).is_dir()):
            return
        self.apply_settings(self.settings.with_(reference_dir=wanted))
        if wanted:
            from .reference_folder import refresh

            if self._reference_refresh is not None:
                self._reference_refresh.cancel()
                self._reference_refresh.wait()
            self._reference_refresh = refresh(Path(wanted), lambda text, ms: self.window.statusBar().showMessage(text, ms))

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.controller, self.settings)
        window.settings_changed.connect(self.apply_settings)
        window.case_ui = CaseUi(window, self.case)  # the Case menu and panel
        return window

    def apply_settings(self, new: Settings) -> None:
        if new.reference_dir != self.settings.reference_dir:
            self.case.record_reference(new.reference_dir)  # an open case remembers its own folder
        if self.persist:
            settings_mod.save(new)
        self.settings = new
        self.controller.set_config(new.to_config(self.base_config))
        language = new.ui_language()
        if language != self.language:
            # Every string is translated when a widget is built: rebuild the window (the queue and
            # results live in the controller, so nothing is lost).
            self.language = language
            self._apply_language(language)
            old = self.window
            self.window = self._new_window()
            self.window.restoreGeometry(old.saveGeometry())
            current = old.queue.current_uid()
            if old.isVisible():
                self.window.show()
            self.window.queue.select(current)
            old.close()
            old.deleteLater()
        else:
            self.window.settings = new

    def shutdown(self) -> None:
        if self._reference_refresh is not None:
            self._reference_refresh.cancel()
            self._reference_refresh.wait()
        self.controller.shutdown()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="verifier-gui", description="Check files for AI labels and provenance.")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to check at start")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="render the window to this PNG once the given files are analysed, then quit")
    opts, qt_args = parser.parse_known_args(args)
    logging.basicConfig(level=logging.DEBUG if opts.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    multiprocessing.freeze_support()  # a frozen build re-enters here in its detector workers
    qapp = QApplication([sys.argv[0], *qt_args])
    try:
        qtcompat.check()
    except qtcompat.BrokenBinding as exc:
        print(f"verifier-gui: {exc}", file=sys.stderr)
        return 1
    qapp.setOrganizationName(settings_mod.ORGANIZATION)
    qapp.setApplicationName(settings_mod.APPLICATION)
    qapp.setApplicationDisplayName("verifier")
    qapp.setDesktopFileName("org.verifier.Verifier")
    qapp.setWindowIcon(app_icon())
    app = App()
    try:
        app.window.show()
        if opts.screenshot:
            _screenshot_when_done(app, qapp, opts.screenshot, bool(opts.paths))
        if opts.paths:
            app.controller.add_paths(opts.paths)
        return qapp.exec()
    finally:
        app.shutdown()


def _screenshot_when_done(app: App, qapp: QApplication, out: Path, waiting: bool) -> None:
    """For smoke tests of a bundle: grab the window once analysed (or after a time limit), then quit."""
    taken = []

    def shoot() -> None:
        if not taken:
            taken.append(app.window.grab().save(str(out)))
            qapp.quit()

    if waiting:
        app.controller.idle.connect(lambda: QTimer.singleShot(300, shoot))
    else:
        QTimer.singleShot(500, shoot)
    QTimer.singleShot(170_000, shoot)  # never hang a smoke test


if __name__ == "__main__":
    sys.exit(main())
