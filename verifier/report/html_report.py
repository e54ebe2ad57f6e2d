"""A single self-contained HTML report: inline CSS, no script, print-friendly.

Every piece of text goes through :func:`_e` (``html.escape`` with ``quote=True``); there is no
other way text reaches the page. Images are embedded as ``data:`` URIs whose MIME type is taken
from the validated bytes (``image/png`` or ``image/jpeg``), never from the analysed file. A strict
Content-Security-Policy forbids scripts, remote loads, forms and frames; the stylesheet is allowed
by its hash, so no inline ``style`` attribute would be honoured either.
"""

from __future__ import annotations

import base64
import hashlib
import html
from typing import Any

from . import blocks as O

CSS = """
:root { --fg: #1b1f24; --muted: #59636e; --line: #d0d7de; --bg-soft: #f6f8fa;
        --ai: #a40e26; --warn: #9a6700; --ok: #1a7f37; --info: #0969da; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; color: var(--fg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-top: 3px solid var(--fg); padding-top: .6rem; margin-top: 2.5rem;
     overflow-wrap: anywhere; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid var(--line); }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; overflow-wrap: anywhere; }
p, li, td, th, dd, dt { overflow-wrap: anywhere; white-space: pre-wrap; }
p.lead { font-weight: 600; margin: .8rem 0 .2rem; }
p.note { color: var(--muted); font-size: .9rem; }
p.warning, ul.warning li { color: var(--warn); font-weight: 600; }
.mono { font-family: "DejaVu Sans Mono", Consolas, "Courier New", monospace; font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
table.fields th { width: 12rem; font-weight: 600; }
.verdict { border: 2px solid var(--muted); border-left-width: 8px; padding: .6rem .9rem; margin: .4rem 0 .8rem;
           page-break-inside: avoid; }
.verdict .headline { font-size: 1.15rem; font-weight: 700; margin: 0 0 .3rem; }
.verdict .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .3rem; }
.verdict.ai_generated, .verdict.ai_modified, .verdict.credentials_invalid { border-color: var(--ai); }
.verdict.ai_possible, .verdict.credentials_unverifiable, .verdict.incomplete { border-color: var(--warn); }
.verdict.signed_provenance { border-color: var(--ok); }
.verdict.no_signals { border-color: var(--info); }
.verdict .warning { color: var(--warn); font-weight: 700; margin: .3rem 0 0; }
ul.tree { list-style: none; padding-left: 1.1rem; margin: .1rem 0; border-left: 1px dotted var(--line); }
ul.tree > li { margin: .05rem 0; }
ul.tree .k { font-weight: 600; }
figure { margin: .5rem 0 1rem; page-break-inside: avoid; }
figure img { max-width: 18rem; max-height: 18rem; width: auto; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
.filehead { display: flex; gap: 1rem; align-items: flex-start; margin: .4rem 0 .8rem; }
.filehead figure { flex: 0 0 16rem; margin: 0; }
.filehead svg { width: 100%; height: auto; max-height: 18rem; border: 1px solid var(--line); }
.filehead table.fields { flex: 1 1 auto; margin: 0; }
.filehead table.fields th { width: 7rem; }
.placeholder { display: flex; align-items: center; justify-content: center; height: 8rem; background: var(--bg-soft);
               border: 1px solid var(--line); color: var(--muted); font-weight: 700; font-size: 1.2rem; }
.gallery { display: flex; flex-wrap: wrap; gap: .8rem; align-items: flex-start; }
.gallery figure { flex: 0 1 15rem; margin: 0; }
.gallery figure img { max-width: 100%; }
.compare svg { width: 100%; height: auto; max-height: 14rem; border: 1px solid var(--line); }
ul.advisory li { color: #3d4a57; }
ul.small li { color: var(--muted); font-size: .9rem; }
p.appendix-ref { color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  section.file, section.appendix { page-break-before: always; }
  h2, h3, h4 { page-break-after: avoid; }
  tr, figure, .verdict { page-break-inside: avoid; }
}
""".strip()

_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
CSP = (
    "default-src 'none'; img-src data:; style-src 'sha256-" + _CSS_HASH + "'; "
    "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
)


_MONO = ' class="mono"'


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cls(text: str) -> str:
    """A class name made only of [a-z_] (the verdict code comes from the document, not trusted)."""
    return "".join(c for c in text.lower() if c.isascii() and (c.isalpha() or c == "_"))[:40]


def _tree(nodes: tuple[O.Node, ...]) -> str:
    parts = ['<ul class="tree">']
    for n in nodes:
        key = f'<span class="k">{_e(n.key)}</span>' if n.key else ""
        if n.value is None and n.inline:
            inline = " · ".join(f'<span class="k">{_e(c.key)}</span>: {_e(c.value)}' for c in n.children)
            parts.append(f"<li>{key}: {inline}</li>" if n.key else f"<li>{inline}</li>")
        elif n.value is None:
            parts.append(f"<li>{key}{_tree(n.children)}</li>")
        else:
            sep = ": " if n.key else ""
            parts.append(f"<li>{key}{sep}{_e(n.value)}</li>")
    parts.append("</ul>")
    return "".join(parts)


