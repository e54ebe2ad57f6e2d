"""Report -> display rows: plain values the widgets show, computed without any widget.

Every function here is pure (a :class:`~ui.entry.FileEntry` or an Evidence in, frozen rows
out) and works without a ``QApplication``: ``QCoreApplication.translate`` returns the English
source when no translator is installed. Facts come from detectors written separately, so every
key is read defensively and anything unknown becomes a generic key/value :class:`Node`.
Strings taken from a file stay plain text: widgets never render them as rich text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier import describe as D
from verifier.describe import signals as DS
from verifier.evidence import Basis, Claim, Confidence, Evidence, Signal, Status, VerdictCode

from . import i18n
from .entry import FileEntry, State
from .plain import MAX_TEXT, text  # noqa: F401 - part of the presenters' API

MAX_NODES = 2_000  # nodes of a generic tree


def lang() -> str:
    """The window's language as the description layer knows it ("en" or "zh")."""
    return D.lang_of(i18n.current())


# The words of a finding come from verifier.describe (one catalogue for every surface); the Qt
# translations only hold the window's own chrome.
def detector_name(name: str) -> str:
    return D.detector_name(name, lang())


def status_text(status: Status) -> str:
    return D.status_text(str(status), lang())


def detector_error(ev: Evidence | None) -> str:
    return D.reason_text(ev, lang())


def signal_title(signal_id: str) -> str:
    return D.signal_title(signal_id, lang())


def confidence_text(c: Confidence) -> str:
    return D.term("confidence", str(c), lang())


def claim_text(claim: object) -> str:
    return D.term("claim", str(claim), lang())


def basis_text(basis: object) -> str:
    return D.term("basis", str(basis), lang())
MAX_DEPTH = 10
SEVEN_KEYS = ("Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator",
              "PropagateID", "ReservedCode2")


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    """A line of a tree: ``key`` / ``value``; ``thumbnail`` names an Evidence attachment."""

    key: str
    value: str = ""
    children: tuple[Node, ...] = ()
    thumbnail: str = ""


# --------------------------------------------------------------------------- plain text


def tree(value: Any, key: str = "", depth: int = 0, budget: list[int] | None = None, code: str = "") -> Node:
    """A generic key/value tree of any JSON-able value (bounded in depth and size)."""
    budget = budget if budget is not None else [MAX_NODES]
    budget[0] -= 1
    if depth >= MAX_DEPTH or budget[0] <= 0:
        return Node(key, text(value, 500))
    if isinstance(value, Mapping):
        kids = []
        worded, hidden = D.coded(value, lang())  # fields the core records as codes, in words
        for k, v in value.items():
            if str(k) in hidden:
                continue
            if str(k) in worded:
                kids.append(Node(D.detail_label(k, lang()), worded[str(k)]))
                continue
            if budget[0] <= 0:
                kids.append(Node("…", D.t("value.more", lang())))
                break
            kids.append(tree(v, D.detail_label(k, lang()), depth + 1, budget, str(k)))
        return Node(key, "" if kids else "{}", tuple(kids))
    if isinstance(value, list | tuple):
        kids = []
        for i, v in enumerate(value):
            if budget[0] <= 0:
                kids.append(Node("…", D.t("value.more", lang())))
                break
            kids.append(tree(v, f"[{i + 1}]", depth + 1, budget, code))
        return Node(key, "" if kids else "[]", tuple(kids))
    return Node(key, D.detail_value(code, value, lang()) if code and isinstance(value, str | bool) else text(value))


def tree_children(value: Any) -> tuple[Node, ...]:
    return tree(value).children if isinstance(value, Mapping | list | tuple) else (Node("", text(value)),)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list | tuple) else []


def human_size(n: Any) -> str:
    if not isinstance(n, int) or n < 0:
        return text(n)
    size = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if size < 1024 or unit == "TB":
            break
        size /= 1024
    shown = f"{n} B" if unit == "B" else f"{size:.1f} {unit}"
    return QCoreApplication.translate("Values", "{shown} ({n} bytes)").format(shown=shown, n=f"{n:,}")


