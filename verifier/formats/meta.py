"""What the metadata walkers yield: raw key/value entries with their placement.

A walker (one per container family) reads only the bytes it needs, within a :class:`Budget`
(count of boxes/chunks, nesting depth, bytes of values read), and yields :class:`Entry` values.
The label parsers in :mod:`verifier.labels` never see the file, only entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_VALUE = 1 << 20  # a metadata value larger than this is not read (1 MiB)
MAX_TOTAL = 32 << 20  # all metadata values of one file together (32 MiB)


class LimitReached(Exception):
    """A structural limit was hit: the walk stops and says why (hostile or broken file)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One metadata item.

    ``placement`` names the container path (``png:tEXt``, ``mp4:moov/udta/meta:keys``…), ``key``
    the field name as written, ``value`` a str, or a dict/list for structured sources (YAML
    front matter, AMF). ``kind`` tells parsers how to treat it: ``text``, ``xmp`` (a whole XMP
    packet), ``exif`` (raw TIFF/EXIF bytes, decoded by the EXIF reader), ``id3`` (a raw ID3v2 tag,
    decoded by the mutagen adapter), ``data``.
    """

    placement: str
    key: str
    value: Any
    kind: str = "text"
    group: str = ""  # for the Metadata panel: EXIF, XMP, PNG, ID3, Vorbis, Info…


@dataclass
class Budget:
    """Limits shared by one walk over one file."""

    max_items: int = 200_000  # boxes, chunks, elements, segments (long videos have many)
    max_depth: int = 12
    max_value: int = MAX_VALUE
    max_total: int = MAX_TOTAL
    items: int = 0
    spent: int = 0
    warnings: list[str] = field(default_factory=list)
    partial: list[Entry] = field(default_factory=list)  # entries read before a limit stopped the walk

    def tick(self, what: str = "structure") -> None:
        self.items += 1
        if self.items > self.max_items:
            raise LimitReached(f"more than {self.max_items} {what} items: walk stopped")

    def spend(self, n: int) -> None:
        """Account for ``n`` bytes of metadata about to be read and kept."""
        self.spent += max(0, n)
        if self.spent > self.max_total:
            raise LimitReached(f"more than {self.max_total >> 20} MiB of metadata values: walk stopped")

    def depth(self, depth: int) -> None:
        if depth > self.max_depth:
            raise LimitReached(f"nesting deeper than {self.max_depth} levels: walk stopped")


def decode_text(raw: bytes) -> str:
    """Decode a metadata byte string: UTF-8 first, then UTF-16 with a BOM, then Latin-1."""
    raw = raw.rstrip(b"\x00")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
