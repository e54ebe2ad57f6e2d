"""Results as JSON Lines: append-only, flushed per line, fsynced per batch, resumable.

Layout of a results file (UTF-8, one JSON object per line):

- a *run header* each time a sweep starts or resumes: ``{"kind": "run", "format": 1, "tool": {...},
  "started": "...", "engine": "...", "inputs": [...]}``;
- one *contract file object* per analysed file (``shared/design/CONTRACT.md``, the same dict as
  one entry of ``verifier scan --json``'s ``files``); recognised by having ``path`` and ``verdict``;
- a *run footer* when a sweep ends: ``{"kind": "end", "finished": "...", "counts": {...},
  "interrupted": bool}``.

A crash can leave a torn last line: the reader skips lines that do not parse, and the writer cuts a
torn tail off before appending. When a path occurs more than once (the file changed between runs),
the last line wins.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from ..report.json_report import dumps

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
FSYNC_EVERY_LINES = 64
FSYNC_EVERY_SECONDS = 2.0


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def is_file_record(obj: Any) -> bool:
    return isinstance(obj, dict) and "path" in obj and isinstance(obj.get("verdict"), dict)


def resume_key(path: str) -> str:
    """The identity of an input across runs: the URL, or the absolute local path."""
    if "://" in path:
        return path
    return os.path.abspath(path)


class JsonlWriter:
    """Append lines to a results file; every line is flushed, fsync runs per batch.

    A process crash loses nothing that was written (flushed lines are in the OS); a power cut
    loses at most the last batch (``FSYNC_EVERY_LINES`` lines or ``FSYNC_EVERY_SECONDS``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        _cut_torn_tail(path)
        self._fh: IO[str] = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._unsynced = 0
        self._last_sync = time.monotonic()

    def write(self, obj: dict[str, Any]) -> None:
        line = dumps(obj, indent=None)
        self._fh.write(line + "\n")
        self._fh.flush()
        self._unsynced += 1
        if self._unsynced >= FSYNC_EVERY_LINES or time.monotonic() - self._last_sync > FSYNC_EVERY_SECONDS:
            self.sync()

    def sync(self) -> None:
        self._fh.flush()
        try:
            os.fsync(self._fh.fileno())
        except OSError:  # e.g. a pipe or a file system without fsync
            pass
        self._unsynced = 0
        self._last_sync = time.monotonic()

    def close(self) -> None:
        if not self._fh.closed:
            self.sync()
            self._fh.close()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cut_torn_tail(path: Path) -> None:
    """Drop a partial last line (a crash mid-write) so that appended lines start clean."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with open(path, "rb+") as fh:
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        # walk back to the last newline
        pos = size
        while pos > 0:
            step = min(65536, pos)
            fh.seek(pos - step)
            chunk = fh.read(step)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                keep = pos - step + nl + 1
                break
            pos -= step
        else:
            keep = 0
        log.warning("%s: dropping a torn last line (%d bytes) left by an interrupted run", path, size - keep)
        fh.truncate(keep)


@dataclass
class ReadStats:
    lines: int = 0
    files: int = 0
    runs: int = 0
    bad_lines: int = 0


def iter_lines(path: Path, stats: ReadStats | None = None) -> Iterator[dict[str, Any]]:
    """Every well-formed JSON object of a results file, in order (torn or bad lines skipped)."""
    stats = stats if stats is not None else ReadStats()
    with open(path, "rb") as fh:
        for raw in fh:
            stats.lines += 1
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                stats.bad_lines += 1
                continue
            if not isinstance(obj, dict):
                stats.bad_lines += 1
                continue
            if obj.get("kind") == "run":
                stats.runs += 1
            elif is_file_record(obj):
                stats.files += 1
            yield obj


def iter_records(path: Path, stats: ReadStats | None = None) -> Iterator[dict[str, Any]]:
    """File records only, in file order (a path may repeat; see :func:`latest_records`)."""
    for obj in iter_lines(path, stats):
        if is_file_record(obj):
            yield obj


def latest_records(path: Path, stats: ReadStats | None = None) -> Iterator[dict[str, Any]]:
    """File records, the last one per path, in file order. Two passes, bounded memory."""
    last: dict[str, int] = {}
    for n, rec in enumerate(iter_records(path)):
        last[resume_key(str(rec["path"]))] = n
    for n, rec in enumerate(iter_records(path, stats)):
        if last.get(resume_key(str(rec["path"]))) == n:
            yield rec


@dataclass
class ResumeIndex:
    """What a previous run recorded: resume key -> SHA-256 of the analysed content.

    Only files that were actually analysed (a SHA-256 is known) count as done; an input that
    could not be read, or whose worker died, is tried again.
    """

    done: dict[str, str] = field(default_factory=dict)
    stats: ReadStats = field(default_factory=ReadStats)

    @classmethod
    def load(cls, path: Path) -> "ResumeIndex":
        idx = cls()
        if not path.exists():
            return idx
        for rec in iter_records(path, idx.stats):
            key = resume_key(str(rec["path"]))
            sha = rec.get("sha256")
            if isinstance(sha, str) and sha:
                idx.done[key] = sha
            else:
                idx.done.pop(key, None)
        return idx

    def expected_sha(self, path: str) -> str | None:
        return self.done.get(resume_key(path))

    def __len__(self) -> int:
        return len(self.done)


def run_header(tool: dict[str, Any], engine: str, inputs: list[str], resumed: int) -> dict[str, Any]:
    return {"kind": "run", "format": FORMAT_VERSION, "started": now_iso(), "tool": tool,
            "engine": engine, "inputs": inputs, "already_recorded": resumed}


def run_footer(counts: dict[str, int], interrupted: bool, reason: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "end", "finished": now_iso(), "counts": counts, "interrupted": interrupted}
    if reason:
        out["reason"] = reason
    return out
