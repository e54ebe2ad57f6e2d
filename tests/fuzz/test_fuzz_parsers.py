"""Bounded property-based fuzzing of the hand-written parsers (a few seconds per target).

Every target from :mod:`tests.fuzz.targets` gets corpus-seeded, structurally mutated inputs
(bit flips, truncations, absurd length fields, duplicated slices) and random bytes. Longer runs:
``python scripts/fuzz.py --minutes 10``. Any input that broke a parser is kept under
``tests/fuzz/crashes/<target>/`` and replayed below as a regression test.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import CRASHES, Target, all_targets, mutated, run_one, seeds_for

TARGETS = all_targets()
CI_SETTINGS = settings(
    max_examples=60,
    deadline=timedelta(seconds=2),
    database=None,  # nothing written into the tree; scripts/fuzz.py keeps what it finds
    derandomize=True,  # the same inputs on every run: a CI failure always reproduces
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_parser_survives_mutated_input(target: Target) -> None:
    seeds = seeds_for(target)
    start = time.monotonic()

    @CI_SETTINGS
    @given(data=mutated(seeds))
    def run(data: bytes) -> None:
        run_one(target, data)

    run()
    assert time.monotonic() - start < 30, "keep the bounded fuzz run short"


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_parser_survives_every_seed(target: Target) -> None:
    for seed in seeds_for(target):
        run_one(target, seed)


def _regressions() -> list[tuple[Target, str, bytes]]:
    by_name = {t.name: t for t in TARGETS}
    out = []
    for path in sorted(CRASHES.glob("*/*.bin")):
        target = by_name.get(path.parent.name)
        if target is not None:
            out.append((target, path.name, path.read_bytes()))
    return out


REGRESSIONS = _regressions()


def test_fuzz_regressions() -> None:
    """Every input that once broke a parser (tests/fuzz/crashes/<target>/*.bin) still passes."""
    for target, name, data in REGRESSIONS:
        try:
            run_one(target, data)
        except Exception as exc:  # noqa: BLE001 - name the input that regressed
            raise AssertionError(f"{target.name}/{name}: {exc!r}") from exc


def test_every_declared_target_is_callable() -> None:
    assert TARGETS, "at least sniff_bytes is fuzzed"
    for t in TARGETS:
        assert callable(t.func), t.name
    # the mutation strategy itself produces bytes
    @settings(max_examples=20, database=None, derandomize=True)
    @given(st.data())
    def produce(data: st.DataObject) -> None:
        assert isinstance(data.draw(mutated([b"\x89PNG\r\n\x1a\n", b""])), bytes)

    produce()


@pytest.mark.parametrize("head,media_type", [
    (b"\x89", "application/octet-stream"),  # found by the hostile-input run: was text/plain
    (b"\x89PN", "application/octet-stream"),
    (b"\xc3\x28 invalid continuation", "application/octet-stream"),
    ("plain text, then a cut é".encode()[:-1], "text/plain"),  # a multibyte char cut by the head
    ("中文".encode() * 2000, "text/plain"),
])
def test_sniff_text_regressions(head: bytes, media_type: str) -> None:
    from verifier.formats.sniff import HEAD_SIZE, sniff_bytes

    assert sniff_bytes(head[:HEAD_SIZE]).media_type == media_type
