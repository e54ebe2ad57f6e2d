"""ByteDance apps' export JSON: ``{"product":"aweme","aigc_info":"{\\"aigc_type\\":1,…}"}``.

Douyin (``aweme``), Doubao, Xinghui and Dreamina write it into EXIF ImageDescription or
UserComment when a picture or video is exported. It is not a GB 45438 label: it is what the
exporting app declares about the content, shown as a fact with the app's own values.
"""

from __future__ import annotations

import json
from typing import Any

from ..formats.meta import Entry

FIELDS = ("ImageDescription", "UserComment", "Comment", "description")
PRODUCTS = {"aweme": "Douyin", "aweme_lite": "Douyin Lite", "doubao": "Doubao", "xinghui": "Xinghui",
            "dreamina": "Dreamina", "jimeng": "Jimeng", "lv": "CapCut/Jianying", "ulike": "Xingtu"}
MAX_TEXT = 64 << 10


def _obj(text: Any) -> dict[str, Any] | None:
    if isinstance(text, dict):
        return text
    if not isinstance(text, str) or len(text) > MAX_TEXT or "{" not in text:
        return None
    try:
        obj = json.loads(text.strip().strip("\x00"))
    except (json.JSONDecodeError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def find(entries: list[Entry]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for e in entries:
        if e.key.rsplit(":", 1)[-1] not in FIELDS:
            continue
        data = _obj(e.value)
        if not data or "product" not in data or not any(str(k).startswith("aigc") for k in data):
            continue
        product = str(data.get("product", ""))[:60]
        info = _obj(data.get("aigc_info"))
        fact: dict[str, Any] = {
            "placement": e.placement, "product": product,
            "app": PRODUCTS.get(product.lower(), product),
            "note": "declared by the exporting app (ByteDance export data), not a GB 45438 label",
        }
        if info is not None:
            fact["aigc_info"] = {str(k)[:40]: str(v)[:200] for k, v in list(info.items())[:20]}
        elif data.get("aigc_info") is not None:
            fact["aigc_info"] = str(data["aigc_info"])[:300]
        others = {str(k)[:40]: str(v)[:200] for k, v in list(data.items())[:20] if k not in ("product", "aigc_info")}
        if others:
            fact["other"] = others
        out.append(fact)
    return out[:10]
