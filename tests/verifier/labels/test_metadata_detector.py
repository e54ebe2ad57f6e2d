"""Metadata detector: XMP forms, IPTC, generator metadata, camera/privacy facts, negatives."""

from __future__ import annotations

import json

import pytest

from . import builders as b

pytestmark = pytest.mark.timeout(60)
AI = {"ai_generated", "ai_modified", "ai_possible"}
DST = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def _ai(findings):  # noqa: ANN001, ANN202
    return [s for s in findings.signals if str(s.claim) in AI]


def _png_xmp(tmp_path, xmp: str, extra=()):  # noqa: ANN001, ANN202
    return b.write(tmp_path, "a.png", b.make_png(before_idat=[b.itxt_chunk("XML:com.adobe.xmp", xmp), *extra]))


@pytest.mark.parametrize("pi", [
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"??>',  # Doubao's doubled question mark
    '<?xml version="1.0" encoding="UTF-8"?><?xpacket begin="\ufeff" id="x"?>',
    "<?adobe-xap-filters esc=\"CR\"?>",
    "junk before the packet <?xpacket begin=''",
])
def test_xmp_with_odd_processing_instructions(tmp_path, meta, pi):
    f = meta(_png_xmp(tmp_path, b.xmp_element(pi=pi)))
    assert [s.id for s in f.signals] == ["gb45438.label"]


def test_xmp_broken_packet_falls_back_to_tolerant_reader(tmp_path, meta):
    broken = b.xmp_attribute().replace("</rdf:RDF>", "")  # not well-formed any more
    f = meta(_png_xmp(tmp_path, broken))
    assert [s.id for s in f.signals] == ["gb45438.label"]
    assert any("read tolerantly" in w for w in f.facts["warnings"])


def test_xmp_with_doctype_is_not_expanded(tmp_path, meta):
    evil = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            + b.xmp_attribute(value="&b;"))
    f = meta(_png_xmp(tmp_path, evil))
    assert not [s for s in f.signals if s.details.get("ProduceID", "").startswith("aaaa")]


@pytest.mark.parametrize("code,claim", [
    ("trainedAlgorithmicMedia", "ai_generated"),
    ("compositeWithTrainedAlgorithmicMedia", "ai_modified"),
])
def test_iptc_digital_source_type(tmp_path, meta, code, claim):
    f = meta(_png_xmp(tmp_path, b.xmp_props(f'Iptc4xmpExt:DigitalSourceType="{DST}{code}"')))
    (sig,) = f.signals
    assert sig.id == "iptc.ai" and str(sig.claim) == claim and str(sig.basis) == "metadata"


@pytest.mark.parametrize("code", ["algorithmicMedia", "digitalCapture", "compositeSynthetic"])
def test_iptc_non_ml_source_types_are_not_ai(tmp_path, meta, code):
    f = meta(_png_xmp(tmp_path, b.xmp_props(f'Iptc4xmpExt:DigitalSourceType="{DST}{code}"')))
    assert _ai(f) == []
    assert f.facts["iptc"]["digital_source_types"] == [code]


def test_iptc_element_form_and_ai_fields(tmp_path, meta):
    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
           f"<Iptc4xmpExt:DigitalSourceType>{DST}trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>"
           "<Iptc4xmpExt:AISystemUsed>ExampleGen</Iptc4xmpExt:AISystemUsed>"
           "<Iptc4xmpExt:AISystemVersionUsed>2.1</Iptc4xmpExt:AISystemVersionUsed>"
           "<Iptc4xmpExt:AIPromptInformation>a cat</Iptc4xmpExt:AIPromptInformation>"
           "<Iptc4xmpExt:AIPromptWriterName>Li Lei</Iptc4xmpExt:AIPromptWriterName>"
           "</rdf:Description></rdf:RDF></x:xmpmeta>")
    f = meta(_png_xmp(tmp_path, xmp))
    (sig,) = f.signals
    assert str(sig.claim) == "ai_generated"
    assert sig.details["ai_fields"] == {"AISystemUsed": "ExampleGen", "AISystemVersionUsed": "2.1",
                                        "AIPromptInformation": "a cat", "AIPromptWriterName": "Li Lei"}
    assert any(p["value"] == "Li Lei" for p in f.facts["privacy"])


def test_a1111_parameters(tmp_path, meta):
    params = ("a lighthouse at dusk\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, "
              "Seed: 12345, Size: 512x512, Model: sd_xl_base_1.0, Version: v1.9.0")
    f = meta(b.write(tmp_path, "a.png", b.make_png(after_idat=[b.text_chunk("parameters", params)])))
    (sig,) = f.signals
    assert sig.id == "generator.metadata" and str(sig.claim) == "ai_generated"
    d = sig.details
    assert (d["prompt"], d["seed"], d["model"]) == ("a lighthouse at dusk", "12345", "sd_xl_base_1.0")
    assert (d["negative_prompt"], d["sampler"], d["steps"], d["cfg_scale"], d["size"]) == ("blurry", "Euler a", "20", "7", "512x512")
    assert d["generator"] == "Stable Diffusion WebUI (AUTOMATIC1111)"


def test_comfyui_prompt_graph(tmp_path, meta):
    graph = {"3": {"class_type": "KSampler", "inputs": {"seed": 42}},
             "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "flux1-dev.safetensors"}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a red fox"}}}
    chunks = [b.text_chunk("prompt", json.dumps(graph)), b.text_chunk("workflow", json.dumps({"nodes": []}))]
    (sig,) = meta(b.write(tmp_path, "a.png", b.make_png(after_idat=chunks))).signals
    assert sig.details["generator"] == "ComfyUI" and sig.details["seed"] == "42"
    assert sig.details["model"] == "flux1-dev.safetensors" and sig.details["prompt"] == "a red fox"


