"""HTML and PDF reports: content, both languages, escaping of hostile strings, the CLI."""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from verifier.describe import t
from verifier.describe.catalogue import TEXT
from verifier.evidence import (
    Attachment, Basis, Claim, Confidence, Evidence, MediaFile, Report, Signal, Status, VerdictCode,
)
from verifier.report import html_report, images, outline, pdf_report, render
from verifier.report.json_report import failed_dict, file_dict
from verifier.verdict import fuse

ROOT = Path(__file__).resolve().parents[2]
SHA_AI = hashlib.sha256(b"ai file").hexdigest()
SHA_CLEAN = hashlib.sha256(b"clean file").hexdigest()
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
BREAKOUT = '"><a href="javascript:alert(3)">click</a>'
PDF_MARKUP = '<font name="Courier" size="80">BIG</font><a href="https://evil.example/">link</a><img src="x.png"/>'
CONTROL = "bell\x07esc\x1b[31mred\x00nul\u202eevil\u200b"
SURROGATE = "bad\ud800surrogate"
LONG = "L" * 5000
FAKE_PNG = b"\x89PNG\r\n\x1a\n<script>alert(5)</script>"
TOOL = {"name": "verifier", "version": "0.1.0", "c2pa_sdk": "c2pa-python 0.38.1",
        "trust_lists": ["c2pa-official@0123456789ab", "my-newsroom@fedcba987654"]}


