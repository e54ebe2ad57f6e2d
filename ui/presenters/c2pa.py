"""Content Credentials: the summary rows, status codes and the manifest tree (ingredients nested,
with their thumbnails named by attachment)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier import describe as D
from verifier.describe import signals as DS
from verifier.evidence import Evidence, Status

from ..plain import MAX_TEXT, text
from .nodes import MAX_DEPTH, Node, Row, as_dict, as_list, tree, tree_children
from .words import detector_error, lang


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
    signer = as_dict(m.get("signer"))
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
    ai_tools = [text(t) for t in as_list(m.get("ai_tools"))]
    if ai_tools:
        kids.append(Node(QCoreApplication.translate("C2paPanel", "AI tool used"), ", ".join(ai_tools)))
    actions = [a for a in as_list(m.get("actions")) if isinstance(a, dict)]
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
    ingredients = [i for i in as_list(m.get("ingredients")) if isinstance(i, dict)]
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
    facts = as_dict(ev.facts)
    manifests = [m for m in as_list(facts.get("manifests")) if isinstance(m, dict)]
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
    tools = list(dict.fromkeys(text(t) for m in manifests for t in as_list(m.get("ai_tools")) if t))
    if tools:
        summary.append(Row(QCoreApplication.translate("C2paPanel", "AI tool used (any manifest)"), ", ".join(tools)))
    known = {"state", "trust_list", "trust_list_label", "trusted_as", "active_manifest", "remote_url",
             "status_codes", "manifests", "legacy_binding"}
    for k, v in facts.items():
        if k not in known and isinstance(v, str | int | float | bool) and v not in ("",):
            summary.append(Row(D.detail_label(k, lang()), D.detail_value(str(k), v, lang())))
    codes = []
    for c in as_list(facts.get("status_codes")):
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
    for ing in as_list(m.get("ingredients")):
        ref = as_dict(ing).get("active_manifest") or as_dict(ing).get("manifest") or as_dict(ing).get("label")
        if isinstance(ref, str) and ref in by_label:
            seen = _labels_in(by_label[ref], by_label, seen)
    return seen
