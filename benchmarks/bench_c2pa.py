"""C2PA detector cost against raw c2pa-python reads over the corpus, in the same run.

    /tmp/venv0/bin/python benchmarks/bench_c2pa.py [--rounds 5] [--shared ../shared]

Baselines, both with the offline settings (the SDK defaults would go online):
- ``raw``: ``c2pa.Reader(fmt, stream, context).json()`` without trust anchors;
- ``raw+trust``: the same with every trust list loaded (what validation really costs).
For comparison, ``per-list`` is the design not taken: one SDK read per signer list (each with
the TSA list), which is how a read tells official from interim trust without the chain check.
The detector time is ``C2paDetector.run`` warm (trust material and contexts cached, as in a
long-lived worker). Each figure is the sum over files of the per-file best of ``--rounds`` runs
(the machine is shared: the minimum is the least noisy estimate of the cost itself).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier.adapters import c2pa_sdk as sdk  # noqa: E402
from verifier.config import Config  # noqa: E402
from verifier.detectors.base import Context, DetectorFailure, NotApplicable  # noqa: E402
from verifier.detectors.c2pa import C2paDetector  # noqa: E402
from verifier.inputs import identify, open_readonly  # noqa: E402
from verifier.trust import discover  # noqa: E402
from verifier.trust.material import load  # noqa: E402

EXTRA = ["labels/firefly-1.png", "labels/flux-1.jpg", "labels/flux-1.png", "labels/samsung_black_1.png",
         "watermarks/real_trustmark_plus_c2pa_example_wm_signed.jpg"]


def corpus_files(corpus: Path) -> list[Path]:
    files = [p for d in ("c2pa", "realworld") for p in sorted((corpus / d).iterdir()) if p.is_file()]
    return files + [corpus / rel for rel in EXTRA if (corpus / rel).is_file()]


def raw_read(media_type: str, path: Path, context: object) -> None:
    import c2pa

    with open_readonly(path) as fh:
        try:
            reader = c2pa.Reader(media_type, fh, context=context)
        except c2pa.C2paError:
            return
        try:
            reader.json()
            reader.get_validation_state()
        finally:
            reader.close()


def detector_run(det: C2paDetector, media: object, ctx: Context) -> None:
    try:
        det.run(media, ctx)  # type: ignore[arg-type]
    except (NotApplicable, DetectorFailure):
        pass


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    corpus, trust, certs = args.shared / "corpus", args.shared / "trust", args.shared / "certs"
    config = Config(trust_dirs=(trust,), user_anchors=(certs / "test_cert_root_bundle.pem",))
    ctx = Context(config)
    det = C2paDetector()
    material = load(discover(config.trust_dirs, config.user_anchors))
    plain = sdk.make_context(sdk.offline_settings())
    trusted = sdk.make_context(sdk.offline_settings(material.combined_pem, material.trust_config))

    medias = [identify(p) for p in corpus_files(corpus)]
    medias = [m for m in medias if det.applies_to(m)]
    per_list = [det._context(material, lst.name) for lst in material.signer_lists]

    def one_read_per_list(m: object) -> None:
        for c in per_list:
            raw_read(m.media_type, m.path, c)  # type: ignore[attr-defined]

    jobs = {
        "raw": lambda m: raw_read(m.media_type, m.path, plain),
        "raw+trust": lambda m: raw_read(m.media_type, m.path, trusted),
        "detector": lambda m: detector_run(det, m, ctx),
        "per-list": one_read_per_list,
    }
    for job in jobs.values():  # warm-up: import, native library, contexts, trust material
        for m in medias:
            job(m)
    times: dict[str, dict[Path, list[float]]] = {k: {m.path: [] for m in medias} for k in jobs}
    for _ in range(args.rounds):
        for m in medias:
            for name, job in jobs.items():  # interleaved so that machine noise hits all three
                t0 = time.perf_counter()
                job(m)
                times[name][m.path].append(time.perf_counter() - t0)
    total = {k: sum(min(v) for v in per.values()) * 1000 for k, per in times.items()}
    print(f"files: {len(medias)}  rounds: {args.rounds}")
    for k, ms in total.items():
        print(f"{k:>10}: {ms:8.1f} ms  ({ms / len(medias):.2f} ms/file)")
    print(f"detector / raw       = {total['detector'] / total['raw']:.3f}")
    print(f"detector / raw+trust = {total['detector'] / total['raw+trust']:.3f}")
    print(f"per-list / raw+trust = {total['per-list'] / total['raw+trust']:.3f}  (reads only, no attribution)")
    worst = sorted(((min(times['detector'][p]) / max(1e-9, min(times['raw+trust'][p])), p.name)
                    for p in times["detector"]), reverse=True)[:5]
    print("largest per-file ratios vs raw+trust:", ", ".join(f"{n} {r:.2f}" for r, n in worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