# --------------------------------------------------------------------------- the verdict


@dataclass(frozen=True, slots=True)
class Look:
    background: str
    foreground: str
    icon: str  # "ai", "warning", "critical", "question", "ok", "info", "busy"


LOOKS: dict[str, Look] = {
    VerdictCode.AI_GENERATED: Look("#b71c1c", "#ffffff", "ai"),
    VerdictCode.AI_MODIFIED: Look("#d84315", "#ffffff", "ai"),
    VerdictCode.AI_POSSIBLE: Look("#f9a825", "#000000", "warning"),
    VerdictCode.CREDENTIALS_INVALID: Look("#6a1b9a", "#ffffff", "critical"),
    VerdictCode.CREDENTIALS_UNVERIFIABLE: Look("#546e7a", "#ffffff", "question"),
    VerdictCode.SIGNED_PROVENANCE: Look("#2e7d32", "#ffffff", "ok"),
    VerdictCode.NO_SIGNALS: Look("#e0e0e0", "#000000", "info"),
    VerdictCode.INCOMPLETE: Look("#9e9e9e", "#000000", "warning"),
    "pending": Look("#e3f2fd", "#0d47a1", "busy"),
    "failed": Look("#9e9e9e", "#000000", "critical"),
    "cancelled": Look("#eeeeee", "#424242", "info"),
}


def signer_of(entry: FileEntry) -> str:
    """Who signed the active C2PA manifest (one way, verifier.describe's)."""
    ev = entry.evidence_for("c2pa")
    return D.verdict.signer(list(entry.signals), _dict(ev.facts) if ev else {})


@dataclass(frozen=True, slots=True)
class BannerView:
    look: Look
    headline: str
    strength: str = ""
    explanation: str = ""
    notes: tuple[str, ...] = ()
    unchecked: tuple[Row, ...] = ()  # detector name, why it could not run
    also: tuple[str, ...] = ()  # corroboration by other bases; the visible label's size rule


def banner_view(entry: FileEntry | None) -> BannerView:
    if entry is None:
        return BannerView(LOOKS[VerdictCode.NO_SIGNALS],
                          QCoreApplication.translate("VerdictBanner", "Drop a file or a folder to check it"),
                          explanation=QCoreApplication.translate(
                              "VerdictBanner", "Photos, videos, audio and documents are checked for Content "
                                               "Credentials, AI labels and watermarks. Files are never changed or "
                                               "uploaded."))
    state = entry.state
    if state is State.FAILED:
        words = D.describe({"error": entry.failed or "?"}, lang())
        return BannerView(LOOKS["failed"], words.headline, explanation=words.explanation)
    if state is State.CANCELLED:
        return BannerView(LOOKS["cancelled"], QCoreApplication.translate("VerdictBanner", "Analysis cancelled"),
                          explanation=QCoreApplication.translate(
                              "VerdictBanner", "The checks were stopped before they finished: nothing is concluded "
                                               "about this file."))
    if entry.report is None:
        done, total = entry.progress
        return BannerView(LOOKS["pending"], QCoreApplication.translate("VerdictBanner", "Analysing…"),
                          explanation=QCoreApplication.translate(
                              "VerdictBanner", "{done} of {total} checks done. Findings appear below as each check "
                                               "finishes.").format(done=done, total=total or "?"))
    words = D.describe(entry.report, lang())
    return BannerView(
        look=LOOKS.get(entry.report.verdict.code, LOOKS[VerdictCode.INCOMPLETE]),
        headline=words.headline,
        strength=words.strength_line,
        explanation=words.explanation,
        notes=words.notes,
        unchecked=tuple(Row(name, why) for name, why in words.unchecked),
        also=words.also,
    )


