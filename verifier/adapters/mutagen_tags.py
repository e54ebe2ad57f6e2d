"""mutagen adapter: ID3v2 frames (MP3, WAV ``id3 `` chunk) and Vorbis comments (FLAC, Ogg Vorbis/Opus/FLAC)."""

from __future__ import annotations

import io
import logging
import zlib
from pathlib import Path

from ..formats.meta import Entry
from ..inputs import open_readonly

log = logging.getLogger(__name__)
MAX_FRAMES = 2000
MAX_TEXT = 1 << 20
MAX_INFLATED_FRAME = 4 << 20  # a zlib-compressed ID3 frame may inflate to 4 MiB (text labels are far smaller)
MAX_INFLATED_TAG = 32 << 20


class TagsUnreadable(ValueError):
    """mutagen could not parse the tags (the message says why)."""


def id3_entries(path: Path) -> list[Entry]:
    """The ID3v2 frames of an MP3 file (none when it has no ID3v2 tag)."""
    from mutagen.id3 import ID3, ID3NoHeaderError

    with open_readonly(path) as fh:
        head = fh.read(10)
        if len(head) == 10 and head[:3] == b"ID3":
            _check_compressed_frames(head + fh.read(_syncsafe(head[6:10])), "mp3:ID3v2")
        fh.seek(0)
        try:
            tags = ID3(fh)
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

    _check_compressed_frames(data, placement)
    try:
        tags = ID3(io.BytesIO(data), load_v1=False)
    except Exception as exc:  # noqa: BLE001 - mutagen raises many types on bad input
        raise TagsUnreadable(f"ID3 tag in {placement} not readable: {exc}") from exc
    return _frame_entries(tags, placement)


def _syncsafe(b: bytes) -> int:
    return (b[0] << 21) | (b[1] << 14) | (b[2] << 7) | b[3]


def _check_compressed_frames(data: bytes, placement: str) -> None:
    """Refuse an ID3v2.3/2.4 tag whose zlib-compressed frames inflate past the limits.

    mutagen inflates compressed frames without a bound, so a small chunk could expand to
    gigabytes. This scan follows the frame headers only as far as they make sense; what it
    cannot follow is left to mutagen, which rejects malformed tags itself.
    """
    if len(data) < 10 or data[:3] != b"ID3" or data[3] not in (3, 4):
        return
    version, flags = data[3], data[5]
    end = min(len(data), 10 + _syncsafe(data[6:10]))
    body = data[10:end]
    if version == 3 and flags & 0x80:  # v2.3: the whole tag is unsynchronised
        body = body.replace(b"\xff\x00", b"\xff")
    pos = 0
    if flags & 0x40 and len(body) >= 4:  # extended header
        pos = (4 + int.from_bytes(body[:4], "big")) if version == 3 else _syncsafe(body[:4])
    inflated = 0
    frames = 0
    while pos + 10 <= len(body) and body[pos] != 0 and frames < MAX_FRAMES:
        frames += 1
        size = int.from_bytes(body[pos + 4:pos + 8], "big") if version == 3 else _syncsafe(body[pos + 4:pos + 8])
        fflags = body[pos + 9]
        frame = body[pos + 10:pos + 10 + size]
        pos += 10 + size
        if version == 3:
            compressed = bool(fflags & 0x80)
            skip = (4 if fflags & 0x80 else 0) + (1 if fflags & 0x40 else 0) + (1 if fflags & 0x20 else 0)
        else:
            compressed = bool(fflags & 0x08)
            skip = (1 if fflags & 0x40 else 0) + (1 if fflags & 0x04 else 0) + (4 if fflags & 0x01 else 0)
            if fflags & 0x02 or flags & 0x80:
                frame = frame.replace(b"\xff\x00", b"\xff")
        if not compressed:
            continue
        inflater = zlib.decompressobj()
        try:
            n = len(inflater.decompress(frame[skip:], MAX_INFLATED_FRAME + 1))
        except zlib.error:
            continue  # mutagen reports or skips a broken frame
        inflated += n
        if n > MAX_INFLATED_FRAME or inflated > MAX_INFLATED_TAG:
            raise TagsUnreadable(f"ID3 tag in {placement} not read: compressed frames inflate past "
                                 f"{MAX_INFLATED_FRAME >> 20} MiB per frame or {MAX_INFLATED_TAG >> 20} MiB per tag")


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