def test_novelai(tmp_path, meta):
    chunks = [b.text_chunk("Software", "NovelAI"), b.text_chunk("Source", "NovelAI Diffusion V3"),
              b.text_chunk("Comment", json.dumps({"prompt": "1girl", "seed": 7, "steps": 28}))]
    (sig,) = meta(b.write(tmp_path, "a.png", b.make_png(chunks))).signals
    assert sig.details["generator"] == "NovelAI" and sig.details["prompt"] == "1girl"


def test_invokeai(tmp_path, meta):
    data = {"positive_prompt": "mountains", "seed": 3, "model": {"name": "sdxl"}}
    (sig,) = meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("invokeai_metadata", json.dumps(data))]))).signals
    assert sig.details["generator"] == "InvokeAI" and sig.details["model"] == "sdxl"


def test_midjourney_description_and_author_privacy(tmp_path, meta):
    chunks = [b.text_chunk("Description", "a castle --ar 4:3 --v 6.1 Job ID: 2b6e053b-9a65-4ca9-9e13-b6f4465164d4"),
              b.text_chunk("Author", "someuser")]
    f = meta(b.write(tmp_path, "a.png", b.make_png(chunks)))
    (sig,) = f.signals
    assert sig.details["generator"] == "Midjourney" and sig.details["model"] == "Midjourney v6.1"
    assert any(p["value"] == "someuser" and "Midjourney" in p["why"] for p in f.facts["privacy"])


def test_grok_pattern_is_weak(tmp_path, meta):
    exif = b.make_exif({0x013B: "4800156b-8880-4786-9056-7ca3da449d8c", 0x010E: "Signature: " + "QUJD" * 30})
    (sig,) = meta(b.write(tmp_path, "a.jpg", b.make_jpeg(exif=exif))).signals
    assert sig.id == "generator.metadata" and str(sig.claim) == "ai_possible"
    assert "inferred" in sig.details["generator"]


def test_camera_only_exif_gives_facts_and_privacy_but_no_ai(tmp_path, meta):
    exif = b.make_exif({0x010F: "Canon", 0x0110: "EOS R5", 0x0131: "Firmware 1.8", 0x013B: "Jane Doe"},
                       {0x9003: "2024:05:01 10:00:00", 0xA431: "0123456789", 0xA434: "RF24-70mm F2.8"},
                       {1: "N", 2: (39.0, 54.0, 0.0), 3: "E", 4: (116.0, 23.0, 0.0)})
    f = meta(b.write(tmp_path, "a.jpg", b.make_jpeg(exif=exif)))
    assert f.signals == ()
    cam = f.facts["camera"]
    assert (cam["make"], cam["model"], cam["serial"], cam["lens"]) == ("Canon", "EOS R5", "0123456789", "RF24-70mm F2.8")
    assert cam["capture_time"] == "2024:05:01 10:00:00" and cam["gps_present"] is True
    why = {p["field"].rsplit(":", 1)[-1]: p for p in f.facts["privacy"]}
    assert {"Artist", "BodySerialNumber", "GPS"} <= set(why)
    assert why["GPS"]["value"] == "39.90000, 116.38333"
    assert {"group": "EXIF", "key": "Make", "value": "Canon"}.items() <= f.facts["fields"][0].items() or any(
        r["key"] == "Make" and r["value"] == "Canon" for r in f.facts["fields"])
    json.dumps(f.facts)  # JSON-serialisable


@pytest.mark.parametrize("key,value", [
    ("Comment", "Our newsroom guide to AIGC labels and how to read them"),
    ("AIGC", "yes"),
    ("Description", "An essay on 人工智能生成合成内容"),
])
def test_prose_mentioning_aigc_is_no_signal(tmp_path, meta, key, value):
    f = meta(b.write(tmp_path, "a.png", b.make_png([b.itxt_chunk(key, value)])))
    assert _ai(f) == []
    if key == "AIGC":
        assert f.facts["unparsed_aigc_fields"][0]["value"] == "yes"


def test_image_description_prose_is_no_signal(tmp_path, meta):
    exif = b.make_exif({0x010E: "AIGC exhibition, Shanghai"})
    assert _ai(meta(b.write(tmp_path, "a.jpg", b.make_jpeg(exif=exif)))) == []


def test_field_values_are_truncated(tmp_path, meta):
    f = meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("Comment", "x" * 5000)])))
    (row,) = f.facts["fields"]
    assert len(row["value"]) <= 301


def test_quicktime_keys_camera_and_location(tmp_path, meta):
    moov = [b.box(b"udta", b.keys_meta({"com.apple.quicktime.make": "Apple",
                                          "com.apple.quicktime.model": "iPhone 15",
                                          "com.apple.quicktime.location.ISO6709": "+39.9042+116.4074+050.000/"}))]
    f = meta(b.write(tmp_path, "a.mov", b.make_mp4(moov)))
    assert f.signals == ()
    assert f.facts["camera"] == {"make": "Apple", "model": "iPhone 15", "gps_present": True}
    assert any("ISO6709" in p["field"] for p in f.facts["privacy"])


def test_front_matter_mentioning_aigc_elsewhere_is_no_label(tmp_path, meta):
    md = "---\ntitle: AIGC 行业观察\ntags: [AIGC, 新闻]\nAIGC: true\n---\n正文\n"
    f = meta(b.write(tmp_path, "a.md", md))
    assert f.signals == ()
    assert f.facts["unparsed_aigc_fields"][0]["field"] == "AIGC"
