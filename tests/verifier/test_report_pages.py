"""The report's layout: a cover, one page per file (picture with what was found outlined, verdict,
evidence, what was not checked), then the technical appendix; containers and their members; words
from the catalogue only; hostile strings escaped on the file pages too."""

from __future__ import annotations

import hashlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from verifier.describe import t
from verifier.describe.catalogue import TEXT
from verifier.evidence import Basis, Claim, Confidence, Evidence, MediaFile, Report, Signal, Status
from verifier.report import html_report, outline, pdf_report
from verifier.report.blocks import FilePicture, FileStart
from verifier.report.json_report import file_dict
from verifier.thumbnails import thumbnails
from verifier.verdict import fuse

TOOL = {"name": "verifier", "version": "0.1.0", "c2pa_sdk": "c2pa-python 0.38.1", "trust_lists": ["c2pa-official@0123"]}
SCRIPT = "<script>alert(1)</script>"
LABEL_BOX = [300, 200, 380, 230]  # in the 400 x 240 picture's pixels


def labelled_png(path: Path) -> Path:
    img = Image.new("RGB", (400, 240), (30, 30, 30))
    img.paste((230, 230, 230), tuple(LABEL_BOX))
    img.save(path, "PNG")
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def labelled_report(path: Path, text: str = "AI生成", parent: str = "") -> Report:
    visible = Signal("visible_label", "visible_label", f"visible AI label {text!r}", Claim.AI_GENERATED, Basis.VISIBLE,
                     Confidence.DETECTED, {"text": text, "box": LABEL_BOX, "relative_height": 0.05,
                                           "meets_5pct_rule": True})
    xmp = Signal("gb45438.label", "metadata", "GB 45438 implicit label, Label 1", Claim.AI_GENERATED, Basis.METADATA,
                 Confidence.DECLARED, {"Label": "1", "ContentProducer": SCRIPT, "placement": "png:iTXt:XMP"})
    evidence = (Evidence("file", Status.OK, ms=0.1),
                Evidence("metadata", Status.OK, signals=(xmp,),
                         facts={"fields": [{"group": "XMP", "key": "dc:creator", "value": SCRIPT}]}, ms=1.0),
                Evidence("visible_label", Status.OK, signals=(visible,), facts={"width": 400, "height": 240}, ms=5.0),
                Evidence("watermark", Status.TIMEOUT, error="stopped after 30 s", reason="timeout",
                         reason_params={"seconds": 30}, ms=30000.0))
    size = path.stat().st_size if path.is_file() else 1000
    sha = _sha(path) if path.is_file() else "a" * 64
    media = MediaFile(path, sha, size, "image/png", family="png")
    return Report(media, evidence, fuse(evidence), "2026-12-07T10:00:00+00:00", parent=parent)


def plain_report(path: str, media_type: str = "audio/mpeg", parent: str = "", members: tuple[str, ...] = ()) -> Report:
    evidence = (Evidence("file", Status.OK, ms=0.1), Evidence("metadata", Status.OK, ms=1.0),
                Evidence("visible_label", Status.NOT_APPLICABLE, ms=0.0))
    media = MediaFile(Path(path), hashlib.sha256(path.encode()).hexdigest(), 1234, media_type)
    return Report(media, evidence, fuse(evidence), "2026-12-07T10:00:01+00:00", parent=parent, members=members)


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip += tag in ("style",)

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style",)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _bookmarks(data: bytes) -> list[tuple[str, int]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]


def test_each_file_starts_a_page_and_a_ten_file_report_stays_short(tmp_path: Path) -> None:
    png = labelled_png(tmp_path / "label.png")
    reports = [labelled_report(png) if i % 2 else plain_report(f"track{i}.mp3") for i in range(10)]
    files = [file_dict(r, embed_attachments=True) for r in reports]
    doc = outline.build(TOOL, files, "en", thumbnails=thumbnails(files))
    assert sum(isinstance(b, FileStart) for b in doc.blocks) == 10
    data = pdf_report.render(doc)
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    marks = _bookmarks(data)
    file_marks = [p for title, p in marks if re.match(r"^\d+\. ", title)]
    assert file_marks == list(range(1, 11))  # cover on page 0, then exactly one page per file
    appendix = [p for title, p in marks if title.startswith("A")]
    assert appendix[0] == 11 and appendix == sorted(appendix)
    assert pages <= 11 + 10  # the appendix of these files takes at most a page each
    for n in range(1, 11):
        page_text = pypdf.PdfReader(io.BytesIO(data)).pages[n].extract_text()
        assert t("report.page.file_of", "en", n=n, total=10) in page_text


def test_the_picture_of_a_file_outlines_the_label_it_carries(tmp_path: Path) -> None:
    png = labelled_png(tmp_path / "label.png")
    before = _sha(png)
    files = [file_dict(labelled_report(png), embed_attachments=True)]
    thumbs = thumbnails(files)
    assert _sha(png) == before  # the evidence is read, never touched
    doc = outline.build(TOOL, files, "en", thumbnails=thumbs)
    picture = next(b for b in doc.blocks if isinstance(b, FilePicture))
    assert picture.data is not None and picture.info is not None
    assert len(picture.regions) == 1
    r = picture.regions[0]
    sx = picture.info.width / 400
    assert (r.x0, r.y0, r.x1, r.y1) == pytest.approx(tuple(v * sx for v in LABEL_BOX), abs=1)
    assert "AI生成" in picture.legend[0]
    page = html_report.render(doc)
    head = page[page.index('<div class="filehead">'):]
    head = head[:head.index("</div>")]
    assert "<svg" in head and head.count('<rect x="') == 2  # the box, over a dark halo
    pdf = pdf_report.render(doc)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages[1].images) == 1  # the picture on the file's page


