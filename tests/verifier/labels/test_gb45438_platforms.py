"""GB 45438 labels as platforms actually write them (LABELS.md §1.7), and traces of label removal."""

from __future__ import annotations

import json

import pytest

from verifier.describe import detail_value
from verifier.labels import gb45438, security_data

from . import builders as b
from . import gen_builders as g

pytestmark = pytest.mark.timeout(60)
QWEN = {"ContentPropagator": "001191440101MA9Y9T4H7A00000", "Label": "1",
        "ProduceID": "u:100834564696/task:e5118399e50d44ca9b92b3205a6fe4b8"}
TENCENT_RC = json.dumps({"Type": " TC260PG", "AlgID": "sm3", "Value": "9f" * 32})
DER_SIG = ("3045022100d639570cae2b891d3dfbafb33ea9a08c1d382725292b465c54c38e389bcdf01d022069001e3b3124c3ac4513"
           "f9c254febe58556a4e3b7c712553907bd87e915dd347")
SECURITY_DATA = json.dumps({"SecurityData": {"Type": "TC260PG", "Version": 1, "PubSD": [
    {"Type": "DS", "AlgID": "1.2.156.10197.1.501", "TBSData": {"Type": "LabelMataData"}, "Signature": DER_SIG.upper()},
    {"Type": "PubKey", "AlgID": "1.2.156.10197.1.501", "KeyValue": "3059301306072A8648CE3D020106082A811CCF5501822D"
     "03420004" + "AB" * 64}]}})


def _label(f):  # noqa: ANN001, ANN202
    (sig,) = [s for s in f.signals if s.id == "gb45438.label"]
    return sig


def _codes(items) -> set[str]:  # noqa: ANN001
    return {i["code"] for i in items}


def test_qwen_sorted_keys_png_text(tmp_path, meta):
    f = meta(b.write(tmp_path, "q.png", b.make_png([b.text_chunk("AIGC", json.dumps(QWEN, separators=(",", ":")))])))
    d = _label(f).details
    assert str(_label(f).claim) == "ai_generated"
    assert {"sorted_keys", "produce_id_form"} <= _codes(d["observations"])
    assert "Qwen" in d["propagator"]["vendor_guess"]


def test_kling_nulls_and_id(tmp_path, meta):
    lab = {"Label": "1", "ContentProducer": "kling", "ProduceID": "KLingMuse_" + "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
           "ReservedCode1": None, "ContentPropagator": "kling", "PropagateID": None, "ReservedCode2": None}
    d = _label(meta(b.write(tmp_path, "k.png", b.make_png(after_idat=[b.text_chunk("AIGC", json.dumps(lab))])))).details
    assert {"null_values", "produce_id_form"} <= _codes(d["observations"])
    assert "ReservedCode1 is JSON null" in next(f["message"] for f in d["findings"] if f["code"] == "non_string")
    assert "Kling" in d["producer"]["vendor_guess"]


def test_minimax_name_label_aigc_and_der_signatures(tmp_path, meta):
    lab = {"Label": "AIGC", "ContentProducer": "MiniMax", "ProduceID": "06649909c7a9924cacafe995ce6d4656",
           "ReservedCode1": DER_SIG, "ContentPropagator": "MiniMax", "PropagateID": "06649909c7a9924cacafe995ce6d4656",
           "ReservedCode2": DER_SIG}
    sig = _label(meta(b.write(tmp_path, "m.png", b.make_png([b.itxt_chunk("AIGC", json.dumps(lab))]))))
    d = sig.details
    assert str(sig.claim) == "ai_generated" and "AIGC" in d["label_meaning"]
    assert {"label_value", "provider_name"} <= _codes(d["findings"])
    rc = d["reserved_codes"]["ReservedCode1"]
    assert rc["form"].startswith("signature, DER") and rc["bytes"] == 71 and rc["verified"] == "format_unconfirmed"


def test_securitydata_json_in_reserved_code():
    described = security_data.describe(SECURITY_DATA)
    assert described["form"].startswith("SecurityData") and described["type"] == "TC260PG"
    ds, key = described["entries"]
    assert ds["algorithm"].startswith("1.2.156.10197.1.501 = SM3withSM2") and ds["signs"] == "LabelMataData"
    assert ds["signature"] == "71 bytes, DER (r, s)" and key["key"] == "91 bytes"
    assert described["verified"] == "format_unconfirmed"  # a code; its words come from verifier.describe
    words = detail_value("verified", described["verified"], "en")
    assert "self-consistent" in words and "authentic" not in words


