"""Which picture stands for a file, and what is outlined on it.

The input itself when it is a picture (a picture found inside another file: read again from its
container); else a frame a detector kept (a video's); else, for a
thumbnail or a preview only, the picture the file's Content Credentials carry. Boxes found in the
file (visible labels, the Gemini sparkle, indicator and reference regions) are drawn only on a
picture whose pixels they refer to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..entry import FileEntry
from .views import view_of
from .watermarks import Box, boxes


@dataclass(frozen=True, slots=True)
class Preview:
    """What to show under the label boxes: an image attachment (a video frame) or the input image."""

    attachment: Any = None  # verifier.evidence.Attachment
    path: Any = None  # pathlib.Path of an image input
    container: Any = None  # pathlib.Path of the container a picture was found in, as shown: its file, or for a
    # member of a member the container's own entry path ("mail.eml#attachment/1/photos.zip"), read in memory
    place: str = ""  # that picture's place in the container
    sha256: str = ""  # that picture's SHA-256 as analysed (bytes read again must match)


PREVIEWABLE = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff")


def preview_source(entry: FileEntry) -> Preview | None:
    """The picture the found boxes refer to: the input itself when it is a picture (a picture found
    inside another file is read again from its container, at any depth: the entry's path is its
    container's ``#`` its place, and a place never holds ``#``), else a frame a detector attached (video)."""
    if entry.media is not None and entry.media.media_type in PREVIEWABLE:
        if entry.parent is None:
            return Preview(path=entry.path)
        container, sep, place = str(entry.path).rpartition("#")
        if sep and container and place:
            return Preview(container=Path(container), place=place, sha256=entry.media.sha256)
    for ev in entry.all_evidence:  # the checks shown on the watermark panel keep the video frame they read
        if view_of(ev.detector) == "watermarks":
            for att in ev.attachments:
                if att.mime.startswith("image/") and "frame" in att.name.lower():
                    return Preview(attachment=att)
    return None


def credentials_picture(entry: FileEntry) -> Preview | None:
    """The thumbnail the active Content Credentials carry for the file itself (claim thumbnail)."""
    ev = entry.evidence_for("c2pa")
    if ev is None:
        return None
    for att in ev.attachments:
        if att.mime.startswith("image/") and att.name.startswith("c2pa-claim-thumbnail"):
            return Preview(attachment=att)
    return None


@dataclass(frozen=True, slots=True)
class PictureView:
    """The Overview's picture of a file: its source (None: nothing to show), the visible-label
    boxes ``[x, y, w, h]`` or corners, and the indicators' outlines (corners, with a label)."""

    source: Preview | None = None
    boxes: tuple[Box, ...] = ()
    outlines: tuple[Any, ...] = ()  # verifier.describe.indicators.Outline
    from_credentials: bool = False  # the thumbnail the Content Credentials carry, not the file's own pixels


def picture_view(entry: FileEntry | None, indicators: Any = None) -> PictureView:
    """``indicators``: the worded indicators of the file (:func:`indicators_view`), for their outlines."""
    if entry is None:
        return PictureView()
    source = preview_source(entry)
    if source is None:
        stand_in = credentials_picture(entry)  # not the file's own pixels: nothing is outlined on it
        return PictureView(stand_in, from_credentials=stand_in is not None)
    found: Iterable[Any] = indicators.indicators if indicators is not None else ()
    return PictureView(source, boxes(entry.signals), tuple(o for i in found for o in i.outlines))


def thumbnail_source(entry: FileEntry) -> Preview | None:
    """What the queue shows as the file's thumbnail."""
    return preview_source(entry) or credentials_picture(entry)
