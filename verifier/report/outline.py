"""The content of a human-readable report, independent of its format.

:func:`build` turns the contract document (``tool`` + file dicts from
:func:`verifier.report.json_report.file_dict`) into a flat list of simple blocks — headings,
paragraphs, label/value rows, tables, nested trees, pictures — in one language. The HTML and
PDF renderers only lay these blocks out, so both formats say exactly the same thing.

Every string that came from an analysed file is attacker-controlled. Here it is only made
printable (:func:`clean`: control, bidi-override and surrogate characters become U+FFFD, very
long values are cut with a note) and bounded (depth, entries); escaping for the output markup is
the renderer's job, on every string, without exception.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from ..evidence import Basis, Signal, Verdict, VerdictCode
from ..messages import legacy_binding_sentences, verdict_text
from . import labels as L
from .images import MAX_BYTES, MAX_EMBED_PIXELS, ImageInfo, identify

MAX_TEXT = 1500  # characters of one value shown; the rest is cut with a note
MAX_ITEMS = 100  # entries of one list/dict shown
MAX_DEPTH = 6
MAX_NODES = 1500  # nodes of one tree

_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ud800-\udfff]"
)


def clean(value: object, lang: str = "en", limit: int = MAX_TEXT) -> str:
    """Any value as printable text: invisible/format characters shown as U+FFFD, cut at ``limit``."""
    if isinstance(value, bytes | bytearray):
        text = f"<{len(value)} bytes: {bytes(value[:32]).hex()}{'…' if len(value) > 32 else ''}>"
    else:
        text = value if isinstance(value, str) else str(value)
    text = _UNPRINTABLE.sub("\ufffd", text.replace("\r\n", "\n").replace("\t", " "))
    if len(text) > limit:
        text = text[:limit] + " " + L.t("truncated", lang, n=len(text) - limit)
    return text


# ---- blocks -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int  # 1 report title, 2 file, 3 section, 4 sub-section
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    kind: str = "body"  # body | note | warning | lead


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str
    mono: bool = False


@dataclass(frozen=True, slots=True)
class Fields:
    rows: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    mono: frozenset[int] = frozenset()  # column indexes shown in a monospace font
    widths: tuple[float, ...] = ()  # relative column widths (renderers may ignore)


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    value: str | None  # None for a container
    children: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Tree:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Picture:
    data: bytes
    info: ImageInfo
    caption: str


@dataclass(frozen=True, slots=True)
class VerdictBox:
    code: str
    strength: str  # localised
    headline: str
    explanation: str
    warning: str = ""  # the "not evidence of authenticity" line for no_signals/incomplete


@dataclass(frozen=True, slots=True)
class FileStart:
    """A new file's section begins (the PDF starts a new page)."""

    index: int


Block = Heading | Para | Fields | Table | Bullets | Tree | Picture | VerdictBox | FileStart


@dataclass(frozen=True, slots=True)
class Outline:
    lang: str
    title: str
    blocks: tuple[Block, ...]
    generated_at: str


# ---- nested values ------------------------------------------------------------------------


class _TreeBuilder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.budget = MAX_NODES

    def scalar(self, v: object) -> str:
        if v is None:
            return "—"
        if isinstance(v, bool):
            return L.t("yes" if v else "no", self.lang)
        if isinstance(v, str) and not v:
            return L.t("empty", self.lang)
        return clean(v, self.lang)

    def nodes(self, value: object, depth: int = 0) -> tuple[Node, ...]:
        if isinstance(value, Mapping):  # a key without a value says nothing: left out
            total = sum(1 for v in value.values() if v is not None)
            pairs = ((clean(k, self.lang, 200), v) for k, v in value.items() if v is not None)
        elif isinstance(value, list | tuple | set | frozenset):
            total = len(value)
            pairs = ((f"[{i + 1}]", v) for i, v in enumerate(value))
        else:
            return (Node("", self.scalar(value)),)
        items = list(islice(pairs, MAX_ITEMS))
        out: list[Node] = []
        for key, v in items:
            if self.budget <= 0:
                out.append(Node("", L.t("more_items", self.lang, n=total - len(out))))
                return tuple(out)
            self.budget -= 1
            if isinstance(v, Mapping | list | tuple | set | frozenset) and v:
                if depth + 1 >= MAX_DEPTH:
                    out.append(Node(key, L.t("too_deep", self.lang)))
                else:
                    out.append(Node(key, None, self.nodes(v, depth + 1)))
            elif isinstance(v, Mapping | list | tuple | set | frozenset):
                out.append(Node(key, L.t("empty", self.lang)))
            else:
                out.append(Node(key, self.scalar(v)))
        if total > len(items):
            out.append(Node("", L.t("more_items", self.lang, n=total - len(items))))
        return tuple(out)


