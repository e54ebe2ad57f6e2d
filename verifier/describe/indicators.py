"""Advisory indicators and forensic views in words, apart from the provenance findings.

Indicators (CONTRACT.md "Advisory indicators") never change the verdict; the views are pictures
for a human eye from which no indicator is raised. Neither is ever worded as "fake" or "authentic".
Reads a :class:`~verifier.evidence.Report` or the contract's file dict alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .checks import detector_name
from .kinds import field_label, is_advisory, kind_title
from .read import details, get, sval
from .signals import Item, detail_label, items
from .text import has, joined, quote, t

VIEWS_DETECTOR = "forensic_views"
FACES_DETECTOR = "forensic_faces"
VIEWS = ("error_level", "noise_residual", "faces")  # attachment stems, in the order shown
Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Outline:
    """A box to outline on the picture: ``[x0, y0, x1, y1]`` in its pixels, with a short label."""

    box: Box
    label: str


@dataclass(frozen=True, slots=True)
class IndicatorText:
    id: str
    title: str
    summary: str
    detector: str
    items: tuple[Item, ...]
    outlines: tuple[Outline, ...]


@dataclass(frozen=True, slots=True)
class ViewText:
    name: str  # the attachment's name
    title: str
    how: str


@dataclass(frozen=True, slots=True)
class IndicatorsText:
    heading: str
    advisory: str
    columns: tuple[str, str]
    indicators: tuple[IndicatorText, ...]
    none: str  # said when no indicator was raised ("" when there are some)
    views_heading: str
    views_note: str
    views: tuple[ViewText, ...]
    faces: tuple[Item, ...]
    applies: bool  # whether any forensic check ran on this file
    face_outlines: tuple[Outline, ...] = ()  # each face found, with its numbers beside the rest's


def box_of(value: Any) -> Box | None:
    """A detail's (x0, y0, x1, y1) box, or None when the value is not a non-empty box."""
    if (isinstance(value, list | tuple) and len(value) == 4
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        x0, y0, x1, y1 = (int(v) for v in value)
        if x1 > x0 and y1 > y0:
            return x0, y0, x1, y1
    return None


def _outlines(iid: str, d: Mapping[str, Any], lang: str) -> tuple[Outline, ...]:
    if iid == "forensic.copy_move":
        boxes = [b for b in (box_of(v) for v in (d.get("boxes") or [])[:2]) if b]
        names = ("indicator.region.source", "indicator.region.copy")
        return tuple(Outline(b, t(names[i], lang)) for i, b in enumerate(boxes))
    if iid == "reference.match":
        box = box_of(d.get("box"))
        return (Outline(box, t("indicator.region.reference", lang)),) if box else ()
    return ()


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return quote(value, 40)
    return quote(round(value, 3) if isinstance(value, float) else value, 40)


def summary(indicator: Any, lang: str) -> str:
    """What an indicator says, in ``lang``, from its id and details (read defensively)."""
    iid, d = sval(indicator, "id"), details(indicator)
    if iid == "forensic.double_jpeg":
        if isinstance(d.get("primary_quality"), int | float) and not isinstance(d.get("primary_quality"), bool):
            return t("indicator.summary.forensic.double_jpeg.quality", lang, q=_number(d["primary_quality"]))
        return t("indicator.summary.forensic.double_jpeg", lang)
    if iid == "forensic.thumbnail_mismatch":
        return t("indicator.summary.forensic.thumbnail_mismatch", lang, d=_number(d.get("difference", "?")))
    if iid == "forensic.copy_move":
        return t("indicator.summary.forensic.copy_move", lang, n=_number(d.get("inliers", "?")))
    if iid == "forensic.recapture":
        hints = [hint_text(h, lang) for h in (d.get("hints") or [])[:8] if isinstance(h, str)]
        return t("indicator.summary.forensic.recapture", lang, hints=joined(hints, lang) or "?")
    if iid == "reference.match":
        kind = "duplicate" if d.get("kind") == "duplicate" else "partial"
        return t(f"indicator.summary.reference.match.{kind}", lang, reference=quote(d.get("reference") or "?", 500),
                 n=_number(d.get("inliers", "?")))
    return quote(get(indicator, "summary") or iid, 500)


def hint_text(code: str, lang: str) -> str:
    return t(f"value.hint.{code}", lang) if has(f"value.hint.{code}") else quote(code, 100)


def indicator_title(iid: str, lang: str) -> str:
    """The title its kind declares (verifier.detectors.spec); an undeclared id is quoted."""
    return kind_title(iid, lang) or quote(iid, 100)


def _detail_items(iid: str, d: Mapping[str, Any], lang: str) -> tuple[Item, ...]:
    """The details labelled; coded values (hints, kind) worded, boxes named after their outline."""
    shown: dict[str, Any] = dict(d)
    if iid == "forensic.recapture" and isinstance(d.get("hints"), list):
        shown["hints"] = joined([hint_text(h, lang) for h in d["hints"][:8] if isinstance(h, str)], lang)
    if iid == "reference.match" and d.get("kind") in ("duplicate", "partial"):
        shown["kind"] = t(f"value.match_kind.{d['kind']}", lang)
    out = list(items(shown, lang, kind=iid))
    if iid == "forensic.copy_move" and isinstance(d.get("boxes"), list):
        names = ("indicator.region.source", "indicator.region.copy")
        boxes = [Item(t(names[i], lang), ", ".join(quote(v) for v in b))
                 for i, b in enumerate(box_of(v) for v in d["boxes"][:2]) if b]
        label = field_label(iid, "boxes", lang) or detail_label("boxes", lang)
        out = [Item(label, None, tuple(boxes)) if it.label == label else it for it in out]
    return tuple(out)


def _views(file: Any, lang: str) -> tuple[tuple[ViewText, ...], tuple[Item, ...], tuple[Outline, ...]]:
    all_facts = _facts(file)
    found = all_facts.get(VIEWS_DETECTOR)
    facts: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    names = {str(get(a, "name")) for d in (VIEWS_DETECTOR, FACES_DETECTOR) for a in _attachments(file, d)}
    ela_facts = facts.get("error_level")
    ela: Mapping[str, Any] = ela_facts if isinstance(ela_facts, Mapping) else {}
    views = []
    for stem in VIEWS:
        name = f"{stem}.png"
        if name not in names:
            continue
        how = t(f"view.how.{stem}", lang, q=_number(ela.get("quality", "?")), g=_number(ela.get("gain", "?")))
        views.append(ViewText(name, t(f"view.title.{stem}", lang), how))
    faces = all_facts.get(FACES_DETECTOR)  # the faces detector's facts, else the older views' own
    if not isinstance(faces, Mapping):
        faces = facts.get("faces")
    return tuple(views), _face_items(faces, lang), _face_outlines(faces, lang)


def _pair(value: Any) -> str:
    if isinstance(value, list | tuple) and value:
        return "/".join(_number(v) for v in value[:2])
    return _number(value) if value is not None else "?"


def _face_outlines(faces: Any, lang: str) -> tuple[Outline, ...]:
    """Each face's box with its noise and grid strength beside the rest's, and what differs."""
    if not isinstance(faces, Mapping):
        return ()
    rest_facts = faces.get("rest")
    rest: Mapping[str, Any] = rest_facts if isinstance(rest_facts, Mapping) else {}
    out = []
    for n, r in enumerate([r for r in faces.get("regions") or [] if isinstance(r, Mapping)][:20], 1):
        box = box_of(r.get("box"))
        if box is None:
            continue
        label = t("view.face.outline", lang, n=n, noise=_pair(r.get("noise")), rest_noise=_pair(rest.get("noise")),
                  grid=_pair(r.get("grid_strength")), rest_grid=_pair(rest.get("grid_strength")))
        what = _differs_text(r.get("differs"), lang)
        out.append(Outline(box, t("view.face.outline.differs", lang, face=label, what=what) if what else label))
    return tuple(out)


def _differs_text(value: Any, lang: str) -> str:
    codes = [c for c in (value or [])[:4] if isinstance(c, str)] if isinstance(value, list) else []
    return joined([t(f"value.differs.{c}", lang) if has(f"value.differs.{c}") else quote(c, 60) for c in codes], lang)


def _face_items(faces: Any, lang: str) -> tuple[Item, ...]:
    if not isinstance(faces, Mapping) or not faces:  # no facts: the check did not run (it says why)
        return ()
    if not faces.get("finder"):
        code = str(faces.get("reason") or "")
        key = f"view.faces.not_looked_for.{code}" if has(f"view.faces.not_looked_for.{code}") else \
            "view.faces.not_looked_for"
        return (Item(t("view.title.faces", lang), t(key, lang, version=quote(f"OpenCV {faces.get('opencv') or '?'}", 60))),)
    regions = [r for r in faces.get("regions") or [] if isinstance(r, Mapping)]
    if not regions:
        return (Item(t("view.title.faces", lang), t("view.faces.none", lang)),)
    out = [Item(t("view.face", lang, n=n), None, items(_worded_face(r, lang), lang))
           for n, r in enumerate(regions[:20], 1)]
    if isinstance(faces.get("rest"), Mapping):
        out.append(Item(t("view.rest", lang), None, items(faces["rest"], lang)))
    return tuple(out)


def _worded_face(region: Mapping[str, Any], lang: str) -> dict[str, Any]:
    shown = dict(region)
    if "differs" in shown:
        shown["differs"] = _differs_text(shown["differs"], lang) or t("value.differs.none", lang)
    return shown


def _facts(file: Any) -> dict[str, Any]:
    if isinstance(file, Mapping):
        f = file.get("facts")
        return f if isinstance(f, dict) else {}
    return {e.detector: e.facts for e in getattr(file, "evidence", ()) if isinstance(e.facts, dict)}


def _attachments(file: Any, detector: str) -> list[Any]:
    if isinstance(file, Mapping):
        return [a for a in file.get("attachments") or [] if isinstance(a, Mapping) and a.get("detector") == detector]
    return [a for e in getattr(file, "evidence", ()) if e.detector == detector for a in e.attachments]


def _indicators(file: Any) -> list[Any]:
    if isinstance(file, Mapping):
        return [i for i in file.get("indicators") or [] if isinstance(i, Mapping)]
    return list(getattr(file, "indicators", ()))


def _ran(file: Any) -> bool:
    if isinstance(file, Mapping):
        dets = [d for d in file.get("detectors") or [] if isinstance(d, Mapping)]
        return any(is_advisory(str(d.get("name"))) and d.get("status") == "ok" for d in dets)
    return any(is_advisory(e.detector) and str(e.status) == "ok" for e in getattr(file, "evidence", ()))


def describe_indicators(file: Any, lang: str) -> IndicatorsText:
    """The advisory indicators and forensic views of one analysed file, worded in ``lang``."""
    found = []
    for ind in _indicators(file)[:50]:
        iid, d = sval(ind, "id"), details(ind)
        found.append(IndicatorText(iid, indicator_title(iid, lang), summary(ind, lang),
                                   detector_name(sval(ind, "detector"), lang), _detail_items(iid, d, lang),
                                   _outlines(iid, d, lang)))
    views, faces, face_outlines = _views(file, lang)
    applies = _ran(file) or bool(found)
    none = "" if found else t("indicator.none" if applies else "indicator.not_applicable", lang)
    return IndicatorsText(
        heading=t("indicator.heading", lang), advisory=t("indicator.advisory", lang),
        columns=(t("indicator.column.finding", lang), t("indicator.column.value", lang)),
        indicators=tuple(found), none=none, views_heading=t("view.heading", lang),
        views_note=t("view.note", lang), views=views, faces=faces, applies=applies,
        face_outlines=face_outlines)


def indicator_note(file: Any, lang: str) -> str:
    """One short line for a table: ``indicators: …`` (empty when there are none)."""
    titles = [t(f"indicator.short.{sval(i, 'id')}", lang) if has(f"indicator.short.{sval(i, 'id')}")
              else quote(sval(i, "id"), 60) for i in _indicators(file)[:10]]
    unique = list(dict.fromkeys(titles))
    return t("indicator.note", lang, list=joined(unique, lang)) if unique else ""


# ---- one sentence per indicator, for the scan table's lines under a row (reference matches) ----


def _match_box(value: Any) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 4:
        try:
            return "[" + ", ".join(str(int(v)) for v in value) + "]"
        except (TypeError, ValueError):
            pass
    return "[?]"


def indicator_text(indicator: Mapping[str, Any], lang: str) -> str:
    ident = str(indicator.get("id", ""))
    details = indicator["details"] if isinstance(indicator.get("details"), Mapping) else {}
    assert isinstance(details, Mapping)
    if ident == "reference.match":
        key = f"indicator.reference.match.{details.get('kind')}"
        if has(key):
            try:
                inliers = int(details.get("inliers", 0) or 0)
            except (TypeError, ValueError):
                inliers = 0
            return t(key, lang, reference=quote(details.get("reference", ""), 300), inliers=inliers,
                     box=_match_box(details.get("box")), reference_box=_match_box(details.get("reference_box")))
    return f"{quote(ident, 80)}: {quote(indicator.get('summary', ''), 300)}"


def indicator_lines(file: Mapping[str, Any], lang: str, ids: tuple[str, ...] | None = None) -> list[str]:
    """One sentence per indicator of a contract file dict (only those whose id is in ``ids``, if given)."""
    out = []
    for ind in file.get("indicators") or ():
        if isinstance(ind, Mapping) and (ids is None or ind.get("id") in ids):
            out.append(indicator_text(ind, lang))
    return out
