"""Generator outputs built in code: A1111-style texts, EXIF in either byte order, WebP EXIF chunks,
stealth pixel metadata, and the JSON schemas of SwarmUI, Fooocus, diffusers Spaces and others."""

from __future__ import annotations

import gzip
import io
import json
import struct

import numpy as np

from . import builders as b

A1111_TEXT = ("a lighthouse at dusk, 灯塔\nNegative prompt: blurry, lowres\nSteps: 28, Sampler: DPM++ 2M, "
              "Schedule type: Karras, CFG scale: 6.5, Seed: 1234567890, Size: 832x1216, Model hash: 31e35c80fc, "
              "Model: sd_xl_base_1.0, Lora hashes: \"detail: 0123abcd, style: 4567ef01\", Version: {version}")

# --- EXIF (TIFF) by hand, so both byte orders can be written ---------------------------------------
ASCII, UNDEFINED, LONG = 2, 7, 4


def tiff(ifd0: dict[int, bytes | str], exif_ifd: dict[int, bytes | str], order: str = "<") -> bytes:
    """A TIFF/EXIF block: IFD0 (ASCII values) pointing to an EXIF IFD (UNDEFINED for bytes values)."""
    def entries(tags: dict[int, bytes | str]) -> list[tuple[int, int, bytes]]:
        out = []
        for tag, v in sorted(tags.items()):
            if isinstance(v, str):
                out.append((tag, ASCII, v.encode("utf-8") + b"\x00"))
            else:
                out.append((tag, UNDEFINED, v))
        return out

    e0 = entries(ifd0) + [(0x8769, LONG, b"")]
    e0.sort()
    e1 = entries(exif_ifd)
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    size0 = 2 + 12 * len(e0) + 4
    size1 = 2 + 12 * len(e1) + 4
    data_at = 8 + size0 + size1
    blob = bytearray()

    def ifd(items: list[tuple[int, int, bytes]], exif_at: int) -> bytes:
        nonlocal blob
        out = struct.pack(order + "H", len(items))
        for tag, typ, value in items:
            if tag == 0x8769:
                out += struct.pack(order + "HHII", tag, LONG, 1, exif_at)
                continue
            count = len(value)
            if count <= 4:
                out += struct.pack(order + "HHI", tag, typ, count) + value.ljust(4, b"\x00")
            else:
                out += struct.pack(order + "HHII", tag, typ, count, data_at + len(blob))
                blob += value + (b"\x00" if len(value) & 1 else b"")
        return out + b"\x00\x00\x00\x00"

    first = ifd(e0, 8 + size0)
    second = ifd(e1, 0)
    return head + first + second + bytes(blob)


def user_comment(text: str, how: str) -> bytes:
    """UserComment bytes: ``unicode-be``, ``unicode-le``, ``unicode-bom``, ``ascii``, ``undefined``, ``none``."""
    if how == "unicode-be":
        return b"UNICODE\x00" + text.encode("utf-16-be")
    if how == "unicode-le":
        return b"UNICODE\x00" + text.encode("utf-16-le")
    if how == "unicode-bom":
        return b"UNICODE\x00" + text.encode("utf-16")
    if how == "ascii":
        return b"ASCII\x00\x00\x00" + text.encode("utf-8")
    if how == "undefined":
        return b"\x00" * 8 + text.encode("utf-8")
    return text.encode("utf-8")


def jpeg_with_exif(exif: bytes) -> bytes:
    jpg = b.make_jpeg()
    seg = b"Exif\x00\x00" + exif
    return jpg[:2] + b"\xff\xe1" + struct.pack(">H", len(seg) + 2) + seg + jpg[2:]


def webp_with_exif(exif: bytes, prefix: bool, alpha_pixels: np.ndarray | None = None) -> bytes:
    """A WebP (VP8X + image + EXIF chunk); ``prefix`` writes ``Exif\\0\\0`` before the TIFF header."""
    from PIL import Image

    im = Image.fromarray(alpha_pixels) if alpha_pixels is not None else Image.new("RGB", (8, 8), "gray")
    buf = io.BytesIO()
    im.save(buf, "WEBP", lossless=True)
    raw = buf.getvalue()
    chunks = []
    pos = 12
    while pos + 8 <= len(raw):
        cid, n = raw[pos:pos + 4], struct.unpack("<I", raw[pos + 4:pos + 8])[0]
        if cid != b"VP8X":
            chunks.append(raw[pos:pos + 8 + n + (n & 1)])
        pos += 8 + n + (n & 1)
    w, h = im.size
    flags = 0x08 | (0x10 if im.mode == "RGBA" else 0)
    vp8x = b.riff_chunk(b"VP8X", bytes([flags, 0, 0, 0]) + (w - 1).to_bytes(3, "little") + (h - 1).to_bytes(3, "little"))
    return b.make_riff(b"WEBP", [vp8x, *chunks, b.riff_chunk(b"EXIF", (b"Exif\x00\x00" if prefix else b"") + exif)])


