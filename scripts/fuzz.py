#!/usr/bin/env python3
"""Fuzz the hand-written parsers for longer than the test suite does.

    python scripts/fuzz.py --minutes 10            # every target, time shared equally
    python scripts/fuzz.py --minutes 2 --target sniff

Uses the targets, seeds and mutations of ``tests/fuzz/targets.py``. A failing input (after
hypothesis has shrunk it) is written to ``tests/fuzz/crashes/<target>/<sha256-prefix>.bin``,
which the normal test suite replays from then on: fix the parser and commit both.
Exit status: 0 when nothing broke, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.fuzz.targets import CRASHES, Target, all_targets, mutated, run_one, seeds_for  # noqa: E402
from verifier import netguard  # noqa: E402

BATCH = 2000


def fuzz(target: Target, seconds: float) -> Path | None:
    seeds = seeds_for(target)
    deadline = time.monotonic() + seconds
    last: list[bytes] = []
    examples = 0

    @settings(max_examples=BATCH, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=mutated(seeds))
    def run(data: bytes) -> None:
        nonlocal examples
        examples += 1
        try:
            run_one(target, data)
        except BaseException:
            last[:] = [data]
            raise

    while time.monotonic() < deadline:
        try:
            run()
        except Exception:  # noqa: BLE001 - the shrunk failing input is in last
            traceback.print_exc()
            data = last[0]
            out = CRASHES / target.name / f"{hashlib.sha256(data).hexdigest()[:16]}.bin"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
            print(f"{target.name}: FAILED after {examples} inputs; saved {out.relative_to(ROOT)}")
            return out
    print(f"{target.name}: ok, {examples} inputs in {seconds:.0f} s")
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=5.0, help="total time budget")
    ap.add_argument("--target", default="", help="only targets whose name contains this")
    ap.add_argument("--list", action="store_true", help="list the targets and exit")
    args = ap.parse_args(argv)
    netguard.install()
    targets = [t for t in all_targets() if args.target in t.name]
    if args.list or not targets:
        for t in all_targets():
            print(t.name)
        return 0 if targets else 2
    per_target = args.minutes * 60 / len(targets)
    failed = [t.name for t in targets if fuzz(t, per_target) is not None]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
