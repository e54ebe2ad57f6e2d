"""The detectors, registered in one tuple (the pipeline runs them in this order).

A detector is one module: its class carries a ``spec`` (:class:`~.spec.DetectorSpec`: name, time
limit, signal kinds, panel, advisory or not) from which settings, command-line switches, panels,
reports and docs derive. Registering it is one line in :data:`REGISTRY`.

Detectors are imported on first use (PEP 562), not when the package is imported: a worker process
imports ``verifier.detectors.base`` and then only the detector modules its tasks name, so it does
not pay for numpy and every detector's imports before its first result.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from typing import Any, overload

from .base import Context, Detector, DetectorFailure, Findings, NotApplicable
from .spec import DetectorSpec, SignalKind

# "module:Class", in running order: cheap, declarative checks first; pixel work (watermark, then
# OCR, the slowest) next; the advisory forensic indicators (never part of the verdict) last.
REGISTRY: tuple[str, ...] = (
    "file_facts:FileFactsDetector",
    "metadata:MetadataDetector",
    "c2pa:C2paDetector",
    "text_label:TextLabelDetector",
    "container:ContainerDetector",
    "audio_cue:AudioCueDetector",
    "watermark:WatermarkDetector",
    "visible_label:VisibleLabelDetector",
    "forensic_thumbnail:ThumbnailDetector",
    "forensic_jpeg:DoubleJpegDetector",
    "forensic_recapture:RecaptureDetector",
    "forensic_copy_move:CopyMoveDetector",
    "forensic_views:ForensicViewsDetector",
    "forensic_faces:ForensicFacesDetector",
    "reference:ReferenceDetector",
)

# Their names (``spec.name``), in the same order, known without importing them: the command
# line checks ``--disable NAME`` against this before any detector module (or numpy) is loaded.
# tests/verifier/test_detector_specs.py checks that it matches the specs.
NAMES: tuple[str, ...] = (
    "file", "metadata", "c2pa", "text_label", "container", "audio_cue", "watermark", "visible_label",
    "thumbnail", "double_jpeg", "recapture", "copy_move", "forensic_views", "forensic_faces", "reference",
)
# Checks that read nearly every file and load a library or tables on first use (the C2PA SDK and
# trust lists; the metadata readers). The command line's first worker loads them (``prepare``)
# while the command line itself is still importing, instead of on the first file.
EVERY_FILE: tuple[str, ...] = ("metadata", "c2pa")
# The check of pictures and videos slowest to load (OpenCV and the OCR model, ~0.4 s of CPU): given
# a picture, the command line has a second worker load it at once, beside the first.
PICTURE_MODELS: tuple[str, ...] = ("visible_label",)


def refs_of(names: tuple[str, ...]) -> tuple[str, ...]:
    """``verifier.isolation.detector_ref`` of registered detectors, from their names, without
    importing them."""
    by_name = dict(zip(NAMES, REGISTRY, strict=True))
    return tuple(f"{__name__}.{by_name[n]}" for n in names if n in by_name)


_BUILTIN: tuple[Detector, ...] | None = None


def _load(ref: str) -> Detector:
    module, _, cls = ref.partition(":")
    obj: Any = getattr(importlib.import_module(f"{__name__}.{module}"), cls)()
    return obj


def builtin_detectors() -> tuple[Detector, ...]:
    """Every registered detector, instantiated once (importing their modules on first call)."""
    global _BUILTIN  # noqa: PLW0603 - built once
    if _BUILTIN is None:
        _BUILTIN = tuple(_load(ref) for ref in REGISTRY)
    return _BUILTIN


class _Registered(Sequence[Detector]):
    """``BUILTIN_DETECTORS``: the registered detectors, read when used (so a default argument
    bound at import time neither imports every detector nor misses one registered later)."""

    @overload
    def __getitem__(self, i: int) -> Detector: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Detector]: ...

    def __getitem__(self, i: int | slice) -> Detector | Sequence[Detector]:
        return builtin_detectors()[i]

    def __len__(self) -> int:
        return len(builtin_detectors())

    def __iter__(self) -> Iterator[Detector]:
        return iter(builtin_detectors())

    def __repr__(self) -> str:
        return "BUILTIN_DETECTORS"


BUILTIN_DETECTORS: Sequence[Detector] = _Registered()


# specs() is asked for thousands of times per scan (timeouts, profiles, describe's kinds): worked out
# once per set of registered detectors (keyed on the tuple itself, so a test that swaps ``_BUILTIN``
# sees its own detectors)
_SPECS: tuple[tuple[Detector, ...], tuple[DetectorSpec, ...], dict[str, DetectorSpec], dict[str, SignalKind]] | None \
    = None


def _spec_tables() -> tuple[tuple[DetectorSpec, ...], dict[str, DetectorSpec], dict[str, SignalKind]]:
    global _SPECS  # noqa: PLW0603 - a cache of declarations, rebuilt when the registered set changes
    dets = builtin_detectors()
    if _SPECS is None or _SPECS[0] is not dets:
        all_specs = tuple(spec_of_detector(d) for d in dets)
        named: dict[str, DetectorSpec] = {}
        for s in all_specs:
            named.setdefault(s.name, s)
        _SPECS = (dets, all_specs, named, {k.id: k for s in all_specs for k in s.kinds})
    return _SPECS[1], _SPECS[2], _SPECS[3]


def specs() -> tuple[DetectorSpec, ...]:
    return _spec_tables()[0]


def spec_of_detector(det: Detector) -> DetectorSpec:
    spec = getattr(det, "spec", None)
    if not isinstance(spec, DetectorSpec):
        raise TypeError(f"detector {det.name!r} declares no DetectorSpec")
    return spec


def spec_of(name: str) -> DetectorSpec | None:
    """The spec of the detector named ``name`` (None: not a registered detector)."""
    return _spec_tables()[1].get(name)


def kinds() -> dict[str, SignalKind]:
    """Every declared signal (and indicator) kind by id."""
    return dict(_spec_tables()[2])


def kind(signal_id: str) -> SignalKind | None:
    """The declared signal (or indicator) kind ``signal_id`` (None: no detector declares it)."""
    return _spec_tables()[2].get(signal_id)


def by_name(name: str) -> Detector:
    for det in builtin_detectors():
        if det.name == name:
            return det
    raise KeyError(f"no detector named {name!r}")


__all__ = [
    "BUILTIN_DETECTORS",
    "EVERY_FILE",
    "PICTURE_MODELS",
    "NAMES",
    "REGISTRY",
    "Context",
    "Detector",
    "DetectorFailure",
    "DetectorSpec",
    "Findings",
    "NotApplicable",
    "SignalKind",
    "builtin_detectors",
    "by_name",
    "kind",
    "kinds",
    "refs_of",
    "spec_of",
    "specs",
]
