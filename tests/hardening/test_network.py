"""No network, ever: the guard holds in this process, in workers, and natively for the whole CLI.

The in-process guard is :mod:`verifier.netguard` (installed suite-wide by ``tests/conftest.py``
and by the CLI and every worker at start). Native code (the C2PA SDK, onnxruntime, OpenCV) does
not go through Python's socket module, so the whole CLI also runs under ``strace``: any
``connect``/``sendto``/``sendmsg`` on an internet socket fails the test, whatever made it.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.conftest import NET_SYSCALLS, STRACE, run_cli, trust_args
from verifier import netguard
from verifier.netguard import NetworkBlocked


@pytest.mark.parametrize("host", ["127.0.0.1", "1.1.1.1", "::1"])
def test_connect_is_refused_in_the_test_process(host: str) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlocked):
        s.connect((host, 443))
    with socket.socket(family, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlocked):
        s.connect_ex((host, 443))
    with pytest.raises(NetworkBlocked):
        socket.create_connection((host, 80), timeout=1)


def test_udp_and_name_lookups_are_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, pytest.raises(NetworkBlocked):
        s.sendto(b"\x00" * 12, ("1.1.1.1", 53))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, pytest.raises(NetworkBlocked):
        s.sendmsg([b"\x00" * 12], [], 0, ("1.1.1.1", 53))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.com", 443)


def test_a_loopback_listener_is_never_reached(tmp_path: Path) -> None:
    """Even to a local listener: the guard refuses before any packet leaves."""
    import urllib.request

    server = socket.create_server  # binding is local and stays allowed
    with server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        listener.settimeout(0.2)
        with pytest.raises((NetworkBlocked, OSError)):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        with pytest.raises(TimeoutError):
            listener.accept()


def test_local_unix_sockets_still_work() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"ping")
        assert b.recv(4) == b"ping"


def test_guard_is_idempotent() -> None:
    before = socket.socket.connect
    netguard.install()
    assert socket.socket.connect is before


# --------------------------------------------------------------------------- whole CLI, natively

_INET = re.compile(r"\b(connect|sendto|sendmsg)\(\d+, .*(AF_INET6?|sin6?_port)")


def _offending(lines: list[str]) -> list[str]:
    return [ln for ln in lines if _INET.search(ln)]


@pytest.mark.skipif(STRACE is None, reason="strace not installed (apt-get install strace)")
@pytest.mark.corpus
def test_cli_scan_of_the_corpus_opens_no_internet_socket(corpus_cli_run) -> None:
    """The whole corpus, every detector but OCR, worker processes: not one internet syscall."""
    if corpus_cli_run.strace is None:
        pytest.skip("strace cannot trace here (ptrace not permitted)")
    assert len(corpus_cli_run.doc["files"]) > 90
    offending = _offending(corpus_cli_run.strace)
    assert not offending, "\n".join(offending[:20])


@pytest.mark.skipif(STRACE is None, reason="strace not installed (apt-get install strace)")
@pytest.mark.corpus
def test_cli_scan_with_ocr_opens_no_internet_socket(corpus: Path, tmp_path: Path) -> None:
    """OCR too (a model library could try to download weights): the two smallest labelled images."""
    labelled = sorted((p for p in (corpus / "labels").iterdir() if p.suffix in (".png", ".jpg")),
                      key=lambda p: p.stat().st_size)[:2]
    proc, lines = run_cli(["scan", "--json", *trust_args(), *map(str, labelled)], tmp_path, NET_SYSCALLS)
    if lines is None:
        pytest.skip("strace cannot trace here (ptrace not permitted)")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(json.loads(proc.stdout)["files"]) == 2
    offending = _offending(lines)
    assert not offending, "\n".join(offending[:20])


@pytest.mark.skipif(STRACE is None, reason="strace not installed (apt-get install strace)")
def test_strace_check_would_catch_a_connect(tmp_path: Path) -> None:
    """The pattern above really matches an internet connect, with the same strace options."""
    log = tmp_path / "strace.log"
    code = ("import socket\ns = socket.socket()\ns.settimeout(0.2)\n"
            "try:\n    s.connect(('127.0.0.1', 9))\nexcept OSError:\n    pass\n"
            "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.sendto(b'x', ('127.0.0.1', 9))\n")
    subprocess.run([STRACE, "-f", "-qq", "--seccomp-bpf", "-e", NET_SYSCALLS, "-o", str(log),
                    sys.executable, "-c", code], capture_output=True, timeout=60)
    hits = _offending(log.read_text().splitlines())
    assert any(h.split("(")[0].split()[-1] == "connect" for h in hits), hits
    assert any(h.split("(")[0].split()[-1] == "sendto" for h in hits), hits
