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
    views: dict[bool, np.ndarray] = field(default_factory=dict)  # stored? -> pixels

    def size(self) -> int:
        return sum(v.nbytes for v in {id(v): v for v in self.views.values()}.values())


class LastPicture:
    """The last picture decoded in this process (see the module's docstring). Thread-safe: inline
    isolation runs checks in threads of one process."""

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
            data = opencv_image.read_from(fh)
        picture = last or _Picture(key)
        decoded = self._decode(data, media_type, stored)
        picture.views[stored] = _read_only(decoded.pixels)
        other = opencv_image.other_view(decoded)
        if other is not None:
            picture.views[not stored] = _read_only(other)
        if picture.size() <= self.keep_bytes:
            with self._lock:
                self._last = picture
        return picture.views[stored]

    def _decode(self, data: bytes, media_type: str, stored: bool) -> opencv_image.Decoded:
        from ..adapters import opencv_image

        self.decodes += 1
        if media_type in opencv_image.PILLOW_DECODED:  # no orientation applied: one picture for both views
            return opencv_image.Decoded(opencv_image.decode_bgr_pillow(data), stored, 1)
        return opencv_image.decode_view(data, stored=stored)

    def clear(self) -> None:
        with self._lock:
            self._last = None


def _read_only(img: np.ndarray) -> np.ndarray:
    img.setflags(write=False)
    return img


LAST = LastPicture()
