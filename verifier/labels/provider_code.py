"""GB 45438 / TC260-PG-20252A provider codes and the Unified Social Credit Code inside them.

A provider code is 27 characters: ``00`` + ``11`` + the 18-character USCC of the company +
service type (``1`` generation, ``2`` propagation) + 4 characters chosen by the provider.
Vendor names are only ever a *guess* from an unverified third-party mapping (LABELS.md §1).
"""

from __future__ import annotations

from typing import Any

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
SERVICE_TYPES = {"1": "generation", "2": "propagation"}

# Unverified third-party mapping (LABELS.md §1): shown only as a guess.
VENDOR_GUESSES = {
    "91110102MACQD9K640": "ByteDance Doubao",
    "9144030008867405X2": "ByteDance Jimeng",
    "91440300708461136T": "Tencent",
    "91110108335469089C": "Kuaishou Kling",
    "91110000802100433B": "Baidu",
    "91110108MA01KP2T5U": "Zhipu",
    "91340000711771143J": "iFlytek",
    "91440101MA9Y9T4H7A": "Alibaba Qwen app",
    "91110105MACJ6K1C8A": "LiblibAI",
    "91340100MAEB4N8H76": "RunningHub",
}
# Product or company names written instead of a provider code (LABELS.md §1.7), lower case
NAMES_SEEN = {
    "minimax": "MiniMax (Hailuo)", "minimax agent ai": "MiniMax Agent", "hailuo": "MiniMax (Hailuo)",
    "doubao": "ByteDance Doubao", "kling": "Kuaishou Kling", "picwish": "PicWish", "runninghub": "RunningHub",
}


def uscc_check_ok(uscc: str) -> bool:
    """GB 32100-2015 check character (the 18th) of a Unified Social Credit Code."""
    if len(uscc) != 18 or any(c not in USCC_CHARSET for c in uscc):
        return False
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(uscc[:17], USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31] == uscc[17]


def decode(value: Any) -> dict[str, Any]:
    """Describe a ContentProducer/ContentPropagator value."""
    if value is None or value == "":
        return {"form": "empty"}
    if not isinstance(value, str):
        return {"form": "not a string", "value": str(value)}
    code = value.strip()
    if len(code) == 27 and code.startswith("0011") and code[4:22].isalnum() and code[22].isdigit():
        uscc = code[4:22]
        out: dict[str, Any] = {
            "form": "provider code",
            "code": code,
            "uscc": uscc,
            "uscc_check_digit_ok": uscc_check_ok(uscc),
            "service_type": SERVICE_TYPES.get(code[22], f"not defined ({code[22]!r})"),
            "provider_suffix": code[23:],
        }
        guess = VENDOR_GUESSES.get(uscc)
        if guess:
            out["vendor_guess"] = f"possibly {guess} (a guess from an unverified third-party mapping of this USCC)"
            out["vendor_guess_verified"] = False
        return out
    if code.isascii() and code.replace("-", "").isalnum() and len(code) >= 20 and any(c.isdigit() for c in code):
        return {"form": "malformed code", "value": code,
                "problem": "not a 27-character provider code (00 + 11 + USCC + type + 4)"}
    out = {"form": "name", "value": code}
    seen = NAMES_SEEN.get(code.lower())
    if seen:
        out["vendor_guess"] = f"possibly {seen} (a name seen in real labels; the file states it, nobody vouches for it)"
        out["vendor_guess_verified"] = False
    return out
