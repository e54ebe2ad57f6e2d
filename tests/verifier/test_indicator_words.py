"""Advisory indicators and forensic views in words: the HTML/PDF report section (after the verdict
and the evidence, never inside the verdict), the CLI table note, both languages, file strings escaped."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from verifier.describe import t
from verifier.describe.catalogue_indicators import TEXT as INDICATOR_TEXT
from verifier.describe.indicators import describe_indicators, indicator_note
from verifier.describe.text import marking, unmarked
from verifier.evidence import Attachment, Evidence, Indicator, MediaFile, Report, Status
from verifier.report import html_report, outline, pdf_report
from verifier.report.json_report import file_dict
from verifier.table import row
from verifier.verdict import fuse

TOOL = {"name": "verifier", "version": "0.1.0", "c2pa_sdk": "c2pa-python", "trust_lists": []}
COPY = Indicator("forensic.copy_move", "copy_move", "a region of the picture repeats elsewhere in it",
                 {"boxes": [[20, 30, 80, 90], [200, 120, 260, 180]], "inliers": 57, "shift": [180.0, 90.0],
                  "scale": 1.0, "rotation_deg": 0.0})
DOUBLE = Indicator("forensic.double_jpeg", "double_jpeg", "compressed twice",
                   {"score": 0.8, "positions": 12, "votes": 9, "current_quality": 90, "primary_quality": 75})
THUMB = Indicator("forensic.thumbnail_mismatch", "thumbnail", "thumbnail differs",
                  {"difference": 0.71, "thumbnail_size": [160, 120]})
RECAPTURE = Indicator("forensic.recapture", "recapture", "screenshot",
                      {"hints": ["screen_size", "screenshot_tool"], "size": [1920, 1080], "tool": "<script>x</script>"})
MATCH = Indicator("reference.match", "reference", "matches a reference photo",
                  {"reference": "<b>press</b>/photo.jpg", "reference_sha256": "ab" * 32, "kind": "duplicate",
                   "box": [0, 0, 320, 240], "reference_box": [0, 0, 640, 480], "inliers": 310, "scale": 2.0,
                   "rotation_degrees": 0.0, "phash_distance": 2, "identical_bytes": False})
ALL = (COPY, DOUBLE, THUMB, RECAPTURE, MATCH)


def _png(size: tuple[int, int], grey: int) -> bytes:
    buf = io.BytesIO()
    Image.new("L", size, grey).save(buf, "PNG")
    return buf.getvalue()


def _report(indicators: tuple[Indicator, ...] = ALL, faces: dict | None = None) -> Report:
    media = MediaFile(Path("suspect.jpg"), "0" * 64, 1000, "image/jpeg")
    views = Evidence("forensic_views", Status.OK, facts={
        "size": [320, 240], "view_size": [320, 240], "error_level": {"quality": 90, "gain": 20},
        "noise_residual": {"filter": "median 3x3", "white_at": 3.0},
        "faces": faces or {"finder": "haarcascade_frontalface_default.xml", "found": 1,
                           "regions": [{"box": [10, 10, 60, 60], "pixels": 2500, "noise": 1.2,
                                        "grid_offset": [4, 4], "grid_strength": [1.3, 1.2]}],
                           "rest": {"pixels": 74300, "noise": 2.5, "grid_offset": [0, 0], "grid_strength": [1.8, 1.7]}}},
        attachments=(Attachment("error_level.png", "image/png", _png((320, 240), 20)),
                     Attachment("noise_residual.png", "image/png", _png((320, 240), 40)),
                     Attachment("faces.png", "image/png", _png((320, 240), 60))))
    evidence = (Evidence("file", Status.OK, facts={"supported": True}),
                Evidence("copy_move", Status.OK, indicators=indicators), views)
    return Report(media, evidence, fuse(evidence), "2026-01-01T00:00:00+00:00")


def _section(page: str, lang: str = "en") -> str:
    """The advisory section: from its heading to the checks' heading."""
    start = page.index(f"<h3>{t('indicator.heading', lang)}</h3>")
    return page[start:page.index(f"<h3>{t('report.checks', lang)}</h3>", start)]


