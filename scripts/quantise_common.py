"""What the two model quantisation scripts share (``quantise_ocr_detector.py``,
``quantise_ocr_recogniser.py``): where labels are drawn on the calibration images, onnxruntime's
static QDQ quantisation with verifier's settings, and the rewriting of one model's section of
``verifier/models/NOTICE.md``."""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

PLACES = ("bottom-right", "bottom-left", "top-right", "top-left", "bottom-centre", "top-centre",
          "middle-left", "middle-right")
SHARES = (0.015, 0.02, 0.03, 0.04, 0.06, 0.08)
NOTICE_HEADER = "# Models shipped with verifier\n"


def quantise(source: Path, inputs: list[np.ndarray], out: Path, **options: Any) -> None:
    """``source`` quantised to 8 bits into ``out``: static QDQ, per-channel signed weights with a
    7-bit range (CPUs without VNNI do not saturate), unsigned activations whose ranges are measured
    on ``inputs``. ``options``: more of ``quantize_static``'s arguments (which operators, which
    nodes left in float, the calibration method)."""
    import onnx
    from onnx import version_converter
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    name = onnx.load(str(source)).graph.input[0].name

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self._it = iter(inputs)

        def get_next(self) -> dict[str, np.ndarray] | None:
            x = next(self._it, None)
            return None if x is None else {name: x}

    with tempfile.TemporaryDirectory() as tmp:
        op13, pre = Path(tmp) / "op13.onnx", Path(tmp) / "pre.onnx"
        # per-channel weights need DequantizeLinear's axis attribute (opset 13; the models are opset 11)
        onnx.save(version_converter.convert_version(onnx.load(str(source)), 13), str(op13))
        quant_pre_process(str(op13), str(pre), skip_symbolic_shape=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        quantize_static(str(pre), str(out), Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                        reduce_range=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        **options)


def sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def with_section(text: str, name: str, section: str) -> str:
    """NOTICE.md with the ``## name`` section replaced by ``section`` (or appended); the other
    models' sections are kept."""
    text = text or NOTICE_HEADER
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        return pattern.sub(lambda _: section, text)
    return text.rstrip("\n") + "\n\n" + section
