from __future__ import annotations

from pathlib import Path

import pytest

from verifier.config import Config
from verifier.detectors.base import Context, Findings
from verifier.detectors.metadata import MetadataDetector
from verifier.detectors.text_label import TextLabelDetector
from verifier.inputs import identify


def _run(det, path: Path) -> Findings:  # noqa: ANN001
    media = identify(path)
    assert det.applies_to(media), f"{det.name} does not apply to {media.media_type}"
    return det.run(media, Context(Config(isolation="inline")))


@pytest.fixture
def meta():
    det = MetadataDetector()
    return lambda path: _run(det, path)


@pytest.fixture
def text_label():
    det = TextLabelDetector()
    return lambda path: _run(det, path)