def tree(value: object, lang: str) -> Tree:
    return Tree(_TreeBuilder(lang).nodes(value))


# ---- attachments --------------------------------------------------------------------------


class _Attachments:
    """The file's attachments by name; pictures are decoded and validated once, shown once."""

    def __init__(self, entries: object, lang: str) -> None:
        self.lang = lang
        self.entries = [a for a in entries if isinstance(a, Mapping)] if isinstance(entries, list) else []
        self.shown: set[int] = set()

    def find(self, name: object, detector: str | None = None) -> int | None:
        for i, a in enumerate(self.entries):
            if a.get("name") == name and (detector is None or a.get("detector") == detector):
                return i
        return None

    def block(self, i: int, caption: str) -> Block:
        self.shown.add(i)
        a = self.entries[i]
        params = {"name": clean(a.get("name", "?"), self.lang, 200), "mime": clean(a.get("mime", "?"), self.lang, 80),
                  "size": clean(a.get("size", "?"), self.lang, 20)}
        b64 = a.get("base64")
        if not isinstance(b64, str):
            return Para(L.t("attachment_not_embedded", self.lang, **params), "note")
        data = _decode(b64)
        info = identify(data) if data is not None else None
        if data is None or info is None:
            return Para(L.t("attachment_skipped", self.lang, **params), "note")
        if info.width * info.height > MAX_EMBED_PIXELS:
            return Para(L.t("attachment_too_large", self.lang, w=info.width, h=info.height, **params), "note")
        return Picture(data, info, caption)

    def rest(self) -> list[Block]:
        out: list[Block] = []
        for i, a in enumerate(self.entries):
            if i in self.shown:
                continue
            caption = " · ".join(clean(x, self.lang, 200) for x in (
                a.get("name", "?"), a.get("detector", "?"), a.get("mime", "?"),
                L.t("size_value", self.lang, n=a.get("size", "?")), "SHA-256 " + str(a.get("sha256", "?"))))
            out.append(self.block(i, caption))
        return out


def _decode(b64: str) -> bytes | None:
    if len(b64) > MAX_BYTES * 4 // 3 + 4:
        return None
    try:
        return base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        return None


# ---- facts --------------------------------------------------------------------------------


def _thumbnail(atts: _Attachments, name: object, caption: str, lang: str) -> Block:
    i = atts.find(name, "c2pa")
    i = atts.find(name) if i is None else i
    if i is None:
        return Para(L.t("attachment_missing", lang, name=clean(name, lang, 200)), "note")
    return atts.block(i, caption)


