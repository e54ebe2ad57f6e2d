"""The stream the C2PA SDK reads an asset through: it holds the SDK to one hash buffer at a time.

c2pa-rs hashes an asset in chunks of up to 256 MiB (``MAX_HASH_BUF`` in its ``hash_utils``):
each chunk is a fresh buffer the SDK asks this stream to fill in one ``readinto`` call; the
filled chunk is then hashed on a worker thread named ``c2pa-hash`` while the next buffer is
being filled, and dropped when that thread ends. Filling the next buffer at once therefore keeps
two 256 MiB buffers resident: a 1 GB video cost the C2PA worker ~550 MB of RSS. The SDK offers
no setting for the chunk size, but its buffers only become resident as they are written, so a
large read here first waits until no ``c2pa-hash`` thread of this process is left (its chunk is
then freed), asking the kernel to read the range ahead meanwhile: one buffer at a time, ~300 MB.

The bytes handed over are exactly the file's; only the moment they are copied changes. Where
threads cannot be listed (no ``/proc``), or the wait overruns, the read simply goes ahead.
Read-only: ``write`` refuses.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

LARGE_READ = 16 << 20  # the SDK's small reads (box headers, the manifest) are never held back
HASH_THREAD = "c2pa-hash"  # the name c2pa-rs gives the thread that hashes the previous chunk
MAX_WAIT = 10.0  # seconds one read may wait for the previous chunk's hash
POLL = 0.002
UNNAMED_GRACE = 0.5  # seconds a newborn thread may take to name itself c2pa-hash
_TASKS = Path("/proc/self/task")


def threads(tasks: Path = _TASKS) -> dict[str, bytes]:
    """This process's threads, id -> name (Linux ``/proc``); empty where they cannot be listed."""
    try:
        entries = list(tasks.iterdir())
    except OSError:
        return {}
    out: dict[str, bytes] = {}
    for task in entries:
        try:
            out[task.name] = (task / "comm").read_bytes().strip()
        except OSError:
            continue  # the thread ended while we looked
    return out


class HashWatch:
    """Is a chunk of the SDK's still being hashed (so its buffer still held)?

    A hashing thread is a thread named ``c2pa-hash``, or one born since the last large read that
    still bears the reading thread's name: a new thread takes its creator's name until it names
    itself, and the SDK starts the hashing thread just before asking for the next chunk. A newborn
    still unnamed after ``UNNAMED_GRACE`` is someone else's (a plain Python thread is never
    renamed) and is not waited for.
    """

    def __init__(self, list_threads: Callable[[], dict[str, bytes]] = threads,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._list = list_threads
        self._clock = clock
        self._before: set[str] | None = None
        self._newborn: dict[str, float] = {}  # thread id -> when first seen unnamed

    def mark(self) -> None:
        """Remember the threads alive now (called after each large read)."""
        self._before = set(self._list())
        self._newborn.clear()

    def busy(self) -> bool:
        alive = self._list()
        if not alive:
            return False
        mine = alive.get(str(threading.get_native_id()))
        hashing = HASH_THREAD.encode()
        now = self._clock()
        for tid, name in alive.items():
            if name == hashing:
                return True
            if self._before is not None and tid not in self._before and name == mine:
                if now - self._newborn.setdefault(tid, now) < UNNAMED_GRACE:
                    return True  # born since the last large read, not yet named
        return False


class PacedStream:
    """A read-only stream over ``fh`` that fills a large buffer only once the previous one is hashed."""

    def __init__(self, fh: BinaryIO, watch: HashWatch | None = None, max_wait: float = MAX_WAIT) -> None:
        self._fh = fh
        self._watch = watch or HashWatch()
        self._max_wait = max_wait
        self.waited = 0  # large reads that found the previous chunk still hashing (for tests, benchmarks)

    def readinto(self, buf: Any) -> int:
        size = memoryview(buf).nbytes
        if size < LARGE_READ:
            return self._fh.readinto(buf)  # type: ignore[attr-defined]
        self._pace(size)
        try:
            return self._fh.readinto(buf)  # type: ignore[attr-defined]
        finally:
            self._watch.mark()

    def read(self, size: int = -1) -> bytes:
        if size is None or size < LARGE_READ:
            return self._fh.read(size)
        self._pace(size)
        try:
            return self._fh.read(size)
        finally:
            self._watch.mark()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def write(self, data: Any) -> int:
        raise OSError("evidence is never written")

    def flush(self) -> None:
        return None

    def _pace(self, size: int) -> None:
        if not self._watch.busy():
            return
        self.waited += 1
        self._read_ahead(size)
        deadline = time.monotonic() + self._max_wait
        while self._watch.busy() and time.monotonic() < deadline:
            time.sleep(POLL)

    def _read_ahead(self, size: int) -> None:
        """Let the disk work while the CPU hashes: the page cache is not this process's memory."""
        advise = getattr(os, "posix_fadvise", None)
        if advise is None:
            return
        try:
            advise(self._fh.fileno(), self._fh.tell(), size, os.POSIX_FADV_WILLNEED)
        except (OSError, AttributeError, ValueError):
            pass  # not a file (an in-memory store): nothing to read ahead