def chip(entry: FileEntry) -> tuple[str, Look]:
    """The short verdict word of a queue row, and its colours."""
    state = entry.state
    if entry.cancelled and not entry.finished:
        return QCoreApplication.translate("QueueList", "Cancelling…"), LOOKS["cancelled"]
    if state is State.QUEUED:
        return QCoreApplication.translate("QueueList", "Waiting"), LOOKS["pending"]
    if state is State.RUNNING:
        return QCoreApplication.translate("QueueList", "Analysing"), LOOKS["pending"]
    if state is State.FAILED:
        return QCoreApplication.translate("QueueList", "Unreadable"), LOOKS["failed"]
    if state is State.CANCELLED:
        return QCoreApplication.translate("QueueList", "Cancelled"), LOOKS["cancelled"]
    assert entry.report is not None
    code = entry.report.verdict.code
    return chip_word(code), LOOKS[code]


def chip_word(code: VerdictCode) -> str:
    """The short word the queue shows for a verdict."""
    words = {
        VerdictCode.AI_GENERATED: QCoreApplication.translate("QueueList", "AI-generated"),
        VerdictCode.AI_MODIFIED: QCoreApplication.translate("QueueList", "AI-edited"),
        VerdictCode.AI_POSSIBLE: QCoreApplication.translate("QueueList", "Possibly AI"),
        VerdictCode.CREDENTIALS_INVALID: QCoreApplication.translate("QueueList", "Tampered credentials"),
        VerdictCode.CREDENTIALS_UNVERIFIABLE: QCoreApplication.translate("QueueList", "Unverifiable"),
        VerdictCode.SIGNED_PROVENANCE: QCoreApplication.translate("QueueList", "Signed"),
        VerdictCode.NO_SIGNALS: QCoreApplication.translate("QueueList", "No signals"),
        VerdictCode.INCOMPLETE: QCoreApplication.translate("QueueList", "Incomplete"),
    }
    return words[code]


def chip_words_sample() -> str:
    """The longest verdict word of the queue in the current language (sizes its column once)."""
    words = [QCoreApplication.translate("QueueList", "Tampered credentials"),
             QCoreApplication.translate("QueueList", "Unverifiable"),
             QCoreApplication.translate("QueueList", "Cancelling…"),
             QCoreApplication.translate("QueueList", "AI-generated")]
    return max(words, key=len)


def progress_text(entry: FileEntry) -> str:
    done, total = entry.progress
    if total == 0:
        return "…" if not entry.finished else ""
    return QCoreApplication.translate("QueueList", "{done}/{total}").format(done=done, total=total)


# --------------------------------------------------------------------------- overview


@dataclass(frozen=True, slots=True)
class SignalRow:
    title: str
    summary: str  # the detector's own (English) summary, or in Chinese a translated gist
    confidence: str
    detector: str
    signal: Signal | None = None


@dataclass(frozen=True, slots=True)
class Group:
    key: str  # signed | watermark | visible | metadata | weak | info
    title: str
    note: str
    rows: tuple[SignalRow, ...]


def group_key(s: Signal) -> str:
    if s.id in ("c2pa.invalid", "c2pa.remote"):
        return "problems"
    if s.confidence is Confidence.POSSIBLE or s.claim.value == "ai_possible":
        return "weak"
    if s.basis is Basis.NONE:
        return "info"
    return str(s.basis)


def overview_groups(signals: Iterable[Signal]) -> tuple[Group, ...]:
    """Signals grouped by strength; within a group, what claims AI comes before plain facts, so the
    finding shown first is the one the verdict is about."""
    buckets: dict[str, list[SignalRow]] = {k: [] for k in GROUPS}
    for s in sorted(signals, key=lambda s: s.claim is Claim.NONE):
        buckets[group_key(s)].append(SignalRow(signal_title(s.id), summary_text(s), confidence_text(s.confidence),
                                               detector_name(s.detector), s))
    return tuple(Group(k, D.t(f"group.{k}", lang()), D.t(f"group.{k}.note", lang()), tuple(rows))
                 for k, rows in buckets.items() if rows)


GROUPS = ("problems", "signed", "watermark", "visible", "metadata", "weak", "info")


