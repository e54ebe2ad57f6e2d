"""Frozen entry point of the command line (``verifier``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # detector workers are spawned from this executable
    from verifier.cli import main

    sys.exit(main())
