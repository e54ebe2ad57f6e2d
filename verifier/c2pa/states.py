"""Validation status codes -> the states of LABELS.md §4, kept strictly apart.

``trusted`` / ``untrusted_signer`` / ``cert_expired`` are trust outcomes of an intact signature;
``invalid`` is tampering (data hash, signature, assertion, ingredient mismatch); ``remote`` and
``unreadable`` mean the credentials could not be validated here at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

TRUSTED = "trusted"
UNTRUSTED_SIGNER = "untrusted_signer"
CERT_EXPIRED = "cert_expired"
INVALID = "invalid"
REMOTE = "remote"
UNREADABLE = "unreadable"
INTACT = frozenset({TRUSTED, UNTRUSTED_SIGNER, CERT_EXPIRED})

UNTRUSTED_CODE = "signingCredential.untrusted"
EXPIRED_CODE = "signingCredential.expired"
# Failures about *who* signed or *when*, not about the content: never read as tampering.
# CAWG identity assertions cannot be resolved offline (DID documents, web identities).
_CREDENTIAL_ONLY = frozenset({
    UNTRUSTED_CODE,
    EXPIRED_CODE,
    "signingCredential.ocsp.skipped",
    "signingCredential.ocsp.inaccessible",
    "signingCredential.ocsp.unknown",
    "signingCredential.ocsp.notRevoked",
    "timeStamp.untrusted",
    "timeStamp.outsideValidity",
})
_CREDENTIAL_PREFIXES = ("cawg.",)
_LABEL_RE = re.compile(r"self#jumbf=/c2pa/([^/]+)")


ALTERED = "altered"  # a hash, signature or assertion no longer matches: changed after signing
CREDENTIAL = "credential"  # only the signing certificate is not valid for C2PA (e.g. a missing key usage)


def failure_kind(codes: Iterable[str]) -> str:
    """Why validation failed, in the words a reader needs: content/manifest altered, or only a
    signing certificate that is not valid for C2PA (the signature then does not count, but that
    is no proof that anything was changed)."""
    codes = list(codes)
    return CREDENTIAL if codes and all(c.startswith("signingCredential.") for c in codes) else ALTERED


def is_tampering(code: str) -> bool:
    """True for any failure code that is not only about the signer's credentials."""
    return code not in _CREDENTIAL_ONLY and not code.startswith(_CREDENTIAL_PREFIXES)


def manifest_of(url: str | None) -> str | None:
    m = _LABEL_RE.match(url or "")
    return m.group(1) if m else None


@dataclass(frozen=True)
class Failure:
    code: str
    explanation: str
    url: str
    manifest: str | None  # label of the manifest the code is about, when the URL says

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "explanation": self.explanation, "url": self.url}


@dataclass(frozen=True)
class Assessment:
    state: str
    failures: tuple[Failure, ...]
    tampering: tuple[Failure, ...]
    broken_manifests: frozenset[str] = field(default_factory=frozenset)

    def manifest_intact(self, label: str) -> bool:
        """Does a statement in this manifest rest on an intact signature bound to the asset?"""
        return self.state in INTACT and label not in self.broken_manifests


def _entries(store: dict[str, Any]) -> Iterable[dict[str, Any]]:
    yield from store.get("validation_status") or ()
    results = store.get("validation_results") or {}
    if isinstance(results, dict):
        active = results.get("activeManifest") or {}
        if isinstance(active, dict):
            yield from active.get("failure") or ()
        for delta in results.get("ingredientDeltas") or ():
            if isinstance(delta, dict):
                yield from ((delta.get("validationDeltas") or {}).get("failure") or ())


def failures(store: dict[str, Any]) -> tuple[Failure, ...]:
    seen: dict[tuple[str, str], Failure] = {}
    for e in _entries(store):
        if not isinstance(e, dict) or not isinstance(e.get("code"), str):
            continue
        url = str(e.get("url") or "")
        key = (e["code"], url)
        if key not in seen:
            seen[key] = Failure(e["code"], str(e.get("explanation") or ""), url, manifest_of(url))
    return tuple(seen.values())


def assess(store: dict[str, Any], sdk_state: str, binding_checked: bool = True) -> Assessment:
    """The state of the active manifest from the SDK's state and the failure codes.

    A ``trusted`` answer here means the SDK trusted the chain; which list vouches for it (and the
    interim end-entity list) is decided afterwards by :mod:`verifier.c2pa.trust_eval`.
    ``binding_checked`` is False for a manifest store read without its asset, whose content
    binding codes the caller has already removed.
    """
    active = store.get("active_manifest")
    fails = failures(store)
    tampering = tuple(f for f in fails if is_tampering(f.code))
    broken = frozenset(f.manifest or str(active) for f in tampering)
    if tampering:
        return Assessment(INVALID, fails, tampering, broken)
    active_codes = {f.code for f in fails if f.manifest in (None, active)}
    # Without its asset (a standalone store) the SDK's overall state is "Invalid" for the
    # missing content binding alone; the chain was trusted when no credential code says otherwise.
    chain_trusted = sdk_state == "Trusted" or (not binding_checked and sdk_state == "Invalid")
    if chain_trusted and not active_codes & {UNTRUSTED_CODE, EXPIRED_CODE}:
        state = TRUSTED
    elif EXPIRED_CODE in active_codes:
        state = CERT_EXPIRED
    else:
        state = UNTRUSTED_SIGNER
    return Assessment(state, fails, (), frozenset())
