"""Which generator wrote a parameter block: the A1111 family by its markers, JSON schemas by their keys.

Names follow what the file itself says (``Version: f2.0.1…`` is Forge, ``App: SD.Next``, a
``Civitai resources`` block, ``fooocus_scheme``); when nothing narrows it down the name stays
at the family ("A1111-compatible"), never a guess.
"""

from __future__ import annotations

import re
from typing import Any

from ..formats.meta import Entry

# stable key -> JSON key spellings seen (lower case, spaces as underscores)
JSON_ALIASES = {
    "prompt": ("prompt", "positive_prompt", "c"),
    "negative_prompt": ("negative_prompt", "negativeprompt", "negative", "uc"),
    "model": ("model", "base_model", "base_model_name", "basemodel", "model_id", "checkpoint",
              "use_stable_diffusion_model", "stable_diffusion_model"),
    "seed": ("seed",),
    "sampler": ("sampler", "sampler_name"),
    "scheduler": ("scheduler",),
    "steps": ("steps", "num_inference_steps"),
    "cfg_scale": ("cfg_scale", "cfgscale", "guidance_scale", "cfg", "scale"),
    "size": ("size", "resolution"),
    "vae": ("vae", "use_vae_model", "vae_model"),
    "loras": ("loras",),
    "version": ("version", "swarm_version", "software", "app_version"),
}


def _values(data: dict[str, Any]) -> dict[str, Any]:
    norm = {str(k).strip().lower().replace(" ", "_"): v for k, v in data.items()}
    out: dict[str, Any] = {}
    for key, names in JSON_ALIASES.items():
        for n in names:
            v = norm.get(n)
            if isinstance(v, dict):  # {"modelFileName": …} / {"name": …}
                v = next((v[k] for k in ("modelFileName", "model_name", "name", "title") if v.get(k)), v)
            if v not in (None, "", [], {}):
                out[key] = v
                break
    if "size" not in out and norm.get("width") and norm.get("height"):
        out["size"] = f"{norm['width']}x{norm['height']}"
    return out


def _says(entries: list[Entry], keys: tuple[str, ...], word: str) -> str | None:
    """The value of the first field named in ``keys`` that contains ``word`` (case-insensitive)."""
    for e in entries:
        if e.key.rsplit(":", 1)[-1] in keys and isinstance(e.value, str) and word in e.value.lower():
            return e.value
    return None


def _fooocus(entries: list[Entry], data: dict[str, Any] | None = None) -> str | None:
    texts = [str(v) for k, v in (data or {}).items() if str(k).lower() in ("version", "software")]
    texts += [v for e in entries if e.key.rsplit(":", 1)[-1] in ("Software", "version", "Version")
              and isinstance(v := e.value, str)]
    if any("ruinedfooocus" in t.lower() for t in texts):
        return "RuinedFooocus"
    if any("fooocus" in t.lower() for t in texts) or any(e.key == "fooocus_scheme" for e in entries):
        return "Fooocus"
    return None


def a1111_name(params: dict[str, str], others: dict[str, str], entries: list[Entry]) -> str:
    version = params.get("version", "")
    low = {k.lower(): v for k, v in others.items()}
    fooocus = _fooocus(entries)
    if fooocus:
        return fooocus
    if "civitai resources" in low or "civitai metadata" in low:
        return "Civitai (on-site generator)"
    blob = " ".join([version, low.get("app", ""), *others.keys()]).lower()
    if "sd.next" in blob or "sdnext" in blob:
        return "SD.Next"
    if "comfyui" in blob or "comfyui" in " ".join(others.values()).lower():
        return "ComfyUI (A1111-style parameters from a save node)"
    if "tensor.art" in blob or "tensorart" in blob:
        return "Tensor.Art"
    if any(e.key == "smproj" for e in entries):
        return "Stability Matrix"
    v = version.strip().lower()
    if v == "classic":
        return "Stable Diffusion WebUI Forge Classic"
    if v.startswith("neo"):
        return "Stable Diffusion WebUI Forge Neo"
    if re.match(r"^f\d+\.\d+(\.\d+)?v\d+-v", v) or "reforge" in v:
        return "Stable Diffusion WebUI reForge"
    if re.match(r"^f\d+\.\d+(\.\d+)?-v", v):
        return "Stable Diffusion WebUI EasyReforge"
    if re.match(r"^f\d", v):
        return "Stable Diffusion WebUI Forge"
    if v.startswith("v") and v[1:2].isdigit():
        return "Stable Diffusion WebUI (AUTOMATIC1111)"
    return "Stable Diffusion WebUI (A1111-compatible)"


def json_name(data: dict[str, Any], entries: list[Entry], field: str) -> tuple[str, dict[str, Any], str] | None:
    """(generator, stable values, why) for a JSON object of a known schema, or None."""
    swarm = data.get("sui_image_params")
    if isinstance(swarm, dict):
        return "SwarmUI", _values(swarm), f"'{field}' holds SwarmUI's 'sui_image_params' JSON"
    if "use_stable_diffusion_model" in data:
        return "Easy Diffusion", _values(data), f"'{field}' holds Easy Diffusion's settings JSON"
    if field.lower() == "generation_data":
        return "Tensor.Art", _values(data), "text chunk 'generation_data' (Tensor.Art's own field)"
    if "extraMetadata" in data or any(str(k).startswith("civitai:") for k in data):
        return "Civitai (on-site generator)", _values(data), f"'{field}' holds Civitai's generation JSON"
    values = _values(data)
    fooocus = _fooocus(entries, data)
    if fooocus and field.lower() in ("parameters", "usercomment", "comment") and "prompt" in values:
        return fooocus, values, f"'{field}' holds {fooocus}'s parameter JSON"
    if (field.lower() == "parameters" and "prompt" in values and "seed" in values
            and any(k in values for k in ("model", "steps", "cfg_scale", "negative_prompt"))):
        return ("Hugging Face diffusers (a Space or script)", values,
                "'parameters' holds a JSON object with prompt, seed and model settings (diffusers Spaces)")
    return None
