"""The open case, as the window knows it: every analysed file and every export is appended.

Qt only for its signals; the log itself is :mod:`verifier.case` (append-only, hash-chained).
Appends are a few hundred bytes each and happen on the GUI thread, like the rest of the window's
bookkeeping; a failure (folder gone, log tampered with) is reported, never ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from verifier import case
from verifier.case import CaseError, FileState

from . import i18n
from .controller import Controller

log = logging.getLogger(__name__)


class CaseSession(QObject):
    changed = Signal()  # a case was opened or closed, or an entry was added
    failed = Signal(str)  # why the case could not be written or opened

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.folder: Path | None = None
        self.title = ""
        self._recorded: dict[int, int] = {}  # uid -> id() of the report (or failure) already logged
        self._tool: tuple[int, dict[str, Any]] | None = None
        self._signatures: dict[str, str] = {}  # report path -> its signature, until its export is reported
        controller.entry_changed.connect(self._entry_changed)
        controller.export_signed.connect(self._signed)
        controller.export_finished.connect(self._exported)

    # -- opening --------------------------------------------------------------------

    def create(self, folder: Path, title: str) -> bool:
        from verifier.signing import has_key

        return self._try(lambda: case.new_case(folder, title, "default" if has_key() else None), folder)

    def open(self, folder: Path) -> bool:
        def check() -> None:
            v = case.verify(folder)  # opening a tampered case says so at once
            if not v.ok:
                raise CaseError("; ".join(p.text(i18n.current()) for p in v.problems[:3]))

        return self._try(check, folder)

    def close(self) -> None:
        self.folder, self.title = None, ""
        self.changed.emit()

    def _try(self, action: Any, folder: Path) -> bool:
        try:
            action()
            self.title = case.title(case.entries(folder))
        except (CaseError, OSError) as exc:
            self.failed.emit(str(exc))
            return False
        self.folder = folder
        self._recorded.clear()
        self.changed.emit()
        return True

    # -- what the window does -------------------------------------------------------

    # -- the case's reference folder ------------------------------------------------

    def reference_dir(self) -> str | None:
        """The reference folder this case last recorded (None: never one; "": stopped using one)."""
        if self.folder is None:
            return None
        try:
            return case.reference_folder(case.entries(self.folder))
        except (CaseError, OSError):
            return None

    def record_reference(self, folder: str) -> None:
        """Remember ``folder`` as this case's reference folder (in its log), if it changed."""
        if self.folder is not None and self.reference_dir() != (folder or ""):
            self._append(lambda f: case.record_reference(f, folder))

    def _tool_info(self) -> dict[str, Any]:
        config = self.controller.config
        if self._tool is None or self._tool[0] != id(config):
            from verifier.about import tool_info

            self._tool = (id(config), tool_info(config, self.controller.network()))
        return self._tool[1]

    def _append(self, action: Any) -> None:
        if self.folder is None:
            return
        try:
            action(self.folder)
        except (CaseError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        self.changed.emit()

    def _entry_changed(self, uid: int) -> None:
        entry = self.controller.entries.get(uid)
        if self.folder is None or entry is None or not entry.finished or entry.cancelled:
            return
        done = entry.report if entry.report is not None else entry.failed
        if self._recorded.get(uid) == id(done):
            return
        self._recorded[uid] = id(done)
        from verifier.report.json_report import failed_dict, file_dict

        d = file_dict(entry.report) if entry.report is not None else failed_dict(str(entry.path), entry.failed)
        self._append(lambda f: case.record_examined(f, [d], self._tool_info()))

    def _signed(self, path: str, signature: str) -> None:
        self._signatures[path] = signature

    def _exported(self, path: str, error: str) -> None:
        signature = self._signatures.pop(path, "")
        if error or self.folder is None:
            return
        from verifier.report.render import json_companion

        report = Path(path)
        json_path = json_companion(report)
        try:
            data = json_path.read_bytes()
            files = len(json.loads(data).get("files") or [])
        except (OSError, ValueError, AttributeError) as exc:
            self.failed.emit(str(exc))
            return
        fingerprint = hashlib.sha256(data).hexdigest()
        self._append(lambda f: case.record_export(f, report, fingerprint, json_path, files,
                                                  Path(signature) if signature else None))

    # -- the analyst's status and notes ---------------------------------------------

    def state(self, sha256: str | None) -> FileState | None:
        if self.folder is None or not sha256:
            return None
        try:
            return case.files(case.entries(self.folder)).get(sha256)
        except CaseError:
            return None

    def set_status(self, sha256: str, status: str) -> None:
        self._append(lambda f: case.annotate(f, sha256, status=status))

    def add_note(self, sha256: str, text: str) -> None:
        if text.strip():
            self._append(lambda f: case.annotate(f, sha256, text=text.strip()))