def _c2pa_manifest(m: Mapping[str, Any], atts: _Attachments, lang: str) -> list[Block]:
    out: list[Block] = [Heading(L.t("manifest", lang) + ": " + clean(m.get("label", "?"), lang, 300), 4)]
    rows = []
    if m.get("title"):
        rows.append(Field(L.t("manifest_title", lang), clean(m["title"], lang)))
    signer = m.get("signer")
    if isinstance(signer, Mapping):
        if signer.get("common_name"):
            rows.append(Field(L.t("signer", lang), clean(signer["common_name"], lang)))
        if signer.get("issuer"):
            rows.append(Field(L.t("issuer", lang), clean(signer["issuer"], lang)))
    elif signer:
        rows.append(Field(L.t("signer", lang), clean(signer, lang)))
    if m.get("signed_at"):
        rows.append(Field(L.t("issued_on", lang), clean(m["signed_at"], lang)))
    if m.get("claim_generator"):
        rows.append(Field(L.t("claim_generator", lang), clean(m["claim_generator"], lang)))
    if rows:
        out.append(Fields(tuple(rows)))
    if m.get("thumbnail"):
        out.append(_thumbnail(atts, m["thumbnail"], L.t("thumbnail", lang) + ": " + clean(m["thumbnail"], lang, 200),
                              lang))
    for key in ("actions", "ai_tools"):
        if m.get(key):
            out.append(Para(L.t(key, lang), "lead"))
            out.append(tree(m[key], lang))
    known = {"label", "title", "signer", "signed_at", "claim_generator", "thumbnail", "actions", "ai_tools",
             "ingredients"}
    extra = {k: v for k, v in m.items() if k not in known}
    if extra:
        out.append(Para(L.t("more_facts", lang), "lead"))
        out.append(tree(extra, lang))
    ingredients = m.get("ingredients") or []
    for n, ing in enumerate(ingredients[:MAX_ITEMS] if isinstance(ingredients, list) else [], 1):
        title = ing.get("title") if isinstance(ing, Mapping) else None
        out.append(Para(f"{L.t('ingredient', lang)} {n}" + (": " + clean(title, lang, 300) if title else ""), "lead"))
        if not isinstance(ing, Mapping):
            out.append(tree(ing, lang))
            continue
        if ing.get("thumbnail"):
            out.append(_thumbnail(atts, ing["thumbnail"],
                                  L.t("thumbnail", lang) + ": " + clean(ing["thumbnail"], lang, 200), lang))
        rest = {k: v for k, v in ing.items() if k not in ("thumbnail", "title")}
        if rest:
            out.append(tree(rest, lang))
    return out


def _c2pa_facts(facts: Mapping[str, Any], atts: _Attachments, lang: str) -> list[Block]:
    top = [Field(L.t("c2pa_state", lang), clean(facts.get("state", "—"), lang))]
    if facts.get("trust_list"):
        top.append(Field(L.t("trust_list", lang), clean(facts["trust_list"], lang)))
    if facts.get("active_manifest"):
        top.append(Field(L.t("active_manifest", lang), clean(facts["active_manifest"], lang), mono=True))
    if isinstance(facts.get("legacy_binding"), Mapping):  # c2pa.legacy_binding: worded, not a raw tree
        top.append(Field(L.t("legacy_binding", lang),
                         clean(" ".join(legacy_binding_sentences(dict(facts["legacy_binding"]), lang)), lang)))
    out: list[Block] = [Fields(tuple(top))]
    known_top = {"state", "trust_list", "active_manifest", "status_codes", "manifests", "legacy_binding"}
    extra_top = {k: v for k, v in facts.items() if k not in known_top}
    if extra_top:
        out.append(tree(extra_top, lang))
    codes = facts.get("status_codes") or []
    if isinstance(codes, list) and codes:
        out.append(Para(L.t("status_codes", lang), "lead"))
        out.append(Table((L.t("code", lang), L.t("message", lang)),
                         tuple((clean(c.get("code", ""), lang, 200), clean(c.get("explanation", ""), lang))
                               if isinstance(c, Mapping) else (clean(c, lang), "") for c in codes[:MAX_ITEMS]),
                         mono=frozenset({0}), widths=(2, 3)))
    manifests = facts.get("manifests") or []
    for m in manifests[:MAX_ITEMS] if isinstance(manifests, list) else []:
        out.extend(_c2pa_manifest(m, atts, lang) if isinstance(m, Mapping) else [tree(m, lang)])
    return out


