"""Pillow (and pillow-heif) adapter: EXIF decoding and metadata of images we do not walk ourselves.

Only headers are read: ``Image.open`` is lazy and no pixel data is decoded here.
"""

from __future__ import annotations

import logging
import re
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
        im = _open(fh)
        with im, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _collect(im, family, prefix, out)
    return out


def _open(fh: Any) -> Any:
    """Pillow's image for an open input, headers only; any failure is a ValueError."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Image.open(fh)
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types on hostile headers
        raise ValueError(f"image header not readable ({type(exc).__name__})") from exc


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
    if family == "tiff":
        iim = iim_from_image(im, "tiff:IFD0:IPTC-IIM")
        if iim:  # decoded: the raw tag 33723 bytes (control characters included) are not shown
            out[:] = [e for e in out if e.key != "IPTCNAA"]
        out.extend(iim)
    comment = info.get("comment")
    if isinstance(comment, (bytes, str)) and comment:
        text = comment if isinstance(comment, str) else decode_text(comment)
        out.append(Entry(f"{prefix}:Comment", "Comment", text, group=prefix.upper()))


# --- IPTC-IIM (IPTC Information Interchange Model, the "IPTC" block of news photos) -----------
# Dataset names as in IIM 4.2 (and ExifTool); others are shown by number.
IIM_NAMES = {
    (1, 90): "CodedCharacterSet",
    (2, 0): "RecordVersion", (2, 3): "ObjectTypeReference", (2, 4): "ObjectAttributeReference",
    (2, 5): "ObjectName", (2, 7): "EditStatus", (2, 10): "Urgency", (2, 12): "SubjectReference",
    (2, 15): "Category", (2, 20): "SupplementalCategories", (2, 22): "FixtureIdentifier",
    (2, 25): "Keywords", (2, 26): "ContentLocationCode", (2, 27): "ContentLocationName",
    (2, 30): "ReleaseDate", (2, 35): "ReleaseTime", (2, 37): "ExpirationDate", (2, 38): "ExpirationTime",
    (2, 40): "SpecialInstructions", (2, 55): "DateCreated", (2, 60): "TimeCreated",
    (2, 62): "DigitalCreationDate", (2, 63): "DigitalCreationTime", (2, 65): "OriginatingProgram",
    (2, 70): "ProgramVersion", (2, 80): "By-line", (2, 85): "By-lineTitle", (2, 90): "City",
    (2, 92): "Sub-location", (2, 95): "Province-State", (2, 100): "Country-PrimaryLocationCode",
    (2, 101): "Country-PrimaryLocationName", (2, 103): "OriginalTransmissionReference",
    (2, 105): "Headline", (2, 110): "Credit", (2, 115): "Source", (2, 116): "CopyrightNotice",
    (2, 118): "Contact", (2, 120): "Caption-Abstract", (2, 122): "Writer-Editor",
}
_IIM_BINARY = {(1, 0), (1, 20), (1, 22), (2, 0), (2, 200), (2, 201), (2, 202)}
_IIM_RECORDS = (1, 2)  # envelope and application records; 3+ hold image data, not text
IIM_MAX_VALUE = 8 << 10  # bytes of one dataset kept (IIM's longest text, the caption, is 2000)
IIM_MAX_ENTRIES = 500
_IIM_UTF8 = b"\x1b%G"  # 1:90 CodedCharacterSet escape sequence for UTF-8
_IIM_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def iim_entries(path: Path, placement: str) -> list[Entry]:
    """IPTC-IIM datasets of a JPEG (APP13 Photoshop resource 0x0404) or TIFF (tag 33723)."""

    with open_readonly(path) as fh:
        try:
            im = _open(fh)
        except ValueError as exc:
            return [Entry(placement, "IPTC-IIM", f"unreadable: {exc}", group="IPTC-IIM")]
        with im:
            return iim_from_image(im, placement)


def iim_from_image(im: Any, placement: str) -> list[Entry]:
    from PIL import IptcImagePlugin

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            info = IptcImagePlugin.getiptcinfo(im)
    except Exception as exc:  # noqa: BLE001 - Pillow raises SyntaxError/OSError on malformed IIM
        log.debug("IPTC-IIM not readable: %s", exc)
        return [Entry(placement, "IPTC-IIM", f"unreadable IPTC-IIM ({type(exc).__name__}: {exc})"[:200],
                      group="IPTC-IIM")]
    return decode_iim(info or {}, placement)


def decode_iim(info: dict[tuple[int, int], Any], placement: str) -> list[Entry]:
    """Datasets ``{(record, dataset): bytes | [bytes]}`` as entries, one per occurrence."""
    charset = info.get((1, 90))
    if isinstance(charset, list):
        charset = charset[0] if charset else None
    utf8 = isinstance(charset, bytes) and _IIM_UTF8 in charset
    out: list[Entry] = []
    for tag in sorted(k for k in info if isinstance(k, tuple) and len(k) == 2):
        record, dataset = tag
        if record not in _IIM_RECORDS:
            continue
        values = info[tag] if isinstance(info[tag], list) else [info[tag]]
        name = IIM_NAMES.get(tag, f"{record}:{dataset:03d}")
        for raw in values:
            if len(out) >= IIM_MAX_ENTRIES:
                out.append(Entry(placement, "IPTC-IIM", f"more than {IIM_MAX_ENTRIES} datasets: rest not read",
                                 group="IPTC-IIM"))
                return out
            if not isinstance(raw, bytes):
                continue  # Pillow gives None for an empty dataset
            out.append(Entry(f"{placement}:{name}", name, _iim_value(tag, raw, utf8), group="IPTC-IIM"))
    return out


def _iim_value(tag: tuple[int, int], raw: bytes, utf8: bool) -> Any:
    if tag == (1, 90):
        return "UTF-8" if _IIM_UTF8 in raw else raw[:32].hex()
    if tag in _IIM_BINARY:
        return int.from_bytes(raw, "big") if len(raw) <= 4 else f"{len(raw)} bytes of binary data"
    cut = raw[:IIM_MAX_VALUE]
    try:
        text = cut.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(raw) > IIM_MAX_VALUE and exc.start >= len(cut) - 3:  # a character cut by the cap
            text = cut[:exc.start].decode("utf-8", "replace")
        else:  # declared UTF-8 but invalid: replace; undeclared: the other common IIM charset
            text = cut.decode("utf-8", "replace") if utf8 else cut.decode("latin-1")
    text = _IIM_CONTROL.sub("\ufffd", text.rstrip("\x00"))
    return text + "…" if len(raw) > IIM_MAX_VALUE else text
