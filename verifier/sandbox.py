"""Cut a detector worker off the network at the operating-system level.

:mod:`verifier.netguard` refuses connections made through Python's ``socket`` module, but native
code (onnxruntime's telemetry, for one) calls the C library directly. So each worker process,
first thing, before it loads any native library, moves into a network namespace of its own
(Linux): it holds only a loopback interface that is down, so no socket can reach any address,
a name cannot even be resolved, and whatever a library tries fails in the kernel.

* not root: ``unshare(CLONE_NEWUSER | CLONE_NEWNET)``, then the worker's own uid and gid are
  mapped to themselves (``setgroups`` denied first, as the kernel requires), so the files it can
  read are exactly those it could read before;
* root: ``unshare(CLONE_NEWNET)`` alone (root may, and a user namespace would take away its
  capabilities over files owned by others, changing what it can read); if that is refused the
  user-namespace route is tried too.

``unshare(CLONE_NEWUSER)`` needs a single-threaded process: that is checked first. Where the
kernel refuses (namespaces disabled, a restrictive container) or the OS has none (macOS,
Windows), the worker keeps only the in-process guard and its state says so, with the reason.
``VERIFIER_SANDBOX=off`` skips the namespace (tests use it to show what it prevents).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000

ENV_SWITCH = "VERIFIER_SANDBOX"


@dataclass(frozen=True, slots=True)
class Isolation:
    """What stops a process from using the network."""

    enforced: bool  # True: the kernel itself (a network namespace)
    how: str  # "user+network namespace", "network namespace", or why neither holds

    def describe(self) -> str:
        """One line for reports and ``--version`` (English; reports translate via :func:`code`)."""
        if self.enforced:
            return f"none (OS-enforced: {self.how})"
        return f"blocked in-process only ({self.how})"


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # unknown


def _write(path: str, text: str) -> None:
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _unshare(flags: int) -> int:
    """0, or the errno of a refused ``unshare(flags)``."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(ctypes.c_int(flags)) == 0:
        return 0
    return ctypes.get_errno() or -1


def _user_and_net() -> str:
    """Enter a user + network namespace with the same uid/gid; '' or why it failed."""
    uid, gid = os.getuid(), os.getgid()
    err = _unshare(CLONE_NEWUSER | CLONE_NEWNET)
    if err:
        return f"unshare(CLONE_NEWUSER|CLONE_NEWNET) refused: {os.strerror(err) if err > 0 else 'unknown error'}"
    try:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1\n")
        _write("/proc/self/gid_map", f"{gid} {gid} 1\n")
    except OSError as exc:
        # The network is already cut (the namespace exists); only the id mapping failed, so
        # files may read as owned by "nobody". Still OS-enforced, and said so.
        return f"mapped ids not written ({exc.strerror})"
    return ""


def isolate() -> Isolation:
    """Move this (single-threaded) process into a network namespace of its own, if possible."""
    if os.environ.get(ENV_SWITCH, "").strip().lower() in ("off", "0", "no", "false"):
        return Isolation(False, f"OS isolation switched off by {ENV_SWITCH}=off")
    if not sys.platform.startswith("linux"):
        return Isolation(False, f"no network namespaces on {sys.platform}")
    threads = _threads()
    if threads > 1:
        return Isolation(False, f"the worker already ran {threads} threads")
    reasons: list[str] = []
    if os.geteuid() == 0:
        err = _unshare(CLONE_NEWNET)
        if not err:
            return Isolation(True, "network namespace")
        reasons.append(f"unshare(CLONE_NEWNET) refused: {os.strerror(err) if err > 0 else 'unknown error'}")
    why = _user_and_net()
    if not why:
        return Isolation(True, "user+network namespace")
    if why.startswith("mapped ids"):
        return Isolation(True, f"user+network namespace, {why}")
    reasons.append(why)
    return Isolation(False, "; ".join(reasons))
