"""Photo-like pictures built in code for the reference tests: 1/f ("natural image") noise in three
correlated channels with hard-edged shapes, plus the edits a forger makes (paste a feathered,
rescaled, slightly rotated region; re-compress; show it inside a video player's frame)."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image


def photo(width: int = 640, height: int = 480, seed: int = 0) -> np.ndarray:
    """An RGB uint8 picture with photo-like statistics and plenty of corners and blobs."""
    rng = np.random.default_rng(seed)
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.fftfreq(width)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    base = np.real(np.fft.ifft2(np.fft.fft2(rng.normal(size=(height, width))) / f ** 1.1))
    base = (base - base.min()) / (np.ptp(base) + 1e-9)
    img = np.stack([base * 200 + 20, base * 170 + 40 + 20 * rng.random(), base * 140 + 60], axis=-1)
    for _ in range(40):
        colour = rng.integers(0, 255, 3).tolist()
        kind = rng.integers(0, 3)
        cx, cy = int(rng.integers(0, width)), int(rng.integers(0, height))
        size = int(rng.integers(6, max(8, min(width, height) // 6)))
        if kind == 0:
            cv2.rectangle(img, (cx, cy), (cx + size, cy + int(size * rng.uniform(0.3, 1.5))), colour, -1)
        elif kind == 1:
            cv2.ellipse(img, (cx, cy), (size, int(size * rng.uniform(0.3, 1.0))), float(rng.uniform(0, 180)),
                        0, 360, colour, -1)
        else:
            cv2.line(img, (cx, cy), (int(rng.integers(0, width)), int(rng.integers(0, height))), colour,
                     int(rng.integers(1, 5)))
    img += rng.normal(0, 3, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def jpeg(rgb: np.ndarray, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def png(rgb: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG")
    return buf.getvalue()


def decoded(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def resized(rgb: np.ndarray, scale: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    return cv2.resize(rgb, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)


def paste(background: np.ndarray, region: np.ndarray, at: tuple[int, int], scale: float = 1.0,
          angle: float = 0.0, feather: int = 8) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Paste ``region`` rescaled and rotated (about its centre) at ``at`` (top-left of its bounding
    box) with a feathered edge; returns the picture and the pasted box [x0, y0, x1, y1)."""
    h, w = region.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    ow, oh = int(round(h * sin + w * cos)), int(round(h * cos + w * sin))
    m[0, 2] += ow / 2 - w / 2
    m[1, 2] += oh / 2 - h / 2
    warped = cv2.warpAffine(region, m, (ow, oh), flags=cv2.INTER_LINEAR)
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), m, (ow, oh), flags=cv2.INTER_LINEAR)
    if feather:
        mask = cv2.erode(mask, np.ones((3, 3), np.uint8), iterations=feather // 2)
        mask = cv2.GaussianBlur(mask, (0, 0), feather / 2)
    alpha = (mask.astype(np.float32) / 255.0)[:, :, None]
    out = background.astype(np.float32).copy()
    x, y = at
    out[y:y + oh, x:x + ow] = out[y:y + oh, x:x + ow] * (1 - alpha) + warped * alpha
    return np.clip(out, 0, 255).astype(np.uint8), (x, y, x + ow, y + oh)


def player_frame(picture: np.ndarray, width: int = 1920, height: int = 1080) -> tuple[np.ndarray, tuple[float, int, int]]:
    """``picture`` letterboxed into a video player's screenshot: dark chrome, a control bar, a
    title. Returns the frame and (scale, x offset, y offset) of the picture in it."""
    frame = np.full((height, width, 3), 18, np.uint8)
    bar = 90
    h, w = picture.shape[:2]
    scale = min(width / w, (height - bar - 40) / h)
    shown = cv2.resize(picture, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_LINEAR)
    x, y = (width - shown.shape[1]) // 2, 40 + (height - bar - 40 - shown.shape[0]) // 2
    frame[y:y + shown.shape[0], x:x + shown.shape[1]] = shown
    cv2.rectangle(frame, (0, height - bar), (width, height), (40, 40, 40), -1)
    cv2.rectangle(frame, (60, height - 50), (width - 60, height - 44), (200, 200, 200), -1)
    cv2.circle(frame, (700, height - 47), 10, (255, 255, 255), -1)
    cv2.putText(frame, "12:04 / 31:47", (60, height - 62), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (230, 230, 230), 2)
    cv2.putText(frame, "video.mp4", (20, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (230, 230, 230), 2)
    return frame, (scale, x, y)
