"""GUI test fixtures: isolated settings, an app wired like the real one, Reports built in code."""

from __future__ import annotations

import pytest

try:  # the core's tests run without Qt; so must the collection of this folder
    import pytestqt  # noqa: F401
    from PySide6.QtCore import QSettings
except ImportError:
    collect_ignore_glob = ["test_*.py"]
    QSettings = None

from verifier.config import Config


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Every test gets its own settings file and user data folder (never the user's)."""
    if QSettings is None:
        pytest.skip("PySide6 is not installed")
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("VERIFIER_TRUST_DIR", raising=False)
    yield folder


@pytest.fixture(autouse=True)
def _message_boxes_do_not_wait(monkeypatch):
    """A message box no one clicks would hold an offscreen test for ever (a failed export once hung
    the whole suite): it closes at once, as if OK were clicked, and its text goes to the test's
    error output, so the test fails on what it checks, with the message to read."""
    if QSettings is None:
        return
    import sys

    from PySide6.QtWidgets import QMessageBox

    def closes_at_once(box: QMessageBox) -> int:
        print(f"message box (closed by the tests): {box.windowTitle()}: {box.text()}", file=sys.stderr)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", closes_at_once)


@pytest.fixture
def inline_config() -> Config:
    return Config(isolation="inline", workers=2)


@pytest.fixture
def make_app(qtbot, inline_config):
    """Build the app as ``ui.app.main`` does (without persisting settings); shut down after.

    Text recognition is off unless a test passes ``settings``: it costs seconds per picture.
    """
    from ui import i18n
    from ui.app import App
    from ui.settings import Settings

    apps = []

    def make(language: str = "en", config: Config | None = None, settings: Settings | None = None, **kw):
        settings = settings or Settings(language=language, ocr=False)  # text recognition is the slow check
        app = App(settings, base_config=config or inline_config, persist=False, **kw)
        qtbot.addWidget(app.window)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.shutdown()
    i18n.install("en")


@pytest.fixture
def view(qtbot):
    """A report view at a typical window size."""
    from ui.widgets.report_view import ReportView

    v = ReportView()
    v.resize(1100, 800)
    qtbot.addWidget(v)
    return v
