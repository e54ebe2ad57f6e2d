"""What an archive sweep found: counts per verdict, signal, GB 45438 provider, C2PA signer.

Records are read defensively: detectors evolve, and every string in a record came from the
files examined (attacker-controlled). Values are clipped and never interpreted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..textsafe import for_terminal

MAX_VALUE = 120


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    s = str(value).strip()
    return s[:MAX_VALUE] if s else None


def provider_codes(rec: dict[str, Any]) -> list[str]:
    """GB 45438 ContentProducer values of a record's ``gb45438.label`` signals."""
    out = []
    for sig in _signals(rec):
        if sig.get("id") != "gb45438.label":
            continue
        details = sig["details"] if isinstance(sig.get("details"), dict) else {}
        value = _text(details.get("ContentProducer"))
        if value is None:
            producer = details.get("producer")
            if isinstance(producer, dict):
                value = _text(producer.get("code") or producer.get("value"))
        if value is not None and value not in out:
            out.append(value)
    return out


def _signer_text(signer: Any) -> str | None:
    if isinstance(signer, dict):
        cn = _text(signer.get("common_name") or signer.get("cn") or signer.get("name"))
        issuer = _text(signer.get("issuer"))
        if cn and issuer and issuer != cn:
            return f"{cn} (issuer: {issuer})"
        return cn or issuer
    return _text(signer)


def c2pa_signers(rec: dict[str, Any]) -> list[str]:
    """Signers of the record's C2PA manifests: the active one when known, else every one."""
    out: list[str] = []
    facts = rec["facts"] if isinstance(rec.get("facts"), dict) else {}
    c2pa = facts["c2pa"] if isinstance(facts.get("c2pa"), dict) else {}
    manifests = c2pa["manifests"] if isinstance(c2pa.get("manifests"), list) else []
    manifests = [m for m in manifests if isinstance(m, dict)]
    active = [m for m in manifests if m.get("is_active")] or manifests
    for m in active:
        s = _signer_text(m.get("signer"))
        if s and s not in out:
            out.append(s)
    if out:
        return out
    for sig in _signals(rec):
        if not str(sig.get("id", "")).startswith("c2pa."):
            continue
        details = sig["details"] if isinstance(sig.get("details"), dict) else {}
        s = _signer_text(details.get("signer")) or _signer_text(
            {"common_name": details.get("common_name") or details.get("signer_common_name"),
             "issuer": details.get("issuer") or details.get("signer_issuer")})
        if s and s not in out:
            out.append(s)
    return out


def _signals(rec: dict[str, Any]) -> list[dict[str, Any]]:
    sigs = rec.get("signals")
    return [s for s in sigs if isinstance(s, dict)] if isinstance(sigs, list) else []


def signal_ids(rec: dict[str, Any]) -> list[str]:
    return sorted({str(s.get("id")) for s in _signals(rec) if s.get("id")})


@dataclass
class Summary:
    files: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    strengths: Counter[str] = field(default_factory=Counter)
    signals: Counter[str] = field(default_factory=Counter)
    providers: Counter[str] = field(default_factory=Counter)
    signers: Counter[str] = field(default_factory=Counter)
    media_types: Counter[str] = field(default_factory=Counter)
    detector_problems: Counter[str] = field(default_factory=Counter)
    unreadable: int = 0

    def add(self, rec: dict[str, Any]) -> None:
        self.files += 1
        verdict = rec["verdict"] if isinstance(rec.get("verdict"), dict) else {}
        self.verdicts[str(verdict.get("code", "?"))] += 1
        self.strengths[str(verdict.get("strength", "?"))] += 1
        self.media_types[str(rec.get("media_type") or "unreadable")] += 1
        if rec.get("error"):
            self.unreadable += 1
        self.signals.update(signal_ids(rec))
        self.providers.update(provider_codes(rec))
        self.signers.update(c2pa_signers(rec))
        for det in rec.get("detectors") or []:
            if isinstance(det, dict) and det.get("status") in ("error", "timeout"):
                self.detector_problems[f"{det.get('name')}:{det.get('status')}"] += 1

    def as_dict(self) -> dict[str, Any]:
        def top(c: Counter[str]) -> dict[str, int]:
            return dict(c.most_common())

        return {"files": self.files, "unreadable": self.unreadable, "verdicts": top(self.verdicts),
                "strengths": top(self.strengths), "signals": top(self.signals),
                "gb45438_providers": top(self.providers), "c2pa_signers": top(self.signers),
                "media_types": top(self.media_types), "detector_problems": top(self.detector_problems)}


def summarise(records: Iterable[dict[str, Any]]) -> Summary:
    s = Summary()
    for rec in records:
        s.add(rec)
    return s


def format_text(summary: Summary, limit: int = 25) -> str:
    d = summary.as_dict()
    lines = [f"files: {d['files']}" + (f"  (unreadable: {d['unreadable']})" if d["unreadable"] else "")]
    sections = [("verdicts", "verdict"), ("strengths", "strength"), ("signals", "signal"),
                ("gb45438_providers", "GB 45438 provider (ContentProducer)"), ("c2pa_signers", "C2PA signer"),
                ("media_types", "media type"), ("detector_problems", "detector errors/timeouts")]
    for key, title in sections:
        counts: dict[str, int] = d[key]
        if not counts:
            continue
        lines.append("")
        lines.append(f"{title}:")
        for name, n in list(counts.items())[:limit]:
            lines.append(f"  {n:>9}  {for_terminal(name)}")
        if len(counts) > limit:
            lines.append(f"  … {len(counts) - limit} more (use --json)")
    return "\n".join(lines)
