#!/usr/bin/env python3
"""Make an archive-sized set of test files from the reference corpus, for bench_archive.py.

Each output file is a corpus file followed by a few extra bytes (after the end of its container:
a run number), so every copy has its own SHA-256 while the bytes the parsers read stay the same.
The extra bytes are a change to the file all the same: a C2PA hard binding covers them, so signed
copies validate as tampered. These are throughput samples, not conformance cases.

    python benchmarks/make_archive_set.py [--count 5000] [--out /tmp/verifier-archive-set]

Files go into sub-folders of 500 (like a real archive: many folders), outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VERIFIER_SHARED", ROOT.parent / "shared")) / "corpus"
PER_FOLDER = 500


def corpus_files(corpus: Path) -> list[Path]:
    expected = json.loads((corpus / "expected.json").read_text("utf-8"))
    # The set is about throughput: skip sidecars/fragments whose meaning depends on a neighbour.
    return [corpus / rel for rel in sorted(expected) if not rel.endswith((".c2pa", ".m4s"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/verifier-archive-set"))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    if args.out.resolve().is_relative_to(ROOT):
        print("refusing to write inside the repository", file=sys.stderr)
        return 2
    sources = corpus_files(args.corpus)
    if not sources:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    data = {p: p.read_bytes() for p in sources}
    total = 0
    for n in range(args.count):
        src = sources[n % len(sources)]
        folder = args.out / f"batch{n // PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{n:07d}_{src.parent.name}_{src.name}"
        body = data[src] + b"\n%verifier-archive-set copy " + str(n).encode() + b"\n"
        target.write_bytes(body)
        total += len(body)
    print(f"wrote {args.count} files ({total / 1e9:.2f} GB) from {len(sources)} corpus files into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
