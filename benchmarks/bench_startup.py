#!/usr/bin/env python3
"""Cold start: ``verifier --version`` (target < 0.3 s), and what importing the CLI costs.

    python benchmarks/bench_startup.py [--repeat 7]
"""

from __future__ import annotations

import sys

from _common import common_args, cpu, header, timed, verifier


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.set_defaults(repeat=7)
    args = ap.parse_args()
    header(args, "cold start")
    base, _ = timed([args.python, "-c", "pass"], args.repo, args.repeat)
    base_cpu = cpu()
    t, runs = timed(verifier(args, "--version"), args.repo, args.repeat)
    print(f"python -c pass             {base:6.3f} s wall  {base_cpu:6.3f} s CPU")
    print(f"verifier --version         {t:6.3f} s wall  {cpu():6.3f} s CPU  (runs: {', '.join(f'{x:.3f}' for x in runs)})  "
          f"target < 0.3 s -> {'meets' if t < 0.3 else 'MISSES'}; {t / base:.1f}× a bare interpreter")
    return 0


if __name__ == "__main__":
    sys.exit(main())
