"""The Metadata, Privacy, File and Checks tabs as rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from verifier import describe as D
from verifier.evidence import Evidence, Status

from ..entry import FileEntry
from ..plain import MAX_TEXT, text
from .nodes import Row, as_dict, as_list, human_size
from .words import detector_error, detector_name, lang, status_text


def metadata_rows(ev: Evidence | None) -> tuple[tuple[str, str, str], ...]:
    if ev is None:
        return ()
    rows = []
    for f in as_list(as_dict(ev.facts).get("fields")):
        if isinstance(f, dict):
            rows.append((text(f.get("group"), 200), text(f.get("key"), 500), text(f.get("value"))))
    return tuple(rows)


def privacy_rows(ev: Evidence | None) -> tuple[tuple[str, str, str], ...]:
    if ev is None:
        return ()
    from verifier.describe.privacy import privacy_rows as worded

    return worded(as_list(as_dict(ev.facts).get("privacy")), lang(), MAX_TEXT)


def file_rows(entry: FileEntry) -> tuple[Row, ...]:
    ev = entry.evidence_for("file")
    facts = as_dict(ev.facts) if ev else {}
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
    camera = as_dict(as_dict(meta.facts).get("camera")) if meta else {}
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
