"""The main window: layout and wiring only. Work happens in the controller; display in widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMainWindow, QPushButton, QSplitter, QVBoxLayout, QWidget

from .controller import Controller
from .settings import Settings
from .widgets import sign_dialog
from .widgets.about_dialog import AboutDialog
from .widgets.app_icon import app_icon
from .widgets.common import inform, plain_label
from .widgets.drop_area import DropArea, local_paths
from .widgets.help_dialog import HelpDialog
from .widgets.queue_list import QueueList
from .widgets.report_view import ReportView
from .widgets.settings_dialog import SettingsDialog

EXPORT_SUFFIXES = (".json", ".html", ".pdf")
FLUSH_MS = 50


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # Settings

    def __init__(self, controller: Controller, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "verifier — where does this file come from?"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        self.drop_area = DropArea(self)
        self.queue = QueueList()
        self.report = ReportView()
        self.hint = plain_label(QCoreApplication.translate(
            "MainWindow", "Drop files or folders here, paste paths (Ctrl+V), or use File ▸ Open. "
                          "Files are only read, never changed or uploaded."))
        cancel = QPushButton(QCoreApplication.translate("MainWindow", "Cancel selected"))
        cancel_all = QPushButton(QCoreApplication.translate("MainWindow", "Cancel all"))
        cancel.clicked.connect(self.cancel_selected)
        cancel_all.clicked.connect(lambda: self.controller.cancel(None))
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(cancel_all)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.hint)
        left_lay.addWidget(self.queue, 1)
        left_lay.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.report)
        split.setStretchFactor(1, 1)
        split.setSizes([430, 850])
        lay = QVBoxLayout(self.drop_area)
        lay.addWidget(split)
        self.setCentralWidget(self.drop_area)
        self._dirty: set[int] = set()
        self._signatures: dict[str, str] = {}  # report path -> its signature, until its export is reported
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self._actions()
        self.drop_area.paths_dropped.connect(self.add_paths)
        self.queue.current_changed.connect(self._show)
        self.queue.cancel_requested.connect(self.controller.cancel)
        self.report.deep_requested.connect(self.controller.run_deep)
        controller.entry_added.connect(self._added)
        controller.entry_changed.connect(self._changed)
        controller.idle.connect(self._flush)  # when everything is done, show it at once
        controller.paths_added.connect(lambda _uids: self._status())
        controller.entry_removed.connect(self._removed)
        controller.export_signed.connect(self._signed)
        controller.export_finished.connect(self._exported)
        for uid in controller.entries:
            self._added(uid)

    def _action(self, menu, text: str, slot, shortcut=None, queue_only: bool = False) -> QAction:
        """A menu action; ``queue_only`` shortcuts work only while the queue has the focus (so that
        Esc or Delete typed in a search field never cancels or removes a file)."""
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if queue_only
                                   else Qt.ShortcutContext.WindowShortcut)
            if queue_only:
                self.queue.addAction(act)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _actions(self) -> None:
        bar = self.menuBar()
        key = QKeySequence.StandardKey
        f = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self._action(f, QCoreApplication.translate("MainWindow", "Open files…"), self.open_files, key.Open)
        self._action(f, QCoreApplication.translate("MainWindow", "Open folder…"), self.open_folder, "Ctrl+Shift+O")
        self._action(f, QCoreApplication.translate("MainWindow", "Paste paths"), self.paste, key.Paste)
        f.addSeparator()
        self.export_action = self._action(f, QCoreApplication.translate("MainWindow", "Export report…"),
                                          self.export_dialog, "Ctrl+E")
        f.addSeparator()
        self._action(f, QCoreApplication.translate("MainWindow", "Reference photos…"), self.reference_photos)
        self._action(f, QCoreApplication.translate("MainWindow", "Settings…"), self.edit_settings, "Ctrl+,")
        self._action(f, QCoreApplication.translate("MainWindow", "Quit"), self.close, key.Quit)
        q = bar.addMenu(QCoreApplication.translate("MainWindow", "&Queue"))
        self._action(q, QCoreApplication.translate("MainWindow", "Next file"), lambda: self.queue.step(1),
                     "Ctrl+Down")
        self._action(q, QCoreApplication.translate("MainWindow", "Previous file"), lambda: self.queue.step(-1),
                     "Ctrl+Up")
        self._action(q, QCoreApplication.translate("MainWindow", "Analyse again"), self.reanalyse_selected, "F5")
        self._action(q, QCoreApplication.translate("MainWindow", "Cancel selected"), self.cancel_selected, "Esc",
                     queue_only=True)
        self._action(q, QCoreApplication.translate("MainWindow", "Cancel all"), lambda: self.controller.cancel(None),
                     "Shift+Esc")
        self._action(q, QCoreApplication.translate("MainWindow", "Remove from list"), self.remove_selected,
                     key.Delete, queue_only=True)
        self._action(q, QCoreApplication.translate("MainWindow", "Show match with a reference photo"),
                     self.show_reference_match, "Ctrl+R")
        h = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self._action(h, QCoreApplication.translate("MainWindow", "How to read the results"), self.help,
                     QKeySequence.StandardKey.HelpContents)
        self._action(h, QCoreApplication.translate("MainWindow", "About verifier"), self.about)

    # -- adding files -------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        if paths and not self.controller.add_paths(paths):  # folders are listed on a pool thread
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Listing the files…"))

    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, QCoreApplication.translate("MainWindow", "Open files"))
        if files:
            self.add_paths([Path(f) for f in files])

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, QCoreApplication.translate("MainWindow", "Open folder"))
        if folder:
            self.add_paths([Path(folder)])

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_paths(mime) if mime is not None else []
        if paths:
            self.add_paths(paths)
        else:
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "The clipboard holds no path of an existing file or folder."), 5000)

    # -- the queue ----------------------------------------------------------------

    def cancel_selected(self) -> None:
        for uid in self.queue.selected_uids():
            self.controller.cancel(uid)

    def reanalyse_selected(self) -> None:
        """Check the selected files again (with the current settings), replacing their rows."""
        uids = self.queue.selected_uids()
        paths = [self.controller.entries[u].path for u in uids if u in self.controller.entries]
        for uid in uids:
            self.controller.remove(uid)
        self.add_paths(paths)

    def remove_selected(self) -> None:
        for uid in self.queue.selected_uids():
            self.controller.remove(uid)

    def _added(self, uid: int) -> None:
        self.queue.add(self.controller.entries[uid])
        self._changed(uid)

    def _changed(self, uid: int) -> None:
        """Coalesce: a burst of pipeline events repaints each row once per FLUSH_MS, not once per event."""
        self._dirty.add(uid)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        self._flush_timer.stop()
        dirty, self._dirty = self._dirty, set()
        for uid in dirty:
            entry = self.controller.entries.get(uid)
            if entry is not None:
                self.queue.update_entry(entry)
        current = self.queue.current_uid()
        if current in dirty:
            self.report.set_entry(self.controller.entries.get(current))
        if dirty:
            self._status()

    def _removed(self, uid: int) -> None:
        self.queue.remove(uid)
        if self.report.entry is not None and self.report.entry.uid == uid:
            self._show(self.queue.current_uid())
        self._status()

    def _show(self, uid: int) -> None:
        self.report.set_entry(self.controller.entries.get(uid))

    def _status(self) -> None:
        entries = self.controller.entries.values()
        done = sum(1 for e in entries if e.finished)
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "{done} of {total} files analysed").format(done=done, total=len(self.controller.entries)))

    # -- export and settings ------------------------------------------------------

    def export_dialog(self) -> None:
        uids = self.queue.selected_uids()
        if not any(self.controller.entries[u].report for u in uids if u in self.controller.entries):
            inform(self, QCoreApplication.translate("MainWindow", "Export report"),
                   QCoreApplication.translate("MainWindow", "Select a file whose analysis has finished."))
            return
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        filters = ";;".join([QCoreApplication.translate("MainWindow", "JSON report (*.json)"),
                             QCoreApplication.translate("MainWindow", "Web page (*.html)"),
                             QCoreApplication.translate("MainWindow", "PDF document (*.pdf)")])
        name, chosen = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Export report"),
            str(Path(start) / "verifier-report.json"), filters)
        if name:
            suffix = next((s for s in EXPORT_SUFFIXES if s in chosen), ".json")
            path = Path(name) if Path(name).suffix.lower() in EXPORT_SUFFIXES else Path(name).with_suffix(suffix)
            self.export_to(path, uids, sign_dialog.ask(self))

    def export_to(self, path: Path, uids: list[int] | None = None, sign_key: str | None = None) -> bool:
        """``sign_key``: the name of the user's key to sign the report with (None: unsigned)."""
        uids = self.queue.selected_uids() if uids is None else uids
        return self.controller.export(uids, path, self.controller.config.lang, sign_key)

    def _signed(self, path: str, signature: str) -> None:
        self._signatures[path] = signature

    def _exported(self, path: str, error: str) -> None:
        signature = self._signatures.pop(path, "")
        if error:
            inform(self, QCoreApplication.translate("MainWindow", "Export report"),
                   QCoreApplication.translate("MainWindow", "The report could not be written: {why}").format(why=error),
                   warning=True)
        elif signature:
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Report written to {path}, signed: {signature}").format(path=path, signature=signature),
                8000)
        else:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Report written to {path}").format(
                path=path), 8000)

    def help(self) -> None:
        HelpDialog(self).exec()

    def about(self) -> None:
        from verifier.about import tool_info

        AboutDialog(tool_info(self.controller.config, self.controller.network()), self).exec()

    def reference_photos(self) -> None:
        from . import reference_folder

        reference_folder.choose(self, self.settings, self.settings_changed.emit)

    def show_reference_match(self) -> None:
        from .widgets.reference_match_view import open_for_entry

        open_for_entry(self.controller.entries.get(self.queue.current_uid()), self)

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.settings_changed.emit(dialog.value())
