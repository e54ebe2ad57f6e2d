"""Explicit AI labels in the text of documents (TXT, Markdown, DOCX/PPTX/XLSX, PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..evidence import Basis, Claim, Confidence, MediaFile, Signal
from ..read_meta import read_text_head, read_text_tail
from ..labels import text_prompt
from .base import Context, DetectorFailure, Findings
from .spec import Details, DetectorSpec, SignalKind, Words, detail

MAX_TEXT = 1 << 20
TAIL_TEXT = 64 * 1024
OOXML_PREFIX = "application/vnd.openxmlformats-officedocument."


@dataclass(frozen=True, slots=True)
class TextLabelDetails(Details):
    text: str = detail("Text read", "识别出的文字")
    position: str = detail("Position", "位置")
    line: int = detail("Line", "行")
    where: str = detail("Where", "位置")
    occurrences: int = detail("Occurrences", "出现次数")


TEXT_LABEL = SignalKind("text.label", Words("Explicit AI label in the text", "文本中的显式 AI 标识"), TextLabelDetails)


SPEC = DetectorSpec(
    name="text_label",
    title=Words("Text labels", "文本标识"),
    timeout=20.0,
    kinds=(TEXT_LABEL,),
    view="ai_labels",
    doc="explicit AI labels written in text files",
)


class TextLabelDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return media.family in ("text", "pdf") or media.media_type.startswith(OOXML_PREFIX)

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        found: list[text_prompt.TextLabel] = []
        try:
            if media.family == "text":
                from ..adapters import yaml_front

                _, body = yaml_front.split_front_matter(read_text_head(media.path, MAX_TEXT))
                lines = body.splitlines()
                if media.size > MAX_TEXT:  # a long text: its end is read too, where footers sit
                    tail = read_text_tail(media.path, TAIL_TEXT).splitlines()[1:]
                    lines = lines[:-1] + ["…"] * text_prompt.EDGE_LINES + tail
                found = text_prompt.find(lines, "text")
                chars = sum(map(len, lines))
            elif media.family == "pdf":
                from ..adapters import pdf

                pages = pdf.page_text(media.path)
                lines = [ln for page in pages for ln in page.splitlines()]
                found = text_prompt.find(lines, "pdf text")
                chars = sum(map(len, pages))
            else:
                from ..adapters import ooxml

                paragraphs = ooxml.body_paragraphs(media.path)
                found = text_prompt.find(paragraphs, "document body")
                chars = sum(map(len, paragraphs))
        except Exception as exc:  # noqa: BLE001 - reported as a failure, never as "nothing found"
            raise DetectorFailure(f"text not readable: {exc}") from exc
        signals = []
        if found:
            first = found[0]
            occurrences = [{"text": t.text, "position": t.position, "line": t.line, "language": t.language}
                           for t in found[:10]]
            signals.append(Signal(
                TEXT_LABEL.id, self.name,
                f"explicit AI label in the text ({first.position}): {first.text!r}",
                Claim.AI_GENERATED, Basis.VISIBLE, Confidence.DECLARED,
                TEXT_LABEL.make(text=first.text, position=first.position, line=first.line, where=first.where,
                                occurrences=occurrences),
            ))
        return Findings(signals=tuple(signals), facts={"characters_read": chars, "labels_found": len(found)})
