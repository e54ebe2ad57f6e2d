"""zipfile + defusedxml adapter for Office Open XML (DOCX/XLSX/PPTX).

Reads ``docProps/custom.xml`` (the GB 45438 ``AIGC`` property), ``core.xml`` and ``app.xml``
and, for explicit labels, the body text. Every member read is capped: a declared or actual
uncompressed size above the cap is refused (zip bombs), never inflated.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from ..formats.meta import Entry
from ..inputs import open_readonly

MAX_MEMBER = 16 << 20  # bytes of one XML part
MAX_MEMBERS = 5000
CUSTOM, CORE, APP = "docProps/custom.xml", "docProps/core.xml", "docProps/app.xml"


class OoxmlUnreadable(ValueError):
    pass


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read(z: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MEMBER:
        raise OoxmlUnreadable(f"{name} declares {info.file_size} bytes: not inflated (limit {MAX_MEMBER})")
    with z.open(info) as fh:
        data = fh.read(MAX_MEMBER + 1)
    if len(data) > MAX_MEMBER:
        raise OoxmlUnreadable(f"{name} inflates past {MAX_MEMBER} bytes: not read")
    return data


def _parse(data: bytes) -> Any:
    from defusedxml import ElementTree

    try:
        return ElementTree.fromstring(data)
    except Exception as exc:  # noqa: BLE001 - defusedxml refuses DTDs/entities by raising
        raise OoxmlUnreadable(f"XML part not readable: {exc}") from exc


def _open(path: Path) -> tuple[BinaryIO, zipfile.ZipFile]:
    fh = open_readonly(path)
    try:
        z = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError) as exc:
        fh.close()
        raise OoxmlUnreadable(f"not a readable ZIP package: {exc}") from exc
    if len(z.infolist()) > MAX_MEMBERS:
        z.close()
        fh.close()
        raise OoxmlUnreadable(f"more than {MAX_MEMBERS} members: not read")
    return fh, z


def property_entries(path: Path) -> list[Entry]:
    fh, z = _open(path)
    out: list[Entry] = []
    with fh, z:
        data = _read(z, CUSTOM)
        if data:
            for prop in _parse(data):
                if _local(prop.tag) != "property":
                    continue
                name = prop.get("name", "")
                value = "".join("".join(child.itertext()) for child in prop)
                out.append(Entry(f"ooxml:{CUSTOM}", name, value, group="Custom properties"))
        for part, group in ((CORE, "Core properties"), (APP, "App properties")):
            data = _read(z, part)
            if not data:
                continue
            for el in _parse(data):
                text = "".join(el.itertext()).strip()
                if text and len(el) == 0:
                    out.append(Entry(f"ooxml:{part}", _local(el.tag), text, group=group))
    return out


_BODY_PARTS = re.compile(
    r"^(word/document\.xml|word/(header|footer)\d*\.xml|ppt/slides/slide\d+\.xml|xl/sharedStrings\.xml)$"
)


def body_paragraphs(path: Path, limit: int = 200_000) -> list[str]:
    """Paragraph texts of the document body (and headers/footers, slides, shared strings)."""
    fh, z = _open(path)
    out: list[str] = []
    total = 0
    with fh, z:
        names = sorted((n for n in z.namelist() if _BODY_PARTS.match(n)),
                       key=lambda n: (not n.startswith("word/document"), n))
        for name in names:
            data = _read(z, name)
            if not data:
                continue
            root = _parse(data)
            for el in root.iter():
                if _local(el.tag) in ("p", "si"):
                    text = "".join(t.text or "" for t in el.iter() if _local(t.tag) == "t")
                    if text.strip():
                        out.append(text)
                        total += len(text)
                        if total > limit:
                            return out
    return out
