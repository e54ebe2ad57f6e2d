"""Offline OCR via ``rapidocr`` 3.x + ``onnxruntime`` (models ship inside the wheel).

One lazily created engine per process (detector workers are long-lived, so the ~0.6 s model
load is paid once per worker). The engine never downloads: the models are read from the
wheel's own folder, and worker processes run with the network guard installed. Its INFO/WARNING
logging is silenced. Anything else in the project reads text through :func:`read_text` only.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

DET_SIDE = 1280  # longest side the text detector works at (never upscales)
_LOCK = threading.Lock()
_ENGINE: Any = None


class OcrUnavailable(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    score: float
    box: tuple[tuple[float, float], ...]  # four corners, in the pixels of the image given

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1), integer pixels."""
        xs = [p[0] for p in self.box]
        ys = [p[1] for p in self.box]
        return int(min(xs)), int(min(ys)), int(round(max(xs))), int(round(max(ys)))


def _create() -> Any:
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise OcrUnavailable("the OCR engine (rapidocr + onnxruntime) is not installed") from exc
    params: dict[str, Any] = {}
    threads = _worker_threads()
    if threads:  # the worker's share of the cores (verifier.isolation.threads_per_worker)
        params = {"EngineConfig.onnxruntime.intra_op_num_threads": threads,
                  "EngineConfig.onnxruntime.inter_op_num_threads": 1}
    engine = RapidOCR(params={
        **params,
        "Global.log_level": "error",  # it warns on every image without text
        "Global.use_cls": False,  # labels are upright; the angle classifier only costs time
        "Det.limit_type": "max",
        "Det.limit_side_len": DET_SIDE,
    })
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


def _worker_threads() -> int:
    import os

    try:
        return max(0, int(os.environ.get("VERIFIER_WORKER_THREADS", "0")))
    except ValueError:
        return 0


def engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        with _LOCK:
            if _ENGINE is None:
                _ENGINE = _create()
    return _ENGINE


def read_text(bgr: np.ndarray) -> list[TextLine]:
    """Text lines found in a BGR uint8 image, with boxes in that image's pixels."""
    if bgr.size == 0 or min(bgr.shape[:2]) < 8:
        return []
    result = engine()(np.ascontiguousarray(bgr))
    boxes = getattr(result, "boxes", None)
    txts = getattr(result, "txts", None)
    scores = getattr(result, "scores", None)
    if boxes is None or txts is None:
        return []
    out = []
    for box, text, sc in zip(boxes, txts, scores or [1.0] * len(txts)):
        pts = tuple((float(x), float(y)) for x, y in np.asarray(box).reshape(-1, 2))
        out.append(TextLine(str(text), float(sc), pts))
    return out
