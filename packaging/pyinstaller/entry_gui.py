"""Frozen entry point of the desktop app (``verifier-gui``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # detector workers are spawned from this executable
    from ui.app import main

    sys.exit(main())
