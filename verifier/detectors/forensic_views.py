"""Forensic views for a human eye (error levels, noise residual). Views and facts only: this
detector never raises an indicator or a signal. Faces, each beside the rest of the picture, are
the ``forensic_faces`` detector's."""

from __future__ import annotations

from typing import Any, ClassVar

from ..adapters.opencv_image import encode_png
from ..evidence import Attachment, MediaFile
from ..forensics import views
from .base import Context, Findings
from .pixels import load_pixels
from .spec import DetectorSpec, Words

# The still pictures these views are made for (JPEG, PNG, WebP, HEIC); not GIF, BMP or TIFF.
VIEW_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"})

ELA_NAME, NOISE_NAME = "error_level.png", "noise_residual.png"


SPEC = DetectorSpec(
    name="forensic_views",
    title=Words("Forensic views (error levels, noise)", "取证视图（误差等级、噪声）"),
    timeout=60.0,
    kinds=(),
    view="indicators",
    advisory=True,
    deep=True,
    pixel_work=True,
    doc="error-level and noise views for the eye",
)


class ForensicViewsDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in VIEW_TYPES

    def prepare(self, ctx: Context) -> None:
        from ..adapters import opencv_image

        opencv_image.load_library()

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        shown = load_pixels(media)
        pixels, factor = views.analysis_copy(shown)
        h, w = pixels.shape[:2]
        ela = views.error_level(pixels)
        noise = views.noise_residual(views.grey_of(pixels))
        ela_view, noise_view = views.fit(ela.image), noise.image
        facts: dict[str, Any] = {
            "size": [int(shown.shape[1]), int(shown.shape[0])],
            "view_size": [int(ela_view.shape[1]), int(ela_view.shape[0])],
            "error_level": {"quality": ela.quality, "gain": ela.gain, "max_difference": ela.max_difference,
                            "mean_difference": ela.mean_difference},
            "noise_residual": {"filter": "median 3x3", "white_at": noise.scale},
        }
        if factor < 1.0:
            facts["measured_on"] = [w, h]
        attachments = [
            Attachment(ELA_NAME, "image/png", encode_png(ela_view),
                       f"error levels: re-saved as JPEG at quality {ela.quality}, difference x{ela.gain}"),
            Attachment(NOISE_NAME, "image/png", encode_png(noise_view),
                       "noise residual: the picture minus its 3x3 median"),
        ]
        return Findings(facts=facts, attachments=tuple(attachments))
