"""The one place that opens evidence files, always read-only.

Nothing in the project writes next to an input: no temp files, no sidecars, no caches. Every
detector reads through :func:`open_readonly` so that a test can prove it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .evidence import MediaFile
from .formats.sniff import HEAD_SIZE, extension_type, sniff_bytes

CHUNK = 1 << 20


class InputError(Exception):
    """The input cannot be read at all (missing, a directory, permission denied…)."""


def open_readonly(path: Path | str) -> BinaryIO:
    """Open an input for reading. ``O_RDONLY`` only: never creates, truncates or locks.

    ``O_NONBLOCK`` makes opening a FIFO or a device return at once (instead of waiting forever
    for a writer); anything but a regular file is then refused, and the flag is cleared.
    """
    nonblock = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0) | nonblock
    try:
        fd = os.open(os.fspath(path), flags)
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{path} is not a regular file")
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=CHUNK)
    except BaseException:
        os.close(fd)
        raise


def read_head(path: Path | str, n: int = HEAD_SIZE) -> bytes:
    with open_readonly(path) as fh:
        return fh.read(n)


def sniff_file(path: Path | str) -> MediaFile:
    """Type and size from the head and ``fstat`` alone; ``sha256`` is left empty (see
    :func:`hash_file`). For large files, so that detectors start before the hash is done."""
    p = Path(path)
    with open_readonly(p) as fh:
        head = fh.read(HEAD_SIZE)
        size = os.fstat(fh.fileno()).st_size
    ext = extension_type(p)
    sniffed = sniff_bytes(head, ext)
    return MediaFile(path=p, sha256="", size=size, media_type=sniffed.media_type, extension_type=ext,
                     family=sniffed.family, sniff_note=sniffed.note)


def hash_file(path: Path | str, stop: Callable[[], bool] = lambda: False) -> tuple[str, int] | None:
    """(SHA-256, bytes read) in one streaming pass; None if ``stop()`` turned true meanwhile."""
    digest = hashlib.sha256()
    size = 0
    with open_readonly(path) as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if stop():
                return None
    return digest.hexdigest(), size


def identify(path: Path | str) -> MediaFile:
    """Hash and sniff a file in one streaming pass (bounded memory for any size)."""
    p = Path(path)
    digest = hashlib.sha256()
    size = 0
    with open_readonly(p) as fh:
        head = fh.read(HEAD_SIZE)
        digest.update(head)
        size += len(head)
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    ext = extension_type(p)
    sniffed = sniff_bytes(head, ext)
    return MediaFile(
        path=p,
        sha256=digest.hexdigest(),
        size=size,
        media_type=sniffed.media_type,
        extension_type=ext,
        family=sniffed.family,
        sniff_note=sniffed.note,
    )
