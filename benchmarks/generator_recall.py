"""Recall of the generator-metadata reader on outputs built in code, and false claims on clean files.

Run from the repository root::

    python benchmarks/generator_recall.py [--corpus ../shared/corpus]

Positives: every generator format the reader knows, written the way the tool writes it, in each
container it uses (PNG text chunk, JPEG EXIF, WebP EXIF chunk with and without ``Exif\\0\\0``,
EXIF in both byte orders, UserComment in every character code, stealth pixels). A positive counts
when the metadata detector reports ``generator.metadata`` with claim ``ai_generated`` *and*
``details.generator`` names the expected generator. Negatives: clean pictures built in code
(plain, camera EXIF, editor comments, prompt-looking captions) and, with ``--corpus``, every
corpus picture whose expected verdict is not AI.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.verifier.labels import builders as b  # noqa: E402
from tests.verifier.labels import gen_builders as g  # noqa: E402
from verifier.config import Config  # noqa: E402
from verifier.detectors.base import Context  # noqa: E402
from verifier.detectors.metadata import MetadataDetector  # noqa: E402
from verifier.inputs import identify  # noqa: E402

AI = {"ai_generated", "ai_modified", "ai_possible"}
CODES = ("unicode-be", "unicode-le", "unicode-bom", "ascii", "undefined", "none")
A1111_VERSIONS = {"v1.10.1": "AUTOMATIC1111", "f2.0.1v1.10.1-previous-313-g8a042934": "Forge",
                  "neo": "Forge Neo", "classic": "Forge Classic"}


def _exif_containers(uc: bytes, ifd0: dict | None = None) -> Iterator[tuple[str, str, bytes]]:
    """(container, byte order, file) for one EXIF payload: JPEG and WebP (two prefixes), II and MM."""
    for order in "<>":
        exif = g.tiff(ifd0 or {}, {0x9286: uc} if uc else {}, order)
        bo = "II" if order == "<" else "MM"
        yield "jpeg", bo, g.jpeg_with_exif(exif)
        yield "webp+Exif00", bo, g.webp_with_exif(exif, True)
        yield "webp", bo, g.webp_with_exif(exif, False)


def positives() -> Iterator[tuple[str, str, str, bytes, str]]:
    """(generator family, container, variant, file bytes, expected name substring)."""
    for version, name in A1111_VERSIONS.items():
        text = g.A1111_TEXT.format(version=version)
        yield "A1111 family", "png", version, b.make_png([b.itxt_chunk("parameters", text)]), name
        for code in CODES:
            for container, bo, data in _exif_containers(g.user_comment(text, code)):
                yield "A1111 family", container, f"{version} {code} {bo}", data, name
    civ = ("a cat\nSteps: 25, CFG scale: 5, Sampler: Euler a, Seed: 9, Size: 832x1216, "
           'Civitai resources: [{"type":"checkpoint","modelVersionId":1}], Civitai metadata: {}')
    for code in ("unicode-be", "unicode-le"):
        for container, bo, data in _exif_containers(g.user_comment(civ, code)):
            yield "Civitai", container, f"{code} {bo}", data, "Civitai"
    graph = "prompt:" + json.dumps(g.comfy_graph())
    wf = "workflow:" + json.dumps({"nodes": [{"type": "KSampler"}]})
    yield "ComfyUI", "png", "prompt+workflow", b.make_png([b.text_chunk("prompt", graph[7:]),
                                                          b.text_chunk("workflow", wf[9:])]), "ComfyUI"
    for container, bo, data in _exif_containers(b"", {0x010F: wf, 0x0110: graph}):
        yield "ComfyUI", container, f"Make/Model {bo}", data, "ComfyUI"
    saver = "a fox\nSteps: 20, Sampler: euler, CFG scale: 7, Seed: 5, Size: 512x512, Version: ComfyUI"
    yield "ComfyUI", "png", "A1111-style save node", b.make_png([b.text_chunk("parameters", saver)]), "ComfyUI"
    swarm = g.swarm_json()
    yield "SwarmUI", "png", "parameters", b.make_png([b.text_chunk("parameters", swarm)]), "SwarmUI"
    for code in ("unicode-be", "unicode-le", "ascii"):
        for container, bo, data in _exif_containers(g.user_comment(swarm, code)):
            yield "SwarmUI", container, f"{code} {bo}", data, "SwarmUI"
    yield "Fooocus", "png", "json", b.make_png([b.text_chunk("parameters", g.fooocus_json()),
                                               b.text_chunk("fooocus_scheme", "fooocus")]), "Fooocus"
    a1111_scheme = "a castle\nSteps: 30, Sampler: dpmpp_2m_sde_gpu, Seed: 7, CFG scale: 4, Size: 1152x896"
    for container, bo, data in _exif_containers(g.user_comment(a1111_scheme, "ascii"), {0x0131: "Fooocus v2.5.5"}):
        yield "Fooocus", container, f"a1111 scheme {bo}", data, "Fooocus"
    yield "diffusers", "png", "json", b.make_png([b.text_chunk("parameters", g.diffusers_json())]), "diffusers"
    yield "Easy Diffusion", "png", "json-in-parameters?", b.make_png(
        [b.text_chunk(k, v) for k, v in {"prompt": "x", "seed": "1", "use_stable_diffusion_model": "sd"}.items()]), \
        "Easy Diffusion"
    for container, bo, data in _exif_containers(g.user_comment(g.easy_diffusion_json(), "unicode-be")):
        yield "Easy Diffusion", container, bo, data, "Easy Diffusion"
    nai = json.dumps({"prompt": "1girl", "seed": 7, "steps": 28})
    yield "NovelAI", "png", "text chunks", b.make_png([b.text_chunk("Software", "NovelAI"),
                                                      b.text_chunk("Comment", nai)]), "NovelAI"
    for magic in ("stealth_pnginfo", "stealth_pngcomp", "stealth_rgbinfo", "stealth_rgbcomp"):
        payload = g.novelai_stealth_json() if magic.startswith("stealth_png") else g.A1111_TEXT.format(version="v1.9.0")
        expected = "NovelAI" if magic.startswith("stealth_png") else "AUTOMATIC1111"
        pixels = g.stealth_pixels(payload, magic)
        yield "stealth", "png", magic, g.png_from_pixels(pixels), expected
        if magic.startswith("stealth_png"):
            yield "stealth", "webp", magic, g.webp_with_exif(g.tiff({}, {}, "<"), True, pixels), expected
    inv = {"positive_prompt": "mountains", "seed": 3, "model": {"name": "sdxl"}}
    yield "InvokeAI", "png", "invokeai_metadata", b.make_png([b.text_chunk("invokeai_metadata", json.dumps(inv))]), \
        "InvokeAI"
    mj = "a castle --v 7 Job ID: 2b6e053b-9a65-4ca9-9e13-b6f4465164d4"
    yield "Midjourney", "png", "Description", b.make_png([b.text_chunk("Description", mj)]), "Midjourney"
    for container, bo, data in _exif_containers(b"", {0x010E: mj}):
        yield "Midjourney", container, f"ImageDescription {bo}", data, "Midjourney"


def negatives() -> Iterator[tuple[str, bytes, str]]:
    from PIL import Image

    for fmt, mode in (("PNG", "RGB"), ("PNG", "RGBA"), ("JPEG", "RGB"), ("WEBP", "RGB"), ("WEBP", "RGBA")):
        buf = io.BytesIO()
        Image.new(mode, (64, 48), (90, 120, 150, 255)[: len(mode)]).save(buf, fmt)
        yield f"plain {fmt} {mode}", buf.getvalue(), fmt.lower()
    cam = g.tiff({0x010F: "Canon", 0x0110: "EOS R5", 0x0131: "Adobe Photoshop 25.0"},
                 {0x9286: g.user_comment("Harbour at dawn, Steps: 3 of the old pier", "unicode-be")}, ">")
    yield "camera EXIF + caption", g.jpeg_with_exif(cam), "jpg"
    yield "camera EXIF in WebP", g.webp_with_exif(cam, True), "webp"
    for key, value in (("Software", "GIMP 2.10.36"), ("Comment", "a beautiful sunset, masterpiece, 8k"),
                       ("parameters", "a cat, best quality"), ("Description", "Steps: walk, then Seed: plant")):
        yield f"PNG {key}", b.make_png([b.text_chunk(key, value)]), "png"
    import numpy as np

    rng = np.random.default_rng(11)
    for i in range(5):
        yield f"noise RGBA {i}", g.png_from_pixels(rng.integers(0, 256, (96, 128, 4), dtype=np.uint8)), "png"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="also scan the corpus pictures whose expected verdict is not AI")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    det = MetadataDetector()
    ctx = Context(Config(isolation="inline"))

    def scan(path: Path):  # noqa: ANN202
        from verifier.detectors.base import DetectorFailure, Findings

        media = identify(path)
        if not det.applies_to(media):
            return Findings(signals=())
        try:
            return det.run(media, ctx)
        except DetectorFailure:  # a malformed file: a failed check, never a claim
            return Findings(signals=())

    t0 = time.perf_counter()
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (family, container, variant, data, expected) in enumerate(positives()):
            ext = {"jpeg": "jpg", "png": "png"}.get(container, "webp")
            path = Path(tmp) / f"p{i}.{ext}"
            path.write_bytes(data)
            sigs = [s for s in scan(path).signals if s.id == "generator.metadata" and str(s.claim) == "ai_generated"]
            ok = any(expected in str(s.details.get("generator")) for s in sigs)
            found[(family, container.split("+")[0])][0] += ok
            found[(family, container.split("+")[0])][1] += 1
            if not ok:
                misses.append(f"{family} {container} {variant}: {[s.details.get('generator') for s in sigs]}")
        false_claims: list[str] = []
        n_neg = 0
        for i, (name, data, ext) in enumerate(negatives()):
            path = Path(tmp) / f"n{i}.{ext}"
            path.write_bytes(data)
            n_neg += 1
            ai = [s.id for s in scan(path).signals if str(s.claim) in AI]
            if ai:
                false_claims.append(f"{name}: {ai}")
    n_built = n_neg
    if args.corpus:
        expected = json.loads((args.corpus / "expected.json").read_text("utf-8"))
        for rel, exp in expected.items():
            path = args.corpus / rel
            if not set(exp["verdict"]) & AI and path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".heic",
                                                                         ".tiff", ".dng", ".gif"):
                n_neg += 1
                ai = [s.id for s in scan(path).signals if str(s.claim) in AI]
                if ai:
                    false_claims.append(f"corpus {rel}: {ai}")
    total = sum(v[1] for v in found.values())
    hits = sum(v[0] for v in found.values())
    print(f"recall (signal and generator named): {hits}/{total} = {hits / max(1, total):.1%}")
    print("| generator | container | named correctly |\n|---|---|---|")
    for (family, container), (ok, n) in sorted(found.items()):
        print(f"| {family} | {container} | {ok}/{n} |")
    for m in misses if args.verbose else misses[:10]:
        print("  miss:", m)
    print(f"false AI claims on clean pictures: {len(false_claims)}/{n_neg} "
          f"({n_built} built in code, {n_neg - n_built} from the corpus)")
    for f in false_claims:
        print("  false:", f)
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
