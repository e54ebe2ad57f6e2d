"""Panels shown with Reports built in code, in the shapes the detectors publish."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItemIterator

from tests.ui import reports
from tests.ui.reports import entry_of
from ui.entry import FileEntry
from ui.widgets.report_view import ReportView
from verifier.evidence import (
    Attachment,
    Basis,
    Claim,
    Confidence,
    Evidence,
    MediaFile,
    Report,
    Signal,
    Status,
)
from verifier.verdict import fuse


def tree_rows(tree: QTreeWidget) -> list[tuple[str, str]]:
    out = []
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        out.append((item.text(0), item.text(1)))
        it += 1
    return out


def banner_text(view: ReportView) -> str:
    b = view.banner
    return "\n".join(w.text() for w in (b.headline, b.strength, b.explanation, b.notes, b.unchecked) if w.isVisibleTo(b))


def test_doubao_gb_label_and_boxed_visible_label(view, tmp_path, qtbot):
    view.set_entry(entry_of(reports.doubao(reports.picture(tmp_path))))
    qtbot.waitUntil(lambda: view.watermarks._pixmap is not None)  # decoded off the GUI thread
    assert view.banner.headline.text() == "Declared or detected as AI-generated"
    assert view.banner.strength.text() == "Visible label in the content"
    rows = tree_rows(view.ai_labels.tree)
    assert ("Content producer (ContentProducer)", "00119144030008867405X210001") in rows
    assert ("AI content flag (Label)", "1 — AI-generated") in rows
    assert ("Where in the file", "png:tEXt:AIGC") in rows
    assert ("Text read", "豆包AI生成") in tree_rows(view.watermarks.tree)
    pm = view.watermarks._pixmap
    assert pm is not None and (pm.width(), pm.height()) == (320, 240)
    img = pm.toImage()
    assert QColor(img.pixel(40, 170)).red() > 200 and QColor(img.pixel(40, 170)).green() < 100  # the box edge
    assert QColor(img.pixel(160, 170)).green() > 200  # inside the box: the picture, untouched
    crops = [(k, v) for k, v in tree_rows(view.watermarks.tree) if k == "Picture kept as evidence"]
    assert crops == [("Picture kept as evidence", "crop of '豆包AI生成'")]
    groups = [view.overview.tree.topLevelItem(i).text(0).split(" — ")[0]
              for i in range(view.overview.tree.topLevelItemCount())]
    assert groups == ["Visible label", "Unsigned declarations"]


def test_boxes_given_as_corners_still_land_on_the_label():
    from ui.presenters import Box
    from ui.widgets.watermark_panel import as_xywh

    assert as_xywh(Box(40, 140, 240, 60, ""), 320, 240) == (40, 140, 240, 60)
    assert as_xywh(Box(250, 200, 310, 230, ""), 320, 240) == (250, 200, 60, 30)  # corners: x+w would overflow


def test_chatgpt_ai_in_ingredient_manifest(view):
    view.set_entry(entry_of(reports.chatgpt()))
    assert view.banner.headline.text() == "Declared or detected as AI-generated"
    assert view.banner.strength.text() == "Signed by Truepic Lens CLI in Sora (OpenAI)"
    rows = tree_rows(view.c2pa.manifests)
    assert ("AI tool used", "GPT-4o") in rows
    assert ("Issued by", "OpenAI") in rows
    it = QTreeWidgetItemIterator(view.c2pa.manifests)
    thumbs = []
    while it.value():
        if it.value().text(0) == "ingredient.png" and it.value().text(1) == "parentOf":
            thumbs.append(not it.value().icon(0).isNull())
        it += 1
    assert thumbs == [True]
    assert tree_rows(view.c2pa.codes) == [("signingCredential.untrusted", "signing certificate untrusted")]


def test_tampered_credentials(view):
    view.set_entry(entry_of(reports.tampered()))
    assert view.banner.headline.text() == "Content Credentials fail validation: altered after signing"
    assert not view.banner.strength.isVisibleTo(view.banner)
    assert "changed after signing" in view.banner.explanation.text()
    assert not view.banner.notes.isVisibleTo(view.banner)  # said once, not twice
    assert ("assertion.dataHash.mismatch", "asset hash does not match the signed hash") in tree_rows(view.c2pa.codes)
    form = view.c2pa.form
    labels = [form.itemAt(i, form.ItemRole.FieldRole).widget().text() for i in range(form.rowCount())]
    assert "invalid: altered after signing" in labels


def test_a_bad_signing_certificate_is_not_called_tampering(view):
    view.set_entry(entry_of(reports.bad_certificate()))
    assert view.banner.headline.text() == "Declared as edited with AI"
    notes = view.banner.notes.text()
    assert "signing certificate is not valid for C2PA" in notes and "no proof of tampering" in notes
    assert "altered" not in banner_text(view)
    form = view.c2pa.form
    labels = [form.itemAt(i, form.ItemRole.FieldRole).widget().text() for i in range(form.rowCount())]
    assert "invalid: signing certificate not valid for C2PA" in labels


def test_credentials_invalid_by_certificate_alone(view):
    r = reports.bad_certificate()
    ev = next(e for e in r.evidence if e.detector == "c2pa")
    only_cert = Evidence("c2pa", Status.OK, signals=ev.signals[:2], facts=ev.facts)
    view.set_entry(entry_of(reports.report(r.media, only_cert)))
    assert view.banner.headline.text() == "Content Credentials fail validation: the signing certificate is not valid for C2PA"
    assert "no proof that the file was changed" in view.banner.explanation.text()


def test_no_signals(view):
    view.set_entry(entry_of(reports.no_signals()))
    assert view.banner.headline.text() == \
        "No provenance signals found — this is not evidence that the file is authentic"
    assert view.overview.empty.text() == "No signals found."
    assert view.c2pa.message.text() == "No Content Credentials in this file."


def test_malformed_file_lists_checks_not_run(view):
    view.set_entry(entry_of(reports.malformed()))
    text = banner_text(view)
    assert view.banner.headline.text() == "Could not be fully analysed"
    assert "Metadata labels: PNG chunk length runs past the end of the file" in text
    assert "Content Credentials (C2PA): did not finish within 30 s and was stopped" in text
    assert "Invisible watermarks: cancelled" in text
    assert view.c2pa.message.text().startswith("The check could not run: did not finish")
    checks = tree_rows(view.details.checks)
    assert ("Metadata labels", "failed") in checks


INJECTION = ["<img src=x>", "<b>x</b>", "<a href='http://evil'>click</a>", "<script>alert(1)</script>"]


def hostile_report() -> Report:
    m = MediaFile(Path("/evidence/<img src=x>name.png"), "ef" * 32, 10, "image/png", "image/png", "png")
    sig = Signal("generator.metadata", "metadata", "<b>x</b> summary", Claim.AI_GENERATED, Basis.METADATA,
                 Confidence.DECLARED, {"generator": "<img src=x>", "prompt": "<b>x</b> a cat"})
    meta = Evidence("metadata", Status.OK, signals=(sig,), facts={
        "fields": [{"group": "PNG:tEXt", "key": f"k{i}", "value": v} for i, v in enumerate(INJECTION)],
        "privacy": [{"field": "<b>x</b>", "value": "<img src=x>", "why": "<i>why</i>"}]})
    c2pa = Evidence("c2pa", Status.OK, signals=(Signal("c2pa.manifest", "c2pa", "m"),), facts={
        "state": "<b>x</b>", "manifests": [{"label": "l", "title": "<img src=x>", "is_active": True,
                                            "signer": {"common_name": "<b>x</b>"}}]})
    vis = Evidence("visible_label", Status.ERROR, error="<b>x</b> failed")
    ev = (Evidence("file", Status.OK, facts={"sha256": m.sha256, "sniff_note": "<img src=x>"}), meta, c2pa, vis)
    return Report(m, ev, fuse(ev), "2026-11-21T08:00:00+00:00")


def test_file_strings_are_shown_as_plain_text(view):
    view.set_entry(entry_of(hostile_report()))
    shown = []
    for label in view.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
            shown.append(label.text())
    joined = "\n".join(shown)
    for needle in ("<b>x</b>", "<img src=x>", "<img src=x>name.png", "<b>x</b> failed"):
        assert needle in joined
    assert "Signed by" not in joined  # an invalid or unverifiable manifest never reads as a signature
    assert [r[2] for r in view.metadata.table.visible_rows()] == INJECTION
    assert view.privacy.table.visible_rows() == [["<b>x</b>", "<img src=x>", "<i>why</i>"]]
    assert ("Generator", "<img src=x>") in tree_rows(view.ai_labels.tree)
    assert view.ai_labels.prompt.toPlainText() == "<b>x</b> a cat"
    assert any(t == "<img src=x>" for t, _ in tree_rows(view.c2pa.manifests))
    long = "<b>" + "y" * 100 + "</b>"
    view.metadata.table.set_rows((("g", "k", long),))
    tip = view.metadata.table.model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;" in tip and "<b>y" not in tip


def test_metadata_search_and_copy(view, qtbot):
    ev = Evidence("metadata", Status.OK, facts={"fields": [
        {"group": "EXIF", "key": "Make", "value": "Canon"}, {"group": "XMP", "key": "CreatorTool", "value": "Photoshop"},
        {"group": "XMP", "key": "Tab", "value": "a\tb"}]})
    m = reports.media("x.png")
    r = Report(m, (ev,), fuse((ev,)), "t")
    view.set_entry(entry_of(r))
    view.metadata.search.setText("photo")
    assert view.metadata.table.visible_rows() == [["XMP", "CreatorTool", "Photoshop"]]
    view.metadata.copy.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "XMP\tCreatorTool\tPhotoshop"
    view.metadata.search.clear()
    assert len(view.metadata.table.visible_rows()) == 3


def test_progressive_entry_shows_partial_findings(view):
    r = reports.doubao()
    e = FileEntry(1, r.media.path, r.media, ("file", "metadata", "visible_label", "c2pa"))
    e.evidence["metadata"] = r.evidence[1]
    view.set_entry(e)
    assert view.banner.headline.text() == "Analysing…"
    assert "1 of 4 checks done" in view.banner.explanation.text()
    assert ("Content producer (ContentProducer)", "00119144030008867405X210001") in tree_rows(view.ai_labels.tree)
    assert ("Content Credentials (C2PA)", "running…") in tree_rows(view.details.checks)


def test_unknown_detector_facts_appear_in_the_generic_tree(view):
    m = reports.media("a.wav", "audio/wav", family="riff")
    ev = (Evidence("audio_cue", Status.OK, facts={"rhythm": {"found": False, "scores": [0.1, 0.2]}},
                   attachments=(Attachment("spectrogram", "image/png", reports.png_bytes()),)),)
    view.set_entry(entry_of(Report(m, ev, fuse(ev), "t")))
    rows = tree_rows(view.details.facts)
    assert ("Audio label cue", "done") in rows
    assert ("Found", "no") in rows  # a known key is labelled ("detail.found"), an unknown one shown as is
    assert ("[2]", "0.2") in rows


def test_about_dialog_names_versions_and_trust_lists(qtbot):
    from ui.widgets.about_dialog import AboutDialog

    d = AboutDialog({"version": "0.1.0", "c2pa_sdk": "c2pa-python 0.38.1", "trust_lists": ["<b>x</b>@12"],
                     "python": "3.11"})
    qtbot.addWidget(d)
    texts = [w.text() for w in d.findChildren(QLabel)]
    assert "c2pa-python 0.38.1" in texts and "<b>x</b>@12" in texts
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in d.findChildren(QLabel))
    empty = AboutDialog({"trust_lists": []})
    qtbot.addWidget(empty)
    assert any(w.text().startswith("none: signatures can be checked") for w in empty.findChildren(QLabel))


def test_banner_is_announced_by_words_not_colour(view):
    view.set_entry(entry_of(reports.tampered()))
    assert view.banner.accessibleName() == "Content Credentials fail validation: altered after signing"
