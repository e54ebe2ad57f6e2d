"""Check a case log end to end: every link, every sequence number, the head.

Any edit, insertion, reordering or deletion of entries breaks a link or the numbering, and the
problem is reported with the entry (``seq``) and line it was seen at. Deleting the last entries
is seen against ``case.head``. What no local check can see: the log and its head both cut back
together to an earlier state (a consistent prefix). Against that, keep an exported or signed
copy of the head (``verifier case show`` prints it) elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..report.canonical import CanonicalError
from ..report.canonical import dumps as canonical
from .headsig import check_head
from .log import GENESIS, KINDS, CaseError, Head, entry_hash, read_head, read_lines


@dataclass(frozen=True)
class Problem:
    line: int | None
    seq: int | None
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Verification:
    count: int = 0
    last_hash: str = GENESIS
    head: Head | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _name(seq: object, line: int) -> str:
    return f"entry {seq} (line {line})" if isinstance(seq, int) else f"line {line}"


def verify(folder: Path) -> Verification:
    lines = read_lines(folder)
    v = Verification()
    problems = v.problems
    prev, expected, last_seq = GENESIS, 1, 0
    prev_name = "the start of the log"
    for n, line in enumerate(lines, 1):
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            entry = None
        if not isinstance(entry, dict) or not isinstance(entry.get("seq"), int):
            problems.append(Problem(n, None, f"line {n}: not a log entry (edited or damaged)"))
            prev, expected, prev_name = hashlib.sha256(line).hexdigest(), expected + 1, f"line {n}"
            continue
        seq = entry["seq"]
        name = _name(seq, n)
        try:
            if canonical(entry) != line:
                problems.append(Problem(n, seq, f"{name}: not written as the tool writes it (edited by hand)"))
        except CanonicalError:
            problems.append(Problem(n, seq, f"{name}: holds a value the tool never writes (edited)"))
        if seq < expected:
            problems.append(Problem(n, seq, f"{name}: comes after entry {expected - 1}: entries were reordered, "
                                            "duplicated or inserted"))
        elif seq > expected:
            gap = f"entry {expected}" if seq == expected + 1 else f"entries {expected} to {seq - 1}"
            problems.append(Problem(n, seq, f"{name}: {gap} missing before it (deleted)"))
        if entry.get("prev") != prev:
            problems.append(Problem(n, seq, f"{name}: does not link to {prev_name}: that entry was changed, or "
                                            "entries were deleted, inserted or reordered between them"))
        if entry.get("kind") not in KINDS or not isinstance(entry.get("time"), str) \
                or not isinstance(entry.get("data"), dict):
            problems.append(Problem(n, seq, f"{name}: not a well-formed entry (kind, time or data)"))
        if n == 1 and entry.get("kind") != "opened":
            problems.append(Problem(n, seq, f"{name}: the log does not start with the case being opened"))
        try:
            prev = entry_hash(entry)
        except CanonicalError:
            prev = hashlib.sha256(line).hexdigest()
        expected, last_seq, prev_name = seq + 1, seq, name
    v.count, v.last_hash = len(lines), prev
    if not lines:
        problems.append(Problem(None, None, "the case log is empty"))
    try:
        v.head = read_head(folder)
    except CaseError as exc:
        problems.append(Problem(None, None, str(exc)))
        return v
    head = v.head
    if head is None:
        problems.append(Problem(None, None, "case.head is missing: deleted entries at the end could not be seen"))
    elif head.count > last_seq:
        problems.append(Problem(None, head.count, f"the head records {head.count} entries but the log ends at "
                                                  f"entry {last_seq}: entries {last_seq + 1} to {head.count} "
                                                  "were deleted from the end"))
    elif head.count < last_seq:
        problems.append(Problem(None, head.count + 1, f"entries {head.count + 1} to {last_seq} come after the head "
                                                      "(an interrupted write, or an older head put back)"))
    elif head.last != prev:
        problems.append(Problem(len(lines), last_seq, f"{_name(last_seq, len(lines))}: the last entry was changed "
                                                      "after it was written (it no longer matches the head)"))
    if head is not None and (why := check_head(folder, head)):
        problems.append(Problem(None, head.count, why))
    return v
