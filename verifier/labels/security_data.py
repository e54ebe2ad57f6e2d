"""What a GB 45438 ``ReservedCode1``/``ReservedCode2`` declares: SecurityData, a signature, a hash…

TC260-PG-202511A lets a provider put integrity data there: a ``SecurityData`` JSON object
(``Type`` ``TC260PG``, ``PubSD`` entries: ``DS`` signatures over label metadata, ``PubKey`` with
the key, algorithm ids such as ``1.2.156.10197.1.501`` = SM3withSM2). Platforms write it in
several shapes: Tencent escapes it into a string with a leading space in ``" TC260PG"``, MiniMax
writes bare DER signatures. This module *describes* what is declared. It does not verify the
signatures: the exact signed message is not published in a form we could confirm against real
files, and the key travels with the file anyway, so a passing check could only ever show the
label is self-consistent, never who made it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

ALGORITHMS = {
    "1.2.156.10197.1.501": "SM3withSM2 (signature)",
    "1.2.156.10197.1.401": "SM3 (hash)",
    "1.2.156.10197.1.301": "SM2 (public key)",
    "sm3": "SM3 (hash)",
    "sm2": "SM2",
}
NOT_VERIFIED = "format_unconfirmed"  # a code, worded by verifier.describe ("value.verified.format_unconfirmed")
_HEX = re.compile(r"^[0-9A-Fa-f]+$")
_B64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")
MAX_ITEMS = 8


def _json_object(value: str) -> dict[str, Any] | None:
    s = value.strip()
    for _ in range(3):  # escaped or encoded twice
        try:
            obj = json.loads(s)
        except (json.JSONDecodeError, RecursionError):
            return None
        if isinstance(obj, dict):
            return obj
        if not isinstance(obj, str):
            return None
        s = obj.strip()
    return None


def _alg(value: Any) -> str:
    text = str(value).strip()
    return f"{text} = {ALGORITHMS[text.lower()]}" if text.lower() in ALGORITHMS else text[:80]


def _der_signature(raw: bytes) -> bool:
    """A DER SEQUENCE of two INTEGERs (an (r, s) signature, as SM2 and ECDSA write them)."""
    if len(raw) < 8 or raw[0] != 0x30 or raw[1] != len(raw) - 2 or raw[2] != 0x02:
        return False
    n1 = raw[3]
    at = 4 + n1
    return at + 2 <= len(raw) and raw[at] == 0x02 and at + 2 + raw[at + 1] == len(raw)


def _pub_entry(entry: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": str(entry.get("Type", ""))[:40]}
    if entry.get("AlgID") is not None:
        out["algorithm"] = _alg(entry["AlgID"])
    tbs = entry.get("TBSData")
    if isinstance(tbs, dict) and tbs.get("Type"):
        out["signs"] = str(tbs["Type"])[:60]
    for key, name in (("Signature", "signature"), ("KeyValue", "key"), ("Value", "value")):
        v = entry.get(key)
        if isinstance(v, str) and v:
            out[name] = f"{len(v) // 2 if _HEX.match(v) else len(v)} bytes" + (
                ", DER (r, s)" if _HEX.match(v) and len(v) % 2 == 0 and _der_signature(bytes.fromhex(v)) else "")
    if entry.get("KeyID") is not None:
        out["key_id"] = str(entry["KeyID"])[:40]
    return out


def describe(value: Any) -> dict[str, Any] | None:
    """A plain description of a reserved-code value, or None when it is empty."""
    if value is None:
        return {"form": "null"}
    if not isinstance(value, str):
        return {"form": "not a string", "value": str(value)[:100]}
    text = value.strip()
    if not text:
        return None
    obj = _json_object(text) if text[:1] in "{\"" else None
    if obj is not None:
        sd = obj["SecurityData"] if isinstance(obj.get("SecurityData"), dict) else obj
        if "Type" in sd or "AlgID" in sd or "PubSD" in sd or "PubSd" in sd:
            written = str(sd.get("Type", ""))
            out: dict[str, Any] = {"form": "SecurityData (TC260-PG-202511A)", "type": written.strip()[:40]}
            if written != written.strip():
                out["type_as_written"] = repr(written)[:60]
            if sd.get("AlgID") is not None:
                out["algorithm"] = _alg(sd["AlgID"])
            if sd.get("Version") is not None:
                out["version"] = str(sd["Version"])[:20]
            entries = sd.get("PubSD", sd.get("PubSd"))
            if isinstance(entries, list):
                out["entries"] = [_pub_entry(e) for e in entries[:MAX_ITEMS] if isinstance(e, dict)]
            other = [k for k in sd if k not in ("Type", "AlgID", "Version", "PubSD", "PubSd")]
            if other:
                out["other_keys"] = ", ".join(map(str, other[:20]))
            out["verified"] = NOT_VERIFIED
            return out
        return {"form": "JSON object", "keys": ", ".join(map(str, list(obj)[:20]))}
    if _HEX.match(text) and len(text) % 2 == 0:
        raw = bytes.fromhex(text)
        if _der_signature(raw):
            return {"form": "signature, DER (r, s) as SM2/ECDSA write it", "bytes": len(raw),
                    "verified": NOT_VERIFIED}
        return {"form": "hexadecimal", "bytes": len(raw)}
    if _B64.match(text) and len(text) % 4 == 0 and len(text) >= 16:
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if raw:
            return {"form": "base64", "bytes": len(raw)}
    return {"form": "text", "length": len(text)}
