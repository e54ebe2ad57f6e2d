"""Write a report document in the format its file name asks for (.json, .html or .pdf)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .json_report import document, dumps

FORMATS = ("json", "html", "pdf")


def write(output: Path, tool: dict[str, Any], files: list[dict[str, Any]], lang: str = "en") -> None:
    fmt = output.suffix.lower().lstrip(".")
    if fmt == "htm":
        fmt = "html"
    if fmt not in FORMATS:
        raise ValueError(f"unsupported report format {fmt!r}: use .json, .html or .pdf")
    if fmt == "json":
        output.write_text(dumps(document(tool, files)), encoding="utf-8")
        return
    from . import outline

    doc = outline.build(tool, files, lang)
    if fmt == "html":
        from .html_report import write_html

        write_html(output, doc)
    else:
        from .pdf_report import write_pdf

        write_pdf(output, doc)
