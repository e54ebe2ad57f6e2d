"""Sign C2PA fixtures in code with a throwaway CA (``cryptography`` + ``c2pa.Builder``).

Nothing here touches the shared test keys: every test makes its own root, leaf and asset, in
memory, and writes the signed asset to the test's own temporary directory.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")
NOW = dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Ca:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def write(self, path: Path) -> Path:
        path.write_bytes(self.pem)
        return path


@dataclass(frozen=True)
class Leaf:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    ca: Ca

    @property
    def chain_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM) + self.ca.pem

    @property
    def key_pem(self) -> bytes:
        return self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


def _name(cn: str, org: str = "Verifier Test") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])


def make_ca(cn: str = "Throwaway Root") -> Ca:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(cn)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=3650)).not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Ca(key, cert)


def make_leaf(ca: Ca, cn: str = "Throwaway Signer", *, not_before: dt.datetime | None = None,
              not_after: dt.datetime | None = None, ocsp_url: str | None = None,
              serial: int | None = None) -> Leaf:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(ca.cert.subject).public_key(key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=1))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=False, crl_sign=False,
                                     content_commitment=False, key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
    )
    if ocsp_url:
        builder = builder.add_extension(x509.AuthorityInformationAccess([
            x509.AccessDescription(x509.oid.AuthorityInformationAccessOID.OCSP,
                                   x509.UniformResourceIdentifier(ocsp_url))]), critical=False)
    return Leaf(key, builder.sign(ca.key, hashes.SHA256()), ca)


def jpeg(color: tuple[int, int, int] = (90, 140, 200), size: tuple[int, int] = (64, 48)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def action(name: str, source_type: str | None = None, agent: str | None = None) -> dict[str, Any]:
    act: dict[str, Any] = {"action": name}
    if name == "c2pa.opened":  # links the action to the ingredient added by sign(ingredient=…)
        act["parameters"] = {"ingredientIds": ["parent"]}
    if source_type:
        act["digitalSourceType"] = IPTC + source_type
    if agent:
        act["softwareAgent"] = {"name": agent}
    return act


def manifest(title: str, actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "claim_generator_info": [{"name": "verifier-tests", "version": "1.0"}],
        "title": title,
        "format": "image/jpeg",
        "assertions": [{"label": "c2pa.actions.v2", "data": {"actions": actions}}],
    }


def _builder_context() -> Any:
    import c2pa

    # Signing must not go online either (no timestamp authority, no remote fetches).
    return c2pa.Context(c2pa.Settings.from_dict({
        "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False, "verify_after_sign": False},
        "core": {"allowed_network_hosts": []},
    }))


def sign(leaf: Leaf, definition: dict[str, Any], asset: bytes | None = None, *,
         ingredient: bytes | None = None, ingredient_title: str = "parent.jpg",
         remote_url: str | None = None) -> bytes:
    """A JPEG signed with ``leaf`` (optionally with a signed ingredient, or only a remote URL)."""
    import c2pa

    builder = c2pa.Builder(json.dumps(definition), context=_builder_context())
    if ingredient is not None:
        builder.add_ingredient({"title": ingredient_title, "relationship": "parentOf", "label": "parent"},
                               "image/jpeg", io.BytesIO(ingredient))
    if remote_url:
        builder.set_no_embed()
        builder.set_remote_url(remote_url)
    info = c2pa.C2paSignerInfo(b"es256", leaf.chain_pem, leaf.key_pem, None)
    signer = c2pa.Signer.from_info(info)
    out = io.BytesIO()
    builder.sign(signer, "image/jpeg", io.BytesIO(asset or jpeg()), out)
    return out.getvalue()