def overview_empty(entry: FileEntry) -> str:
    """What the Overview says when it lists no finding: never "No signals found." for a file that
    could not be read."""
    if entry.state is State.FAILED:
        return D.t("overview.unread", lang(), why=D.technical(entry.failed or "?", 2000))
    from verifier.describe.members import empty_overview

    return empty_overview(entry.report, lang()) if entry.report is not None else D.t("overview.none", lang())


def summary_text(s: Signal) -> str:
    """What a signal says in the window's language (verifier.describe: the detector's own words in
    English, a gist of the details otherwise)."""
    return DS.summary(s, lang())


def item_rows(items: Iterable[D.Item], prefix: str = "") -> list[Row]:
    """Labelled details (verifier.describe) as flat ``a › b [2]`` / value rows."""
    rows: list[Row] = []
    for i in items:
        label = f"{prefix} › {i.label}" if prefix and i.label and not i.label.startswith("[") else \
            f"{prefix} {i.label}" if prefix else i.label
        if i.value is not None:
            rows.append(Row(label or prefix, i.value))
        elif i.children and all(c.value is not None and c.label.startswith("[") for c in i.children):
            rows.append(Row(label, "\n".join(c.value or "" for c in i.children)))  # a list of plain values
        else:
            rows.extend(item_rows(i.children, label))
    return rows


def finding_rows(s: Signal) -> tuple[Row, ...]:
    """One finding in full for the details pane: what it is, how strong, the detector's own words,
    then every detail flattened."""
    rows = [Row(QCoreApplication.translate("FindingDetails", "Finding"), signal_title(s.id)),
            Row(QCoreApplication.translate("FindingDetails", "Claim"), claim_text(s.claim)),
            Row(QCoreApplication.translate("FindingDetails", "Basis"), basis_text(s.basis)),
            Row(QCoreApplication.translate("FindingDetails", "Confidence"), confidence_text(s.confidence)),
            Row(QCoreApplication.translate("FindingDetails", "Found by"), detector_name(s.detector)),
            Row(QCoreApplication.translate("FindingDetails", "Signal code"), D.quote(s.id, 200)),
            # the detector's own English line, labelled as such: a technical detail beside the words above
            Row(QCoreApplication.translate("FindingDetails", "Detector's own text (English)"),
                D.technical(s.summary, 5000) if lang() != "en" else D.quote(s.summary, 5000))]
    details = item_rows(DS.detail_items(s, lang()))
    if details:
        rows.append(Row(QCoreApplication.translate("FindingDetails", "Details recorded by the detector"), "",
                        "section"))
        rows.extend(details)
    return tuple(rows)


# --------------------------------------------------------------------------- C2PA


@dataclass(frozen=True, slots=True)
class C2paView:
    available: bool
    message: str = ""
    summary: tuple[Row, ...] = ()
    status_codes: tuple[Row, ...] = ()  # code, explanation
    manifests: tuple[Node, ...] = ()


