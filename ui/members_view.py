"""Files inside files, as the window shows them: a member's row name, and what the verdict
banner adds for a container (the member that carries its verdict, the limits that stopped
its reading). Plain text only: member names are attacker-controlled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from verifier.evidence import Evidence

from .entry import FileEntry
from .plain import text


def row_name(path: Path | str, container: object) -> str:
    """A member's place in its container ("attachment/1/photo.jpg"), else its file name."""
    full, prefix = str(path), f"{container}#"
    return full[len(prefix):] if container and full.startswith(prefix) else Path(full).name


def limit_text(limit: str, value: object) -> str:
    names = {
        "members": QCoreApplication.translate("Members", "more than {value} files inside"),
        "inflated_bytes": QCoreApplication.translate("Members", "more than {value} bytes unpacked in all"),
        "depth": QCoreApplication.translate("Members", "files nested more than {value} levels deep"),
        "member_size": QCoreApplication.translate("Members", "a file inside larger than {value} bytes"),
        "container_size": QCoreApplication.translate("Members", "the message is larger than {value} bytes"),
        "mime_parts": QCoreApplication.translate("Members", "more than {value} MIME parts"),
        "mime_depth": QCoreApplication.translate("Members", "MIME parts nested more than {value} levels deep"),
    }
    return names.get(limit, f"{limit} {value}").format(value=value)


def container_notes(entry: FileEntry | None) -> tuple[str, ...]:
    """The banner's extra lines for a container once its report is in."""
    if entry is None or entry.report is None:
        return ()
    report = entry.report
    notes = []
    if report.verdict.member:
        notes.append(QCoreApplication.translate("Members", "This comes from {member}, inside this file.").format(
            member=text(row_name(report.verdict.member, str(report.media.path)), 300)))
    if report.limits:
        named = QCoreApplication.translate("Members", "; ").join(
            limit_text(str(h.get("limit")), h.get("value")) for h in report.limits)
        notes.append(QCoreApplication.translate(
            "Members", "Not everything inside was analysed: {limits}. What lies beyond these limits was not "
                       "checked.").format(limits=named))
    return tuple(notes)


def privacy_evidence(entry: FileEntry | None) -> Evidence | None:
    """Where the privacy view reads its points: an e-mail's headers, else the file's metadata."""
    if entry is None:
        return None
    container = entry.evidence_for("container")
    if container is not None and container.facts.get("privacy"):
        return container
    return entry.evidence_for("metadata")
