"""The messages of an mbox file, each a member ``message/<n>`` (itself an e-mail container).

The layout is the one :mod:`mailbox` reads: a message starts at a line beginning ``From ``.
The standard ``mailbox.mbox`` class opens its file for writing when it can, which must never
happen to evidence, so the same rule is applied here on a read-only stream: one pass finds the
messages, a second copies each out through the bounded writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .members import MemberWriter
from .source import Source, open_source

MAX_LINE = 1 << 20  # a longer line is read in pieces (a piece never starts a message)


def message_spans(fh: BinaryIO) -> Iterator[tuple[int, int]]:
    """(start, end) byte offsets of each message's content, the ``From `` line excluded."""
    start = -1
    pos = 0
    at_line_start = True
    while line := fh.readline(MAX_LINE):
        if at_line_start and line.startswith(b"From "):
            if start >= 0:
                yield start, pos
            start = pos + len(line)
        pos += len(line)
        at_line_start = line.endswith(b"\n")
    if start >= 0:
        yield start, pos


def _copy(fh: BinaryIO, start: int, end: int) -> Iterator[bytes]:
    fh.seek(start)
    left = end - start
    while left > 0:
        chunk = fh.read(min(left, 1 << 20))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk


def expand_mbox(source: Source, writer: MemberWriter) -> dict[str, Any]:
    with open_source(source) as fh:
        spans = list(message_spans(fh))
        for n, (start, end) in enumerate(spans, 1):
            if not writer.tally.room_for_member():
                break
            writer.add_chunks(f"message/{n}", _copy(fh, start, end), end - start, "message/rfc822", suffix=".eml")
    return {"messages": len(spans)}
