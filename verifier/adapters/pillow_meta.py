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


def _decode_value(tag: int, value: Any, big_endian: bool = False) -> Any:
    if tag == _USER_COMMENT and isinstance(value, bytes):
        return decode_user_comment(value, big_endian)
    if isinstance(value, bytes):
        return decode_text(value) if value.rstrip(b"\x00").isascii() or tag in (0x010E, 0x013B) else value.hex()[:200]
    if isinstance(value, str):
        if any("\x80" <= ch <= "\xff" for ch in value):
            try:  # Pillow reads ASCII tags as Latin-1; writers put UTF-8 there (ComfyUI's JSON)
                value = value.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        return " / ".join(part.strip() for part in value.split("\x00") if part.strip())
    if isinstance(value, tuple):
        return [_decode_value(0, v) for v in value[:64]]
    if hasattr(value, "numerator") and hasattr(value, "denominator"):
        try:
            number = float(value)
        except ZeroDivisionError:
            return None
        return int(number) if number.is_integer() else number  # 72/1 is 72, shown without ".0"
    return value


def _plausibility(text: str) -> int:
    """How much ``text`` looks like written language: + ASCII, letters, CJK; - controls and rarities."""
    score = 0
    for ch in text[:4096]:
        o = ord(ch)
        if ch in "\t\n\r" or 0x20 <= o < 0x7F:
            score += 2
        elif (0xA0 <= o < 0x250 or 0x370 <= o < 0x530 or 0x2000 <= o < 0x2070 or 0x3000 <= o < 0xA000
              or 0xAC00 <= o < 0xD7A4 or 0xFF00 <= o < 0xFFF0):
            score += 1
        else:  # controls, private use, surrogates, rare blocks: what byte-swapped text looks like
            score -= 3
    return score


def _strip_nul_pairs(body: bytes) -> bytes:
    if len(body) % 2:
        body += b"\x00"
    while body.endswith(b"\x00\x00"):
        body = body[:-2]
    return body


def _looks_utf16(body: bytes) -> bool:
    sample = body[:512]
    half = max(1, len(sample) // 2)
    return max(sample[0::2].count(0), sample[1::2].count(0)) >= 0.3 * half


def _utf16(body: bytes, big_endian_first: bool) -> str:
    """UTF-16 text of unknown byte order: a BOM decides, else the more plausible of the two orders,
    and on a tie the EXIF block's order (``big_endian_first``)."""
    body = _strip_nul_pairs(body)
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", "replace")
    orders = ("utf-16-be", "utf-16-le") if big_endian_first else ("utf-16-le", "utf-16-be")
    return max((body.decode(enc, "replace") for enc in orders), key=_plausibility)  # first wins a tie


def decode_user_comment(raw: bytes, big_endian: bool = False) -> str:
    """EXIF UserComment: an 8-byte character-code prefix, then the text.

    ``UNICODE`` text should follow the EXIF block's byte order (``big_endian``), but writers
    disagree with it (piexif writes big-endian into any block), so the order is decided by
    plausibility. ``ASCII``, undefined (eight zero bytes) and missing prefixes occur too; an
    undefined prefix may still hide UTF-16.
    """
    code, body = raw[:8], raw[8:]
    if code.startswith(b"UNICODE"):
        return _utf16(body, big_endian)
    if code.startswith((b"ASCII", b"JIS")):
        return decode_text(body)
    if code == b"\x00" * 8:
        return _utf16(body, big_endian) if _looks_utf16(body) else decode_text(body)
    if _looks_utf16(raw):
        return _utf16(raw, big_endian)  # no prefix, UTF-16 text
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
    big_endian = getattr(exif, "endian", "<") == ">"

    def add(tags: Any, names: dict[int, str], sub: str) -> None:
        for tag, value in list(tags.items())[:500]:
            if tag in (_IFD_EXIF, _IFD_GPS):
                continue
            name = names.get(tag, f"0x{tag:04x}")
            out.append(Entry(f"{placement}:{name}", name, _decode_value(tag, value, big_endian), group=sub))

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


# --- stealth metadata in pixel least significant bits (NovelAI, stealth pnginfo) ------------------
STEALTH_MAX_PIXELS = 40_000_000  # larger pictures are not decoded for it (a note says so)


def stealth_entries(path: Path, prefix: str, rgb_too: bool) -> tuple[list[Entry], str]:
    """Entries of the stealth metadata hidden in the pixels, and a note ("" when nothing to say).

    Alpha-channel data is looked for in any picture with alpha; the RGB variant only where
    ``rgb_too`` (lossless formats). A JSON payload (NovelAI) gives one entry per top-level key.
    """
    import json

    import numpy as np

    from ..labels import stealth

    if prefix == "png":  # most PNGs: a look at the top of the left column settles it
        from ..formats import png

        with open_readonly(path) as fh:
            head = png.first_column(fh, stealth.MAGIC_BITS)
        if head is not None and not stealth.starts_with_magic(*head):
            return [], ""
    with open_readonly(path) as fh:
        im = _open(fh)
        with im, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            alpha = im.mode in ("RGBA", "LA")
            if not (alpha or (rgb_too and im.mode == "RGB")):
                return [], ""
            w, h = im.size
            if w * h > STEALTH_MAX_PIXELS:
                return [], f"picture of {w}x{h} pixels: stealth metadata in its pixels not looked for"
            try:
                pixels = np.asarray(im.convert("RGBA") if im.mode == "LA" else im)
            except Exception as exc:  # noqa: BLE001 - a damaged picture: say so, do not crash
                return [], f"pixels not decodable for the stealth metadata check ({type(exc).__name__})"
    found = stealth.decode(pixels)
    if found is None:
        return [], ""
    where = f"{prefix}:{found.mode}-LSB:{found.magic}"
    if found.text is None:
        return [Entry(where, "stealth", f"unreadable stealth data: {found.note}", group="Stealth")], found.note
    data = None
    if found.text.lstrip().startswith("{"):
        try:
            data = json.loads(found.text)
        except (json.JSONDecodeError, RecursionError):
            data = None
    if isinstance(data, dict):
        out = []
        for k, v in list(data.items())[:200]:
            text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            out.append(Entry(where, str(k)[:100], text, group="Stealth"))
        return out, ""
    return [Entry(where, "stealth", found.text, group="Stealth")], ""
