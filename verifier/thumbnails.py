"""Small pictures of the analysed files for the report's file pages.

A report renders values only; this module makes those values for the files that are pictures on
disk: each is read read-only (:func:`verifier.inputs.open_readonly`), decoded in memory with its
EXIF orientation applied (as the visible-label check saw it, so its boxes line up), shrunk and
encoded as JPEG. Nothing is written anywhere. A member of a container is not on disk and gets no
picture here; a file that cannot be decoded gets none either (the page says so).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .adapters import opencv_image
from .forensics.views import fit
from .report.images import Thumbnail

log = logging.getLogger(__name__)

SIDE = 480  # pixels on the long side
MAX_PIXELS = 60_000_000  # a larger picture gets no thumbnail (decoding it would cost too much memory)
PICTURE_TYPES = opencv_image.IMAGE_TYPES | opencv_image.PILLOW_DECODED
MAX_REFERENCES = 2  # reference photos shown beside one file


def thumbnail(path: Path, media_type: str, any_picture: bool = False) -> Thumbnail | None:
    """The picture at ``path`` as a small JPEG, or None when it is not a picture that decodes
    (``any_picture``: the type is not known, let the decoder tell)."""
    if (media_type not in PICTURE_TYPES and not any_picture) or not path.is_file():
        return None
    try:
        bgr = opencv_image.load_bgr(path, media_type, max_pixels=MAX_PIXELS)
        small = fit(bgr, SIDE)
        return Thumbnail(opencv_image.encode_jpeg(small), int(bgr.shape[1]), int(bgr.shape[0]))
    except Exception as exc:  # noqa: BLE001 - any failure to decode means "no picture", never a failed report
        log.info("no thumbnail for %s: %s", path, exc)
        return None


def thumbnails(files: Iterable[Mapping[str, Any]]) -> dict[str, Thumbnail]:
    """Thumbnails by ``path``: the entries that are pictures on disk (not members), and the
    reference photos they share pixels with (``reference.match``)."""
    out: dict[str, Thumbnail] = {}
    for d in files:
        path, media_type = d.get("path"), d.get("media_type")
        if isinstance(path, str) and isinstance(media_type, str) and not d.get("parent") and not d.get("error"):
            thumb = thumbnail(Path(path), media_type)
            if thumb is not None:
                out[path] = thumb
        for ref in _references(d):  # the reference photos a file shares pixels with, for side-by-side views
            if ref not in out:
                thumb = thumbnail(Path(ref), "", any_picture=True)
                if thumb is not None:
                    out[ref] = thumb
    return out


def _references(d: Mapping[str, Any]) -> list[str]:
    found = []
    for ind in d.get("indicators") or ():
        det = ind.get("details") if isinstance(ind, Mapping) and ind.get("id") == "reference.match" else None
        if isinstance(det, Mapping) and isinstance(det.get("reference"), str):
            found.append(det["reference"])
    return found[:MAX_REFERENCES]
