"""GB 45438 label parsing: both shapes, every real-world deviation, conformance findings."""

from __future__ import annotations

import html
import json

import pytest

from verifier.labels import gb45438, provider_code

from . import builders as b


def _collect(*cands):  # noqa: ANN002, ANN202
    return gb45438.collect(list(cands))


def _codes(label: gb45438.Label) -> set[str]:
    return {f["code"] for f in label.findings}


def test_wrapped_and_bare_shapes_read_the_same_label():
    (wrapped,) = _collect(("png:tEXt:Comment", "Comment", b.wrapped_json()))
    (bare,) = _collect(("png:tEXt:AIGC", "AIGC", b.label_json()))
    assert wrapped.shape == "wrapped" and bare.shape == "bare"
    assert wrapped.identity() == bare.identity()
    assert _codes(wrapped) == set() and _codes(bare) == set()


def test_conformant_label_has_no_findings_and_decodes_provider():
    (lab,) = _collect(("x", "AIGC", b.label_json(ContentPropagator="00119144030008867405X220001")))
    d = gb45438.details(lab)
    assert d["conformant"] is True
    assert d["producer"]["uscc"] == "91110102MACQD9K640"
    assert d["producer"]["service_type"] == "generation"
    assert d["propagator"]["service_type"] == "propagation"
    assert "guess" in d["propagator"]["vendor_guess"] and d["propagator"]["vendor_guess_verified"] is False


def test_any_key_order():
    obj = dict(reversed(list(b.SEVEN.items())))
    (lab,) = _collect(("x", "AIGC", json.dumps(obj)))
    assert lab.label_value == "1" and not lab.findings


def test_label_as_number_is_a_non_string_finding():
    (lab,) = _collect(("x", "AIGC", b.label_json(Label=1)))
    assert lab.label_value == "1"
    assert "non_string" in _codes(lab)


def test_minimax_label_aigc_and_product_names():
    (lab,) = _collect(("md:front-matter", "AIGC",
                       {"ContentProducer": "Minimax Agent AI", "ContentPropagator": "Minimax Agent AI",
                        "Label": "AIGC", "ProduceID": "0" * 32, "PropagateID": "0" * 32,
                        "ReservedCode1": "30450221", "ReservedCode2": "30440220"}))
    codes = _codes(lab)
    assert {"label_value", "provider_name", "charset"} <= codes  # spaces in the names
    assert "AI-generated" in lab.meaning


@pytest.mark.parametrize("name,who", [("doubao", "Doubao"), ("kling", "Kling"), ("MiniMax", "MiniMax"),
                                      ("picwish", "PicWish"), ("RunningHub", "RunningHub")])
def test_bare_product_name_producer(name, who):
    (lab,) = _collect(("x", "AIGC", b.label_json(ContentProducer=name)))
    assert "provider_name" in _codes(lab)
    producer = gb45438.details(lab)["producer"]
    assert (producer["form"], producer["value"], producer["vendor_guess_verified"]) == ("name", name, False)
    assert who in producer["vendor_guess"] and "possibly" in producer["vendor_guess"]


def test_unknown_name_producer_has_no_guess():
    (lab,) = _collect(("x", "AIGC", b.label_json(ContentProducer="SomeStudio")))
    assert gb45438.details(lab)["producer"] == {"form": "name", "value": "SomeStudio"}


def test_json_null_values():
    (lab,) = _collect(("x", "AIGC", b.label_json(ContentPropagator=None, PropagateID=None)))
    assert "non_string" in _codes(lab)


def test_missing_and_extra_keys():
    (lab,) = _collect(("x", "AIGC", b.label_json(ReservedCode2=..., Extra="y")))
    assert {"missing_keys", "extra_keys"} <= _codes(lab)


def test_chinese_company_name_breaks_charset():
    (lab,) = _collect(("x", "AIGC", b.label_json(ContentProducer="北京某某科技有限公司")))
    assert {"charset", "provider_name"} <= _codes(lab)


def test_backslash_and_space_break_charset():
    (lab,) = _collect(("x", "AIGC", b.label_json(ProduceID="a b\\c")))
    assert "charset" in _codes(lab)


@pytest.mark.parametrize("times", [1, 2])
def test_html_escaped_json(times):
    text = b.label_json()
    for _ in range(times):
        text = html.escape(text)
    (lab,) = _collect(("x", "TC260:AIGC", text))
    assert lab.label_value == "1"


def test_json_encoded_twice():
    (lab,) = _collect(("x", "AIGC", json.dumps(b.label_json())))
    assert lab.label_value == "1"


def test_field_name_without_aigc_is_a_finding():
    (lab,) = _collect(("jpeg:EXIF:ImageDescription", "ImageDescription", b.label_json()))
    assert "field_name" in _codes(lab)


def test_tencent_keys_in_image_description():
    value = json.dumps({"ServiceProvider": "腾讯云", "ServiceUser": "100000001", "Time": "1735000000",
                        "ContentId": "abc", "AIGC": json.loads(b.label_json())}, ensure_ascii=False)
    (lab,) = _collect(("jpeg:EXIF:ImageDescription", "ImageDescription", value))
    assert lab.shape == "wrapped" and lab.label_value == "1"
    assert "extra_keys" in _codes(lab)
    only_tencent = json.dumps({"ServiceProvider": "Tencent", "ServiceUser": "1", "Time": "2", "ContentId": "3"})
    (lab2,) = _collect(("jpeg:EXIF:ImageDescription", "ImageDescription", only_tencent))
    assert lab2.shape == "tencent" and {"vendor_keys", "missing_keys"} <= _codes(lab2)


def test_two_different_labels_are_flagged_same_label_twice_is_not():
    labs = _collect(("a", "AIGC", b.label_json()), ("b", "AIGC", b.label_json(ProduceID="other")),
                    ("c", "AIGC", b.label_json()))
    assert len(labs) == 2
    assert all("multiple_labels" in _codes(lab) for lab in labs)
    assert labs[0].placements == ["a", "c"]


@pytest.mark.parametrize("value", [
    "This photo discusses AIGC art and its rules",
    "AIGC",
    '{"title": "AIGC conference", "year": "2025"}',
    "{not json",
    "",
])
def test_prose_and_unrelated_json_are_not_labels(value):
    assert _collect(("x", "AIGC", value), ("y", "Comment", value)) == []


def test_uscc_check_character():
    assert provider_code.uscc_check_ok("91440300708461136T")
    assert not provider_code.uscc_check_ok("91440300708461136X")
    (lab,) = _collect(("x", "AIGC", b.label_json(ContentProducer="001191440300708461136X10001")))
    assert "uscc_check" in _codes(lab)


def test_malformed_code():
    d = provider_code.decode("0011914403007084611361X0001")
    assert d["form"] == "malformed code"
