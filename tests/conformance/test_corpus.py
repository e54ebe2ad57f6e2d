"""Corpus conformance: every file of ../shared/corpus against expected.json.

The whole corpus is analysed once per session through the real pipeline (worker processes,
trust lists from ../shared/trust, the public test root as a user anchor). Each file is a test
case: its verdict must be in the accepted list, required signals present, forbidden ones
absent. ``NOT_YET`` lists the cases that cannot pass until a detector lands; they are strict
xfails, so a case that starts passing fails the run until it is removed from the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from verifier.pipeline import FileFailed

# The session's corpus scan (every detector, text recognition and the forensic checks included)
# runs inside the first test: 8-12 min on a loaded two-core machine, past the suite's 300 s.
pytestmark = pytest.mark.timeout(1800)

# Cases waiting for a detector, by the issue that brings it. Shrink, never grow.
NOT_YET: dict[str, str] = {}

_EXPECTED = json.loads((CORPUS / "expected.json").read_text("utf-8")) if (CORPUS / "expected.json").is_file() else {}


def _params():
    for rel in sorted(_EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=NOT_YET[rel])] if rel in NOT_YET else []
        yield pytest.param(rel, marks=marks, id=rel)


def check(rel: str, result: object, exp: dict) -> list[str]:
    if isinstance(result, FileFailed):
        return [f"could not be read: {result.message}"]
    problems = []
    code = str(result.verdict.code)
    if code not in exp["verdict"]:
        problems.append(f"verdict {code} not in {exp['verdict']}")
    ids = {s.id for s in result.signals}
    missing = [s for s in exp.get("signals", []) if s not in ids]
    if missing:
        problems.append(f"missing signals {missing}")
    present = [s for s in exp.get("absent", []) if s in ids]
    if present:
        problems.append(f"forbidden signals present {present}")
    return problems


@pytest.mark.corpus
@pytest.mark.parametrize("rel", list(_params()))
def test_corpus_file(rel: str, corpus_results: dict, expected: dict) -> None:
    result = corpus_results.get(rel)
    assert result is not None, f"{rel} produced no result"
    problems = check(rel, result, expected[rel])
    errors = [f"{e.detector}: {e.status} {e.error}" for e in getattr(result, "evidence", ())
              if str(e.status) in ("error", "timeout")]
    assert not problems, f"{rel}: {'; '.join(problems)} (failed checks: {errors})"


@pytest.mark.corpus
def test_corpus_agreement(corpus_results: dict, expected: dict, capsys: pytest.CaptureFixture) -> None:
    """Prints the agreement figure (``corpus: N/98``); fails only if a file produced nothing."""
    agree = sum(1 for rel, exp in expected.items() if rel in corpus_results
                and not check(rel, corpus_results[rel], exp))
    with capsys.disabled():
        print(f"\ncorpus: {agree}/{len(expected)} files agree with expected.json "
              f"({len(NOT_YET)} listed as not yet supported)")
    assert set(corpus_results) == set(expected)
