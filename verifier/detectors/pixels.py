"""Pixels for the pixel checks (watermark, visible_label), with their failures said one way."""

from __future__ import annotations

import numpy as np

from ..adapters import opencv_image
from ..evidence import MediaFile
from .base import DetectorFailure, NotApplicable


def load_pixels(media: MediaFile, stored: bool = False) -> np.ndarray:
    """The still image as BGR, as shown (EXIF orientation applied) or, with ``stored``, as stored;
    a format with no decoder is not applicable, a bad one a failure."""
    try:
        return opencv_image.load_bgr(media.path, media.media_type, stored=stored)
    except opencv_image.ImageUndecodable as exc:
        raise NotApplicable(str(exc)) from exc
    except (opencv_image.ImageTooLarge, opencv_image.ImageCorrupt) as exc:
        raise DetectorFailure(str(exc)) from exc
