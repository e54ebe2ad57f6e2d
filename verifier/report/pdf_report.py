"""The PDF report (A4, page numbers), laid out with reportlab — the only module that imports it.

reportlab's ``Paragraph`` interprets markup (``<b>``, ``<font>``, ``<a href>``, ``<img>``…), so
every string is escaped with ``xml.sax.saxutils.escape`` in :func:`_markup` before the only markup
this module adds: font runs. Characters the body font lacks (Chinese, above all) are set in a
CJK font: a TrueType CJK font embedded when one is installed, otherwise reportlab's built-in
``STSong-Light`` CID font (not embedded; every PDF reader that supports Chinese provides it).
Hashes and paths are set in a monospace font and wrap when they do not fit.
"""

from __future__ import annotations

import glob
import io
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..describe import t
from . import blocks as O

log = logging.getLogger(__name__)

# Fonts tried in order; the first that reportlab can load wins. (OpenType/CFF fonts such as
# Noto CJK cannot be embedded by reportlab and are skipped.)
BODY_FONTS = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
)
MONO_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "C:/Windows/Fonts/consola.ttf",
    "/System/Library/Fonts/Supplemental/Courier New.ttf",
)
CJK_FONTS = (
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    *sorted(glob.glob("/usr/share/fonts/opentype/noto/*CJK*-Regular.tt[cf]")),
    *sorted(glob.glob("/usr/share/fonts/truetype/noto/*CJK*-Regular.tt[cf]")),
)
CID_FALLBACK = "STSong-Light"

MARGIN = 50.0  # points (about 18 mm)
PICTURE_MAX = 170.0  # points (60 mm)
THUMB_MAX = 190.0  # points: the file's picture on its page
COMPARE_MAX = 120.0  # points: a file and its reference side by side
KEEP = 80.0  # points of room a heading needs below it, or it moves to the next page


@dataclass(frozen=True, slots=True)
class Fonts:
    body: str
    bold: str
    mono: str
    cjk: str
    body_chars: frozenset[int] | None  # None: a standard font (WinAnsi)
    mono_chars: frozenset[int] | None
    cjk_chars: frozenset[int] | None  # None: the CID font (assumed to cover CJK)

    def covers_body(self, ch: str) -> bool:
        return _covers(self.body_chars, ch)

    def covers_mono(self, ch: str) -> bool:
        return _covers(self.mono_chars, ch)

    def covers_cjk(self, ch: str) -> bool:
        if self.cjk_chars is None:
            return ord(ch) <= 0xFFFF
        return ord(ch) in self.cjk_chars


def _covers(chars: frozenset[int] | None, ch: str) -> bool:
    if chars is not None:
        return ord(ch) in chars
    try:  # the standard PDF fonts use WinAnsi
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _ttf(name: str, path: str) -> Any:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, path, subfontIndex=0) if path.lower().endswith(".ttc") else TTFont(name, path)
    pdfmetrics.registerFont(font)
    return font


