#!/usr/bin/env python3
"""``verifier scan --json`` against ``exiftool -json -a -G1`` on the same files, interleaved.

Each round runs exiftool and then every verifier variant once, so the ratios are taken pair by
pair under the same load (on a shared machine the load moves between rounds); the medians of the
per-round ratios are printed. Targets (BENCHMARKS.md): the full analysis (OCR on) ≤ 1.5×, the
triage profile ≤ 0.5×; one photo ≤ 0.8 s wall (``--photo``).

    python benchmarks/bench_vs_exiftool.py [--repeat 3] [--photo PATH] [--repo PATH] [--python PY]

Ends with Markdown rows for BENCHMARKS.md (target, commands, paired result with both tools'
figures from the same rounds, load average, status), after the machine line (CPU model, vector
flags, Python, exiftool version).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import common_args, corpus_files, header, verifier

ROWS: list[str] = []  # Markdown rows for BENCHMARKS.md, printed at the end

VARIANTS = (  # label, extra CLI arguments, target ratio (None: for information)
    ("verifier scan --json --profile triage", ["--profile", "triage"], 0.5),
    ("verifier scan --json --no-ocr", ["--no-ocr"], None),
    ("verifier scan --json (full, OCR on)", [], 1.5),
)


def once(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU (user+sys of the whole process tree) of one run."""
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)


def compare(args, files: list[str], exiftool: str, variants, what: str = "FILES") -> None:
    base = [exiftool, "-json", "-a", "-G1", "-q", *files]
    runs: dict[str, list[tuple[float, float]]] = {"exiftool": []}
    ratios: dict[str, list[tuple[float, float]]] = {}
    loads = []
    for _ in range(args.repeat):
        loads.append(os.getloadavg()[0])
        ex = once(base, args.repo)
        runs["exiftool"].append(ex)
        for label, extra, _target in variants:
            v = once(verifier(args, "scan", "--json", *extra, *files), args.repo)
            runs.setdefault(label, []).append(v)
            ratios.setdefault(label, []).append((v[0] / ex[0], v[1] / max(ex[1], 1e-9)))
    med = statistics.median
    ex_wall, ex_cpu = med(w for w, _ in runs["exiftool"]), med(c for _, c in runs["exiftool"])
    print(f"load average during the rounds: {', '.join(f'{x:.1f}' for x in loads)}")
    print(f"{'exiftool -json -a -G1':<42} {ex_wall:7.2f} s wall {ex_cpu:7.2f} s CPU")
    for label, _extra, target in variants:
        w, c = med(x for x, _ in runs[label]), med(x for _, x in runs[label])
        rw, rc = med(r for r, _ in ratios[label]), med(r for _, r in ratios[label])
        # a ratio target (×exiftool), or an absolute one given as a string of seconds ("0.8")
        met = None if target is None else (w <= float(target) if isinstance(target, str) else rw <= target)
        goal = "" if target is None else (f" ≤ {target} s wall" if isinstance(target, str) else f" ≤ {target}× exiftool")
        verdict = "" if met is None else f"  target{goal} -> {'meets' if met else 'MISSES'}"
        print(f"{label:<42} {w:7.2f} s wall {c:7.2f} s CPU  paired ratio {rw:.2f}× wall, {rc:.2f}× CPU{verdict}")
        command = " ".join(["verifier scan --json", *_extra_of(variants, label), what])
        status = "for information" if met is None else ("met" if met else "missed")
        ROWS.append(f"| {label.replace('verifier scan --json', '').strip() or 'full'}{goal} | `{command}` vs "
                    f"`exiftool -json -a -G1 -q {what}` | **{rw:.2f}× wall, {rc:.2f}× CPU** (A {w:.2f} s wall / "
                    f"{c:.2f} s CPU, B {ex_wall:.2f} s / {ex_cpu:.2f} s), {len(ratios[label])} pairs | "
                    f"{min(loads):.1f}–{max(loads):.1f} | {status} |")


# The advisory pixel views that run only on files that declare nothing (a C2PA photo skips them).
COSTLY_ADVISORY = ("copy_move", "forensic_views", "forensic_faces")


def _find_photo(photo: Path, corpus: Path) -> Path:
    """A path, or the name of a corpus file (found under the corpus folder)."""
    if photo.exists():
        return photo
    found = sorted(corpus.rglob(photo.name))
    if not found:
        raise SystemExit(f"no such photo: {photo} (nor under {corpus})")
    return found[0]


def _extra_of(variants, label: str) -> list[str]:
    return next(extra for lab, extra, _t in variants if lab == label)


def exiftool_version(exiftool: str) -> str:
    out = subprocess.run([exiftool, "-ver"], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def main() -> int:
    ap = common_args(__doc__.splitlines()[0])
    ap.add_argument("--photo", type=Path, help="also compare one photo (target ≤ 0.8 s wall)")
    ap.add_argument("--only", choices=("triage", "no-ocr", "full", "photo"), action="append",
                    help="run only these corpus variants (repeatable; 'photo': only the --photo comparison)")
    args = ap.parse_args()
    exiftool = shutil.which("exiftool")
    if exiftool is None:
        print("exiftool not found: apt-get install -y libimage-exiftool-perl", file=sys.stderr)
        return 2
    files = [str(p) for p in corpus_files(args.corpus)]
    header(args, f"verifier vs exiftool on {len(files)} corpus files, {args.repeat} interleaved rounds")
    keys = {"triage": 0, "no-ocr": 1, "full": 2}
    variants = [VARIANTS[keys[k]] for k in args.only or keys if k in keys]
    print(f"exiftool {exiftool_version(exiftool)}")
    if variants:
        compare(args, files, exiftool, variants, f"FILES ({len(files)} corpus files)")
    if args.photo:
        photo = _find_photo(args.photo, args.corpus)
        print(f"\none photo: {photo.name}")
        compare(args, [str(photo)], exiftool, [
            ("verifier scan --json (one photo, full)", [], "0.8"),
            ("verifier scan --json (one photo, without the three costly advisory views)",
             [a for name in COSTLY_ADVISORY for a in ("--disable", name)], "0.8"),
            ("verifier scan --json --profile triage", ["--profile", "triage"], None)], photo.name)
    print("\n| target | command (A) vs (B) | result (median of pairs) | load | status |")
    print("|---|---|---|---|---|")
    for row in ROWS:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
