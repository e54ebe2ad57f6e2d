"""Read every metadata entry of a file: one reader per container family.

Hand-written walkers (PNG, JPEG, ISO BMFF, RIFF, EBML, FLV) and library adapters (Pillow,
mutagen, pypdf, OOXML, YAML) all produce :class:`~verifier.formats.meta.Entry` values. Raw EXIF
blobs, ID3 tags (WAV ``id3 `` chunks), XMP packets and JPEG IPTC-IIM are expanded here so that
callers see plain fields.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evidence import MediaFile
from .inputs import open_readonly
from .formats import ebml, flv, gif, isobmff, jpeg, png, riff
from .formats.meta import Budget, Entry, LimitReached

log = logging.getLogger(__name__)
MAX_TEXT_HEAD = 256 * 1024
_AIGC_LINE = re.compile(r"""^\s*["']?(\w*AIGC\w*)["']?\s*:\s*(\S.*)$""", re.M | re.I)


@dataclass
class ReadResult:
    entries: list[Entry] = field(default_factory=list)  # plain fields (EXIF/XMP expanded)
    xmp: list[tuple[str, list[Any]]] = field(default_factory=list)  # (placement, props)
    warnings: list[str] = field(default_factory=list)  # informational (a large chunk skipped…)
    errors: list[str] = field(default_factory=list)  # the file could not be read completely


def _walker(fn: Callable[..., Iterable[Entry]], sized: bool) -> Callable[[MediaFile, Budget], list[Entry]]:
    def read(media: MediaFile, budget: Budget) -> list[Entry]:
        out: list[Entry] = []
        with open_readonly(media.path) as fh:
            it = fn(fh, budget, media.size) if sized else fn(fh, budget)
            try:
                for e in it:
                    out.append(e)
            except LimitReached:
                budget.partial = out
                raise
        return out
    return read


def _pillow(media: MediaFile, budget: Budget) -> list[Entry]:
    from .adapters import pillow_meta

    return pillow_meta.image_entries(media.path, media.family)


def _isobmff(media: MediaFile, budget: Budget) -> list[Entry]:
    out = _walker(isobmff.walk, True)(media, budget)
    if media.media_type.startswith("image/"):
        out += _pillow(media, budget)
    return out


def _mp3(media: MediaFile, budget: Budget) -> list[Entry]:
    from .adapters import mutagen_tags

    return mutagen_tags.id3_entries(media.path)


def _vorbis(media: MediaFile, budget: Budget) -> list[Entry]:
    from .adapters import mutagen_tags

    return mutagen_tags.vorbis_entries(media.path, media.family)


def _pdf(media: MediaFile, budget: Budget) -> list[Entry]:
    from .adapters import pdf

    return pdf.info_entries(media.path)


def _zip(media: MediaFile, budget: Budget) -> list[Entry]:
    from .adapters import ooxml

    return ooxml.property_entries(media.path)


def _with_stealth(walker: Callable[[MediaFile, Budget], list[Entry]], prefix: str, rgb_too: bool
                  ) -> Callable[[MediaFile, Budget], list[Entry]]:
    """A picture reader that also looks for stealth metadata in the pixels' least significant bits."""
    def read(media: MediaFile, budget: Budget) -> list[Entry]:
        out = walker(media, budget)
        if not media.media_type.startswith("image/"):
            return out
        from .adapters import pillow_meta

        try:
            found, note = pillow_meta.stealth_entries(media.path, prefix, rgb_too)
        except ValueError as exc:  # the picture itself does not open: its metadata still counts
            found, note = [], f"pixels not read for the stealth metadata check: {exc}"
        if note:
            budget.warnings.append(note)
        return out + found
    return read


def read_text_head(path: Path, limit: int = MAX_TEXT_HEAD) -> str:
    with open_readonly(path) as fh:
        return fh.read(limit).decode("utf-8", "replace")


def read_text_tail(path: Path, limit: int) -> str:
    with open_readonly(path) as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - limit))
        return fh.read(limit).decode("utf-8", "replace")


