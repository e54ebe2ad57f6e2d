"""The detector specs and signal kinds: complete, consistent, and the only way findings are built."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from verifier.advisory import advisory_detectors, is_advisory
from verifier.config import default_timeouts, profiles
from verifier.detectors import EVERY_FILE, NAMES, REGISTRY, builtin_detectors, kinds, refs_of, specs
from verifier.detectors.docs_table import markdown
from verifier.detectors.spec import VIEWS, DetectorSpec, SignalKind

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_registered_detector_declares_a_spec_under_its_own_name() -> None:
    dets = builtin_detectors()
    assert len(dets) == len(REGISTRY) == len(specs())
    assert [d.name for d in dets] == [s.name for s in specs()]
    assert list(NAMES) == [s.name for s in specs()]  # the names the command line knows unimported
    assert len({s.name for s in specs()}) == len(specs())
    for s in specs():
        assert isinstance(s, DetectorSpec) and s.view in VIEWS and s.timeout > 0
        assert s.title.en and CJK.search(s.title.zh), s.name


def test_the_every_file_checks_are_named_by_ref_without_importing_and_in_every_profile() -> None:
    from verifier.isolation import detector_ref

    assert refs_of(EVERY_FILE) == tuple(detector_ref(d) for d in builtin_detectors() if d.name in EVERY_FILE)
    assert refs_of(("c2pa", "no_such_check")) == refs_of(("c2pa",))
    for profile in profiles().values():
        assert profile.detectors is None or set(EVERY_FILE) <= profile.detectors


def test_derived_settings_match_the_specs() -> None:
    assert default_timeouts() == {s.name: s.timeout for s in specs()}
    assert advisory_detectors() == {"thumbnail", "double_jpeg", "recapture", "copy_move", "forensic_views", "forensic_faces",
                                    "reference"}
    assert is_advisory("reference") and not is_advisory("c2pa") and not is_advisory("no_such_check")
    assert profiles()["triage"].detectors == {"file", "metadata", "c2pa", "text_label", "container"}


def test_every_kind_is_declared_once_with_labelled_fields() -> None:
    all_kinds = [k for s in specs() for k in s.kinds]
    assert len({k.id for k in all_kinds}) == len(all_kinds) == len(kinds())
    for k in all_kinds:
        assert isinstance(k, SignalKind) and k.title.en and CJK.search(k.title.zh), k.id
        fields = k.details.field_info()
        assert fields, k.id
        for f in fields:
            assert f.label.en.strip() and f.label.zh.strip() and f.label.en != f.key, (k.id, f.key)


def test_details_are_built_through_their_kind() -> None:
    kind = kinds()["text.label"]
    assert kind.make(text="AI生成", line=3) == {"text": "AI生成", "line": 3}
    assert list(kind.make(line=3, text="x")) == ["line", "text"]  # the order given is the JSON's
    with pytest.raises(TypeError):
        kind.make(text="x", undeclared_key=1)
    with pytest.raises(FrozenInstanceError):
        kind.details(text="x").text = "y"  # type: ignore[misc]


def test_no_finding_is_built_with_a_bare_id() -> None:
    """Every Signal/Indicator in the core takes its id from a declared kind (``KIND.id``)."""
    bare = re.compile(r"\b(?:Signal|Indicator)\(\s*(?:id=)?\"")
    found = [f"{p.relative_to(ROOT)}" for p in (ROOT / "verifier").rglob("*.py") if bare.search(p.read_text("utf-8"))]
    assert not found, found


def test_the_docs_table_is_current() -> None:
    doc = ROOT / "docs" / "DETECTORS.md"
    assert doc.read_text("utf-8") == markdown(), "run: python -m verifier.detectors.docs_table > docs/DETECTORS.md"


def test_described_details_carry_their_labels_and_technical_flags() -> None:
    from verifier.describe.signals import items

    labelled = {i.label: i.technical for i in items({"ocr_score": 0.9, "text": "x"}, "en", kind="visible_label")}
    by_key = {f.key: f for f in kinds()["visible_label"].details.field_info()}
    assert labelled == {by_key["ocr_score"].label.en: True, by_key["text"].label.en: False}
    zh = [i.label for i in items({"ocr_score": 0.9}, "zh", kind="visible_label")]
    assert zh == [by_key["ocr_score"].label.zh]


def test_the_catalogue_does_not_repeat_a_label_a_signal_kind_declares() -> None:
    """One declaration per field: a detail label lives on its kind; the catalogue keeps only keys
    no kind declares, or words that differ on purpose (a facts key shared with another meaning)."""
    from verifier.describe import has, t
    from verifier.describe.kinds import shared_field_labels
    from verifier.describe.signals import detail_label

    repeated = [k for k, w in shared_field_labels().items()
                if has(f"detail.{k}") and (t(f"detail.{k}", "en"), t(f"detail.{k}", "zh")) == (w.en, w.zh)]
    assert not repeated, repeated
    assert detail_label("relative_height", "zh") == shared_field_labels()["relative_height"].zh


def test_spec_lookups_follow_the_registered_detectors(monkeypatch: pytest.MonkeyPatch) -> None:
    """specs(), spec_of(), kind() and describe's field labels are cached for speed; the cache must
    follow the registered set (a detector registered later is found, and gone once unregistered)."""
    from tests.throwaway import INK_MARK, SPEC, register
    from verifier.describe.kinds import field_label
    from verifier.detectors import kind, spec_of

    before = specs()
    assert spec_of(SPEC.name) is None and kind(INK_MARK.id) is None
    assert spec_of("c2pa") is next(s for s in before if s.name == "c2pa")
    with monkeypatch.context() as m:
        register(m)
        assert specs()[-1] is SPEC and len(specs()) == len(before) + 1
        assert spec_of(SPEC.name) is SPEC and kind(INK_MARK.id) is INK_MARK
        assert kinds()[INK_MARK.id] is INK_MARK
        key = INK_MARK.details.field_info()[0]
        assert field_label(INK_MARK.id, key.key, "zh") == key.label.zh
    assert specs() == before and spec_of(SPEC.name) is None and kind(INK_MARK.id) is None
    kinds()[INK_MARK.id] = INK_MARK  # a caller's copy: the registry itself is not changed
    assert kind(INK_MARK.id) is None
