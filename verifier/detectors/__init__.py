"""Built-in detectors, as an explicit tuple (the pipeline runs them in this order).

``BUILTIN_DETECTORS`` is built on first access (PEP 562), not when the package is imported: a
worker process imports ``verifier.detectors.base`` and then only the detector modules its tasks
name, so it does not pay for numpy and every detector's imports before its first result.
"""

from __future__ import annotations

from typing import Any

from .base import Context, Detector, DetectorFailure, Findings, NotApplicable


def _builtin() -> tuple[Detector, ...]:
    from .audio_cue import AudioCueDetector
    from .c2pa import C2paDetector
    from .container import ContainerDetector
    from .file_facts import FileFactsDetector
    from .forensic_copy_move import CopyMoveDetector
    from .forensic_faces import ForensicFacesDetector
    from .forensic_jpeg import DoubleJpegDetector
    from .forensic_recapture import RecaptureDetector
    from .forensic_thumbnail import ThumbnailDetector
    from .forensic_views import ForensicViewsDetector
    from .metadata import MetadataDetector
    from .reference import ReferenceDetector
    from .text_label import TextLabelDetector
    from .visible_label import VisibleLabelDetector
    from .watermark import WatermarkDetector

    # Cheap, declarative checks first; pixel work (watermark, then OCR, the slowest) next; the
    # advisory forensic indicators (never part of the verdict) last.
    return (
        FileFactsDetector(),
        MetadataDetector(),
        C2paDetector(),
        TextLabelDetector(),
        ContainerDetector(),
        AudioCueDetector(),
        WatermarkDetector(),
        VisibleLabelDetector(),
        ThumbnailDetector(),
        DoubleJpegDetector(),
        RecaptureDetector(),
        CopyMoveDetector(),
        ForensicViewsDetector(),
        ForensicFacesDetector(),
        ReferenceDetector(),
    )


_BUILTIN: tuple[Detector, ...] | None = None
BUILTIN_DETECTORS: tuple[Detector, ...]  # provided by __getattr__


def builtin_detectors() -> tuple[Detector, ...]:
    global _BUILTIN  # noqa: PLW0603 - built once
    if _BUILTIN is None:
        _BUILTIN = _builtin()
    return _BUILTIN


def __getattr__(name: str) -> Any:
    if name == "BUILTIN_DETECTORS":
        return builtin_detectors()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def by_name(name: str) -> Detector:
    for det in builtin_detectors():
        if det.name == name:
            return det
    raise KeyError(f"no detector named {name!r}")


__all__ = [
    "BUILTIN_DETECTORS",
    "Context",
    "Detector",
    "DetectorFailure",
    "Findings",
    "NotApplicable",
    "builtin_detectors",
    "by_name",
]
