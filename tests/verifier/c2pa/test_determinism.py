"""The C2PA facts read the same on every read (the SDK's own manifest order varies)."""

from __future__ import annotations

import json

from tests.conftest import TRUST
from verifier.config import Config
from verifier.detectors.c2pa import C2paDetector
from verifier.detectors.base import Context
from verifier.inputs import identify


def test_facts_and_signals_are_identical_across_reads(corpus):
    det = C2paDetector()
    ctx = Context(config=Config(trust_dirs=(TRUST,)))
    for rel in ("realworld/google-gemini-image-8manifests-2025__huminify.png", "c2pa/CACAE-uri-CA.jpg",
                "realworld/openai-chatgpt-gpt4o-2025__example-assets.png"):
        media = identify(corpus / rel)
        seen = set()
        for _ in range(6):
            f = det.run(media, ctx)
            seen.add(json.dumps([f.facts, [s.details for s in f.signals]], sort_keys=True, default=str))
        assert len(seen) == 1, rel
