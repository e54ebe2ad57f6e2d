"""Comparison with reference photos the user supplied (``reference.match``, advisory).

Reads the index built beforehand (``verifier scan --reference DIR`` builds it in the main
process, the app when the folder is chosen): this detector never writes, and never changes the
verdict. Not applicable when no reference folder is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import logging

from ..adapters import opencv_image
from ..evidence import Indicator, MediaFile
from ..inputs import InputError
from ..reference import features, index, region, search
from .base import Context, DetectorFailure, Findings, NotApplicable
from .pixels import load_pixels
from .spec import Details, DetectorSpec, SignalKind, Words, detail

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReferenceMatchDetails(Details):
    reference: str = detail("Reference photo", "参考照片")
    reference_sha256: str = detail("Reference SHA-256", "参考照片 SHA-256", technical=True)
    kind: str = detail("Kind of container", "容器类型")
    box: list[int] = detail("Box (pixels)", "位置框（像素）", technical=True)
    reference_box: list[int] = detail("Region in the reference [x0, y0, x1, y1]", "参考照片中的区域 [x0, y0, x1, y1]", technical=True)
    inliers: int = detail("Matching points", "匹配点", technical=True)
    scale: float = detail("Scale", "缩放")
    rotation_degrees: float = detail("Rotation (degrees)", "旋转角度（度）", technical=True)
    phash_distance: int = detail("Perceptual hash distance", "感知哈希距离", technical=True)
    identical_bytes: bool = detail("Identical file", "文件完全相同")


REFERENCE_MATCH = SignalKind("reference.match", Words("Shares pixels with a reference photo", "与参考照片有相同的像素"), ReferenceMatchDetails)


SPEC = DetectorSpec(
    name="reference",
    title=Words("Reference photos", "参考照片比对"),
    timeout=60.0,
    kinds=(REFERENCE_MATCH,),
    view="indicators",
    advisory=True,
    pixel_work=True,
    doc="pixels shared with the user's reference photos",
)


class ReferenceDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def applies_to(self, media: MediaFile) -> bool:
        return opencv_image.has_pixels(media.media_type)

    def prepare(self, ctx: Context) -> None:
        opencv_image.load_library()

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        dirs = ctx.config.reference_dirs
        if not dirs:
            raise NotApplicable("no reference folder was given", reason="no_reference_folder")
        if media.media_type in opencv_image.VIDEO_TYPES:
            raise NotApplicable("reference photos are compared with still pictures only "
                                "(a frame saved as a picture can be checked)", reason="stills_only")
        indexes = []
        for folder in dirs:
            try:
                indexes.append(index.load(folder))
            except index.IndexMissing as exc:
                raise DetectorFailure(f"{exc}: run the scan with --reference again, or choose the folder "
                                      "in the app, to index it") from exc
        suspect_bgr = load_pixels(media)
        suspect = features.of_suspect(suspect_bgr)
        indicators: list[Indicator] = []
        folders = []
        for idx in indexes:
            outcome = search.search(suspect, idx)
            stale = idx.changed_since()
            folders.append({"folder": str(idx.folder), "references": outcome.references,
                            "compared": outcome.compared, "unreadable": outcome.unreadable_references,
                            "changed_since_indexing": len(stale),
                            **({"not_compared": list(outcome.not_compared)} if outcome.not_compared else {})})
            indicators.extend(_indicator(idx, _refined(idx, f, suspect_bgr), media, self.name) for f in outcome.found)
        if any(f.get("not_compared") for f in folders) and not indicators:
            raise DetectorFailure("the cached features of some shortlisted reference photos could not be read: "
                                  "index the reference folder again")
        facts = {"suspect_features": int(len(suspect.keypoints)), "folders": folders}
        return Findings(indicators=tuple(indicators), facts=facts)


def _refined(idx: index.FolderIndex, found: search.Found, suspect_bgr: object) -> search.Found:
    """The match with its region taken from agreeing pixels, when the reference still has the
    bytes that were indexed (otherwise the keypoints' extent stands)."""
    import hashlib

    path = idx.folder / found.entry.rel
    try:
        data = opencv_image.read_bytes(path)
        if hashlib.sha256(data).hexdigest() != found.entry.sha256:
            return found
        ref_bgr = opencv_image.decode_bgr(data)
    except (OSError, ValueError, InputError) as exc:
        log.info("reference %s: pixels not re-read (%s)", path, exc)
        return found
    return search.Found(found.entry, region.refine(found.match, suspect_bgr, ref_bgr))  # type: ignore[arg-type]


def _indicator(idx: index.FolderIndex, found: search.Found, media: MediaFile, detector: str) -> Indicator:
    m, e = found.match, found.entry
    path = str(idx.folder / e.rel)
    if m.kind == "duplicate":
        summary = (f"the whole picture matches the reference photo {e.rel} (re-encoded, resized or cropped; "
                   f"{m.inliers} matching points)")
    else:
        summary = f"a region of this picture matches a region of the reference photo {e.rel} ({m.inliers} matching points)"
    details: dict[str, object] = {
        "reference": path,
        "reference_sha256": e.sha256,
        "kind": m.kind,
        "box": list(m.box),
        "reference_box": list(m.reference_box),
        "inliers": m.inliers,
        "scale": m.scale,
        "rotation_degrees": m.rotation_degrees,
        "phash_distance": m.phash_distance,
        "identical_bytes": bool(media.sha256) and media.sha256 == e.sha256,
    }
    return Indicator(REFERENCE_MATCH.id, detector, summary, REFERENCE_MATCH.make(**details))
