"""Pictures for the window, read and decoded off the GUI thread and bounded in size.

An input is read through the core's read-only opener (never written, never anything beside it);
an attachment is decoded from the bytes a detector kept; a picture found inside a container (an
e-mail's attachment, an archive's member, a photo in a ZIP attached to an e-mail) is read again
from the container into memory (:func:`verifier.containers.one_member.member_bytes`, level by
level for a member of a member), never written anywhere. Decoding asks the
image reader for a scaled-down picture (a JPEG is then decoded at reduced size), so a large file
never costs more than ``max_side`` pixels a side in memory, and each loader keeps at most
``capacity`` pictures.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from verifier.containers.limits import MemberLimits
from verifier.containers.one_member import member_bytes
from verifier.inputs import InputError, open_readonly

from .presenters import Preview

log = logging.getLogger(__name__)

MAX_PREVIEW_BYTES = 64 * 1024 * 1024
# a container is read again with the limits of an expansion, a member no larger than a preview may be
PREVIEW_LIMITS = replace(MemberLimits(), member_size=min(MemberLimits().member_size, MAX_PREVIEW_BYTES))


@dataclass(frozen=True, slots=True)
class Picture:
    """A decoded picture at most ``max_side`` a side, and the size of the picture itself (as a
    viewer shows it, orientation applied): boxes found in the file are in those pixels."""

    image: QImage
    width: int
    height: int

    @property
    def scale(self) -> float:
        return self.image.width() / self.width if self.width else 1.0


def preview_bytes(preview: Preview) -> bytes | None:
    """The preview's bytes: an attachment's, or the input's read through the read-only opener
    (None when unreadable or larger than a preview may be)."""
    if preview.attachment is not None:
        return preview.attachment.data
    if preview.container is not None:  # a picture inside a container: read again, in memory only
        return member_bytes(Path(preview.container), preview.place, preview.sha256, PREVIEW_LIMITS)
    try:
        with open_readonly(Path(preview.path)) as fh:
            data = fh.read(MAX_PREVIEW_BYTES + 1)
    except (InputError, OSError):
        return None
    return None if len(data) > MAX_PREVIEW_BYTES else data


def decode(data: bytes, max_side: int) -> Picture | None:
    """The picture in ``data`` at most ``max_side`` pixels a side (None if it cannot be decoded)."""
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    stored = reader.size()
    if stored.isValid() and stored.width() > 0 and stored.height() > 0:
        w, h = stored.width(), stored.height()
        scale = min(1.0, max_side / max(w, h))
        if scale < 1.0:
            reader.setScaledSize(QSize(max(1, round(w * scale)), max(1, round(h * scale))))
        turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
        shown = (h, w) if turned else (w, h)
    else:
        shown = None
    img = reader.read()
    if img.isNull():
        return None
    if shown is None:  # a format that does not say its size before decoding
        shown = (img.width(), img.height())
    if max(img.width(), img.height()) > max_side:
        img = img.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return Picture(img, *shown)


class _Relay(QObject):
    done = Signal(object, object)  # key, Picture or None


class _Job(QRunnable):
    def __init__(self, key: object, preview: Preview, max_side: int, relay: _Relay) -> None:
        super().__init__()
        self.key, self.preview, self.max_side, self.relay = key, preview, max_side, relay

    def run(self) -> None:
        picture = None
        try:
            data = preview_bytes(self.preview)
            picture = decode(data, self.max_side) if data else None
        except Exception:  # noqa: BLE001 - a picture that cannot be shown is simply not shown
            log.debug("picture not decoded", exc_info=True)
        self.relay.done.emit(self.key, picture)


class PictureLoader(QObject):
    """Decodes previews on its own pool thread; ``ready(preview)`` when one is decoded."""

    ready = Signal(object)  # the Preview whose picture (or None) is now known

    def __init__(self, max_side: int, capacity: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_side = max_side
        self.capacity = capacity
        self.pool = QThreadPool(self)  # first child: destroyed (waiting for its jobs) before the relay
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._pictures: OrderedDict[Preview, Picture | None] = OrderedDict()
        self._pending: set[Preview] = set()

    def known(self, preview: Preview) -> bool:
        return preview in self._pictures

    def picture(self, preview: Preview | None) -> Picture | None:
        """The decoded picture if it is ready; otherwise None, and it is decoded (``ready`` follows)."""
        if preview is None:
            return None
        if preview in self._pictures:
            self._pictures.move_to_end(preview)
            return self._pictures[preview]
        if preview not in self._pending:
            self._pending.add(preview)
            self.pool.start(_Job(preview, preview, self.max_side, self._relay))
        return None

    def wait(self, timeout_ms: int = 10_000) -> bool:
        return self.pool.waitForDone(timeout_ms)

    def _done(self, key: Preview, picture: Picture | None) -> None:
        self._pending.discard(key)
        self._pictures[key] = picture
        while len(self._pictures) > self.capacity:
            self._pictures.popitem(last=False)
        self.ready.emit(key)
