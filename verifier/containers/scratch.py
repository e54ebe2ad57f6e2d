"""The private folders that hold a container's members while they are analysed.

One folder per top-level container (``mkdtemp``: mode 0700, in the system's temporary
folder, never beside the input), a sub-folder per nested container, removed as soon as the
top-level container is done, and by the scanner's ``close`` whatever happened. A process that
is killed cannot clean up: its folder's name carries its process id, and the next folder made on
the machine first removes those of processes that no longer run (:func:`sweep_stale`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

PREFIX = "verifier-members-"


_OURS = re.compile(re.escape(PREFIX) + r"(\d+)-")


def new_root() -> Path:
    sweep_stale()
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it runs
        return True
    return True


def sweep_stale(base: Path | None = None) -> list[Path]:
    """Remove the member folders, owned by this user, of processes that no longer run (a scan that
    was killed); return them. Folders of running processes and of other users are left alone."""
    removed: list[Path] = []
    if os.name != "posix":  # no owner ids, and os.kill would terminate the process: keep every folder
        return removed
    where = base or Path(tempfile.gettempdir())
    try:
        candidates = list(where.glob(PREFIX + "*"))
    except OSError:
        return removed
    for folder in candidates:
        m = _OURS.match(folder.name)
        try:
            owned = folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid()
        except OSError:
            continue
        if m and owned and int(m.group(1)) != os.getpid() and not _running(int(m.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def sub_folder(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir(mode=0o700)
    return folder


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def member_files(folder: Path, facts: dict[str, Any]) -> list[tuple[str, Path, dict[str, Any]]]:
    """(place, scratch file, row without the scratch name) for each member the expansion wrote.
    Only plain names inside ``folder`` are accepted."""
    out = []
    for row in facts.get("members") or ():
        if not isinstance(row, dict):
            continue
        name, place = str(row.get("file", "")), str(row.get("place", ""))
        if not place or not name or Path(name).name != name or name.startswith("."):
            continue
        path = folder / name
        if path.is_file():
            out.append((place, path, {k: v for k, v in row.items() if k != "file"}))
    return out
