"""Matroska/WebM (EBML) walker: ``Segment/Tags/Tag/SimpleTag`` name/value pairs.

Clusters (the media) are skipped by their size. Recorders that stream (browser MediaRecorder,
OBS) write clusters of unknown size that cannot be skipped without parsing them: the walk
then stops and jumps to the ``Tags`` positions listed in the Segment's ``SeekHead``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from .meta import Budget, Entry, decode_text

SEGMENT, TAGS, TAG, SIMPLE_TAG = 0x18538067, 0x1254C367, 0x7373, 0x67C8
TAG_NAME, TAG_STRING, TAG_BINARY = 0x45A3, 0x4487, 0x4485
SEEK_HEAD, SEEK, SEEK_ID, SEEK_POSITION = 0x114D9B74, 0x4DBB, 0x53AB, 0x53AC
DESCEND = {SEGMENT, TAGS, TAG, SIMPLE_TAG}
UNKNOWN = -1
MAX_SEEK_HEAD = 64 * 1024


@dataclass
class _State:
    segment_data: int = -1  # offset of the Segment's payload (SeekPosition is relative to it)
    tags_seen: set[int] = field(default_factory=set)
    tags_listed: list[int] = field(default_factory=list)


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
    state = _State()
    yield from _elements(fh, 0, size, budget, 0, [], state)
    if state.segment_data < 0:
        return
    for rel in state.tags_listed[:16]:
        pos = state.segment_data + rel
        if pos not in state.tags_seen and pos < size:
            yield from _elements(fh, pos, size, budget, 1, [], state, single=True)


def _elements(fh: BinaryIO, start: int, end: int, budget: Budget, depth: int,
              simple: list[dict[str, str]], state: _State, single: bool = False) -> Iterator[Entry]:
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
            if eid[0] not in (SEGMENT, TAGS):
                budget.warnings.append("element of unknown size: the rest was not walked in order")
                return
            size = end - body
        body_end = min(body + size, end)
        if single and eid[0] != TAGS:
            return
        if eid[0] == SEGMENT and state.segment_data < 0:
            state.segment_data = body
        if eid[0] == TAGS:
            state.tags_seen.add(pos)
        if eid[0] == SEEK_HEAD and size <= MAX_SEEK_HEAD:
            state.tags_listed += _tags_positions(fh.read(body_end - body))
        elif eid[0] in DESCEND:
            if eid[0] == SIMPLE_TAG:
                fields: list[dict[str, str]] = [{}]
                yield from _elements(fh, body, body_end, budget, depth + 1, fields, state)
                name, value = fields[0].get("name"), fields[0].get("value")
                if name is not None:
                    yield Entry("mkv:Tags/Tag/SimpleTag", name, value or "", group="Matroska tags")
            else:
                yield from _elements(fh, body, body_end, budget, depth + 1, simple, state)
        elif simple and eid[0] in (TAG_NAME, TAG_STRING, TAG_BINARY):
            if size <= budget.max_value:
                budget.spend(body_end - body)
                text = decode_text(fh.read(body_end - body))
                simple[0]["name" if eid[0] == TAG_NAME else "value"] = text
        if single:
            return
        pos = body + size


def _tags_positions(data: bytes) -> list[int]:
    """SeekPosition values of the SeekHead entries that point at Tags."""
    out: list[int] = []
    fh = io.BytesIO(data)
    while fh.tell() < len(data):
        eid, esize = _vint(fh, True), _vint(fh, False)
        if eid is None or esize is None or esize[0] == UNKNOWN:
            break
        payload = fh.read(esize[0])
        if eid[0] != SEEK:
            continue
        inner = io.BytesIO(payload)
        seek_id, seek_pos = b"", -1
        while inner.tell() < len(payload):
            iid, isize = _vint(inner, True), _vint(inner, False)
            if iid is None or isize is None or isize[0] == UNKNOWN:
                break
            value = inner.read(isize[0])
            if iid[0] == SEEK_ID:
                seek_id = value
            elif iid[0] == SEEK_POSITION:
                seek_pos = int.from_bytes(value, "big")
        if seek_id == TAGS.to_bytes(4, "big") and seek_pos >= 0:
            out.append(seek_pos)
    return out
