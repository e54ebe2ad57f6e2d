"""Faces beside the rest of the picture: the frontal faces OpenCV's Haar cascades find, and for each
its noise level and JPEG 8 x 8 grid next to the rest's, with what differs.

A view for a human eye, never a verdict: this detector raises no indicator and no signal, and a
face that differs from the rest proves nothing by itself (docs/FORENSICS.md gives the measured
rate on untouched photos). Faces that could not be looked for (an OpenCV build without cascades)
are said as such, never as "no face".
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from ..adapters import opencv_faces
from ..adapters.opencv_image import encode_png
from ..evidence import Attachment, MediaFile
from ..forensics import faces, views
from .base import Context, Findings
from .pixels import load_pixels
from .forensic_views import VIEW_TYPES
from .spec import DetectorSpec, Words

FACES_NAME = "faces.png"


SPEC = DetectorSpec(
    name="forensic_faces",
    title=Words("Faces beside the rest of the picture", "人脸与图片其余部分的对比"),
    timeout=60.0,
    kinds=(),
    view="indicators",
    advisory=True,
    deep=True,
    pixel_work=True,
    doc="faces found, each face's noise and JPEG grid beside the rest of the picture (a view)",
)


class ForensicFacesDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in VIEW_TYPES  # the same pictures as the other views

    def prepare(self, ctx: Context) -> None:
        from ..adapters import opencv_image

        opencv_image.load_library()

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        shown = load_pixels(media)
        try:
            finder = opencv_faces.load_finder()
        except opencv_faces.FacesUnavailable as exc:
            return Findings(facts={"finder": None, "not_looked_for": str(exc), "reason": exc.code,
                                   "opencv": exc.version})
        facts = describe_faces(shown, finder)
        boxes = [tuple(r["box"]) for r in facts.get("regions", [])]
        if not boxes:
            return Findings(facts=facts)
        view = views.outlined(shown, boxes)
        return Findings(facts=facts, attachments=(
            Attachment(FACES_NAME, "image/png", encode_png(view), "faces found, numbered as in the facts"),))


def describe_faces(shown: np.ndarray, finder: opencv_faces.FaceFinder) -> dict[str, Any]:
    """The faces found in ``shown`` (the picture as displayed), each beside the rest, as facts."""
    pixels, factor = views.analysis_copy(shown)
    found = opencv_faces.find_confirmed_faces(pixels, finder)
    out: dict[str, Any] = {"finder": finder.name, "found": 0, "regions": []}
    if found:  # the rest of the picture is measured only to be shown beside a face
        regions, rest = views.region_stats(pixels, found, grid=factor == 1.0)
        compared = [faces.compare(r, rest) for r in regions]
        out["found"] = len(compared)
        out["regions"] = [_unscaled(c.as_details(), factor) for c in compared]
        if compared:
            out["rest"] = rest.as_details()
            out["differ"] = sum(1 for c in compared if c.differs)
    if factor < 1.0:
        out["measured_on"] = [int(pixels.shape[1]), int(pixels.shape[0])]
    return out


def _unscaled(details: dict[str, Any], factor: float) -> dict[str, Any]:
    if factor < 1.0 and "box" in details:
        details["box"] = [round(v / factor) for v in details["box"]]
    return details
