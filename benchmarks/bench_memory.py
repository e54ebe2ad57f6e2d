#!/usr/bin/env python3
"""Peak memory (CLI process + its worker processes) scanning a 1 GB video.

The video is a real small MP4 from the corpus followed by an ``mdat`` box that pads the file to
1 GB (a sparse hole: no disk space used), written to a temporary folder. Peak RSS is polled
from /proc over the whole process tree; each process's own peak (``VmHWM``, kept by the kernel,
so no poll can miss it) is listed too, and ``getrusage(RUSAGE_CHILDREN)`` gives the largest
single process as a cross-check. Last, the C2PA SDK's read of the video alone, in a fresh
process, with and without the paced stream (``verifier/adapters/c2pa_stream.py``) that holds
its hashing to one 256 MiB buffer at a time.

    python benchmarks/bench_memory.py [--size-gb 1]
"""

from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from _common import common_args, header, run, verifier


def make_video(path: Path, head: bytes, total: int) -> None:
    with open(path, "wb") as fh:
        fh.write(head)
        fh.write(struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", total - len(head)))
    os.truncate(path, total)


def _status_kb(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _role(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ")
    except OSError:
        return "?"
    if not cmd:
        return "?"  # a zombie: exited, not yet reaped
    if b"spawn_main" in cmd:
        return "worker"
    if b"resource_tracker" in cmd:
        return "resource tracker"
    return "cli" if b"verifier" in cmd else "other"


class ProcessPeaks(threading.Thread):
    """Every descendant of this process seen while running, with its own peak RSS (VmHWM)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, tuple[str, int]] = {}
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            todo = [os.getpid()]
            while todo:
                pid = todo.pop()
                try:
                    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
                        kids = [int(x) for x in fh.read().split()]
                except OSError:
                    kids = []
                todo.extend(kids)
                if pid != os.getpid():
                    hwm = _status_kb(pid, "VmHWM:")
                    role = _role(pid)  # read again: a child seen before its exec shows its parent's
                    last_role, last_hwm = self.peaks.get(pid, ("?", 0))
                    self.peaks[pid] = (last_role if role == "?" else role, max(hwm, last_hwm))
            self._done.wait(0.01)

    def stop(self) -> str:
        self._done.set()
        self.join()
        rows = sorted(self.peaks.values(), key=lambda r: -r[1])
        return ", ".join(f"{role} {kb / 1024:.0f} MB" for role, kb in rows if kb)


_SDK_ALONE = """
import json, sys
from pathlib import Path
from verifier.adapters import c2pa_sdk
from verifier.inputs import open_readonly
made = []
if sys.argv[2] == "paced":
    from verifier.adapters import c2pa_stream
    class Counting(c2pa_stream.PacedStream):
        def __init__(self, fh):
            super().__init__(fh)
            made.append(self)
    c2pa_sdk.PacedStream = Counting
elif hasattr(c2pa_sdk, "PacedStream"):
    c2pa_sdk.PacedStream = lambda fh: fh
ctx = c2pa_sdk.make_context(c2pa_sdk.offline_settings())
with open_readonly(Path(sys.argv[1])) as fh, c2pa_sdk.read(fh, "video/mp4", ctx) as r:
    state = r.state
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"mb": hwm / 1024, "waited": sum(m.waited for m in made), "state": state}))
"""


def sdk_alone(args, video: Path, mode: str) -> str:
    done = subprocess.run([args.python, "-c", _SDK_ALONE, str(video), mode], cwd=args.repo,
                          capture_output=True, text=True)
    if done.returncode != 0:
        return f"failed ({done.stderr.strip().splitlines()[-1:]})"
    r = json.loads(done.stdout.strip().splitlines()[-1])
    waits = f", {r['waited']} reads waited for the previous chunk's hash" if mode == "paced" else ""
    return f"{r['mb']:7.1f} MB (state {r['state']}{waits})"


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--size-gb", type=float, default=1.0)
    ap.add_argument("--seed", type=Path, default=None, help="small MP4 to pad (default: corpus video)")
    args = ap.parse_args()
    seed = args.seed or next(p for p in (args.corpus / "c2pa" / "video1.mp4", args.corpus / "c2pa" / "dashinit.mp4")
                             if p.is_file())
    header(args, f"peak memory on a {args.size_gb:g} GB MP4 ({seed.name} + padding mdat)")
    with tempfile.TemporaryDirectory(prefix="verifier-bench-") as tmp:
        video = Path(tmp) / "big.mp4"
        make_video(video, seed.read_bytes(), int(args.size_gb * (1 << 30)))
        for label, extra in (("default (process isolation)", []), ("--workers 1", ["--workers", "1"])):
            peaks = ProcessPeaks()
            peaks.start()
            r = run(verifier(args, "scan", "--json", *extra, str(video)), args.repo)
            per_process = peaks.stop()
            print(f"{label:<30} {r.seconds:6.2f} s  peak RSS tree {r.peak_tree_rss_mb:7.1f} MB  "
                  f"largest process {r.peak_single_rss_mb:7.1f} MB  processes {r.processes}  rc {r.returncode}")
            print(f"{'':<30} each process's own peak (VmHWM): {per_process}")
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss (largest descendant): {kids:.1f} MB")
        if sys.platform.startswith("linux"):
            print(f"C2PA SDK read alone, paced stream (as shipped): {sdk_alone(args, video, 'paced')}")
            print(f"C2PA SDK read alone, plain file stream:         {sdk_alone(args, video, 'plain')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
