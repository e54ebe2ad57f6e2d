"""Offline OCR via ``rapidocr`` 3.x + ``onnxruntime`` (models ship inside the wheel; the text
detector and recogniser run verifier's own 8-bit derivatives of the wheel's, :data:`DETECTOR_INT8`
and :data:`RECOGNISER_INT8`).

One lazily created engine per process (detector workers are long-lived, so the ~0.35 s model
load is paid once per worker). The engine never downloads: the models are read from the
wheel's own folder, and worker processes run with the network guard installed. Its INFO/WARNING
logging is silenced. Anything else in the project reads text through this module only.

Reading is two steps, so that a caller pays for each only where it needs it: :func:`detect`
finds text lines on a *downscaled* copy (the detector's cost grows with the pixel count, and a
line of text stays findable well below full resolution), and :func:`recognise` reads each line
from the *full-resolution* pixels, so small glyphs are read as sharp as they are.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

DET_SIDE = 2000  # longest side the text detector ever works at (rapidocr's own bound)
TEXT_SCORE = 0.5  # recognitions below this are dropped (rapidocr's default text_score)
# The recogniser pads every line of a batch to at least this width at its 48 px height
# (rapidocr's default 320, i.e. 6.7:1). Labels are short lines (3-6:1): 160 halves their work,
# with the same reads on benchmarks/calibrate_ocr.py (157/160 both, 7 % less CPU in all).
REC_MIN_WIDTH = 160
# A line more than this many times wider than tall is not read. The recogniser pads every line of
# a batch to the widest one's shape, and its attention grows with the square of the width: a
# zero-height box (the text detector finds them where a very flat strip was padded, at the
# padding's edge) becomes a 1 x 2940 px crop, a batch 141,120 px wide at 48 px high, minutes of
# CPU or an out-of-memory failure. The corpus's lines are at most 9:1, a long label ~12:1.
MAX_LINE_RATIO = 40
# The text detector network, quantised to 8 bits by scripts/quantise_ocr_detector.py from rapidocr's
# own (PP-OCRv6 det small; licence and provenance in verifier/models/NOTICE.md): ~30 % less CPU per
# call, same results on benchmarks/calibrate_ocr.py. Without the file (or with
# VERIFIER_OCR_DETECTOR=wheel) rapidocr's own float model is used.
DETECTOR_INT8 = Path(__file__).resolve().parent.parent / "models" / "ocr_det_int8.onnx"
# The text recogniser network with its convolutions quantised to 8 bits by
# scripts/quantise_ocr_recogniser.py from rapidocr's own (PP-OCRv6 rec small; verifier/models/NOTICE.md):
# ~37 % less CPU reading the corpus's lines, the same calibration results and the same label texts
# (scores move by <= 0.03). Without the file (or with VERIFIER_OCR_RECOGNISER=wheel) rapidocr's own
# float model is used.
RECOGNISER_INT8 = Path(__file__).resolve().parent.parent / "models" / "ocr_rec_int8.onnx"
_LOCK = threading.RLock()
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
    _no_telemetry()
    try:
        with _lean_import():
            from rapidocr import RapidOCR
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise OcrUnavailable("the OCR engine (rapidocr + onnxruntime) is not installed") from exc
    params: dict[str, Any] = {}
    threads = _worker_threads()
    if threads:  # the worker's share of the cores (verifier.isolation.threads_per_worker)
        params = {"EngineConfig.onnxruntime.intra_op_num_threads": threads,
                  "EngineConfig.onnxruntime.inter_op_num_threads": 1}
    model = detector_model()
    if model is not None:
        params["Det.model_path"] = str(model)
    model = recogniser_model()
    if model is not None:
        params["Rec.model_path"] = str(model)
    engine = RapidOCR(params={
        **params,
        "Global.log_level": "error",  # it warns on every image without text
        "Global.use_cls": False,  # labels are upright; the angle classifier only costs time
        "Det.limit_type": "max",
        "Det.limit_side_len": DET_SIDE,
        "Rec.rec_img_shape": [3, 48, REC_MIN_WIDTH],
    })
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    _plain_normalisation(engine)
    return engine


def detector_model() -> Path | None:
    """The 8-bit text detector shipped with verifier, or None for rapidocr's own (see DETECTOR_INT8)."""
    if os.environ.get("VERIFIER_OCR_DETECTOR", "").lower() == "wheel" or not DETECTOR_INT8.is_file():
        return None
    return DETECTOR_INT8


