"""The verdict in words: headline, explanation, the notes beside it, and corroboration lines.

``fuse`` decides the code, strength and basis; this module only says them. The signer is found
in one way (:func:`signer`), whichever surface asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .read import details, get, sval
from .signals import AI_CLAIMS, legacy_binding_sentences, percent, short_name, signer_name, term
from .text import has, quote, t

TRUST_OUTCOMES = ("c2pa.trusted", "c2pa.untrusted_signer", "c2pa.cert_expired")
RANK = {"none": 0, "metadata": 1, "visible": 2, "watermark": 3, "signed": 4}


def _invalid_failure(signals: list[Any]) -> str | None:
    s = next((s for s in signals if sval(s, "id") == "c2pa.invalid"), None)
    if s is None:
        return None
    return "credential" if details(s).get("failure") == "credential" else "altered"


def headline(code: str, signals: list[Any], lang: str) -> str:
    if code == "credentials_invalid" and _invalid_failure(signals) == "credential":
        return t("verdict.headline.credentials_invalid.credential", lang)
    return t(f"verdict.headline.{code}", lang) if has(f"verdict.headline.{code}") else quote(code, 100)


def explanation(code: str, signals: list[Any], lang: str) -> str:
    if code == "credentials_invalid" and _invalid_failure(signals) == "credential":
        return t("verdict.explanation.credentials_invalid.credential", lang)
    return t(f"verdict.explanation.{code}", lang) if has(f"verdict.explanation.{code}") else ""


def signer(signals: list[Any], c2pa_facts: Mapping[str, Any] | None = None) -> str:
    """Who signed the active manifest: the trust outcome's signer, else the active manifest's."""
    for s in signals:
        if sval(s, "id") in TRUST_OUTCOMES + ("c2pa.manifest",):
            name = signer_name(details(s).get("signer"))
            if name:
                return name
    facts = c2pa_facts if isinstance(c2pa_facts, Mapping) else {}
    manifests = [m for m in facts.get("manifests") or () if isinstance(m, Mapping)]
    active = next((m for m in manifests if m.get("is_active") or m.get("label") == facts.get("active_manifest")),
                  manifests[0] if manifests else None)
    return signer_name(active.get("signer")) if active is not None else ""


def signer_notes(code: str, strength: str, signals: list[Any], lang: str) -> list[str]:
    """The signer's standing, when the verdict rests on a signature."""
    if code != "signed_provenance" and strength != "signed":
        return []
    out = []
    for s in signals:
        sid = sval(s, "id")
        if sid == "c2pa.trusted":
            trust_list = details(s).get("trust_list")
            out.append(t("verdict.note.c2pa.trusted", lang, list=quote(trust_list, 100)) if trust_list
                       else t("verdict.note.c2pa.trusted.unnamed", lang))
        elif sid in TRUST_OUTCOMES:
            out.append(t(f"verdict.note.{sid}", lang))
    return out


def notes(code: str, strength: str, signals: list[Any], facts: Mapping[str, Any], lang: str) -> list[str]:
    """Sentences said beside the explanation: an older signer's layout, the signer's standing,
    tampering not already in the headline, why credentials could not be checked, an unsupported
    file type."""
    out = []
    legacy = next((s for s in signals if sval(s, "id") == "c2pa.legacy_binding"), None)
    if legacy is not None and code == "signed_provenance":
        out += legacy_binding_sentences(details(legacy), lang)
    out += signer_notes(code, strength, signals, lang)
    failure = _invalid_failure(signals)
    if failure and code != "credentials_invalid":
        out.append(t(f"verdict.note.invalid.{failure}", lang))
    invalid = next((s for s in signals if sval(s, "id") == "c2pa.invalid"), None)
    check = details(invalid).get("legacy_check") if invalid is not None else None
    problems = check.get("problems") if isinstance(check, Mapping) else None
    if problems and code == "credentials_invalid":
        out.append(t("verdict.note.legacy_differs", lang,
                     problems=quote("; ".join(map(str, problems)) if isinstance(problems, list) else problems, 400)))
    c2pa = facts["c2pa"] if isinstance(facts.get("c2pa"), Mapping) else {}
    if code == "credentials_unverifiable" and c2pa.get("format_supported") is False:  # a font's C2PA table
        out.append(t("verdict.note.font", lang))
    elif code == "credentials_unverifiable":
        url = c2pa.get("remote_url") or next((details(s).get("url") for s in signals
                                              if sval(s, "id") == "c2pa.remote" and details(s).get("url")), None)
        if url:
            out.append(t("verdict.note.remote", lang, url=quote(url, 300)))
        elif c2pa.get("error"):
            out.append(t("verdict.note.manifest_error", lang, why=quote(c2pa["error"], 300)))
    file_facts = facts["file"] if isinstance(facts.get("file"), Mapping) else {}
    if code == "incomplete" and file_facts.get("supported") is False:
        out.append(t("verdict.note.unsupported", lang, type=quote(file_facts.get("media_type") or "?", 100)))
    return out


