"""The Overview's details pane, the banner's corroboration line, translated gists, icon and help."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLabel

from tests.ui import reports
from tests.ui.reports import entry_of
from ui import i18n, presenters
from ui.entry import FileEntry
from ui.widgets.report_view import ReportView
from verifier.describe import gist
from verifier.describe.verdict import also_lines
from verifier.evidence import Basis, Claim, Confidence, Evidence, Signal, Status

ROOT = Path(__file__).resolve().parents[2]




@pytest.fixture
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("en")


def pane_rows(view: ReportView) -> list[tuple[str, str]]:
    t = view.overview.details.table
    return [(t.item(r, 0).text(), t.item(r, 1).text()) for r in range(t.rowCount())]


def visible_signal(details: dict) -> Signal:
    return Signal("visible_label", "visible_label", "visible AI label", Claim.AI_GENERATED, Basis.VISIBLE,
                  Confidence.DETECTED, details)


# --------------------------------------------------------------------------- the details pane


def test_details_pane_shows_the_first_finding_in_full(view, qtbot):
    view.set_entry(entry_of(reports.doubao()))
    tree = view.overview.tree
    assert tree.currentItem() is tree.topLevelItem(0).child(0)  # the first finding, chosen for the reader
    rows = dict(pane_rows(view))
    assert rows["Finding"] == "Visible AI label in the picture"
    assert rows["Basis"] == "visible or audible label in the content"
    assert rows["Detector's own text (English)"] == "Visible label 豆包AI生成 bottom-right"
    assert rows["Meets the 5 % rule"] == "no"  # every key a detector writes in words, never the raw key
    assert rows["Box (pixels)"] == "40, 140, 240, 60"  # numbers inline
    assert rows["Height relative to shortest side"] == "4.1 %"
    assert rows["Position"] == "bottom right"
    assert not any("_" in label for label in rows)
    tree.setCurrentItem(tree.topLevelItem(1).child(0))  # the GB 45438 label
    rows = dict(pane_rows(view))
    assert rows["Finding"] == "GB 45438 implicit AI label in metadata"
    assert rows["Producer code decoded › Unified Social Credit Code (USCC)"] == "9144030008867405X2"
    assert rows["Producer code decoded › USCC check digit correct"] == "yes"
    assert rows["Producer's reserved field (ReservedCode1)"] == "(empty)"
    assert rows["Conformance findings"] == "ProduceID is not printable ASCII"
    assert rows["Producer code decoded › Guess verified"] == "no"
    assert rows["Shape"] == "wrapped"
    assert view.overview.details.heading.text() == "GB 45438 implicit AI label in metadata"
    tree.setCurrentItem(tree.topLevelItem(1))  # a group head: what the group means
    assert pane_rows(view)[0][0] == "Unsigned declarations"


def test_details_pane_keeps_the_chosen_finding_when_the_entry_refreshes(view):
    entry = entry_of(reports.doubao())
    view.set_entry(entry)
    view.overview.tree.setCurrentItem(view.overview.tree.topLevelItem(1).child(0))
    view.set_entry(entry)  # progressive updates rebuild the tree
    assert dict(pane_rows(view))["Finding"] == "GB 45438 implicit AI label in metadata"


def test_details_pane_follows_the_first_finding_until_the_reader_chooses(view):
    full = reports.doubao()
    metadata_only = FileEntry(1, full.media.path, full.media, ("metadata", "visible_label"),
                              {"metadata": full.evidence[1]}, None)
    view.set_entry(metadata_only)  # the metadata check finishes first
    assert dict(pane_rows(view))["Finding"] == "GB 45438 implicit AI label in metadata"
    view.set_entry(entry_of(full))  # then the visible label arrives, in a stronger group above it
    assert dict(pane_rows(view))["Finding"] == "Visible AI label in the picture"
    view.overview.tree.setCurrentItem(view.overview.tree.topLevelItem(1).child(0))  # the reader picks one
    view.set_entry(entry_of(full))
    assert dict(pane_rows(view))["Finding"] == "GB 45438 implicit AI label in metadata"
    other = entry_of(reports.doubao())
    view.set_entry(FileEntry(2, other.path, other.media, other.detectors, other.evidence, other.report))
    assert dict(pane_rows(view))["Finding"] == "Visible AI label in the picture"  # another file: its first


def test_details_pane_copies_key_value_lines(view, qtbot):
    view.set_entry(entry_of(reports.doubao()))
    pane = view.overview.details
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Finding: Visible AI label in the picture" in copied
    assert "Box (pixels): 40, 140, 240, 60" in copied
    pane.table.selectRow(0)
    pane.copy_selection()
    assert QGuiApplication.clipboard().text() == "Finding: Visible AI label in the picture"


def test_details_pane_wraps_long_values(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    long = "word " * 400
    m = reports.media("long.png")
    view.set_entry(entry_of(reports.report(m, Evidence("visible_label", Status.OK, signals=(
        visible_signal({"text": long}),)))))
    t = view.overview.details.table
    assert t.wordWrap()
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == "Text read")
    assert t.rowHeight(row) > 3 * t.fontMetrics().height()  # wrapped over several lines, not cut
    assert t.item(row, 1).text() == long


def test_details_pane_shows_hostile_strings_as_plain_text(view):
    hostile = {"<b>key</b>": "<img src=x onerror=alert(1)>", "lines": ["<b>a</b>", "b"],
               "nested": {"<i>k</i>": ["<a href=x>y</a>", 1]},
               "name": "cat\u202egpj.exe", "html": "<h1>big</h1>\n<table><tr><td>x"}
    sig = Signal("gb45438.label", "metadata", "<b>summary</b> <script>x</script>", Claim.AI_GENERATED,
                 Basis.METADATA, Confidence.DECLARED, hostile)
    view.set_entry(entry_of(reports.report(reports.media("x.png"), Evidence("metadata", Status.OK,
                                                                              signals=(sig,)))))
    rows = pane_rows(view)
    assert ("<b>key</b>", "<img src=x onerror=alert(1)>") in rows
    assert ("nested › <i>k</i>", "<a href=x>y</a>\n1") in rows
    assert ("Name", "cat\\u202egpj.exe") in rows  # a known key, labelled by the catalogue
    assert ("lines", "<b>a</b>\nb") in rows  # strings one per line  # a bidirectional override is shown, not obeyed
    assert ("Detector's own text (English)", "<b>summary</b> <script>x</script>") in rows
    assert ("html", "<h1>big</h1>\n<table><tr><td>x") in rows
    for label in view.overview.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    for r in range(view.overview.details.table.rowCount()):  # tool tips would guess rich text: none set
        assert not view.overview.details.table.item(r, 1).toolTip()


def test_details_pane_is_bounded_however_many_keys_a_detector_writes():
    sig = Signal("x.y", "metadata", "many", details={str(i): {"a": i, "b": [i, i]} for i in range(5000)})
    rows = presenters.finding_rows(sig)
    assert len(rows) < presenters.MAX_NODES + 20 and rows[-1].label == "…"


def test_details_flatten_bounded_and_name_nested_keys():
    sig = Signal("x.y", "t", "", details={"a": {"b": [{"c": 1}, {"c": 2}]}, "e": [], "f": {}, "g": None})
    rows = presenters.item_rows(presenters.DS.detail_items(sig, "en"))
    assert [(r.label, r.value) for r in rows] == [("a › b [1] › c", "1"), ("a › b [2] › c", "2"),
                                                  ("e", "(empty)"), ("f", "(empty)"), ("g", "not recorded")]
    deep: dict = {}
    cur = deep
    for _ in range(50):
        cur["k"] = {}
        cur = cur["k"]
    assert len(presenters.item_rows(presenters.DS.detail_items(Signal("x", "t", "", details=deep), "en"))) == 1
    many = presenters.item_rows(presenters.DS.detail_items(Signal("x", "t", "", details={str(i): i for i in
                                                                                          range(5000)}), "en"))
    assert len(many) <= presenters.MAX_NODES + 1 and many[-1].label == "…"


# --------------------------------------------------------------------------- the banner


def test_banner_says_other_bases_agree_and_the_size_rule(view):
    view.set_entry(entry_of(reports.doubao()))
    assert view.banner.strength.text() == "Visible label in the content"
    assert view.banner.also.isVisibleTo(view.banner)
    lines = view.banner.also.text().split("\n")
    assert lines == ["Also: declared in unsigned metadata (GB 45438 label)",
                     "The visible label's text is 4.1 % of the picture's shortest side: smaller than the 5 % "
                     "GB 45438 requires."]
    assert "Also: declared in unsigned metadata" in view.banner.accessibleDescription()


def test_banner_has_no_also_line_when_one_basis_stands_alone(view):
    for build in (reports.ai_modified, reports.signed, reports.no_signals, reports.tampered):
        view.set_entry(entry_of(build()))
        assert not view.banner.also.isVisibleTo(view.banner), build.__name__


@pytest.mark.parametrize("details, expected", [
    ({"relative_height": 0.062, "meets_5pct_rule": True}, "6.2 % of the picture's shortest side: it meets"),
    ({"meets_5pct_rule": True}, "The visible label meets the GB 45438 5 % size rule."),
    ({"relative_height": "big", "meets_5pct_rule": False}, "The visible label is smaller than"),
    ({"relative_height": 0.03, "meets_5pct_rule": None}, None),  # a logo: no text to measure
    ({"relative_height": 0.03, "meets_5pct_rule": "yes"}, None),  # not a boolean: say nothing
    ({}, None),
])
def test_size_rule_is_read_defensively(details, expected):
    m = reports.media("v.png")
    report = reports.report(m, Evidence("visible_label", Status.OK, signals=(visible_signal(details),)))
    lines = also_lines(list(report.signals), report.verdict, "en")
    if expected is None:
        assert lines == []
    else:
        assert len(lines) == 1 and expected in lines[0]


def test_also_line_ranks_bases_and_relates_other_ai_claims_apart():
    m = reports.media("many.png")
    wm = Signal("watermark.invisible", "watermark", "SynthID", Claim.AI_GENERATED, Basis.WATERMARK,
                Confidence.DETECTED, {"payload": "x", "z_score": 9.0})
    iptc = Signal("iptc.ai", "metadata", "iptc", Claim.AI_MODIFIED, Basis.METADATA, Confidence.DECLARED, {})
    c2pa = Signal("c2pa.ai_generated", "c2pa", "c2pa", Claim.AI_GENERATED, Basis.SIGNED, Confidence.DECLARED, {})
    report = reports.report(m, Evidence("watermark", Status.OK, signals=(wm,)),
                            Evidence("metadata", Status.OK, signals=(reports.gb_signal(), iptc)),
                            Evidence("c2pa", Status.OK, signals=(c2pa,)))
    assert report.verdict.strength is Basis.SIGNED
    assert also_lines(list(report.signals), report.verdict, "en") == [
        "Also: an invisible watermark in the content (invisible watermark); declared in unsigned metadata "
        "(GB 45438 label)",  # the AI-edit declaration is another claim: related, not corroboration
        "Related: declared in unsigned metadata (IPTC digital source type): edited or composited with AI"]


# --------------------------------------------------------------------------- translated gists


def test_chinese_overview_shows_translated_gists_and_keeps_the_detectors_text_in_details(view, chinese):
    view.set_entry(entry_of(reports.doubao()))
    tree = view.overview.tree
    first = tree.topLevelItem(0).child(0)
    assert first.text(0) == "画面中的显式 AI 标识"
    assert first.text(1) == "“豆包AI生成”，高度为最短边的 4.1 %"
    gb = tree.topLevelItem(1).child(0)
    assert gb.text(1) == "标识值 1 — 人工智能生成，位于 png:tEXt:AIGC"
    for i in range(tree.topLevelItemCount()):
        for j in range(tree.topLevelItem(i).childCount()):
            assert "GB 45438 implicit label" not in tree.topLevelItem(i).child(j).text(1)
    rows = dict(pane_rows(view))
    assert rows["检测器原文（英文）"] == "Visible label 豆包AI生成 bottom-right"
    assert rows["符合 5 % 规则"] == "否"
    assert rows["位置"] == "右下"
    assert view.banner.also.text().startswith("另有佐证：在未签名的元数据中声明（GB 45438 标识）")


def test_english_overview_keeps_the_detectors_summary(view):
    view.set_entry(entry_of(reports.doubao()))
    assert view.overview.tree.topLevelItem(0).child(0).text(1) == "Visible label 豆包AI生成 bottom-right"


@pytest.mark.parametrize("sid, details, claim, expected", [
    ("watermark.invisible", {"payload": "SynthID", "z_score": 7.25}, Claim.AI_GENERATED, "SynthID, z-score 7.2"),
    ("watermark.invisible", {"payload": "SynthID", "z_score": "high"}, Claim.AI_GENERATED, "Watermark: SynthID"),
    ("generator.metadata", {"generator": "ComfyUI"}, Claim.AI_GENERATED, "Generator: ComfyUI"),
    ("visible_label", {"logo": "Gemini sparkle"}, Claim.AI_GENERATED, "“Gemini sparkle”"),
    ("visible_label", "not a dict", Claim.AI_POSSIBLE, "Claims: possibly AI-generated"),
    ("c2pa.manifest", {}, Claim.NONE, "See the details below."),
])
def test_gists_read_details_defensively(sid, details, claim, expected):
    assert gist(Signal(sid, "t", "", claim, details=details), "en") == expected


# --------------------------------------------------------------------------- icon and help


def test_window_has_the_application_icon(make_app):
    app = make_app()
    icon = app.window.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).width() == 32
    for png in (ROOT / "resources" / "icons" / "verifier.png", ROOT / "ui" / "icons" / "verifier.png"):
        image = QImage(str(png))
        assert (image.width(), image.height()) == (256, 256), png
        assert image.pixelColor(128, 8).alpha() == 255 and image.pixelColor(0, 0).alpha() == 0


def test_help_explains_bases_absence_verdicts_and_privacy(make_app, qtbot):
    from ui.widgets.help_dialog import HelpDialog
    from verifier.describe import t
    from verifier.evidence import VerdictCode

    app = make_app()
    help_menu = app.window.menuBar().actions()[-1].menu()
    assert help_menu.actions()[0].text() == "How to read the results"
    dialog = HelpDialog(app.window)
    qtbot.addWidget(dialog)
    text = dialog.text()
    for needle in ("Signed", "Watermark", "Visible", "Metadata", "No signal is not proof", "never changed, moved, "
                   "uploaded"):
        assert needle in text
    for code in VerdictCode:
        assert t(f"verdict.headline.{code}", "en") in text


def test_help_speaks_chinese(make_app, qtbot):
    from ui.widgets.help_dialog import HelpDialog

    app = make_app("zh_CN")
    dialog = HelpDialog(app.window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "如何解读结果"
    assert "没有信号不等于证明" in dialog.text() and "无法完整分析" in dialog.text()


def test_chinese_label_and_watermark_panels_show_gists_not_english_summaries(view, chinese):
    view.set_entry(entry_of(reports.doubao()))
    heads = [view.watermarks.tree.topLevelItem(i) for i in range(view.watermarks.tree.topLevelItemCount())]
    visible = next(h for h in heads if h.text(0).startswith("画面中的显式 AI 标识"))
    assert visible.text(1) == "“豆包AI生成”，高度为最短边的 4.1 %"
    kids = {visible.child(i).text(0): visible.child(i).text(1) for i in range(visible.childCount())}
    assert kids["相对短边的高度"] == "4.1 %"
    assert kids["位置"] == "右下"
    label = view.ai_labels.tree.topLevelItem(0)
    assert label.text(1) == "标识值 1 — 人工智能生成，位于 png:tEXt:AIGC"


def test_flat_lists_have_no_branch_indent(view):
    assert not view.details.checks.rootIsDecorated()
    assert not view.c2pa.codes.rootIsDecorated()


def test_overview_tree_takes_the_height_its_findings_need(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    view.set_entry(entry_of(reports.doubao()))
    tree_height, pane_height = view.overview.split.sizes()
    assert 0 < tree_height < pane_height  # four rows do not need half the panel
    view.overview.split.splitterMoved.emit(300, 1)  # the reader drags the divider: their sizes stand
    view.overview.split.setSizes([400, 200])
    chosen = view.overview.split.sizes()
    assert chosen[0] > chosen[1]
    view.set_entry(entry_of(reports.doubao()))
    assert view.overview.split.sizes() == chosen


def test_no_signals_message_sits_at_the_top(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    view.set_entry(entry_of(reports.no_signals()))
    empty = view.overview.empty
    assert empty.isVisible() and not view.overview.split.isVisible()
    line = empty.fontMetrics().height()
    assert empty.contentsRect().height() < 3 * line or empty.alignment() & Qt.AlignmentFlag.AlignTop
    top_of_text = empty.mapTo(view.overview, empty.contentsRect().topLeft()).y()
    assert top_of_text < 3 * line


def test_icon_files_can_be_regenerated(qapp, tmp_path):
    from PIL import Image

    from ui.widgets import app_icon

    png = app_icon.write((tmp_path / "a" / "verifier.png",))[0]
    ico = app_icon.write_ico(tmp_path / "verifier.ico", png)
    assert QImage(str(png)).size().width() == 256
    with Image.open(ico) as im:
        assert {(16, 16), (32, 32), (256, 256)} <= set(im.info["sizes"])
    with Image.open(ROOT / "resources" / "icons" / "verifier.ico") as shipped:
        assert (256, 256) in shipped.info["sizes"]


def samsung_like():
    m = reports.media("samsung.png")
    c2pa = Evidence("c2pa", Status.OK, signals=(
        Signal("c2pa.manifest", "c2pa", "C2PA manifest store read", basis=Basis.SIGNED),
        Signal("c2pa.trusted", "c2pa", "signer on interim", details={"trust_list": "interim"}),
        Signal("c2pa.ai_modified", "c2pa", "AI edit", Claim.AI_MODIFIED, Basis.SIGNED, Confidence.DECLARED,
               {"action": "c2pa.edited", "software_agent": "Photo assist",
                "digital_source_type": "http://cv.iptc.org/newscodes/digitalsourcetype/"
                                       "compositeWithTrainedAlgorithmicMedia"})))
    vis = Evidence("visible_label", Status.OK, signals=(visible_signal(
        {"text": "Contenuti generati dall'AI", "relative_height": 0.019, "meets_5pct_rule": False}),))
    return reports.report(m, c2pa, vis)


def test_banner_relates_a_signed_ai_edit_under_a_visible_generated_label(view):
    report = samsung_like()
    assert report.verdict.strength is Basis.VISIBLE
    view.set_entry(entry_of(report))
    assert view.banner.also.text().split("\n") == [
        "Related: declared in signed Content Credentials (C2PA declaration): edited or composited with AI",
        "The visible label's text is 1.9 % of the picture's shortest side: smaller than the 5 % GB 45438 requires."]


def test_c2pa_ai_gist_names_source_type_and_agent(chinese):
    sig = samsung_like().signals[2]
    assert gist(sig, "zh") == "经人工智能编辑或合成（compositeWithTrainedAlgorithmicMedia），由 Photo assist 完成"
    assert gist(Signal("c2pa.ai_generated", "c2pa", "", Claim.AI_GENERATED,
                       details={"action": "c2pa.created", "software_agent": ["x"]}), "zh") == "创建（c2pa.created）"


def test_c2pa_manifest_gist_names_the_app_and_signer(chinese):
    sig = samsung_like().signals[0]
    def manifest(**details: object) -> Signal:
        return Signal(sig.id, "c2pa", "", sig.claim, details=details)

    assert gist(manifest(claim_generator="Galaxy S25", signer={"common_name": "Samsung"}), "zh") == \
        "使用 Galaxy S25 制作；签名者 Samsung"
    assert gist(manifest(claim_generator="Galaxy S25", signer=["x"]), "zh") == "使用 Galaxy S25 制作"
