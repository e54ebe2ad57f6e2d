"""A detector that waits until the test lets it go (to test progress and cancellation)."""

from __future__ import annotations

import threading

from verifier.detectors.base import Findings
from verifier.evidence import Basis, Claim, Confidence, Signal

GATE = threading.Event()


class GatedDetector:
    """Finds a weak label once ``GATE`` is set; an isolated detector, so it runs on the runner."""

    name = "gated"
    isolated = True

    def applies_to(self, media) -> bool:
        return True

    def run(self, media, ctx) -> Findings:
        if not GATE.wait(60):
            raise TimeoutError("the test never opened the gate")
        return Findings(signals=(Signal("gb45438.label", self.name, "label 3", Claim.AI_POSSIBLE, Basis.METADATA,
                                        Confidence.POSSIBLE, {"Label": "3"}),))
