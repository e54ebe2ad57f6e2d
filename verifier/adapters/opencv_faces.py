"""Faces in a picture, via the Haar cascades OpenCV ships in its wheel (``cv2.data.haarcascades``).

Whether they are there depends on the OpenCV build: the ``opencv-python-headless`` 4.x wheels this
project pins (and the ``opencv-contrib-python-headless`` 5.x wheels) carry both
``cv2.CascadeClassifier`` and the cascade files; the ``opencv-python-headless`` 5.x wheels carry
neither (the cascade classifier moved to the contrib modules in OpenCV 5). :func:`load_cascade`
says which, as :class:`FacesUnavailable` with a reason, so that "not looked for" is never read as
"no face".
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from .opencv_image import _cv2

CASCADE = "haarcascade_frontalface_default.xml"
CONFIRM = "haarcascade_frontalface_alt2.xml"  # a second cascade that must agree (see :func:`find_confirmed_faces`)
CONFIRM_OVERLAP = 0.4  # intersection over union for two boxes to be the same face
MAX_SIDE = 1024  # faces are looked for on a copy at most this large
MAX_FACES = 20


class FacesUnavailable(RuntimeError):
    """This OpenCV build cannot look for faces; ``code``: ``no_classifier``, ``no_cascade`` or
    ``unloadable`` (the description layer words it), ``version``: the OpenCV version."""

    def __init__(self, message: str, code: str, version: str) -> None:
        super().__init__(message)
        self.code, self.version = code, version


def cascade_path(cv2: Any | None = None, name: str = CASCADE) -> str:
    """Where the frontal-face cascade would be in this OpenCV build ("" when the build says nothing)."""
    cv2 = cv2 or _cv2()
    folder = getattr(getattr(cv2, "data", None), "haarcascades", "")
    return os.path.join(folder, name) if folder else ""


def load_cascade(cv2: Any | None = None, name: str = CASCADE) -> Any:
    """The frontal-face cascade, or :class:`FacesUnavailable` saying what this build lacks."""
    cv2 = cv2 or _cv2()
    version = str(getattr(cv2, "__version__", "?"))
    if not hasattr(cv2, "CascadeClassifier"):
        raise FacesUnavailable(f"this OpenCV build ({version}) has no cascade classifier", "no_classifier", version)
    path = cascade_path(cv2, name)
    if not path or not os.path.isfile(path):
        raise FacesUnavailable(f"this OpenCV build ({version}) ships no Haar cascade ({name})", "no_cascade",
                               version)
    cascade = cv2.CascadeClassifier(path)
    if cascade.empty():
        raise FacesUnavailable(f"the Haar cascade of this OpenCV build ({version}) could not be loaded",
                               "unloadable", version)
    return cascade


@dataclass(frozen=True, slots=True)
class Prepared:
    """The grey, equalised copy (at most :data:`MAX_SIDE` long) the cascades look at, made once."""

    grey: np.ndarray
    factor: float  # copy / picture
    width: int  # the picture's size
    height: int


def prepare(bgr: np.ndarray) -> Prepared:
    cv2 = _cv2()
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    factor = min(1.0, MAX_SIDE / max(h, w))
    if factor < 1.0:
        grey = cv2.resize(grey, (max(1, round(w * factor)), max(1, round(h * factor))), interpolation=cv2.INTER_AREA)
    return Prepared(cv2.equalizeHist(grey), factor, w, h)


def detect(prepared: Prepared, cascade: Any) -> tuple[tuple[int, int, int, int], ...]:
    """What ``cascade`` finds on the prepared copy, as (x0, y0, x1, y1) in the picture's pixels, largest first."""
    grey, factor, w, h = prepared.grey, prepared.factor, prepared.width, prepared.height
    side = max(24, min(grey.shape) // 20)
    found = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(side, side))
    boxes = []
    for x, y, bw, bh in (found if len(found) else ()):
        x0, y0 = int(x / factor), int(y / factor)
        boxes.append((x0, y0, min(w, int(np.ceil((x + bw) / factor))), min(h, int(np.ceil((y + bh) / factor)))))
    boxes.sort(key=lambda b: (-(b[2] - b[0]) * (b[3] - b[1]), b))
    return tuple(boxes[:MAX_FACES])


def find_faces(bgr: np.ndarray, cascade: Any) -> tuple[tuple[int, int, int, int], ...]:
    """Frontal faces as (x0, y0, x1, y1) in ``bgr``'s pixels (x1, y1 exclusive), largest first."""
    return detect(prepare(bgr), cascade)


@dataclass(frozen=True, slots=True)
class FaceFinder:
    """Two frontal-face cascades: a face counts where both find one (see :func:`find_confirmed_faces`)."""

    primary: Any
    confirm: Any
    name: str = f"{CASCADE} + {CONFIRM}"


_LOADED = threading.local()  # this thread's finder: a cascade is not to be run by two threads at once


def load_finder(cv2: Any | None = None) -> FaceFinder:
    """Both cascades, or :class:`FacesUnavailable` saying what this build lacks. Those of this
    OpenCV (``cv2`` None) are loaded once per thread (16 ms a picture otherwise): a worker process
    runs its tasks on one thread, one after another."""
    if cv2 is not None:
        return FaceFinder(load_cascade(cv2, CASCADE), load_cascade(cv2, CONFIRM))
    finder: FaceFinder | None = getattr(_LOADED, "finder", None)
    if finder is None:
        finder = _LOADED.finder = FaceFinder(load_cascade(None, CASCADE), load_cascade(None, CONFIRM))
    return finder


def overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Intersection over union of two (x0, y0, x1, y1) boxes."""
    iw = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def find_confirmed_faces(bgr: np.ndarray, finder: FaceFinder) -> tuple[tuple[int, int, int, int], ...]:
    """Faces the default cascade finds where the ``alt2`` cascade finds one too (largest first).

    The default cascade alone outlines ties, pots, foliage and textures in camera photos (29 boxes on
    88 public camera samples, 6 of them faces); requiring both keeps 8 there with all 6 faces, at the
    cost of some turned or tilted faces (docs/FORENSICS.md)."""
    prepared = prepare(bgr)
    # The confirming cascade runs first: it finds something on far fewer pictures (7 of the 65
    # corpus pictures, against 27) at a little less cost, and where it finds nothing no face can
    # count, so the default cascade's pass is skipped. The faces are the same as in the other order.
    second = detect(prepared, finder.confirm)
    if not second:
        return ()
    first = detect(prepared, finder.primary)
    return tuple(b for b in first if any(overlap(b, c) >= CONFIRM_OVERLAP for c in second))
