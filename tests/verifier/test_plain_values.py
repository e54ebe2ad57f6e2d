"""Every value a detector puts in a report is a plain JSON value (str, int, float, bool, None,
lists and string-keyed dicts of them), never a NumPy scalar: the signed report's canonical JSON
and every surface read them as plain numbers. A NumPy float once reached a report as
``np.float64(0.5)`` and made the signed export unreadable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import pytest

from tests.verifier.fixtures.images import natural
from verifier.config import Config
from verifier.pipeline import analyse_file
from verifier.report.canonical import dumps
from verifier.report.json_report import file_dict

PLAIN = (str, int, float, bool, type(None))


def _odd_values(value: Any, where: str = "") -> list[str]:
    if isinstance(value, dict):
        return [odd for k, v in value.items() for odd in _odd_values(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [odd for i, v in enumerate(value) for odd in _odd_values(v, f"{where}[{i}]")]
    return [] if type(value) in PLAIN else [f"{where}: {type(value).__name__}"]


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_a_picture_s_report_holds_plain_values_only(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"photo{suffix}"
    assert cv2.imwrite(str(path), natural(3, 600, 800))
    report = analyse_file(path, Config(isolation="inline", ocr=False, profile="full"))
    doc = file_dict(report, embed_attachments=False)
    assert _odd_values(doc) == []
    dumps(doc)  # the signed report's encoding accepts it