def _metadata_facts(facts: Mapping[str, Any], lang: str) -> list[Block]:
    out: list[Block] = []
    fields = facts.get("fields") or []
    if isinstance(fields, list) and fields:
        out.append(Para(L.t("metadata_fields", lang), "lead"))
        rows = tuple((clean(f.get("group", ""), lang, 200), clean(f.get("key", ""), lang, 300),
                      clean(f.get("value", ""), lang)) for f in fields[:MAX_ITEMS * 3] if isinstance(f, Mapping))
        out.append(Table((L.t("group", lang), L.t("key", lang), L.t("value", lang)), rows, widths=(1, 1.6, 3)))
        if len(fields) > MAX_ITEMS * 3:
            out.append(Para(L.t("more_items", lang, n=len(fields) - MAX_ITEMS * 3), "note"))
    privacy = facts.get("privacy") or []
    if isinstance(privacy, list) and privacy:
        out.append(Para(L.t("privacy", lang), "lead"))
        rows = tuple((clean(p.get("field", ""), lang, 300), clean(p.get("value", ""), lang),
                      clean(p.get("why", ""), lang)) for p in privacy[:MAX_ITEMS] if isinstance(p, Mapping))
        out.append(Table((L.t("key", lang), L.t("value", lang), L.t("why", lang)), rows, widths=(2, 1.5, 2)))
    extra = {k: v for k, v in facts.items() if k not in ("fields", "privacy")}
    if extra:
        out.append(tree(extra, lang))
    return out


def _facts(name: str, facts: object, atts: _Attachments, lang: str) -> list[Block]:
    if isinstance(facts, Mapping):
        special = {"c2pa": lambda: _c2pa_facts(facts, atts, lang), "metadata": lambda: _metadata_facts(facts, lang)}
        if name in special:
            try:
                return special[name]()
            except (TypeError, AttributeError, ValueError):  # an unexpected shape: show it as it is
                pass
    return [tree(facts, lang)]


# ---- files --------------------------------------------------------------------------------


def _verdict_texts(d: Mapping[str, Any], lang: str) -> tuple[str, str]:
    v = d.get("verdict") or {}
    if d.get("error"):
        return L.t("read_error", lang), clean(d["error"], lang)
    try:
        verdict = Verdict(VerdictCode(v.get("code")), Basis(v.get("strength", "none")),
                          unchecked=tuple(str(x) for x in v.get("unchecked", ())))
    except ValueError:
        return clean(v.get("headline", ""), lang), clean(v.get("explanation", ""), lang)
    # the details matter: the verdict text names the signer, its trust list and why C2PA failed
    signals = tuple(Signal(id=str(s.get("id")), detector=str(s.get("detector")), summary="",
                           details=dict(s["details"]) if isinstance(s.get("details"), Mapping) else {})
                    for s in d.get("signals", ()) if isinstance(s, Mapping))
    headline, explanation = verdict_text(verdict, signals, lang)
    return headline, clean(explanation, lang, 2000)


def _unchecked(d: Mapping[str, Any], lang: str) -> list[str]:
    v = d.get("verdict") or {}
    names = [str(x) for x in v.get("unchecked", ())]
    out = []
    seen = set()
    for det in d.get("detectors", ()):
        status = det.get("status")
        if status in ("error", "timeout") or det.get("name") in names:
            seen.add(det.get("name"))
            msg = f"{clean(det.get('name'), lang, 200)} — {L.term(L.STATUS, str(status), lang)}"
            if det.get("error"):
                msg += ": " + clean(det["error"], lang)
            out.append(msg)
    out.extend(clean(n, lang, 200) for n in names if n not in seen)
    return out


