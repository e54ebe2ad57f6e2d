"""Entry point of the desktop app (``verifier-gui``)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    ap = argparse.ArgumentParser(prog="verifier-gui")
    ap.add_argument("--screenshot", help="render the window to this PNG and quit")
    ap.add_argument("files", nargs="*")
    args, qt_args = ap.parse_known_args(sys.argv[1:] if argv is None else argv)
    app = QApplication([sys.argv[0], *qt_args])
    label = QLabel("verifier — drop files here (the desktop app is being built)")
    label.resize(640, 400)
    label.show()
    if args.screenshot:
        QTimer.singleShot(500, lambda: (label.grab().save(args.screenshot), app.quit()))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