def test_tencent_escaped_securitydata_in_exif_usercomment(tmp_path, meta):
    label = {"AIGC": {"Label": "1", "ContentProducer": "001191440300708461136T1WFUO", "ProduceID": "abc123",
                      "ReservedCode1": TENCENT_RC, "ContentPropagator": "001191440300708461136T1WFUO",
                      "PropagateID": "abc123", "ReservedCode2": ""}}
    exif = g.tiff({}, {0x9286: g.user_comment(json.dumps(label), "ascii")}, ">")
    d = _label(meta(b.write(tmp_path, "t.jpg", g.jpeg_with_exif(exif)))).details
    rc = d["reserved_codes"]["ReservedCode1"]
    assert rc["type"] == "TC260PG" and rc["type_as_written"] == "' TC260PG'" and rc["algorithm"] == "sm3 = SM3 (hash)"
    assert "Tencent" in d["producer"]["vendor_guess"]


def test_iflytek_go_placeholder(tmp_path, meta):
    lab = {"AIGC": {"Label": "1", "ContentProducer": "001191340000711771143J10000", "ProduceID": "x1",
                    "ReservedCode1": "", "ContentPropagator": "001191340000711771143J10000",
                    "PropagateID": "%!s(MISSING)", "ReservedCode2": ""}}
    d = _label(meta(b.write(tmp_path, "i.png", b.make_png([b.text_chunk("AIGC", json.dumps(lab))])))).details
    assert "format_placeholder" in _codes(d["observations"])


@pytest.mark.parametrize("product,app", [("aweme", "Douyin"), ("doubao", "Doubao")])
@pytest.mark.parametrize("tag", [0x010E, 0x9286])
def test_bytedance_app_export_json_is_a_fact_not_a_label(tmp_path, meta, product, app, tag):
    data = json.dumps({"product": product, "aigc_info": json.dumps({"aigc_type": 1, "source_type": "ai_gen"}),
                       "uid": "123"})
    value = g.user_comment(data, "ascii") if tag == 0x9286 else data
    exif = g.tiff({tag: value} if tag == 0x010E else {}, {tag: value} if tag == 0x9286 else {}, "<")
    f = meta(b.write(tmp_path, "d.jpg", g.jpeg_with_exif(exif)))
    assert not [s for s in f.signals if s.id == "gb45438.label"]
    (fact,) = f.facts["app_declarations"]
    assert (fact["product"], fact["app"], fact["aigc_info"]["aigc_type"]) == (product, app, "1")
    assert "not a GB 45438 label" in fact["note"]


@pytest.mark.parametrize("value", ["", "{}", '{"AIGC":{}}', json.dumps({k: "" for k in b.SEVEN}),
                                   '{"AIGC":{"Label":"","ContentProducer":"","ProduceID":""}}'])
def test_empty_aigc_shell_is_a_trace_not_a_claim(tmp_path, meta, value):
    f = meta(b.write(tmp_path, "s.png", b.make_png([b.text_chunk("AIGC", value)])))
    assert f.signals == ()
    assert _codes(f.facts["label_traces"]) == {"empty_label"}


def test_empty_shell_next_to_a_label_is_a_finding(tmp_path, meta):
    chunks = [b.itxt_chunk("XML:com.adobe.xmp", b.xmp_element()), b.text_chunk("AIGC", "{}")]
    d = _label(meta(b.write(tmp_path, "s.png", b.make_png(chunks)))).details
    assert "wipe_traces" in _codes(d["findings"]) and d["conformant"] is False


def test_two_different_labels_name_what_differs(tmp_path, meta):
    chunks = [b.text_chunk("AIGC", b.label_json()), b.itxt_chunk("XML:com.adobe.xmp", b.xmp_element(
        b.label_json(Label="2", ProduceID="other")))]
    sigs = [s for s in meta(b.write(tmp_path, "two.png", b.make_png(chunks))).signals if s.id == "gb45438.label"]
    assert len(sigs) == 2
    msg = next(f["message"] for f in sigs[0].details["findings"] if f["code"] == "multiple_labels")
    assert "Label" in msg and "ProduceID" in msg


def test_label_chunk_with_bad_crc_is_a_trace(tmp_path, meta):
    good = b.text_chunk("AIGC", b.label_json())
    bad = good[:-4] + bytes([good[-4] ^ 0xFF]) + good[-3:]
    f = meta(b.write(tmp_path, "crc.png", b.make_png([bad])))
    d = _label(f).details
    assert "wipe_traces" in _codes(d["findings"])
    assert _codes(f.facts["label_traces"]) == {"chunk_crc"}


def test_other_chunk_with_bad_crc_is_only_a_warning(tmp_path, meta):
    good = b.text_chunk("Comment", "hello")
    f = meta(b.write(tmp_path, "crc.png", b.make_png([good[:-1] + bytes([good[-1] ^ 1])])))
    assert f.signals == () and "label_traces" not in f.facts
    assert any("CRC mismatch" in w for w in f.facts["warnings"])


def test_conformant_label_has_no_observations():
    (lab,) = gb45438.collect([("x", "AIGC", b.label_json())])
    d = gb45438.details(lab)
    assert "observations" not in d and "reserved_codes" not in d and d["conformant"] is True
