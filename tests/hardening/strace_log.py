"""Read an ``strace -f`` log of network syscalls: which process (kind) did what.

Lines look like ``PID syscall(args) = result``; a syscall interrupted by another thread's output
is split into ``PID syscall(args <unfinished ...>`` and, later, ``PID <... syscall resumed>rest``:
the two halves are joined per PID before parsing. With ``clone``/``clone3``/``execve`` in the
trace, every thread id is attributed to its process and every process to a kind: ``main`` (the
traced command), ``worker`` (a multiprocessing spawn child: detector workers), ``helper`` (any
other program or ``python -c`` it ran: the resource tracker, the isolation probe).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TRACE = "trace=socket,connect,sendto,sendmsg,clone,clone3,fork,vfork,execve"

_LINE = re.compile(r"^(\d+)\s+(.*)$")
_CALL = re.compile(r"^([a-z0-9_]+)\((.*)\)\s+=\s+(-?\d+|\?)(?:\s+(\w+))?")
_RESUMED = re.compile(r"^<\.\.\. ([a-z0-9_]+) resumed>(.*)$")
_INET = re.compile(r"\bAF_INET6?\b")
_PORT = re.compile(r"sin6?_port=htons\((\d+)\)")


@dataclass(frozen=True)
class Call:
    pid: int  # the process (thread group), not the thread
    kind: str
    name: str
    args: str
    result: str
    errno: str  # "" when it succeeded

    @property
    def inet(self) -> bool:
        return bool(_INET.search(self.args))

    @property
    def port(self) -> int | None:
        m = _PORT.search(self.args)
        return int(m.group(1)) if m else None


@dataclass
class Trace:
    calls: list[Call] = field(default_factory=list)
    kinds: dict[int, str] = field(default_factory=dict)  # process id -> kind
    inet_fds: set[tuple[int, int]] = field(default_factory=set)  # (process, fd) of inet sockets

    def inet_sockets(self) -> list[Call]:
        return [c for c in self.calls if c.name == "socket" and c.inet]

    def inet_traffic(self) -> list[Call]:
        """connect/sendto/sendmsg on an internet socket or to an internet address."""
        return [c for c in self.calls if c.name in ("connect", "sendto", "sendmsg")
                and (c.inet or ("sa_family=" not in c.args and (c.pid, _fd(c.args)) in self.inet_fds))]

    def reaching(self) -> list[Call]:
        """Internet connects that succeeded or are under way, and datagrams that left."""
        return [c for c in self.inet_traffic() if c.errno in ("", "EINPROGRESS")]

    def dns(self) -> list[Call]:
        return [c for c in self.inet_traffic() if c.port == 53]

    def per_kind(self) -> dict[str, Counter]:
        out: dict[str, Counter] = {}
        for c in self.inet_sockets():
            out.setdefault(c.kind, Counter())["socket"] += 1
        for c in self.inet_traffic():
            out.setdefault(c.kind, Counter())[c.name] += 1
        return out


def _fd(args: str) -> int:
    try:
        return int(args.split(",", 1)[0])
    except ValueError:
        return -1


def parse(path: Path) -> Trace:
    joined: list[tuple[int, str]] = []
    pending: dict[int, str] = {}
    for raw in path.read_text("utf-8", "replace").splitlines():
        m = _LINE.match(raw)
        if not m:
            continue
        tid, text = int(m.group(1)), m.group(2)
        if text.startswith("---") or text.startswith("+++"):
            continue
        r = _RESUMED.match(text)
        if r:
            text = pending.pop(tid, r.group(1) + "(") + r.group(2)
        elif text.endswith("<unfinished ...>"):
            pending[tid] = text[: -len("<unfinished ...>")].rstrip()
            continue
        joined.append((tid, text))
    # First pass: who cloned whom (threads vs processes) and what each process exec'd. strace may
    # log a child's first calls (even its execve) before the parent's clone returns.
    thread_of: dict[int, int] = {}  # thread id -> the thread that created it (same process)
    forked_by: dict[int, int] = {}  # process id -> the thread that forked it
    execd: dict[int, str] = {}  # process id -> kind given by its (last successful) execve
    first = joined[0][0] if joined else 0
    calls: list[tuple[int, str, str, str, str]] = []
    for tid, text in joined:
        m = _CALL.match(text)
        if not m:
            continue
        name, args, result, errno = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        if name in ("clone", "clone3", "fork", "vfork") and result.isdigit():
            (thread_of if "CLONE_THREAD" in args else forked_by)[int(result)] = tid
        elif name == "execve":
            if result == "0" and tid != first:
                execd[tid] = "worker" if "--multiprocessing-fork" in args else "helper"
        else:
            calls.append((tid, name, args, result, errno))

    def process(tid: int) -> int:
        while tid in thread_of:
            tid = thread_of[tid]
        return tid

    def kind(pid: int) -> str:
        seen = set()
        while pid not in execd and pid != first and pid in forked_by and pid not in seen:
            seen.add(pid)
            pid = process(forked_by[pid])
        return execd.get(pid) or ("main" if pid == first else "helper")

    trace = Trace()
    for tid, name, args, result, errno in calls:
        pid = process(tid)
        trace.kinds[pid] = kind(pid)
        call = Call(pid, trace.kinds[pid], name, args, result, errno if result.startswith("-") else "")
        if name == "socket" and result.isdigit():  # a reused descriptor changes family
            (trace.inet_fds.add if call.inet else trace.inet_fds.discard)((pid, int(result)))
        trace.calls.append(call)
    for pid in {first, *execd, *forked_by}:
        trace.kinds.setdefault(process(pid), kind(process(pid)))
    return trace
