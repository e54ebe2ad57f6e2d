"""Pixels for the pixel checks (watermark, visible_label, the forensic views), with their failures
said one way, decoded once per picture in a process.

Several checks read the same picture, each in its own task; a worker that runs two of them on one
file decodes it once: :class:`LastPicture` keeps the latest picture a process decoded (both views,
stored and as shown, where one follows from the other by its EXIF orientation), bounded in bytes,
and serves it only while the file on disk is the one it was decoded from (device, inode, size,
modification time). The arrays it hands out are read-only: one check cannot alter another's input.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..evidence import MediaFile
from ..inputs import open_readonly
from .base import DetectorFailure, NotApplicable

if TYPE_CHECKING:
    import numpy as np

    from ..adapters import opencv_image

# The checks that read a still picture through load_pixels (the scheduler gives a file's such
# tasks to the worker that holds its pixels: verifier.isolation.ProcessRunner.pick). A test
# checks this against the detector modules that call load_pixels.
READS_PIXELS = frozenset({"watermark", "visible_label", "recapture", "copy_move", "forensic_views",
                          "forensic_faces", "reference"})

# At most this many bytes of decoded pixels stay in a process between tasks (one picture; both
# its views only if they differ): a 12 MP photo is 36 MB a view. A larger picture is decoded for
# each check as before, never kept.
KEEP_BYTES = 200 * 1024 * 1024


def load_pixels(media: MediaFile, stored: bool = False) -> np.ndarray:
    """The still image as BGR, as shown (EXIF orientation applied) or, with ``stored``, as stored;
    a format with no decoder is not applicable, a bad one a failure. Read-only."""
    from ..adapters import opencv_image

    try:
        return LAST.view(media.path, media.media_type, stored)
    except opencv_image.ImageUndecodable as exc:
        raise NotApplicable(str(exc)) from exc
    except (opencv_image.ImageTooLarge, opencv_image.ImageCorrupt) as exc:
        raise DetectorFailure(str(exc)) from exc


@dataclass
class _Picture:
    key: tuple[object, ...]
    orientation: int | None  # what turns one view into the other (opencv_image.other_view); None: unknown
    views: dict[bool, np.ndarray] = field(default_factory=dict)  # stored? -> pixels

    def size(self) -> int:
        return _size(self.views)


def _size(views: dict[bool, np.ndarray]) -> int:
    return sum(v.nbytes for v in {id(v): v for v in views.values()}.values())  # one array if both views are it


class LastPicture:
    """The last picture decoded in this process (see the module's docstring). Thread-safe: inline
    isolation runs checks in threads of one process.

    The other view is derived when asked for, not ahead: a check that needs one view holds no
    more memory than before. Both views are kept only if they fit in ``keep_bytes`` together;
    else the latest asked for, if it fits alone."""

    def __init__(self, keep_bytes: int = KEEP_BYTES) -> None:
        self.keep_bytes = keep_bytes
        self._lock = threading.Lock()
        self._last: _Picture | None = None
        self.decodes = 0  # decodes done (for tests and measurements)

    def view(self, path: Path | str, media_type: str, stored: bool) -> np.ndarray:
        from ..adapters import opencv_image

        with open_readonly(path) as fh:
            st = os.fstat(fh.fileno())
            key = (os.fspath(path), media_type, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            with self._lock:
                last = self._last if self._last is not None and self._last.key == key else None
                if last is None:
                    self._last = None  # the previous picture is let go before the next is decoded
                elif stored in last.views:
                    return last.views[stored]
                source = last.views.get(not stored) if last is not None else None
            if last is not None and last.orientation is not None and source is not None:
                derived = opencv_image.other_view(opencv_image.Decoded(source, not stored, last.orientation))
                if derived is not None:
                    return self._keep(last, stored, derived)
            data = opencv_image.read_from(fh)
        decoded = self._decode(data, media_type, stored)
        if last is None or last.orientation is None:
            last = _Picture(key, decoded.orientation, dict(last.views) if last is not None else {})
        return self._keep(last, stored, decoded.pixels)

    def _keep(self, picture: _Picture, stored: bool, pixels: np.ndarray) -> np.ndarray:
        pixels = _read_only(pixels)
        with self._lock:
            views = {**picture.views, stored: pixels}
            picture.views = views if _size(views) <= self.keep_bytes else {stored: pixels}
            self._last = picture if picture.size() <= self.keep_bytes else None
        return pixels

    def _decode(self, data: bytes, media_type: str, stored: bool) -> opencv_image.Decoded:
        from ..adapters import opencv_image

        self.decodes += 1
        if media_type in opencv_image.PILLOW_DECODED:  # no orientation applied: one picture for both views
            return opencv_image.Decoded(opencv_image.decode_bgr_pillow(data), stored, 1)
        return opencv_image.decode_view(data, stored=stored)


def _read_only(img: np.ndarray) -> np.ndarray:
    img.setflags(write=False)
    return img


LAST = LastPicture()
