"""Signed reports: keys in the user's data folder, detached signatures, tamper and wrong-key checks."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest

from verifier import signing
from verifier.report import render
from verifier.report.json_report import canonical_bytes

TOOL = {"name": "verifier", "version": "9.9", "c2pa_sdk": "c2pa-python 0.0", "trust_lists": []}
FILES = [{"path": "evidence/a.jpg", "sha256": "ab" * 32, "size": 3, "media_type": "image/jpeg",
          "verdict": {"code": "no_signals", "strength": "none", "headline": "h", "explanation": "e",
                      "unchecked": [], "basis_signals": []},
          "signals": [], "detectors": [{"name": "c2pa", "status": "ok", "ms": 1.5}],
          "facts": {"metadata": {"fields": [{"group": "XMP", "key": "k", "value": "値 \ud800"}], "n": 2**70}}}]


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "r.json"
    out.parent.mkdir()
    render.write(out, TOOL, FILES, "en")
    return out


def test_key_create_keeps_the_private_key_private(tmp_path: Path) -> None:
    key = signing.create_key("desk")
    assert key.path == tmp_path / "xdg" / "verifier" / "keys" / "desk.key"
    assert stat.S_IMODE(key.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.path.parent.stat().st_mode) == 0o700
    assert key.public_pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert (key.path.parent / "desk.pub").read_text() == key.public_pem
    assert len(key.key_id) == 16
    with pytest.raises(signing.SigningError, match="already exists"):
        signing.create_key("desk")
    assert [k.name for k in signing.list_keys()] == ["desk"]
    with pytest.raises(signing.SigningError, match="key name"):
        signing.create_key("../evil")
    with pytest.raises(signing.SigningError, match="no key named"):
        signing.load_key("absent")


def test_a_json_report_is_its_canonical_form(report: Path) -> None:
    data = report.read_bytes()
    doc = json.loads(data)
    assert canonical_bytes(doc) == data and b"\n" not in data
    assert doc["files"][0]["facts"]["metadata"]["n"] == str(2**70)  # too large for a JSON number: kept as text
    assert doc["files"][0]["facts"]["metadata"]["fields"][0]["value"] == "値 \ud800"
    assert doc["report"]["lang"] == "en" and doc["report"]["generated_at"].endswith("Z")


def test_signed_report_verifies_then_any_changed_byte_fails(report: Path) -> None:
    signing.create_key()
    sig = signing.sign_report(report)
    assert sig == report.with_name("r.json.sig")
    check = signing.verify_report(report)
    assert check.ok and check.signed and check.canonical and check.own_key == "default"
    assert check.fingerprint == hashlib.sha256(report.read_bytes()).hexdigest()

    original = report.read_bytes()
    at = original.index(b"no_signals")
    report.write_bytes(original[:at] + b"Xo_signals" + original[at + 10:])  # one byte changed
    check = signing.verify_report(report)
    assert not check.ok
    assert any("changed after it was signed" in p for p in check.problems)
    assert any("signature does not match" in p for p in check.problems)


def test_a_reindented_copy_still_verifies(report: Path) -> None:
    signing.create_key()
    signing.sign_report(report)
    report.write_text(json.dumps(json.loads(report.read_bytes()), indent=2, ensure_ascii=True), encoding="utf-8")
    check = signing.verify_report(report)
    assert check.ok and not check.canonical


def test_the_wrong_key_is_detected(report: Path, tmp_path: Path) -> None:
    signing.create_key("mine")
    other = signing.create_key("other")
    signing.sign_report(report, "mine")
    pub = tmp_path / "other.pub"
    pub.write_text(other.public_pem)
    check = signing.verify_report(report, pubkey=pub)
    assert not check.ok and any("not by the key in" in p for p in check.problems)


def test_a_signature_swapped_for_another_keys_is_detected(report: Path) -> None:
    signing.create_key("mine")
    signing.create_key("mallory")
    sig = signing.sign_report(report, "mine")
    record = json.loads(sig.read_bytes())
    forged = signing.sign_bytes(b"something else", "mallory")
    record["public_key"], record["key_id"] = forged["public_key"], forged["key_id"]  # keep mine's signature
    sig.write_bytes(canonical_bytes(record))
    check = signing.verify_report(report)
    assert not check.ok and any("signature does not match" in p for p in check.problems)


def test_damaged_or_missing_signatures_give_a_clear_message(report: Path, tmp_path: Path) -> None:
    pub = tmp_path / "k.pub"
    pub.write_text(signing.create_key().public_pem)
    check = signing.verify_report(report, pubkey=pub)  # --pubkey but no .sig
    assert not check.ok and any("no signature" in p for p in check.problems)
    unsigned = signing.verify_report(report)
    assert unsigned.ok and not unsigned.signed  # only the fingerprint was recomputed, and said so
    bad = tmp_path / "bad.sig"
    bad.write_text('{"format": "verifier-signature/1", "algorithm": "Ed25519", "public_key": "AAA=", "signature": ""}')
    with pytest.raises(signing.SigningError, match="damaged"):
        signing.verify_report(report, sig_path=bad)
    bad.write_text("garbage")
    with pytest.raises(signing.SigningError, match="not a signature file"):
        signing.verify_report(report, sig_path=bad)
    notjson = tmp_path / "x.json"
    notjson.write_bytes(b"\xff\xfe")
    with pytest.raises(signing.SigningError, match="not a JSON document"):
        signing.verify_report(notjson)
