"""Photo-like pictures built in code for the forensic tests: a 1/f ("natural image") noise field
in three correlated channels, a few hard-edged shapes, and sensor-like noise."""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from verifier.evidence import Evidence


def photo(width: int = 640, height: int = 480, seed: int = 0) -> np.ndarray:
    """An RGB uint8 picture with the statistics JPEG forensics rely on (Laplacian-like DCT)."""
    rng = np.random.default_rng(seed)
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.fftfreq(width)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    base = np.real(np.fft.ifft2(np.fft.fft2(rng.normal(size=(height, width))) / f ** 1.1))
    base = (base - base.min()) / (np.ptp(base) + 1e-9)
    img = np.stack([base * 200 + 20, base * 170 + 40 + 20 * rng.random(), base * 140 + 60], axis=-1)
    for _ in range(12):  # shapes with edges and texture
        x0, y0 = rng.integers(0, width - 40), rng.integers(0, height - 40)
        x1, y1 = x0 + rng.integers(20, width // 3), y0 + rng.integers(20, height // 3)
        colour = rng.integers(0, 255, 3)
        img[y0:y1, x0:x1] = img[y0:y1, x0:x1] * 0.4 + colour * 0.6
    img += rng.normal(0, 3, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def jpeg(rgb: np.ndarray, quality: int, exif: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    kwargs = {"exif": exif} if exif else {}
    Image.fromarray(rgb).save(buf, "JPEG", quality=quality, **kwargs)
    return buf.getvalue()


def decoded(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def exif_with_thumbnail(thumb_jpeg: bytes, make: bytes = b"Canon\x00", model: bytes = b"EOS\x00") -> bytes:
    """An APP1 EXIF payload (``Exif\\0\\0`` + big-endian TIFF) with Make/Model in IFD0 and a JPEG
    thumbnail in IFD1, laid out as cameras write it."""
    entries0 = 2
    ifd0 = 8
    data0 = ifd0 + 2 + entries0 * 12 + 4
    make_at, model_at = data0, data0 + len(make)
    ifd1 = model_at + len(model)
    thumb_at = ifd1 + 2 + 3 * 12 + 4
    out = b"MM\x00\x2a" + struct.pack(">I", ifd0)
    out += struct.pack(">H", entries0)
    out += struct.pack(">HHII", 0x010F, 2, len(make), make_at)
    out += struct.pack(">HHII", 0x0110, 2, len(model), model_at)
    out += struct.pack(">I", ifd1) + make + model
    out += struct.pack(">H", 3)
    out += struct.pack(">HHIHH", 0x0103, 3, 1, 6, 0)
    out += struct.pack(">HHII", 0x0201, 4, 1, thumb_at)
    out += struct.pack(">HHII", 0x0202, 4, 1, len(thumb_jpeg))
    out += struct.pack(">I", 0) + thumb_jpeg
    return b"Exif\x00\x00" + out


def thumbnail_of(rgb: np.ndarray, size: tuple[int, int] = (160, 120)) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def png(rgb: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG")
    return buf.getvalue()


def run_untouched(detector: object, tmp_path: Path, data: bytes, name: str, mime: str) -> "Evidence":
    """Run ``detector`` on ``data`` written to ``tmp_path/name``; check the file is unchanged and
    nothing was written beside it."""
    import hashlib

    from verifier.config import Config
    from verifier.detectors.base import Context
    from verifier.evidence import MediaFile
    from verifier.isolation import run_detector

    path = tmp_path / name
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    ev = run_detector(detector, MediaFile(path, digest, len(data), mime), Context(Config()))  # type: ignore[arg-type]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it
    return ev