def _file(index: int, d: Mapping[str, Any], lang: str) -> list[Block]:
    out: list[Block] = [FileStart(index), Heading(f"{index}. " + clean(d.get("path", "?"), lang, 1000), 2,
                                                   anchor=f"file-{index}")]
    size = d.get("size")
    out.append(Fields((
        Field(L.t("path", lang), clean(d.get("path", "?"), lang, 4000), mono=True),
        Field(L.t("sha256", lang), clean(d.get("sha256") or "—", lang, 200), mono=True),
        Field(L.t("size", lang), L.t("size_value", lang, n=f"{size:,}") if isinstance(size, int) else "—"),
        Field(L.t("media_type", lang), clean(d.get("media_type") or "—", lang, 200)),
        Field(L.t("analysed_at", lang), clean(d.get("analysed_at") or "—", lang, 100)),
    )))
    v = d.get("verdict") or {}
    code = str(v.get("code", "incomplete"))
    headline, explanation = _verdict_texts(d, lang)
    warning = L.t("not_authenticity", lang) if code in ("no_signals", "incomplete") else ""
    out.append(Heading(L.t("verdict", lang), 3))
    out.append(VerdictBox(clean(code, lang, 100), L.term(L.STRENGTH, str(v.get("strength", "none")), lang),
                          headline, explanation, warning))
    unchecked = _unchecked(d, lang)
    out.append(Para(L.t("unchecked", lang), "lead"))
    out.append(Bullets(tuple(unchecked), "warning") if unchecked else Para(L.t("unchecked_none", lang), "note"))

    out.append(Heading(L.t("signals", lang), 3))
    signals = [s for s in d.get("signals", ()) if isinstance(s, Mapping)]
    if not signals:
        out.append(Para(L.t("no_signal_list", lang), "note"))
    for s in signals[:MAX_ITEMS]:
        sid = str(s.get("id", "?"))
        name = L.term(L.SIGNAL_NAMES, sid, lang)
        out.append(Heading(clean(name if name == sid else f"{name} ({sid})", lang, 300), 4))
        out.append(Table(
            (L.t("detector", lang), L.t("confidence", lang), L.t("claim", lang), L.t("basis", lang)),
            ((clean(s.get("detector", "?"), lang, 200),
              L.term(L.CONFIDENCE, str(s.get("confidence", "")), lang),
              L.term(L.CLAIM, str(s.get("claim", "none")), lang),
              L.term(L.STRENGTH, str(s.get("basis", "none")), lang)),),
        ))
        if s.get("summary"):
            out.append(Para(clean(s["summary"], lang)))
        if s.get("details"):
            out.append(Para(L.t("details", lang), "lead"))
            out.append(tree(s["details"], lang))

    out.append(Heading(L.t("detectors", lang), 3))
    rows = []
    for det in d.get("detectors", ()):
        ms = det.get("ms")
        rows.append((clean(det.get("name", "?"), lang, 200), L.term(L.STATUS, str(det.get("status", "?")), lang),
                     f"{ms:.1f}" if isinstance(ms, int | float) else "—", clean(det.get("error", ""), lang)))
    if rows:
        out.append(Table((L.t("detector", lang), L.t("status", lang), L.t("time_ms", lang), L.t("message", lang)),
                         tuple(rows), widths=(1.2, 1.2, 0.8, 3)))
    atts = _Attachments(d.get("attachments"), lang)
    facts = d.get("facts")
    if isinstance(facts, Mapping) and facts:
        out.append(Heading(L.t("facts", lang), 3))
        for name, f in facts.items():
            out.append(Heading(L.t("facts_of", lang, name=clean(name, lang, 200)), 4))
            out.extend(_facts(str(name), f, atts, lang))
    rest = atts.rest()
    if rest:
        out.append(Heading(L.t("attachments", lang), 3))
        out.extend(rest)
    return out


def _trust_rows(labels: Iterable[object], lang: str) -> tuple[tuple[str, str], ...]:
    rows = []
    for label in labels:
        name, _, prefix = clean(label, lang, 300).rpartition("@")
        rows.append((name, prefix) if name else (prefix, "—"))
    return tuple(rows)


