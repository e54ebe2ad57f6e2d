"""One page per analysed file: its picture with what was found outlined, the verdict in one
sentence, the evidence with its strength, advisory indicators in their own section, what was not
checked and why, the checks in three lines, and the file's SHA-256 and size. The details are in
the technical appendix (:mod:`verifier.report.outline`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from ..describe import Description, describe, quote, t
from ..describe.members import container_notes
from ..describe.page import kind_word, page_words
from .blocks import Block, Bullets, Comparison, Field, FilePicture, FileStart, Heading, Para, Region, VerdictBox
from .cleaning import clean, printable
from .images import MAX_EMBED_PIXELS, Thumbnail, identify

CROPS = 3  # pictures of found labels shown on the page
MEMBERS = 12  # members of a container named on its page


def short_name(path: object) -> str:
    """The last part of a path (``mail.eml#attachment/1/x.png`` -> ``x.png``) for a heading."""
    text = str(path or "?")
    return PurePosixPath(text.replace("\\", "/").split("#")[-1]).name or text


def _identity(d: Mapping[str, Any], lang: str) -> tuple[Field, ...]:
    size = d.get("size")
    rows = [Field(t("report.path", lang), clean(d.get("path", "?"), lang, 1000), mono=True)]
    if d.get("parent"):
        rows.append(Field(t("report.parent", lang), clean(d["parent"], lang, 1000), mono=True))
    rows += [
        Field(t("report.sha256", lang), clean(d.get("sha256") or "—", lang, 200), mono=True),
        Field(t("report.size", lang), t("report.size_value", lang, n=f"{size:,}") if isinstance(size, int) else "—"),
        Field(t("report.media_type", lang), clean(d.get("media_type") or "—", lang, 200)),
    ]
    return tuple(rows)


def _picture(d: Mapping[str, Any], thumb: Thumbnail | None, lang: str) -> FilePicture:
    kind = kind_word(d.get("media_type"), lang)
    words = page_words(d, (), lang)
    info = identify(thumb.data) if thumb is not None else None
    if thumb is None or info is None or info.width * info.height > MAX_EMBED_PIXELS:
        why = "unreadable" if d.get("error") else "member" if d.get("parent") else "none"
        caption = t(f"report.page.no_picture.{why}", lang) if d.get("parent") or d.get("error") or \
            str(d.get("media_type") or "").startswith("image/") else ""
        return FilePicture(None, None, (), kind, caption, beside=_identity(d, lang))
    sx, sy = info.width / max(1, thumb.source_width), info.height / max(1, thumb.source_height)
    regions = tuple(Region(r.box[0] * sx, r.box[1] * sy, min(r.box[2] * sx, info.width), min(r.box[3] * sy, info.height),
                           r.number)
                    for r in words.regions if r.box[0] < thumb.source_width and r.box[1] < thumb.source_height)
    legend = tuple(printable(r.label, lang, 300) for r in words.regions if any(g.number == r.number for g in regions))
    caption = t("report.page.picture", lang)
    return FilePicture(thumb.data, info, regions, kind, caption, legend, beside=_identity(d, lang))


def _verdict(words: Description, lang: str) -> VerdictBox:
    # (the no_signals headline says it already)
    warning = t("report.not_authenticity", lang) if words.code == "incomplete" else ""
    return VerdictBox(quote(words.code, 100), words.strength, words.headline, "", warning)


def _member_line(member: object, positions: Mapping[str, int], lang: str) -> str:
    name = clean(short_name(member), lang, 300)
    n = positions.get(member) if isinstance(member, str) else None
    return t("report.page.member_line", lang, name=name, n=n) if n else \
        t("report.page.member_elsewhere", lang, name=name)


def _outlined(thumb: Thumbnail, box: object, caption: str, kind: str) -> FilePicture | None:
    """A small picture with one region outlined (``box`` in the picture's own pixels)."""
    info = identify(thumb.data)
    if info is None or not (isinstance(box, list) and len(box) == 4 and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in box)):
        return None
    sx, sy = info.width / max(1, thumb.source_width), info.height / max(1, thumb.source_height)
    region = Region(max(0.0, box[0] * sx), max(0.0, box[1] * sy), min(box[2] * sx, info.width),
                    min(box[3] * sy, info.height), 1)
    return FilePicture(thumb.data, info, (region,) if region.x1 > region.x0 and region.y1 > region.y0 else (),
                       kind, caption)