def _manifest_node(m: dict[str, Any], by_label: dict[str, dict[str, Any]], seen: set[str], depth: int) -> Node:
    label = text(m.get("label"), 300)
    title = text(m.get("title"), 300) or label or QCoreApplication.translate("C2paPanel", "(untitled manifest)")
    kids: list[Node] = []
    signer = _dict(m.get("signer"))
    who = signer.get("common_name") or signer.get("issuer")
    if who:
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Issued by"), text(who)))
    if signer.get("issuer") and signer.get("common_name"):
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Certificate issuer"), text(signer["issuer"])))
    if m.get("signed_at"):
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Issued on"), text(m["signed_at"])))
    if m.get("timestamp_authority"):
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Timestamp authority"),
                         text(m["timestamp_authority"])))
    if m.get("claim_generator"):
        kids.append(Node(QCoreApplication.translate("C2paPanel", "App or device used"), text(m["claim_generator"])))
    ai_tools = [text(t) for t in _list(m.get("ai_tools"))]
    if ai_tools:
        kids.append(Node(QCoreApplication.translate("C2paPanel", "AI tool used"), ", ".join(ai_tools)))
    actions = [a for a in _list(m.get("actions")) if isinstance(a, dict)]
    if actions:
        rows = []
        for a in actions:
            parts = [text(a.get("when"), 100), text(a.get("software_agent"), 300),
                     DS.source_type_text(a.get("digital_source_type"), lang()) if a.get("digital_source_type") else ""]
            rest = tuple(Node(D.detail_label(k, lang()), D.detail_value(str(k), v, lang())) for k, v in a.items()
                         if k != "action" and v not in (None, "") and not isinstance(v, dict | list))
            rows.append(Node(DS.action_text(a.get("action"), lang()), " · ".join(p for p in parts if p), rest))
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Actions"), str(len(actions)), tuple(rows)))
    if m.get("cawg_identity"):
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Identity (CAWG)"), "",
                         tree_children(m["cawg_identity"])))
    if m.get("soft_bindings"):
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Soft bindings (watermarks, fingerprints)"), "",
                         tree_children(m["soft_bindings"])))
    ingredients = [i for i in _list(m.get("ingredients")) if isinstance(i, dict)]
    if ingredients:
        ing_nodes = []
        for ing in ingredients:
            sub: list[Node] = []
            for key, name in (("format", QCoreApplication.translate("C2paPanel", "Format")),
                              ("relationship", QCoreApplication.translate("C2paPanel", "Relationship"))):
                if ing.get(key):
                    sub.append(Node(name, text(ing[key])))
            known = {"title", "format", "relationship", "thumbnail"}
            sub.extend(tree(v, D.detail_label(k, lang())) for k, v in ing.items()
                       if k not in known and v not in (None, "", [], {}))
            ref = ing.get("active_manifest") or ing.get("manifest") or ing.get("label")
            if isinstance(ref, str) and ref in by_label and ref not in seen and depth < MAX_DEPTH:
                sub.append(_manifest_node(by_label[ref], by_label, seen | {ref}, depth + 1))
            ing_nodes.append(Node(text(ing.get("title"), 300) or QCoreApplication.translate("C2paPanel", "(untitled)"),
                                  text(ing.get("relationship")), tuple(sub), text(ing.get("thumbnail"), 300)))
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Ingredients"), str(len(ingredients)),
                         tuple(ing_nodes)))
    known = {"label", "title", "claim_generator", "signer", "signed_at", "timestamp_authority", "is_active",
             "actions", "ai_tools", "cawg_identity", "soft_bindings", "thumbnail", "ingredients"}
    extra = {k: v for k, v in m.items() if k not in known and v not in (None, "", [], {})}
    if extra:
        kids.append(Node(QCoreApplication.translate("C2paPanel", "Other fields"), "", tree_children(extra)))
    active = QCoreApplication.translate("C2paPanel", "active manifest") if m.get("is_active") else ""
    return Node(title, active, tuple(kids), text(m.get("thumbnail"), 300))


