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

from ..describe import LANGS, Description, Item, describe, detail_label, detail_value, quote, t, term
from ..describe.indicators import VIEWS_DETECTOR, describe_indicators
from ..describe.text import mark
from ..describe.verdict import legacy_binding_sentences
from ..describe.privacy import privacy_rows
from .blocks import (
    AppendixStart, Block, Bullets, Field, Fields, FilePicture, FileStart, Gallery, Heading, Node, Outline, Para, Picture,
    Region, Table, Tree, VerdictBox,
)
from . import file_page
from .cleaning import MAX_TEXT, clean, printable
from .file_page import short_name
from .images import MAX_BYTES, MAX_EMBED_PIXELS, Thumbnail, identify

MAX_ITEMS = 100  # entries of one list/dict shown
MAX_DEPTH = 6
MAX_NODES = 1500  # nodes of one tree

# ---- nested values ------------------------------------------------------------------------


class _TreeBuilder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.budget = MAX_NODES

    def scalar(self, v: object) -> str:
        if v is None:
            return "—"
        if isinstance(v, bool):
            return t("report.yes" if v else "report.no", self.lang)
        if isinstance(v, str) and not v:
            return t("report.empty", self.lang)
        return clean(v, self.lang)

    def nodes(self, value: object, depth: int = 0) -> tuple[Node, ...]:
        if isinstance(value, Mapping):  # a key without a value says nothing: left out
            total = sum(1 for v in value.values() if v is not None)
            pairs = ((detail_label(k, self.lang), v) for k, v in value.items() if v is not None)
        elif isinstance(value, list | tuple | set | frozenset):
            total = len(value)
            pairs = ((f"[{i + 1}]", v) for i, v in enumerate(value))
        else:
            return (Node("", self.scalar(value)),)
        items = list(islice(pairs, MAX_ITEMS))
        out: list[Node] = []
        for key, v in items:
            if self.budget <= 0:
                out.append(Node("", t("report.more_items", self.lang, n=total - len(out))))
                return tuple(out)
            self.budget -= 1
            if isinstance(v, Mapping | list | tuple | set | frozenset) and v:
                if depth + 1 >= MAX_DEPTH:
                    out.append(Node(key, t("report.too_deep", self.lang)))
                else:
                    out.append(Node(key, None, self.nodes(v, depth + 1)))
            elif isinstance(v, Mapping | list | tuple | set | frozenset):
                out.append(Node(key, t("report.empty", self.lang)))
            else:
                out.append(Node(key, self.scalar(v)))
        if total > len(items):
            out.append(Node("", t("report.more_items", self.lang, n=total - len(items))))
        return tuple(out)


INLINE_MAX = 12  # plain values of one group laid out on one line
INLINE_CHARS = 400


