"""Where the bundled trust lists are, and what ``SOURCES.json`` says about each.

The repository holds one copy, ``resources/trust/``. A wheel (``pip install .``) and the frozen
bundle carry the same files as ``verifier/trust/bundled/`` (copied at build time by ``setup.py``
and the PyInstaller spec), so the source tree and an installed package find the same lists.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

SOURCES_FILE = "SOURCES.json"
_HERE = Path(__file__).resolve().parent
CANDIDATES = (_HERE / "bundled", _HERE.parent.parent / "resources" / "trust")


def bundled_dir() -> Path | None:
    """The directory of the lists shipped with the app (installed package first, then the source tree)."""
    for d in CANDIDATES:
        if (d / SOURCES_FILE).is_file() or any(d.glob("*.pem")):
            return d
    return None


def user_trust_dir() -> Path:
    """The user's trust directory (updates go there): the first $VERIFIER_TRUST_DIR entry, else
    ~/.local/share/verifier/trust."""
    from ..config import user_data_dir  # noqa: PLC0415 - config imports this module

    env = [p for p in os.environ.get("VERIFIER_TRUST_DIR", "").split(os.pathsep) if p]
    return Path(env[0]) if env else user_data_dir() / "trust"


@dataclass(frozen=True, slots=True)
class Provenance:
    """What is known of one list's origin and dates (all optional: a user's list may say nothing)."""

    origin: str | None = None
    url: str | None = None
    licence: str | None = None
    as_of: date | None = None  # date of this version of the list
    next_update: date | None = None  # as stated by the publisher
    frozen_since: date | None = None
    files: tuple[tuple[str, str], ...] = ()  # (file name, sha256)


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _read(path: Path, _mtime: int) -> dict[str, Provenance]:
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = data["lists"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s could not be read: %s", path, exc)
        return {}
    out = {}
    for name, e in entries.items() if isinstance(entries, dict) else ():
        if not isinstance(e, dict):
            continue
        files = e["files"] if isinstance(e.get("files"), dict) else {}
        out[str(name)] = Provenance(
            origin=e.get("origin"), url=e.get("url"), licence=e.get("licence"),
            as_of=_date(e.get("as_of")), next_update=_date(e.get("next_update")),
            frozen_since=_date(e.get("frozen_since")),
            files=tuple((str(k), str(v)) for k, v in files.items()))
    return out


def read_sources(directory: Path | None) -> dict[str, Provenance]:
    """``SOURCES.json`` of a trust directory, by list name ({} when absent or unreadable)."""
    if directory is None:
        return {}
    path = directory / SOURCES_FILE
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return {}
    return _read(path, mtime)


def provenance_for(name: str, sha256: str, directory: Path) -> Provenance | None:
    """The provenance of list ``name`` whose anchor file has ``sha256``.

    Looked up in the list's own directory, then in the bundled ``SOURCES.json`` (a copy of a
    bundled list elsewhere, e.g. a shared folder, is recognised by its digest). A file whose digest
    differs from the one recorded is not the recorded list: no provenance is claimed for it.
    """
    for d in (directory, bundled_dir()):
        p = read_sources(d).get(name)
        if p is not None and any(digest == sha256 for _f, digest in p.files):
            return p
    return None
