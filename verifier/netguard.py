"""Refuse network connections from this process.

verifier never needs the network: C2PA reads run with remote fetching off (see
``verifier.adapters.c2pa_sdk``), and every worker process installs this guard at start so that a
library that tries anyway fails loudly instead of leaking what the user is examining. Local
(``AF_UNIX``) sockets stay allowed: multiprocessing uses them. The one exception is explicit:
:func:`allowing` opens named hosts for a block (a Dask scheduler the user named for an archive
sweep, see ``docs/ARCHIVE.md``).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

_installed = False
# Hosts the user explicitly named for a distributed run (a Dask scheduler, a local cluster on
# the loopback), reachable only inside :func:`allowing`. Detector workers never get any.
_allowed: dict[str, int] = {}
_allowed_lock = threading.Lock()
_orig_getaddrinfo = socket.getaddrinfo


ANY_HOST = "*"


def _host_allowed(host: Any) -> bool:
    if not isinstance(host, str):
        return False
    with _allowed_lock:
        return host in _allowed or ANY_HOST in _allowed


@contextmanager
def allowing(hosts: Iterable[str]) -> Iterator[None]:
    """Let this process reach the named hosts (any port) for the duration of the block.

    For ``verifier scan --engine dask`` (the client must talk to its scheduler) and for
    ``--fetch-remote`` (:data:`ANY_HOST`: the user named remote URLs to read). Host names are
    resolved once, here, and their addresses allowed; everything else stays refused. Detector
    worker processes install their own guard and never see these exceptions.
    """
    names: set[str] = set()
    for host in hosts:
        names.add(host)
        if host == ANY_HOST:
            continue
        try:
            ipaddress.ip_address(host)
        except ValueError:
            try:
                names.update(str(ai[4][0]) for ai in _orig_getaddrinfo(host, None))
            except OSError:
                pass
    with _allowed_lock:
        for n in names:
            _allowed[n] = _allowed.get(n, 0) + 1
    try:
        yield
    finally:
        with _allowed_lock:
            for n in names:
                _allowed[n] -= 1
                if not _allowed[n]:
                    del _allowed[n]


class NetworkBlocked(OSError):
    pass


def _deny(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked("network access is disabled in verifier (offline by design)")


def refuse_inet_sockets() -> None:
    """Refuse even to create an internet socket in this process (detector workers).

    Libraries probe the network at import: urllib3 (pulled in by rapidocr's model downloader)
    opens an ``AF_INET6`` socket to ask whether IPv6 works. In a worker nothing needs one, so
    creating it fails here (urllib3 takes that as "no IPv6") and no inet socket exists at all.
    Python-level only: native code is kept off the network by :mod:`verifier.sandbox`.
    """
    inet = {socket.AF_INET, getattr(socket, "AF_INET6", socket.AF_INET)}
    orig_init = socket.socket.__init__

    def init(self: socket.socket, family: Any = -1, type: Any = -1, proto: Any = -1,
             fileno: Any = None) -> None:
        if fileno is None and (family == -1 or family in inet):  # -1: Python's default, AF_INET
            _deny()
        orig_init(self, family, type, proto, fileno)

    socket.socket.__init__ = init  # type: ignore[method-assign]


def install() -> None:
    global _installed
    if _installed:
        return
    orig_connect = socket.socket.connect
    orig_connect_ex = socket.socket.connect_ex
    orig_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None) or (_allowed and _host_allowed(address[0])):
            return orig_connect(self, address)
        return _deny()

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None) or (_allowed and _host_allowed(address[0])):
            return orig_connect_ex(self, address)
        return _deny()

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if _allowed and _host_allowed(host):
            return orig_getaddrinfo(host, *args, **kwargs)
        return _deny()

    orig_sendto = socket.socket.sendto
    orig_sendmsg = getattr(socket.socket, "sendmsg", None)

    def sendto(self: socket.socket, *args: Any) -> Any:
        # UDP needs no connect: a datagram to an address is a connection attempt too
        address = args[-1] if args else None
        if self.family == getattr(socket, "AF_UNIX", None) or (
            _allowed and isinstance(address, tuple) and _host_allowed(address[0])
        ):
            return orig_sendto(self, *args)
        return _deny()

    def sendmsg(self: socket.socket, *args: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None) or len(args) < 4 or args[3] is None:
            return orig_sendmsg(self, *args)  # type: ignore[misc]
        return _deny()

    # the guards take *args (every overload of the originals), which typeshed's signatures cannot express
    socket.socket.connect = connect  # type: ignore[assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[assignment]
    socket.socket.sendto = sendto  # type: ignore[assignment]
    if orig_sendmsg is not None:
        socket.socket.sendmsg = sendmsg  # type: ignore[assignment]
    socket.create_connection = _deny
    socket.getaddrinfo = getaddrinfo
    _installed = True
