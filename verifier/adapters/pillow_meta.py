"""Pillow (and pillow-heif) adapter: EXIF decoding and metadata of images we do not walk ourselves.

Only headers are read: ``Image.open`` is lazy and no pixel data is decoded here.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

from ..formats.meta import Entry, decode_text
from ..inputs import open_readonly

log = logging.getLogger(__name__)

_IFD_EXIF, _IFD_GPS = 0x8769, 0x8825
_USER_COMMENT = 0x9286
_XMP_TAG = 700
_MAX_EXIF = 1 << 20
_heif_registered = False


def _decode_value(tag: int, value: Any) -> Any:
    if tag == _USER_COMMENT and isinstance(value, bytes):
        return decode_user_comment(value)
    if isinstance(value, bytes):
        return decode_text(value) if value.rstrip(b"\x00").isascii() or tag in (0x010E, 0x013B) else value.hex()[:200]
    if isinstance(value, str):
        return " / ".join(part.strip() for part in value.split("\x00") if part.strip())
    if isinstance(value, tuple):
        return [_decode_value(0, v) for v in value[:64]]
    if hasattr(value, "numerator") and hasattr(value, "denominator"):
        try:
            return float(value)
        except ZeroDivisionError:
            return None
    return value


def decode_user_comment(raw: bytes) -> str:
    """EXIF UserComment: an 8-byte character-code prefix, then the text."""
    code, body = raw[:8], raw[8:]
    if code.startswith(b"UNICODE"):
        body = body.rstrip(b"\x00") if len(body.rstrip(b"\x00")) % 2 == 0 else body.rstrip(b"\x00") + b"\x00"
        if body.startswith((b"\xff\xfe", b"\xfe\xff")):
            return body.decode("utf-16", "replace")
        # UCS-2 in the TIFF byte order, which writers get wrong: ASCII-range text has its zero
        # bytes first in big-endian order.
        big = body[0::2].count(0) >= body[1::2].count(0)
        return body.decode("utf-16-be" if big else "utf-16-le", "replace")
    if code.startswith((b"ASCII", b"\x00" * 8, b"JIS")):
        return decode_text(body)
    return decode_text(raw)  # no prefix (seen in the wild)


def exif_entries(data: bytes, placement: str) -> list[Entry]:
    """Decode raw EXIF (TIFF structure, with or without the ``Exif\\0\\0`` prefix)."""
    from PIL import ExifTags, Image

    if len(data) > _MAX_EXIF:
        data = data[:_MAX_EXIF]
    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Corrupt EXIF data": the file is data, not our bug
            exif.load(data)
    except Exception as exc:  # noqa: BLE001 - malformed EXIF is data, not a crash
        log.debug("EXIF not readable: %s", exc)
        return [Entry(placement, "EXIF", f"unreadable EXIF ({type(exc).__name__})", group="EXIF")]
    out: list[Entry] = []

    def add(tags: Any, names: dict[int, str], sub: str) -> None:
        for tag, value in list(tags.items())[:500]:
            if tag in (_IFD_EXIF, _IFD_GPS):
                continue
            name = names.get(tag, f"0x{tag:04x}")
            out.append(Entry(f"{placement}:{name}", name, _decode_value(tag, value), group=sub))

    add(exif, ExifTags.TAGS, "EXIF")
    for ifd, names, sub in ((_IFD_EXIF, ExifTags.TAGS, "EXIF"), (_IFD_GPS, ExifTags.GPSTAGS, "GPS")):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sub_ifd = exif.get_ifd(ifd)
        except Exception:  # noqa: BLE001
            continue
        add(sub_ifd, names, sub)
    return out


def image_entries(path: Path, family: str) -> list[Entry]:
    """XMP and EXIF of TIFF, GIF, HEIF/AVIF (and anything else Pillow opens lazily)."""
    global _heif_registered
    from PIL import Image

    if family == "isobmff" and not _heif_registered:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # pragma: no cover - dependency missing
            log.warning("pillow-heif is not installed: HEIF metadata not read")
        _heif_registered = True
    prefix = {"isobmff": "heif", "tiff": "tiff", "gif": "gif", "riff": "webp"}.get(family, family)
    out: list[Entry] = []
    with open_readonly(path) as fh:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                im = Image.open(fh)
        except Exception as exc:  # noqa: BLE001 - Pillow raises many types on hostile headers
            raise ValueError(f"image header not readable ({type(exc).__name__})") from exc
        with im, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _collect(im, family, prefix, out)
    return out


def _collect(im: Any, family: str, prefix: str, out: list[Entry]) -> None:
    info = dict(im.info)
    xmp = info.get("xmp") or info.get("XML:com.adobe.xmp")
    if family == "tiff" and not xmp:
        xmp = im.tag_v2.get(_XMP_TAG) if hasattr(im, "tag_v2") else None
    if isinstance(xmp, (bytes, bytearray)):
        xmp = decode_text(bytes(xmp))
    if xmp:
        where = {"tiff": "tiff:IFD0:XMLPacket", "gif": "gif:AppExt:XMP"}.get(family, f"{prefix}:XMP")
        out.append(Entry(where, "XMP", xmp, kind="xmp", group="XMP"))
    exif = info.get("exif")
    if isinstance(exif, (bytes, bytearray)) and exif:
        out.extend(exif_entries(bytes(exif), f"{prefix}:EXIF"))
    elif family == "tiff":
        raw = im.getexif()
        out.extend(exif_entries(raw.tobytes(), "tiff:EXIF"))
    comment = info.get("comment")
    if isinstance(comment, (bytes, str)) and comment:
        text = comment if isinstance(comment, str) else decode_text(comment)
        out.append(Entry(f"{prefix}:Comment", "Comment", text, group=prefix.upper()))
