"""Matroska/WebM (EBML) walker: ``Segment/Tags/Tag/SimpleTag`` name/value pairs.

Clusters (the media) are skipped by their size; an element of unknown size other than the
Segment ends the walk (a live stream's clusters cannot be skipped without parsing them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .meta import Budget, Entry, decode_text

SEGMENT, TAGS, TAG, SIMPLE_TAG = 0x18538067, 0x1254C367, 0x7373, 0x67C8
TAG_NAME, TAG_STRING, TAG_BINARY = 0x45A3, 0x4487, 0x4485
EBML_HEADER = 0x1A45DFA3
DESCEND = {SEGMENT, TAGS, TAG, SIMPLE_TAG}
UNKNOWN = -1


def _vint(fh: BinaryIO, keep_marker: bool) -> tuple[int, int] | None:
    first = fh.read(1)
    if not first:
        return None
    b = first[0]
    length = 1
    mask = 0x80
    while length <= 8 and not (b & mask):
        mask >>= 1
        length += 1
    if length > 8:
        raise ValueError("invalid EBML variable-length integer")
    rest = fh.read(length - 1)
    if len(rest) < length - 1:
        return None
    value = b if keep_marker else b & (mask - 1)
    for c in rest:
        value = (value << 8) | c
    if not keep_marker and value == (1 << (7 * length)) - 1:
        value = UNKNOWN
    return value, length


def walk(fh: BinaryIO, budget: Budget, size: int) -> Iterator[Entry]:
    yield from _elements(fh, 0, size, budget, 0, [])


def _elements(fh: BinaryIO, start: int, end: int, budget: Budget, depth: int,
              simple: list[dict[str, str]]) -> Iterator[Entry]:
    budget.depth(depth)
    pos = start
    while pos < end:
        fh.seek(pos)
        eid = _vint(fh, keep_marker=True)
        esize = _vint(fh, keep_marker=False) if eid else None
        if eid is None or esize is None:
            return
        budget.tick("EBML element")
        body = fh.tell()
        size = esize[0]
        if size == UNKNOWN:
            if eid[0] != SEGMENT:
                budget.warnings.append("element of unknown size: rest of the file not walked")
                return
            size = end - body
        body_end = min(body + size, end)
        if eid[0] in DESCEND:
            if eid[0] == SIMPLE_TAG:
                fields: list[dict[str, str]] = [{}]
                yield from _elements(fh, body, body_end, budget, depth + 1, fields)
                name, value = fields[0].get("name"), fields[0].get("value")
                if name is not None:
                    yield Entry("mkv:Tags/Tag/SimpleTag", name, value or "", group="Matroska tags")
            else:
                yield from _elements(fh, body, body_end, budget, depth + 1, simple)
        elif simple and eid[0] in (TAG_NAME, TAG_STRING, TAG_BINARY):
            if size <= budget.max_value:
                text = decode_text(fh.read(body_end - body))
                simple[0]["name" if eid[0] == TAG_NAME else "value"] = text
        pos = body + size
