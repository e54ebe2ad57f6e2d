"""Wires a case session into a main window: the Case menu and the case panel (a dock)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog, QMainWindow, QMenu

from .case_session import CaseSession
from .widgets.case_panel import CasePanel
from .widgets.common import inform


class CaseUi(QObject):
    """The Case menu, the panel, and what connects them to the window's selection.

    A child of the window: when a language change replaces the window, this goes with it and
    Qt drops its connections to the (longer-lived) session."""

    def __init__(self, window: QMainWindow, session: CaseSession) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.panel = CasePanel()
        dock = QDockWidget(QCoreApplication.translate("CaseMenu", "Case"), window)
        dock.setObjectName("CaseDock")
        dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.dock = dock  # shown while a case is open: without one it would only take room from the results
        bar = window.menuBar()
        menu = QMenu(QCoreApplication.translate("CaseMenu", "&Case"), bar)
        help_menu = bar.actions()[-1] if bar.actions() else None
        if help_menu is not None:
            bar.insertMenu(help_menu, menu)  # before Help, which stays last
        else:
            bar.addMenu(menu)
        menu.addAction(QCoreApplication.translate("CaseMenu", "New case folder…"), self.new_case)
        menu.addAction(QCoreApplication.translate("CaseMenu", "Open case folder…"), self.open_case)
        menu.addAction(QCoreApplication.translate("CaseMenu", "Close case"), session.close)
        self.panel.status_chosen.connect(session.set_status)
        self.panel.note_added.connect(session.add_note)
        window.queue.current_changed.connect(self._selected)
        session.changed.connect(self.refresh)
        session.failed.connect(self._failed)
        self.refresh()

    def _selected(self, _uid: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        uid = self.window.queue.current_uid()
        entry = self.window.controller.entries.get(uid)
        media = entry.report.media if entry is not None and entry.report is not None else None
        sha = media.sha256 if media is not None else None
        title = self.session.title if self.session.folder is not None else None
        self.dock.setVisible(self.session.folder is not None)
        self.panel.show_state(title, str(entry.path) if entry else None, sha, self.session.state(sha))

    def _failed(self, why: str) -> None:
        inform(self.window, QCoreApplication.translate("CaseMenu", "Case"),
               QCoreApplication.translate("CaseMenu", "The case could not be used: {why}").format(why=why),
               warning=True)

    def new_case(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, QCoreApplication.translate("CaseMenu", "Choose an empty folder for the new case"))
        if not folder:
            return
        title, ok = QInputDialog.getText(self.window, QCoreApplication.translate("CaseMenu", "New case"),
                                         QCoreApplication.translate("CaseMenu", "Title of the case:"))
        if ok and title.strip():
            self.session.create(Path(folder), title.strip())

    def open_case(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, QCoreApplication.translate("CaseMenu", "Open a case folder"))
        if folder:
            self.session.open(Path(folder))