def c2pa_view(ev: Evidence | None) -> C2paView:
    if ev is None:
        return C2paView(False, QCoreApplication.translate("C2paPanel", "Not checked yet."))
    if ev.status is not Status.OK:
        if ev.status is Status.NOT_APPLICABLE:
            return C2paView(False, QCoreApplication.translate("C2paPanel", "Content Credentials do not apply to this "
                                                                           "type of file."))
        return C2paView(False, QCoreApplication.translate("C2paPanel", "The check could not run: {why}").format(
            why=detector_error(ev)))
    facts = _dict(ev.facts)
    manifests = [m for m in _list(facts.get("manifests")) if isinstance(m, dict)]
    if not facts or (not manifests and not facts.get("state") and not facts.get("remote_url")):
        return C2paView(False, QCoreApplication.translate("C2paPanel", "No Content Credentials in this file."))
    summary = []
    if "state" in facts:
        state = "invalid_credential" if facts["state"] == "invalid" and facts.get("failure") == "credential" \
            else facts["state"]
        summary.append(Row(QCoreApplication.translate("C2paPanel", "Validation"),
                           D.detail_value("state", state, lang())))
    if facts.get("trust_list") or facts.get("trust_list_label"):
        summary.append(Row(QCoreApplication.translate("C2paPanel", "Trust list matched"),
                           text(facts.get("trust_list_label") or facts.get("trust_list"))))
    if facts.get("trusted_as"):
        summary.append(Row(QCoreApplication.translate("C2paPanel", "Trusted as"), text(facts["trusted_as"])))
    if facts.get("active_manifest"):
        summary.append(Row(QCoreApplication.translate("C2paPanel", "Active manifest"), text(facts["active_manifest"])))
    if facts.get("remote_url"):
        summary.append(Row(QCoreApplication.translate("C2paPanel", "Remote manifest (not fetched)"),
                           text(facts["remote_url"])))
    if isinstance(facts.get("legacy_binding"), dict):
        summary.append(Row(QCoreApplication.translate("C2paPanel", "Older signer's layout"),
                           D.t("sep.sentence", lang()).join(D.signals.legacy_binding_sentences(
                               facts["legacy_binding"], lang()))))
    tools = list(dict.fromkeys(text(t) for m in manifests for t in _list(m.get("ai_tools")) if t))
    if tools:
        summary.append(Row(QCoreApplication.translate("C2paPanel", "AI tool used (any manifest)"), ", ".join(tools)))
    known = {"state", "trust_list", "trust_list_label", "trusted_as", "active_manifest", "remote_url",
             "status_codes", "manifests", "legacy_binding"}
    for k, v in facts.items():
        if k not in known and isinstance(v, str | int | float | bool) and v not in ("",):
            summary.append(Row(D.detail_label(k, lang()), D.detail_value(str(k), v, lang())))
    codes = []
    for c in _list(facts.get("status_codes")):
        if isinstance(c, dict):
            url = text(c.get("url"), 300)
            codes.append(Row(text(c.get("code")),  # the SDK's explanation: a library message
                             D.technical(c.get("explanation"), MAX_TEXT) + (f"  [{url}]" if url else "")))
        else:
            codes.append(Row(text(c), ""))
    by_label = {m["label"]: m for m in manifests if isinstance(m.get("label"), str)}
    active = next((m for m in manifests if m.get("is_active")), None) or by_label.get(
        facts.get("active_manifest") or "") or (manifests[0] if manifests else None)
    nodes = []
    shown: set[str] = set()
    if active is not None:
        node = _manifest_node(active, by_label, {text(active.get("label"))}, 0)
        nodes.append(node)
        shown |= _labels_in(active, by_label, set())
    for m in manifests:
        if m is not active and text(m.get("label")) not in shown:
            nodes.append(_manifest_node(m, by_label, {text(m.get("label"))}, 0))
    return C2paView(True, "", tuple(summary), tuple(codes), tuple(nodes))


def _labels_in(m: dict[str, Any], by_label: dict[str, dict[str, Any]], seen: set[str]) -> set[str]:
    label = text(m.get("label"))
    if label in seen:
        return seen
    seen = seen | {label}
    for ing in _list(m.get("ingredients")):
        ref = _dict(ing).get("active_manifest") or _dict(ing).get("manifest") or _dict(ing).get("label")
        if isinstance(ref, str) and ref in by_label:
            seen = _labels_in(by_label[ref], by_label, seen)
    return seen


# --------------------------------------------------------------------------- AI labels


def _seven(details: dict[str, Any]) -> dict[str, Any]:
    for key in ("label", "fields", "aigc", "AIGC", "values"):
        inner = details.get(key)
        if isinstance(inner, dict) and any(k in inner for k in SEVEN_KEYS):
            return inner
    return details


def _item_nodes(items: Iterable[D.Item]) -> tuple[Node, ...]:
    return tuple(Node(i.label, i.value or "", _item_nodes(i.children)) for i in items)


