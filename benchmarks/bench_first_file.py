"""Time from drop to verdict for the first file in a freshly started app (GUI-like Scanner).

Two times per file: the verdict (the first VerdictReady, sent once only advisory checks are left,
else the FileDone) — what the window shows first — and every check done (FileDone).

    python benchmarks/bench_first_file.py [--idle 5] [FILES...]

A Scanner is started as the GUI starts one (events drained on a thread, waiting for files),
left idle for ``--idle`` seconds (a user finding the file to drop), then given one file; the
time to its FileDone is printed, with and without the idle workers preparing the detectors
(``Scanner(prepare=True)``, the GUI's setting). Each run is a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import CORPUS, REPO, bytecode, machine  # noqa: E402

CHILD = textwrap.dedent("""
    import sys, threading, time, json
    from verifier.config import Config
    from verifier.pipeline import FileDone, Scanner, VerdictReady
    path, prepare, idle = sys.argv[1], sys.argv[2] == "1", float(sys.argv[3])
    done = threading.Event(); out = {}
    scanner = Scanner(Config(), prepare=prepare)
    def drain():
        for ev in scanner.events(until_idle=False):
            if isinstance(ev, VerdictReady | FileDone) and "v" not in out:
                out["v"] = time.monotonic()
            if isinstance(ev, FileDone):
                out["t"] = time.monotonic(); out["verdict"] = str(ev.report.verdict.code); done.set()
    threading.Thread(target=drain, daemon=True).start()
    time.sleep(idle)
    t0 = time.monotonic(); scanner.submit([path]); done.wait(120)
    print(json.dumps({"seconds": out["v"] - t0, "all": out["t"] - t0, "verdict": out["verdict"]}))
    scanner.close()
""")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", type=Path, default=REPO)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--idle", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-compile", dest="compile", action="store_false",
                    help="do not compile the measured checkout's bytecode first (_common.bytecode)")
    ap.add_argument("files", nargs="*", type=Path,
                    default=[CORPUS / "labels" / "jimeng_cap_A.png", CORPUS / "c2pa" / "C.jpg",
                             CORPUS / "realworld" / "nikon-z9-2022__public-testfiles.jpeg",
                             CORPUS / "realworld" / "openai-sora-video-2026__huminify.mp4"])
    args = ap.parse_args()
    rev = subprocess.run(["git", "-C", str(args.repo), "log", "-1", "--format=%h"], capture_output=True,
                         text=True).stdout.strip()
    print(f"# first file after {args.idle:g} s idle; repo {args.repo} @ {rev}")
    print(f"# machine: {machine()}")
    print(f"# {bytecode(args)}")
    env = {**os.environ, "PYTHONPATH": str(args.repo)}
    for f in args.files:
        row = []
        for prepare in ("0", "1"):
            runs = []
            for _ in range(args.repeat):
                res = subprocess.run([args.python, "-c", CHILD, str(f), prepare, str(args.idle)], cwd=args.repo,
                                     env=env, capture_output=True, text=True, timeout=300)
                runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
            row.append((statistics.median(r["seconds"] for r in runs), statistics.median(r["all"] for r in runs),
                        runs[0]["verdict"]))
        print(f"{f.name:48s} verdict: no prepare {row[0][0]:5.2f} s, prepared {row[1][0]:5.2f} s   "
              f"all checks: {row[0][1]:5.2f} s / {row[1][1]:5.2f} s   ({row[1][2]}; load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
