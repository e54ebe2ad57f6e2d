"""A detector declared here and nowhere else, for the tests that register it (``register``) and
look for its finding on every surface: a detector is one module and one line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest

from verifier import detectors
from verifier.detectors.base import Context, Findings
from verifier.detectors.spec import Details, DetectorSpec, SignalKind, Words, detail
from verifier.evidence import Basis, Claim, Confidence, MediaFile, Signal


@dataclass(frozen=True, slots=True)
class InkMarkDetails(Details):
    ink_colour: str = detail("Colour of the ink mark", "墨迹标记的颜色")
    stroke_count: int = detail("Strokes counted", "笔画数")
    probe_bytes: int = detail("Bytes probed", "探测的字节数", technical=True)


INK_MARK = SignalKind("throwaway.ink_mark", Words("Ink mark of the throwaway check", "临时检查的墨迹标记"),
                      InkMarkDetails)

SPEC = DetectorSpec(
    name="throwaway_ink",
    title=Words("Throwaway ink check", "临时墨迹检查"),
    timeout=7.0,
    kinds=(INK_MARK,),
    view="ai_labels",
    doc="a check that only tests register",
)


class ThrowawayInkDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(signals=(Signal(INK_MARK.id, self.name, "an ink mark (throwaway)", Claim.AI_GENERATED,
                                        Basis.METADATA, Confidence.DECLARED,
                                        INK_MARK.make(ink_colour="cerulean", stroke_count=7, probe_bytes=64)),))


def register(monkeypatch: pytest.MonkeyPatch) -> None:
    """Add the throwaway detector to the registry, as one more line in REGISTRY would."""
    monkeypatch.setattr(detectors, "_BUILTIN", (*detectors.builtin_detectors(), ThrowawayInkDetector()))
