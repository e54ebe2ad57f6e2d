"""One voice: every detail key the corpus produces has words in the catalogue.

Whether the Chinese surfaces show any English or raw key is checked, for the whole corpus and
more, by :mod:`tests.conformance.test_zh_everywhere`.
"""

from __future__ import annotations

from verifier.describe import has
from verifier.describe.signals import has_detail_label
from verifier.describe.kinds import field_label
from verifier.pipeline import FileFailed


def test_every_detail_key_in_the_corpus_has_a_label(corpus_results: dict) -> None:
    """The keys detectors write (signal details, labelled by their kinds; decoded provider codes,
    camera facts) all have words: an unknown key would otherwise reach the reader quoted as it is."""
    missing: dict[str, str] = {}
    for rel, result in corpus_results.items():
        if isinstance(result, FileFailed):
            continue
        for s in result.signals:
            for key, value in s.details.items():
                if not field_label(s.id, key, "zh") and not has_detail_label(key):  # its kind's label first
                    missing.setdefault(f"{s.id}: {key}", rel)
                if key in ("producer", "propagator") and isinstance(value, dict):
                    missing.update({f"{s.id}: {key}.{k}": rel for k in value if not has_detail_label(k)})
        for e in result.evidence:  # the facts each check records, two levels deep
            for key, value in e.facts.items() if isinstance(e.facts, dict) else ():
                if not has_detail_label(key):
                    missing.setdefault(f"facts {e.detector}: {key}", rel)
                inner = value[0] if isinstance(value, list) and value else value
                for k in inner if isinstance(inner, dict) else ():
                    if not has_detail_label(k):
                        missing.setdefault(f"facts {e.detector}: {key}.{k}", rel)
        meta = next((e for e in result.evidence if e.detector == "metadata"), None)
        camera = meta.facts.get("camera") if meta is not None else None
        for key in camera if isinstance(camera, dict) else ():
            if not has_detail_label(key):
                missing.setdefault(f"camera: {key}", rel)
    assert not missing, missing
