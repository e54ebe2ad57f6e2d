"""One member of a container, read again into memory by its place (for a picture of it).

The pipeline's scratch copies of members are gone once a container is analysed; a viewer that
wants a member's pixels reads the container again through the same readers and limits, keeping
only the member at ``place`` in memory. Nothing is written anywhere, the input is opened
read-only, and the member is returned only if its SHA-256 is the one the analysis recorded
(a container changed since is not trusted to show the analysed member).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..inputs import InputError, sniff_file
from .expand import container_kind, read_members
from .limits import Budget, MemberLimits, Tally
from .members import Member, MemberWriter


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


def member_bytes(container_path: Path, place: str, sha256: str = "",
                 limits: MemberLimits | None = None) -> bytes | None:
    """The bytes of the member at ``place`` in the container file at ``container_path`` (None: not
    found, over a limit, unreadable, or not the member whose ``sha256`` the analysis recorded).
    A member of a member (nested containers) has no file to read again: None."""
    try:
        container = sniff_file(container_path)
    except (InputError, OSError):
        return None
    kind = container_kind(container)
    if kind is None or kind == "msg":
        return None
    picker = _Picker(place, Tally(Budget.fresh(limits or MemberLimits()), quiet=True))
    try:
        read_members(kind, container, picker)
    except _Found as found:
        data = found.data
    except (ValueError, OSError):
        return None
    else:
        return None
    if not data or (sha256 and hashlib.sha256(data).hexdigest() != sha256):
        return None
    return data
