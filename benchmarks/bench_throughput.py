#!/usr/bin/env python3
"""Batch throughput: files per second over the corpus, ``--workers 1`` against the default.

The default runs one worker process per core for the isolated detectors. The ratio shows how
much the pool gains on this machine (it can only gain where detectors are isolated).

    python benchmarks/bench_throughput.py [--repeat 3] [--no-ocr] [--photos] [--profile triage]

``--photos`` keeps the corpus's still images only (an archive sweep of photos), ``--profile``
chooses the checks (``triage``: metadata, labels and C2PA, no pixel work).
"""

from __future__ import annotations

import os
import sys

from _common import common_args, corpus_files, cpu, header, timed, verifier

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".dng", ".gif",
                  ".bmp"}


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--photos", action="store_true", help="still images only")
    ap.add_argument("--profile", default="full")
    args = ap.parse_args()
    files = [str(p) for p in corpus_files(args.corpus)
             if not args.photos or p.suffix.lower() in PHOTO_SUFFIXES]
    header(args, f"throughput on {len(files)} corpus {'photos' if args.photos else 'files'}, profile {args.profile}")
    extra = (["--no-ocr"] if args.no_ocr else []) + ["--profile", args.profile]
    results = {}
    for label, workers in (("--workers 1", ["--workers", "1"]), (f"default ({os.cpu_count()} workers)", [])):
        t, runs = timed(verifier(args, "scan", "--json", *extra, *workers, *files), args.repo, args.repeat)
        results[label] = t
        print(f"{label:<22} {t:7.2f} s wall {cpu():7.2f} s CPU  {len(files) / t:7.1f} files/s  (runs: {', '.join(f'{x:.2f}' for x in runs)})")
    one, many = results.values()
    print(f"speed-up with all cores: {one / many:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