def _comparisons(d: Mapping[str, Any], thumb: Thumbnail | None, references: Mapping[str, Thumbnail],
                 lang: str) -> list[Block]:
    """For each reference match (at most two): this file and the reference, the shared region outlined in both."""
    out: list[Block] = []
    for ind in [i for i in d.get("indicators") or () if isinstance(i, Mapping) and i.get("id") == "reference.match"][:2]:
        det = ind.get("details") if isinstance(ind.get("details"), Mapping) else {}
        assert isinstance(det, Mapping)
        ref = det.get("reference")
        ref_thumb = references.get(ref) if isinstance(ref, str) else None
        if thumb is None or ref_thumb is None:
            continue
        kind = t("report.kind.image", lang)
        left = _outlined(thumb, det.get("box"), t("report.page.compare_file", lang), kind)
        right = _outlined(ref_thumb, det.get("reference_box"),
                          t("report.page.compare_reference", lang, name=clean(short_name(ref), lang, 200)), kind)
        if left is not None and right is not None:
            out.append(Comparison((left, right)))
    return out


def page(index: int, total: int, d: Mapping[str, Any], lang: str, thumb: Thumbnail | None,
         crops: list[Block], positions: Mapping[str, int] | None = None,
         references: Mapping[str, Thumbnail] | None = None) -> list[Block]:
    """The blocks of file ``index``'s page (``crops``: pictures of the labels found, already checked;
    ``positions``: the number of each file in the report by its path, to point at a member's page;
    ``references``: small pictures of reference photos by their path, for reference matches)."""
    positions, references = positions or {}, references or {}
    words = describe(d, lang)
    pw = page_words(d, words.unchecked, lang)
    carried = container_notes(d, lang)  # a container: the member that carries its verdict, limits hit
    where = t("report.page.file_of", lang, n=index, total=total)
    if d.get("parent"):
        where += " · " + t("report.page.inside", lang, parent=clean(short_name(d["parent"]), lang, 300))
    members = d.get("members")
    out: list[Block] = [FileStart(index), Heading(f"{index}. " + clean(short_name(d.get("path")), lang, 300), 2,
                                                   anchor=f"file-{index}"), Para(where, "note"),
                        _picture(d, thumb, lang), _verdict(words, lang)]
    if isinstance(members, list) and members:
        out.append(Para(t("report.page.members", lang, n=len(members)), "note"))
        out.append(Bullets(tuple(_member_line(m, positions, lang) for m in members[:MEMBERS]), "small"))
        if len(members) > MEMBERS:
            out.append(Para(t("report.page.more", lang, n=len(members) - MEMBERS), "note"))
    out.append(Heading(t("report.page.evidence", lang), 3))
    if pw.evidence:
        out.append(Bullets(tuple(printable(e, lang, 400) for e in pw.evidence)))
        if pw.evidence_more:
            out.append(Para(pw.evidence_more, "note"))
    elif not carried:
        out.append(Para(t("report.page.no_evidence", lang), "note"))
    out.extend(Para(printable(n, lang, 600)) for n in carried)
    if crops:
        out.append(Para(t("report.page.found_pictures", lang), "lead"))
        out.extend(crops[:CROPS])
    if pw.advisory:
        out.append(Heading(t("report.page.advisory", lang), 3))
        out.append(Bullets(tuple(printable(a, lang, 600) for a in pw.advisory), "advisory"))
        out.extend(_comparisons(d, thumb, references, lang))
    out.append(Heading(t("report.page.not_checked", lang), 3))
    if pw.not_checked:
        out.append(Bullets(tuple(printable(n, lang, 400) for n in pw.not_checked), "warning"))
    else:
        out.append(Para(t("report.page.all_checked", lang), "note"))
    if pw.checks:
        out.append(Heading(t("report.page.checks", lang), 3))
        out.append(Bullets(tuple(printable(c, lang, 800) for c in pw.checks), "small"))
    out.append(Para(t("report.page.appendix_ref", lang, n=index), "note"))
    return out
