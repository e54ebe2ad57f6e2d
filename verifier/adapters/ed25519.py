"""Ed25519 keys and signatures, through ``cryptography`` (imported lazily).

Keys travel as PEM: the private key as unencrypted PKCS#8 (kept in a 0600 file), the public key
as SubjectPublicKeyInfo, which ``openssl pkey -pubin`` reads too. A public key is also handled as
its raw 32 bytes, from which its key id is derived.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class BadKey(ValueError):
    """A key file that is not an Ed25519 key in PEM form."""


def generate() -> tuple[bytes, bytes]:
    """A new key pair: (private PKCS#8 PEM, public SubjectPublicKeyInfo PEM)."""
    from cryptography.hazmat.primitives import serialization as s
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(s.Encoding.PEM, s.PrivateFormat.PKCS8, s.NoEncryption())
    public = key.public_key().public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo)
    return private, public


def _private(pem: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise BadKey(f"not an unencrypted PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise BadKey("not an Ed25519 private key")
    return key


def sign(private_pem: bytes, data: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``data``."""
    return _private(private_pem).sign(data)


def public_raw_of_private(private_pem: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization as s

    return _private(private_pem).public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw)


def public_raw(public_pem: bytes) -> bytes:
    """The raw 32 bytes of a PEM public key."""
    from cryptography.hazmat.primitives import serialization as s
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = s.load_pem_public_key(public_pem)
    except (ValueError, TypeError) as exc:
        raise BadKey(f"not a PEM public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise BadKey("not an Ed25519 public key")
    return key.public_bytes(s.Encoding.Raw, s.PublicFormat.Raw)


def public_pem(raw: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization as s
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(raw).public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo)


def verify(raw_public: bytes, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` is ``data`` signed by the key whose raw public bytes are given."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def key_id(raw_public: bytes) -> str:
    """A short name for a public key: the first 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(raw_public).hexdigest()[:16]
