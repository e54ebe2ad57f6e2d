"""Generation parameters as generators write them: the A1111 ``parameters`` text and JSON objects.

Everything returned is plain text under stable, simple keys (:data:`STABLE`) so that the user
interface and the reports can label them; anything else is kept, clipped, in ``other``. Values
are attacker-controlled: they are never interpreted, only cut to a bounded length.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_JSON = 4 << 20
MAX_TEXT = 2000
MAX_VALUE = 300
MAX_OTHER = 40
# the detail keys every recogniser fills, in display order
STABLE = ("prompt", "negative_prompt", "model", "model_hash", "seed", "sampler", "scheduler", "steps",
          "cfg_scale", "size", "denoising_strength", "clip_skip", "vae", "loras", "version")
_LONG = {"prompt", "negative_prompt"}
# A1111 parameter names -> stable keys
A1111_KEYS = {
    "steps": "steps", "sampler": "sampler", "schedule type": "scheduler", "cfg scale": "cfg_scale",
    "seed": "seed", "size": "size", "model": "model", "model hash": "model_hash", "version": "version",
    "denoising strength": "denoising_strength", "clip skip": "clip_skip", "vae": "vae",
    "lora hashes": "loras",
}
_KEY = re.compile(r"\s*([A-Za-z][\w .\-/()]{0,60}?):\s*")
_PARAM_LINE = re.compile(r"(?:^|\n)\s*Steps:\s*\d+\s*,", re.S)
_STRUCTURE = re.compile(r"\b(Sampler|Seed|CFG scale|Size|Model hash|Model|Schedule type|Version):\s*\S")


def clip(value: Any, n: int = MAX_VALUE) -> str | None:
    """Plain text of ``value`` cut to ``n`` characters (JSON for structures), or None when empty."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= n else text[:n] + "…"


def load_json(text: Any) -> Any:
    """JSON of a bounded text, or None (never raises)."""
    if not isinstance(text, str):
        return None
    s = text.strip().strip("\x00").strip()
    if not s or s[0] not in "{[" or len(s) > MAX_JSON:
        return None
    try:
        return json.loads(s)
    except (json.JSONDecodeError, RecursionError):
        return None


def stable(values: dict[str, Any]) -> dict[str, str]:
    """Keep the stable keys that have a value, as clipped plain text."""
    out: dict[str, str] = {}
    for key in STABLE:
        v = clip(values.get(key), MAX_TEXT if key in _LONG else MAX_VALUE)
        if v is not None:
            out[key] = v
    return out


def other(values: dict[str, Any], used: set[str] = frozenset()) -> dict[str, str]:  # type: ignore[assignment]
    out: dict[str, str] = {}
    for k, v in values.items():
        if str(k) in used or str(k) in STABLE:
            continue
        text = clip(v)
        if text is not None:
            out[str(k)[:80]] = text
        if len(out) >= MAX_OTHER:
            break
    return out


# --- A1111 "parameters" text (Stable Diffusion WebUI and everything that copies it) -----------

def is_a1111(text: str) -> bool:
    """The WebUI structure: a line starting ``Steps: <n>,`` with at least two more known parameters."""
    m = _PARAM_LINE.search(text)
    if not m:
        return False
    line = text[m.start():].lstrip("\n").split("\n", 1)[0]
    return len({k for k in _STRUCTURE.findall(line)}) >= 2


def _split_params(line: str) -> list[tuple[str, str]]:
    """``Key: value, Key: "quoted, value", Key: [json], …`` -> pairs, in order."""
    pairs: list[tuple[str, str]] = []
    pos, n = 0, len(line)
    decoder = json.JSONDecoder()
    while pos < n and len(pairs) < 200:
        m = _KEY.match(line, pos)
        if not m:
            nxt = line.find(",", pos)
            if nxt < 0:
                break
            pos = nxt + 1
            continue
        key, pos = m.group(1).strip(), m.end()
        value = ""
        if pos < n and line[pos] in "\"[{":
            try:
                obj, end = decoder.raw_decode(line, pos)
                value = obj if isinstance(obj, str) else line[pos:end]
                pos = end
            except (json.JSONDecodeError, RecursionError):
                end = line.find(",", pos)
                end = n if end < 0 else end
                value, pos = line[pos:end], end
        else:
            end = line.find(",", pos)
            end = n if end < 0 else end
            value, pos = line[pos:end], end
        pairs.append((key, str(value).strip()))
        comma = line.find(",", pos)
        pos = n if comma < 0 else comma + 1
    return pairs


def parse_a1111(text: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """(stable fields, other fields) of an A1111 ``parameters`` text, or None when it is not one."""
    text = text.replace("\r\n", "\n").strip().strip("\x00")
    if not is_a1111(text):
        return None
    idx = text.rfind("\nSteps:")
    if idx < 0:
        head, params = "", text
    else:
        head, params = text[:idx], text[idx + 1:]
    line, _, rest = params.partition("\n")  # later lines: extension blocks ("Template: …")
    if head.startswith("Negative prompt:"):
        prompt, negative = "", head[len("Negative prompt:"):]
    else:
        prompt, _, negative = head.partition("\nNegative prompt:")
    values: dict[str, Any] = {"prompt": prompt.strip(), "negative_prompt": negative.strip()}
    others: dict[str, str] = {}
    for key, value in _split_params(line):
        target = A1111_KEYS.get(key.lower())
        if target and target not in values:
            values[target] = value
        else:
            others[key] = value
    if rest.strip():
        others["more"] = rest.strip()
    return stable(values), other(others)


def a1111_resources(others: dict[str, str]) -> list[dict[str, str]]:
    """The ``Civitai resources`` block (a JSON list of models used), as plain rows."""
    raw = others.get("Civitai resources")
    data = load_json(raw) if raw else None
    rows: list[dict[str, str]] = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict):
            rows.append({str(k)[:40]: clip(v, 120) or "" for k, v in list(item.items())[:8]})
        if len(rows) >= 20:
            break
    return rows
