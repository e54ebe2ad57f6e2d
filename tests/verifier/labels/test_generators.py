"""Generator metadata as real tools write it: JPEG/WebP EXIF, JSON schemas, stealth pixel data."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from verifier.adapters.pillow_meta import decode_user_comment
from verifier.labels import stealth

from . import builders as b
from . import gen_builders as g

pytestmark = pytest.mark.timeout(60)
FORGE = "f2.0.1v1.10.1-previous-313-g8a042934"
STABLE = ("prompt", "negative_prompt", "model", "seed", "sampler", "steps", "cfg_scale", "size")


def _gen(findings):  # noqa: ANN001, ANN202
    sigs = [s for s in findings.signals if s.id == "generator.metadata"]
    assert sigs, f"no generator signal; warnings: {findings.facts.get('warnings')}"
    return sigs


def _one(findings):  # noqa: ANN001, ANN202
    (sig,) = _gen(findings)
    assert str(sig.claim) == "ai_generated" and str(sig.confidence) == "declared"
    return sig.details


def _a1111_checks(d: dict) -> None:  # noqa: ANN001
    assert d["prompt"] == "a lighthouse at dusk, 灯塔" and d["negative_prompt"] == "blurry, lowres"
    assert (d["model"], d["seed"], d["sampler"], d["steps"], d["cfg_scale"], d["size"]) == (
        "sd_xl_base_1.0", "1234567890", "DPM++ 2M", "28", "6.5", "832x1216")
    assert d["scheduler"] == "Karras" and d["loras"] == "detail: 0123abcd, style: 4567ef01"


@pytest.mark.parametrize("order", ["<", ">"], ids=["II", "MM"])
@pytest.mark.parametrize("how", ["unicode-be", "unicode-le", "unicode-bom", "ascii", "undefined", "none"])
def test_a1111_usercomment_in_jpeg_any_encoding_any_byte_order(tmp_path, meta, order, how):
    text = g.A1111_TEXT.format(version=FORGE)
    exif = g.tiff({}, {0x9286: g.user_comment(text, how)}, order)
    d = _one(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))
    assert d["generator"] == "Stable Diffusion WebUI Forge" and d["placement"] == "jpeg:EXIF:UserComment"
    _a1111_checks(d)


@pytest.mark.parametrize("prefix", [True, False], ids=["Exif00", "bare"])
@pytest.mark.parametrize("order,how", [("<", "unicode-le"), (">", "unicode-be"), ("<", "unicode-be")])
def test_a1111_usercomment_in_webp_exif_chunk(tmp_path, meta, prefix, order, how):
    exif = g.tiff({}, {0x9286: g.user_comment(g.A1111_TEXT.format(version="v1.10.1"), how)}, order)
    d = _one(meta(b.write(tmp_path, "a.webp", g.webp_with_exif(exif, prefix))))
    assert d["generator"] == "Stable Diffusion WebUI (AUTOMATIC1111)" and d["placement"] == "webp:EXIF:UserComment"
    _a1111_checks(d)


@pytest.mark.parametrize("text", ["风景画，山和湖，日落时分", "Ünïcödé ⟨test⟩ — ok", "plain ascii words"])
@pytest.mark.parametrize("enc,big", [("utf-16-be", False), ("utf-16-le", True), ("utf-16-be", True),
                                     ("utf-16-le", False)])
def test_user_comment_byte_order_is_decided_by_plausibility(text, enc, big):
    assert decode_user_comment(b"UNICODE\x00" + text.encode(enc), big_endian=big) == text


@pytest.mark.parametrize("version,name", [
    ("v1.10.1", "Stable Diffusion WebUI (AUTOMATIC1111)"),
    (FORGE, "Stable Diffusion WebUI Forge"),
    ("neo", "Stable Diffusion WebUI Forge Neo"),
    ("classic", "Stable Diffusion WebUI Forge Classic"),
    ("f1.0.0v2-v1.10.1RC-latest-2163", "Stable Diffusion WebUI reForge"),
    ("f1.2.0-v1.10.1", "Stable Diffusion WebUI EasyReforge"),
    ("abc123", "Stable Diffusion WebUI (A1111-compatible)"),
])
def test_a1111_family_named_by_version(tmp_path, meta, version, name):
    chunk = b.text_chunk("parameters", g.A1111_TEXT.format(version=version).encode("utf-8").decode("latin-1"))
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([chunk]))))
    assert d["generator"] == name


def test_sdnext_and_civitai_markers(tmp_path, meta):
    sdnext = "a cat\nSteps: 20, Sampler: UniPC, CFG scale: 6, Seed: 1, Size: 512x512, App: SD.Next, Version: 8a5b7c9"
    assert _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("parameters", sdnext)]))))[
        "generator"] == "SD.Next"
    civ = ('a cat\nNegative prompt: dog\nSteps: 25, CFG scale: 5, Sampler: Euler a, Seed: 9, Size: 832x1216, '
           'Civitai resources: [{"type":"checkpoint","modelVersionId":128078,"modelName":"SDXL","modelVersionName":"v1.0"}], '
           'Civitai metadata: {"remixOfId":1}')
    exif = g.tiff({}, {0x9286: g.user_comment(civ, "unicode-be")}, ">")
    d = _one(meta(b.write(tmp_path, "c.jpg", g.jpeg_with_exif(exif))))
    assert d["generator"] == "Civitai (on-site generator)"
    assert d["fields"]["Civitai resources"][0]["modelName"] == "SDXL"


@pytest.mark.parametrize("fmt", ["webp", "jpeg"])
@pytest.mark.parametrize("prefix", [True, False])
def test_comfyui_exif_make_model(tmp_path, meta, fmt, prefix):
    exif = g.tiff({0x010F: "workflow:" + json.dumps({"nodes": [{"type": "KSampler"}], "links": []}),
                   0x0110: "prompt:" + json.dumps(g.comfy_graph())}, {}, "<")
    data = g.webp_with_exif(exif, prefix) if fmt == "webp" else g.jpeg_with_exif(exif)
    f = meta(b.write(tmp_path, f"a.{fmt}", data))
    d = _one(f)
    assert d["generator"] == "ComfyUI" and d["fields"]["has_workflow"] is True
    assert (d["prompt"], d["model"], d["seed"], d["sampler"], d["steps"], d["cfg_scale"], d["size"]) == (
        "a red fox", "flux1-dev.safetensors", "42", "euler", "20", "8", "1024x768")
    assert "make" not in f.facts["camera"]  # "workflow:{…}" is no camera maker


def test_comfyui_workflow_only_in_image_description(tmp_path, meta):
    exif = g.tiff({0x010E: "Workflow: " + json.dumps({"nodes": [{"type": "SaveImage"}]})}, {}, "<")
    d = _one(meta(b.write(tmp_path, "a.webp", g.webp_with_exif(exif, True))))
    assert d["generator"] == "ComfyUI" and d["fields"]["node_types"] == ["SaveImage"]


def test_comfyui_save_node_with_a1111_parameters(tmp_path, meta):
    text = "a fox\nSteps: 20, Sampler: euler, CFG scale: 7, Seed: 5, Size: 512x512, Model: flux, Version: ComfyUI"
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("parameters", text)]))))
    assert d["generator"] == "ComfyUI (A1111-style parameters from a save node)"


@pytest.mark.parametrize("where", ["png", "jpeg", "webp"])
def test_swarmui(tmp_path, meta, where):
    if where == "png":
        data = b.make_png([b.text_chunk("parameters", g.swarm_json())])
    else:
        exif = g.tiff({}, {0x9286: g.user_comment(g.swarm_json(), "unicode-be")}, ">")
        data = g.jpeg_with_exif(exif) if where == "jpeg" else g.webp_with_exif(exif, True)
    d = _one(meta(b.write(tmp_path, f"a.{where}", data)))
    assert d["generator"] == "SwarmUI"
    assert (d["prompt"], d["negative_prompt"], d["seed"], d["steps"], d["cfg_scale"], d["size"]) == (
        "a red fox in snow", "blurry", "42", "30", "7", "1024x1024")


def test_fooocus_json_png_and_jpeg_software(tmp_path, meta):
    png = b.make_png([b.text_chunk("parameters", g.fooocus_json()), b.text_chunk("fooocus_scheme", "fooocus")])
    d = _one(meta(b.write(tmp_path, "a.png", png)))
    assert (d["generator"], d["model"], d["seed"]) == ("Fooocus", "juggernautXL_v8Rundiffusion", "5188113957345049377")
    a1111_scheme = "a castle\nNegative prompt: \nSteps: 30, Sampler: dpmpp_2m_sde_gpu, Seed: 7, CFG scale: 4, Size: 1152x896"
    exif = g.tiff({0x0131: "Fooocus v2.5.5"}, {0x9286: g.user_comment(a1111_scheme, "ascii"),
                                               0x927C: b"a1111"}, "<")
    d = _one(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))
    assert d["generator"] == "Fooocus" and d["prompt"] == "a castle"


def test_ruined_fooocus(tmp_path, meta):
    data = json.dumps({"Prompt": "a forest", "Negative": "", "steps": 30, "cfg": 8, "width": 1152, "height": 896,
                       "seed": 17, "sampler_name": "dpmpp_2m", "base_model_name": "sdxl.safetensors",
                       "software": "RuinedFooocus"})
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("parameters", data)]))))
    assert (d["generator"], d["prompt"], d["model"], d["size"]) == ("RuinedFooocus", "a forest", "sdxl.safetensors",
                                                                   "1152x896")


def test_diffusers_space_json(tmp_path, meta):
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("parameters", g.diffusers_json())]))))
    assert d["generator"].startswith("Hugging Face diffusers")
    assert (d["model"], d["seed"], d["steps"], d["cfg_scale"]) == (
        "stabilityai/stable-diffusion-xl-base-1.0", "1234", "25", "7.5")


def test_easy_diffusion_chunks_and_exif_json(tmp_path, meta):
    chunks = [b.text_chunk(k, v) for k, v in {"prompt": "a bowl of fruit", "seed": "99",
                                               "use_stable_diffusion_model": "sd-v1-4", "sampler_name": "euler_a",
                                               "num_inference_steps": "25", "guidance_scale": "7.5",
                                               "width": "512", "height": "512"}.items()]
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png(chunks))))
    assert (d["generator"], d["model"], d["size"]) == ("Easy Diffusion", "sd-v1-4", "512x512")
    exif = g.tiff({}, {0x9286: g.user_comment(g.easy_diffusion_json(), "unicode-le")}, "<")
    d = _one(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))
    assert d["generator"] == "Easy Diffusion" and d["prompt"] == "a bowl of fruit"


def test_invokeai_sd_metadata_and_dream(tmp_path, meta):
    sd = {"model": "stable diffusion", "model_weights": "stable-diffusion-1.5", "app_id": "invoke-ai/InvokeAI",
          "app_version": "2.3.0", "image": {"prompt": [{"prompt": "a harbour", "weight": 1}], "steps": 50,
                                            "cfg_scale": 7.5, "seed": 11, "width": 512, "height": 512,
                                            "sampler": "k_lms"}}
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("sd-metadata", json.dumps(sd))]))))
    assert (d["generator"], d["prompt"], d["seed"], d["size"]) == ("InvokeAI", "a harbour", "11", "512x512")
    dream = '"a harbour" -s 50 -S 11 -W 512 -H 512 -C 7.5 -A k_lms'
    d = _one(meta(b.write(tmp_path, "b.png", b.make_png([b.text_chunk("Dream", dream)]))))
    assert d["generator"] == "InvokeAI" and "a harbour" in d["prompt"]


def test_draw_things_xmp(tmp_path, meta):
    dt = json.dumps({"c": "a koi pond", "uc": "text", "seed": 5, "model": "sd_xl_base_1.0_f16.ckpt",
                     "sampler": "DPM++ 2M Karras", "steps": 30, "scale": 5, "size": "1024x1024"})
    from xml.sax.saxutils import escape
    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
           'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           "<xmp:CreatorTool>Draw Things</xmp:CreatorTool>"
           f'<exif:UserComment><rdf:Alt><rdf:li xml:lang="x-default">{escape(dt)}</rdf:li></rdf:Alt></exif:UserComment>'
           '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">a koi pond</rdf:li></rdf:Alt></dc:description>'
           "</rdf:Description></rdf:RDF></x:xmpmeta>")
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.itxt_chunk("XML:com.adobe.xmp", xmp)]))))
    assert (d["generator"], d["prompt"], d["model"], d["sampler"]) == (
        "Draw Things", "a koi pond", "sd_xl_base_1.0_f16.ckpt", "DPM++ 2M Karras")


def test_midjourney_in_jpeg_exif_and_xmp_source_type(tmp_path, meta):
    desc = "a castle --ar 4:3 --v 7 Job ID: 2b6e053b-9a65-4ca9-9e13-b6f4465164d4"
    xmp = b.xmp_props('Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/'
                      'trainedAlgorithmicMedia"')
    exif = g.tiff({0x010E: desc}, {}, "<")
    jpg = g.jpeg_with_exif(exif)
    seg = b"http://ns.adobe.com/xap/1.0/\x00" + xmp.encode()
    jpg = jpg[:2] + b"\xff\xe1" + (len(seg) + 2).to_bytes(2, "big") + seg + jpg[2:]
    f = meta(b.write(tmp_path, "a.jpg", jpg))
    (sig,) = _gen(f)
    assert sig.details["generator"] == "Midjourney" and sig.details["model"] == "Midjourney v7"
    assert {s.id for s in f.signals} == {"iptc.ai", "generator.metadata"}


@pytest.mark.parametrize("magic", ["stealth_pnginfo", "stealth_pngcomp", "stealth_rgbinfo", "stealth_rgbcomp"])
def test_stealth_a1111_in_pixels(tmp_path, meta, magic):
    text = g.A1111_TEXT.format(version="v1.10.1")
    d = _one(meta(b.write(tmp_path, "a.png", g.png_from_pixels(g.stealth_pixels(text, magic)))))
    mode = "alpha" if "png" in magic[8:11] else "rgb"
    assert d["placement"] == f"png:{mode}-LSB:{magic}"
    _a1111_checks(d)


@pytest.mark.parametrize("fmt", ["png", "webp"])
def test_stealth_novelai_json(tmp_path, meta, fmt):
    pixels = g.stealth_pixels(g.novelai_stealth_json(), "stealth_pngcomp")
    data = g.png_from_pixels(pixels) if fmt == "png" else g.webp_with_exif(g.tiff({}, {}, "<"), True, pixels)
    d = _one(meta(b.write(tmp_path, f"a.{fmt}", data)))
    assert (d["generator"], d["prompt"], d["negative_prompt"], d["seed"], d["model"]) == (
        "NovelAI", "1girl, silver hair", "lowres", "3141592653", "NovelAI Diffusion V4.5")


def test_stealth_decoder_bounds():
    pixels = g.stealth_pixels("x" * 50, "stealth_pnginfo")
    plane = pixels[..., 3].T.copy().reshape(-1)
    plane[120:152] = (plane[120:152] & 0xFE) | 1  # length field: all ones (4 Gbit)
    pixels[..., 3] = plane.reshape(pixels.shape[1], pixels.shape[0]).T
    found = stealth.decode(pixels)
    assert found is not None and found.text is None and "not plausible" in found.note
    bomb = g.stealth_pixels("a" * 200_000, "stealth_pngcomp", size=(64, 96))
    found = stealth.decode(bomb)
    assert found is not None and found.text == "a" * 200_000  # within the caps
    assert stealth.decode(np.zeros((4, 4, 4), np.uint8)) is None
    assert stealth.decode(np.zeros((0, 4, 4), np.uint8)) is None


def test_broken_gzip_stealth_is_reported_not_raised(tmp_path, meta):
    pixels = g.stealth_pixels("hello", "stealth_pnginfo")
    plane = pixels[..., 3].T.copy().reshape(-1)
    magic = np.unpackbits(np.frombuffer(b"stealth_pngcomp", np.uint8))
    plane[:120] = (plane[:120] & 0xFE) | magic  # says gzip, holds plain text
    pixels[..., 3] = plane.reshape(pixels.shape[1], pixels.shape[0]).T
    f = meta(b.write(tmp_path, "a.png", g.png_from_pixels(pixels)))
    assert not [s for s in f.signals if s.id == "generator.metadata"]
    assert any("payload not readable" in w for w in f.facts["warnings"])


# --- negatives: no false claims ------------------------------------------------------------------

def _no_ai(findings) -> None:  # noqa: ANN001
    assert [s for s in findings.signals if str(s.claim) in ("ai_generated", "ai_modified", "ai_possible")] == []


@pytest.mark.parametrize("chunks", [
    [b.text_chunk("Software", "GIMP 2.10.36")],
    [b.text_chunk("Comment", "a beautiful sunset over the sea, highly detailed, 8k, masterpiece")],
    [b.text_chunk("parameters", "a cat, best quality")],  # a prompt-looking text, no generator structure
    [b.text_chunk("parameters", '{"prompt": "a cat"}')],  # JSON prompt alone
    [b.text_chunk("Description", "Steps: walk to the beach, then Seed: the garden")],
])
def test_prompt_looking_text_alone_is_not_generator_metadata(tmp_path, meta, chunks):
    _no_ai(meta(b.write(tmp_path, "a.png", b.make_png(chunks))))


def test_stripped_files_stay_silent(tmp_path, meta):
    from PIL import Image

    for fmt in ("PNG", "JPEG", "WEBP"):
        buf = io.BytesIO()
        Image.new("RGBA" if fmt != "JPEG" else "RGB", (40, 40), (10, 20, 30, 255)[: 4 if fmt != "JPEG" else 3]).save(buf, fmt)
        f = meta(b.write(tmp_path, f"a.{fmt.lower()}", buf.getvalue()))
        assert f.signals == ()


def test_random_pixels_with_alpha_are_not_stealth(tmp_path, meta):
    rng = np.random.default_rng(7)
    for i in range(5):
        pixels = rng.integers(0, 256, (120, 160, 4), dtype=np.uint8)
        assert stealth.decode(pixels) is None
        _no_ai(meta(b.write(tmp_path, f"r{i}.png", g.png_from_pixels(pixels))))


def test_camera_photo_with_user_comment_is_no_generator(tmp_path, meta):
    exif = g.tiff({0x010F: "NIKON CORPORATION", 0x0110: "NIKON Z 9"},
                  {0x9286: g.user_comment("Sunset at the harbour, Steps: none", "unicode-be")}, ">")
    f = meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif)))
    _no_ai(f)
    assert f.facts["camera"]["make"] == "NIKON CORPORATION"


def _filtered_png(pixels: np.ndarray) -> bytes:
    """A PNG whose rows cycle through all five filter types (None, Sub, Up, Average, Paeth)."""
    import struct
    import zlib

    h, w, c = pixels.shape
    rows = pixels.reshape(h, w * c).astype(np.int32)
    out = bytearray()
    prev = np.zeros(w * c, np.int32)
    for y in range(h):
        cur, ftype = rows[y], y % 5
        left = np.concatenate([np.zeros(c, np.int32), cur[:-c]])
        upleft = np.concatenate([np.zeros(c, np.int32), prev[:-c]])
        if ftype == 0:
            f = cur
        elif ftype == 1:
            f = cur - left
        elif ftype == 2:
            f = cur - prev
        elif ftype == 3:
            f = cur - (left + prev) // 2
        else:
            p = left + prev - upleft
            pa, pb, pc = abs(p - left), abs(p - prev), abs(p - upleft)
            pred = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, prev, upleft))
            f = cur - pred
        out += bytes([ftype]) + (f & 0xFF).astype(np.uint8).tobytes()
        prev = cur
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6 if c == 4 else 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + b.png_chunk(b"IHDR", ihdr) + b.png_chunk(b"IDAT", zlib.compress(bytes(out)))
            + b.png_chunk(b"IEND", b""))


@pytest.mark.parametrize("magic", ["stealth_pngcomp", "stealth_rgbinfo"])
def test_first_column_gate_follows_every_png_filter(tmp_path, meta, magic):
    from PIL import Image

    from verifier.formats import png

    pixels = g.stealth_pixels(g.A1111_TEXT.format(version="v1.10.1"), magic, size=(64, 200))
    data = _filtered_png(pixels)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(data))), pixels)  # the builder is a valid PNG
    channels, column = png.first_column(io.BytesIO(data), 120)
    assert column == pixels[:120, 0, :].tobytes() and stealth.starts_with_magic(channels, column)
    d = _one(meta(b.write(tmp_path, "a.png", data)))
    _a1111_checks(d)


def test_comfyui_graph_cut_short_in_jpeg_still_counts(tmp_path, meta):
    graph = "prompt:" + json.dumps(g.comfy_graph())
    exif = g.tiff({0x0110: graph[: len(graph) // 2]}, {}, ">")
    d = _one(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))
    assert d["generator"] == "ComfyUI" and "cut short" in d["fields"]["incomplete"]


def test_comfyui_utf8_in_ascii_exif_tags(tmp_path, meta):
    graph = g.comfy_graph()
    graph["6"]["inputs"]["text"] = "一只红狐狸"
    exif = g.tiff({0x0110: "prompt:" + json.dumps(graph, ensure_ascii=False)}, {}, "<")
    d = _one(meta(b.write(tmp_path, "a.webp", g.webp_with_exif(exif, True))))
    assert d["prompt"] == "一只红狐狸"


def test_text_that_merely_starts_like_a_comfy_prefix_is_not_comfyui(tmp_path, meta):
    exif = g.tiff({0x010E: "prompt: {the user typed this}", 0x010F: "Workflow: {draft}"}, {}, "<")
    _no_ai(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))


def test_tensor_art_generation_data(tmp_path, meta):
    data = json.dumps({"prompt": "a temple", "negativePrompt": "blur", "steps": 25, "cfgScale": 7, "seed": "77",
                       "width": 768, "height": 1024, "baseModel": {"modelFileName": "majicmix.safetensors"}})
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("generation_data", data)]))))
    assert (d["generator"], d["prompt"], d["negative_prompt"], d["model"], d["cfg_scale"], d["size"]) == (
        "Tensor.Art", "a temple", "blur", "majicmix.safetensors", "7", "768x1024")


def test_stability_matrix(tmp_path, meta):
    chunks = [b.text_chunk("parameters", "a cat\nSteps: 20, Sampler: Euler, Seed: 1, CFG scale: 7, Size: 512x512"),
              b.text_chunk("smproj", "{}")]
    assert _one(meta(b.write(tmp_path, "a.png", b.make_png(chunks))))["generator"] == "Stability Matrix"


def test_civitai_orchestration_graph(tmp_path, meta):
    graph = dict(g.comfy_graph(), extraMetadata=json.dumps({"prompt": "a red fox"}))
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("prompt", json.dumps(graph))]))))
    assert d["generator"].startswith("Civitai")


def test_novelai_comment_markers_without_software(tmp_path, meta):
    comment = json.dumps({"prompt": "1girl", "v4_prompt": {"caption": {"base_caption": "1girl"}}, "seed": 1,
                          "noise_schedule": "karras", "uncond_scale": 1.0})
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png([b.text_chunk("Comment", comment)]))))
    assert d["generator"] == "NovelAI" and d["prompt"] == "1girl"


def test_novelai_png_converted_to_jpeg(tmp_path, meta):
    exif = g.tiff({}, {0x9286: g.user_comment(g.novelai_stealth_json(), "unicode-be")}, ">")
    d = _one(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))
    assert (d["generator"], d["seed"], d["model"]) == ("NovelAI", "3141592653", "NovelAI Diffusion V4.5")


def test_comfyui_png_converted_to_webp(tmp_path, meta):
    both = json.dumps({"prompt": json.dumps(g.comfy_graph()), "workflow": {"nodes": [{"type": "KSampler"}]}})
    exif = g.tiff({}, {0x9286: g.user_comment(both, "unicode-le")}, "<")
    d = _one(meta(b.write(tmp_path, "a.webp", g.webp_with_exif(exif, True))))
    assert d["generator"] == "ComfyUI" and d["seed"] == "42" and d["fields"]["has_workflow"] is True


def test_easy_diffusion_title_case_chunks(tmp_path, meta):
    chunks = [b.text_chunk(k, v) for k, v in {"Prompt": "a lake", "Negative Prompt": "", "Seed": "5",
                                               "Stable Diffusion model": "sd-v1-5", "Steps": "25"}.items()]
    d = _one(meta(b.write(tmp_path, "a.png", b.make_png(chunks))))
    assert (d["generator"], d["prompt"], d["model"], d["steps"]) == ("Easy Diffusion", "a lake", "sd-v1-5", "25")


@pytest.mark.parametrize("width,height,idat", [
    (100_000, 100_000, b"\x78\x9c" + b"\x00" * 64),  # a decompression-bomb header, damaged data
    (64, 200, b"not zlib at all"),
    (64, 200, b""),
])
def test_hostile_png_headers_do_not_hang_or_crash(tmp_path, meta, width, height, idat):
    import struct
    import time

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = (b"\x89PNG\r\n\x1a\n" + b.png_chunk(b"IHDR", ihdr) + b.png_chunk(b"IDAT", idat)
            + b.text_chunk("Comment", "x") + b.png_chunk(b"IEND", b""))
    t = time.perf_counter()
    f = meta(b.write(tmp_path, "h.png", data))
    assert time.perf_counter() - t < 5 and f.signals == ()
    assert any("stealth" in w for w in f.facts.get("warnings", []))


@pytest.mark.parametrize("text", [
    "Hiking notes\nSteps: 12, Size: 3 km of trail",  # one parameter name is not the structure
    "Steps: 4, then rest",
])
def test_caption_with_one_parameter_name_is_not_a1111(tmp_path, meta, text):
    exif = g.tiff({0x010E: text}, {}, "<")
    _no_ai(meta(b.write(tmp_path, "a.jpg", g.jpeg_with_exif(exif))))


def test_parsers_never_raise_on_random_input():
    import random

    from verifier.labels import app_export, gen_params, security_data
    from verifier.formats.meta import Entry
    from verifier.labels import generators

    rnd = random.Random(5)
    pieces = ["Steps: ", "12", ", ", "Sampler: ", "Seed: ", '"', "[", "{", "}", "]", "\n", "Negative prompt:",
              "prompt:", "workflow:", '{"sui_image_params":', "ÿ", "\x00", "Civitai resources: ", ":"]
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        raw = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 64)))
        decode_user_comment(raw, rnd.random() < 0.5)
        decode_user_comment(b"UNICODE\x00" + raw, rnd.random() < 0.5)
        gen_params.parse_a1111(text)
        security_data.describe(text)
        entries = [Entry("x", k, text) for k in ("parameters", "UserComment", "Make", "Model", "Comment", "prompt")]
        generators.find(entries)
        app_export.find(entries)
    for _ in range(50):
        shape = (rnd.randint(1, 40), rnd.randint(1, 40), rnd.choice([3, 4]))
        stealth.decode(np.random.default_rng(rnd.randrange(1 << 30)).integers(0, 256, shape, dtype=np.uint8))