def compact(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """Groups of a few short, plain, labelled values are laid out on one line (the appendix stays short)."""
    out = []
    for n in nodes:
        kids = compact(n.children)
        leaves = n.value is None and kids and len(kids) <= INLINE_MAX and all(
            c.value is not None and not c.children and c.key for c in kids)
        short = leaves and sum(len(c.key) + len(c.value or "") for c in kids) <= INLINE_CHARS
        out.append(Node(n.key, n.value, kids, inline=bool(short)))
    return tuple(out)


def tree(value: object, lang: str) -> Tree:
    return Tree(compact(_TreeBuilder(lang).nodes(value)))


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
            return Para(t("report.attachment_not_embedded", self.lang, **params), "note")
        data = _decode(b64)
        info = identify(data) if data is not None else None
        if data is None or info is None:
            return Para(t("report.attachment_skipped", self.lang, **params), "note")
        if info.width * info.height > MAX_EMBED_PIXELS:
            return Para(t("report.attachment_too_large", self.lang, w=info.width, h=info.height, **params), "note")
        return Picture(data, info, caption)

    def rest(self) -> list[Block]:
        out: list[Block] = []
        for i, a in enumerate(self.entries):
            if i in self.shown:
                continue
            caption = " · ".join(clean(x, self.lang, 200) for x in (
                a.get("name", "?"), a.get("detector", "?"), a.get("mime", "?"),
                t("report.size_value", self.lang, n=a.get("size", "?")), "SHA-256 " + str(a.get("sha256", "?"))))
            out.append(self.block(i, caption))
        return out


def _gallery(blocks: list[Block]) -> list[Block]:
    """Pictures side by side; anything else (never expected here) as it is."""
    items = tuple(b for b in blocks if isinstance(b, Picture | Para))
    out: list[Block] = [Gallery(items)] if items else []
    return out + [b for b in blocks if not isinstance(b, Picture | Para)]


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
        return Para(t("report.attachment_missing", lang, name=clean(name, lang, 200)), "note")
    return atts.block(i, caption)


def _c2pa_manifest(m: Mapping[str, Any], atts: _Attachments, lang: str) -> list[Block]:
    out: list[Block] = [Heading(t("report.manifest", lang) + ": " + clean(m.get("label", "?"), lang, 300), 4)]
    rows = []
    if m.get("title"):
        rows.append(Field(t("report.manifest_title", lang), clean(m["title"], lang)))
    signer = m.get("signer")
    if isinstance(signer, Mapping):
        if signer.get("common_name"):
            rows.append(Field(t("report.signer", lang), clean(signer["common_name"], lang)))
        if signer.get("issuer"):
            rows.append(Field(t("report.issuer", lang), clean(signer["issuer"], lang)))
    elif signer:
        rows.append(Field(t("report.signer", lang), clean(signer, lang)))
    if m.get("signed_at"):
        rows.append(Field(t("report.issued_on", lang), clean(m["signed_at"], lang)))
    if m.get("claim_generator"):
        rows.append(Field(t("report.claim_generator", lang), clean(m["claim_generator"], lang)))
    if rows:
        out.append(Fields(tuple(rows)))
    if m.get("thumbnail"):
        out.append(_thumbnail(atts, m["thumbnail"], t("report.thumbnail", lang) + ": " + clean(m["thumbnail"], lang, 200),
                              lang))
    for key in ("actions", "ai_tools"):
        if m.get(key):
            out.append(Para(t("report." + key, lang), "lead"))
            out.append(tree(m[key], lang))
    known = {"label", "title", "signer", "signed_at", "claim_generator", "thumbnail", "actions", "ai_tools",
             "ingredients"}
    extra = {k: v for k, v in m.items() if k not in known}
    if extra:
        out.append(Para(t("report.more_facts", lang), "lead"))
        out.append(tree(extra, lang))
    ingredients = m.get("ingredients") or []
    for n, ing in enumerate(ingredients[:MAX_ITEMS] if isinstance(ingredients, list) else [], 1):
        title = ing.get("title") if isinstance(ing, Mapping) else None
        out.append(Para(f"{t('report.ingredient', lang)} {n}" + (": " + clean(title, lang, 300) if title else ""), "lead"))
        if not isinstance(ing, Mapping):
            out.append(tree(ing, lang))
            continue
        if ing.get("thumbnail"):
            out.append(_thumbnail(atts, ing["thumbnail"],
                                  t("report.thumbnail", lang) + ": " + clean(ing["thumbnail"], lang, 200), lang))
        rest = {k: v for k, v in ing.items() if k not in ("thumbnail", "title")}
        if rest:
            out.append(tree(rest, lang))
    return out


def _c2pa_facts(facts: Mapping[str, Any], atts: _Attachments, lang: str) -> list[Block]:
    top = [Field(t("report.c2pa_state", lang), detail_value("state", facts.get("state"), lang))]
    if facts.get("trust_list"):
        top.append(Field(t("report.trust_list", lang), clean(facts["trust_list"], lang)))
    if facts.get("active_manifest"):
        top.append(Field(t("report.active_manifest", lang), clean(facts["active_manifest"], lang), mono=True))
    if isinstance(facts.get("legacy_binding"), Mapping):  # c2pa.legacy_binding: worded, not a raw tree
        top.append(Field(t("report.legacy_binding", lang),
                         printable(t("sep.sentence", lang).join(legacy_binding_sentences(dict(facts["legacy_binding"]),
                                                                                         lang)), lang)))
    out: list[Block] = [Fields(tuple(top))]
    known_top = {"state", "trust_list", "active_manifest", "status_codes", "manifests", "legacy_binding"}
    extra_top = {k: v for k, v in facts.items() if k not in known_top}
    if extra_top:
        out.append(tree(extra_top, lang))
    codes = facts.get("status_codes") or []
    if isinstance(codes, list) and codes:
        out.append(Para(t("report.status_codes", lang), "lead"))
        out.append(Table((t("report.code", lang), t("report.message", lang)),
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
        out.append(Para(t("report.metadata_fields", lang), "lead"))
        rows = tuple((clean(f.get("group", ""), lang, 200), clean(f.get("key", ""), lang, 300),
                      clean(f.get("value", ""), lang)) for f in fields[:MAX_ITEMS * 3] if isinstance(f, Mapping))
        out.append(Table((t("report.group", lang), t("report.key", lang), t("report.value", lang)), rows, widths=(1, 1.6, 3)))
        if len(fields) > MAX_ITEMS * 3:
            out.append(Para(t("report.more_items", lang, n=len(fields) - MAX_ITEMS * 3), "note"))
    privacy = facts.get("privacy") or []
    if isinstance(privacy, list) and privacy:
        out.append(Para(t("report.privacy", lang), "lead"))
        rows = privacy_rows(privacy[:MAX_ITEMS], lang, MAX_TEXT)
        out.append(Table((t("report.key", lang), t("report.value", lang), t("report.why", lang)), rows, widths=(2, 1.5, 2)))
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


def _items(items: tuple[Item, ...], lang: str) -> Tree:
    """Labelled, worded details (from verifier.describe) as a tree of printable nodes."""
    def node(i: Item) -> Node:
        return Node(printable(i.label, lang, 300), None if i.value is None else printable(i.value, lang),
                    tuple(node(c) for c in i.children))
    return Tree(compact(tuple(node(i) for i in items)))


def _indicators(d: Mapping[str, Any], atts: _Attachments, lang: str) -> list[Block]:
    """Advisory indicators and forensic views, apart from the provenance signals (never the verdict)."""
    words = describe_indicators(d, lang)
    if not words.applies:
        return []
    out: list[Block] = [Heading(words.heading, 3), Para(words.advisory, "note")]
    if words.none:
        out.append(Para(words.none, "note"))
    for i in words.indicators[:MAX_ITEMS]:
        out.append(Heading(printable(f"{i.title} ({quote(i.id, 100)})", lang, 300), 4))
        out.append(Para(printable(i.summary, lang, 4000)))
        if i.items:
            out.append(_items(i.items, lang))
    if words.views or words.faces:
        out.append(Heading(words.views_heading, 4))
        out.append(Para(words.views_note, "note"))
        shown = []
        for v in words.views:
            k = atts.find(v.name, VIEWS_DETECTOR)
            if k is not None:
                shown.append(atts.block(k, f"{v.title}. {v.how}"))
        out.extend(_gallery(shown))
        if words.faces:
            out.append(_items(words.faces, lang))
    return out


def _verdict(words: Description, lang: str) -> list[Block]:
    warning = t("report.not_authenticity", lang) if words.code in ("no_signals", "incomplete") else ""
    out: list[Block] = [Heading(t("report.verdict", lang), 3),
                        VerdictBox(quote(words.code, 100), words.strength, words.headline,
                                   printable(words.full_explanation, lang, 4000), warning)]
    unchecked = tuple(f"{name} — {why}" for name, why in words.unchecked)
    out.append(Para(t("report.unchecked", lang), "lead"))
    out.append(Bullets(unchecked, "warning") if unchecked else Para(t("report.unchecked_none", lang), "note"))
    return out


def _outcome(status: str, worded: str, lang: str) -> str:
    """ran / does not apply / not run (why): a check that did not run is never called run."""
    return worded if status in ("ok", "not_applicable") else t("report.not_run", lang, why=worded)


def _appendix_file(index: int, d: Mapping[str, Any], lang: str) -> list[Block]:
    """Section A<index>: everything about one file, every key labelled in the report's language."""
    out: list[Block] = [Heading(t("report.appendix.file", lang, n=index, name=clean(short_name(d.get("path")), lang, 300)),
                                2, anchor=f"appendix-{index}")]
    size = d.get("size")
    out.append(Fields((
        Field(t("report.path", lang), clean(d.get("path", "?"), lang, 4000), mono=True),
        *([Field(t("report.parent", lang), clean(d["parent"], lang, 4000), mono=True)] if d.get("parent") else []),
        Field(t("report.sha256", lang), clean(d.get("sha256") or "—", lang, 200), mono=True),
        Field(t("report.size", lang), t("report.size_value", lang, n=f"{size:,}") if isinstance(size, int) else "—"),
        Field(t("report.media_type", lang), clean(d.get("media_type") or "—", lang, 200)),
        Field(t("report.analysed_at", lang), clean(d.get("analysed_at") or "—", lang, 100)),
    )))
    words = describe(d, lang)
    out.extend(_verdict(words, lang))
    out.append(Heading(t("report.signals", lang), 3))
    if not words.signals:
        out.append(Para(t("report.no_signal_list", lang), "note"))
    for s in words.signals[:MAX_ITEMS]:
        out.append(Heading(printable(f"{s.title} ({quote(s.id, 100)})", lang, 300), 4))
        out.append(Table(
            (t("report.detector", lang), t("report.confidence", lang), t("report.claim", lang), t("report.basis", lang)),
            ((s.detector, s.confidence, s.claim, s.basis),),
        ))
        if s.summary:
            out.append(Para(printable(s.summary, lang)))
        if s.items:
            out.append(Para(t("report.details", lang), "lead"))
            out.append(_items(s.items, lang))

    atts = _Attachments(d.get("attachments"), lang)
    out.extend(_indicators(d, atts, lang))

    out.append(Heading(t("report.checks", lang), 3))
    rows = [(name, _outcome(str(det.get("status", "?")) if isinstance(det, Mapping) else "?", status, lang),
             f"{ms:.1f}" if isinstance(ms, int | float) else "—", printable(why, lang))
            for (name, status, why), det in zip(words.checks, d.get("detectors", ()), strict=False)
            for ms in (det.get("ms") if isinstance(det, Mapping) else None,)]
    if rows:
        out.append(Table((t("report.detector", lang), t("report.status", lang), t("report.time_ms", lang),
                          t("report.message", lang)), tuple(rows), widths=(1.8, 1.5, 0.5, 2.2)))
    facts = d.get("facts")
    facts = {k: v for k, v in facts.items() if k != VIEWS_DETECTOR} if isinstance(facts, Mapping) else {}
    if facts:
        out.append(Heading(t("report.facts", lang), 3))
        for name, f in facts.items():  # the forensic views' facts are worded with the indicators above
            out.append(Heading(t("report.facts_of", lang, name=clean(name, lang, 200)), 4))
            out.extend(_facts(str(name), f, atts, lang))
    rest = atts.rest()
    if rest:
        out.append(Heading(t("report.attachments", lang), 3))
        out.extend(_gallery(rest))
    return out


def _crops(d: Mapping[str, Any], lang: str) -> list[Block]:
    """The pictures of the labels found (the visible-label check's crops), for the file's page."""
    atts = _Attachments(d.get("attachments"), lang)
    out: list[Block] = []
    for i, a in enumerate(atts.entries):
        if a.get("detector") == "visible_label" and len(out) < file_page.CROPS:
            b = atts.block(i, clean(a.get("name", "?"), lang, 200))
            if isinstance(b, Picture):
                out.append(b)
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
        Heading(t("report.howto", lang), 3),
        Para(t("report.howto_intro", lang)),
        Bullets(tuple(t("report." + k, lang) for k in ("howto_signed", "howto_watermark", "howto_visible", "howto_metadata"))),
        Para(t("report.howto_absence", lang), "warning"),
        Para(t("report.howto_hash", lang), "note"),
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
                how = t(f"report.{code}", lang) + how[len(en):]
                break
        return t("report.network_enforced", lang, how=how)
    return t("report.network_in_process", lang, how=how)


def _cover(tool: Mapping[str, Any], files: list[dict[str, Any]], lang: str, generated: str,
           fingerprint: tuple[str, str] | None) -> list[Block]:
    blocks: list[Block] = [Heading(t("report.title", lang), 1), Para(t("report.subtitle", lang), "lead")]
    blocks.append(Fields((
        Field(t("report.generated_at", lang), generated),
        Field(t("report.tool", lang), clean(f"{tool.get('name', 'verifier')} {tool.get('version', '?')}", lang, 200)),
        Field(t("report.c2pa_sdk", lang), clean(tool.get("c2pa_sdk", "—"), lang, 200)),
        Field(t("report.network", lang), clean(_network(str(tool.get("network", "—")), lang), lang, 300)),
        *([Field(t("report.fingerprint", lang), mark(fingerprint[0]), mono=True)] if fingerprint else []),
    )))
    if fingerprint:
        name = printable(fingerprint[1], lang, 300)
        blocks.append(Para(t("report.fingerprint_how", lang, name=mark(name), sum=mark(f"sha256sum {name}"),
                             verify=mark(f"verifier report verify {name}"), sig=mark(f"{name}.sig")), "note"))
    blocks.append(Heading(t("report.cover.files", lang), 3))
    if files:
        blocks.append(Para(t("report.files_count", lang, n=len(files))))
        rows = []
        for i, d in enumerate(files, 1):
            name = clean(short_name(d.get("path")), lang, 300)
            if d.get("parent"):
                name = "↳ " + name + " " + t("report.cover.member_of", lang,
                                             parent=clean(short_name(d["parent"]), lang, 200))
            strength = term("basis", str((d.get("verdict") or {}).get("strength", "none")), lang)
            rows.append((str(i), name, describe(d, lang).headline, strength))
        blocks.append(Table(("#", t("report.file", lang), t("report.verdict", lang), t("report.strength", lang)),
                            tuple(rows), widths=(0.3, 2.6, 2.8, 1)))
    else:
        blocks.append(Para(t("report.no_files", lang), "warning"))
    trust = tool.get("trust_lists") or []
    if not trust:
        blocks.append(Para(t("report.no_trust_lists", lang), "warning"))
    blocks.extend(_trust_status(tool.get("trust_status"), lang))
    return blocks


def _appendix_tool(tool: Mapping[str, Any], lang: str) -> list[Block]:
    blocks: list[Block] = [AppendixStart(), Heading(t("report.appendix", lang), 1),
                           Para(t("report.appendix.intro", lang), "note"),
                           Heading(t("report.appendix.tool", lang), 2, anchor="appendix-0"),
                           Heading(t("report.trust_lists", lang), 3)]
    trust = tool.get("trust_lists") or []
    if trust:
        blocks.append(Table((t("report.trust_list", lang), t("report.sha256_prefix", lang)), _trust_rows(trust, lang),
                            mono=frozenset({1}), widths=(3, 2)))
    else:
        blocks.append(Para(t("report.no_trust_lists", lang), "warning"))
    blocks.extend(howto(lang))
    return blocks


def build(tool: Mapping[str, Any], files: list[dict[str, Any]], lang: str = "en",
          now: datetime | None = None, fingerprint: tuple[str, str] | None = None,
          thumbnails: Mapping[str, Thumbnail] | None = None) -> Outline:
    """A cover with the files and their verdicts, one page per file, then the technical appendix.

    ``fingerprint``: (SHA-256, file name) of the canonical JSON this report stands for;
    ``thumbnails``: small pictures of the files by their ``path`` (see :mod:`verifier.thumbnails`)."""
    lang = lang if lang in LANGS else "en"
    generated = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    blocks = _cover(tool, files, lang, generated, fingerprint)
    pictures = thumbnails or {}
    positions = {d["path"]: i for i, d in enumerate(files, 1) if isinstance(d.get("path"), str)}
    for i, d in enumerate(files, 1):
        path = d.get("path")
        blocks.extend(file_page.page(i, len(files), d, lang, pictures.get(path) if isinstance(path, str) else None,
                                     _crops(d, lang), positions, pictures))
    blocks.extend(_appendix_tool(tool, lang))
    for i, d in enumerate(files, 1):
        blocks.extend(_appendix_file(i, d, lang))
    return Outline(lang=lang, title=t("report.title", lang), blocks=tuple(blocks), generated_at=generated)
