#!/usr/bin/env python3
"""Peak memory (CLI process + its worker processes) scanning a 1 GB video.

The video is a real small MP4 from the corpus followed by an ``mdat`` box that pads the file to
1 GB (a sparse hole: no disk space used), written to a temporary folder. Peak RSS is polled
from /proc over the whole process tree; ``getrusage(RUSAGE_CHILDREN)`` gives the largest
single process as a cross-check.

    python benchmarks/bench_memory.py [--size-gb 1]
"""

from __future__ import annotations

import os
import resource
import struct
import sys
import tempfile
from pathlib import Path

from _common import common_args, header, run, verifier


def make_video(path: Path, head: bytes, total: int) -> None:
    with open(path, "wb") as fh:
        fh.write(head)
        fh.write(struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", total - len(head)))
    os.truncate(path, total)


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
            r = run(verifier(args, "scan", "--json", *extra, str(video)), args.repo)
            print(f"{label:<30} {r.seconds:6.2f} s  peak RSS tree {r.peak_tree_rss_mb:7.1f} MB  "
                  f"largest process {r.peak_single_rss_mb:7.1f} MB  processes {r.processes}  rc {r.returncode}")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss (largest descendant): {kids:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
