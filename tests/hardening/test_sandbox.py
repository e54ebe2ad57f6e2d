"""verifier.sandbox: a worker's own network namespace, and a truthful account when there is none."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# In a fresh interpreter (single-threaded, as a worker is when it isolates itself): isolate, then
# try the network with the C-level socket module, which the in-process guard does not patch.
ATTEMPT = r"""
import _socket, errno, json, sys
from verifier.sandbox import isolate
state = isolate()
out = {"enforced": state.enforced, "how": state.how, "describe": state.describe()}
for family, addr in ((_socket.AF_INET, ("192.0.2.1", 9)), (_socket.AF_INET6, ("2001:db8::1", 9))):
    s = _socket.socket(family, _socket.SOCK_DGRAM)
    try:
        s.connect(addr)
        out[str(family)] = "connected"
    except OSError as exc:
        out[str(family)] = errno.errorcode.get(exc.errno, str(exc.errno))
    s.close()
try:
    _socket.getaddrinfo("example.com", 443)
    out["dns"] = "resolved"
except OSError:
    out["dns"] = "failed"
with open(sys.argv[1], "rb") as f:  # the same files stay readable
    out["read"] = len(f.read(16))
print(json.dumps(out))
"""


def attempt(env: dict[str, str]) -> dict:
    full = {k: v for k, v in os.environ.items() if k != "VERIFIER_SANDBOX"}
    proc = subprocess.run([sys.executable, "-c", ATTEMPT, str(ROOT / "pyproject.toml")], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env={**full, **env})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="network namespaces are Linux's")
def test_an_isolated_process_reaches_no_address_and_still_reads_its_files() -> None:
    out = attempt({})
    if not out["enforced"]:
        pytest.skip(f"this machine grants no network namespace: {out['how']}")
    assert out["describe"].startswith("none (OS-enforced: ") and "namespace" in out["how"]
    assert out[str(2)] == "ENETUNREACH" and out["dns"] == "failed", out  # AF_INET
    assert out[str(10)] in ("ENETUNREACH", "EADDRNOTAVAIL"), out  # AF_INET6
    assert out["read"] == 16


def test_switching_the_namespace_off_is_said_so() -> None:
    out = attempt({"VERIFIER_SANDBOX": "off"})
    assert not out["enforced"]
    assert out["describe"] == "blocked in-process only (OS isolation switched off by VERIFIER_SANDBOX=off)"


def test_a_refusing_kernel_is_reported_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    from verifier import sandbox

    monkeypatch.delenv("VERIFIER_SANDBOX", raising=False)
    monkeypatch.setattr(sandbox.sys, "platform", "linux")
    monkeypatch.setattr(sandbox, "_threads", lambda: 1)
    monkeypatch.setattr(sandbox, "_unshare", lambda flags: 1)  # EPERM, as a locked-down kernel answers
    state = sandbox.isolate()
    assert not state.enforced
    assert "refused: " + os.strerror(1) in state.how
    assert state.describe().startswith("blocked in-process only (")


def test_a_threaded_process_is_not_moved(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLONE_NEWUSER needs a single-threaded caller: with threads, the reason is given."""
    import threading

    from verifier import sandbox

    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    monkeypatch.delenv("VERIFIER_SANDBOX", raising=False)

    def never(flags: int) -> int:  # this test process must never be moved, whatever happens
        raise AssertionError("unshare attempted in a threaded process")

    monkeypatch.setattr(sandbox, "_unshare", never)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        state = sandbox.isolate()
    finally:
        stop.set()
        t.join()
    assert not state.enforced and "threads" in state.how


def test_other_systems_say_there_is_no_namespace(monkeypatch: pytest.MonkeyPatch) -> None:
    from verifier import sandbox

    monkeypatch.delenv("VERIFIER_SANDBOX", raising=False)
    monkeypatch.setattr(sandbox.sys, "platform", "darwin")
    assert sandbox.isolate().describe() == "blocked in-process only (no network namespaces on darwin)"
