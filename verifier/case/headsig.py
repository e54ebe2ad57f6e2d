"""The case head signed with the analyst's key, when the case was opened with one.

``case new`` records the key (name, key id, public key) in the first entry, inside the chain.
Every append then signs the new head into ``case.head.sig``. Cutting the log and its head back
together now also needs a signature that only the key's holder can make; deleting the signature
is seen because the first entry says the case is signed.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from ..adapters import ed25519
from ..report.canonical import dumps as canonical
from .log import LOG_NAME, Head
from .words import Said

SIG_NAME = "case.head.sig"


def case_key(folder: Path) -> dict[str, Any] | None:
    """The signing key the case was opened with (from its first entry), if any."""
    try:
        with open(folder / LOG_NAME, "rb") as fh:
            first = json.loads(fh.readline().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    data = first.get("data") if isinstance(first, dict) else None
    key = data.get("signing_key") if isinstance(data, dict) else None
    return key if isinstance(key, dict) else None


def key_record(name: str) -> dict[str, Any]:
    """What the first entry says about the key (raises SigningError when there is no such key)."""
    from ..signing import load_key

    key, private = load_key(name)
    raw = ed25519.public_raw_of_private(private)
    return {"name": key.name, "key_id": key.key_id, "public_key": base64.b64encode(raw).decode("ascii")}


def sign_head(folder: Path, head: Head) -> None:
    """Sign the new head with the case's key when it is here (else the signature goes stale: verify says so)."""
    from ..signing import SigningError, load_key

    wanted = case_key(folder)
    if wanted is None:
        return
    try:
        key, private = load_key(str(wanted.get("name")))
    except SigningError:
        return
    if key.key_id != wanted.get("key_id"):
        return
    record = {"key_id": key.key_id, "head": head.to_dict(),
              "signature": base64.b64encode(ed25519.sign(private, canonical(head.to_dict()))).decode("ascii")}
    tmp = folder / (SIG_NAME + ".tmp")
    tmp.write_bytes(canonical(record) + b"\n")
    os.replace(tmp, folder / SIG_NAME)


def check_head(folder: Path, head: Head) -> Said | None:
    """Why the head's signature does not hold, or None (also None for a case opened without a key)."""
    wanted = case_key(folder)
    if wanted is None:
        return None
    try:
        record = json.loads((folder / SIG_NAME).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return Said("case.sig_missing", key_id=wanted.get("key_id"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Said("case.sig_damaged")
    try:
        raw = base64.b64decode(str(wanted.get("public_key")), validate=True)
        sig = base64.b64decode(str(record.get("signature")), validate=True)
        good = len(raw) == 32 and ed25519.verify(raw, sig, canonical(head.to_dict()))
    except (ValueError, AttributeError):
        good = False
    if not good:
        return Said("case.sig_mismatch", key_id=wanted.get("key_id"))
    return None