def make_png(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (48, 32)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def make_jpeg(size: tuple[int, int] = (40, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 90, 200)).save(buf, "JPEG")
    return buf.getvalue()


def ai_report(lang: str = "en") -> Report:
    label = Signal("gb45438.label", "metadata", "GB 45438 implicit label, Label 1", Claim.AI_GENERATED, Basis.METADATA,
                   Confidence.DECLARED,
                   {"Label": "1", "ContentProducer": "某某科技有限公司", "placement": "png:iTXt:XMP",
                    "hostile": [SCRIPT, IMG, BREAKOUT, PDF_MARKUP, CONTROL, SURROGATE], "long": LONG,
                    "nested": {"deep": {"deeper": [1, 2.5, None, True, {}]}}})
    c2pa_sig = Signal("c2pa.ai_generated", "c2pa", "trainedAlgorithmicMedia action", Claim.AI_GENERATED,
                      Basis.SIGNED, Confidence.DECLARED, {"manifest": "urn:c2pa:abc"})
    trusted = Signal("c2pa.trusted", "c2pa", "signer on c2pa-official", details={"trust_list": "c2pa-official"})
    c2pa_facts = {
        "state": "Trusted", "trust_list": "c2pa-official", "active_manifest": "urn:c2pa:abc",
        "status_codes": [{"code": "claimSignature.validated", "explanation": "The claim signature is valid"}],
        "manifests": [{
            "label": "urn:c2pa:abc", "title": BREAKOUT, "claim_generator": "ImageMaker/2.1 " + IMG,
            "signer": {"issuer": "Example CA", "common_name": "Example Signer"}, "signed_at": "2025-03-04T05:06:07Z",
            "actions": [{"action": "c2pa.created",
                         "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}],
            "ai_tools": ["Image Generator 3"], "thumbnail": "claim.png",
            "ingredients": [{"title": "parent.jpg", "relationship": "parentOf", "thumbnail": "ingredient.jpg"}],
        }],
    }
    metadata_facts = {
        "fields": [{"group": "XMP", "key": "dc:creator", "value": SCRIPT},
                   {"group": "EXIF", "key": "Artist", "value": IMG},
                   {"group": "PNG", "key": "Comment", "value": "图片说明：人工智能生成"}],
        "privacy": [{"field": "GPSLatitude", "value": "39.9042", "why": "reveals where the picture was taken"}],
    }
    evidence = (
        Evidence("file", Status.OK, facts={"size": 1234, "family": "png"}, ms=0.2),
        Evidence("metadata", Status.OK, signals=(label,), facts=metadata_facts, ms=5.5),
        Evidence("c2pa", Status.OK, signals=(c2pa_sig, trusted), facts=c2pa_facts, ms=42.0, attachments=(
            Attachment("claim.png", "image/png", make_png()),
            Attachment("ingredient.jpg", "image/jpeg", make_jpeg()),
            Attachment("fake.png", 'image/png"><script>alert(4)</script>', FAKE_PNG),
            Attachment("mislabelled", "text/html", make_png((20, 140, 60))),
        )),
        Evidence("ocr", Status.ERROR, error="OCR model failed: " + SCRIPT, ms=9.0),
        Evidence("watermark", Status.TIMEOUT, error="stopped after 30 s", ms=30000.0),
    )
    media = MediaFile(Path("/newsroom/incoming/" + IMG + "图片.png"), SHA_AI, 1234, "image/png", family="png")
    return Report(media, evidence, fuse(evidence), "2026-11-21T08:00:00+00:00")


def clean_report(lang: str = "en") -> Report:
    evidence = (Evidence("file", Status.OK, facts={"size": 10}, ms=0.1),)
    media = MediaFile(Path("clean.jpg"), SHA_CLEAN, 10, "image/jpeg", family="jpeg")
    return Report(media, evidence, fuse(evidence), "2026-11-21T08:00:01+00:00")


def files(lang: str = "en") -> list[dict]:
    return [file_dict(ai_report(lang), embed_attachments=True, lang=lang),
            file_dict(clean_report(lang), embed_attachments=True, lang=lang)]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


# ---- labels and images ---------------------------------------------------------------------


def test_every_report_label_exists_in_both_languages() -> None:
    keys = [k for k in TEXT if k.startswith("report.")]
    assert "report.title" in keys
    for key in keys:
        assert all(text.strip() for text in TEXT[key]), key


def test_images_are_identified_from_the_bytes() -> None:
    assert images.identify(make_png(size=(48, 32))) == images.ImageInfo("image/png", 48, 32)
    assert images.identify(make_jpeg((40, 30))) == images.ImageInfo("image/jpeg", 40, 30)
    assert images.identify(b"\x89PNG\r\n\x1a\n<script>") is None
    assert images.identify(b"\xff\xd8\xff\xe0<html>") is None
    assert images.identify(make_png()[:-12]) is None  # truncated: no IEND
    assert images.identify(b"GIF89a" + b"\0" * 40) is None
    assert images.identify(b"") is None
    huge = bytearray(make_png())
    huge[16:24] = (100_000).to_bytes(4, "big") * 2
    assert images.identify(bytes(huge)) is None


# ---- HTML ----------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


SAFE_TAGS = {"html", "head", "meta", "title", "style", "body", "section", "h1", "h2", "h3", "h4", "p", "table",
             "thead", "tbody", "tr", "th", "td", "ul", "li", "span", "div", "figure", "img", "figcaption"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_report_content_and_escaping(lang: str) -> None:
    doc = html_report.render(outline.build(TOOL, files(lang), lang))
    parsed = _Collector()
    parsed.feed(doc)
    text = "".join(parsed.text)

    # nothing from the files became markup: only our tags, no handlers, no links, images only data:png/jpeg
    assert {t for t, _ in parsed.tags} <= SAFE_TAGS
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on") and name not in ("href", "srcset", "action", "formaction"), (tag, name)
            if tag == "img" and name == "src":
                assert re.fullmatch(r"data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+", value or "")
    assert "<script" not in doc.lower() and "<a " not in doc
    for hostile in (SCRIPT, IMG, BREAKOUT, "OCR model failed: " + SCRIPT):
        assert hostile in text  # shown literally
    assert "\x07" not in doc and "\x1b" not in doc and "\x00" not in doc and "\u202e" not in doc
    assert "bad\ufffdsurrogate" in text
    doc.encode("utf-8")  # no lone surrogate survived
    assert t("report.truncated", lang, n=5000 - outline.MAX_TEXT) in text

    # the content a journalist needs
    assert SHA_AI in text and SHA_CLEAN in text
    assert t("verdict.headline.ai_generated", lang) in text
    assert t("verdict.explanation.no_signals", lang) in text
    assert t("report.not_authenticity", lang) in text
    assert t("report.howto", lang) in text and t("report.howto_absence", lang) in text
    assert "c2pa-official" in text and "0123456789ab" in text and "c2pa-python 0.38.1" in text
    assert "stopped after 30 s" in text and t("status.timeout", lang) in text
    assert "Example Signer" in text and "2025-03-04T05:06:07Z" in text and "Image Generator 3" in text
    assert "reveals where the picture was taken" in text and "某某科技有限公司" in text
    # three real images (claim thumbnail, ingredient thumbnail, the mislabelled PNG), the fake one skipped
    assert sum(1 for t, _ in parsed.tags if t == "img") == 3
    assert "fake.png" in text and t("report.attachment_skipped", lang, name="fake.png",
                                           mime='image/png"><script>alert(4)</script>', size=len(FAKE_PNG)) in text
    assert 'lang="' + ("zh-Hans" if lang == "zh" else "en") + '"' in doc


def test_html_has_a_strict_content_security_policy() -> None:
    doc = html_report.render(outline.build(TOOL, files(), "en"))
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', doc)
    assert csp and doc.index(csp.group(0)) < doc.index("<style>")
    policy = csp.group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in policy and "script-src 'none'" in policy and "img-src data:" in policy
    assert "unsafe-inline" not in policy
    style = re.search(r"<style>(.*?)</style>", doc, re.S).group(1)
    import base64

    assert "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'" in policy
    assert " style=" not in doc


# ---- PDF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_report_content_and_escaping(lang: str) -> None:
    data = pdf_report.render(outline.build(TOOL, files(lang), lang))
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    text = pdf_text(data)
    flat = re.sub(r"\s+", "", text)
    assert SHA_AI in flat and SHA_CLEAN in flat
    assert re.sub(r"\s+", "", t("verdict.headline.ai_generated", lang)) in flat
    assert re.sub(r"\s+", "", t("report.not_authenticity", lang)) in flat
    assert re.sub(r"\s+", "", t("report.title", lang)) in flat
    assert re.sub(r"\s+", "", t("report.page", lang, n=1, total=len(reader.pages))) in flat
    assert "某某科技有限公司" in flat  # Chinese from a file renders in both languages
    for hostile in (SCRIPT, IMG, PDF_MARKUP):
        assert re.sub(r"\s+", "", hostile) in flat  # literally, not interpreted
    assert "bad\ufffdsurrogate" in flat
    for page in reader.pages:  # the <a href> in a value made no link
        assert "/Annots" not in page
    bookmarks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
    # one page per file after the cover, then the appendix: the tool (A0) and each file in full
    assert [t for t, _ in bookmarks] == ["1. " + IMG + "图片.png", "2. clean.jpg", t("report.appendix.tool", lang),
                                         t("report.appendix.file", lang, n=1, name=IMG + "图片.png"),
                                         t("report.appendix.file", lang, n=2, name="clean.jpg")]
    assert [p for _, p in bookmarks[:3]] == [1, 2, 3]  # each file's page is one page; the appendix starts after
    assert bookmarks[2][1] <= bookmarks[3][1] < bookmarks[4][1]
    n_images = sum(len(page.images) for page in reader.pages)
    assert n_images == 3  # the manifest's and the ingredient's thumbnails, and the picture behind a wrong type
    assert len(reader.pages) >= 4  # cover + one page per file + the appendix


def test_pdf_sets_hashes_in_monospace() -> None:
    f = pdf_report.fonts()
    markup = pdf_report._markup(SHA_AI, f, mono=True)
    assert markup == SHA_AI  # no font switch: the mono style's font carries it
    assert "&lt;b&gt;" in pdf_report._markup("<b>", f)
    assert f'<font face="{f.cjk}">中文</font>' in pdf_report._markup("a中文b", f)


def test_pdf_renders_with_standard_and_cid_fonts_only() -> None:
    """Where no TrueType font is installed (a bare Windows or macOS), the built-in fonts are used."""
    bare = pdf_report.fonts((), (), ())
    assert (bare.body, bare.mono, bare.cjk) == ("Helvetica", "Courier", "STSong-Light")
    for lang in ("en", "zh"):
        data = pdf_report.render(outline.build(TOOL, files(lang), lang), bare)
        flat = re.sub(r"\s+", "", pdf_text(data))
        assert SHA_AI in flat and "某某科技有限公司" in flat
        assert re.sub(r"\s+", "", t("report.howto", lang)) in flat


# ---- shared behaviour ----------------------------------------------------------------------


def test_oversized_picture_is_left_out_with_a_note() -> None:
    big = make_png(size=(2500, 2000))
    ev = (Evidence("c2pa", Status.OK, attachments=(Attachment("big.png", "image/png", big),)),)
    d = file_dict(Report(MediaFile(Path("a.png"), SHA_AI, 1, "image/png"), ev, fuse(ev), "t"), embed_attachments=True)
    for lang in ("en", "zh"):
        page = html_report.render(outline.build(TOOL, [d], lang))
        assert "<img" not in page
        assert t("report.attachment_too_large", lang, name="big.png", mime="image/png", size=len(big), w=2500,
                        h=2000) in page


def test_unreadable_file_and_absurd_nesting_still_render(tmp_path: Path) -> None:
    deep: dict = {}
    cur = deep
    for _ in range(200):
        cur["x"] = {}
        cur = cur["x"]
    ev = (Evidence("metadata", Status.OK, facts={"deep": deep, "many": list(range(10_000))}),)
    media = MediaFile(Path("odd.bin"), SHA_CLEAN, 1, "application/octet-stream")
    d = file_dict(Report(media, ev, fuse(ev), "2026-11-21T08:00:00+00:00"))
    failed = failed_dict("missing/" + SCRIPT, "Permission denied: " + SCRIPT)
    for lang in ("en", "zh"):
        doc = outline.build(TOOL, [d, failed], lang)
        page = html_report.render(doc)
        assert t("report.too_deep", lang) in page
        assert t("report.more_items", lang, n=10_000 - outline.MAX_ITEMS) in page
        assert t("verdict.headline.unreadable", lang) in page and "Permission denied: &lt;script&gt;" in page
        flat = re.sub(r"\s+", "", pdf_text(pdf_report.render(doc)))
        assert re.sub(r"\s+", "", t("verdict.headline.unreadable", lang)) in flat


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.text(max_size=50))
def test_any_string_renders_in_both_formats(value: str, key: str) -> None:
    ev = (Evidence("metadata", Status.OK, signals=(
        Signal("iptc.ai", "metadata", value, Claim.AI_GENERATED, Basis.METADATA, Confidence.DECLARED, {key: value}),),
        facts={"fields": [{"group": key, "key": key, "value": value}]}),)
    media = MediaFile(Path(value or "x"), SHA_AI, 1, "image/png")
    d = file_dict(Report(media, ev, fuse(ev), "2026-11-21T08:00:00+00:00"))
    doc = outline.build(TOOL, [d], "zh")
    page = html_report.render(doc)
    page.encode("utf-8")
    parsed = _Collector()
    parsed.feed(page)
    assert {t for t, _ in parsed.tags} <= SAFE_TAGS
    assert SHA_AI in re.sub(r"\s+", "", pdf_text(pdf_report.render(doc)))


def test_render_write_dispatches_by_suffix(tmp_path: Path) -> None:
    fs = files()
    for name in ("r.json", "r.html", "r.HTM", "r.pdf"):
        render.write(tmp_path / name, TOOL, fs, "en")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert SHA_AI in (tmp_path / "r.html").read_text("utf-8")
    back = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert back["files"][0]["sha256"] == SHA_AI
    assert SURROGATE in back["files"][0]["signals"][0]["details"]["hostile"]  # a lone surrogate survives as \ud800
    with pytest.raises(ValueError, match="unsupported report format"):
        render.write(tmp_path / "r.docx", TOOL, fs, "en")
    assert not (tmp_path / "r.docx").exists()


# ---- CLI -----------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize("suffix", ["pdf", "html"])
def test_cli_report_leaves_the_input_alone(corpus: Path, tmp_path: Path, suffix: str) -> None:
    src = corpus / "c2pa" / "gen_ai_generated.jpg"
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    listing = sorted(p.name for p in src.parent.iterdir())
    out = tmp_path / f"r.{suffix}"
    proc = subprocess.run([sys.executable, "-m", "verifier", "report", str(src), "-o", str(out), "--lang", "zh"],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in src.parent.iterdir()) == listing
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, "r.json"])  # + its canonical JSON
    print_ = hashlib.sha256((tmp_path / "r.json").read_bytes()).hexdigest()
    if suffix == "pdf":
        text = re.sub(r"\s+", "", pdf_text(out.read_bytes()))
        assert before in text and "来源核查报告" in text and print_ in text
    else:
        page = out.read_text("utf-8")
        assert before in page and "来源核查报告" in page and print_ in page


def test_cli_report_never_overwrites_an_input(tmp_path: Path) -> None:
    from verifier.cli import EXIT_USAGE, main

    victim = tmp_path / "evidence.pdf"
    victim.write_bytes(b"%PDF-1.4 original evidence")
    assert main(["report", str(victim), "-o", str(victim), "--inline"]) == EXIT_USAGE
    assert victim.read_bytes() == b"%PDF-1.4 original evidence"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_verdict_text_names_the_trust_list_as_the_cli_does(lang: str) -> None:
    """The verdict text of a report comes from the same signals, details included, as scan --json."""
    from verifier.describe import describe

    expected = describe(ai_report(lang), lang).full_explanation
    assert expected == file_dict(ai_report(lang), lang=lang)["verdict"]["explanation"]
    assert "c2pa-official" in expected
    page = html_report.render(outline.build(TOOL, files(lang), lang))
    assert html.escape(expected, quote=False) in page or expected in page
