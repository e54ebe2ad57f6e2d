"""The OCR engine's load skips what it never uses (rapidocr's downloader, the other engines' model
table) and still finds its models and reads: checked in a fresh interpreter, where rapidocr is
imported for the first time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from verifier.adapters import ocr

ROOT = Path(__file__).resolve().parents[2]

_PROBE = r"""
import sys
import numpy as np
from tests.verifier.fixtures.images import natural
from tests.verifier.fixtures.labels import draw_text
from verifier.adapters import ocr

img, _ = draw_text(natural(31, 400, 900), "AI生成", 0.12, "bottom-left")
texts = [x.text for x in ocr.read_text(np.ascontiguousarray(img[:, :, ::-1]))]
from omegaconf import DictConfig
from rapidocr.inference_engine.base import InferSession
import rapidocr.utils.download_file as dl
print("texts", texts)
print("requests_loaded", "requests" in sys.modules)
print("table_kind", type(InferSession.model_info).__name__)
print("downloader", type(dl.requests).__name__)
import requests  # a later import anywhere else gets the real library, if it is installed
print("later_import", type(requests).__name__, getattr(requests, "__file__", None) is not None)
"""


@pytest.fixture(scope="module")
def probe() -> dict[str, str]:
    pytest.importorskip("rapidocr")
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={"VERIFIER_WORKER_THREADS": "1", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    return dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)


def test_a_fresh_engine_finds_its_models_and_reads(probe: dict[str, str]) -> None:
    assert "AI生成" in probe["texts"]
    assert probe["table_kind"] == "DictConfig"  # the model lookup still has its omegaconf tree


def test_the_downloader_gets_a_stand_in_that_refuses(probe: dict[str, str]) -> None:
    assert probe["requests_loaded"] == "False"
    assert probe["downloader"] == "_NoDownloads"
    with pytest.raises(ocr.OcrUnavailable):
        ocr._NoDownloads("requests").get("https://example.invalid/model.onnx")
    assert issubclass(ocr._NoDownloads.RequestException, OSError)


def test_the_stand_in_does_not_leak_to_later_imports(probe: dict[str, str]) -> None:
    kind, has_file = probe["later_import"].split()
    assert kind == "module"
    pytest.importorskip("requests")
    assert has_file == "True"  # the real package, not the stand-in


def test_the_model_table_is_read_as_plain_data(tmp_path: Path) -> None:
    table = tmp_path / ocr.MODEL_TABLE
    table.write_text("model_routes:\n  langs: &l [ch, en]\n  v: {supported_langs: *l}\n", encoding="utf-8")
    assert ocr._plain_yaml(str(table)) == {"model_routes": {"langs": ["ch", "en"],
                                                            "v": {"supported_langs": ["ch", "en"]}}}
