"""Presenters turn Reports into rows without any widget (and without a QApplication)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.ui import reports
from ui import presenters
from ui.entry import FileEntry, State
from verifier.evidence import Evidence, Status

ROOT = Path(__file__).resolve().parents[2]


def entry_of(report) -> FileEntry:
    return FileEntry(1, report.media.path, report.media, tuple(e.detector for e in report.evidence),
                     {e.detector: e for e in report.evidence}, report)


def test_presenters_need_no_qapplication():
    code = ("from PySide6.QtCore import QCoreApplication\n"
            "from tests.ui import reports\n"
            "from ui import presenters\n"
            "from ui.entry import FileEntry\n"
            "r = reports.chatgpt()\n"
            "e = FileEntry(1, r.media.path, r.media, (), {x.detector: x for x in r.evidence}, r)\n"
            "v = presenters.banner_view(e)\n"
            "assert QCoreApplication.instance() is None\n"
            "print(v.headline, '|', v.strength, '|', len(presenters.c2pa_view(r.evidence[1]).manifests))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Declared or detected as AI-generated | Signed by Truepic Lens CLI in Sora | 1"


def test_no_signals_is_never_called_authentic():
    view = presenters.banner_view(entry_of(reports.no_signals()))
    assert view.headline == "No provenance signals found — this is not evidence that the file is authentic"
    assert "authentic" not in view.explanation.replace("not evidence", "")


def test_strength_wording_per_basis():
    assert presenters.banner_view(entry_of(reports.ai_possible())).strength == \
        "Declared in unsigned metadata: anyone can add or remove this"
    assert presenters.banner_view(entry_of(reports.doubao())).strength == "Visible label in the content"
    signed = presenters.banner_view(entry_of(reports.signed()))
    assert signed.strength == "Signed by Nikon Corporation"
    assert "The signer is on a trust list." in signed.notes


def test_unchecked_lists_each_error():
    view = presenters.banner_view(entry_of(reports.malformed()))
    assert [(r.label, r.value) for r in view.unchecked] == [
        ("Metadata labels", "PNG chunk length runs past the end of the file"),
        ("Content Credentials (C2PA)", "did not finish within 30 s and was stopped"),
        ("Invisible watermarks", "cancelled"),
    ]


def test_overview_separates_weak_from_signed():
    groups = presenters.overview_groups(reports.chatgpt().signals + reports.ai_possible().signals)
    keys = [g.key for g in groups]
    assert keys == ["signed", "weak", "info"]
    assert [r.title for r in groups[0].rows] == ["C2PA: declared AI-generated"]
    assert groups[1].rows[0].confidence == "possible"


def test_c2pa_tree_nests_the_ingredient_manifest_with_its_ai_tool():
    view = presenters.c2pa_view(reports.chatgpt().evidence[1])
    assert [r.value for r in view.summary if r.label == "AI tool used (any manifest)"] == ["GPT-4o"]
    (active,) = view.manifests  # the parent manifest is shown inside its ingredient, not repeated
    ingredients = next(n for n in active.children if n.key == "Ingredients")
    (ing,) = ingredients.children
    assert ing.thumbnail == "ingredient-thumb"
    nested = next(n for n in ing.children if n.key == "ingredient.png")
    assert ("AI tool used", "GPT-4o") in [(n.key, n.value) for n in nested.children]
    actions = next(n for n in nested.children if n.key == "Actions")
    assert "trainedAlgorithmicMedia" in actions.children[0].value
    assert view.status_codes[0].label == "signingCredential.untrusted"


def test_c2pa_cycles_and_unknown_shapes_do_not_break():
    facts = {"state": "weird", "manifests": [
        {"label": "a", "ingredients": [{"title": "b", "active_manifest": "b"}], "novel": {"x": [1, 2]}},
        {"label": "b", "ingredients": [{"title": "a", "active_manifest": "a"}]},
        "not a dict"], "status_codes": ["bare-code"], "extra_number": 3}
    view = presenters.c2pa_view(Evidence("c2pa", Status.OK, facts=facts))
    assert view.available
    assert ("Validation", "weird") in [(r.label, r.value) for r in view.summary]
    assert ("extra_number", "3") in [(r.label, r.value) for r in view.summary]
    assert view.status_codes[0].label == "bare-code"
    other = next(n for n in view.manifests[0].children if n.key == "Other fields")
    assert other.children[0].key == "novel"


def test_gb_label_shows_seven_keys_in_order_then_the_rest():
    (section,) = presenters.ai_label_sections(reports.doubao().signals)
    keys = [n.key for n in section.children]
    assert keys[:7] == ["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator",
                        "PropagateID", "ReservedCode2"]
    assert section.children[0].value == "1 — AI-generated"
    assert "Where in the file" in keys and "Provider code decoded" in keys and "Conformance findings" in keys
    provider = next(n for n in section.children if n.key == "Provider code decoded")
    assert ("uscc", "9144030008867405X2") in [(n.key, n.value) for n in provider.children]


def test_generic_tree_is_bounded():
    deep: dict = {}
    cur = deep
    for _ in range(50):
        cur["k"] = {}
        cur = cur["k"]
    node = presenters.tree(deep)
    depth = 0
    while node.children:
        node = node.children[0]
        depth += 1
    assert depth <= presenters.MAX_DEPTH
    wide = presenters.tree(list(range(10_000)))
    assert len(wide.children) <= presenters.MAX_NODES + 1
    assert len(presenters.text("x" * 50_000)) < 21_000


def test_metadata_and_privacy_rows_read_defensively():
    ev = Evidence("metadata", Status.OK, facts={
        "fields": [{"group": "EXIF", "key": "Artist", "value": "Jane"}, "junk", {"key": "NoGroup", "value": [1, 2]}],
        "privacy": [{"field": "GPS", "value": {"lat": 1}, "why": "location"}, None]})
    assert presenters.metadata_rows(ev) == (("EXIF", "Artist", "Jane"), ("", "NoGroup", "[1, 2]"))
    assert presenters.privacy_rows(ev) == (("GPS", '{"lat": 1}', "location"),)
    assert presenters.metadata_rows(Evidence("metadata", Status.OK, facts={"fields": "nope"})) == ()


def test_progress_and_states():
    r = reports.no_signals()
    e = FileEntry(3, r.media.path)
    assert e.state is State.QUEUED and presenters.chip(e)[0] == "Waiting"
    e.media, e.detectors = r.media, ("file", "metadata", "c2pa")
    e.evidence["file"] = r.evidence[0]
    assert e.state is State.RUNNING and presenters.progress_text(e) == "1/3"
    assert presenters.banner_view(e).headline == "Analysing…"
    e.cancelled = True
    e.report = r
    assert e.state is State.CANCELLED and presenters.banner_view(e).headline == "Analysis cancelled"


def test_file_rows_flag_an_extension_mismatch():
    from verifier.evidence import MediaFile

    m = MediaFile(Path("/x/photo.jpg"), "00" * 32, 10, "image/png", "image/jpeg", "png")
    rows = presenters.file_rows(FileEntry(1, m.path, m))
    mismatch = next(r for r in rows if r.label == "Extension matches content")
    assert mismatch.note == "warning"
