"""Generator metadata: which tool wrote the file's generation parameters, and what they say.

Each recogniser reads entries (field name + value, from PNG text chunks, EXIF, XMP, the alpha
channel's stealth data…) and returns a :class:`GeneratorHit`. ``confident`` is set only when the
*structure* is a generator's (an A1111 parameter line, a ComfyUI node graph, a named JSON
schema, a tool naming itself); a prompt-looking comment is not enough, and a pattern that merely
resembles a generator's output (Grok's UUID + signature) is weak. Generators and their fields:
``docs/GENERATORS.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..formats.meta import Entry
from . import gen_params as P
from .gen_names import a1111_name, json_name

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_JOB_ID = re.compile(r"Job ID:\s*(" + UUID + ")")
_UUID_ONLY = re.compile(r"^\s*" + UUID + r"\s*$")
_SIGNATURE = re.compile(r"^\s*Signature:\s*([A-Za-z0-9+/=]{40,})\s*$")
_MJ_VERSION = re.compile(r"--(?:v|version|niji)\s+([\d.]+)")
_COMFY_PREFIX = re.compile(r"^\s*(prompt|workflow)\s*:\s*(?=\{)", re.I)
# fields where generators put their text, besides the PNG keywords they own
TEXT_FIELDS = ("parameters", "UserComment", "ImageDescription", "Comment", "Description", "description",
               "Make", "Model", "XPComment", "stealth", "generation_data")


@dataclass
class GeneratorHit:
    generator: str
    confident: bool
    placement: str
    why: str
    params: dict[str, str] = field(default_factory=dict)  # stable keys (gen_params.STABLE)
    fields: dict[str, Any] = field(default_factory=dict)  # everything else, clipped
    # why, as a code and its values, worded by verifier.describe ("generator.why.<code>"); ``why``
    # stays the English for scripts
    why_code: str = ""
    why_field: str = ""


def _local(key: str) -> str:
    """``exif:UserComment`` -> ``UserComment``; PNG keywords stay as they are."""
    return key.rsplit(":", 1)[-1].split("/")[-1]


def _texts(entries: list[Entry], *names: str) -> Iterator[tuple[Entry, str]]:
    wanted = {n.lower() for n in names}
    for e in entries:
        if isinstance(e.value, str) and e.value.strip() and _local(e.key).lower() in wanted:
            yield e, e.value


def _first(entries: list[Entry], *names: str) -> tuple[Entry, str] | None:
    return next(_texts(entries, *names), None)


def _where(e: Entry) -> str:
    return e.placement


# --- A1111 family (A1111, Forge, reForge, SD.Next, Fooocus's a1111 scheme, Civitai, savers) --------

def a1111(entries: list[Entry]) -> list[GeneratorHit]:
    hits: list[GeneratorHit] = []
    seen: set[str] = set()
    for e, text in _texts(entries, *TEXT_FIELDS):
        parsed = P.parse_a1111(text)
        if parsed is None or text.strip() in seen:
            continue
        seen.add(text.strip())
        params, others = parsed
        name = a1111_name(params, others, entries)
        fields: dict[str, Any] = dict(others)
        resources = P.a1111_resources(others)
        if resources:
            fields["Civitai resources"] = resources
        hits.append(GeneratorHit(name, True, _where(e), f"'{_local(e.key)}' holds a Stable Diffusion WebUI "
                                 "parameter line (Steps, Sampler, Seed…)", params, fields,
                                 "params_in_field", _local(e.key)))
    return hits


# --- ComfyUI: API prompt graph and UI workflow (PNG chunks, or EXIF "prompt:{…}" / "workflow:{…}") ----

def _comfy_sources(entries: list[Entry]) -> Iterator[tuple[Entry, str, Any]]:
    for e in entries:
        if not isinstance(e.value, str):
            continue
        key = _local(e.key).lower()
        if key in ("usercomment", "comment", "imagedescription") and e.value.lstrip().startswith("{"):
            both = P.load_json(e.value)  # a PNG converted to JPEG/WebP: {"prompt": …, "workflow": …}
            if isinstance(both, dict) and "prompt" in both and "workflow" in both:
                for kind in ("prompt", "workflow"):
                    v = both[kind]
                    yield e, kind, P.load_json(v) if isinstance(v, str) else v
                continue
        if key in ("prompt", "workflow") and e.group != "XMP":
            yield e, key, P.load_json(e.value)
        elif key in ("make", "model", "imagedescription", "usercomment", "comment", "software", "artist"):
            m = _COMFY_PREFIX.match(e.value)
            if m:
                yield e, m.group(1).lower(), P.load_json(e.value[m.end():])


def _graph_params(nodes: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    classes: list[str] = []
    for node in nodes.values():
        if not isinstance(node, dict):
            continue
        ctype, inputs = str(node.get("class_type", "")), node.get("inputs") or {}
        classes.append(ctype)
        if not isinstance(inputs, dict):
            continue

        def put(key: str, *names: str) -> None:
            for n in names:
                v = inputs.get(n)
                if key not in values and isinstance(v, (str, int, float)) and not isinstance(v, bool):
                    values[key] = v

        put("model", "ckpt_name", "unet_name", "model_name")
        put("seed", "seed", "noise_seed")
        put("steps", "steps")
        put("cfg_scale", "cfg")
        put("sampler", "sampler_name")
        put("scheduler", "scheduler")
        put("vae", "vae_name")
        if "CLIPTextEncode" in ctype and isinstance(inputs.get("text"), str):
            values.setdefault("prompt", inputs["text"])
        if "width" in inputs and "height" in inputs and "size" not in values:
            w, h = inputs["width"], inputs["height"]
            if isinstance(w, int) and isinstance(h, int):
                values["size"] = f"{w}x{h}"
    return values, classes


_CUT_GRAPH = re.compile(r'^\s*\{\s*"[^"]{1,40}"\s*:\s*\{[^{}]*"(?:inputs|class_type)"\s*:')
_CUT_WORKFLOW = re.compile(r'^\s*\{[^\[]{0,400}"nodes"\s*:\s*\[\s*\{')


def comfyui(entries: list[Entry]) -> list[GeneratorHit]:
    graph = workflow = None
    where: Entry | None = None
    cut: list[str] = []
    for e, kind, obj in _comfy_sources(entries):
        if kind == "prompt" and graph is None and isinstance(obj, dict) and any(
                isinstance(v, dict) and "class_type" in v for v in obj.values()):
            graph, where = obj, where or e
        elif kind == "workflow" and workflow is None and isinstance(obj, dict) and isinstance(obj.get("nodes"), list):
            workflow, where = obj, where or e
        elif obj is None:  # cut short (a JPEG segment holds 64 KiB): still the graph's structure
            body = _COMFY_PREFIX.sub("", e.value, count=1)
            if (_CUT_GRAPH if kind == "prompt" else _CUT_WORKFLOW).match(body):
                cut.append(f"{_local(e.key)} ({kind}, cut short: not valid JSON)")
                where = where or e
    if where is None:
        return []
    values, classes = _graph_params(graph or {})
    fields: dict[str, Any] = {"node_types": sorted(set(classes))[:50], "has_workflow": workflow is not None}
    if cut:
        fields["incomplete"] = "; ".join(cut)
    if workflow is not None and not classes:
        types = [str(n.get("type")) for n in workflow["nodes"][:500] if isinstance(n, dict) and n.get("type")]
        fields["node_types"] = sorted(set(types))[:50]
    how = "PNG text chunks 'prompt'/'workflow'" if where.placement.startswith("png:") else (
        f"'{_local(where.key)}' = 'prompt:'/'workflow:' + JSON")
    name = "ComfyUI"
    if isinstance(graph, dict) and "extraMetadata" in graph:
        name = "Civitai (on-site generator, ComfyUI graph)"
    return [GeneratorHit(name, True, where.placement, f"ComfyUI node graph in {how}", P.stable(values), fields,
                         "node_graph", "prompt / workflow" if where.placement.startswith("png:")
                         else _local(where.key))]


# --- JSON schemas: SwarmUI, Fooocus, Easy Diffusion, Draw Things, diffusers Spaces, RuinedFooocus ----

def _novelai_why(where: str, key: str) -> tuple[str, str]:
    if "alpha" in where:
        return "stealth_alpha", ""
    return ("names_generator", key) if key in ("Software", "Source") else ("params_in_field", "Comment")


def json_params(entries: list[Entry]) -> list[GeneratorHit]:
    hits: list[GeneratorHit] = []
    for e, text in _texts(entries, *TEXT_FIELDS):
        data = P.load_json(text)
        if not isinstance(data, dict):
            continue
        found = json_name(data, entries, _local(e.key))
        if found is None:
            continue
        name, values, why = found
        used = set(values)
        hits.append(GeneratorHit(name, True, e.placement, why, P.stable(values), P.other(
            _flat(data), used), "params_in_field", _local(e.key)))
    return hits


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    inner = data.get("sui_image_params")
    return inner if isinstance(inner, dict) else data


def easy_diffusion_chunks(entries: list[Entry]) -> list[GeneratorHit]:
    """Easy Diffusion's PNG: one text chunk per setting, ``use_stable_diffusion_model`` among them."""
    kv = {_local(e.key).lower().replace(" ", "_"): (e, e.value) for e in entries
          if isinstance(e.value, str) and e.placement.startswith("png:") and e.group != "XMP"}
    model_key = next((k for k in ("use_stable_diffusion_model", "stable_diffusion_model") if k in kv), None)
    if model_key is None or "prompt" not in kv or not ({"seed", "negative_prompt"} & set(kv)):
        return []
    marker = kv[model_key]

    def get(*names: str) -> str | None:
        return next((kv[n][1] for n in names if n in kv), None)

    values = {"prompt": get("prompt"), "negative_prompt": get("negative_prompt"), "seed": get("seed"),
              "model": marker[1], "sampler": get("sampler_name", "sampler"),
              "steps": get("num_inference_steps", "steps"), "cfg_scale": get("guidance_scale"),
              "vae": get("use_vae_model", "vae_model")}
    if get("width") and get("height"):
        values["size"] = f"{get('width')}x{get('height')}"
    return [GeneratorHit("Easy Diffusion", True, marker[0].placement,
                         "text chunks with Easy Diffusion's setting names (use_stable_diffusion_model…)",
                         P.stable(values), {}, "setting_names")]


