"""Built-in detectors, as an explicit tuple (the pipeline runs them in this order)."""

from __future__ import annotations

from .base import Context, Detector, DetectorFailure, Findings, NotApplicable
from .file_facts import FileFactsDetector
from .visible_label import VisibleLabelDetector
from .watermark import WatermarkDetector

BUILTIN_DETECTORS: tuple[Detector, ...] = (
    FileFactsDetector(),
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
