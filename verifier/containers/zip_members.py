"""Members of a ZIP archive, and the media parts of an Office Open XML package.

Read with :mod:`zipfile` through a bounded stream: a member that declares more bytes than the
limits allow is not inflated at all, and ``zipfile`` never inflates past the declared size, so a
bomb costs at most what the budget allows. Encrypted or unreadable members are listed with the
reason, never silently dropped.
"""

from __future__ import annotations

import re
import zipfile
from typing import Any

from .members import MemberWriter, safe_place
from .source import Source, open_source

# Office parts that are media or embedded documents (pictures, videos, embedded workbooks…)
OOXML_MEDIA = re.compile(r"^(?:[^/]+/)*(?:media|embeddings)/[^/]+$|^docProps/thumbnail\.[A-Za-z0-9]+$")


class ZipUnreadable(ValueError):
    pass


def expand_zip(source: Source, writer: MemberWriter, ooxml: bool = False) -> dict[str, Any]:
    """Write the archive's members (for OOXML: its media parts) out; facts about the reading."""
    unreadable: list[dict[str, str]] = []
    with open_source(source) as fh:
        try:
            z = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ZipUnreadable(f"not a readable ZIP archive: {exc}") from exc
        with z:
            infos = z.infolist()
            wanted = [i for i in infos if not i.is_dir() and (not ooxml or OOXML_MEDIA.match(i.filename))]
            for info in wanted:
                if not writer.tally.room_for_member():
                    break
                place = safe_place(info.filename)
                if info.flag_bits & 0x1:
                    unreadable.append({"place": place, "why": "encrypted (no password is tried)"})
                    continue
                try:
                    with z.open(info) as stream:
                        writer.add_stream(place, stream, info.file_size)
                except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError,
                        ValueError) as exc:
                    unreadable.append({"place": place, "why": f"{type(exc).__name__}: {exc}"[:200]})
    facts: dict[str, Any] = {"entries": len(infos), "candidates": len(wanted)}
    if unreadable:
        facts["unreadable"] = unreadable[:100]
    return facts
