"""What Pillow tells about a picture's own coding, for the forensic indicators: a JPEG's
quantisation tables, its decoded luma plane (libjpeg's Y output, before any colour conversion)
and EXIF thumbnail; any picture's size, camera facts and descriptive texts. Read-only, in memory,
with the decompression-bomb limit of the pixel checks."""

from __future__ import annotations

import io
import warnings
from typing import Any

import numpy as np

from .opencv_image import MAX_PIXELS, ImageCorrupt, ImageTooLarge

EXIF_THUMBNAIL_MAX = 256 * 1024  # a real EXIF thumbnail is a few KB; APP1 cannot exceed 64 KB


JPEG_FORMATS = ("JPEG", "MPO")  # MPO: a camera JPEG with more pictures after it


def _open(data: bytes, formats: tuple[str, ...] | None = JPEG_FORMATS) -> Any:
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise ImageTooLarge(f"the image declares more pixels than can be decoded safely ({exc})") from exc
        except Image.UnidentifiedImageError as exc:  # its words name a memory address: not repeatable
            raise ImageCorrupt("the file could not be opened as an image (no picture format Pillow reads)") from exc
        except Exception as exc:  # noqa: BLE001 - Pillow's own words go in the message
            raise ImageCorrupt(f"the file could not be opened as an image ({exc})") from exc
    if formats is not None and im.format not in formats:
        im.close()
        raise ImageCorrupt(f"not a JPEG image (Pillow reads it as {im.format})")
    if im.size[0] * im.size[1] > MAX_PIXELS:
        im.close()
        raise ImageTooLarge(f"the image has more than {MAX_PIXELS // 1_000_000} MP; the check was not run")
    return im


def quantization(data: bytes) -> dict[int, tuple[int, ...]]:
    """The JPEG's quantisation tables in natural order, keyed by table number."""
    with _open(data) as im:
        return {int(k): tuple(int(x) for x in v) for k, v in getattr(im, "quantization", {}).items()}


def luma(data: bytes, min_side: int = 0) -> np.ndarray:
    """The decoded Y plane (uint8, stored orientation), as libjpeg outputs it without colour conversion.

    libjpeg is asked for grey output, which for a YCbCr JPEG is its Y component as decoded (the
    same bytes as the Y channel of its YCbCr output) without decoding or upsampling the chroma:
    identical planes on the corpus JPEGs at 2.6 times less CPU. With ``min_side``, a larger
    picture is decoded at 1/2, 1/4 or 1/8 scale in the DCT domain (libjpeg's scaled inverse DCT),
    as small as keeps its shorter side at least ``min_side`` pixels."""
    with _open(data) as im:
        try:
            if im.mode in ("RGB", "YCbCr", "L"):
                w, h = im.size
                short = min(w, h)
                reduce = 0 < min_side < short
                im.draft("L", (max(1, w * min_side // short), max(1, h * min_side // short)) if reduce else im.size)
            im.load()
        except Exception as exc:  # noqa: BLE001
            raise ImageCorrupt(f"the image data could not be decoded ({exc})") from exc
        if im.mode == "L":
            return np.asarray(im)
        return np.asarray(im.convert("L"))


def exif_thumbnail(data: bytes) -> bytes | None:
    """The JPEG thumbnail stored in EXIF IFD1, or None when there is none."""
    from PIL import ExifTags

    with _open(data) as im:
        raw = im.info.get("exif")
        if not raw:
            return None
        try:
            ifd1 = im.getexif().get_ifd(ExifTags.IFD.IFD1)
        except Exception:  # noqa: BLE001 - a broken IFD1 is no thumbnail
            return None
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    if not isinstance(offset, int) or not isinstance(length, int) or length <= 0:
        return None
    base = 6 if raw.startswith(b"Exif\x00\x00") else 0
    start = base + offset
    thumb = raw[start:start + min(length, EXIF_THUMBNAIL_MAX)]
    return thumb if thumb.startswith(b"\xff\xd8") else None


CAMERA_TAGS = {0x010F: "Make", 0x0110: "Model", 0x829A: "ExposureTime", 0x829D: "FNumber",
               0x8827: "ISOSpeedRatings", 0xA434: "LensModel"}
TEXT_TAGS = (0x0131, 0x010E, 0x013B)  # Software, ImageDescription, Artist


def picture_facts(data: bytes) -> tuple[tuple[int, int], dict[str, object], list[str]]:
    """(width, height), camera facts from EXIF, and the picture's descriptive texts (EXIF
    Software/ImageDescription/UserComment, PNG text chunks, XMP), for the recapture hints."""
    from PIL import ExifTags

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC then fails to open, and the check says so
        pass
    with _open(data, formats=None) as im:
        size = (int(im.size[0]), int(im.size[1]))
        try:
            exif = _exif_without_pixels(im)
            sub = exif.get_ifd(ExifTags.IFD.Exif)
        except Exception:  # noqa: BLE001 - broken EXIF: no camera facts
            exif, sub = {}, {}
        camera = {name: (sub.get(tag) if tag in sub else exif.get(tag)) for tag, name in CAMERA_TAGS.items()}
        camera = {k: v for k, v in camera.items() if v not in (None, "", b"")}
        texts = [str(exif.get(t)) for t in TEXT_TAGS if exif.get(t)]
        comment = sub.get(0x9286)
        if comment:
            texts.append(comment.decode("latin-1", "replace") if isinstance(comment, bytes) else str(comment))
        texts.extend(str(v)[:4096] for k, v in im.info.items() if isinstance(v, str) and k != "exif")
        xmp = im.info.get("xmp")
        if isinstance(xmp, bytes):
            texts.append(xmp[:65536].decode("utf-8", "replace"))
    return size, camera, texts


def _exif_without_pixels(im: Any) -> Any:
    """``im.getexif()``, without decoding a PNG's pixels.

    For a PNG with no eXIf chunk before its image data, Pillow's ``getexif`` decodes every pixel
    to reach the chunks after it (eXIf, text), which costs a full inflate (~60 ms for 2048 x
    2048). Pillow's own end-of-image reader (``load_end``) is run instead from the start of the
    image data, skipping the data: the same chunks land in ``im.info`` (tests compare with a full
    load). Anything else (other formats, animated PNGs, a Pillow without these internals) takes
    ``getexif`` as it is."""
    from PIL import Image

    if im.format != "PNG" or "exif" in im.info or getattr(im, "png", None) is None or im.png.im_n_frames is not None:
        return im.getexif()
    try:
        first_idat = im._PngImageFile__prepare_idat  # noqa: SLF001 - set by PngImageFile._open
        offset = im.tile[0][2]
    except (AttributeError, IndexError):
        return im.getexif()
    im.fp.seek(offset)
    im._PngImageFile__idat = first_idat  # noqa: SLF001 - what load_prepare sets before decoding
    im.load_end()
    return Image.Image.getexif(im)
