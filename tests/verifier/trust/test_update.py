"""`trust update` / `trust rollback`: validate a downloaded list, override the bundled one, undo."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from verifier.cli import main
from verifier.config import Config
from verifier.trust import discover
from verifier.trust import status as st
from verifier.trust.sources import bundled_dir, user_trust_dir
from verifier.trust.update import TrustUpdateError, guess_list, rollback, update, validate

from .certs import pem_certificate


def in_force(name: str):
    return {t.name: t for t in discover(Config().trust_dirs).lists}[name]


def test_valid_list_overrides_the_bundled_one_and_is_recorded(tmp_path, fresh_home):
    src = tmp_path / "C2PA-TRUST-LIST (1).pem"
    src.write_bytes(pem_certificate("A") + pem_certificate("B"))
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    done = update(src, "c2pa-official")
    assert done.target == user_trust_dir() / "C2PA-TRUST-LIST.pem"
    assert user_trust_dir().is_relative_to(fresh_home)
    assert (done.certificates, done.expired, done.kept_previous) == (2, (), False)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before  # the download is left as it was
    assert in_force("c2pa-official").anchors == done.target
    record = json.loads((done.target.parent / "C2PA-TRUST-LIST.pem.import.json").read_text())
    assert record["sha256"] == before and record["original_filename"] == src.name and record["certificates"] == 2
    s = {x.name: x for x in st.list_status(Config().trust_dirs)}["c2pa-official"]
    assert (s.where, s.dated_by, s.certificates, s.as_of) == ("user", "import", 2, date.fromisoformat(
        record["imported_at"][:10]))
    assert s.origin == f"imported from {src.name}"


def test_rollback_restores_the_previous_copy_then_the_bundled_list(tmp_path):
    first, second = tmp_path / "one.pem", tmp_path / "two.pem"
    first.write_bytes(pem_certificate("first"))
    second.write_bytes(pem_certificate("second") + pem_certificate("second b"))
    update(first, "c2pa-tsa")
    done = update(second, "c2pa-tsa")
    assert done.kept_previous
    assert in_force("c2pa-tsa").sha256 == hashlib.sha256(second.read_bytes()).hexdigest()
    assert rollback("c2pa-tsa") == "previous"
    assert in_force("c2pa-tsa").sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
    record = json.loads((user_trust_dir() / "C2PA-TSA-TRUST-LIST.pem.import.json").read_text())
    assert record["original_filename"] == "one.pem"
    assert rollback("c2pa-tsa") == "removed"
    assert in_force("c2pa-tsa").anchors.parent == bundled_dir()
    with pytest.raises(TrustUpdateError, match="no update"):
        rollback("c2pa-tsa")


@pytest.mark.parametrize("content, why", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x89PNG\r\n\x1a\n garbage bytes", "no PEM certificate"),
    (b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "could not be read"),
])
def test_bad_files_are_refused_and_nothing_changes(tmp_path, content, why):
    src = tmp_path / "C2PA-TRUST-LIST.pem"
    src.write_bytes(content)
    with pytest.raises(TrustUpdateError, match=why):
        update(src, "c2pa-official")
    assert not user_trust_dir().exists() or not any(user_trust_dir().iterdir())
    assert in_force("c2pa-official").anchors.parent == bundled_dir()


def test_one_bad_certificate_among_good_ones_is_refused(tmp_path):
    bad = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    with pytest.raises(TrustUpdateError):
        validate(pem_certificate() + bad)


def test_expired_certificates_are_accepted_with_a_warning(tmp_path, capsys):
    src = tmp_path / "anchors.pem"
    src.write_bytes(pem_certificate("fresh") + pem_certificate("Old CA", expired=True))
    assert main(["trust", "update", str(src)]) == 0  # told from the name: interim-anchors
    captured = capsys.readouterr()
    assert "updated interim-anchors: 2 certificates" in captured.out
    assert "expired certificate in the list: CN=Old CA" in captured.err


def test_updating_interim_allowed_keeps_the_bundled_anchors_and_config(tmp_path):
    src = tmp_path / "allowed.pem"
    src.write_bytes(pem_certificate("leaf"))
    done = update(src, "interim-allowed")
    interim = in_force("interim")
    assert interim.allowed == done.target
    assert interim.anchors.parent == bundled_dir() and interim.config.parent == bundled_dir()
    s = {x.name: x for x in st.list_status(Config().trust_dirs)}["interim"]
    assert st.MIXED in s.warnings and s.allowed == 1 and s.certificates == 18


def test_cli_update_needs_a_list_when_the_name_says_nothing(tmp_path, capsys):
    src = tmp_path / "download.pem"
    src.write_bytes(pem_certificate())
    assert main(["trust", "update", str(src)]) == 2
    assert "--list" in capsys.readouterr().err
    assert main(["trust", "update", str(src), "--list", "c2pa-official"]) == 0
    assert main(["trust", "rollback", "c2pa-official"]) == 0
    assert "bundled list is in force again" in capsys.readouterr().out
    assert main(["trust", "update", str(tmp_path / "missing.pem"), "--list", "c2pa-tsa"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_update_into_an_unusable_folder_is_a_clear_error(tmp_path):
    src = tmp_path / "x.pem"
    src.write_bytes(pem_certificate())
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    with pytest.raises(TrustUpdateError, match="cannot write"):
        update(src, "c2pa-official", not_a_folder)


def test_guess_list_from_download_names():
    from pathlib import Path

    assert guess_list(Path("C2PA-TRUST-LIST.pem")) == "c2pa-official"
    assert guess_list(Path("C2PA-TSA-TRUST-LIST (2).pem")) == "c2pa-tsa"
    assert guess_list(Path("interim-allowed.pem")) == "interim-allowed"
    assert guess_list(Path("ca.pem")) is None


def test_another_bundled_list_under_the_wrong_name_is_refused(tmp_path):
    tsa = (bundled_dir() / "C2PA-TSA-TRUST-LIST.pem").read_bytes()
    source = tmp_path / "downloaded.pem"
    source.write_bytes(tsa)
    with pytest.raises(TrustUpdateError, match="exactly the certificates of the bundled c2pa-tsa list"):
        update(source, "c2pa-official", tmp_path / "trust")
    assert not (tmp_path / "trust" / "C2PA-TRUST-LIST.pem").exists()
    update(source, "c2pa-tsa", tmp_path / "trust")  # under its own name it is fine
    assert (tmp_path / "trust" / "C2PA-TSA-TRUST-LIST.pem").read_bytes() == tsa
