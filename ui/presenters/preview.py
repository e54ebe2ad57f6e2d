"""Which picture stands for a file: the input image, or a frame a detector kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..entry import FileEntry


@dataclass(frozen=True, slots=True)
class Preview:
    """What to show under the label boxes: an image attachment (a video frame) or the input image."""

    attachment: Any = None  # verifier.evidence.Attachment
    path: Any = None  # pathlib.Path of an image input


PREVIEWABLE = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff")


def preview_source(entry: FileEntry) -> Preview | None:
    """The input itself when it is a picture; else a frame a detector attached (video)."""
    if entry.media is not None and entry.media.media_type in PREVIEWABLE:
        return Preview(path=entry.path)
    for name in ("visible_label", "watermark"):
        ev = entry.evidence_for(name)
        if ev is not None:
            for att in ev.attachments:
                if att.mime.startswith("image/") and "frame" in att.name.lower():
                    return Preview(attachment=att)
    return None
