"""A stand-in isolated detector for bench_archive.py: prices the isolation round trip.

``ReadsEverything`` runs in a detector worker process (``isolated = True``), reads the whole file
through ``open_readonly`` and scans it for the JUMBF box type C2PA uses, as a container parser
would: the cost of one real parser pass without any library behind it. Never registered as a
built-in; only the benchmark adds it (``--detector benchmarks.probe_detectors:ReadsEverything``).
"""

from __future__ import annotations

from verifier.detectors.base import Context, Findings
from verifier.evidence import MediaFile
from verifier.inputs import CHUNK, open_readonly


class ReadsEverything:
    name = "probe_read"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        hits = 0
        with open_readonly(media.path) as fh:
            while chunk := fh.read(CHUNK):
                hits += chunk.count(b"jumb")
        return Findings(facts={"jumb_boxes": hits})
