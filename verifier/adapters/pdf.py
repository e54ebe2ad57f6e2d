"""pypdf adapter: the document Info dictionary (also when it sits in a compressed object
stream), the XMP metadata stream, page text for explicit-label checks, and the embedded
page images (members of the PDF as a container)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..formats.meta import Entry, decode_text
from ..inputs import open_readonly

log = logging.getLogger(__name__)
MAX_PAGES_TEXT = 20
MAX_TEXT = 200_000


class PdfUnreadable(ValueError):
    pass


def _reader(fh: BinaryIO) -> Any:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return PdfReader(fh, strict=False)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on bad input
        raise PdfUnreadable(f"PDF not readable: {exc}") from exc


def info_entries(path: Path) -> list[Entry]:
    out: list[Entry] = []
    with open_readonly(path) as fh:
        reader = _reader(fh)
        try:
            info = reader.trailer.get("/Info")
            info = info.get_object() if info is not None else None
        except Exception as exc:  # noqa: BLE001
            raise PdfUnreadable(f"PDF Info dictionary not readable: {exc}") from exc
        if info is not None and hasattr(info, "items"):
            for key, value in list(info.items())[:500]:
                try:
                    value = value.get_object()
                except AttributeError:
                    pass
                if isinstance(value, bytes):
                    text = decode_text(value)
                else:
                    text = str(value)
                out.append(Entry("pdf:Info", str(key).lstrip("/"), text[: 1 << 20], group="PDF Info"))
        try:
            root = reader.trailer["/Root"].get_object()
            meta = root.get("/Metadata")
            if meta is not None:
                data = meta.get_object().get_data()
                out.append(Entry("pdf:XMP", "XMP", decode_text(data[: 1 << 20]), kind="xmp", group="XMP"))
        except Exception as exc:  # noqa: BLE001
            log.debug("PDF XMP not readable: %s", exc)
    return out


def page_text(path: Path) -> list[str]:
    """Text of the first pages (bounded), one string per page."""
    out: list[str] = []
    total = 0
    with open_readonly(path) as fh:
        reader = _reader(fh)
        try:
            pages = reader.pages
            n = len(pages)
        except Exception as exc:  # noqa: BLE001
            raise PdfUnreadable(f"PDF pages not readable: {exc}") from exc
        idx = list(range(min(n, MAX_PAGES_TEXT)))
        if n > MAX_PAGES_TEXT:
            idx.append(n - 1)  # a label at the end of a long document
        for i in idx:
            try:
                text = pages[i].extract_text() or ""
            except Exception as exc:  # noqa: BLE001
                log.debug("page %d text not extracted: %s", i, exc)
                continue
            out.append(text)
            total += len(text)
            if total > MAX_TEXT:
                break
    return out


MAX_PAGES_IMAGES = 2000
_IMAGE_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "jp2": "image/jp2",
                "tif": "image/tiff", "tiff": "image/tiff", "gif": "image/gif", "bmp": "image/bmp"}


@dataclass(frozen=True, slots=True)
class PdfImage:
    data: bytes = b""
    extension: str = "bin"  # without the dot
    mime: str = ""
    error: str = ""  # why this image could not be extracted


def _xobject_ref(page: Any, image_id: object) -> tuple[int, int] | None:
    """The image's object number, to extract an image drawn on many pages once."""
    if not isinstance(image_id, str):
        return None
    try:
        raw = page["/Resources"].get_object()["/XObject"].get_object().raw_get(image_id)
        return (int(raw.idnum), int(raw.generation))
    except Exception:  # noqa: BLE001 - a direct object or odd resources: no deduplication
        return None


def embedded_images(fh: BinaryIO, more: Callable[[], bool]) -> Iterator[PdfImage]:
    """The page images in page order, each once, of a PDF open for reading (its file, or its
    bytes held in memory); stops when ``more()`` turns false."""
    reader = _reader(fh)
    try:
        pages = reader.pages
        n = min(len(pages), MAX_PAGES_IMAGES)
    except Exception as exc:  # noqa: BLE001
        raise PdfUnreadable(f"PDF pages not readable: {exc}") from exc
    seen: set[tuple[int, int]] = set()
    for i in range(n):
        try:
            page = pages[i]
            ids = page.images.keys()
        except Exception as exc:  # noqa: BLE001
            yield PdfImage(error=f"page {i + 1}: images not listed: {type(exc).__name__}: {exc}")
            continue
        for image_id in ids:
            ref = _xobject_ref(page, image_id)
            if ref is not None:
                if ref in seen:
                    continue
                seen.add(ref)
            if not more():
                return
            try:
                image = page.images[image_id]
                data = image.data
            except Exception as exc:  # noqa: BLE001 - pypdf and Pillow raise many types
                yield PdfImage(error=f"page {i + 1}: {type(exc).__name__}: {exc}")
                continue
            ext = Path(str(image.name)).suffix.lstrip(".").lower() or "bin"
            ext = ext if ext.isalnum() and len(ext) <= 8 else "bin"
            yield PdfImage(data=data, extension=ext, mime=_IMAGE_TYPES.get(ext, ""))
