"""File facts: size, hashes, sniffed media type and extension mismatch.

The SHA-256 is computed once, in the same streaming pass that sniffs the type
(:func:`verifier.inputs.identify`); this detector turns those into the facts the File panel shows
and the verdict reads (an unsupported type makes an otherwise empty verdict ``incomplete``).
"""

from __future__ import annotations

from typing import ClassVar

from ..evidence import MediaFile
from .base import Context, Findings
from .spec import DetectorSpec, Words

SUPPORTED_FAMILIES = frozenset(
    {"jpeg", "png", "gif", "riff", "tiff", "bmp", "pdf", "flac", "ogg", "mp3", "flv", "matroska",
     "zip", "isobmff", "text", "svg", "xml", "jumbf", "email", "mbox"}
)


SPEC = DetectorSpec(
    name="file",
    title=Words("File facts", "文件基本信息"),
    timeout=60.0,
    kinds=(),
    view="file",
    doc="size, SHA-256, media type sniffed from the content, extension mismatch",
)


class FileFactsDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = False

    def applies_to(self, media: MediaFile) -> bool:
        return True

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        facts = {
            "size": media.size,
            "sha256": media.sha256,
                "media_type": media.media_type,
            "family": media.family,
            "extension": media.path.suffix.lower(),
            "extension_type": media.extension_type,
            "extension_mismatch": media.extension_mismatch,
            "supported": media.family in SUPPORTED_FAMILIES,
        }
        if media.sniff_note:
            facts["sniff_note"] = media.sniff_note
        return Findings(facts=facts)
