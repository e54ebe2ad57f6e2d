"""Write members out into the expansion's private scratch folder, bounded, hashed as they go.

Members are never written beside the input: the pipeline gives each expansion a folder of its
own (``mkdtemp``, mode 0700) and removes it when the container is done. File names in it are
ours (a sequence number and the member's extension, so that an extension mismatch is still
seen), never the attacker-controlled member name.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..formats.sniff import HEAD_SIZE, sniff_bytes
from .limits import Tally

CHUNK = 1 << 20
_UNSAFE = re.compile(r"[\x00-\x1f\x7f#]")
_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


def safe_place(name: str, keep_slashes: bool = True) -> str:
    """A member name fit for ``container#place``: no control characters, no ``#`` (it would
    read as nesting), and for e-mail file names no ``/`` either."""
    name = _UNSAFE.sub("_", name)
    if not keep_slashes:
        name = name.replace("/", "_").replace("\\", "_")
    return name or "_"


@dataclass(frozen=True, slots=True)
class Member:
    place: str  # where it sits in its container: "attachment/1/photo.jpg", "word/media/image1.png"
    file: str  # its name in the scratch folder
    size: int
    sha256: str
    sniffed_type: str
    declared_type: str = ""  # what the container says it is (MIME Content-Type), if anything

    def as_dict(self) -> dict[str, object]:
        return {"place": self.place, "file": self.file, "size": self.size, "sha256": self.sha256,
                "sniffed_type": self.sniffed_type, "declared_type": self.declared_type}


class MemberWriter:
    def __init__(self, folder: Path, tally: Tally) -> None:
        self.folder = folder
        self.tally = tally
        self.members: list[Member] = []

    def _target(self, place: str, suffix: str | None) -> tuple[str, int]:
        if suffix is None:
            suffix = os.path.splitext(place.rsplit("/", 1)[-1])[1]
        name = f"{len(self.members) + 1:05d}{suffix.lower() if _EXTENSION.match(suffix) else ''}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        return name, os.open(self.folder / name, flags, 0o600)

    def add_bytes(self, place: str, data: bytes, declared_type: str = "", suffix: str | None = None) -> Member | None:
        """``suffix``: the scratch file's extension when the place has none (``image/3``)."""
        return self.add_chunks(place, iter((data,)), len(data), declared_type, suffix)

    def add_stream(self, place: str, stream: IO[bytes], declared_size: int, declared_type: str = "") -> Member | None:
        return self.add_chunks(place, iter(lambda: stream.read(CHUNK), b""), declared_size, declared_type)

    def add_chunks(self, place: str, chunks: Iterator[bytes], declared_size: int,
                   declared_type: str = "", suffix: str | None = None) -> Member | None:
        """Write one member; None (and the limit recorded) when a limit stops it."""
        if not self.tally.room_for_member() or self.tally.too_big(declared_size):
            return None
        cap = self.tally.cap_for_member()
        name, fd = self._target(place, suffix)
        digest = hashlib.sha256()
        size = 0
        head = b""
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if size > cap:  # it inflates past what it declared
                        break
                    digest.update(chunk)
                    if len(head) < HEAD_SIZE:
                        head += chunk[: HEAD_SIZE - len(head)]
                    out.write(chunk)
        except BaseException:
            (self.folder / name).unlink(missing_ok=True)
            raise
        if size > cap:
            (self.folder / name).unlink(missing_ok=True)
            self.tally.too_big(size)
            return None
        self.tally.add(size)
        member = Member(place, name, size, digest.hexdigest(), sniff_bytes(head).media_type, declared_type)
        self.members.append(member)
        return member
