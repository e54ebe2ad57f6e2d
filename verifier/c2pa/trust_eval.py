"""Which trust list vouches for a signer, decided from its certificate chain.

The SDK validates once against every list at once (see :mod:`verifier.trust.material`); when it
says "trusted", this module finds the list whose anchor issued a certificate of the chain, in
precedence order (official before interim before user lists). The interim list also names
end-entity certificates, matched by the SHA-256 of the whole leaf DER — never by issuer or
serial number, which the file itself supplies.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from ..trust.material import AnchorList, Material
from .cose_chain import token_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Attribution:
    list_name: str
    list_label: str
    how: str  # "anchor" | "end-entity"


def _parse(chain: Sequence[bytes]) -> list[object]:
    from cryptography import x509  # noqa: PLC0415 - lazy

    out: list[object] = []
    for der in chain:
        try:
            out.append(x509.load_der_x509_certificate(der))
        except ValueError:
            log.debug("unparseable certificate in a C2PA chain")
    return out


def _issued_by(cert: object, anchor: object) -> bool:
    try:
        cert.verify_directly_issued_by(anchor)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure means "not issued by this anchor"
        return False
    return True


def _anchored_in(der: bytes, cert: object, lst: AnchorList) -> bool:
    """Is ``cert`` one of the list's anchors, or directly issued by one of them?"""
    if hashlib.sha256(der).hexdigest() in lst.fingerprints:
        return True
    candidates = lst.by_subject.get(cert.issuer.public_bytes(), ())  # type: ignore[attr-defined]
    return any(_issued_by(cert, a) for a in candidates)


def anchored_list(chain: Sequence[bytes], lists: Sequence[AnchorList]) -> AnchorList | None:
    """The first list (in the given order) with an anchor that issued a certificate of the chain."""
    pairs = [(der, cert) for der, cert in zip(chain, _parse(chain), strict=False)]
    for lst in lists:
        if any(_anchored_in(der, cert, lst) for der, cert in pairs):
            return lst
    return None


def allowed_list(chain: Sequence[bytes], lists: Sequence[AnchorList]) -> AnchorList | None:
    """The list that names the leaf certificate itself (SHA-256 of its whole DER)."""
    if not chain:
        return None
    digest = hashlib.sha256(chain[0]).hexdigest()
    for lst in lists:
        if digest in lst.allowed_sha256:
            return lst
    return None


_CACHE: dict[tuple[object, ...], Attribution | None] = {}
_CACHE_MAX = 512


def attribute_trusted(chain: Sequence[bytes], material: Material) -> Attribution | None:
    """For a signer the SDK trusts: the list that anchors it (signer lists only, not the TSA list).

    Pure in (chain, material), so cached: a worker sees the same few signers over and over.
    """
    key = (material.key, hashlib.sha256(b"".join(hashlib.sha256(c).digest() for c in chain)).digest())
    if key in _CACHE:
        return _CACHE[key]
    lst = anchored_list(chain, material.signer_lists)
    found = Attribution(lst.name, lst.label, "anchor") if lst is not None else None
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = found
    return found


def attribute_end_entity(chain: Sequence[bytes], material: Material) -> Attribution | None:
    lst = allowed_list(chain, material.signer_lists)
    if lst is not None:
        return Attribution(lst.name, lst.label, "end-entity")
    return None


def timestamp_authority(tokens: Sequence[bytes]) -> str | None:
    """Name of the authority that time-stamped a signature (from the token's own certificates).

    Informational only: whether the timestamp is trusted is the SDK's verdict (TSA list).
    """
    from cryptography import x509  # noqa: PLC0415 - lazy
    from cryptography.hazmat.primitives.serialization import pkcs7  # noqa: PLC0415
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: PLC0415

    for token in tokens:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # BER fallback notice for loosely encoded tokens
                certs = pkcs7.load_der_pkcs7_certificates(token_of(token))
        except ValueError:
            continue

        def stamps(cert: x509.Certificate) -> bool:
            try:
                eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            except x509.ExtensionNotFound:
                return False
            return ExtendedKeyUsageOID.TIME_STAMPING in eku

        tsa = next((c for c in certs if stamps(c)), certs[0] if certs else None)
        if tsa is None:
            continue
        names = tsa.subject.get_attributes_for_oid(NameOID.COMMON_NAME) or \
            tsa.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        return str(names[0].value)[:200] if names else tsa.subject.rfc4514_string()[:200]
    return None
