"""Typed signal kinds against the real corpus: every signal and indicator the detectors emit has a
declared kind, and every detail key it carries is a field of that kind (labelled in both languages)."""

from __future__ import annotations

import pytest

from verifier.detectors import kinds

pytestmark = pytest.mark.timeout(1800)  # shares the session's corpus scan (tests/conformance/conftest.py)


@pytest.mark.corpus
def test_every_emitted_id_and_detail_key_is_declared(corpus_results: dict[str, object]) -> None:
    declared = kinds()
    seen: dict[str, set[str]] = {}
    for report in corpus_results.values():
        for finding in (*getattr(report, "signals", ()), *getattr(report, "indicators", ())):
            seen.setdefault(finding.id, set()).update(finding.details)
    assert len(seen) >= 15, sorted(seen)  # the corpus exercises most kinds
    undeclared = sorted(set(seen) - set(declared))
    assert not undeclared, f"signal ids without a declared kind: {undeclared}"
    for sid, keys in seen.items():
        fields = {f.key for f in declared[sid].details.field_info()}
        assert keys <= fields, f"{sid}: detail keys not declared by its kind: {sorted(keys - fields)}"
