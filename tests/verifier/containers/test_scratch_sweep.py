"""A killed scan cannot remove its members' folder: the next one made removes it (only ours, only
of processes that no longer run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from verifier.containers import scratch


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_scans_folder_is_removed_by_the_next(scratch_root: Path) -> None:
    dead = scratch_root / f"{scratch.PREFIX}{_dead_pid()}-abc123"
    dead.mkdir(mode=0o700)
    (dead / "member-1.png").write_bytes(b"a member copy left behind")
    alive = scratch_root / f"{scratch.PREFIX}{os.getppid()}-def456"  # a running process's: kept
    alive.mkdir(mode=0o700)
    old_style = scratch_root / f"{scratch.PREFIX}q1w2e3r4"  # no process id in the name: kept
    old_style.mkdir(mode=0o700)
    unrelated = scratch_root / "somebody-elses-folder"
    unrelated.mkdir()

    root = scratch.new_root()
    try:
        assert root.parent == scratch_root and root.name.startswith(f"{scratch.PREFIX}{os.getpid()}-")
        assert not dead.exists()
        assert alive.is_dir() and old_style.is_dir() and unrelated.is_dir()
    finally:
        scratch.remove(root)
    assert not root.exists()


def test_the_sweep_never_removes_this_process_folder(scratch_root: Path) -> None:
    root = scratch.new_root()
    try:
        assert scratch.sweep_stale() == [] and root.is_dir()
    finally:
        scratch.remove(root)
