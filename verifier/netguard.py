"""Refuse network connections from this process.

verifier never needs the network: C2PA reads run with remote fetching off (see
``verifier.adapters.c2pa_sdk``), and every worker process installs this guard at start so that a
library that tries anyway fails loudly instead of leaking what the user is examining. Local
(``AF_UNIX``) sockets stay allowed: multiprocessing uses them.
"""

from __future__ import annotations

import socket
from typing import Any

_installed = False


class NetworkBlocked(OSError):
    pass


def _deny(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked("network access is disabled in verifier (offline by design)")


def install() -> None:
    global _installed
    if _installed:
        return
    orig_connect = socket.socket.connect
    orig_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None):
            return orig_connect(self, address)
        return _deny()

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None):
            return orig_connect_ex(self, address)
        return _deny()

    orig_sendto = socket.socket.sendto
    orig_sendmsg = getattr(socket.socket, "sendmsg", None)

    def sendto(self: socket.socket, *args: Any) -> Any:
        # UDP needs no connect: a datagram to an address is a connection attempt too
        if self.family == getattr(socket, "AF_UNIX", None):
            return orig_sendto(self, *args)
        return _deny()

    def sendmsg(self: socket.socket, *args: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None) or len(args) < 4 or args[3] is None:
            return orig_sendmsg(self, *args)  # type: ignore[misc]
        return _deny()

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]
    if orig_sendmsg is not None:
        socket.socket.sendmsg = sendmsg  # type: ignore[method-assign]
    socket.create_connection = _deny  # type: ignore[assignment]
    socket.getaddrinfo = _deny  # type: ignore[assignment]
    _installed = True
