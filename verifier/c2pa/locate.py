"""Is a C2PA manifest store (or a remote-manifest reference) actually in this file?

Asked only when the SDK fails to read a file: an SDK error is not a manifest. Each container
family is walked the way c2pa-rs's asset handlers look for their carrier, bounded and read-only:

* JPEG: APP11 segments holding JUMBF (``JP`` header) before the scan;
* PNG: a ``caBX`` chunk;  GIF: an application extension ``C2PA_GIF``;
* ISO BMFF (MP4, MOV, HEIF, AVIF): a top-level ``uuid`` box with the C2PA UUID;
* RIFF (WAV, WebP, AVI): a ``C2PA`` chunk;  TIFF/DNG: tag 0xCD41 in IFD0;
* MP3/FLAC: an ID3v2 ``GEOB`` frame of type ``application/c2pa``;
* SVG: a ``c2pa:manifest`` element;  a standalone JUMBF store: the store itself;
* remote references: ``dcterms:provenance`` in the XMP.

When a walk cannot finish (truncated header, garbage after the magic), the whole file is
scanned for the JUMBF description box of a manifest store (and the family's carrier marker):
every carrier above stores that box as raw bytes, so its absence from every byte of the file
says there is no store. Only a file too large to scan leaves the question open.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..evidence import MediaFile
from .. import read_meta
from ..formats import jpeg
from ..inputs import open_readonly
from .bmff import MAX_BOXES

# The description box (jumd) of a manifest store: type UUID "c2pa" + 0011-0010-8000-00AA00389B71.
STORE_JUMD = b"jumd" + b"c2pa" + bytes.fromhex("00110010800000aa00389b71")
C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")
ZIP_MANIFEST = "META-INF/content_credential.c2pa"
GEOB_TYPES = (b"application/c2pa", b"application/x-c2pa-manifest-store")
MAX_SCAN = 1 << 30  # bytes scanned when a walk cannot finish
_CHUNK = 1 << 20
MAX_STEPS = 100_000


@dataclass(frozen=True, slots=True)
class Located:
    present: bool  # a manifest store was found (or a remote reference, see remote_url)
    certain: bool  # False: the file could not be searched completely
    where: str  # the carrier found, or how the absence was established, or why unknown
    remote_url: str | None = None


class _Incomplete(Exception):
    """The container walk stopped before its end (truncated or malformed file)."""


def locate(path: Path, media_type: str, family: str, size: int) -> Located:
    with open_readonly(path) as fh:
        walker = _WALKERS.get(family) or _WALKERS.get(media_type)
        if walker is not None:
            try:
                found = walker(fh, size)
            except (_Incomplete, ValueError, struct.error) as exc:
                return _scan(fh, size, family, f"{family} structure incomplete ({exc})")
            return Located(found is not None, True, found or f"{family}: container walked, no C2PA carrier")
        return _scan(fh, size, family, f"no {family} carrier walker")


def _scan(fh: BinaryIO, size: int, family: str, why: str) -> Located:
    if size > MAX_SCAN:
        return Located(False, False, f"{why}; the file is too large to scan for a manifest store")
    markers = [STORE_JUMD, *_MARKERS.get(family, ())]
    keep = max(len(m) for m in markers) - 1
    hiding = _HIDING.get(family)
    hidden = False
    fh.seek(0)
    tail = b""
    while chunk := fh.read(_CHUNK):
        window = tail + chunk
        for m in markers:
            if m in window:
                return Located(True, True, f"{why}; manifest store bytes found ({m[:16]!r})")
        hidden = hidden or bool(hiding and hiding in window)
        tail = window[-keep:]
    if hidden:
        return Located(False, False, f"{why}; compressed objects could hold a manifest store out of sight")
    return Located(False, True, f"{why}; no manifest store bytes anywhere in the file")


# -- carriers, one walker per family: the carrier's name, None when absent, _Incomplete --------


def _jpeg(fh: BinaryIO, size: int) -> str | None:
    for marker, _s, _e, head in jpeg.segment_spans(fh, size):
        if marker == -1:
            raise _Incomplete("bytes that are not a JPEG marker")
        if marker == 0xEB and head.startswith(b"JP"):
            return "jpeg:APP11 (JUMBF)"
        if marker == 0xDA:
            return None
    raise _Incomplete("no image data (SOS) before the end")


def _png(fh: BinaryIO, size: int) -> str | None:
    fh.seek(8)
    pos = 8
    for _ in range(MAX_STEPS):
        head = fh.read(8)
        if len(head) < 8:
            raise _Incomplete("ends without an IEND chunk")
        length, ctype = struct.unpack(">I4s", head)
        if ctype == b"caBX":
            return "png:caBX"
        if ctype == b"IEND":
            return None
        pos += 12 + length
        if pos > size:
            raise _Incomplete(f"chunk {ctype!r} runs past the end")
        fh.seek(pos)
    raise _Incomplete("too many chunks")


def _sub_blocks(fh: BinaryIO) -> None:
    for _ in range(MAX_STEPS * 10):
        n = fh.read(1)
        if not n:
            raise _Incomplete("ends inside a block")
        if n[0] == 0:
            return
        fh.seek(n[0], 1)
    raise _Incomplete("too many sub-blocks")


def _gif(fh: BinaryIO, size: int) -> str | None:
    head = fh.read(13)
    if len(head) < 13:
        raise _Incomplete("header cut short")
    if head[10] & 0x80:
        fh.seek(3 * (2 ** ((head[10] & 7) + 1)), 1)
    for _ in range(MAX_STEPS):
        intro = fh.read(1)
        if intro == b";":
            return None
        if intro == b",":
            desc = fh.read(9)
            if len(desc) < 9:
                raise _Incomplete("image descriptor cut short")
            if desc[8] & 0x80:
                fh.seek(3 * (2 ** ((desc[8] & 7) + 1)), 1)
            fh.read(1)
            _sub_blocks(fh)
        elif intro == b"!":
            label = fh.read(1)
            if label == b"\xff":
                n = fh.read(1)
                app = fh.read(n[0]) if n else b""
                if app[:8] == b"C2PA_GIF":
                    return "gif:ApplicationExtension C2PA_GIF"
                _sub_blocks(fh)
            elif not label:
                raise _Incomplete("ends inside an extension")
            else:
                _sub_blocks(fh)
        else:
            raise _Incomplete("no trailer" if not intro else f"unexpected block 0x{intro[0]:02x}")
    raise _Incomplete("too many blocks")


def _bmff(fh: BinaryIO, size: int) -> str | None:
    pos = 0
    for _ in range(MAX_BOXES):
        if pos == size:
            return None
        fh.seek(pos)
        head = fh.read(24)
        if len(head) < 8:
            raise _Incomplete(f"box header cut short at {pos}")
        box_size, kind = struct.unpack(">I4s", head[:8])
        hdr = 8
        if box_size == 1:
            if len(head) < 16:
                raise _Incomplete("large box header cut short")
            box_size, hdr = struct.unpack(">Q", head[8:16])[0], 16
        elif box_size == 0:
            box_size = size - pos
        if kind == b"uuid" and head[hdr : hdr + 16] == C2PA_UUID:
            return "isobmff:uuid (C2PA)"
        if box_size < hdr or pos + box_size > size:
            raise _Incomplete(f"box {kind!r} at {pos} runs past the end")
        pos += box_size
    raise _Incomplete("too many boxes")


def _riff(fh: BinaryIO, size: int) -> str | None:
    head = fh.read(12)
    if len(head) < 12:
        raise _Incomplete("header cut short")
    pos = 12
    for _ in range(MAX_STEPS):
        if pos + 8 > size:
            if pos < size:
                raise _Incomplete(f"{size - pos} stray bytes at the end")
            return None
        fh.seek(pos)
        cid, n = struct.unpack("<4sI", fh.read(8))
        if cid == b"C2PA":
            return "riff:C2PA"
        if n == 0xFFFFFFFF:
            raise _Incomplete("64-bit chunk sizes (ds64)")
        pos += 8 + n + (n & 1)
    raise _Incomplete("too many chunks")


def _tiff(fh: BinaryIO, size: int) -> str | None:
    head = fh.read(16)
    order = {b"II": "<", b"MM": ">"}.get(head[:2])
    if order is None or len(head) < 8:
        raise _Incomplete("header cut short")
    magic = struct.unpack(order + "H", head[2:4])[0]
    if magic == 43:  # BigTIFF
        if len(head) < 16:
            raise _Incomplete("BigTIFF header cut short")
        ifd, count_fmt, entry, count_size = struct.unpack(order + "Q", head[8:16])[0], "Q", 20, 8
    else:
        ifd, count_fmt, entry, count_size = struct.unpack(order + "I", head[4:8])[0], "H", 12, 2
    if ifd < 8 or ifd + count_size > size:
        raise _Incomplete(f"first IFD offset {ifd} outside the file")
    fh.seek(ifd)
    count = struct.unpack(order + count_fmt, fh.read(count_size))[0]
    if ifd + count_size + count * entry > size:
        raise _Incomplete(f"first IFD of {count} entries runs past the end")
    table = fh.read(count * entry)
    for i in range(count):
        if struct.unpack_from(order + "H", table, i * entry)[0] == 0xCD41:
            return "tiff:IFD0 tag 0xCD41"
    return None


def _id3(fh: BinaryIO, size: int) -> str | None:
    head = fh.read(10)
    if head[:3] != b"ID3":
        return None  # c2pa-rs reads the manifest from a leading ID3v2 tag only
    if len(head) < 10:
        raise _Incomplete("ID3 header cut short")
    n = 0
    for b in head[6:10]:
        n = (n << 7) | (b & 0x7F)
    body = fh.read(min(n, MAX_SCAN))
    if len(body) < n:
        raise _Incomplete("ID3 tag runs past the end")
    at = body.find(b"GEOB")
    while at >= 0:
        if any(t in body[at + 10 : at + 60] for t in GEOB_TYPES):
            return "id3:GEOB (application/c2pa)"
        at = body.find(b"GEOB", at + 4)
    return None


def _svg(fh: BinaryIO, size: int) -> str | None:
    raise _Incomplete("the XML is searched as text")  # the byte scan below looks for c2pa:manifest


def _zip(fh: BinaryIO, size: int) -> str | None:
    try:
        with zipfile.ZipFile(fh) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _Incomplete(f"zip directory not readable: {exc}") from exc
    return f"zip:{ZIP_MANIFEST}" if ZIP_MANIFEST in names else None


def _jumbf(fh: BinaryIO, size: int) -> str | None:
    head = fh.read(64)
    if head[4:8] == b"jumb" and STORE_JUMD in head:
        return "standalone JUMBF manifest store"
    raise _Incomplete("not a manifest store superbox")


_WALKERS = {
    "jpeg": _jpeg, "png": _png, "gif": _gif, "isobmff": _bmff, "riff": _riff, "tiff": _tiff,
    "mp3": _id3, "flac": _id3, "svg": _svg, "jumbf": _jumbf, "zip": _zip,
}
_MARKERS: dict[str, tuple[bytes, ...]] = {
    "gif": (b"C2PA_GIF",), "isobmff": (C2PA_UUID,), "png": (b"caBX",), "svg": (b"c2pa:manifest",),
    "pdf": (b"C2PA_Manifest",), "zip": (ZIP_MANIFEST.encode(),),
}
# Bytes that say a store could sit compressed, out of a byte scan's sight.
_HIDING: dict[str, bytes] = {"pdf": b"/ObjStm"}


DCTERMS = "http://purl.org/dc/terms/"


def remote_reference(media: MediaFile) -> str | None:
    """A remote-manifest URL declared in the XMP (``dcterms:provenance``), never fetched."""
    result = read_meta.read(media)
    for _placement, props in result.xmp:
        for p in props:
            if getattr(p, "ns", None) == DCTERMS and getattr(p, "name", None) == "provenance":
                value = getattr(p, "value", None)
                if isinstance(value, str) and value.strip():
                    return value.strip()[:2000]
    return None


def search(media: MediaFile) -> Located:
    """:func:`locate` for a scanned file, then a remote reference if no store is embedded."""
    found = locate(media.path, media.media_type, media.family, media.size)
    if found.present:
        return found
    url = remote_reference(media)
    if url:
        return Located(True, True, "XMP dcterms:provenance (remote manifest)", url)
    return found
