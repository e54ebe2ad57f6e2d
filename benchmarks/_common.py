"""Shared helpers for the benchmarks: run the CLI, time it, watch its process tree's memory.

Benchmarks are scripts, not tests: they print measured figures and ratios from one run on the
machine at hand. Run them from anywhere; ``--repo`` points at the checkout to measure (default:
this one), ``--python`` at its interpreter.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = Path(os.environ.get("VERIFIER_SHARED", REPO.parent / "shared")) / "corpus"


def common_args(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout to measure (default: this one)")
    ap.add_argument("--python", default=sys.executable, help="interpreter with the dependencies")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median is kept)")
    ap.add_argument("--no-compile", dest="compile", action="store_false",
                    help="do not compile the measured checkout's bytecode first (see bytecode())")
    return ap


def bytecode(args: argparse.Namespace) -> str:
    """Compile the measured checkout's ``verifier`` package to ``__pycache__`` first, as
    installing a wheel does. A source checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (or never
    compiled) otherwise has every process (the CLI and each worker) compile the sources it
    imports: about 0.25 s per process on a 2-core EPYC, counted in every figure. Returns what
    was done, for the header."""
    if not getattr(args, "compile", True):
        return "not compiled ahead (--no-compile): each process may compile its sources"
    done = subprocess.run([args.python, "-m", "compileall", "-q", str(args.repo / "verifier")],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return f"compiling failed (exit {done.returncode}): figures include compiling the sources"
    return "verifier/ compiled ahead to __pycache__ (as an installed wheel is)"


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "expected.json"
                  and not any(part.startswith(".") for part in p.parts))


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_tree_rss_mb: float  # peak of the summed RSS of the process and all its descendants
    peak_single_rss_mb: float  # peak RSS of any one process of the tree
    processes: int  # distinct processes seen in the tree
    stdout: bytes


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd: list[str], cwd: Path, poll: float = 0.01, env: dict | None = None) -> Run:
    """Run ``cmd``; poll /proc for the RSS of its whole process tree (Linux)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    peak_tree = peak_one = 0
    seen: set[int] = set()
    chunks: list[bytes] = []
    os.set_blocking(proc.stdout.fileno(), False)  # type: ignore[union-attr]
    while proc.poll() is None:
        tree, todo = [], [proc.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(_children(pid))
        seen.update(tree)
        rss = [_rss_kb(p) for p in tree]
        peak_tree = max(peak_tree, sum(rss))
        peak_one = max(peak_one, max(rss, default=0))
        data = proc.stdout.read()  # type: ignore[union-attr]
        if data:
            chunks.append(data)
        time.sleep(poll)
    seconds = time.perf_counter() - start
    rest = proc.stdout.read()  # type: ignore[union-attr]
    if rest:
        chunks.append(rest)
    return Run(seconds, proc.returncode, peak_tree / 1024, peak_one / 1024, len(seen), b"".join(chunks))


CPU_TIMES: dict[str, float] = {}  # label -> median CPU seconds (user+sys) of the last timed()


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def timed(cmd: list[str], cwd: Path, repeat: int, env: dict | None = None) -> tuple[float, list[float]]:
    """Median wall time of ``repeat`` runs; the median CPU time (process tree) goes to CPU_TIMES.

    On a shared machine wall time is inflated by other load; CPU time (user+sys of the command
    and every descendant) is not, and is printed next to it.
    """
    times, cpus = [], []
    for _ in range(repeat):
        cpu0 = _children_cpu()
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       env={**os.environ, **(env or {})})
        times.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu0)
    CPU_TIMES["last"] = statistics.median(cpus)
    return statistics.median(times), times


def cpu() -> float:
    return CPU_TIMES["last"]


def verifier(args: argparse.Namespace, *cli: str) -> list[str]:
    return [args.python, "-m", "verifier", *cli]


def detectors_on(args: argparse.Namespace) -> list[str]:
    code = "from verifier.detectors import BUILTIN_DETECTORS as B; print(' '.join(d.name for d in B))"
    out = subprocess.run([args.python, "-c", code], cwd=args.repo, capture_output=True, text=True)
    return out.stdout.split()


SIMD_FLAGS = ("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16",
              "amx_tile", "sha_ni", "neon", "asimd")


def machine() -> str:
    """CPU model, cores and the vector flags that decide OCR's and OpenCV's speed (Linux: from
    /proc/cpuinfo), the Python version and the load average: the row every figure needs."""
    model, flags = "unknown CPU", set()
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                key = key.strip()
                if key in ("model name", "Hardware") and model == "unknown CPU":
                    model = value.strip()
                elif key in ("flags", "Features") and not flags:
                    flags = set(value.split())
    except OSError:
        import platform

        model = platform.processor() or platform.machine()
    have = [f for f in SIMD_FLAGS if f in flags]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{model}, {os.cpu_count()} logical cores, flags: {' '.join(have) or 'n/a'}; "
            f"Python {sys.version.split()[0]}; load average {load}")


def header(args: argparse.Namespace, what: str) -> None:
    rev = subprocess.run(["git", "-C", str(args.repo), "log", "-1", "--format=%h %s"], capture_output=True,
                         text=True).stdout.strip()
    print(f"# {what}")
    print(f"repo: {args.repo} @ {rev}")
    print(f"detectors: {' '.join(detectors_on(args))}")
    print(f"machine: {machine()}")
    print(f"bytecode: {bytecode(args)}")
