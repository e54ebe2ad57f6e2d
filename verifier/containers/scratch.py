"""The private folders that hold a container's members while they are analysed.

One folder per top-level container (``mkdtemp``: mode 0700, in the system's temporary
folder, never beside the input), a sub-folder per nested container, removed as soon as the
top-level container is done, and by the scanner's ``close`` whatever happened.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

PREFIX = "verifier-members-"


def new_root() -> Path:
    return Path(tempfile.mkdtemp(prefix=PREFIX))


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
