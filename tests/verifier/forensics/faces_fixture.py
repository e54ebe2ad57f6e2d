"""A portrait built in code: a drawn frontal face (found by both of OpenCV's frontal-face cascades)
on a photo-like background, with sensor-like noise over the whole picture; and its twin whose
face was pasted from another, more compressed JPEG whose 8 x 8 grid does not line up."""

from __future__ import annotations

import cv2
import numpy as np

from .photos import decoded, jpeg, photo

FACE_AT = (216, 104)  # top-left corner of the face's square, in the picture (x, y)
FACE_SIDE = 240


def drawn_face(side: int = FACE_SIDE) -> np.ndarray:
    """An RGB face: skin oval, hair, brows, eyes, nose and mouth, softly blurred (no noise yet)."""
    s = side
    img = np.full((s, s, 3), (130, 110, 90), np.uint8)
    c = (s // 2, s // 2)
    cv2.ellipse(img, c, (int(s * 0.36), int(s * 0.46)), 0, 0, 360, (200, 150, 120), -1)
    cv2.ellipse(img, (c[0], int(s * 0.12)), (int(s * 0.38), int(s * 0.16)), 0, 180, 360, (40, 30, 30), -1)
    for dx in (-1, 1):
        ex, ey = c[0] + dx * int(s * 0.15), int(s * 0.40)
        cv2.ellipse(img, (ex, ey - int(s * 0.07)), (int(s * 0.09), int(s * 0.025)), 0, 180, 360, (60, 50, 40), -1)
        cv2.ellipse(img, (ex, ey), (int(s * 0.07), int(s * 0.035)), 0, 0, 360, (240, 240, 240), -1)
        cv2.circle(img, (ex, ey), int(s * 0.03), (20, 30, 40), -1)
    cv2.ellipse(img, (c[0], int(s * 0.60)), (int(s * 0.05), int(s * 0.03)), 0, 0, 360, (160, 110, 90), -1)
    cv2.ellipse(img, (c[0], int(s * 0.74)), (int(s * 0.12), int(s * 0.035)), 0, 0, 360, (150, 70, 70), -1)
    img = cv2.GaussianBlur(img, (0, 0), s / 120).astype(np.float32)
    texture = photo(s, s, seed=side).astype(np.float32)  # skin is not flat: pores, shading, hair
    return np.clip(img + (texture - texture.mean()) * 0.35, 0, 255).astype(np.uint8)


def portrait_rgb(seed: int = 3, width: int = 640, height: int = 480) -> np.ndarray:
    """The picture before any compression: background, face, then noise over everything."""
    img = photo(width, height, seed).astype(np.float32)
    x, y = FACE_AT
    img[y:y + FACE_SIDE, x:x + FACE_SIDE] = drawn_face()
    img += np.random.default_rng(seed + 100).normal(0, 2.5, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def untouched(seed: int = 3, quality: int = 90) -> bytes:
    """The portrait saved once as JPEG, as a camera would."""
    return jpeg(portrait_rgb(seed), quality)


def face_pasted(seed: int = 3, source_quality: int = 50, shift: tuple[int, int] = (3, 5),
                final_quality: int = 95) -> bytes:
    """The same picture whose face square comes from a JPEG at ``source_quality`` whose grid was
    ``shift`` pixels off the picture's, then saved once more as JPEG at ``final_quality``."""
    clean = decoded(untouched(seed))
    base = portrait_rgb(seed)
    x, y = FACE_AT
    dx, dy = shift
    source = base[y - dy:y + FACE_SIDE, x - dx:x + FACE_SIDE]  # its grid starts dx, dy before the face
    face = decoded(jpeg(np.ascontiguousarray(source), source_quality))[dy:, dx:]
    out = clean.copy()
    out[y:y + FACE_SIDE, x:x + FACE_SIDE] = face
    return jpeg(out, final_quality)