def _text(media: MediaFile, budget: Budget) -> list[Entry]:
    from .adapters import yaml_front

    source, _ = yaml_front.split_front_matter(read_text_head(media.path))
    if source is None:
        return []
    try:
        data = yaml_front.load(source)
    except yaml_front.FrontMatterError as exc:
        budget.warnings.append(f"{exc}; AIGC lines read without YAML")
        return [Entry("md:front-matter", m.group(1), m.group(2).strip(), group="Front matter")
                for m in _AIGC_LINE.finditer(source)]
    if not isinstance(data, dict):
        return []
    return [Entry("md:front-matter", str(k), v, group="Front matter") for k, v in list(data.items())[:500]]


def _svg(media: MediaFile, budget: Budget) -> list[Entry]:
    text = read_text_head(media.path, 4 << 20)
    if "xmpmeta" in text or "rdf:RDF" in text:
        return [Entry(f"{media.family}:metadata", "XMP", text, kind="xmp", group="XMP")]
    return []


READERS: dict[str, Callable[[MediaFile, Budget], list[Entry]]] = {
    "png": _with_stealth(_walker(png.walk, False), "png", rgb_too=True),
    "jpeg": _walker(jpeg.walk, False),
    "riff": _with_stealth(_walker(riff.walk, True), "webp", rgb_too=False),
    "isobmff": _isobmff,
    "matroska": _walker(ebml.walk, True),
    "flv": _walker(flv.walk, True),
    "tiff": _pillow,
    "gif": _walker(gif.walk, False),
    "mp3": _mp3,
    "flac": _vorbis,
    "ogg": _vorbis,
    "pdf": _pdf,
    "zip": _zip,
    "text": _text,
    "svg": _svg,
    "xml": _svg,
}


def read(media: MediaFile) -> ReadResult:
    from .formats import xmp as xmp_reader

    result = ReadResult()
    reader = READERS.get(media.family)
    if reader is None:
        return result
    budget = Budget()
    try:
        raw = reader(media, budget)
    except LimitReached as exc:
        raw = budget.partial
        result.errors.append(f"{media.family} structure: {exc}")
    except RecursionError:
        raw = []
        result.errors.append("metadata nested too deeply to read")
    except ValueError as exc:  # our walkers' and adapters' "this is not a valid X"
        raw = []
        result.errors.append(f"{media.family} metadata not readable: {exc}"[:500])
    except Exception as exc:  # noqa: BLE001 - unreadable metadata is reported, not raised
        raw = []
        result.errors.append(f"{media.family} metadata not readable: {type(exc).__name__}: {exc}"[:500])
    result.warnings.extend(budget.warnings)
    for e in _expand_id3(raw, result):
        if e.kind == "exif":
            from .adapters import pillow_meta

            prefix = "png:eXIf" if e.placement == "png:eXIf" else e.placement.split(":")[0] + ":EXIF"
            result.entries.extend(pillow_meta.exif_entries(e.value, prefix))
        elif e.kind == "iim":  # a JPEG APP13 Photoshop segment was seen: its IIM datasets, via Pillow
            from .adapters import pillow_meta

            result.entries.extend(pillow_meta.iim_entries(media.path, e.placement))
        elif e.kind == "xmp":
            props, note = xmp_reader.parse(e.value if isinstance(e.value, str) else str(e.value))
            if note:
                result.warnings.append(f"{e.placement}: {note}")
            result.xmp.append((e.placement, props))
            result.entries.extend(Entry(e.placement, p.qname, p.value, group="XMP") for p in props)
        else:
            result.entries.append(e)
    return result


def _expand_id3(raw: list[Entry], result: ReadResult) -> list[Entry]:
    """Replace each raw ID3 tag (a WAV ``id3 `` chunk) by its frames; an unreadable one is an error."""
    if not any(e.kind == "id3" for e in raw):
        return raw
    from .adapters import mutagen_tags

    out: list[Entry] = []
    for e in raw:
        if e.kind != "id3":
            out.append(e)
            continue
        try:
            out.extend(mutagen_tags.id3_bytes_entries(bytes(e.value), e.placement))
        except mutagen_tags.TagsUnreadable as exc:
            result.errors.append(str(exc)[:500])
    return out
