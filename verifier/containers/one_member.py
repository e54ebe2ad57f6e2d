"""One member of a container, read again into memory by its place (for a picture of it).

The pipeline's scratch copies of members are gone once a container is analysed; a viewer that
wants a member's pixels reads the container again through the same readers and limits, keeping
only the member at ``place`` in memory. A member of a member (a photo in a ZIP attached to an
e-mail) is read the same way level by level: the outer file gives up the inner container's
bytes, which are read in memory by the same reader (:mod:`verifier.containers.source`), and so
on inward. Nothing is written anywhere (no scratch file), the input is opened read-only, every
level is read within the limits an expansion applies (its depth included), and each level's
bytes are kept only if their SHA-256 is the one the analysis recorded (a container changed
since is not trusted to show the analysed member).

Levels are named as the pipeline names members: a member of the file ``mail.eml`` is shown as
``mail.eml#attachment/1/photos.zip``, and its own member as
``mail.eml#attachment/1/photos.zip#photo.jpg``; a place never holds ``#``
(:func:`verifier.containers.members.safe_place`).

The pictures of one archive are usually wanted one after the other (a queue of thumbnails), so
the last inner container read is kept in memory (one, at most ``KEEP_BYTES``), keyed by the outer
file's identity (device, inode, size, modification time) and the levels that led to it: the
next member of the same ZIP does not parse the whole e-mail again. The member wanted is always
read and checked afresh.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..evidence import MediaFile
from ..formats.sniff import HEAD_SIZE, extension_type, sniff_bytes
from ..inputs import InputError, sniff_file
from .expand import container_kind, read_members
from .limits import Budget, MemberLimits, Tally
from .members import Member, MemberWriter

Level = tuple[str, str]  # (place in its container, SHA-256 the analysis recorded or "")
KEEP_BYTES = 64 << 20  # the largest inner container kept in memory for the next member's reading

_kept_lock = threading.Lock()
_kept: tuple[tuple[object, ...], bytes] | None = None  # (outer file identity + levels, inner container's bytes)


class _Found(Exception):
    def __init__(self, data: bytes) -> None:
        super().__init__("member found")
        self.data = data


class _Picker(MemberWriter):
    """A writer that writes nothing: it skips every member but the one at ``place``, whose
    bytes it keeps in memory within the limits an expansion applies, then stops the reading."""

    def __init__(self, place: str, tally: Tally) -> None:
        super().__init__(Path(os.devnull), tally)
        self.place = place

    def add_chunks(self, place: str, chunks: Iterator[bytes], declared_size: int,
                   declared_type: str = "", suffix: str | None = None) -> Member | None:
        if place != self.place or self.tally.too_big(declared_size):
            return None
        cap = self.tally.cap_for_member()
        kept: list[bytes] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > cap:  # it inflates past what it declared
                raise _Found(b"")
            kept.append(chunk)
        raise _Found(b"".join(kept))


def _in_memory(place: str, data: bytes) -> MediaFile:
    """A member held in memory, identified as a file of that name would be (its type from its bytes)."""
    name = Path(place.rsplit("/", 1)[-1])
    ext = extension_type(name)
    sniffed = sniff_bytes(data[:HEAD_SIZE], ext)
    return MediaFile(path=name, sha256="", size=len(data), media_type=sniffed.media_type, extension_type=ext,
                     family=sniffed.family, sniff_note=sniffed.note)


def _pick(container: MediaFile, data: bytes | None, level: Level, budget: Budget) -> bytes | None:
    """The member at the level's place in ``container`` (its file, or ``data`` in memory)."""
    place, sha256 = level
    kind = container_kind(container)
    if kind is None or kind == "msg":
        return None
    picker = _Picker(place, Tally(budget, quiet=True))
    try:
        read_members(kind, container, picker, data)
    except _Found as found:
        member = found.data
    except (ValueError, OSError):
        return None
    else:
        return None
    if not member or (sha256 and hashlib.sha256(member).hexdigest() != sha256):
        return None
    return member


def nested_member_bytes(container_path: Path, levels: Sequence[Level],
                        limits: MemberLimits | None = None) -> bytes | None:
    """The bytes of the member reached from the container file at ``container_path`` through
    ``levels`` (each a place and the SHA-256 recorded for the member there, outermost first; the
    last is the member wanted). None: not found, over a limit, unreadable, or a level is not the
    member analysed."""
    limits = limits or MemberLimits()
    if not levels or len(levels) > limits.depth:  # the expansion would not have gone that deep
        return None
    try:
        container = sniff_file(container_path)
        st = os.stat(container_path)
    except (InputError, OSError):
        return None
    identity = (os.fspath(container_path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, limits)
    data, start = _kept_for(identity, levels)
    budget = Budget.fresh(limits)
    for _ in range(start):
        budget = budget.deeper()
    for n in range(start, len(levels)):
        if data is not None:
            container = _in_memory(levels[n - 1][0], data)
        data = _pick(container, data, levels[n], budget)
        if data is None:
            return None
        if n == len(levels) - 2:
            _keep((*identity, *levels[: n + 1]), data)
        budget = budget.deeper()
    return data


def _kept_for(identity: tuple[object, ...], levels: Sequence[Level]) -> tuple[bytes | None, int]:
    """The kept inner container on the way to the member wanted, and how many levels it spares."""
    with _kept_lock:
        kept = _kept
    if kept is not None and len(levels) >= 2 and kept[0] == (*identity, *levels[:-1]):
        return kept[1], len(levels) - 1
    return None, 0


def _keep(key: tuple[object, ...], data: bytes) -> None:
    global _kept
    with _kept_lock:
        _kept = (key, data) if len(data) <= KEEP_BYTES else None


def split_shown(shown: str | Path) -> tuple[Path, list[str]] | None:
    """The container file and the places inside it of a container as the pipeline shows it
    (``mail.eml``, ``mail.eml#attachment/1/photos.zip``…): the longest prefix before a ``#`` that
    is a regular file is the file (its own name may hold a ``#``: a place never does)."""
    text = str(shown)
    places: list[str] = []
    while True:
        if os.path.isfile(text):
            return Path(text), places[::-1]
        text, sep, place = text.rpartition("#")
        if not sep or not text or not place:
            return None
        places.append(place)


def member_bytes(container: Path, place: str, sha256: str = "",
                 limits: MemberLimits | None = None) -> bytes | None:
    """The bytes of the member at ``place`` in ``container`` (a file, or a member of one as the
    pipeline shows it: ``mail.eml#attachment/1/photos.zip``). Only the innermost SHA-256 is
    known here: the outer levels are read within the limits, unchecked (see
    :func:`nested_member_bytes` to check every level). None: not found, over a limit,
    unreadable, or not the member whose ``sha256`` the analysis recorded."""
    split = split_shown(container)
    if split is None:
        return None
    path, outer = split
    return nested_member_bytes(path, [*((p, "") for p in outer), (place, sha256)], limits)