def test_the_html_report_has_an_advisory_section_after_the_verdict_and_the_evidence() -> None:
    d = file_dict(_report(), embed_attachments=True)
    page = html_report.render(outline.build(TOOL, [d], "en"))
    verdict_at, signals_at = page.index("<h3>Verdict</h3>"), page.index("<h3>Signals</h3>")
    section_at = page.index("<h3>Advisory indicators</h3>")
    assert verdict_at < signals_at < section_at < page.index(f"<h3>{t('report.checks', 'en')}</h3>")
    section = _section(page)
    for title in ("A region repeats elsewhere in the picture", "Compressed as JPEG at least twice",
                  "The embedded thumbnail shows another picture", "Signs of a screenshot or a photo of a screen",
                  "Shares pixels with a reference photo"):
        assert title in section
    assert "first at about quality 75" in section and "region A" in section and "Matching points" in section
    assert "a screenshot tool named in the metadata" in section  # hint codes worded
    assert "never change the verdict" in section
    assert "&lt;b&gt;press&lt;/b&gt;/photo.jpg" in section and "<b>press" not in page  # escaped
    assert "&lt;script&gt;" in section and "<script>x" not in page
    assert section.count("<img ") == 3 and "Error levels" in section and "Noise residual" in section
    assert "Face 1" in section and "Rest of the picture" in section and "JPEG grid offset (x, y)" in section
    verdict = page[verdict_at:signals_at]
    assert not any(w in verdict for w in ("repeats", "twice", "thumbnail", "screenshot", "reference", "Face"))


def test_the_views_facts_are_not_repeated_raw_in_the_facts_section() -> None:
    page = html_report.render(outline.build(TOOL, [file_dict(_report(), embed_attachments=True)], "en"))
    assert "white_at" not in page and "view_size" not in page


def test_a_file_without_indicators_says_so_and_still_shows_the_views() -> None:
    page = html_report.render(outline.build(TOOL, [file_dict(_report(()), embed_attachments=True)], "en"))
    section = _section(page)
    assert "No indicator was raised" in section and section.count("<img ") == 3


def test_a_file_no_forensic_check_ran_on_has_no_section() -> None:
    media = MediaFile(Path("memo.pdf"), "0" * 64, 10, "application/pdf")
    evidence = (Evidence("file", Status.OK, facts={"supported": True}), Evidence("copy_move", Status.NOT_APPLICABLE))
    d = file_dict(Report(media, evidence, fuse(evidence), "2026-01-01T00:00:00+00:00"))
    assert "Advisory indicators" not in html_report.render(outline.build(TOOL, [d], "en"))
    assert indicator_note(d, "en") == ""


def test_the_pdf_report_carries_the_section() -> None:
    data = pdf_report.render(outline.build(TOOL, [file_dict(_report(), embed_attachments=True)], "en"))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Advisory indicators" in text and "A region repeats elsewhere" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_and_json_dict_are_worded_alike(lang: str) -> None:
    r = _report()
    assert describe_indicators(r, lang) == describe_indicators(file_dict(r), lang)


def test_the_cli_table_carries_a_short_note_after_the_verdict() -> None:
    first, *under = row(file_dict(_report()), "en").split("\n")
    assert under and all(u.startswith("    ~ ") for u in under)  # a reference match is also told in full below
    assert first.endswith("~ indicators: copy-move, double JPEG, thumbnail differs, screenshot/recapture, "
                         "reference match")
    assert "指标：区域复制、JPEG 二次压缩" in row(file_dict(_report()), "zh")
    assert "indicators" not in row(file_dict(_report(())), "en")


def test_chinese_report_section_has_no_raw_key_or_english() -> None:
    from tests.conformance.chinese import foreign

    with marking():
        page = html_report.render(outline.build(TOOL, [file_dict(_report(), embed_attachments=True)], "zh"))
    text = re.sub(r"<[^>]+>", " ", re.sub(r'(src|alt)="[^"]*"', "", _section(page, "zh")))
    words = foreign(html.unescape(text))
    assert not words, words


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_indicator_detail_key_is_labelled(lang: str) -> None:
    with marking():
        words = describe_indicators(_report(), lang)
    labels = [it.label for i in words.indicators for it in i.items] + [
        c.label for it in words.faces for c in it.children]
    assert labels and not any("_" in unmarked(x) or "\ue000" in x for x in labels), labels


def test_the_catalogue_group_has_both_languages_with_the_same_placeholders() -> None:
    for key, (en, zh) in INDICATOR_TEXT.items():
        assert en and zh, key
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", zh)), key
        for word in ("fake", "authentic", "genuine", "forged"):
            assert word not in en.replace("do not say that a file is fake or authentic", ""), key
