"""Fixtures for the C2PA tests: a listening socket that records any connection made to it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest


@dataclass
class Listener:
    host: str
    port: int
    requests: list[bytes] = field(default_factory=list)

    def settle(self) -> int:
        time.sleep(0.3)  # a connection attempt made during the read has been accepted by now
        return len(self.requests)


def _listen(host: str, port: int) -> Iterator[Listener]:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        pytest.skip(f"cannot listen on {host}:{port}: {exc}")
    sock.listen(16)
    sock.settimeout(0.1)
    listener = Listener(host, sock.getsockname()[1])
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    listener.requests.append(conn.recv(512) or b"<connected>")
                except OSError:
                    listener.requests.append(b"<connected>")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener
    finally:
        stop.set()
        thread.join(2)
        sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    yield from _listen("127.0.0.1", 0)


@pytest.fixture
def localhost_5000() -> Iterator[list[Listener]]:
    """libpng-test_with_url.png points at http://localhost:5000/: listen there (IPv4 and IPv6)."""
    gens = [_listen("127.0.0.1", 5000)]
    listeners = [next(gens[0])]
    try:
        g6 = _listen("::1", 5000)
        listeners.append(next(g6))
        gens.append(g6)
    except (pytest.skip.Exception, OSError):
        pass
    try:
        yield listeners
    finally:
        for g in gens:
            for _ in g:
                pass