def recogniser_model() -> Path | None:
    """The 8-bit text recogniser shipped with verifier, or None for rapidocr's own (see RECOGNISER_INT8)."""
    if os.environ.get("VERIFIER_OCR_RECOGNISER", "").lower() == "wheel" or not RECOGNISER_INT8.is_file():
        return None
    return RECOGNISER_INT8


def _plain_normalisation(engine: Any) -> None:
    """The text detector builds its pre-processing on every call from its configured ``mean`` and
    ``std``, which are omegaconf lists: NumPy's conversion of those probes a dozen array protocols,
    each a raised and formatted omegaconf exception (~2.7 ms of CPU per call, more than a small
    band's inference). The same values as plain float32 arrays give the same normalised input
    (to float32 rounding) at a fraction of the cost."""
    det = engine._load_det_model()
    for name in ("mean", "std"):
        value = getattr(det, name, None)
        if value is not None:
            setattr(det, name, np.asarray(list(value), dtype=np.float32))


MODEL_TABLE = "default_models.yaml"  # rapidocr's table of every model it knows, for every engine


@contextmanager
def _lean_import() -> Iterator[None]:
    """While rapidocr is imported (~0.3 s of CPU, paid by every worker that reads text), two of
    its costs are not paid:

    - its model table (``default_models.yaml``, 85 KB, every engine's download addresses) is
      parsed by two modules with omegaconf, ~0.12 s of CPU each. Both only read it: it is parsed
      once, with PyYAML's C parser where present, into plain dicts; the one lookup that needs an
      omegaconf tree (the model addresses for onnxruntime) gets that branch alone
      (:func:`_model_addresses`). The engine's own configuration is still parsed per engine.
    - ``requests`` (~0.08 s: urllib3, certificates, charset detection), which rapidocr imports
      to download missing models and to open images by URL. Neither ever happens here (the
      models ship in the wheel, images are arrays), so it gets a stand-in that refuses
      (:class:`_NoDownloads`); a later ``import requests`` elsewhere gets the real module.
    """
    try:
        from omegaconf import OmegaConf
    except ImportError:  # rapidocr's import will say what is missing
        yield
        return
    original = OmegaConf.load
    parsed: dict[str, Any] = {}

    def load(file_: Any) -> Any:
        if not isinstance(file_, (str, os.PathLike)) or os.path.basename(file_) != MODEL_TABLE:
            return original(file_)
        key = os.path.realpath(file_)
        if key not in parsed:
            parsed[key] = _plain_yaml(key)
        return parsed[key]

    had_requests = "requests" in sys.modules
    if not had_requests:
        sys.modules["requests"] = _NoDownloads("requests")
    OmegaConf.load = load  # type: ignore[method-assign,assignment]  # a narrower signature, on purpose
    try:
        yield
    finally:
        OmegaConf.load = original  # type: ignore[method-assign]
        if not had_requests and isinstance(sys.modules.get("requests"), _NoDownloads):
            del sys.modules["requests"]
    _model_addresses(parsed)