def strength_line(strength: str, signer_text: str, lang: str) -> str:
    """The banner's one line on what the verdict rests on."""
    if strength == "signed" and signer_text:
        return t("strength.signed_by", lang, signer=signer_text)
    return t(f"strength.{strength}", lang) if has(f"strength.{strength}") else ""


def basis_sentence(strength: str, lang: str) -> str:
    return t(f"verdict.basis.{strength}", lang) if has(f"verdict.basis.{strength}") else ""


def also_lines(signals: list[Any], verdict: Any, lang: str) -> list[str]:
    """Independent bases that agree with the verdict besides the one it rests on ("Also: …"),
    AI use declared on another basis with another claim ("Related: …"), and whether a visible
    label meets the GB 45438 5 % size rule."""
    strength = sval(verdict, "strength", "none")
    basis_ids = {str(x) for x in get(verdict, "basis_signals") or ()}
    agreeing = [s for s in signals if sval(s, "id") in basis_ids]
    other: dict[str, list[str]] = {}
    for s in agreeing:
        basis = sval(s, "basis", "none")
        if basis not in (strength, "none"):
            names = other.setdefault(basis, [])
            if short_name(sval(s, "id"), lang) not in names:
                names.append(short_name(sval(s, "id"), lang))
    lines = []
    if other:
        parts = [t("also.part", lang, basis=t(f"also.basis.{b}", lang), signals=t("sep.list", lang).join(other[b]))
                 for b in sorted(other, key=lambda b: -RANK.get(b, 0)) if has(f"also.basis.{b}")]
        lines.append(t("also.line", lang, bases=t("sep.parts", lang).join(parts)))
    related: dict[tuple[str, str], list[str]] = {}
    for s in signals:
        basis, claim = sval(s, "basis", "none"), sval(s, "claim", "none")
        if sval(s, "id") in basis_ids or basis in (strength, "none") or claim not in AI_CLAIMS[:2]:
            continue
        names = related.setdefault((basis, claim), [])
        if short_name(sval(s, "id"), lang) not in names:
            names.append(short_name(sval(s, "id"), lang))
    for (basis, claim), names in sorted(related.items(), key=lambda kv: -RANK.get(kv[0][0], 0)):
        if has(f"also.basis.{basis}"):
            lines.append(t("also.related", lang, basis=t(f"also.basis.{basis}", lang),
                           signals=t("sep.list", lang).join(names), claim=term("claim", claim, lang)))
    visible = [details(s) for s in agreeing if sval(s, "id") == "visible_label"]
    if visible:
        d = max(visible, key=lambda d: d["relative_height"] if isinstance(d.get("relative_height"), int | float)
                and not isinstance(d.get("relative_height"), bool) else -1.0)
        rule = size_rule(d.get("relative_height"), d.get("meets_5pct_rule"), lang)
        if rule:
            lines.append(rule)
    return lines


def size_rule(relative_height: Any, meets: Any, lang: str) -> str:
    share = percent(relative_height, lang)
    if meets is True:
        return t("size_rule.meets.share", lang, share=share) if share else t("size_rule.meets", lang)
    if meets is False:
        return t("size_rule.fails.share", lang, share=share) if share else t("size_rule.fails", lang)
    return ""
