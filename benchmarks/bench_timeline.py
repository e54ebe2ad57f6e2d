#!/usr/bin/env python3
"""A timeline of one ``verifier scan --json`` run: every process's start, its costly imports,
each task sent to a worker and its result, the shutdown, and each process's CPU seconds.

    python benchmarks/bench_timeline.py FILE [--repo PATH] [--python PY] [-- extra scan arguments]

Marks come from an audit hook (``import`` events) installed in the command line and in each
worker through a ``sitecustomize`` module on ``PYTHONPATH`` (workers are spawned and inherit the
environment), and from wrappers around the pool's methods in the command line. Times are
milliseconds from the command line's first mark (the interpreter has started ~20 ms before).
On a shared machine the times stretch with the load (printed); the order of events and the CPU
seconds are what to compare between two checkouts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import bytecode, common_args

SITE = r'''
import os, sys, time
_fd = os.open(os.environ["VERIFIER_TIMELINE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
def mark(what):
    os.write(_fd, f"{time.time():.4f} {os.getpid()} {what}\n".encode())
mark("process start")
_WATCH = ("numpy", "cv2", "PIL", "c2pa", "onnxruntime", "rapidocr", "verifier.pipeline")
_seen = set()
def _hook(event, args):
    if event == "import" and args[0] in _WATCH and args[0] not in _seen:
        _seen.add(args[0])
        mark(f"import {args[0]}")
    elif event == "import" and args[0].startswith("verifier.detectors.") and args[0] not in _seen:
        _seen.add(args[0])
        mark(f"import {args[0]}")
sys.addaudithook(_hook)
import builtins
builtins.verifier_timeline_mark = mark
'''

DRIVER = r'''
import builtins, os, sys
mark = builtins.verifier_timeline_mark
from verifier import isolation as iso

def cpu(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def wrap(cls, name, before=None, after=None):
    original = getattr(cls, name)
    def wrapper(self, *a, **k):
        if before: before(self, *a)
        out = original(self, *a, **k)
        if after: after(self, out, *a)
        return out
    setattr(cls, name, wrapper)

wrap(iso._Worker, "__init__", after=lambda w, _o, *a: mark(f"spawned worker {w.proc.pid}"))
wrap(iso.ProcessRunner, "prepare", before=lambda r, refs, *a: mark(f"prepare {[x.rpartition('.')[2] for x in refs]}"))
wrap(iso.ProcessRunner, "prepare_another", before=lambda r, refs, *a: mark(f"prepare another {[x.rpartition('.')[2] for x in refs]}")) if hasattr(iso.ProcessRunner, "prepare_another") else None
def started(r, _o, task):
    pid = next((w.proc.pid for w in r._workers if w.task is task), "?")
    mark(f"task {task.detector} -> {pid}")
wrap(iso.ProcessRunner, "start", after=started)
def received(w, msg):
    if isinstance(msg, tuple):
        mark(f"result {msg[1].detector} {msg[1].status.name} {msg[1].ms:.0f} ms <- {w.proc.pid}")
    elif isinstance(msg, str):
        mark(f"{msg} <- {w.proc.pid}")
wrap(iso._Worker, "receive", after=lambda w, out: received(w, out))
def closing(r):
    for w in r._workers:
        mark(f"cpu worker {w.proc.pid} {cpu(w.proc.pid):.2f} s")
    mark("pool close")
wrap(iso.ProcessRunner, "close", before=closing)
from verifier import cli
code = cli.main(sys.argv[1:])
times = os.times()
mark(f"cpu command line {times.user + times.system:.2f} s; main returned {code}")
'''


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("extra", nargs="*", help="more scan arguments (after --)")
    args = ap.parse_args()
    print(f"# {bytecode(args)}; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="verifier-timeline-") as tmp:
        Path(tmp, "sitecustomize.py").write_text(SITE)
        log = Path(tmp, "timeline.log")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([tmp, str(args.repo)]), "VERIFIER_TIMELINE": str(log)}
        proc = subprocess.run([args.python, "-c", DRIVER, "scan", "--json", *args.extra, str(args.file.resolve())],
                              cwd=args.repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        rows = [line.split(" ", 2) for line in log.read_text().splitlines()]
    if not rows:
        print(proc.stderr[-2000:], file=sys.stderr)
        return 1
    t0 = float(rows[0][0])
    for t, pid, what in rows:
        print(f"{(float(t) - t0) * 1000:8.1f} ms  {pid:>7}  {what}")
    print(f"# exit code {proc.returncode}; load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
