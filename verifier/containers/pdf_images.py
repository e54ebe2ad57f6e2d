"""The pictures embedded in a PDF, in page order (``image/<n>``), through the pypdf adapter.

An image drawn on many pages (a logo) is one member: the first page that shows it gives its
place. A JPEG is kept as stored (its own metadata intact); other encodings are what pypdf
rebuilds from the decoded pixels.
"""

from __future__ import annotations

from typing import Any

from ..adapters.pdf import embedded_images
from .members import MemberWriter
from .source import Source, open_source


def expand_pdf(source: Source, writer: MemberWriter) -> dict[str, Any]:
    unreadable: list[dict[str, str]] = []
    n = 0
    with open_source(source) as fh:
        for image in embedded_images(fh, writer.tally.room_for_member):
            n += 1
            place = f"image/{n}"
            if image.error:
                unreadable.append({"place": place, "why": image.error[:200]})
                continue
            writer.add_bytes(place, image.data, image.mime, suffix="." + image.extension)
    facts: dict[str, Any] = {"images": n}
    if unreadable:
        facts["unreadable"] = unreadable[:100]
    return facts
