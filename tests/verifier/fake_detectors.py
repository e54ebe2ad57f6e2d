"""Small detectors for pipeline tests (importable by spawned worker processes)."""

from __future__ import annotations

import time

from verifier.detectors.base import Context, DetectorFailure, Findings, NotApplicable
from verifier.evidence import Basis, Claim, Confidence, MediaFile, Signal
from verifier.inputs import open_readonly


class LabelIfMarked:
    """Declares AI when the file contains the bytes MARK."""

    name = "marked"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        with open_readonly(media.path) as fh:
            data = fh.read()
        if b"MARK" not in data:
            return Findings(facts={"looked": True})
        return Findings(signals=(Signal("gb45438.label", self.name, "marked", Claim.AI_GENERATED,
                                        Basis.METADATA, Confidence.DECLARED, {"placement": "test"}),))


class Fails:
    name = "fails"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        raise DetectorFailure("the test detector cannot read this")


class Raises:
    name = "raises"
    isolated = False

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        raise ValueError("unexpected")


class OnlyPng:
    name = "only_png"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type == "image/png"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        raise NotApplicable("looked inside: not for me")


class Slow:
    name = "slow"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        time.sleep(30)
        return Findings()


class SlowAdvisory:
    """An advisory check (its spec says so) that takes a while: the verdict must not wait for it."""

    from verifier.detectors.spec import DetectorSpec, Words

    spec = DetectorSpec(name="slow_advisory", title=Words("Slow advisory check", "缓慢的参考性检查"), timeout=30.0,
                        view="indicators", advisory=True)
    name = "slow_advisory"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        time.sleep(1.5)
        return Findings()


class DeepAdvisory:
    """A deep check (advisory, its spec says ``deep``): held until the verdict is known."""

    from verifier.detectors.spec import DetectorSpec, Words

    spec = DetectorSpec(name="deep_fake", title=Words("Deep test check", "深度测试检查"), timeout=30.0,
                        view="indicators", advisory=True, pixel_work=True, deep=True)
    name = "deep_fake"
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.path.suffix == ".png"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        return Findings(facts={"ran": True})
