"""Fuse evidence into a verdict: pure, table-driven, the contract's rules in order.

``RULES`` is CONTRACT.md's verdict table: the first rule whose test holds gives the code, and
its ``strength`` function gives the strongest *intact* basis. A detector that failed is never
read as "nothing found": it makes an otherwise empty result ``incomplete`` and is listed in
``Verdict.unchecked`` whatever the code. An advisory check (``verifier.advisory``) that failed is
listed too, but never makes the verdict ``incomplete``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .advisory import is_advisory
from .evidence import Basis, Claim, Evidence, Signal, Status, Verdict, VerdictCode

TRUST_OUTCOMES = frozenset({"c2pa.trusted", "c2pa.untrusted_signer", "c2pa.cert_expired"})
FAILED = frozenset({Status.ERROR, Status.TIMEOUT})
UNCHECKED = FAILED | {Status.SKIPPED}


@dataclass(frozen=True, slots=True)
class Summary:
    """What the rules look at, computed once from the evidence."""

    signals: tuple[Signal, ...]
    ids: frozenset[str]
    failed: tuple[str, ...]  # provenance detectors with error/timeout (advisory ones never count)
    unchecked: tuple[str, ...]  # failed + skipped
    unsupported: bool  # the file facts say no detector understands this type

    def with_claim(self, claim: Claim) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if s.claim is claim)


def summarise(evidence: Iterable[Evidence]) -> Summary:
    ev = tuple(evidence)
    signals = tuple(s for e in ev for s in e.signals)
    unsupported = any(e.detector == "file" and e.facts.get("supported") is False for e in ev)
    return Summary(
        signals=signals,
        ids=frozenset(s.id for s in signals),
        failed=tuple(e.detector for e in ev if e.status in FAILED and not is_advisory(e.detector)),
        unchecked=tuple(e.detector for e in ev if e.status in UNCHECKED),
        unsupported=unsupported,
    )


def _strongest(signals: Iterable[Signal]) -> Basis:
    return max((s.basis for s in signals), key=lambda b: b.rank, default=Basis.NONE)


def _claimed(claim: Claim) -> tuple[Callable[[Summary], bool], Callable[[Summary], Basis]]:
    return (lambda s: bool(s.with_claim(claim))), (lambda s: _strongest(s.with_claim(claim)))


def _c2pa_unverifiable(s: Summary) -> bool:
    return "c2pa.remote" in s.ids or ("c2pa.manifest" in s.ids and not (s.ids & TRUST_OUTCOMES))


def _none(_: Summary) -> Basis:
    return Basis.NONE


@dataclass(frozen=True, slots=True)
class Rule:
    code: VerdictCode
    applies: Callable[[Summary], bool]
    strength: Callable[[Summary], Basis]
    basis_ids: Callable[[Summary], tuple[str, ...]]


def _ids_with_claim(claim: Claim) -> Callable[[Summary], tuple[str, ...]]:
    return lambda s: tuple(dict.fromkeys(x.id for x in s.with_claim(claim)))


def _ids_in(wanted: frozenset[str]) -> Callable[[Summary], tuple[str, ...]]:
    return lambda s: tuple(sorted(s.ids & wanted))


RULES: tuple[Rule, ...] = (
    Rule(VerdictCode.AI_GENERATED, *_claimed(Claim.AI_GENERATED), _ids_with_claim(Claim.AI_GENERATED)),
    Rule(VerdictCode.AI_MODIFIED, *_claimed(Claim.AI_MODIFIED), _ids_with_claim(Claim.AI_MODIFIED)),
    Rule(VerdictCode.AI_POSSIBLE, *_claimed(Claim.AI_POSSIBLE), _ids_with_claim(Claim.AI_POSSIBLE)),
    Rule(VerdictCode.CREDENTIALS_INVALID, lambda s: "c2pa.invalid" in s.ids, _none,
         _ids_in(frozenset({"c2pa.invalid"}))),
    Rule(VerdictCode.CREDENTIALS_UNVERIFIABLE, _c2pa_unverifiable, _none,
         _ids_in(frozenset({"c2pa.remote", "c2pa.manifest"}))),
    # An older signer's exclusion layout, examined and cleared (c2pa.legacy_binding), comes with a
    # trust outcome and no c2pa.invalid: signed provenance, the explanation says what lies outside.
    Rule(VerdictCode.SIGNED_PROVENANCE, lambda s: bool(s.ids & TRUST_OUTCOMES), lambda s: Basis.SIGNED,
         _ids_in(TRUST_OUTCOMES | {"c2pa.legacy_binding"})),
    Rule(VerdictCode.INCOMPLETE, lambda s: bool(s.failed) or s.unsupported, _none, lambda s: ()),
    Rule(VerdictCode.NO_SIGNALS, lambda s: True, _none, lambda s: ()),
)


def fuse(evidence: Iterable[Evidence]) -> Verdict:
    """The verdict's code, strength and basis: codes only (:mod:`verifier.describe` words them)."""
    summary = summarise(evidence)
    for rule in RULES:
        if rule.applies(summary):
            return Verdict(
                code=rule.code,
                strength=rule.strength(summary),
                unchecked=summary.unchecked,
                basis_signals=rule.basis_ids(summary),
            )
    raise AssertionError("the last rule always applies")  # pragma: no cover

