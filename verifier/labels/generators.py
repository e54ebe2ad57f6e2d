"""Generator metadata: Stable Diffusion WebUI, ComfyUI, NovelAI, InvokeAI, Midjourney, xAI Grok.

Each recogniser reads entries (field name + value) and returns a :class:`GeneratorHit` with
``confident`` set only when the fields identify the generator unambiguously; a pattern that
merely resembles a generator's output (Grok's UUID + signature) is reported as weak.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..formats.meta import Entry

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_JOB_ID = re.compile(r"Job ID:\s*(" + UUID + ")")
_UUID_ONLY = re.compile(r"^\s*" + UUID + r"\s*$")
_SIGNATURE = re.compile(r"^\s*Signature:\s*([A-Za-z0-9+/=]{40,})\s*$")
_MJ_VERSION = re.compile(r"--(?:v|version|niji)\s+([\d.]+)")
MAX_JSON = 2 << 20


@dataclass
class GeneratorHit:
    generator: str
    confident: bool
    placement: str
    why: str
    model: str | None = None
    prompt: str | None = None
    seed: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


def _text(entries: list[Entry], *names: str) -> tuple[Entry, str] | None:
    for e in entries:
        if e.key in names and isinstance(e.value, str) and e.value.strip():
            return e, e.value
    return None


def _json(text: str) -> Any:
    if len(text) > MAX_JSON:
        return None
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


def _clip(v: Any, n: int = 2000) -> str | None:
    return None if v is None else str(v)[:n]


def a1111(entries: list[Entry]) -> GeneratorHit | None:
    found = _text(entries, "parameters")
    if not found:
        return None
    e, text = found
    if "Steps:" not in text or not re.search(r"(Sampler|Seed|CFG scale):", text):
        return None
    head, _, tail = text.rpartition("\nSteps:")
    params = "Steps:" + tail if head else text
    prompt, _, negative = (head or "").partition("\nNegative prompt:")
    kv = dict(re.findall(r"([A-Za-z][\w ]*?):\s*(\"[^\"]*\"|[^,]+)", params))
    version = kv.get("Version", "")
    name = "Stable Diffusion WebUI Forge" if version.startswith("f") else "Stable Diffusion WebUI (A1111-compatible)"
    return GeneratorHit(name, True, e.placement, "PNG text 'parameters' in WebUI format",
                        model=kv.get("Model"), prompt=_clip(prompt.strip()), seed=kv.get("Seed"),
                        fields={k: _clip(v, 300) for k, v in list(kv.items())[:40]} | (
                            {"negative_prompt": _clip(negative.strip())} if negative else {}))


def comfyui(entries: list[Entry]) -> GeneratorHit | None:
    prompt_e = _text(entries, "prompt")
    workflow_e = _text(entries, "workflow")
    graph = _json(prompt_e[1]) if prompt_e else None
    workflow = _json(workflow_e[1]) if workflow_e else None
    nodes = graph if isinstance(graph, dict) and any(
        isinstance(v, dict) and "class_type" in v for v in graph.values()) else None
    wf_ok = isinstance(workflow, dict) and isinstance(workflow.get("nodes"), list)
    if not nodes and not wf_ok:
        return None
    model = seed = text = None
    classes: list[str] = []
    for node in (nodes or {}).values():
        if not isinstance(node, dict):
            continue
        ctype, inputs = str(node.get("class_type", "")), node.get("inputs") or {}
        classes.append(ctype)
        if not isinstance(inputs, dict):
            continue
        model = model or inputs.get("ckpt_name") or inputs.get("unet_name")
        seed = seed or inputs.get("seed") or inputs.get("noise_seed")
        if "CLIPTextEncode" in ctype and isinstance(inputs.get("text"), str):
            text = text or inputs["text"]
    placement = (prompt_e or workflow_e)[0].placement  # type: ignore[index]
    return GeneratorHit("ComfyUI", True, placement, "ComfyUI node graph in PNG text 'prompt'/'workflow'",
                        model=_clip(model, 300), prompt=_clip(text), seed=_clip(seed, 40),
                        fields={"node_types": sorted(set(classes))[:50], "has_workflow": wf_ok})


def novelai(entries: list[Entry]) -> GeneratorHit | None:
    sw = _text(entries, "Software")
    source = _text(entries, "Source")
    named = any(x and "novelai" in x[1].lower() for x in (sw, source))
    if not named:
        return None
    comment = _text(entries, "Comment")
    data = _json(comment[1]) if comment else None
    data = data if isinstance(data, dict) else {}
    desc = _text(entries, "Description")
    return GeneratorHit("NovelAI", True, (sw or source)[0].placement,  # type: ignore[index]
                        "Software/Source names NovelAI", model=_clip(source[1] if source else None, 200),
                        prompt=_clip(data.get("prompt") or (desc[1] if desc else None)),
                        seed=_clip(data.get("seed"), 40),
                        fields={k: _clip(v, 300) for k, v in list(data.items())[:30] if k != "prompt"})


def invokeai(entries: list[Entry]) -> GeneratorHit | None:
    found = _text(entries, "invokeai_metadata", "sd-metadata", "Dream", "invokeai_graph")
    if not found:
        return None
    e, text = found
    data = _json(text)
    data = data if isinstance(data, dict) else {}
    model = data.get("model")
    if isinstance(model, dict):
        model = model.get("name") or model.get("model_name")
    return GeneratorHit("InvokeAI", True, e.placement, f"PNG text '{e.key}'", model=_clip(model, 300),
                        prompt=_clip(data.get("positive_prompt") or data.get("prompt")),
                        seed=_clip(data.get("seed"), 40),
                        fields={"keys": sorted(map(str, data))[:50]})


def midjourney(entries: list[Entry]) -> GeneratorHit | None:
    found = _text(entries, "Description")
    if not found:
        return None
    e, text = found
    m = _JOB_ID.search(text)
    if not m:
        return None
    prompt = text[: m.start()].strip()
    version = _MJ_VERSION.search(prompt)
    author = _text(entries, "Author")
    fields: dict[str, Any] = {"job_id": m.group(1)}
    if author:
        fields["author"] = _clip(author[1], 200)
    return GeneratorHit("Midjourney", True, e.placement, "PNG text 'Description' with a Midjourney 'Job ID'",
                        model=f"Midjourney v{version.group(1)}" if version else None, prompt=_clip(prompt),
                        fields=fields)


def grok(entries: list[Entry]) -> GeneratorHit | None:
    artist = next((e for e in entries if e.key == "Artist" and isinstance(e.value, str)
                   and _UUID_ONLY.match(e.value)), None)
    sig = next((e for e in entries if e.key in ("ImageDescription", "UserComment")
                and isinstance(e.value, str) and _SIGNATURE.match(e.value)), None)
    if not (artist and sig):
        return None
    return GeneratorHit("xAI Grok (inferred from a metadata pattern)", False, sig.placement,
                        "EXIF Artist is a bare UUID and the description is 'Signature: <base64>', the "
                        "pattern of xAI Grok output; nothing in the file names the generator",
                        fields={"artist_uuid": artist.value.strip(),
                                "signature_length": len(_SIGNATURE.match(sig.value).group(1))})  # type: ignore[union-attr]


RECOGNISERS = (a1111, comfyui, novelai, invokeai, midjourney, grok)


def find(entries: list[Entry]) -> list[GeneratorHit]:
    hits = []
    for recognise in RECOGNISERS:
        hit = recognise(entries)
        if hit is not None:
            hits.append(hit)
    return hits