# --- stealth metadata ---------------------------------------------------------------------------

def stealth_pixels(payload: str, magic: str, size: tuple[int, int] = (64, 96), seed: int = 1) -> np.ndarray:
    """An RGBA (alpha magics) or RGB picture with ``payload`` hidden as the published layout says."""
    compressed = magic.endswith("comp")
    data = gzip.compress(payload.encode("utf-8")) if compressed else payload.encode("utf-8")
    stream = magic.encode("ascii") + struct.pack(">I", len(data) * 8) + data
    bits = np.unpackbits(np.frombuffer(stream, np.uint8))
    w, h = size
    rng = np.random.default_rng(seed)
    alpha = magic.startswith("stealth_png")
    pixels = rng.integers(0, 256, (h, w, 4 if alpha else 3), dtype=np.uint8)
    if alpha:
        pixels[..., 3] = 255
        plane = pixels[..., 3].T.copy().reshape(-1)  # column-major
        assert len(bits) <= plane.size, "picture too small for the payload"
        plane[: len(bits)] = (plane[: len(bits)] & 0xFE) | bits
        pixels[..., 3] = plane.reshape(w, h).T
    else:
        flat = pixels.transpose(1, 0, 2).copy().reshape(-1)
        assert len(bits) <= flat.size
        flat[: len(bits)] = (flat[: len(bits)] & 0xFE) | bits
        pixels = flat.reshape(w, h, 3).transpose(1, 0, 2).copy()
    return pixels


def png_from_pixels(pixels: np.ndarray, chunks: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG")
    raw = buf.getvalue()
    return raw[:33] + b"".join(chunks) + raw[33:]  # after IHDR


# --- JSON schemas ---------------------------------------------------------------------------------

def swarm_json() -> str:
    return json.dumps({"sui_image_params": {"prompt": "a red fox in snow", "negativeprompt": "blurry",
                                            "model": "OfficialStableDiffusion/sd_xl_base_1.0", "seed": 42,
                                            "steps": 30, "cfgscale": 7, "width": 1024, "height": 1024,
                                            "sampler": "euler", "swarm_version": "0.9.5.2"},
                       "sui_extra_data": {"date": "2025-01-01"}})


def fooocus_json() -> str:
    return json.dumps({"prompt": "a castle on a hill", "negative_prompt": "", "styles": "['Fooocus V2']",
                       "performance": "Speed", "steps": 30, "resolution": "(1152, 896)", "guidance_scale": 4,
                       "sharpness": 2, "base_model": "juggernautXL_v8Rundiffusion", "sampler": "dpmpp_2m_sde_gpu",
                       "scheduler": "karras", "seed": "5188113957345049377", "version": "Fooocus v2.5.5"})


def diffusers_json() -> str:
    return json.dumps({"prompt": "an astronaut riding a horse", "negative_prompt": "low quality", "seed": 1234,
                       "model": "stabilityai/stable-diffusion-xl-base-1.0", "num_inference_steps": 25,
                       "guidance_scale": 7.5, "width": 1024, "height": 1024})


def easy_diffusion_json() -> str:
    return json.dumps({"prompt": "a bowl of fruit", "negative_prompt": "", "seed": 99, "num_inference_steps": 25,
                       "guidance_scale": 7.5, "use_stable_diffusion_model": "sd-v1-4", "sampler_name": "euler_a",
                       "width": 512, "height": 512})


def comfy_graph() -> dict:
    return {"3": {"class_type": "KSampler", "inputs": {"seed": 42, "steps": 20, "cfg": 8, "sampler_name": "euler",
                                                       "scheduler": "normal"}},
            "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "flux1-dev.safetensors"}},
            "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 768}},
            "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a red fox"}}}


def novelai_stealth_json() -> str:
    comment = {"prompt": "1girl, silver hair", "uc": "lowres", "steps": 28, "scale": 5, "seed": 3141592653,
               "sampler": "k_euler_ancestral", "width": 832, "height": 1216}
    return json.dumps({"Description": "1girl, silver hair", "Software": "NovelAI", "Source": "NovelAI Diffusion V4.5",
                       "Comment": json.dumps(comment)})
