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

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.create_connection = _deny  # type: ignore[assignment]
    socket.getaddrinfo = _deny  # type: ignore[assignment]
    _installed = True
