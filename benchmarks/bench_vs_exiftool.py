#!/usr/bin/env python3
"""Full-corpus ``verifier scan --json`` against ``exiftool -json -a -G1`` on the same files.

Targets (BENCHMARKS.md): verifier ≤ 0.5× exiftool without OCR, ≤ 1.5× with OCR. The figure
depends on which detectors are built in: re-run after each merge.

    python benchmarks/bench_vs_exiftool.py [--repeat 3] [--repo PATH] [--python PY]
"""

from __future__ import annotations

import shutil
import sys

from _common import common_args, corpus_files, cpu, header, timed, verifier


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    args = ap.parse_args()
    exiftool = shutil.which("exiftool")
    if exiftool is None:
        print("exiftool not found: apt-get install -y libimage-exiftool-perl", file=sys.stderr)
        return 2
    files = [str(p) for p in corpus_files(args.corpus)]
    header(args, f"verifier vs exiftool on {len(files)} corpus files")
    ex, ex_all = timed([exiftool, "-json", "-a", "-G1", "-q", *files], args.repo, args.repeat)
    ex_cpu = cpu()
    print(f"exiftool -json -a -G1          {ex:7.2f} s wall {ex_cpu:7.2f} s CPU  "
          f"(runs: {', '.join(f'{t:.2f}' for t in ex_all)})")
    rows = [("verifier scan --json --no-ocr", ["--no-ocr"], 0.5), ("verifier scan --json (OCR on)", [], 1.5)]
    for label, extra, target in rows:
        t, t_all = timed(verifier(args, "scan", "--json", *extra, *files), args.repo, args.repeat)
        verdict = "meets" if t / ex <= target else "MISSES"
        print(f"{label:<30} {t:7.2f} s wall {cpu():7.2f} s CPU  (runs: {', '.join(f'{x:.2f}' for x in t_all)})  "
              f"ratio {t / ex:.2f}× wall, {cpu() / ex_cpu:.2f}× CPU  target ≤ {target}× -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
