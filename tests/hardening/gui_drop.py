"""Drive the real desktop app headless: drop files, wait for the verdicts, export, quit.

    python tests/hardening/gui_drop.py OUT_DIR FILE...

Run by tests/hardening/test_offline_syscalls.py under ``strace``: the window is built as
``ui.app.main`` builds it (detector worker processes, every check including text recognition),
the files arrive through a copy-action ``QDropEvent`` on the drop area as a user's drag would,
and the reports are written as HTML and PDF through the controller's export. Prints one JSON
line: the verdict code per file and the reports written. Exit code 1 on a timeout.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# At module level, as ``python -m ui.app`` has them: a worker that imported its parent's
# __main__ would load Qt and numpy (whose OpenBLAS starts a thread) before it could isolate
# itself (see verifier.isolation._without_parent_main).
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.app import App  # noqa: E402
from ui.settings import Settings  # noqa: E402

WAIT_S = 600


def main(argv: list[str]) -> int:
    out, files = Path(argv[0]), [Path(a) for a in argv[1:]]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(out / "config")  # never the user's settings
    os.environ["XDG_DATA_HOME"] = str(out / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out / "qsettings"))
    qapp = QApplication([sys.argv[0]])
    app = App(Settings(language="en"), persist=False)  # default settings: every check, OCR on
    try:
        app.window.show()
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p.resolve())) for p in files])
        event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        app.window.drop_area.dropEvent(event)
        if not _wait(qapp, lambda: len(app.controller.entries) == len(files) and not app.controller.busy()):
            print(json.dumps({"error": "the verdicts did not arrive in time"}))
            return 1
        written: dict[str, str] = {}
        app.controller.export_finished.connect(lambda path, error: written.__setitem__(path, error))
        for name in ("report.html", "report.pdf"):
            app.controller.export(list(app.controller.entries), out / name, "en")
            if not _wait(qapp, lambda n=name: str(out / n) in written):
                print(json.dumps({"error": f"the {name} export did not finish in time"}))
                return 1
        verdicts = {str(e.path): e.report.verdict.code.value if e.report else None
                    for e in app.controller.entries.values()}
        from verifier.about import tool_info
        from verifier.isolation import network_state

        reported: dict = {}  # what the window's workers reported (its scanners' pools)
        for worker in app.controller._workers.values():  # noqa: SLF001
            reported.update(getattr(getattr(worker.scanner, "_runner", None), "reported", None) or {})
        config = app.controller.config
        network = tool_info(config, network_state(config.isolation, reported))["network"]
        print(json.dumps({"verdicts": verdicts, "exports": written, "network": network,
                          "workers_reported": sum(reported.values())}))
        return 0
    finally:
        app.shutdown()
        app.window.close()
        qapp.processEvents()


def _wait(qapp, done, limit: float = WAIT_S) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        qapp.processEvents()
        if done():
            return True
        time.sleep(0.02)
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