def _plain_yaml(path: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader (plain str/list/dict)


def _model_addresses(parsed: dict[str, Any]) -> None:
    """rapidocr looks a model's file name and checksum up in its table with ``OmegaConf.select``,
    which needs an omegaconf tree: it is given the onnxruntime branch only (7 ms, not 0.12 s)."""
    if not parsed:
        return
    from omegaconf import OmegaConf
    from rapidocr.inference_engine.base import InferSession

    table = next(iter(parsed.values()))
    if isinstance(InferSession.model_info, dict):
        InferSession.model_info = OmegaConf.create({"onnxruntime": table.get("onnxruntime", {})})


class _NoDownloads(types.ModuleType):
    """Stands in for ``requests`` inside rapidocr (see :func:`_lean_import`): it downloads nothing."""

    class RequestException(OSError):
        pass

    class Response:
        pass

    @staticmethod
    def get(*args: Any, **kwargs: Any) -> Any:
        raise OcrUnavailable("the OCR engine never downloads (its models ship with it)")


def _no_telemetry() -> None:
    """onnxruntime 1.31 ships Microsoft's 1DS telemetry, which resolves and posts to an events
    host from its own threads: switch it off (docs/OFFLINE.md; the worker's network namespace
    stops it anyway). ``VERIFIER_LIBRARY_SWITCHES=off`` leaves it on, for the test that shows
    the namespace is what holds."""
    import os

    if os.environ.get("VERIFIER_LIBRARY_SWITCHES", "").lower() == "off":
        return
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # read by the library when its environment starts
    try:
        import onnxruntime

        onnxruntime.disable_telemetry_events()
    except (ImportError, AttributeError):  # not installed (reported by _create) or an old version
        pass


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


Quad = tuple[tuple[float, float], ...]


def detect(bgr: np.ndarray, scale: float = 1.0) -> list[Quad]:
    """Text line boxes (four corners each) in ``bgr``'s pixels, found on a copy scaled by
    ``scale`` (at most 1: never upscaled)."""
    import cv2

    if bgr.size == 0 or min(bgr.shape[:2]) < 8:
        return []
    small = bgr
    if scale < 1.0:
        size = (max(8, round(bgr.shape[1] * scale)), max(8, round(bgr.shape[0] * scale)))
        small = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
    from rapidocr.utils.process_img import apply_vertical_padding, map_boxes_to_original

    eng = engine()
    # The engine's own __call__ re-validates its whole configuration on every call (~2 ms of
    # omegaconf each time); its detector model is called directly, with the same padding of
    # very flat images and the same mapping of boxes back.
    padded, record = apply_vertical_padding(np.ascontiguousarray(small), {}, eng.width_height_ratio, eng.min_height)
    with _LOCK:
        res = eng._load_det_model()(padded)
    if res.boxes is None or len(res.boxes) == 0:
        return []
    boxes = map_boxes_to_original(np.asarray(res.boxes, dtype=np.float32), record, small.shape[0], small.shape[1])
    fx, fy = bgr.shape[1] / small.shape[1], bgr.shape[0] / small.shape[0]
    return [tuple((float(x) * fx, float(y) * fy) for x, y in b.reshape(-1, 2)) for b in boxes]


def recognise(bgr: np.ndarray, quads: list[Quad]) -> list[TextLine]:
    """The text in each box, read from ``bgr`` at full resolution; empty or unsure reads dropped, and
    boxes too flat to be a line of text (:data:`MAX_LINE_RATIO`) not read."""
    if not quads:
        return []
    from rapidocr.utils.process_img import get_rotate_crop_image

    cut = [(q, get_rotate_crop_image(bgr, np.asarray(q, dtype=np.float32))) for q in quads]
    kept = [(q, c) for q, c in cut if c.size and c.shape[1] <= MAX_LINE_RATIO * c.shape[0]]
    if not kept:
        return []
    quads, crops = [q for q, _ in kept], [c for _, c in kept]
    eng = engine()
    with _LOCK:
        res = eng.recognize_txt(crops)
    txts = getattr(res, "txts", None) or ()
    scores = getattr(res, "scores", None) or [1.0] * len(txts)
    return [TextLine(str(t), float(sc), q) for q, t, sc in zip(quads, txts, scores, strict=True)
            if str(t).strip() and float(sc) >= TEXT_SCORE]


def read_text(bgr: np.ndarray, scale: float = 1.0) -> list[TextLine]:
    """Text lines in a BGR uint8 image (found on a copy scaled by ``scale``), boxes in its pixels."""
    return recognise(bgr, detect(bgr, scale))
