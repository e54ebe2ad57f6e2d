"""The user's signing keys and detached signatures of canonical JSON reports.

A key is created once (``verifier key create``) in the user's data folder, ``keys/NAME.key``
(Ed25519, PKCS#8 PEM, mode 0600, in a 0700 folder) with ``keys/NAME.pub`` beside it. A report
``r.json`` is signed into ``r.json.sig``: a small JSON file holding the signature of the report's
canonical bytes (RFC 8785), the public key, its key id and the fingerprint it covers. Checking
recomputes the canonical bytes from the report as it is now, so a re-indented copy still checks,
while any change of content does not.

A signature proves only that the holder of that key signed this content. Whose key it is must be
learnt elsewhere: compare the key id with the one its owner published.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .adapters import ed25519
from .case.words import Said
from .config import user_data_dir
from .report.json_report import canonical_bytes, fingerprint

SIG_FORMAT = "verifier-signature/1"
DEFAULT_KEY = "default"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class SigningError(ValueError):
    """A key or signature problem, with a message for the user."""


@dataclass(frozen=True)
class Key:
    name: str
    key_id: str
    public_pem: str
    path: Path


def keys_dir() -> Path:
    return user_data_dir() / "keys"


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise SigningError(f"key name {name!r}: use letters, digits, '.', '_' or '-' (at most 64)")
    return name


def create_key(name: str = DEFAULT_KEY, folder: Path | None = None) -> Key:
    """A new key pair; an existing key of that name is never replaced."""
    folder = folder or keys_dir()
    _check_name(name)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    private, public = ed25519.generate()
    path = folder / f"{name}.key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SigningError(f"a key named {name!r} already exists ({path}); choose another --name") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(private)
        fh.flush()
        os.fsync(fh.fileno())
    (folder / f"{name}.pub").write_bytes(public)
    return Key(name, ed25519.key_id(ed25519.public_raw(public)), public.decode("ascii"), path)


def load_key(name: str = DEFAULT_KEY, folder: Path | None = None) -> tuple[Key, bytes]:
    """The key's description and its private PEM."""
    folder = folder or keys_dir()
    path = folder / f"{_check_name(name)}.key"
    try:
        private = path.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"no key named {name!r} in {folder}: create one with 'verifier key create'") from None
    except OSError as exc:
        raise SigningError(f"cannot read the key {path}: {exc.strerror}") from None
    try:
        raw = ed25519.public_raw_of_private(private)
    except ed25519.BadKey as exc:
        raise SigningError(f"{path}: {exc}") from None
    pem = ed25519.public_pem(raw).decode("ascii")
    return Key(name, ed25519.key_id(raw), pem, path), private


def list_keys(folder: Path | None = None) -> list[Key]:
    folder = folder or keys_dir()
    out = []
    for path in sorted(folder.glob("*.key")) if folder.is_dir() else []:
        try:
            out.append(load_key(path.stem, folder)[0])
        except SigningError:
            continue
    return out


def has_key(name: str = DEFAULT_KEY, folder: Path | None = None) -> bool:
    return ((folder or keys_dir()) / f"{name}.key").is_file()


def sign_bytes(data: bytes, name: str = DEFAULT_KEY, folder: Path | None = None,
               subject: str = "") -> dict[str, object]:
    """A signature record of ``data`` (already canonical bytes)."""
    key, private = load_key(name, folder)
    raw = ed25519.public_raw_of_private(private)
    return {
        "format": SIG_FORMAT,
        "algorithm": "Ed25519",
        "key_id": key.key_id,
        "key_name": key.name,
        "public_key": base64.b64encode(raw).decode("ascii"),
        "signed": {"file": subject, "sha256": fingerprint(data), "bytes": "RFC 8785 canonical JSON"},
        "signed_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "signature": base64.b64encode(ed25519.sign(private, data)).decode("ascii"),
    }