# --- tools that name themselves --------------------------------------------------------------------

_NAI_KEYS = ("v4_prompt", "noise_schedule", "uncond_scale")


def _novelai_converted(entries: list[Entry]) -> list[Entry]:
    """A NovelAI PNG converted to JPEG/WebP: its chunks as one JSON object in UserComment/Comment."""
    for e, text in _texts(entries, "UserComment", "Comment", "ImageDescription"):
        data = P.load_json(text)
        if isinstance(data, dict) and "novelai" in str(data.get("Software", "")).lower():
            return [Entry(e.placement, str(k)[:100], v if isinstance(v, str) else P.clip(v, 1 << 20) or "",
                          group=e.group) for k, v in list(data.items())[:50]]
    return []


def novelai(entries: list[Entry]) -> list[GeneratorHit]:
    named = [x for x in (_first(entries, "Software"), _first(entries, "Source")) if x and "novelai" in x[1].lower()]
    if not named:
        converted = _novelai_converted(entries)
        if converted:
            return novelai(converted)
        comment = _first(entries, "Comment")
        data = P.load_json(comment[1]) if comment else None
        if not (isinstance(data, dict) and any(k in data for k in _NAI_KEYS)):
            return []
        named = [comment]  # type: ignore[list-item]
    comment = _first(entries, "Comment")
    data = P.load_json(comment[1]) if comment else None
    data = data if isinstance(data, dict) else {}
    desc = _first(entries, "Description")
    source = _first(entries, "Source")
    v4 = data["v4_prompt"] if isinstance(data.get("v4_prompt"), dict) else {}
    caption = v4["caption"] if isinstance(v4.get("caption"), dict) else {}
    values = {"prompt": data.get("prompt") or caption.get("base_caption") or (desc[1] if desc else None),
              "negative_prompt": data.get("uc"), "seed": data.get("seed"), "steps": data.get("steps"),
              "sampler": data.get("sampler"), "cfg_scale": data.get("scale"),
              "model": source[1] if source else None}
    if data.get("width") and data.get("height"):
        values["size"] = f"{data['width']}x{data['height']}"
    where = named[0][0].placement
    how = ("stealth data in the alpha channel names NovelAI" if "alpha" in where
           else "Software/Source names NovelAI" if _local(named[0][0].key) in ("Software", "Source")
           else "'Comment' holds NovelAI's parameter JSON (v4_prompt, noise_schedule…)")
    return [GeneratorHit("NovelAI", True, where, how, P.stable(values),
                         P.other(data, {"prompt", "uc", "seed", "steps", "sampler", "scale", "v4_prompt",
                                        "v4_negative_prompt", "width", "height"}),
                         *_novelai_why(where, _local(named[0][0].key)))]