def signal_section(s: Signal) -> Node:
    """One AI-declaring signal as a tree: the GB 45438 label's seven fields first, then every
    detail, labelled and worded by verifier.describe."""
    details = _dict(s.details)
    seven = _seven(details)
    first = {k: seven[k] for k in SEVEN_KEYS if k in seven} if s.id == "gb45438.label" else {}
    rest = {k: v for k, v in details.items() if k not in first and not (first and v is seven and v is not details)}
    kids = _item_nodes(D.signals.items(first, lang()) + D.signals.items(rest, lang()))
    head = QCoreApplication.translate("AiLabelsPanel", "{title} ({confidence})").format(
        title=signal_title(s.id), confidence=confidence_text(s.confidence))
    return Node(head, summary_text(s), kids)


AI_LABEL_IDS = ("gb45438.label", "iptc.ai", "generator.metadata", "audio.cue", "text.label")


def ai_label_sections(signals: Iterable[Signal]) -> tuple[Node, ...]:
    return tuple(signal_section(s) for s in signals if s.id in AI_LABEL_IDS)


def prompt_of(signals: Iterable[Signal]) -> str:
    for s in signals:
        if s.id == "generator.metadata":
            p = _dict(s.details).get("prompt") or _dict(_dict(s.details).get("fields")).get("prompt")
            if p:
                return text(p)
    return ""


# --------------------------------------------------------------------------- watermarks


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: str


def boxes(signals: Iterable[Signal]) -> tuple[Box, ...]:
    out = []
    for s in signals:
        if s.id != "visible_label":
            continue
        b = _dict(s.details).get("box")
        if isinstance(b, list | tuple) and len(b) == 4 and all(isinstance(v, int | float) for v in b):
            x, y, w, h = (float(v) for v in b)
            if w > 0 and h > 0:
                out.append(Box(x, y, w, h, text(_dict(s.details).get("text"), 100)))
    return tuple(out)


def crop_nodes(attachments: Iterable[Any]) -> tuple[Node, ...]:
    """Image attachments (crops of the labels a detector read), shown as thumbnails."""
    return tuple(Node(QCoreApplication.translate("WatermarkPanel", "Picture kept as evidence"),
                      text(a.note or a.name, 300), (), a.name) for a in attachments if a.mime.startswith("image/"))


def watermark_sections(signals: Iterable[Signal]) -> tuple[Node, ...]:
    out = []
    for s in signals:
        if s.id not in ("watermark.invisible", "visible_label"):
            continue
        head = QCoreApplication.translate("WatermarkPanel", "{title} ({confidence})").format(
            title=signal_title(s.id), confidence=confidence_text(s.confidence))
        out.append(Node(head, summary_text(s), _item_nodes(DS.detail_items(s, lang()))))
    return tuple(out)


# --------------------------------------------------------------------------- metadata, privacy, file


def metadata_rows(ev: Evidence | None) -> tuple[tuple[str, str, str], ...]:
    if ev is None:
        return ()
    rows = []
    for f in _list(_dict(ev.facts).get("fields")):
        if isinstance(f, dict):
            rows.append((text(f.get("group"), 200), text(f.get("key"), 500), text(f.get("value"))))
    return tuple(rows)


def privacy_rows(ev: Evidence | None) -> tuple[tuple[str, str, str], ...]:
    if ev is None:
        return ()
    from verifier.describe.privacy import privacy_rows as worded

    return worded(_list(_dict(ev.facts).get("privacy")), lang(), MAX_TEXT)


