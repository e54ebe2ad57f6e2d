"""The CLI's worker processes: none outlives the command, none writes on the user's terminal.

Orphans are caught for sure: the CLI runs under a small wrapper that makes itself a *child
subreaper* (``prctl(PR_SET_CHILD_SUBREAPER)``), so a worker left running when the CLI returns is
re-parented to the wrapper instead of to init, and is listed in its ``/proc/.../children``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="subreapers and /proc are Linux's")

# Runs ``python -m verifier ARGS`` as the child of a subreaper; MODE: "wait" (to the end),
# "interrupt" (Ctrl-C once the workers run), "close" (the reader of stdout goes away after the
# first line). Prints {"rc", "stderr", "left"}: left = processes still alive when the CLI returned.
WRAPPER = r"""
import ctypes, json, os, signal, subprocess, sys, time
mode, args = sys.argv[1], sys.argv[2:]
assert ctypes.CDLL(None).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER

def children():
    out = []
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as f:
            out += [int(p) for p in f.read().split()]
    return out

def workers_of(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return f.read().split()
    except OSError:
        return []

cli = subprocess.Popen([sys.executable, "-m", "verifier", *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, start_new_session=True)
if mode == "interrupt":
    end = time.monotonic() + 120
    while len(workers_of(cli.pid)) < 2 and time.monotonic() < end:  # the resource tracker + a worker
        time.sleep(0.05)
    time.sleep(0.2)
    os.killpg(cli.pid, signal.SIGINT)  # what the terminal does on Ctrl-C: the whole group
if mode == "close":
    cli.stdout.readline()
    cli.stdout.close()
    stderr = cli.stderr.read()
    rc = cli.wait()
else:
    _, stderr = cli.communicate()
    rc = cli.returncode
time.sleep(0.2)  # an orphan is re-parented as its parent exits; let that settle
left = []
for pid in children():
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        continue
    if state != "Z":
        left.append(cmd[:200])
    os.kill(pid, signal.SIGKILL)
for pid in children():
    os.waitpid(pid, 0)
print(json.dumps({"rc": rc, "stderr": stderr.decode(errors="replace"), "left": left}))
"""


def run_wrapped(mode: str, *args: str, timeout: float = 600) -> dict:
    proc = subprocess.run([sys.executable, "-c", WRAPPER, mode, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def complaining_mp3(folder: Path) -> Path:
    """An MP3 whose ID3v2.3 tag holds a 3-byte TIT2 frame flagged as compressed (declaring 100
    bytes once inflated), then a frame header and silence: libmpg123 writes warnings about both
    to file descriptor 2 while decoding it."""
    tag = b"TIT2" + (3).to_bytes(4, "big") + b"\x00\x80" + (100).to_bytes(4, "big")
    data = b"ID3\x03\x00\x00" + bytes([0, 0, 0, len(tag)]) + tag + b"\xff\xfb\x90\x00" + bytes(417)
    path = folder / "complains.mp3"
    path.write_bytes(data)
    path.chmod(0o444)
    return path


def test_native_library_output_becomes_evidence_not_terminal_output(tmp_path: Path) -> None:
    mp3 = complaining_mp3(tmp_path)
    digest = hashlib.sha256(mp3.read_bytes()).hexdigest()
    proc = subprocess.run([sys.executable, "-m", "verifier", "scan", "--json", "--no-ocr", str(mp3)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.stderr == "", proc.stderr
    doc = json.loads(proc.stdout)  # stdout is the JSON document and nothing else
    (file,) = doc["files"]
    printed = [m for facts in file.get("facts", {}).values() for m in facts.get("native_messages", [])]
    assert any("ID3v2" in m or "MPEG" in m for m in printed), file.get("facts")
    assert len(printed) <= 20 * len(file["facts"])
    assert hashlib.sha256(mp3.read_bytes()).hexdigest() == digest


def test_the_native_output_of_one_file_is_not_blamed_on_the_next(tmp_path: Path) -> None:
    mp3 = complaining_mp3(tmp_path)
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("plain text, nothing to decode\n")
    proc = subprocess.run([sys.executable, "-m", "verifier", "scan", "--json", "--no-ocr", "--workers", "1",
                           str(mp3), str(quiet)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.stderr == ""
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert not [k for k, v in files["quiet.txt"].get("facts", {}).items() if "native_messages" in v]


def test_no_worker_outlives_a_finished_scan(tmp_path: Path) -> None:
    mp3 = complaining_mp3(tmp_path)
    (tmp_path / "b.txt").write_text("x")
    out = run_wrapped("wait", "scan", "--json", "--no-ocr", "--workers", "2", str(tmp_path))
    assert out["rc"] == 0, out["stderr"]
    assert out["left"] == [], out
    assert mp3.exists()


def test_no_worker_outlives_ctrl_c(tmp_path: Path) -> None:
    for i in range(80):  # enough work that the scan is still running when interrupted
        complaining_mp3(tmp_path).rename(tmp_path / f"a{i}.mp3")
    out = run_wrapped("interrupt", "scan", "--no-ocr", "--workers", "2", str(tmp_path))
    assert out["left"] == [], out
    assert out["rc"] == 130, out  # interrupted: said so, and the exit code of a SIGINT
    assert "Traceback" not in out["stderr"], out["stderr"][-2000:]


def test_no_worker_outlives_a_closed_output(tmp_path: Path) -> None:
    """``verifier scan DIR | head -1``: writing the rows fails, the workers still go."""
    for i in range(20):
        complaining_mp3(tmp_path).rename(tmp_path / f"a{i}.mp3")
    out = run_wrapped("close", "scan", "--no-ocr", "--workers", "2", str(tmp_path))
    assert out["left"] == [], out
    assert "Traceback" not in out["stderr"], out["stderr"][-2000:]



def test_ctrl_c_inside_a_library_s_embedded_python_still_exits_130() -> None:
    """Ctrl-C while a library runs Python code through the C API (``PyRun_String``, as some do
    on import): CPython flags a plain KeyboardInterrupt leaving such code as unhandled for good,
    and under ``python -m`` the process then died by SIGINT even though main() had caught it and
    returned 130 (seen as a flaky Ctrl-C test). Run as ``-m``, like ``python -m verifier``."""
    proc = subprocess.run([sys.executable, "-m", "tests.hardening.ctrl_c_in_embedded_python"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 130, (proc.returncode, proc.stderr[-2000:])
    assert "interrupted" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