def sign_report(json_path: Path, name: str = DEFAULT_KEY, folder: Path | None = None) -> Path:
    """Write ``json_path``.sig beside the report (the report itself is not changed)."""
    data, _ = canonical_of(json_path)
    record = sign_bytes(data, name, folder, subject=json_path.name)
    sig_path = json_path.with_name(json_path.name + ".sig")
    sig_path.write_bytes(canonical_bytes(record) + b"\n")
    return sig_path


def canonical_of(json_path: Path) -> tuple[bytes, bool]:
    """The canonical bytes of a JSON file, and whether the file is already exactly those bytes."""
    try:
        raw = json_path.read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read {json_path}: {exc.strerror}") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SigningError(f"{json_path} is not a JSON document: {exc}") from None
    data = canonical_bytes(doc)
    return data, data == raw


@dataclass
class Check:
    """The outcome of checking a report; ``ok`` is False when anything failed."""

    fingerprint: str
    canonical: bool
    signed: bool = False
    key_id: str = ""
    key_name: str = ""
    own_key: str = ""  # the name of the user's own key with this id, if any
    problems: list[Said] = field(default_factory=list)  # English strings that can be worded in Chinese

    @property
    def ok(self) -> bool:
        return not self.problems


def _signature_record(sig_path: Path) -> dict[str, object]:
    try:
        record = json.loads(sig_path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise SigningError(f"cannot read {sig_path}: {exc.strerror}") from None
    except (UnicodeDecodeError, ValueError):
        raise SigningError(f"{sig_path} is not a signature file") from None
    if not isinstance(record, dict) or record.get("format") != SIG_FORMAT or record.get("algorithm") != "Ed25519":
        raise SigningError(f"{sig_path} is not a {SIG_FORMAT} Ed25519 signature file")
    return record


def _b64(value: object, what: str, size: int) -> bytes:
    try:
        out = base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        out = b""
    if len(out) != size:
        raise SigningError(f"the signature file's {what} is damaged")
    return out


def verify_report(json_path: Path, sig_path: Path | None = None, pubkey: Path | None = None,
                  folder: Path | None = None) -> Check:
    """Recompute the fingerprint; check the signature (``json_path``.sig when it exists)."""
    data, is_canonical = canonical_of(json_path)
    check = Check(fingerprint(data), is_canonical)
    default_sig = json_path.with_name(json_path.name + ".sig")
    if sig_path is None and default_sig.is_file():
        sig_path = default_sig
    if sig_path is None:
        if pubkey is not None:
            check.problems.append(Said("sign.no_sig", name=default_sig.name))
        return check
    record = _signature_record(sig_path)
    raw = _b64(record.get("public_key"), "public key", 32)
    signature = _b64(record.get("signature"), "signature", 64)
    check.signed = True
    check.key_id, check.key_name = ed25519.key_id(raw), str(record.get("key_name", ""))
    if record.get("key_id") not in (None, check.key_id):
        check.problems.append(Said("sign.key_id_mismatch"))
    if pubkey is not None:
        try:
            expected = ed25519.public_raw(Path(pubkey).read_bytes())
        except OSError as exc:
            raise SigningError(f"cannot read {pubkey}: {exc.strerror}") from None
        except ed25519.BadKey as exc:
            raise SigningError(f"{pubkey}: {exc}") from None
        if expected != raw:
            check.problems.append(Said("sign.wrong_key", key_id=check.key_id, path=str(pubkey),
                                       other=ed25519.key_id(expected)))
    signed = record.get("signed")
    claimed = signed.get("sha256") if isinstance(signed, dict) else None
    if claimed != check.fingerprint:
        check.problems.append(Said("sign.changed", fingerprint=check.fingerprint, claimed=claimed))
    if not ed25519.verify(raw, signature, data):
        check.problems.append(Said("sign.bad_signature"))
    check.own_key = next((k.name for k in list_keys(folder) if k.key_id == check.key_id), "")
    return check
