"""Files inside files: open an e-mail, mbox, ZIP, Office document or PDF and write its members
into the private folder the pipeline made for it (see :mod:`verifier.containers`).

Runs in a worker process like any parser of hostile input (time and memory limits). Its facts
list the members in order; the pipeline analyses each as an entry of its own. An e-mail's
header facts (sender fields, the Received chain, DKIM presence, privacy points) are reported
here too.
"""

from __future__ import annotations

from typing import ClassVar

from ..evidence import MediaFile
from .base import Context, DetectorFailure, Findings
from .spec import DetectorSpec, Words


SPEC = DetectorSpec(
    name="container",
    title=Words("Files inside (e-mail, archive, document)", "内含文件（邮件、压缩包、文档）"),
    timeout=60.0,
    kinds=(),
    view="overview",
    doc="members of e-mails, archives and documents (each analysed in turn)",
)


class ContainerDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        from ..containers.expand import container_kind

        return container_kind(media) is not None

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        from ..containers.expand import ContainerUnreadable, expand

        try:
            facts = expand(media, ctx.expansion)
        except ContainerUnreadable as exc:
            raise DetectorFailure(str(exc)) from exc
        return Findings(facts=facts)
