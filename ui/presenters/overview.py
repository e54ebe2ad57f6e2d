"""The Overview: signals grouped by strength, and one finding in full."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from verifier import describe as D
from verifier.describe import signals as DS
from verifier.evidence import Basis, Claim, Confidence, Signal

from ..entry import FileEntry, State
from .nodes import Row
from .words import basis_text, claim_text, confidence_text, detector_name, lang, signal_title, summary_text


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
