"""An append-only, hash-chained log of JSON entries (``case.jsonl``) and its head (``case.head``).

Each line is one entry in canonical JSON (RFC 8785)::

    {"seq": 3, "time": "2026-12-07T16:30:00.123Z", "kind": "examined", "data": {…}, "prev": "<sha256>"}

``prev`` is the SHA-256 of the previous entry's canonical bytes (the first entry's is
:data:`GENESIS`). ``case.head`` holds the count and the last entry's hash, so that deleting the
last entries is seen too. The log file is only ever opened with ``O_APPEND`` (never truncated),
under an exclusive lock, and each append is flushed to disk (``fsync``) before the head is
replaced atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..report.canonical import dumps as canonical
from ..report.json_report import jsonable

LOG_NAME = "case.jsonl"
HEAD_NAME = "case.head"
GENESIS = "0" * 64
HEAD_FORMAT = "verifier-case-head/1"
KINDS = ("opened", "examined", "exported", "note", "status", "reference")
_TAIL_CHUNK = 64 * 1024
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class CaseError(Exception):
    """A case folder that cannot be used as asked, with a message for the user."""


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def utc_now() -> str:
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class Head:
    count: int
    last: str

    def to_dict(self) -> dict[str, Any]:
        return {"format": HEAD_FORMAT, "count": self.count, "last": self.last}


def read_head(folder: Path) -> Head | None:
    """The head as written, or None when there is none; a damaged head raises CaseError."""
    path = folder / HEAD_NAME
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CaseError(f"{path}: damaged ({exc})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("count"), int) or not isinstance(raw.get("last"), str):
        raise CaseError(f"{path}: damaged (no count or last hash)")
    return Head(raw["count"], raw["last"])


def _write_head(folder: Path, head: Head) -> None:
    tmp = folder / (HEAD_NAME + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o644)  # our own scratch file
    try:
        os.write(fd, canonical(head.to_dict()) + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, folder / HEAD_NAME)
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _locked_append(path: Path) -> Iterator[int]:
    """The log opened for append only (never truncated), held under an exclusive lock."""
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | _BINARY, 0o644)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - not POSIX: single writer assumed
            pass
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


def _read_at(fd: int, n: int, offset: int) -> bytes:
    """``n`` bytes at ``offset`` (seek and read: Windows has no pread; writes still go to the end)."""
    os.lseek(fd, offset, os.SEEK_SET)
    out = b""
    while len(out) < n:
        chunk = os.read(fd, n - len(out))
        if not chunk:
            break
        out += chunk
    return out


def _last_line(fd: int) -> bytes | None:
    """The log's last line (without its newline), or None for an empty log."""
    size = os.fstat(fd).st_size
    if size == 0:
        return None
    if _read_at(fd, 1, size - 1) != b"\n":
        raise CaseError("the case log ends with an incomplete entry (an interrupted write?): "
                        "run 'verifier case verify'; nothing was added")
    pos = size - 1  # the final newline; the last line ends just before it
    buf = b""
    while pos > 0:
        step = min(_TAIL_CHUNK, pos)
        pos -= step
        buf = _read_at(fd, step, pos) + buf
        nl = buf.rfind(b"\n")
        if nl >= 0:
            return buf[nl + 1:]
    return buf


def _parse_entry(line: bytes) -> dict[str, Any]:
    try:
        entry = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        entry = None
    if not isinstance(entry, dict) or not isinstance(entry.get("seq"), int):
        raise CaseError("the last entry of the case log is damaged: run 'verifier case verify'; nothing was added")
    return entry


def append(folder: Path, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """Add one entry to the case in ``folder``; returns it. Refuses when the log's end looks tampered."""
    return append_many(folder, [(kind, data)])[0]


def append_many(folder: Path, items: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Add entries in one go: one lock, one flush to disk, one head update (a scan of many files)."""
    if not items:
        return []
    for kind, _ in items:
        if kind not in KINDS:
            raise ValueError(f"unknown entry kind {kind!r}")
    path = folder / LOG_NAME
    if not path.is_file() and items[0][0] != "opened":
        raise CaseError(f"{folder} is not a case folder (no {LOG_NAME}): create it with 'verifier case new'")
    with _locked_append(path) as fd:
        line = _last_line(fd)
        if line is None:
            if items[0][0] != "opened":
                raise CaseError(f"{path} is empty: the case was never opened")
            seq, prev = 1, GENESIS
        else:
            last = _parse_entry(line)
            seq, prev = last["seq"] + 1, entry_hash(last)
        head = read_head(folder)
        if line is not None and (head is None or head.count > seq - 1
                                 or (head.count == seq - 1 and head.last != prev)):
            raise CaseError("the case log does not match its head (entries removed or changed?): "
                            "run 'verifier case verify'; nothing was added")
        entries, chunks = [], []
        for kind, data in items:
            entry = {"seq": seq, "time": utc_now(), "kind": kind, "data": jsonable(data), "prev": prev}
            entries.append(entry)
            chunks.append(canonical(entry) + b"\n")
            seq, prev = seq + 1, entry_hash(entry)
        _write_all(fd, b"".join(chunks))
        os.fsync(fd)
        head = Head(seq - 1, prev)
        _write_head(folder, head)
        from .headsig import sign_head

        sign_head(folder, head)
    return entries


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_lines(folder: Path) -> list[bytes]:
    """The log's lines as stored (read only)."""
    path = folder / LOG_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseError(f"{folder} is not a case folder (no {LOG_NAME})") from None
    except OSError as exc:
        raise CaseError(f"cannot read {path}: {exc.strerror}") from None
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def entries(folder: Path) -> list[dict[str, Any]]:
    """Every entry that parses, in file order (use :func:`verifier.case.verify` to trust them)."""
    out = []
    for line in read_lines(folder):
        try:
            e = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(e, dict):
            out.append(e)
    return out
