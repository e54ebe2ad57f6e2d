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
from .words import Said


@dataclass(frozen=True)
class Problem:
    line: int | None
    seq: int | None
    message: Said  # English as a string; .text(lang) in the reader's language

    def __str__(self) -> str:
        return str(self.message)

    def text(self, lang: str) -> str:
        return self.message.text(lang)


@dataclass
class Verification:
    count: int = 0
    last_hash: str = GENESIS
    head: Head | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _name(seq: object, line: int) -> Said:
    return Said("case.entry", seq=seq, line=line) if isinstance(seq, int) else Said("case.line", line=line)


def verify(folder: Path) -> Verification:
    lines = read_lines(folder)
    v = Verification()
    problems = v.problems
    prev, expected, last_seq = GENESIS, 1, 0
    prev_name = Said("case.start")
    for n, line in enumerate(lines, 1):
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            entry = None
        if not isinstance(entry, dict) or not isinstance(entry.get("seq"), int):
            problems.append(Problem(n, None, Said("case.not_entry", name=_name(None, n))))
            prev, expected, prev_name = hashlib.sha256(line).hexdigest(), expected + 1, _name(None, n)
            continue
        seq = entry["seq"]
        name = _name(seq, n)
        try:
            if canonical(entry) != line:
                problems.append(Problem(n, seq, Said("case.not_canonical", name=name)))
        except CanonicalError:
            problems.append(Problem(n, seq, Said("case.bad_value", name=name)))
        if seq < expected:
            problems.append(Problem(n, seq, Said("case.out_of_order", name=name, before=expected - 1)))
        elif seq > expected:
            gap = Said("case.missing_one", name=name, first=expected) if seq == expected + 1 else \
                Said("case.missing_many", name=name, first=expected, last=seq - 1)
            problems.append(Problem(n, seq, gap))
        if entry.get("prev") != prev:
            problems.append(Problem(n, seq, Said("case.broken_link", name=name, prev=prev_name)))
        if entry.get("kind") not in KINDS or not isinstance(entry.get("time"), str) \
                or not isinstance(entry.get("data"), dict):
            problems.append(Problem(n, seq, Said("case.malformed", name=name)))
        if n == 1 and entry.get("kind") != "opened":
            problems.append(Problem(n, seq, Said("case.no_opening", name=name)))
        try:
            prev = entry_hash(entry)
        except CanonicalError:
            prev = hashlib.sha256(line).hexdigest()
        expected, last_seq, prev_name = seq + 1, seq, name
    v.count, v.last_hash = len(lines), prev
    if not lines:
        problems.append(Problem(None, None, Said("case.empty")))
    try:
        v.head = read_head(folder)
    except CaseError as exc:
        problems.append(Problem(None, None, Said("case.head_damaged", why=str(exc))))
        return v
    head = v.head
    if head is None:
        problems.append(Problem(None, None, Said("case.head_missing")))
    elif head.count > last_seq:
        problems.append(Problem(None, head.count, Said("case.truncated", count=head.count, last=last_seq,
                                                       first=last_seq + 1)))
    elif head.count < last_seq:
        problems.append(Problem(None, head.count + 1, Said("case.head_behind", first=head.count + 1, last=last_seq)))
    elif head.last != prev:
        problems.append(Problem(len(lines), last_seq, Said("case.last_changed", name=_name(last_seq, len(lines)))))
    if head is not None and (why := check_head(folder, head)):
        problems.append(Problem(None, head.count, why))
    return v