def file_rows(entry: FileEntry) -> tuple[Row, ...]:
    ev = entry.evidence_for("file")
    facts = _dict(ev.facts) if ev else {}
    media = entry.media
    rows = [Row(QCoreApplication.translate("FilePanel", "Name"), text(entry.path.name)),
            Row(QCoreApplication.translate("FilePanel", "Location"), text(str(entry.path.parent)))]
    size = facts.get("size", media.size if media else None)
    if size is not None:
        rows.append(Row(QCoreApplication.translate("FilePanel", "Size"), human_size(size)))
    sha = facts.get("sha256", media.sha256 if media else None)
    if sha:
        rows.append(Row(QCoreApplication.translate("FilePanel", "SHA-256"), text(sha)))
    mt = facts.get("media_type", media.media_type if media else None)
    if mt:
        rows.append(Row(QCoreApplication.translate("FilePanel", "Type (from content)"), text(mt)))
    if facts.get("extension") or facts.get("extension_type"):
        rows.append(Row(QCoreApplication.translate("FilePanel", "Extension suggests"),
                        " ".join(p for p in (text(facts.get("extension")), text(facts.get("extension_type"))) if p)))
    mismatch = facts.get("extension_mismatch", media.extension_mismatch if media else None)
    if mismatch is not None:
        rows.append(Row(QCoreApplication.translate("FilePanel", "Extension matches content"),
                        QCoreApplication.translate("FilePanel", "no — the name hides the real type") if mismatch
                        else QCoreApplication.translate("FilePanel", "yes"),
                        "warning" if mismatch else ""))
    if facts.get("family"):
        rows.append(Row(QCoreApplication.translate("FilePanel", "Container"), text(facts["family"])))
    if facts.get("supported") is False:
        rows.append(Row(QCoreApplication.translate("FilePanel", "Supported"),
                        QCoreApplication.translate("FilePanel", "no — this type cannot be analysed"), "warning"))
    if facts.get("sniff_note"):
        rows.append(Row(QCoreApplication.translate("FilePanel", "Note"), text(facts["sniff_note"])))
    known = {"size", "sha256", "media_type", "extension", "extension_type", "extension_mismatch", "family",
             "supported", "sniff_note"}
    rows.extend(Row(D.detail_label(k, lang()), D.detail_value(str(k), v, lang()) if not isinstance(v, dict | list)
                    else text(v)) for k, v in facts.items() if k not in known)
    meta = entry.evidence_for("metadata")
    camera = _dict(_dict(meta.facts).get("camera")) if meta else {}
    for k, v in camera.items():
        rows.append(Row(QCoreApplication.translate("FilePanel", "Camera or software: {key}").format(
            key=D.detail_label(k, lang())),
                        text(v, 500)))
    if entry.report is not None:
        rows.append(Row(QCoreApplication.translate("FilePanel", "Analysed at (UTC)"), text(entry.report.analysed_at)))
    return tuple(rows)


def checks_rows(entry: FileEntry) -> tuple[Row, ...]:
    """Every check with its outcome and time (the Details tab)."""
    rows = []
    for name in entry.detectors or tuple(entry.evidence):
        ev = entry.evidence_for(name)
        if ev is None:
            rows.append(Row(detector_name(name), QCoreApplication.translate("Detectors", "running…")))
        else:
            why = "" if ev.status in (Status.OK, Status.NOT_APPLICABLE) else detector_error(ev)
            rows.append(Row(detector_name(name), status_text(ev.status),
                            QCoreApplication.translate("Detectors", "{ms} ms").format(ms=f"{ev.ms:g}") +
                            (f" — {why}" if why else "")))
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Preview:
    """What to show under the label boxes: an image attachment (a video frame) or the input image."""

    attachment: Any = None  # verifier.evidence.Attachment
    path: Any = None  # pathlib.Path of an image input


PREVIEWABLE = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff")


def preview_source(entry: FileEntry) -> Preview | None:
    """The input itself when it is a picture; else a frame a detector attached (video)."""
    if entry.media is not None and entry.media.media_type in PREVIEWABLE:
        return Preview(path=entry.path)
    for name in ("visible_label", "watermark"):
        ev = entry.evidence_for(name)
        if ev is not None:
            for att in ev.attachments:
                if att.mime.startswith("image/") and "frame" in att.name.lower():
                    return Preview(attachment=att)
    return None


# --------------------------------------------------------------------------- advisory indicators


def indicators_view(entry: FileEntry) -> Any:
    """The advisory indicators and forensic views of a file (as far as analysed), worded."""
    from types import SimpleNamespace

    from verifier.describe.indicators import describe_indicators

    evidence = entry.all_evidence
    return describe_indicators(SimpleNamespace(evidence=evidence, indicators=tuple(
        i for e in evidence for i in e.indicators)), lang())