@lru_cache(maxsize=4)
def fonts(body_candidates: tuple[tuple[str, str], ...] = BODY_FONTS, mono_candidates: tuple[str, ...] = MONO_FONTS,
          cjk_candidates: tuple[str, ...] = CJK_FONTS) -> Fonts:
    """Register and return the report's fonts (once per set of candidates)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFError

    tag = str(abs(hash((body_candidates, mono_candidates, cjk_candidates))))[:8]
    body, bold, body_chars = "Helvetica", "Helvetica-Bold", None
    for regular, heavy in body_candidates:
        if os.path.isfile(regular) and os.path.isfile(heavy):
            try:
                f = _ttf(f"VBody{tag}", regular)
                _ttf(f"VBodyBold{tag}", heavy)
            except (TTFError, OSError) as exc:
                log.debug("body font %s unusable: %s", regular, exc)
                continue
            body, bold, body_chars = f"VBody{tag}", f"VBodyBold{tag}", frozenset(f.face.charToGlyph)
            break
    from reportlab.lib.fonts import addMapping

    addMapping(body, 0, 0, body)
    addMapping(body, 1, 0, bold)
    addMapping(body, 0, 1, body)
    addMapping(body, 1, 1, bold)
    mono, mono_chars = _first_font(f"VMono{tag}", mono_candidates, ("Courier", None))
    cjk, cjk_chars = _first_font(f"VCJK{tag}", cjk_candidates, ("", None))
    if not cjk:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        cjk = CID_FALLBACK
    return Fonts(body, bold, mono, cjk, body_chars, mono_chars, cjk_chars)


def _first_font(name: str, candidates: tuple[str, ...],
                default: tuple[str, frozenset[int] | None]) -> tuple[str, frozenset[int] | None]:
    """Register the first usable TrueType file of ``candidates`` as ``name``: (name, its characters)."""
    from reportlab.pdfbase.ttfonts import TTFError

    for path in candidates:
        if os.path.isfile(path):
            try:
                f = _ttf(name, path)
            except (TTFError, OSError) as exc:
                log.debug("font %s unusable: %s", path, exc)
                continue
            return name, frozenset(f.face.charToGlyph)
    return default


def _runs(text: str, f: Fonts, base_covers: Any) -> Iterator[tuple[bool, str]]:
    """Split text into (needs_cjk_font, run) pieces."""
    start, current = 0, None
    for i, ch in enumerate(text):
        alt = not base_covers(ch) and f.covers_cjk(ch)
        if current is None:
            current = alt
        elif alt != current:
            yield current, text[start:i]
            start, current = i, alt
    if text:
        yield bool(current), text[start:]


def _markup(text: str, f: Fonts, mono: bool = False) -> str:
    """Escaped Paragraph markup for ``text``; the only tags are font switches and line breaks."""
    out = []
    for alt, run in _runs(text, f, f.covers_mono if mono else f.covers_body):
        esc = escape(run).replace("\n", "<br/>")
        out.append(f'<font face="{f.cjk}">{esc}</font>' if alt else esc)
    return "".join(out)


class _Styles:
    def __init__(self, f: Fonts, lang: str) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        wrap = "CJK" if lang == "zh" else None
        base = ParagraphStyle("body", fontName=f.body, fontSize=9, leading=12, wordWrap=wrap,
                              splitLongWords=True, spaceAfter=3)
        self.body = base
        self.title = ParagraphStyle("title", base, fontName=f.bold, fontSize=20, leading=25, spaceAfter=4)
        self.h2 = ParagraphStyle("h2", base, fontName=f.bold, fontSize=13, leading=16, spaceBefore=2,
                                 spaceAfter=6, splitLongWords=True)
        self.h3 = ParagraphStyle("h3", base, fontName=f.bold, fontSize=11, leading=14, spaceBefore=10,
                                 spaceAfter=4, textColor=colors.HexColor("#1b1f24"))
        self.h4 = ParagraphStyle("h4", base, fontName=f.bold, fontSize=9.5, leading=12, spaceBefore=6,
                                 spaceAfter=2)
        self.lead = ParagraphStyle("lead", base, fontName=f.bold, spaceBefore=4, spaceAfter=2)
        self.note = ParagraphStyle("note", base, fontSize=8.5, textColor=colors.HexColor("#59636e"))
        self.warning = ParagraphStyle("warning", base, fontName=f.bold, textColor=colors.HexColor("#9a6700"))
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10, spaceAfter=0)
        self.cell_head = ParagraphStyle("cell_head", self.cell, fontName=f.bold)
        self.mono = ParagraphStyle("mono", self.cell, fontName=f.mono, wordWrap=None)
        self.tree = ParagraphStyle("tree", base, fontSize=8, leading=10, spaceAfter=0.5)
        self.caption = ParagraphStyle("caption", self.note, fontSize=7.5, leading=9.5)
        self.headline = ParagraphStyle("headline", base, fontName=f.bold, fontSize=12, leading=15, spaceAfter=2)
        self.advisory = ParagraphStyle("advisory", base, textColor=colors.HexColor("#3d4a57"))
        self.placeholder = ParagraphStyle("placeholder", base, fontName=f.bold, fontSize=14, leading=17,
                                          alignment=1, textColor=colors.HexColor("#59636e"))


_VERDICT_COLOURS = {
    "ai_generated": "#a40e26", "ai_modified": "#a40e26", "credentials_invalid": "#a40e26",
    "ai_possible": "#9a6700", "credentials_unverifiable": "#9a6700", "incomplete": "#9a6700",
    "signed_provenance": "#1a7f37", "no_signals": "#0969da",
}


class _Builder:
    def __init__(self, doc: O.Outline, f: Fonts, width: float, height: float = 700.0) -> None:
        self.doc, self.f, self.width, self.height = doc, f, width, height
        self.s = _Styles(f, doc.lang)
        self.in_page = False  # within a file's one-page summary (no conditional page breaks there)
        self.marks: list[Any] = []  # the PDF outline entries of the page being built

    def keep(self) -> list[Any]:
        """Room a heading needs below it, or it moves to the next page (not on a file's own page)."""
        from reportlab.platypus import CondPageBreak

        return [] if self.in_page else [CondPageBreak(KEEP)]

    def p(self, text: str, style: Any, mono: bool = False) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(_markup(text, self.f, mono), style)

    def flowables(self) -> list[Any]:
        """The story: a file's page is shrunk, if it must, to fit one page (its details are in the
        appendix); the appendix starts on a page of its own and flows."""
        from reportlab.platypus import KeepInFrame, PageBreak

        out: list[Any] = []
        page: list[Any] | None = None

        def close() -> None:
            if page is not None:
                out.extend(self.marks)
                out.append(KeepInFrame(self.width, self.height, page, mode="shrink"))
                self.marks.clear()

        for b in self.doc.blocks:
            if isinstance(b, O.FileStart | O.AppendixStart):
                close()
                out.append(PageBreak())
                page = [] if isinstance(b, O.FileStart) else None
                self.in_page = page is not None
            elif page is not None:
                page.extend(self.block(b))
            else:
                out.extend(self.block(b))
        close()
        return out

    def block(self, b: O.Block) -> list[Any]:
        from reportlab.platypus import Spacer

        s = self.s
        match b:
            case O.Heading(text, level, anchor):
                para = self.p(text, {1: s.title, 2: s.h2, 3: s.h3}.get(level, s.h4))
                # a heading never ends a page: it needs room for a few lines of what follows
                # (keepWithNext would drag a long table whole onto the next page instead)
                if anchor and level == 2 and self.in_page:  # a mark inside KeepInFrame would be lost
                    self.marks.append(_Bookmark(anchor, text))
                    return [para]
                return [_Bookmark(anchor, text), para] if anchor and level == 2 else [*self.keep(), para]
            case O.Para(text, "lead"):
                return [*self.keep(), self.p(text, s.lead)]
            case O.Para(text, kind):
                return [self.p(text, {"note": s.note, "warning": s.warning}.get(kind, s.body))]
            case O.Fields(rows):
                data = [[self.p(r.label, s.cell_head), self.p(r.value, s.mono if r.mono else s.cell, r.mono)]
                        for r in rows]
                return [self.table(data, (95.0, self.width - 95.0), header=False), Spacer(1, 4)]
            case O.Table(header, rows, mono, widths):
                rel = widths if len(widths) == len(header) else (1.0,) * len(header)
                total = sum(rel)
                cols = tuple(self.width * w / total for w in rel)
                data = [[self.p(h, s.cell_head) for h in header]]
                data += [[self.p(c, s.mono if i in mono else s.cell, i in mono) for i, c in enumerate(row)]
                         for row in rows]
                return [self.table(data, cols, header=True), Spacer(1, 4)]
            case O.Bullets(items, kind):
                style = {"warning": s.warning, "small": s.note, "advisory": s.advisory}.get(kind, s.body)
                from reportlab.lib.styles import ParagraphStyle

                st = ParagraphStyle(f"bullet_{kind}", style, leftIndent=12, bulletIndent=2)
                return [self._bullet(i, st) for i in items]
            case O.Tree(nodes):
                return list(self.tree(nodes, 0)) + [Spacer(1, 3)]
            case O.Picture(data, info, caption):
                return self.picture(data, info, caption)
            case O.VerdictBox(code, strength, headline, explanation, warning):
                return [self.verdict(code, strength, headline, explanation, warning), Spacer(1, 4)]
            case O.FilePicture():
                return [self.file_picture(b), Spacer(1, 6)]
            case O.Gallery(items):
                return [self.gallery(items), Spacer(1, 4)]
            case O.Comparison(items):
                return [self.comparison(items), Spacer(1, 4)] if items else []
        raise TypeError(f"unknown block {type(b).__name__}")

    def _bullet(self, text: str, style: Any) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(_markup(text, self.f), style, bulletText="•")

    def tree(self, nodes: tuple[O.Node, ...], depth: int) -> Iterator[Any]:
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph

        style = ParagraphStyle(f"tree{depth}", self.s.tree, leftIndent=8 + 12 * depth)
        for n in nodes:
            key = f"<b>{_markup(n.key, self.f)}</b>" if n.key else ""
            if n.value is None and n.inline:
                inline = " · ".join(f"<b>{_markup(c.key, self.f)}</b>: {_markup(c.value or '', self.f)}"
                                    for c in n.children)
                yield Paragraph(key + ": " + inline if key else inline, style)
            elif n.value is None:
                yield Paragraph(key, style)
                yield from self.tree(n.children, depth + 1)
            else:
                sep = ": " if n.key else ""
                yield Paragraph(key + sep + _markup(n.value, self.f), style)

    def table(self, data: list[list[Any]], cols: tuple[float, ...], header: bool) -> Any:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        t = Table(data, colWidths=list(cols), repeatRows=1 if header else 0, hAlign="LEFT")
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#d0d7de")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f2f4")))
        else:
            style.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f6f8fa")))
        t.setStyle(TableStyle(style))
        return t

    def verdict(self, code: str, strength: str, headline: str, explanation: str, warning: str) -> Any:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        colour = colors.HexColor(_VERDICT_COLOURS.get(code, "#59636e"))
        cell = [self.p(headline, self.s.headline), self.p(f"{code} · {strength}", self.s.note)]
        if explanation:
            cell.append(self.p(explanation, self.s.body))
        if warning:
            cell.append(self.p(warning, self.s.warning))
        t = Table([[cell]], colWidths=[self.width], hAlign="LEFT")
        t.setStyle(TableStyle([
            ("LINEBEFORE", (0, 0), (0, 0), 5, colour),
            ("BOX", (0, 0), (-1, -1), 0.8, colour),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return t

    def gallery(self, items: tuple[O.Picture | O.Para, ...]) -> Any:
        """Up to three pictures to a row (each scaled to its column), captions under them."""
        from reportlab.platypus import Table, TableStyle

        per_row = 3
        col = self.width / per_row
        cells = [self.picture(i.data, i.info, i.caption, col - 10, keep=False) if isinstance(i, O.Picture)
                 else [self.p(i.text, self.s.note)] for i in items]
        rows = [cells[k:k + per_row] for k in range(0, len(cells), per_row)]
        rows[-1] += [[]] * (per_row - len(rows[-1]))
        table = Table(rows, colWidths=[col] * per_row, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
        return table

    def picture(self, data: bytes, info: Any, caption: str, side: float = PICTURE_MAX, keep: bool = True) -> list[Any]:
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import KeepTogether

        try:
            reader = ImageReader(io.BytesIO(data))
            w, h = reader.getSize()
            reader.getRGBData()  # decode now: a broken image must not break the whole report
        except Exception as exc:  # noqa: BLE001 - any decoder failure means "do not embed"
            log.debug("image not embedded: %s", exc)
            return [self.p(t("report.attachment_broken", self.doc.lang, name=caption), self.s.note)]
        scale = min(side / w, side / h, 1.0)
        parts = [_Picture(reader, w * scale, h * scale), self.p(f"{caption} ({w}×{h})", self.s.caption)]
        # a file's page is kept whole already, and so is a gallery's row
        return parts if self.in_page or not keep else [KeepTogether(parts)]


    def picture_cell(self, b: O.FilePicture, side: float) -> list[Any]:
        """A file's picture (found regions outlined and numbered) or a placeholder, with its caption and legend."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        cell: list[Any] = []
        if b.data is not None and b.info is not None:
            try:
                from reportlab.lib.utils import ImageReader

                reader = ImageReader(io.BytesIO(b.data))
                reader.getRGBData()
                w, h = b.info.width, b.info.height
                scale = min(side / w, side / h)
                boxes = tuple((r.x0 * scale, (h - r.y1) * scale, (r.x1 - r.x0) * scale, (r.y1 - r.y0) * scale,
                               r.number) for r in b.regions)
                cell.append(_Picture(reader, w * scale, h * scale, boxes, self.f.bold))
            except Exception as exc:  # noqa: BLE001 - any decoder failure means "do not embed"
                log.debug("thumbnail not embedded: %s", exc)
        if not cell:
            box = Table([[self.p(b.kind, self.s.placeholder)]], colWidths=[side * 0.8], rowHeights=[side * 0.5])
            box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef1f4")),
                                     ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#d0d7de")),
                                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            cell.append(box)
        if b.caption:
            cell.append(self.p(b.caption, self.s.caption))
        return cell + [self.p(line, self.s.caption) for line in b.legend]

    def file_picture(self, b: O.FilePicture) -> Any:
        """The file's picture or a placeholder, its identity beside it."""
        from reportlab.platypus import Table, TableStyle

        right = self.table([[self.p(r.label, self.s.cell_head), self.p(r.value, self.s.mono if r.mono else self.s.cell,
                                                                        r.mono)] for r in b.beside],
                           (70.0, self.width - THUMB_MAX - 22 - 70.0), header=False)
        outer = Table([[self.picture_cell(b, THUMB_MAX), right]], colWidths=[THUMB_MAX + 12, self.width - THUMB_MAX - 12],
                      hAlign="LEFT")
        outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
        return outer

    def comparison(self, items: tuple[O.FilePicture, ...]) -> Any:
        from reportlab.platypus import Table, TableStyle

        col = self.width / 2
        table = Table([[self.picture_cell(i, COMPARE_MAX) for i in items[:2]]], colWidths=[col] * min(2, len(items)),
                      hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table


@lru_cache(maxsize=1)
def _flowable_classes() -> tuple[type, type]:
    """Two small flowables, defined on first use so that importing this module needs no reportlab."""
    from reportlab.platypus import Flowable

    class Picture(Flowable):
        """An already decoded image, drawn at a fixed size, with numbered boxes outlined on it
        (x, y from the bottom left, width, height, number; in points)."""

        def __init__(self, reader: Any, w: float, h: float,
                     boxes: tuple[tuple[float, float, float, float, int], ...] = (), font: str = "Helvetica") -> None:
            super().__init__()
            self.reader, self.w, self.h, self.boxes, self.font = reader, w, h, boxes, font

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return self.w, self.h + 2

        def draw(self) -> None:
            from reportlab.lib import colors

            c = self.canv
            c.drawImage(self.reader, 0, 2, self.w, self.h)
            for x, y, w, h, n in self.boxes:
                for colour, width in (("#000000", 3.0), ("#ffd400", 1.6)):
                    c.setStrokeColor(colors.HexColor(colour))
                    c.setLineWidth(width)
                    c.rect(x, y + 2, max(w, 2.0), max(h, 2.0), stroke=1, fill=0)
                c.setFillColor(colors.HexColor("#ffd400"))
                c.rect(x, y + 2 + max(h, 2.0), 9, 9, stroke=0, fill=1)
                c.setFillColor(colors.black)
                c.setFont(self.font, 7)
                c.drawCentredString(x + 4.5, y + 4 + max(h, 2.0), str(n))

    class Bookmark(Flowable):
        """A zero-size mark adding one file's entry to the PDF outline (the viewer's sidebar)."""

        def __init__(self, key: str, title: str) -> None:
            super().__init__()
            self.key, self.title = key, title

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.canv.bookmarkPage(self.key)
            self.canv.addOutlineEntry(self.title[:200], self.key, level=0)

    return Picture, Bookmark


def _Picture(reader: Any, w: float, h: float,  # noqa: N802 - a flowable constructor
             boxes: tuple[tuple[float, float, float, float, int], ...] = (), font: str = "Helvetica") -> Any:
    return _flowable_classes()[0](reader, w, h, boxes, font)


def _Bookmark(key: str, title: str) -> Any:  # noqa: N802 - a flowable constructor
    return _flowable_classes()[1](key, title)


def _footer(f: Fonts, doc: O.Outline, total: int | None) -> Any:
    """The onPage callback drawing the footer: title, creation time, "page n of N"."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("footer", fontName=f.body, fontSize=7.5, leading=9, textColor=colors.HexColor("#59636e"))
    right_style = ParagraphStyle("footer_r", style, alignment=TA_RIGHT)

    def draw(canv: Any, template: Any) -> None:
        width = template.pagesize[0]
        half = (width - 2 * MARGIN) / 2
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#d0d7de"))
        canv.setLineWidth(0.4)
        canv.line(MARGIN, 40, width - MARGIN, 40)
        left = Paragraph(_markup(f"{doc.title} — {doc.generated_at}", f), style)
        left.wrapOn(canv, half, 20)
        left.drawOn(canv, MARGIN, 28)
        n = canv.getPageNumber()
        right = Paragraph(_markup(t("report.page", doc.lang, n=n, total=total if total else "?"), f), right_style)
        right.wrapOn(canv, half, 20)
        right.drawOn(canv, MARGIN + half, 28)
        canv.restoreState()

    return draw


def render(doc: O.Outline, f: Fonts | None = None) -> bytes:
    """Lay the report out twice: the first pass counts the pages for the "page n of N" footers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    f = f or fonts()
    total: int | None = None
    for _ in range(2):
        buf = io.BytesIO()
        template = SimpleDocTemplate(
            buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
            title=doc.title, author="verifier", creator="verifier", subject=doc.generated_at,
        )
        story = _Builder(doc, f, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN - 14).flowables()
        footer = _footer(f, doc, total)
        template.build(story, onFirstPage=footer, onLaterPages=footer)
        total = template.page
    return buf.getvalue()


def write_pdf(path: Path, doc: O.Outline) -> None:
    path.write_bytes(render(doc))
