"""The C2PA detector on fixtures signed in code with a throwaway CA, and on the malformed corpus."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from tests.verifier.c2pa.signing import Ca, Leaf, action, jpeg, make_ca, make_leaf, manifest, sign
from verifier.describe import verdict_words
from verifier.c2pa import states
from verifier.config import Config
from verifier.detectors import BUILTIN_DETECTORS
from verifier.detectors.base import Context
from verifier.detectors.c2pa import C2paDetector
from verifier.evidence import Basis, Claim, Evidence, Status, VerdictCode
from verifier.inputs import identify
from verifier.isolation import run_detector
from verifier.verdict import fuse

pytest.importorskip("c2pa")

DET = C2paDetector()


@pytest.fixture(scope="module")
def ca() -> Ca:
    return make_ca()


@pytest.fixture(scope="module")
def leaf(ca: Ca) -> Leaf:
    return make_leaf(ca)


def analyse(path: Path, config: Config, companions: tuple[Path, ...] = ()) -> tuple[Evidence, object]:
    ev = run_detector(DET, identify(path), Context(config, companions))
    return ev, fuse([ev])


def user_config(ca: Ca, tmp_path: Path) -> Config:
    return Config(trust_dirs=(), user_anchors=(ca.write(tmp_path / "newsroom.pem"),))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def signal(ev: Evidence, sid: str):
    found = [s for s in ev.signals if s.id == sid]
    assert found, f"{sid} missing from {[s.id for s in ev.signals]}"
    return found[0]


def ids(ev: Evidence) -> set[str]:
    return {s.id for s in ev.signals}


def test_registered_and_isolated() -> None:
    assert any(isinstance(d, C2paDetector) for d in BUILTIN_DETECTORS)
    assert DET.name == "c2pa" and DET.isolated


def test_ai_generated_trusted_by_user_anchor(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    path = write(tmp_path, "ai.jpg", sign(leaf, manifest("ai.jpg", [
        action("c2pa.created", "trainedAlgorithmicMedia", "ImageGen 2")])))
    ev, verdict = analyse(path, user_config(ca, tmp_path))
    assert ev.status is Status.OK
    assert signal(ev, "c2pa.trusted").details["trust_list"] == "user-newsroom"
    ai = signal(ev, "c2pa.ai_generated")
    assert (ai.claim, ai.basis) == (Claim.AI_GENERATED, Basis.SIGNED)
    assert ai.details["manifest_role"] == "active" and ai.details["software_agent"] == "ImageGen 2"
    assert (verdict.code, verdict.strength) == (VerdictCode.AI_GENERATED, Basis.SIGNED)
    facts = ev.facts
    assert facts["state"] == "trusted" and facts["trust_list"] == "user-newsroom"
    active = facts["manifests"][0]
    assert active["is_active"] and active["ai_tools"] == ["ImageGen 2"]
    assert active["signer"]["common_name"] == "Throwaway Signer"
    assert active["actions"][0]["digital_source_type"].endswith("trainedAlgorithmicMedia")
    json.dumps(facts)  # JSON-able for the GUI and reports


def test_untrusted_signer_without_anchors(tmp_path: Path, leaf: Leaf) -> None:
    path = write(tmp_path, "cap.jpg", sign(leaf, manifest("cap.jpg", [action("c2pa.created", "digitalCapture")])))
    ev, verdict = analyse(path, Config(trust_dirs=()))
    assert {"c2pa.manifest", "c2pa.untrusted_signer", "c2pa.capture"} <= ids(ev)
    assert "c2pa.trusted" not in ids(ev)
    assert signal(ev, "c2pa.capture").claim is Claim.NONE
    assert (verdict.code, verdict.strength) == (VerdictCode.SIGNED_PROVENANCE, Basis.SIGNED)


def test_composite_is_ai_modified(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    path = write(tmp_path, "fill.jpg", sign(leaf, manifest("fill.jpg", [
        action("c2pa.created", "digitalCapture"), action("c2pa.edited", "compositeWithTrainedAlgorithmicMedia", "Fill 3")])))
    ev, verdict = analyse(path, user_config(ca, tmp_path))
    mod = signal(ev, "c2pa.ai_modified")
    assert (mod.claim, mod.basis) == (Claim.AI_MODIFIED, Basis.SIGNED)
    assert "c2pa.ai_generated" not in ids(ev)
    assert verdict.code is VerdictCode.AI_MODIFIED


def test_algorithmic_media_is_not_ai(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    path = write(tmp_path, "fractal.jpg", sign(leaf, manifest("fractal.jpg", [
        action("c2pa.created", "algorithmicMedia")])))
    ev, verdict = analyse(path, user_config(ca, tmp_path))
    assert not ids(ev) & {"c2pa.ai_generated", "c2pa.ai_modified"}
    assert verdict.code is VerdictCode.SIGNED_PROVENANCE


def test_ai_only_in_ingredient_manifest(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    parent = sign(leaf, manifest("generated.jpg", [action("c2pa.created", "trainedAlgorithmicMedia", "ImageGen 2")]))
    child = sign(leaf, manifest("edited.jpg", [action("c2pa.opened"), action("c2pa.color_adjustments")]),
                 ingredient=parent, ingredient_title="generated.jpg")
    ev, verdict = analyse(write(tmp_path, "edited.jpg", child), user_config(ca, tmp_path))
    ai = signal(ev, "c2pa.ai_generated")
    assert ai.details["manifest_role"] == "ingredient" and ai.basis is Basis.SIGNED
    assert ai.details["manifest"] != ev.facts["active_manifest"]
    assert verdict.code is VerdictCode.AI_GENERATED
    active = next(m for m in ev.facts["manifests"] if m["is_active"])
    ingredient = active["ingredients"][0]
    assert ingredient["title"] == "generated.jpg" and ingredient["relationship"] == "parentOf"
    assert ingredient["active_manifest"] == ai.details["manifest"]
    assert ingredient["thumbnail"] in {a.name for a in ev.attachments}


def _tamper(data: bytes) -> bytes:
    """Change one byte of the entropy-coded image data (just before the EOI marker)."""
    pos = data.rindex(b"\xff\xd9") - 10
    return data[:pos] + bytes([data[pos] ^ 0x01]) + data[pos + 1:]


def test_tampered_after_signing(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    signed = sign(leaf, manifest("ai.jpg", [action("c2pa.created", "trainedAlgorithmicMedia")]),
                  asset=jpeg((200, 40, 40), (128, 96)))
    ev, verdict = analyse(write(tmp_path, "tampered.jpg", _tamper(signed)), user_config(ca, tmp_path))
    invalid = signal(ev, "c2pa.invalid")
    assert "assertion.dataHash.mismatch" in {c["code"] for c in invalid.details["status_codes"]}
    assert not ids(ev) & {"c2pa.trusted", "c2pa.untrusted_signer", "c2pa.cert_expired"}
    ai = signal(ev, "c2pa.ai_generated")
    assert ai.basis is Basis.METADATA  # a broken manifest still declares AI, but not "signed"
    assert verdict.code is VerdictCode.AI_GENERATED and verdict.strength is not Basis.SIGNED
    assert ev.facts["state"] == "invalid"
    assert invalid.details["failure"] == ev.facts["failure"] == "altered"
    assert invalid.summary == "C2PA validation failed: content or manifest altered"


def test_a_certificate_not_valid_for_c2pa_is_not_called_altered(corpus: Path) -> None:
    """Samsung's certificate lacks a required key usage: the signature does not count, but the
    file is not said to have been changed."""
    ev, verdict = analyse(corpus / "labels" / "samsung_black_1.png", Config(trust_dirs=()))
    invalid = signal(ev, "c2pa.invalid")
    assert {c["code"] for c in invalid.details["status_codes"]} == {"signingCredential.invalid"}
    assert invalid.details["failure"] == ev.facts["failure"] == "credential"
    assert "altered" not in invalid.summary and "certificate" in invalid.summary
    headline, text = verdict_words(verdict.code, verdict.strength, list(ev.signals), "en")
    assert "no proof of tampering" in text and "altered" not in headline
    zh = verdict_words(verdict.code, verdict.strength, list(ev.signals), "zh")[1]
    assert "签名证书不符合" in zh


def test_failure_kind_needs_every_code_to_be_about_the_certificate() -> None:
    assert states.failure_kind(["signingCredential.invalid"]) == states.CREDENTIAL
    assert states.failure_kind(["signingCredential.invalid", "assertion.dataHash.mismatch"]) == states.ALTERED
    assert states.failure_kind(["claimSignature.mismatch"]) == states.ALTERED


def test_tampered_without_ai_is_credentials_invalid(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    signed = sign(leaf, manifest("cap.jpg", [action("c2pa.created", "digitalCapture")]), asset=jpeg((1, 2, 3), (96, 64)))
    ev, verdict = analyse(write(tmp_path, "t.jpg", _tamper(signed)), user_config(ca, tmp_path))
    assert verdict.code is VerdictCode.CREDENTIALS_INVALID
    assert signal(ev, "c2pa.manifest").basis is Basis.NONE


def test_expired_certificate_is_not_tampering(tmp_path: Path, ca: Ca) -> None:
    now = dt.datetime.now(dt.UTC)
    short = make_leaf(ca, "Short-lived Signer", not_before=now - dt.timedelta(days=1),
                      not_after=now + dt.timedelta(seconds=2))
    data = sign(short, manifest("old.jpg", [action("c2pa.created", "digitalCapture")]))
    time.sleep(max(0.0, (short.cert.not_valid_after_utc - dt.datetime.now(dt.UTC)).total_seconds()) + 1.2)
    ev, verdict = analyse(write(tmp_path, "old.jpg", data), user_config(ca, tmp_path))
    assert "c2pa.cert_expired" in ids(ev)
    assert not ids(ev) & {"c2pa.invalid", "c2pa.trusted", "c2pa.untrusted_signer"}
    assert (verdict.code, verdict.strength) == (VerdictCode.SIGNED_PROVENANCE, Basis.SIGNED)
    assert ev.facts["state"] == "cert_expired"


def test_official_list_named_by_attribution(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    trust = tmp_path / "trust"
    trust.mkdir()
    ca.write(trust / "C2PA-TRUST-LIST.pem")
    other = make_ca("Someone Else")
    other.write(trust / "interim-anchors.pem")
    path = write(tmp_path, "a.jpg", sign(leaf, manifest("a.jpg", [action("c2pa.created", "digitalCapture")])))
    ev, _ = analyse(path, Config(trust_dirs=(trust,)))
    assert ev.facts["trust_list"] == "c2pa-official"
    assert signal(ev, "c2pa.trusted").details["trust_list_label"].startswith("c2pa-official@")


def test_interim_end_entity_list_matches_whole_leaf_hash(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    trust = tmp_path / "trust"
    trust.mkdir()
    make_ca("Unrelated Interim Root").write(trust / "interim-anchors.pem")
    (trust / "interim-allowed.pem").write_bytes(leaf.chain_pem[: leaf.chain_pem.index(b"-----END CERTIFICATE-----") + 26])
    config = Config(trust_dirs=(trust,))
    ok = write(tmp_path, "listed.jpg", sign(leaf, manifest("l.jpg", [action("c2pa.created", "digitalCapture")])))
    ev, _ = analyse(ok, config)
    assert ev.facts["state"] == "trusted" and ev.facts["trust_list"] == "interim"
    assert ev.facts["trusted_as"] == "end-entity"
    # Same issuer, subject and serial number, different key: the file supplies those, so they
    # must not be what is matched.
    impostor = make_leaf(ca, "Throwaway Signer", serial=leaf.cert.serial_number)
    bad = write(tmp_path, "impostor.jpg", sign(impostor, manifest("i.jpg", [action("c2pa.created", "digitalCapture")])))
    ev2, _ = analyse(bad, config)
    assert ev2.facts["state"] == "untrusted_signer" and ev2.facts["trust_list"] is None


def test_sidecar_manifest_validates_its_asset(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    import io

    import c2pa

    from tests.verifier.c2pa.signing import _builder_context

    asset = jpeg((10, 200, 10))
    builder = c2pa.Builder(json.dumps(manifest("photo.jpg", [action("c2pa.created", "digitalCapture")])),
                           context=_builder_context())
    builder.set_no_embed()
    signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(b"es256", leaf.chain_pem, leaf.key_pem, None))
    out = io.BytesIO()
    store = builder.sign(signer, "image/jpeg", io.BytesIO(asset), out)
    photo = write(tmp_path, "photo.jpg", out.getvalue())
    sidecar = write(tmp_path, "photo.c2pa", store)
    config = user_config(ca, tmp_path)
    ev, verdict = analyse(photo, config, companions=(sidecar,))
    assert ev.facts["state"] == "trusted" and ev.facts["sidecar"] == "photo.c2pa"
    assert verdict.code is VerdictCode.SIGNED_PROVENANCE
    alone, alone_verdict = analyse(sidecar, config)
    assert alone.facts["state"] == "unreadable" and alone.facts["signer_state"] == "trusted"
    assert alone_verdict.code is VerdictCode.CREDENTIALS_UNVERIFIABLE
    # The asset without its sidecar carries nothing.
    bare, bare_verdict = analyse(photo, config)
    assert not bare.signals and bare_verdict.code is VerdictCode.NO_SIGNALS


def test_thumbnails_are_attachments_in_memory(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    path = write(tmp_path, "t.jpg", sign(leaf, manifest("t.jpg", [action("c2pa.created", "digitalCapture")]),
                                        asset=jpeg((50, 50, 50), (320, 240))))
    config = user_config(ca, tmp_path)
    before = set(tmp_path.iterdir())
    ev, _ = analyse(path, config)
    assert set(tmp_path.iterdir()) == before  # nothing written
    claim = ev.facts["manifests"][0]["thumbnail"]
    att = next(a for a in ev.attachments if a.name == claim)
    assert att.mime == "image/jpeg" and att.data[:2] == b"\xff\xd8"


def test_no_manifest_is_ok_and_silent(tmp_path: Path) -> None:
    ev, verdict = analyse(write(tmp_path, "plain.jpg", jpeg()), Config(trust_dirs=()))
    assert ev.status is Status.OK and not ev.signals
    assert verdict.code is VerdictCode.NO_SIGNALS


def test_fragmented_mp4_alone_and_with_fragment(corpus: Path, test_anchors: Path) -> None:
    c = corpus / "c2pa"
    config = Config(trust_dirs=(), user_anchors=(test_anchors,))
    alone, verdict = analyse(c / "dashinit.mp4", config)
    assert verdict.code in (VerdictCode.CREDENTIALS_INVALID, VerdictCode.CREDENTIALS_UNVERIFIABLE)
    paired, _ = analyse(c / "dashinit.mp4", config, companions=(c / "dash1.m4s",))
    assert "c2pa.invalid" not in ids(paired) and paired.facts["fragments"] == ["dash1.m4s"]
    # A fragment is never applied to an ordinary MP4 (its hash would fail: false tampering).
    plain, _ = analyse(c / "video1.mp4", config, companions=(c / "dash1.m4s",))
    assert "c2pa.invalid" not in ids(plain) and plain.facts["fragments"] == []


@pytest.mark.parametrize("name", ["nested_moov_1000.mp4", "riff_bomb_1000.wav", "tiff_poc.tiff", "sample3.invalid.wav",
                                  "sample3.svg", "no_alg.jpg", "id3v23_compression_underflow.mp3"])
def test_malformed_files_finish_quickly_with_a_clear_outcome(corpus: Path, name: str) -> None:
    start = time.perf_counter()
    ev, verdict = analyse(corpus / "c2pa" / name, Config(trust_dirs=()))
    assert time.perf_counter() - start < 5
    assert verdict.code in (VerdictCode.INCOMPLETE, VerdictCode.NO_SIGNALS, VerdictCode.CREDENTIALS_UNVERIFIABLE)
    if ev.status is Status.ERROR:
        assert "C2PA" in ev.error and len(ev.error) < 500
    elif ev.signals:
        assert ev.facts["state"] == "unreadable" and ev.facts["error"]
        assert not {s.id for s in ev.signals} & {"c2pa.trusted", "c2pa.untrusted_signer", "c2pa.cert_expired"}


def test_attribution_falls_back_to_one_read_per_list(tmp_path: Path, ca: Ca, leaf: Leaf,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """When the signer chain cannot be read from the store, each list is tried by its own read."""
    import verifier.detectors.c2pa as mod

    trust = tmp_path / "trust"
    trust.mkdir()
    make_ca("Official Stand-in").write(trust / "C2PA-TRUST-LIST.pem")
    ca.write(trust / "interim-anchors.pem")
    path = write(tmp_path, "a.jpg", sign(leaf, manifest("a.jpg", [action("c2pa.created", "digitalCapture")])))
    monkeypatch.setattr(mod, "_signer_chain", lambda read: None)
    ev, _ = analyse(path, Config(trust_dirs=(trust,)))
    assert ev.facts["state"] == "trusted" and ev.facts["trust_list"] == "interim"


def test_panel_facts_on_real_credentials(corpus: Path, trust_dir: Path, test_anchors: Path) -> None:
    config = Config(trust_dirs=(trust_dir,), user_anchors=(test_anchors,))
    veo, _ = analyse(corpus / "realworld" / "google-veo-video-2026__huminify.mp4", config)
    assert (veo.facts["state"], veo.facts["trust_list"]) == ("trusted", "c2pa-official")
    active = next(m for m in veo.facts["manifests"] if m["is_active"])
    assert "Time Stamping" in active["timestamp_authority"] and active["signed_at"].startswith("2026-")
    chatgpt, verdict = analyse(corpus / "realworld" / "openai-chatgpt-gpt4o-2025__example-assets.png", config)
    ai = signal(chatgpt, "c2pa.ai_generated")
    assert ai.details["manifest_role"] == "ingredient" and ai.details["software_agent"] == "GPT-4o"
    assert ai.basis is Basis.SIGNED and chatgpt.facts["state"] == "cert_expired"
    assert verdict.code is VerdictCode.AI_GENERATED
    mark, _ = analyse(corpus / "watermarks" / "real_trustmark_plus_c2pa_example_wm_signed.jpg", config)
    bindings = next(m for m in mark.facts["manifests"] if m["is_active"])["soft_bindings"]
    assert bindings[0]["alg"] == "com.adobe.trustmark.Q"
    cawg, _ = analyse(corpus / "c2pa" / "C_with_CAWG_data.jpg", config)
    identity = next(m for m in cawg.facts["manifests"] if m["is_active"])["cawg_identity"]
    assert identity["resolved"] is False and "c2pa.invalid" not in ids(cawg)
    json.dumps([veo.facts, chatgpt.facts, mark.facts, cawg.facts])


def test_signer_anchored_only_in_tsa_list_is_not_trusted(tmp_path: Path, ca: Ca, leaf: Leaf) -> None:
    """The TSA list is passed to the SDK for timestamps; it must not make a claim signer trusted."""
    trust = tmp_path / "trust"
    trust.mkdir()
    ca.write(trust / "C2PA-TSA-TRUST-LIST.pem")
    make_ca("Official Stand-in").write(trust / "C2PA-TRUST-LIST.pem")
    path = write(tmp_path, "a.jpg", sign(leaf, manifest("a.jpg", [action("c2pa.created", "digitalCapture")])))
    ev, verdict = analyse(path, Config(trust_dirs=(trust,)))
    assert ev.facts["state"] == "untrusted_signer" and ev.facts["trust_list"] is None
    assert "time-stamping" in ev.facts["note"]
    assert verdict.code is VerdictCode.SIGNED_PROVENANCE