def _trust_status(states: object, lang: str) -> list[Block]:
    """One line per list in force (origin, age, next update), a warning when it is stale."""
    from ..trust import wording as TW  # noqa: PLC0415

    out: list[Block] = []
    for s in states if isinstance(states, list) else ():
        if isinstance(s, dict):
            warn = TW.warnings(s, lang)
            text = " — ".join([TW.describe(s, lang), *warn])
            out.append(Para(clean(text, lang, 600), "warning" if s.get("stale") or "unreadable" in
                            (s.get("warnings") or ()) else "note"))
    return out


def howto(lang: str) -> list[Block]:
    return [
        Heading(L.t("howto", lang), 3),
        Para(L.t("howto_intro", lang)),
        Bullets(tuple(L.t(k, lang) for k in ("howto_signed", "howto_watermark", "howto_visible", "howto_metadata"))),
        Para(L.t("howto_absence", lang), "warning"),
        Para(L.t("howto_hash", lang), "note"),
    ]


_NETWORK = re.compile(r"^(none \(OS-enforced|blocked in-process only \()(?:: )?(.*)\)$")


def _network(value: str, lang: str) -> str:
    """The ``tool.network`` line (verifier.sandbox.Isolation.describe) in the report's language."""
    m = _NETWORK.match(value)
    if not m:
        return value
    how = m.group(2)
    if m.group(1).startswith("none"):
        for code, en in (("netns_user", "user+network namespace"), ("netns", "network namespace")):
            if how.startswith(en):
                how = L.t(code, lang) + how[len(en):]
                break
        return L.t("network_enforced", lang, how=how)
    return L.t("network_in_process", lang, how=how)


def build(tool: Mapping[str, Any], files: list[dict[str, Any]], lang: str = "en",
          now: datetime | None = None) -> Outline:
    lang = lang if lang in L.LANGS else "en"
    generated = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    blocks: list[Block] = [Heading(L.t("title", lang), 1), Para(L.t("subtitle", lang), "lead")]
    blocks.append(Fields((
        Field(L.t("generated_at", lang), generated),
        Field(L.t("tool", lang), clean(f"{tool.get('name', 'verifier')} {tool.get('version', '?')}", lang, 200)),
        Field(L.t("c2pa_sdk", lang), clean(tool.get("c2pa_sdk", "—"), lang, 200)),
        Field(L.t("network", lang), clean(_network(str(tool.get("network", "—")), lang), lang, 300)),
    )))
    blocks.append(Heading(L.t("trust_lists", lang), 3))
    trust = tool.get("trust_lists") or []
    if trust:
        blocks.append(Table((L.t("trust_list", lang), L.t("sha256_prefix", lang)), _trust_rows(trust, lang),
                            mono=frozenset({1}), widths=(3, 2)))
    else:
        blocks.append(Para(L.t("no_trust_lists", lang), "warning"))
    blocks.extend(_trust_status(tool.get("trust_status"), lang))
    blocks.append(Heading(L.t("summary", lang), 3))
    if files:
        blocks.append(Para(L.t("files_count", lang, n=len(files))))
        rows = []
        for i, d in enumerate(files, 1):
            headline, _ = _verdict_texts(d, lang)
            strength = L.term(L.STRENGTH, str((d.get("verdict") or {}).get("strength", "none")), lang)
            rows.append((str(i), clean(d.get("path", "?"), lang, 500), headline, strength))
        blocks.append(Table(("#", L.t("file", lang), L.t("verdict", lang), L.t("strength", lang)), tuple(rows),
                            widths=(0.3, 3, 2.4, 1)))
    else:
        blocks.append(Para(L.t("no_files", lang), "warning"))
    blocks.extend(howto(lang))
    for i, d in enumerate(files, 1):
        blocks.extend(_file(i, d, lang))
    return Outline(lang=lang, title=L.t("title", lang), blocks=tuple(blocks), generated_at=generated)
