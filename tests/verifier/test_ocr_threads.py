"""In a worker, the OCR engine takes the worker's share of the cores, not one thread per core."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.adapters import ocr


@pytest.mark.parametrize("threads", ["1", "2"])
def test_engine_sessions_use_the_worker_thread_share(monkeypatch, threads: str) -> None:
    ort = pytest.importorskip("onnxruntime")
    monkeypatch.setenv("VERIFIER_WORKER_THREADS", threads)
    monkeypatch.setattr(ocr, "_ENGINE", None)
    ocr.read_text(np.full((64, 256, 3), 255, np.uint8))  # loads the text detector's session
    sessions = []

    def walk(obj: object, depth: int = 0) -> None:
        if isinstance(obj, ort.InferenceSession):
            sessions.append(obj)
        elif depth < 5 and hasattr(obj, "__dict__"):
            for value in vars(obj).values():
                walk(value, depth + 1)

    walk(ocr.engine())
    assert sessions, "no onnxruntime session found in the engine"
    for s in sessions:
        assert s.get_session_options().intra_op_num_threads == int(threads)
        assert s.get_session_options().inter_op_num_threads == 1


def test_outside_a_worker_the_engine_keeps_its_defaults(monkeypatch) -> None:
    monkeypatch.delenv("VERIFIER_WORKER_THREADS", raising=False)
    assert ocr._worker_threads() == 0
    monkeypatch.setenv("VERIFIER_WORKER_THREADS", "junk")
    assert ocr._worker_threads() == 0
