"""Signals in words: their titles, what each says, and every detail labelled and worded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .kinds import field_label, is_technical, kind_title, shared_field_labels
from .read import details, get, sval
from .facts import TECHNICAL_KEYS, coded
from .text import has, joined, lang_of, quote, t, t_or, technical

AI_CLAIMS = ("ai_generated", "ai_modified", "ai_possible")
SEVEN_KEYS = ("Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID",
              "ReservedCode2")
MAX_ITEMS = 200
MAX_DEPTH = 8


def signal_title(signal_id: str, lang: str) -> str:
    """The title its kind declares (verifier.detectors.spec); an undeclared id is quoted."""
    return kind_title(signal_id, lang) or t_or(f"signal.title.{signal_id}", lang, quote(signal_id, 100))


def short_name(signal_id: str, lang: str) -> str:
    return t_or(f"signal.short.{signal_id}", lang, signal_title(signal_id, lang))


def term(kind: str, value: Any, lang: str) -> str:
    """An enum value (``basis``, ``claim``, ``confidence``, ``status``…) in words; unknown ones quoted."""
    return t_or(f"{kind}.{value}", lang, quote(value, 200))


def percent(value: Any, lang: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return ""
    return t("value.percent", lang, n=f"{value * 100:.1f}")


def source_type_text(uri: Any, lang: str) -> str:
    """An IPTC digital source type in words with its code (``algorithmicMedia`` is not AI)."""
    raw = str(uri or "").strip()
    code = raw.rstrip("/").rsplit("/", 1)[-1]
    if has(f"source.{code}"):
        return t("value.named", lang, name=t(f"source.{code}", lang), code=quote(code, 100))
    return quote(raw, 500)


def action_text(action: Any, lang: str) -> str:
    raw = str(action or "")
    if has(f"action.{raw}"):
        return t("value.named", lang, name=t(f"action.{raw}", lang), code=quote(raw, 100))
    return quote(raw or "?", 300)


def label_value_text(v: Any, lang: str) -> str:
    key = f"value.label.{str(v).strip()}"
    return t(key, lang) if has(key) else quote(v, 200)


_MEANINGS = {"AI-generated": "claim.ai_generated", "possibly AI-generated": "value.label.2",
             "suspected AI-generated": "value.label.3"}
# how detectors mark a guessed vendor or generator -> the words of that kind of guess
_GUESS_SUFFIXES = {
    " (a guess from an unverified third-party mapping of this USCC)": "value.guess.unverified_mapping",
    " (a name seen in real labels; the file states it, nobody vouches for it)": "value.guess.seen_in_labels",
    " (guess from the visible mark)": "value.guess.visible_mark",
    " (guess from the logo)": "value.guess.logo",
    " (guess)": "value.guess.plain",
    " (a guess from an unverified mapping)": "value.guess.unverified_mapping",
    " (inferred from a metadata pattern)": "value.guess.metadata_pattern",
}


def has_detail_label(key: Any) -> bool:
    """Whether a detail key has words (the catalogue's, or the label its kinds declare)."""
    return has(f"detail.{key}") or str(key) in shared_field_labels()


def detail_label(key: Any, lang: str) -> str:
    """A detail key in words: the catalogue's, else the label the signal kinds declare for it (one
    declaration per field: the catalogue holds only keys no kind declares, or declares
    differently); a key neither knows came from the file: quoted."""
    k = str(key)
    if has(f"detail.{k}"):
        return t(f"detail.{k}", lang)
    declared = shared_field_labels().get(k)
    return declared.get(lang_of(lang)) if declared is not None else quote(k, 200)


def detail_value(key: str, value: Any, lang: str) -> str:
    """A scalar detail value in words: booleans, absences, positions, shares and codes worded;
    anything else is a value read from the file (or measured) and is quoted."""
    if value is None:
        return t("value.none", lang)
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no", lang)
    if isinstance(value, str) and not value:
        return t("value.empty", lang)
    if key == "position" and has(f"position.{value}"):
        return t(f"position.{value}", lang)
    if key == "relative_height" and percent(value, lang):
        return percent(value, lang)
    if key == "Label":
        return label_value_text(value, lang)
    if key == "label_meaning" and str(value) in _MEANINGS:
        return t(_MEANINGS[str(value)], lang)
    if isinstance(value, str):
        for suffix, words in _GUESS_SUFFIXES.items():
            if value.endswith(suffix):
                name = quote(value[: -len(suffix)].removeprefix("possibly "), 200)
                return name if key == "vendor_guess" else t(words, lang, name=name)  # its label says "guess"
    if key in TECHNICAL_KEYS and isinstance(value, str):
        return technical(value, 2000)
    if key == "reason" and has(f"value.reason.{value}"):
        return t(f"value.reason.{value}", lang)
    if key in ("note", "notes") and has(f"value.note.{value}"):
        return t(f"value.note.{value}", lang)
    if key == "verified" and has(f"value.verified.{value}"):
        return t(f"value.verified.{value}", lang)
    if key == "failure" and has(f"value.failure.{value}"):
        return t(f"value.failure.{value}", lang)
    if key == "level" and has(f"confidence.{value}"):
        return t(f"confidence.{value}", lang)
    if key in ("digital_source_type", "DigitalSourceType"):
        return source_type_text(value, lang)
    if key == "action":
        return action_text(value, lang)
    if key == "identity" and has(f"value.identity.{value}"):
        return t(f"value.identity.{value}", lang)
    if key == "state" and has(f"c2pa_state.{value}"):
        return t(f"c2pa_state.{value}", lang)
    return quote(value, 5000)


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled detail: a value, or (``value`` None) a group of children."""

    label: str
    value: str | None
    children: tuple[Item, ...] = ()
    technical: bool = False  # its signal kind declares the field technical-only (an appendix detail)


def items(value: Any, lang: str, key: str = "", depth: int = 0, kind: str = "") -> tuple[Item, ...]:
    """The children of a details value, every key labelled and every scalar worded (bounded).
    ``kind``: the signal id whose declared details ``value`` is (its fields' labels come first)."""
    worded: dict[str, str] = {}
    if isinstance(value, Mapping):
        worded, hidden = coded(value, lang)
        pairs = [((kind and field_label(kind, str(k), lang)) or detail_label(k, lang), str(k), v)
                 for k, v in value.items() if str(k) not in hidden]
    elif isinstance(value, list | tuple):
        pairs = [(f"[{i + 1}]", key, v) for i, v in enumerate(value)]
    else:
        return (Item("", detail_value(key, value, lang)),)
    out: list[Item] = []
    for label, k, v in pairs[:MAX_ITEMS]:
        tech = bool(kind) and isinstance(value, Mapping) and is_technical(kind, k)
        if k in worded:
            out.append(Item(label, worded[k], (), tech))
        elif isinstance(v, list | tuple) and v and all(isinstance(x, int | float) and not isinstance(x, bool) for x in v):
            out.append(Item(label, ", ".join(quote(x) for x in v[:MAX_ITEMS]), (), tech))  # numbers inline (a box)
        elif isinstance(v, Mapping | list | tuple) and v and depth < MAX_DEPTH:
            out.append(Item(label, None, items(v, lang, k, depth + 1), tech))
        elif isinstance(v, Mapping | list | tuple):
            out.append(Item(label, t("value.empty", lang) if not v else quote(v, 500), (), tech))
        else:
            out.append(Item(label, detail_value(k, v, lang), (), tech))
    if len(pairs) > MAX_ITEMS:
        out.append(Item("…", t("value.more", lang)))
    return tuple(out)


def detail_items(signal: Any, lang: str) -> tuple[Item, ...]:
    return items(details(signal), lang, kind=sval(signal, "id"))


def _seven(d: dict[str, Any]) -> dict[str, Any]:
    for key in ("label", "fields", "values"):
        inner = d.get(key)
        if isinstance(inner, dict) and any(k in inner for k in SEVEN_KEYS):
            return inner
    return d


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def signed_date(value: Any, lang: str) -> str:
    """``2023-02-12T18:44:26+00:00`` -> "12 Feb 2023" / "2023年2月12日" (quoted as written if unreadable)."""
    text = str(value or "")
    try:
        y, m, d = int(text[0:4]), int(text[5:7]), int(text[8:10])
        month = MONTHS_EN[m - 1]
    except (ValueError, IndexError):
        return quote(text[:40] or "?")
    return t("value.date", lang, y=y, m=m, d=d, month=month)


def legacy_binding_sentences(d: Mapping[str, Any], lang: str) -> list[str]:
    """A legacy binding (c2pa.legacy_binding details or facts): what was signed, when, by whom; what
    lies outside the signature, and whether it agrees with the signed values."""
    d = d if isinstance(d, Mapping) else {}
    signer = d["signer"] if isinstance(d.get("signer"), Mapping) else {}
    outside = [quote(x, 40) for x in (d.get("outside_signature") or [])[:8]]
    out = [t("verdict.note.legacy_binding", lang, signer=quote(signer.get("issuer") or signer.get("common_name") or "?",
                                                                200),
             date=signed_date(d.get("signed_at"), lang), outside=t("sep.list", lang).join(outside) or "?")]
    exif = d["exif"] if isinstance(d.get("exif"), Mapping) else {}
    if d.get("exif_agrees") and exif.get("compared"):
        out.append(t("verdict.note.legacy_agrees", lang, outside="EXIF",
                     fields=t("sep.list", lang).join(quote(x, 40) for x in exif["compared"][:12])))
    return out


def gist(signal: Any, lang: str) -> str:
    """What a signal says, in ``lang``, from its details (read defensively)."""
    sid, d, claim = sval(signal, "id"), details(signal), sval(signal, "claim", "none")
    if sid == "c2pa.legacy_binding":
        return t("sep.sentence", lang).join(legacy_binding_sentences(d, lang))
    if sid == "visible_label":
        what = d.get("text") or d.get("logo")
        share = percent(d.get("relative_height"), lang)
        if what and share and d.get("text"):
            return t("gist.text_share", lang, text=quote(what, 200), share=share)
        if what:
            return t("gist.text", lang, text=quote(what, 200))
    elif sid == "text.label" and d.get("text"):
        return t("gist.text", lang, text=quote(d["text"], 200))
    elif sid == "gb45438.label":
        label = _seven(d).get("Label")
        if label is not None:
            where = quote(d.get("placement"), 200)
            if where:
                return t("gist.label_where", lang, label=label_value_text(label, lang), where=where)
            return t("gist.label", lang, label=label_value_text(label, lang))
    elif sid == "watermark.invisible":
        payload = d.get("payload") or d.get("scheme")
        z = d.get("z_score")
        if payload and isinstance(z, int | float) and not isinstance(z, bool):
            return t("gist.payload_z", lang, payload=quote(payload, 200), z=f"{z:.1f}")
        if payload:
            return t("gist.payload", lang, payload=quote(payload, 200))
    elif sid == "generator.metadata":
        gen = d.get("generator") or d.get("model")
        if gen:
            return t("gist.generator", lang, name=detail_value("generator", gen, lang))
    elif sid == "iptc.ai":
        uris = d.get("digital_source_types") or [d.get("DigitalSourceType") or d.get("digital_source_type")]
        uris = [u for u in (uris if isinstance(uris, list) else [uris]) if u]
        if uris:
            return joined([source_type_text(u, lang) for u in uris[:3]], lang)
    elif sid in ("c2pa.ai_generated", "c2pa.ai_modified", "c2pa.capture"):
        source = d.get("digital_source_type")
        what = source_type_text(source, lang) if source else action_text(d["action"], lang) if d.get("action") else ""
        agent = d.get("software_agent")
        if what and agent and isinstance(agent, str | int | float):
            return t("gist.what_agent", lang, what=what, agent=quote(agent, 200))
        if what:
            return what
    elif sid in ("c2pa.manifest", "c2pa.untrusted_signer", "c2pa.cert_expired", "c2pa.trusted"):
        if sid == "c2pa.trusted" and d.get("trust_list"):
            return t("gist.trust_list", lang, list=quote(d["trust_list"], 100))
        made, who = d.get("claim_generator"), signer_name(d.get("signer"))
        if made and who:
            return t("gist.made_signed", lang, app=quote(made, 200), signer=who)
        if made:
            return t("gist.made", lang, app=quote(made, 200))
    elif sid == "c2pa.invalid":
        codes = [str(get(c, "code") or c) for c in d.get("status_codes") or () if c]
        if codes:
            return t("gist.invalid", lang, codes=joined([quote(c, 100) for c in codes[:4]], lang))
    elif sid == "c2pa.remote" and d.get("url"):
        return t("gist.remote", lang, url=quote(d["url"], 300))
    if claim in AI_CLAIMS:
        return t("gist.claims", lang, claim=term("claim", claim, lang))
    return t("gist.see_details", lang)


def summary(signal: Any, lang: str) -> str:
    """The signal's one-line summary: the detector's own words in English, the gist otherwise."""
    own = str(get(signal, "summary") or "")
    if lang_of(lang) == "en" and own:
        return quote(own, 2000)
    return gist(signal, lang)


def signer_name(value: Any) -> str:
    """"common name (issuer)" of a signer dict, or the string given; "" when unknown."""
    if isinstance(value, Mapping):
        name, issuer = str(value.get("common_name") or ""), str(value.get("issuer") or "")
        text = f"{name} ({issuer})" if name and issuer and issuer != name else name or issuer
        return quote(text, 300) if text else ""
    return quote(value, 300) if isinstance(value, str) and value else ""