def invokeai(entries: list[Entry]) -> list[GeneratorHit]:
    found = _first(entries, "invokeai_metadata", "sd-metadata", "Dream", "invokeai_graph")
    if not found or found[0].group == "XMP":
        return []
    e, text = found
    data = P.load_json(text)
    data = data if isinstance(data, dict) else {}
    image = data["image"] if isinstance(data.get("image"), dict) else {}  # sd-metadata
    model = data.get("model")
    if isinstance(model, dict):
        model = model.get("name") or model.get("model_name")
    prompt = data.get("positive_prompt") or data.get("prompt") or image.get("prompt")
    if isinstance(prompt, list):  # sd-metadata: [{"prompt": …, "weight": …}]
        prompt = " ".join(str(p.get("prompt", "")) for p in prompt if isinstance(p, dict))
    values = {"prompt": prompt if data else text, "negative_prompt": data.get("negative_prompt"),
              "seed": data.get("seed") or image.get("seed"), "model": model or data.get("model_weights"),
              "steps": data.get("steps") or image.get("steps"),
              "cfg_scale": data.get("cfg_scale") or image.get("cfg_scale"),
              "sampler": data.get("scheduler") or image.get("sampler"),
              "version": data.get("app_version")}
    w, h = data.get("width") or image.get("width"), data.get("height") or image.get("height")
    if w and h:
        values["size"] = f"{w}x{h}"
    return [GeneratorHit("InvokeAI", True, e.placement, f"text '{e.key}' (InvokeAI's own field)",
                         P.stable(values), {"keys": sorted(map(str, data))[:50]} if data else {},
                         "params_in_field", e.key)]


