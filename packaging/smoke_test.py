"""Smoke-test a built bundle with no Python on PATH but the bundle's own.

    python packaging/smoke_test.py build/dist/verifier [--corpus ../shared/corpus] [--shots DIR]

Runs the bundled CLI on a few corpus files (C2PA, GB 45438 label, watermark, visible label) and
checks their verdicts against expected.json; measures cold start of ``verifier --version``;
launches the bundled GUI offscreen long enough to render its window to a PNG.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    "c2pa/gen_ai_generated.jpg",
    "realworld/google-gemini-image-2026__huminify.png",
    "gb45438/png_itxt_xmp.png",
    "watermarks/synth_sdxl_sgm_float_bgr_1024.png",
    "labels/doubao_black_1x1_1.png",
]


def bare_env(bundle: Path, home: Path) -> dict[str, str]:
    """An environment in which only the bundle can provide Python."""
    env = {"PATH": str(bundle), "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    for key in ("DISPLAY", "XDG_RUNTIME_DIR"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle", type=Path)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--shots", type=Path, default=ROOT / "artifacts" / "bundle")
    args = ap.parse_args()
    bundle = args.bundle.resolve()
    cli, gui = bundle / "verifier", bundle / "verifier-gui"
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as home:
        env = bare_env(bundle, Path(home))

        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            out = subprocess.run([str(cli), "--version"], env=env, capture_output=True, text=True, timeout=60)
            times.append(time.perf_counter() - t0)
        print(out.stdout.strip())
        if out.returncode != 0 or "c2pa-official@" not in out.stdout:
            failures.append(f"--version: rc={out.returncode} {out.stdout} {out.stderr}")
        print(f"cold start of 'verifier --version': {min(times):.3f} s (best of 3; first {times[0]:.3f} s)")

        expected = json.loads((args.corpus / "expected.json").read_text("utf-8"))
        files = [args.corpus / c for c in CASES]
        t0 = time.perf_counter()
        out = subprocess.run([str(cli), "scan", "--json", *map(str, files)], env=env, capture_output=True,
                             text=True, timeout=600)
        print(f"bundled scan of {len(files)} corpus files: {time.perf_counter() - t0:.1f} s")
        if out.returncode != 0:
            failures.append(f"scan rc={out.returncode}: {out.stderr[-2000:]}")
        else:
            for f in json.loads(out.stdout)["files"]:
                rel = Path(f["path"]).resolve().relative_to(args.corpus.resolve()).as_posix()
                exp = expected[rel]
                ids = {s["id"] for s in f["signals"]}
                ok = f["verdict"]["code"] in exp["verdict"] and set(exp["signals"]) <= ids
                print(f"  {'ok ' if ok else 'BAD'} {rel}: {f['verdict']['code']} {sorted(ids)}")
                if not ok:
                    failures.append(f"{rel}: {f['verdict']['code']} {sorted(ids)} vs {exp}")

        args.shots.mkdir(parents=True, exist_ok=True)
        shot = args.shots / "bundle-window.png"
        shot.unlink(missing_ok=True)
        t0 = time.perf_counter()
        out = subprocess.run([str(gui), "--screenshot", str(shot), str(files[0])], env=env,
                             capture_output=True, text=True, timeout=180)
        print(f"bundled GUI rendered in {time.perf_counter() - t0:.1f} s -> {shot}")
        if out.returncode != 0 or not shot.is_file() or shot.stat().st_size < 5000:
            failures.append(f"GUI: rc={out.returncode} {out.stderr[-2000:]}")

    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size: {size / 1e6:.0f} MB in {bundle}")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    print("smoke test:", "FAILED" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
