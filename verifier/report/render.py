"""Write a report document in the format its file name asks for (.json, .html or .pdf).

Every report has a canonical JSON form (RFC 8785) whose SHA-256 is its *fingerprint*. A ``.json``
report is written in that form, so ``sha256sum r.json`` prints the fingerprint. An ``.html`` or
``.pdf`` report prints the fingerprint on its first page and is always written together with
that canonical JSON beside the OUTPUT file (``r.pdf`` → ``r.json``), never beside the evidence:
a reader can recompute the hash, and ``verifier report verify r.json`` checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .images import Thumbnail
from .json_report import canonical_bytes, document, fingerprint

FORMATS = ("json", "html", "pdf")


@dataclass(frozen=True)
class Written:
    """What :func:`write` wrote: the report, the canonical JSON it stands for, and its fingerprint."""

    output: Path
    json_path: Path
    fingerprint: str


def report_format(output: Path) -> str:
    fmt = output.suffix.lower().lstrip(".")
    fmt = "html" if fmt == "htm" else fmt
    if fmt not in FORMATS:
        raise ValueError(f"unsupported report format {fmt!r}: use .json, .html or .pdf")
    return fmt


def json_companion(output: Path) -> Path:
    """Where the canonical JSON of a report goes: the report itself, or beside it with .json."""
    return output if report_format(output) == "json" else output.with_suffix(".json")


def write(output: Path, tool: dict[str, Any], files: list[dict[str, Any]], lang: str = "en",
          now: datetime | None = None, thumbnails: Mapping[str, Thumbnail] | None = None) -> Written:
    """Write the report; ``thumbnails`` (by file ``path``, see :mod:`verifier.thumbnails`) are the
    pictures on the HTML/PDF file pages (the JSON never carries them)."""
    fmt = report_format(output)
    moment = now or datetime.now(UTC)
    generated = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = document(tool, files)
    doc["report"] = {"generated_at": generated, "lang": lang}
    data = canonical_bytes(doc)
    json_path = json_companion(output)
    json_path.write_bytes(data)
    written = Written(output, json_path, fingerprint(data))
    if fmt == "json":
        return written
    from . import outline

    page = outline.build(tool, files, lang, now=moment, fingerprint=(written.fingerprint, json_path.name),
                         thumbnails=thumbnails)
    if fmt == "html":
        from .html_report import write_html

        write_html(output, page)
    else:
        from .pdf_report import write_pdf

        write_pdf(output, page)
    return written