def draw_things(entries: list[Entry]) -> list[GeneratorHit]:
    tool = next(((e, v) for e, v in _texts(entries, "CreatorTool", "Software") if "draw things" in v.lower()), None)
    if not tool:
        return []
    data: dict[str, Any] = {}
    for _e, text in _texts(entries, "UserComment"):
        obj = P.load_json(text)
        if isinstance(obj, dict):
            data = obj
            break
    desc = _first(entries, "description")
    values = {"prompt": data.get("c") or (desc[1] if desc else None), "negative_prompt": data.get("uc"),
              "seed": data.get("seed"), "model": data.get("model"), "sampler": data.get("sampler"),
              "steps": data.get("steps"), "cfg_scale": data.get("scale"), "size": data.get("size")}
    return [GeneratorHit("Draw Things", True, tool[0].placement, f"'{_local(tool[0].key)}' names Draw Things",
                         P.stable(values), P.other(data, {"c", "uc", "seed", "model", "sampler", "steps",
                                                          "scale", "size"}),
                         "names_generator", _local(tool[0].key))]


def midjourney(entries: list[Entry]) -> list[GeneratorHit]:
    for e, text in _texts(entries, "Description", "ImageDescription", "description", "UserComment"):
        m = _JOB_ID.search(text)
        if not m:
            continue
        prompt = text[: m.start()].strip()
        version = _MJ_VERSION.search(prompt)
        author = _first(entries, "Author", "Artist", "creator")
        fields: dict[str, Any] = {"job_id": m.group(1)}
        if author:
            fields["author"] = P.clip(author[1], 200)
        values = {"prompt": prompt, "model": f"Midjourney v{version.group(1)}" if version else None}
        return [GeneratorHit("Midjourney", True, e.placement,
                             f"'{_local(e.key)}' with a Midjourney 'Job ID'", P.stable(values), fields,
                             "job_id", _local(e.key))]
    return []


def grok(entries: list[Entry]) -> list[GeneratorHit]:
    artist = next((e for e in entries if e.key == "Artist" and isinstance(e.value, str)
                   and _UUID_ONLY.match(e.value)), None)
    sig = next((e for e in entries if e.key in ("ImageDescription", "UserComment")
                and isinstance(e.value, str) and _SIGNATURE.match(e.value)), None)
    if not (artist and sig):
        return []
    return [GeneratorHit("xAI Grok (inferred from a metadata pattern)", False, sig.placement,
                         "EXIF Artist is a bare UUID and the description is 'Signature: <base64>', the "
                         "pattern of xAI Grok output; nothing in the file names the generator", {},
                         {"artist_uuid": artist.value.strip(),
                          "signature_length": len(_SIGNATURE.match(sig.value).group(1))},  # type: ignore[union-attr]
                         "grok_pattern")]


RECOGNISERS = (comfyui, json_params, a1111, easy_diffusion_chunks, novelai, invokeai, draw_things, midjourney,
               grok)


def find(entries: list[Entry]) -> list[GeneratorHit]:
    hits: list[GeneratorHit] = []
    for recognise in RECOGNISERS:
        for hit in recognise(entries):
            if not any(h.generator == hit.generator and h.placement == hit.placement for h in hits):
                hits.append(hit)
    return hits
