"""Forensic views for a human eye (error levels, noise residual, faces with their noise and JPEG
grid beside the rest of the picture). Views and facts only: this detector never raises an
indicator or a signal."""

from __future__ import annotations

from typing import Any, ClassVar

from ..adapters import opencv_faces
from ..adapters.opencv_image import encode_png
from ..evidence import Attachment, MediaFile
from ..forensics import views
from .base import Context, Findings
from .pixels import load_pixels
from .spec import DetectorSpec, Words

# The still pictures these views are made for (JPEG, PNG, WebP, HEIC); not GIF, BMP or TIFF.
VIEW_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"})

ELA_NAME, NOISE_NAME, FACES_NAME = "error_level.png", "noise_residual.png", "faces.png"


SPEC = DetectorSpec(
    name="forensic_views",
    title=Words("Forensic views (error levels, noise, faces)", "取证视图（误差等级、噪声、人脸）"),
    timeout=60.0,
    kinds=(),
    view="indicators",
    advisory=True,
    pixel_work=True,
    doc="error-level, noise and face views for the eye",
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
        faces = _faces(pixels, factor)
        facts["faces"] = faces
        if faces.get("regions"):
            boxes = [tuple(r["box"]) for r in faces["regions"]]
            attachments.append(Attachment(FACES_NAME, "image/png", encode_png(views.outlined(shown, boxes)),
                                          "faces found, numbered as in the facts"))
        return Findings(facts=facts, attachments=tuple(attachments))


def _faces(pixels: Any, factor: float) -> dict[str, Any]:
    """Faces found (in the picture's own pixels) with their facts and the rest's, or why not looked for."""
    try:
        cascade = opencv_faces.load_cascade()
    except opencv_faces.FacesUnavailable as exc:
        return {"finder": None, "not_looked_for": str(exc), "reason": exc.code, "opencv": exc.version}
    found = opencv_faces.find_faces(pixels, cascade)
    regions, rest = views.region_stats(pixels, found, grid=factor == 1.0)
    out: dict[str, Any] = {"finder": opencv_faces.CASCADE, "found": len(regions),
                           "regions": [_unscaled(r.as_details(), factor) for r in regions]}
    if regions:
        out["rest"] = rest.as_details()
    return out


def _unscaled(details: dict[str, Any], factor: float) -> dict[str, Any]:
    if factor < 1.0 and "box" in details:
        details["box"] = [round(v / factor) for v in details["box"]]
    return details
