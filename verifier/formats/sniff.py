"""Identify a file's type from its first bytes, by a declarative table.

Each format declares where its magic sits and what it means (in the manner of hachoir's
``PARSER_TAGS``); the extension is only used to report a mismatch, never to decide the type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEAD_SIZE = 4096
UNKNOWN = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class Magic:
    media_type: str
    family: str
    offset: int
    magic: bytes
    # an optional second test at another offset (RIFF form type, ftyp brand…)
    offset2: int = -1
    magic2: bytes = b""


# Order matters only where tests overlap: more specific first.
MAGICS: tuple[Magic, ...] = (
    Magic("image/jpeg", "jpeg", 0, b"\xff\xd8\xff"),
    Magic("image/png", "png", 0, b"\x89PNG\r\n\x1a\n"),
    Magic("image/gif", "gif", 0, b"GIF87a"),
    Magic("image/gif", "gif", 0, b"GIF89a"),
    Magic("image/webp", "riff", 0, b"RIFF", 8, b"WEBP"),
    Magic("audio/wav", "riff", 0, b"RIFF", 8, b"WAVE"),
    Magic("audio/wav", "riff", 0, b"RF64", 8, b"WAVE"),
    Magic("audio/wav", "riff", 0, b"BW64", 8, b"WAVE"),  # ITU-R BS.2088: RF64 layout
    Magic("video/x-msvideo", "riff", 0, b"RIFF", 8, b"AVI "),
    Magic("image/tiff", "tiff", 0, b"II*\x00"),
    Magic("image/tiff", "tiff", 0, b"MM\x00*"),
    Magic("image/bmp", "bmp", 0, b"BM"),
    Magic("application/pdf", "pdf", 0, b"%PDF-"),
    Magic("audio/flac", "flac", 0, b"fLaC"),
    Magic("audio/ogg", "ogg", 0, b"OggS"),
    Magic("audio/mpeg", "mp3", 0, b"ID3"),
    Magic("video/x-flv", "flv", 0, b"FLV\x01"),
    Magic("video/x-matroska", "matroska", 0, b"\x1a\x45\xdf\xa3"),
    Magic("application/zip", "zip", 0, b"PK\x03\x04"),
    Magic("application/c2pa", "jumbf", 4, b"jumb"),
    # Fonts (C2PA 2.x carries credentials in a ``C2PA`` table; see verifier/formats/sfnt.py).
    Magic("font/otf", "font", 0, b"OTTO"),
    Magic("font/woff", "font", 0, b"wOFF"),
    Magic("font/woff2", "font", 0, b"wOF2"),
    Magic("font/collection", "font", 0, b"ttcf"),
    Magic("font/ttf", "font", 0, b"true"),
)
# TrueType's version 1.0 tag is four common bytes: a font only with a plausible table count and
# a search range that agrees with it (as every sfnt writer sets it).
TRUETYPE_VERSION = b"\x00\x01\x00\x00"

# ISO BMFF brands (ftyp at offset 4) -> media type.
FTYP_BRANDS: dict[bytes, str] = {
    b"heic": "image/heic", b"heix": "image/heic", b"heim": "image/heic", b"heis": "image/heic",
    b"hevc": "image/heic", b"hevx": "image/heic",
    b"mif1": "image/heif", b"msf1": "image/heif",
    b"avif": "image/avif", b"avis": "image/avif",
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4", b"M4B ": "audio/mp4", b"M4V ": "video/mp4", b"dash": "video/mp4",
}
ISOBMFF_TOP_BOXES = (b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"styp", b"moof", b"sidx")

EXTENSIONS: dict[str, str] = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jpe": "image/jpeg",
    ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp", ".bmp": "image/bmp",
    ".tif": "image/tiff", ".tiff": "image/tiff", ".dng": "image/tiff",
    ".heic": "image/heic", ".heif": "image/heif", ".avif": "image/avif",
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime", ".m4a": "audio/mp4",
    ".m4s": "video/iso.segment", ".3gp": "video/mp4",
    ".avi": "video/x-msvideo", ".mkv": "video/x-matroska", ".webm": "video/webm", ".flv": "video/x-flv",
    ".wav": "audio/wav", ".mp3": "audio/mpeg", ".flac": "audio/flac", ".ogg": "audio/ogg",
    ".opus": "audio/ogg", ".oga": "audio/ogg",
    ".pdf": "application/pdf", ".svg": "image/svg+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
    ".c2pa": "application/c2pa",
    ".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2",
    ".ttc": "font/collection",
    ".eml": "message/rfc822", ".mbox": "application/mbox", ".msg": "application/vnd.ms-outlook",
}

OOXML_TYPES = {
    b"word/": EXTENSIONS[".docx"],
    b"xl/": EXTENSIONS[".xlsx"],
    b"ppt/": EXTENSIONS[".pptx"],
}


@dataclass(frozen=True, slots=True)
class Sniffed:
    media_type: str
    family: str
    note: str = ""


def extension_type(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def sniff_bytes(head: bytes, ext_type: str | None = None) -> Sniffed:
    """Decide the media type from the first bytes (``HEAD_SIZE`` is plenty)."""
    if not head:
        return Sniffed(UNKNOWN, "empty", "the file is empty")
    for m in MAGICS:
        if head[m.offset : m.offset + len(m.magic)] != m.magic:
            continue
        if m.offset2 >= 0 and head[m.offset2 : m.offset2 + len(m.magic2)] != m.magic2:
            continue
        if m.family == "zip":
            return _sniff_zip(head)
        if m.media_type == "audio/mpeg" and ext_type == "audio/wav":
            break  # an ID3 tag at the start of something else: keep looking below
        return Sniffed(m.media_type, m.family)
    if _is_truetype(head):
        return Sniffed("font/ttf", "font")
    if head[4:8] in ISOBMFF_TOP_BOXES:
        return _sniff_isobmff(head)
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06) != 0:
        return Sniffed("audio/mpeg", "mp3", "MPEG audio frame sync without an ID3 tag")
    return _sniff_mail(head) or _sniff_text(head, ext_type)


def _is_truetype(head: bytes) -> bool:
    if head[:4] != TRUETYPE_VERSION or len(head) < 12:
        return False
    tables, search_range = int.from_bytes(head[4:6], "big"), int.from_bytes(head[6:8], "big")
    return 0 < tables <= 1024 and search_range == 16 * (1 << (tables.bit_length() - 1))


def _sniff_isobmff(head: bytes) -> Sniffed:
    if head[4:8] != b"ftyp":
        if head[4:8] in (b"styp", b"moof", b"sidx"):
            return Sniffed("video/iso.segment", "isobmff", "a media segment (fragment) without its init")
        return Sniffed("video/mp4", "isobmff", "ISO BMFF without a leading ftyp box")
    major = head[8:12]
    if major in FTYP_BRANDS:
        return Sniffed(FTYP_BRANDS[major], "isobmff")
    size = int.from_bytes(head[0:4], "big")
    compatible = [head[i : i + 4] for i in range(16, min(size, len(head)), 4)]
    for brand in compatible:
        if brand in FTYP_BRANDS and FTYP_BRANDS[brand].startswith("image/"):
            return Sniffed(FTYP_BRANDS[brand], "isobmff")
    return Sniffed("video/mp4", "isobmff")


def _sniff_zip(head: bytes) -> Sniffed:
    for marker, media_type in OOXML_TYPES.items():
        if marker in head:
            return Sniffed(media_type, "zip")
    if b"[Content_Types].xml" in head:
        return Sniffed("application/vnd.openxmlformats-package", "zip", "an Office Open XML package")
    return Sniffed("application/zip", "zip")


def _sniff_text(head: bytes, ext_type: str | None) -> Sniffed:
    sample = head.lstrip(b"\xef\xbb\xbf")
    if b"\x00" in sample:
        return Sniffed(UNKNOWN, "unknown", "no known signature")
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data":  # not just a multibyte char cut at the end
            return Sniffed(UNKNOWN, "unknown", "no known signature")
        text = sample[: exc.start].decode("utf-8")
    stripped = text.lstrip()
    if stripped.startswith("<?xml") or stripped.startswith("<svg"):
        if "<svg" in text:
            return Sniffed("image/svg+xml", "svg")
        return Sniffed("application/xml", "xml")
    if ext_type == "text/markdown" or stripped.startswith("---\n") or stripped.startswith("# "):
        return Sniffed("text/markdown", "text")
    return Sniffed("text/plain", "text")


# -- e-mail (RFC 5322 headers) and mbox ("From " line, then headers) -------------------------
MAIL_HEADERS = frozenset({
    b"received", b"return-path", b"from", b"to", b"cc", b"subject", b"date", b"message-id",
    b"mime-version", b"delivered-to", b"reply-to", b"sender", b"content-type", b"dkim-signature",
    b"authentication-results", b"x-mailer", b"user-agent", b"in-reply-to", b"references",
    b"x-received", b"arc-seal", b"x-originating-ip",
})
_HEADER_LINE = re.compile(rb"([!-9;-~]+):")


def _mail_header_names(lines: list[bytes]) -> set[bytes] | None:
    """The known header names of a leading header block; None if it is not one."""
    names: set[bytes] = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded continuation
        m = _HEADER_LINE.match(line)
        if m is None:
            return None
        if m.group(1).lower() in MAIL_HEADERS:
            names.add(m.group(1).lower())
    return names


def _sniff_mail(head: bytes) -> Sniffed | None:
    lines = head.split(b"\n")[:-1] or [head]  # the last piece may be cut by the head size
    lines = [line.rstrip(b"\r") for line in lines]
    if lines[0].startswith(b"From ") and len(lines) > 1:
        names = _mail_header_names(lines[1:])
        if names:
            return Sniffed("application/mbox", "mbox")
        return None
    names = _mail_header_names(lines)
    if names and len(names) >= 2 and names & {b"from", b"received", b"message-id", b"mime-version", b"return-path"}:
        return Sniffed("message/rfc822", "email")
    return None
