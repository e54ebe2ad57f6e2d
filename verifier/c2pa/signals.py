"""Signals and panel facts of the C2PA detector, built from the assessed manifest store.

``c2pa.manifest`` plus exactly one trust outcome (trusted / untrusted_signer / cert_expired) or
``c2pa.invalid``; source statements (AI, AI composite, capture) from every manifest, ``signed``
only when the manifest carrying them validates; ``c2pa.remote`` and unreadable stores apart.
"""

from __future__ import annotations

from typing import Any

from ..detectors.base import Findings as _Findings
from ..evidence import Attachment, Basis, Claim, Confidence, Signal
from . import kinds as K
from . import legacy_binding, states
from .legacy_binding import Outcome as LegacyOutcome
from .manifest_view import manifest_views, source_statements
from .trust_eval import Attribution

NAME = "c2pa"

_KIND_CLAIM = {"ai_generated": Claim.AI_GENERATED, "ai_modified": Claim.AI_MODIFIED, "capture": Claim.NONE}
_KIND_SIGNAL = {"ai_generated": K.AI_GENERATED, "ai_modified": K.AI_MODIFIED, "capture": K.CAPTURE}
_KIND_SUMMARY = {"ai_generated": "C2PA action declares AI-generated content (trainedAlgorithmicMedia)",
                 "ai_modified": "C2PA action declares content composited with AI output",
                 "capture": "C2PA action declares a digital capture"}


def remote(url: str | None) -> _Findings:
    details = K.REMOTE.make(url=url, fetched=False)
    facts: dict[str, Any] = {"state": states.REMOTE, "trust_list": None, "active_manifest": None, "remote_url": url,
             "status_codes": [], "manifests": []}
    return _Findings(signals=(Signal(K.REMOTE.id, NAME, "C2PA manifest stored remotely; not fetched (offline)",
                                    confidence=Confidence.INFO, details=details),), facts=facts)


def unreadable(message: str, summary: str = "C2PA manifest present but could not be read",
               **extra: Any) -> _Findings:
    details = K.MANIFEST.make(state=states.UNREADABLE, error=message[:500], **extra)
    facts = {"state": states.UNREADABLE, "trust_list": None, "active_manifest": None, "remote_url": None,
             "status_codes": [], "manifests": [], "error": message[:500], **extra}
    return _Findings(signals=(Signal(K.MANIFEST.id, NAME, summary, details=details),), facts=facts)


def font_unsupported(media_type: str, problem: str, alone: dict[str, Any] | None) -> _Findings:
    """A font's ``C2PA`` table: Content Credentials present; this format cannot be validated here."""
    reason = "Content Credentials are present in the font's C2PA table; this format cannot be validated here"
    extra: dict[str, Any] = {"carrier": "font:C2PA table", "format": media_type, "format_supported": False}
    if problem:
        extra["problem"] = problem[:300]
    if alone is not None:
        # The store read on its own: its signature may be intact, but nothing binds it to this font here.
        extra["manifest_store_alone"] = {**alone, "binding_checked": False}
    found = unreadable(reason, "Content Credentials present; this font format cannot be validated here", **extra)
    found.facts["reason"] = reason
    return found


