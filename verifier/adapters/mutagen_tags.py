"""mutagen adapter: ID3v2 frames (MP3, WAV ``id3 `` chunk) and Vorbis comments (FLAC, Ogg Vorbis/Opus/FLAC)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from ..formats.meta import Entry
from ..inputs import open_readonly

log = logging.getLogger(__name__)
MAX_FRAMES = 2000
MAX_TEXT = 1 << 20


class TagsUnreadable(ValueError):
    """mutagen could not parse the tags (the message says why)."""


def id3_entries(path: Path) -> list[Entry]:
    """The ID3v2 frames of an MP3 file (none when it has no ID3v2 tag)."""
    from mutagen.id3 import ID3, ID3NoHeaderError

    with open_readonly(path) as fh:
        try:
            tags = ID3(fh)  # type: ignore[no-untyped-call]
        except ID3NoHeaderError:
            return []
        except Exception as exc:  # noqa: BLE001 - mutagen raises many types on bad input
            raise TagsUnreadable(f"ID3 tag not readable: {exc}") from exc
    return _frame_entries(tags, "mp3:ID3v2")


def id3_bytes_entries(data: bytes, placement: str) -> list[Entry]:
    """The frames of an ID3v2 tag held in ``data`` (e.g. a WAV ``id3 `` chunk), placed under ``placement``.

    A chunk that claims to be an ID3 tag but is not one raises :class:`TagsUnreadable`.
    """
    from mutagen.id3 import ID3

    try:
        tags = ID3(io.BytesIO(data), load_v1=False)  # type: ignore[no-untyped-call]
    except Exception as exc:  # noqa: BLE001 - mutagen raises many types on bad input
        raise TagsUnreadable(f"ID3 tag in {placement} not readable: {exc}") from exc
    return _frame_entries(tags, placement)


def _frame_entries(tags: object, where: str) -> list[Entry]:
    out: list[Entry] = []
    for frame in list(tags.values())[:MAX_FRAMES]:  # type: ignore[attr-defined]
        fid = frame.FrameID
        if fid == "TXXX":
            out.append(Entry(f"{where}:TXXX", str(frame.desc), _text(frame.text), group="ID3"))
        elif fid in ("COMM", "USLT"):
            out.append(Entry(f"{where}:{fid}", str(frame.desc) or fid, _text(frame.text), group="ID3"))
        elif hasattr(frame, "text"):
            out.append(Entry(f"{where}:{fid}", fid, _text(frame.text), group="ID3"))
        elif fid == "PRIV":
            owner = str(getattr(frame, "owner", ""))
            data = bytes(getattr(frame, "data", b""))[:MAX_TEXT]
            if owner == "XMP":  # Adobe's placement of XMP in ID3
                out.append(Entry(f"{where}:PRIV:XMP", "XMP", data.decode("utf-8", "replace"), kind="xmp",
                                 group="XMP"))
            elif "aigc" in owner.lower():
                out.append(Entry(f"{where}:PRIV", owner, data.decode("utf-8", "replace"), group="ID3"))
    return out


def _text(value: object) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)[:MAX_TEXT]
    return str(value)[:MAX_TEXT]


def vorbis_entries(path: Path, family: str) -> list[Entry]:
    import mutagen

    with open_readonly(path) as fh:
        try:
            f = mutagen.File(fh)
        except Exception as exc:  # noqa: BLE001
            raise TagsUnreadable(f"Vorbis comments not readable: {exc}") from exc
    if f is None or f.tags is None:
        return []
    placement = f"{family}:VorbisComment"
    out: list[Entry] = []
    try:
        items = list(f.tags)[:MAX_FRAMES]
    except TypeError:
        return []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2:
            out.append(Entry(placement, str(item[0]), str(item[1])[:MAX_TEXT], group="Vorbis"))
    return out
