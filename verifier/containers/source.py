"""Where a container's bytes come from: its file on disk, or bytes already in memory.

A container found inside another one (a ZIP attached to an e-mail) is read again, for a picture
of one of its members, from the bytes its own container gave up, never from a file written out.
Every reader opens its container through :func:`open_source`, so a file is always opened
read-only (:func:`verifier.inputs.open_readonly`) and bytes are read as they are, through the
same reader and the same limits.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from ..inputs import open_readonly

Source = Path | bytes  # a container file, or the bytes of a container held in memory


def open_source(source: Source) -> BinaryIO:
    """A read-only stream of the container's bytes."""
    if isinstance(source, bytes):
        return io.BytesIO(source)
    return open_readonly(source)
