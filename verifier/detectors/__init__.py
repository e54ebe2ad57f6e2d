"""Built-in detectors, as an explicit tuple (the pipeline runs them in this order)."""

from __future__ import annotations

from .audio_cue import AudioCueDetector
from .base import Context, Detector, DetectorFailure, Findings, NotApplicable
from .c2pa import C2paDetector
from .file_facts import FileFactsDetector
from .metadata import MetadataDetector
from .text_label import TextLabelDetector
from .visible_label import VisibleLabelDetector
from .watermark import WatermarkDetector

# Cheap, declarative checks first; pixel work (watermark, then OCR, the slowest) last.
BUILTIN_DETECTORS: tuple[Detector, ...] = (
    FileFactsDetector(),
    MetadataDetector(),
    C2paDetector(),
    TextLabelDetector(),
    AudioCueDetector(),
    WatermarkDetector(),
    VisibleLabelDetector(),
)


def by_name(name: str) -> Detector:
    for det in BUILTIN_DETECTORS:
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
    "by_name",
]