def test_a_file_with_no_picture_gets_a_placeholder_naming_its_kind() -> None:
    files = [file_dict(plain_report("song.mp3"))]
    doc = outline.build(TOOL, files, "zh")
    picture = next(b for b in doc.blocks if isinstance(b, FilePicture))
    assert picture.data is None and picture.kind == t("report.kind.audio", "zh")
    assert f'<div class="placeholder">{t("report.kind.audio", "zh")}</div>' in html_report.render(doc)


def test_the_chinese_report_shows_no_catalogue_key(tmp_path: Path) -> None:
    png = labelled_png(tmp_path / "label.png")
    files = [file_dict(labelled_report(png), embed_attachments=True, lang="zh"),
             file_dict(plain_report("a.eml", "message/rfc822", members=("a.eml#attachment/1/x.mp3",)), lang="zh"),
             file_dict(plain_report("a.eml#attachment/1/x.mp3", parent="a.eml"), lang="zh")]
    page = html_report.render(outline.build(TOOL, files, "zh", thumbnails=thumbnails(files)))
    parser = Text()
    parser.feed(page)
    text = "\n".join(parser.parts)
    keys = [k for k in TEXT if re.search(r"(?<![\w.])" + re.escape(k) + r"(?![\w.])", text)]
    assert not keys
    assert not re.search(r"\breport\.[a-z_]+", text)
    for key in ("report.page.evidence", "report.page.not_checked", "report.page.checks", "report.appendix"):
        assert t(key, "zh") in text


def test_hostile_strings_are_escaped_on_the_file_page(tmp_path: Path) -> None:
    png = labelled_png(tmp_path / "label.png")
    hostile = tmp_path / (SCRIPT.replace("/", "_") + ".png")
    png.rename(hostile)
    files = [file_dict(labelled_report(hostile, text=SCRIPT), embed_attachments=True)]
    doc = outline.build(TOOL, files, "en", thumbnails=thumbnails(files))
    page = html_report.render(doc)
    parser = Text()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;_script&gt;.png" in page  # the file name, in the page's heading
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the label's text (legend) and the XMP value
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_report.render(doc))).pages))
    assert "<script>alert(1)</script>" in text


def test_a_container_report_lists_its_members_each_on_its_own_page() -> None:
    members = ("mail.eml#attachment/1/x.mp3", "mail.eml#attachment/2/y.mp3")
    files = [file_dict(plain_report("mail.eml", "message/rfc822", members=members))]
    files += [file_dict(plain_report(m, parent="mail.eml")) for m in members]
    doc = outline.build(TOOL, files, "en")
    page = html_report.render(doc)
    cover = page[:page.index('<section class="file">')]
    for name in ("x.mp3", "y.mp3"):
        assert f"↳ {name} {t('report.cover.member_of', 'en', parent='mail.eml')}" in cover
    assert t("report.page.members", "en", n=2) in page
    for n, name in ((2, "x.mp3"), (3, "y.mp3")):
        assert t("report.page.member_line", "en", name=name, n=n) in page
    assert page.count(t("report.page.inside", "en", parent="mail.eml")) == 2
    marks = _bookmarks(pdf_report.render(doc))
    assert [p for title, p in marks if re.match(r"^\d+\. ", title)] == [1, 2, 3]


def test_a_reference_match_shows_both_pictures_with_the_shared_region(tmp_path: Path) -> None:
    from verifier.evidence import Indicator
    from verifier.report.blocks import Comparison

    suspect = labelled_png(tmp_path / "suspect.png")
    reference = tmp_path / "refs" / "press.jpg"
    reference.parent.mkdir()
    Image.new("RGB", (800, 600), (200, 180, 160)).save(reference, "JPEG")
    match = Indicator("reference.match", "reference", "shares pixels with press.jpg",
                      {"reference": str(reference), "reference_sha256": _sha(reference), "kind": "partial",
                       "box": [100, 50, 300, 200], "reference_box": [200, 100, 600, 400], "inliers": 42})
    base = labelled_report(suspect)
    report = Report(base.media, (*base.evidence, Evidence("reference", Status.OK, indicators=(match,), ms=3.0)),
                    base.verdict, base.analysed_at)
    files = [file_dict(report, embed_attachments=True)]
    doc = outline.build(TOOL, files, "en", thumbnails=thumbnails(files))
    pair = next(b for b in doc.blocks if isinstance(b, Comparison))
    left, right = pair.items
    assert left.info is not None and right.info is not None
    r = right.regions[0]
    sx = right.info.width / 800
    assert (r.x0, r.y0, r.x1, r.y1) == pytest.approx((200 * sx, 100 * sx, 600 * sx, 400 * sx), abs=1)
    assert "press.jpg" in right.caption
    page = html_report.render(doc)
    assert _sha(reference) in page and '<div class="gallery compare">' in page
    pdf = pypdf.PdfReader(io.BytesIO(pdf_report.render(doc)))
    # the file's picture (drawn twice, stored once) and the reference's
    assert len(pdf.pages[1].images) == 2
