"""Indexing a reference folder from the command line, with progress on stderr."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..textsafe import for_terminal
from . import index


def index_with_progress(folder: Path, workers: int = 1) -> bool:
    """Index ``folder`` (only what changed), printing progress to stderr; False with a message
    if the folder cannot be indexed."""
    started = time.monotonic()
    last = [0.0]
    shown = [False]

    def progress(done: int, total: int, rel: str) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.5:
            return
        last[0] = now
        shown[0] = True
        print("\r" + for_terminal(f"indexing reference photos in {folder}: {done}/{total}"), end="",
              file=sys.stderr, flush=True)

    try:
        idx = index.update(folder, progress, workers=workers)
    except (OSError, InterruptedError) as exc:
        print(for_terminal(f"verifier: reference folder: {exc}"), file=sys.stderr)
        return False
    if shown[0]:
        bad = len(idx.entries) - len(idx.usable)
        note = f", {bad} could not be read" if bad else ""
        print("\r" + for_terminal(f"indexed {len(idx.usable)} reference photos in {folder} "
                           f"({time.monotonic() - started:.1f} s{note})"), file=sys.stderr)
    return True