def findings(store: dict[str, Any], assessment: states.Assessment, attribution: Attribution | None,
              note: str, thumbs: dict[str, str], attachments: tuple[Attachment, ...], *, tsa: str | None,
              standalone: bool, sidecar: str | None, fragments: list[str],
              legacy: LegacyOutcome | None = None) -> _Findings:
    active = store.get("active_manifest")
    state = assessment.state
    codes_by_manifest: dict[str, list[str]] = {}
    for f in assessment.failures:
        codes_by_manifest.setdefault(f.manifest or str(active), []).append(f.code)
    views = manifest_views(store, thumbs, codes_by_manifest)
    active_view = next((v for v in views if v["is_active"]), {})
    if active_view and tsa and not active_view.get("timestamp_authority"):
        active_view["timestamp_authority"] = tsa
    status_codes = [f.as_dict() for f in assessment.failures]
    facts: dict[str, Any] = {
        "state": state, "trust_list": attribution.list_name if attribution else None,
        "trust_list_label": attribution.list_label if attribution else None,
        "trusted_as": attribution.how if attribution else None,
        "active_manifest": active, "remote_url": None, "status_codes": status_codes,
        "manifests": views, "sidecar": sidecar, "fragments": fragments,
    }
    if note:
        facts["note"] = note
    base = {"active_manifest": active, "claim_generator": active_view.get("claim_generator"),
            "signer": active_view.get("signer")}
    if standalone and state != states.INVALID:
        # A manifest store without its asset: the signature may be intact, but nothing binds it
        # to any content here.
        facts.update(state=states.UNREADABLE, signer_state=state,
                     reason="standalone_store")  # a code, worded by verifier.describe ("value.reason.…")
        sig = Signal(K.MANIFEST.id, NAME, "C2PA manifest store without its asset",
                     details=K.MANIFEST.make(**base, state=states.UNREADABLE, standalone=True, signer_state=state))
        return _Findings(signals=(sig,), facts=facts, attachments=attachments)

    intact = state in states.INTACT
    signals = [Signal(K.MANIFEST.id, NAME, "C2PA manifest store read",
                      basis=Basis.SIGNED if intact else Basis.NONE,
                      details=K.MANIFEST.make(**base, state=state, manifests=len(views)))]
    if state == states.TRUSTED:
        signals.append(Signal(K.TRUSTED.id, NAME, "C2PA signer trusted",
                              details=K.TRUSTED.make(trust_list=facts["trust_list"],
                                                     trust_list_label=facts["trust_list_label"],
                                                     trusted_as=facts["trusted_as"], **base)))
    elif state == states.UNTRUSTED_SIGNER:
        signals.append(Signal(K.UNTRUSTED_SIGNER.id, NAME, "C2PA signature valid; signer not on any trust list",
                              details=K.UNTRUSTED_SIGNER.make(**base, **({"note": note} if note else {}))))
    elif state == states.CERT_EXPIRED:
        signals.append(Signal(K.CERT_EXPIRED.id, NAME,
                              "C2PA signature intact; signing certificate expired and no trusted timestamp",
                              details=K.CERT_EXPIRED.make(**base, trust_list=None)))
    else:
        kind = states.failure_kind(f.code for f in assessment.tampering)
        facts["failure"] = kind
        summary = ("C2PA validation failed: content or manifest altered" if kind == states.ALTERED else
                   "C2PA validation failed: the signing certificate is not valid for C2PA signing")
        if legacy is not None and legacy.problems:
            summary = f"{summary} ({'; '.join(legacy.problems)[:300]})"
        signals.append(Signal(K.INVALID.id, NAME, summary,
                              details=K.INVALID.make(**base, failure=kind,
                                                     status_codes=[f.as_dict() for f in assessment.tampering],
                                                     **({"legacy_check": legacy.details()} if legacy else {}))))
    if legacy is not None and legacy.ok and intact:
        sig = _legacy_signal(legacy, base, active_view)
        facts["legacy_binding"] = sig.details
        signals.append(sig)
    elif legacy is not None:
        facts["legacy_check"] = legacy.details()
    signals.extend(_source_signals(store, assessment))
    return _Findings(signals=tuple(signals), facts=facts, attachments=attachments)


def _source_signals(store: dict[str, Any], assessment: states.Assessment) -> list[Signal]:
    by_kind: dict[str, list[tuple[Any, bool]]] = {}
    for st in source_statements(store):
        by_kind.setdefault(st.kind, []).append((st, assessment.manifest_intact(st.manifest)))
    out = []
    for kind, hits in by_kind.items():
        signed = any(ok for _, ok in hits)
        claim = _KIND_CLAIM[kind]
        basis = Basis.SIGNED if signed else Basis.METADATA
        if claim is Claim.NONE:
            basis = Basis.SIGNED if signed else Basis.NONE
        first = next((st for st, ok in hits if ok), hits[0][0])
        out.append(Signal(_KIND_SIGNAL[kind].id, NAME, _KIND_SUMMARY[kind], claim=claim, basis=basis,
                          confidence=Confidence.DECLARED if claim is not Claim.NONE else Confidence.INFO,
                          details=_KIND_SIGNAL[kind].make(
                              **first.as_dict(), signature_intact=signed,
                              statements=[{**st.as_dict(), "signature_intact": ok} for st, ok in hits])))
    return out


def _legacy_signal(legacy: LegacyOutcome, base: dict[str, Any], active_view: dict[str, Any]) -> Signal:
    outside = legacy.outside or ["metadata"]
    exif = legacy.exif
    agreement = ("; it agrees with the signed values" if exif.get("compared") and exif.get("agrees")
                 else "; no signed value to compare it with" if "EXIF" in outside else "")
    return Signal(K.LEGACY_BINDING.id, NAME,
                  f"Image data as signed; this older signer left {', '.join(outside)} outside the signature"
                  f"{agreement}",
                  confidence=Confidence.INFO,
                  details=K.LEGACY_BINDING.make(**base, signed_at=active_view.get("signed_at"), **legacy.details(),
                                                exif_agrees=bool(exif.get("agrees")) if exif.get("compared") else None,
                                                covered_containers=sorted(legacy_binding.COVERED)))
