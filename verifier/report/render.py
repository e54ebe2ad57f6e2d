"""Write a report document in the format its file name asks for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .json_report import document, dumps


def write(output: Path, tool: dict[str, Any], files: list[dict[str, Any]], lang: str = "en") -> None:
    fmt = output.suffix.lower().lstrip(".")
    doc = document(tool, files)
    if fmt == "json":
        output.write_text(dumps(doc), encoding="utf-8")
    else:
        raise ValueError(f"unsupported report format {fmt!r}: use .json")
