"""Open a container and write its members out: the one entry point, dispatching by type.

Returns the facts the ``container`` detector reports: the kind, the members in order (their
place, scratch file, size, SHA-256, declared and sniffed types), the limits that were hit, and
what the kind has to say (e-mail headers, unreadable members…). Without an expansion (outside
the pipeline) the container is described but nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..evidence import MediaFile
from ..formats.sniff import EXTENSIONS
from .email_facts import header_facts
from .email_parts import read
from .limits import CONTAINER_SIZE, Budget, Expansion, MemberLimits, Tally
from .mbox import expand_mbox
from .members import MemberWriter
from .pdf_images import expand_pdf
from .source import Source, open_source
from .zip_members import expand_zip

EMAIL, MBOX, ZIP, OOXML, PDF = "email", "mbox", "zip", "ooxml", "pdf"
OOXML_TYPES = frozenset(EXTENSIONS[e] for e in (".docx", ".xlsx", ".pptx")) | {
    "application/vnd.openxmlformats-package"}
OUTLOOK_MSG = "application/vnd.ms-outlook"


class ContainerUnreadable(ValueError):
    """The container could not be opened; the message says why, in plain words."""


def container_kind(media: MediaFile) -> str | None:
    if media.family == "email":
        return EMAIL
    if media.family == "mbox":
        return MBOX
    if media.family == "pdf":
        return PDF
    if media.family == "zip":
        return OOXML if media.media_type in OOXML_TYPES else ZIP
    if media.extension_type == OUTLOOK_MSG:
        return "msg"
    return None


def expand(media: MediaFile, expansion: Expansion | None) -> dict[str, Any]:
    kind = container_kind(media)
    if kind is None:
        raise ContainerUnreadable("not a container")
    if kind == "msg":
        raise ContainerUnreadable(
            "Outlook .msg files cannot be read here: save the message as an .eml file from your mail "
            "program and analyse that file")
    if expansion is None:
        tally = Tally(Budget(MemberLimits(), 0, 0, 0), quiet=True)
        folder = Path(os.devnull)
    else:
        tally = Tally(expansion.budget)
        folder = expansion.folder
    writer = MemberWriter(folder, tally)
    facts: dict[str, Any] = {"kind": kind}
    try:
        facts.update(read_members(kind, media, writer))
    except (ValueError, OSError) as exc:  # the readers' own "unreadable" errors are ValueErrors
        if not writer.members:
            raise ContainerUnreadable(str(exc)[:500]) from exc
        facts["stopped"] = str(exc)[:500]  # what was read before the failure is kept
    facts["members"] = [m.as_dict() for m in writer.members]
    facts["limits"] = [h.as_dict() for h in tally.hits]
    facts["inflated_bytes"] = tally.inflated_bytes
    return facts


def read_members(kind: str, media: MediaFile, writer: MemberWriter, data: bytes | None = None) -> dict[str, Any]:
    """Hand each member of a container of ``kind`` to ``writer``; the facts of the reading.
    ``data``: the container's bytes when it is itself a member held in memory (``media``
    describes them); otherwise its file ``media.path`` is read."""
    source: Source = media.path if data is None else data
    if kind == EMAIL:
        return _expand_email(source, len(data) if data is not None else media.size, writer)
    if kind == MBOX:
        return expand_mbox(source, writer)
    if kind in (ZIP, OOXML):
        return expand_zip(source, writer, ooxml=kind == OOXML)
    if kind == PDF:
        return expand_pdf(source, writer)
    raise ContainerUnreadable("not a container")


def _expand_email(source: Source, size: int, writer: MemberWriter) -> dict[str, Any]:
    limit = writer.tally.budget.limits.container_size
    if size > limit:
        writer.tally.hit(CONTAINER_SIZE, limit)
        return {"email": {"note": f"a message of {size} bytes is larger than the limit ({limit}): not read"}}
    with open_source(source) as fh:
        data = fh.read(limit + 1)
    parsed = read(data)
    if parsed.limit is not None:
        writer.tally.hit(*parsed.limit)
    table = []
    for part in parsed.parts:
        row: dict[str, Any] = {"place": part.place, "filename": part.filename, "declared_type": part.content_type,
                               "disposition": part.disposition}
        member, error = None, "not analysed" if writer.tally.quiet else "not analysed: a limit was reached"
        if writer.tally.room_for_member():
            payload, why = part.payload()
            if payload is None:
                error = why
            else:
                member = writer.add_bytes(part.place, payload, part.content_type)
        if member is not None:
            row.update(sniffed_type=member.sniffed_type, size=member.size, sha256=member.sha256,
                       type_mismatch=_mismatch(part.content_type, member.sniffed_type))
        else:
            row["error"] = error
        table.append(row)
    facts = header_facts(parsed.message)
    facts["attachments"] = table
    if parsed.defects:
        facts["mime_defects"] = parsed.defects
    if parsed.truncated:
        facts["mime_truncated"] = parsed.truncated
    privacy = facts.pop("privacy", [])
    return {"email": facts, "privacy": privacy}


_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/x-png": "image/png",
            "audio/x-wav": "audio/wav", "audio/mp3": "audio/mpeg"}


def _mismatch(declared: str, sniffed: str) -> bool:
    generic = {"application/octet-stream", "text/plain", ""}
    declared = _ALIASES.get(declared, declared)
    return declared not in generic and sniffed not in generic and declared != sniffed
