"""Small pictures of the analysed files for the report's file pages.

A report renders values only; this module makes those values for the files that are pictures on
disk: each is read read-only (:func:`verifier.inputs.open_readonly`), decoded in memory with its
EXIF orientation applied (as the visible-label check saw it, so its boxes line up), shrunk and
encoded as JPEG. Nothing is written anywhere. A picture found inside a container is read again
from it into memory (:func:`verifier.containers.one_member.nested_member_bytes`, the expansion's
limits, only if its SHA-256 is the one analysed); a member of a member (a photo in a ZIP attached
to an e-mail) is read level by level in memory the same way, each level checked against the
SHA-256 its own entry recorded. A file that cannot be decoded gets no picture (the page says so).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .adapters import opencv_image
from .containers.one_member import Level, nested_member_bytes, split_shown
from .forensics.views import fit
from .report.images import Thumbnail

log = logging.getLogger(__name__)

SIDE = 480  # pixels on the long side
MAX_PIXELS = 60_000_000  # a larger picture gets no thumbnail (decoding it would cost too much memory)
PICTURE_TYPES = opencv_image.IMAGE_TYPES | opencv_image.PILLOW_DECODED
MAX_REFERENCES = 2  # reference photos shown beside one file


def _small(bgr: Any) -> Thumbnail:
    return Thumbnail(opencv_image.encode_jpeg(fit(bgr, SIDE)), int(bgr.shape[1]), int(bgr.shape[0]))


def member_thumbnail(container: Path, levels: Sequence[Level], media_type: str) -> Thumbnail | None:
    """The picture reached through ``levels`` (places and SHA-256s, outermost first) inside the
    file ``container`` as a small JPEG (None: not a picture, not read again, or not decodable)."""
    if media_type not in PICTURE_TYPES:
        return None
    data = nested_member_bytes(container, levels)
    if data is None:
        return None
    try:
        if media_type in opencv_image.PILLOW_DECODED:
            return _small(opencv_image.decode_bgr_pillow(data, MAX_PIXELS))
        return _small(opencv_image.decode_bgr(data, MAX_PIXELS))
    except Exception as exc:  # noqa: BLE001 - any failure to decode means "no picture", never a failed report
        log.info("no thumbnail for %s#%s: %s", container, "#".join(p for p, _ in levels), exc)
        return None


def thumbnail(path: Path, media_type: str, any_picture: bool = False) -> Thumbnail | None:
    """The picture at ``path`` as a small JPEG, or None when it is not a picture that decodes
    (``any_picture``: the type is not known, let the decoder tell)."""
    if (media_type not in PICTURE_TYPES and not any_picture) or not path.is_file():
        return None
    try:
        return _small(opencv_image.load_bgr(path, media_type, max_pixels=MAX_PIXELS))
    except Exception as exc:  # noqa: BLE001 - any failure to decode means "no picture", never a failed report
        log.info("no thumbnail for %s: %s", path, exc)
        return None


def thumbnails(files: Iterable[Mapping[str, Any]]) -> dict[str, Thumbnail]:
    """Thumbnails by ``path``: the entries that are pictures (on disk, or inside a container), and the
    reference photos they share pixels with (``reference.match``)."""
    out: dict[str, Thumbnail] = {}
    files = list(files)
    by_path = {d["path"]: d for d in files if isinstance(d.get("path"), str)}
    for d in files:
        path, media_type = d.get("path"), d.get("media_type")
        if isinstance(path, str) and isinstance(media_type, str) and not d.get("error"):
            if not d.get("parent"):
                thumb = thumbnail(Path(path), media_type)
            else:
                found = _levels(d, by_path)
                thumb = member_thumbnail(found[0], found[1], media_type) if found else None
            if thumb is not None:
                out[path] = thumb
        for ref in _references(d):  # the reference photos a file shares pixels with, for side-by-side views
            if ref not in out:
                thumb = thumbnail(Path(ref), "", any_picture=True)
                if thumb is not None:
                    out[ref] = thumb
    return out


def _levels(d: Mapping[str, Any], by_path: Mapping[str, Mapping[str, Any]]) -> tuple[Path, list[Level]] | None:
    """The file a member was found in and the (place, SHA-256) of each level down to it, from the
    entries' ``parent`` and ``path`` (``parent#place``); a container whose entry is not among the
    files is split as the pipeline names members (its levels' SHA-256 then unknown)."""
    levels: list[Level] = []
    while len(levels) <= 64:  # more: a loop of parents in a hand-made listing
        path, parent = d.get("path"), d.get("parent")
        if not isinstance(path, str) or not isinstance(parent, str) or not path.startswith(parent + "#"):
            return None
        levels.append((path[len(parent) + 1:], str(d.get("sha256") or "")))
        up = by_path.get(parent)
        if up is None:
            split = split_shown(parent)
            if split is None:
                return None
            return split[0], [*((p, "") for p in split[1]), *levels[::-1]]
        if not up.get("parent"):
            return Path(parent), levels[::-1]
        d = up
    return None


def _references(d: Mapping[str, Any]) -> list[str]:
    found = []
    for ind in d.get("indicators") or ():
        det = ind.get("details") if isinstance(ind, Mapping) and ind.get("id") == "reference.match" else None
        if isinstance(det, Mapping) and isinstance(det.get("reference"), str):
            found.append(det["reference"])
    return found[:MAX_REFERENCES]