def _table(t: O.Table) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in t.header)
    body = []
    for row in t.rows:
        cells = "".join(
            f'<td class="mono">{_e(c)}</td>' if i in t.mono else f"<td>{_e(c)}</td>" for i, c in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _block(b: O.Block) -> str:
    match b:
        case O.Heading(text, level, anchor):
            ident = f' id="{_e(anchor)}"' if anchor else ""
            return f"<h{level}{ident}>{_e(text)}</h{level}>"
        case O.Para(text, kind):
            return f'<p class="{_cls(kind)}">{_e(text)}</p>'
        case O.Fields(rows):
            trs = "".join(
                f'<tr><th scope="row">{_e(r.label)}</th><td{_MONO if r.mono else ""}>{_e(r.value)}</td></tr>'
                for r in rows)
            return f'<table class="fields"><tbody>{trs}</tbody></table>'
        case O.Table():
            return _table(b)
        case O.Bullets(items, kind):
            return f'<ul class="{_cls(kind)}">' + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"
        case O.Tree(nodes):
            return _tree(nodes)
        case O.Picture(data, info, caption):
            uri = "data:" + ("image/png" if info.mime == "image/png" else "image/jpeg") + ";base64," + \
                base64.b64encode(data).decode("ascii")
            return (f'<figure><img src="{_e(uri)}" alt="{_e(caption)}" width="{int(info.width)}" '
                    f'height="{int(info.height)}"><figcaption>{_e(caption)} ({int(info.width)}×{int(info.height)})'
                    f"</figcaption></figure>")
        case O.VerdictBox(code, strength, headline, explanation, warning):
            warn = f'<p class="warning">{_e(warning)}</p>' if warning else ""
            return (f'<div class="verdict {_cls(code)}"><p class="headline">{_e(headline)}</p>'
                    f'<p class="meta"><span class="mono">{_e(code)}</span> · {_e(strength)}</p>'
                    + (f"<p>{_e(explanation)}</p>" if explanation else "") + f"{warn}</div>")
        case O.FilePicture():
            return _file_picture(b)
        case O.Comparison(pictures):
            return '<div class="gallery compare">' + "".join(_figure(i) for i in pictures) + "</div>"
        case O.Gallery(items):
            return '<div class="gallery">' + "".join(_block(i) for i in items) + "</div>"
        case O.FileStart() | O.AppendixStart():
            return ""
    raise TypeError(f"unknown block {type(b).__name__}")


def _num(v: float) -> str:
    return f"{float(v):.1f}"


def _file_picture(b: O.FilePicture) -> str:
    """The file's picture (see :func:`_figure`); its identity beside it."""
    rows = "".join(f'<tr><th scope="row">{_e(r.label)}</th><td{_MONO if r.mono else ""}>{_e(r.value)}</td></tr>'
                   for r in b.beside)
    return f'<div class="filehead">{_figure(b)}<table class="fields"><tbody>{rows}</tbody></table></div>'


def _figure(b: O.FilePicture) -> str:
    """A picture as inline SVG (the image as a data: URI, the found regions as numbered rectangles),
    or a placeholder naming the kind of file."""
    if b.data is not None and b.info is not None:
        w, h = int(b.info.width), int(b.info.height)
        uri = "data:" + ("image/png" if b.info.mime == "image/png" else "image/jpeg") + ";base64," + \
            base64.b64encode(b.data).decode("ascii")
        marks = "".join(
            f'<rect x="{_num(r.x0)}" y="{_num(r.y0)}" width="{_num(r.x1 - r.x0)}" height="{_num(r.y1 - r.y0)}" '
            f'fill="none" stroke="#000" stroke-width="5"/>'
            f'<rect x="{_num(r.x0)}" y="{_num(r.y0)}" width="{_num(r.x1 - r.x0)}" height="{_num(r.y1 - r.y0)}" '
            f'fill="none" stroke="#ffd400" stroke-width="3"/>'
            f'<text x="{_num(r.x0 + 3)}" y="{_num(max(r.y0 - 4, 14))}" font-size="16" font-weight="700" '
            f'fill="#ffd400" stroke="#000" stroke-width="0.6">{int(r.number)}</text>' for r in b.regions)
        picture = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" '
                   f'aria-label="{_e(b.caption)}"><image href="{_e(uri)}" width="{w}" height="{h}"/>{marks}</svg>')
    else:
        picture = f'<div class="placeholder">{_e(b.kind)}</div>'
    lines = ([_e(b.caption)] if b.caption else []) + [_e(x) for x in b.legend]
    caption = f"<figcaption>{'<br>'.join(lines)}</figcaption>" if lines else ""
    return f"<figure>{picture}{caption}</figure>"


def render(doc: O.Outline) -> str:
    body: list[str] = []
    in_file = False
    for b in doc.blocks:
        if isinstance(b, O.FileStart | O.AppendixStart):
            body.append("</section>" if in_file else "")
            body.append('<section class="file">' if isinstance(b, O.FileStart) else '<section class="appendix">')
            in_file = True
            continue
        body.append(_block(b))
    if in_file:
        body.append("</section>")
    lang = "zh-Hans" if doc.lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(doc.title)} — {_e(doc.generated_at)}</title>"
        f"<style>{CSS}</style></head>\n<body>\n" + "\n".join(x for x in body if x) + "\n</body></html>\n"
    )


def write_html(path: Any, doc: O.Outline) -> None:
    # surrogates were replaced in outline.clean; "strict" keeps any slip loud instead of silent
    path.write_text(render(doc), encoding="utf-8")
