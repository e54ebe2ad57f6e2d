"""Small pieces of the C2PA check: states, chain extraction, trust material, the manifest view."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests.verifier.c2pa.signing import action, make_ca, make_leaf, manifest, sign
from verifier.c2pa import states
from verifier.c2pa.cose_chain import ChainError, signature_cbor, x5chain
from verifier.c2pa.manifest_view import classify_dst, source_statements
from verifier.c2pa.trust_eval import anchored_list, attribute_trusted
from verifier.trust import discover, import_list
from verifier.trust.material import for_config, load

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"


@pytest.mark.parametrize(("code", "tampering"), [
    ("signingCredential.untrusted", False),
    ("signingCredential.expired", False),
    ("cawg.ica.did_unavailable", False),
    ("cawg.x509.credential.untrusted", False),
    ("timeStamp.untrusted", False),
    ("assertion.dataHash.mismatch", True),
    ("claimSignature.mismatch", True),
    ("assertion.hashedURI.mismatch", True),
    ("ingredient.manifest.missing", True),
    ("signingCredential.ocsp.revoked", True),
])
def test_tampering_codes(code: str, tampering: bool) -> None:
    assert states.is_tampering(code) is tampering


def _store(*codes: tuple[str, str], active: str = "urn:a") -> dict:
    return {"active_manifest": active, "validation_status": [
        {"code": c, "url": f"self#jumbf=/c2pa/{m}/c2pa.signature", "explanation": ""} for c, m in codes]}


def test_states_are_kept_apart() -> None:
    assert states.assess(_store(), "Trusted").state == states.TRUSTED
    assert states.assess(_store(("signingCredential.untrusted", "urn:a")), "Valid").state == states.UNTRUSTED_SIGNER
    expired = _store(("signingCredential.untrusted", "urn:a"), ("signingCredential.expired", "urn:a"))
    assert states.assess(expired, "Invalid").state == states.CERT_EXPIRED
    # An expired ingredient signer does not make the active manifest expired.
    assert states.assess(_store(("signingCredential.untrusted", "urn:a"), ("signingCredential.expired", "urn:b")),
                         "Invalid").state == states.UNTRUSTED_SIGNER
    tampered = states.assess(_store(("assertion.dataHash.mismatch", "urn:a")), "Invalid")
    assert tampered.state == states.INVALID and not tampered.manifest_intact("urn:a")
    cawg = states.assess(_store(("signingCredential.untrusted", "urn:a"), ("cawg.ica.did_unavailable", "urn:a")), "Invalid")
    assert cawg.state == states.UNTRUSTED_SIGNER and cawg.manifest_intact("urn:a")


def test_digital_source_types() -> None:
    assert classify_dst(IPTC + "trainedAlgorithmicMedia") == "ai_generated"
    assert classify_dst("https://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia") == "ai_generated"
    assert classify_dst(IPTC + "compositeWithTrainedAlgorithmicMedia") == "ai_modified"
    assert classify_dst(IPTC + "digitalCapture") == "capture"
    assert classify_dst(IPTC + "algorithmicMedia") is None  # not machine learning (IPTC)
    assert classify_dst("trainedAlgorithmicMedia") is None  # not a digitalsourcetype URI
    assert classify_dst(None) is None and classify_dst(42) is None


def test_statements_found_in_every_manifest() -> None:
    store = {"active_manifest": "urn:a", "manifests": {
        "urn:a": {"assertions": [{"label": "c2pa.actions.v2", "data": {"actions": [{"action": "c2pa.opened"}]}}]},
        "urn:b": {"assertions": [{"label": "c2pa.actions", "data": {"actions": [
            {"action": "c2pa.created", "digitalSourceType": IPTC + "trainedAlgorithmicMedia",
             "softwareAgent": "Gen"}]}}]},
        "urn:c": "not a manifest",
    }}
    found = source_statements(store)
    assert [(s.kind, s.manifest, s.role, s.software_agent) for s in found] == [
        ("ai_generated", "urn:b", "ingredient", "Gen")]


def test_chain_read_from_a_signed_store() -> None:
    from verifier.adapters import c2pa_sdk as sdk

    ca = make_ca()
    leaf = make_leaf(ca)
    data = sign(leaf, manifest("a.jpg", [action("c2pa.created", "digitalCapture")]))
    with sdk.read(io.BytesIO(data), "image/jpeg", sdk.make_context(sdk.offline_settings())) as r:
        label = r.store["active_manifest"]
        chain = x5chain(signature_cbor(r.resource(f"self#jumbf=/c2pa/{label}/c2pa.signature"), label))
    assert chain[0] == leaf.der


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 7, b"\x00\x00\x00\x10jumb" + b"\xff" * 8,
                                     b"\xff\xff\xff\xffjumb", b"\x00\x00\x00\x01jumb\x00"])
def test_chain_reader_refuses_garbage(garbage: bytes) -> None:
    with pytest.raises(ChainError):
        signature_cbor(garbage, "urn:a")


@pytest.mark.parametrize("cose", [b"", b"\x84", b"\x9f", b"\xc4" * 100 + b"\x80", b"\x84\x40\xa0\xf6\x40",
                                  b"\x9b" + b"\xff" * 8])
def test_cose_reader_refuses_garbage(cose: bytes) -> None:
    with pytest.raises(ChainError):
        x5chain(cose)


def test_attribution_follows_precedence(tmp_path: Path) -> None:
    ca = make_ca()
    leaf = make_leaf(ca)
    trust = tmp_path / "trust"
    trust.mkdir()
    ca.write(trust / "interim-anchors.pem")
    ca.write(trust / "C2PA-TRUST-LIST.pem")
    material = load(discover([trust]))
    assert attribute_trusted([leaf.der, ca.cert.public_bytes(Encoding.DER)], material).list_name == "c2pa-official"
    stranger = make_leaf(make_ca("Stranger"))
    assert anchored_list([stranger.der], material.signer_lists) is None


def test_trust_material_is_cached_and_refreshed(tmp_path: Path) -> None:
    trust = tmp_path / "trust"
    trust.mkdir()
    make_ca().write(trust / "C2PA-TRUST-LIST.pem")
    first = for_config((trust,), ())
    assert for_config((trust,), ()) is first
    make_ca("Second").write(trust / "newsroom.pem")
    second = for_config((trust,), ())
    assert second is not first and {t.name for t in second[0].lists} == {"c2pa-official", "newsroom"}
    assert "1.3.6.1.5.5.7.3.36" in second[1].trust_config


def test_import_refuses_reserved_names_and_non_certificates(tmp_path: Path) -> None:
    pem = make_ca().write(tmp_path / "ca.pem")
    for name in ("c2pa-official", "interim", "c2pa-trust-list", "mine-anchors"):
        with pytest.raises(ValueError):
            import_list(pem, name, tmp_path / "trust")
    bad = tmp_path / "bad.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    with pytest.raises(ValueError):
        import_list(bad, "newsroom", tmp_path / "trust")
    tl = import_list(pem, "newsroom", tmp_path / "trust")
    assert tl.label.startswith("newsroom@")
    assert json.dumps(discover([tmp_path / "trust"]).labels())
