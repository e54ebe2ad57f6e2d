"""E-mail facts on the container's entry: headers, the Received chain with times, DKIM
presence (never "verified"), authentication results as recorded, privacy points, and each
attachment's declared vs sniffed type, size and SHA-256."""

from __future__ import annotations

import hashlib
from email.policy import SMTP

from tests.verifier.containers import builders as B
from verifier.containers.email_facts import header_facts
from verifier.containers.email_parts import parse_bytes
from verifier.containers.expand import expand
from verifier.inputs import identify


def test_header_facts_of_the_blackmail_mail():
    facts = header_facts(parse_bytes(B.blackmail_eml()))
    h = facts["headers"]
    assert h["From"] == "Private Investigator <pi@example.org>"
    assert h["Reply-To"] == "pay-now@example.net"
    assert h["Return-Path"] == "<bounce@example.org>"
    assert h["To"] == "office@parliament.example"
    assert h["Subject"] == "Your video" and h["Message-ID"] == "<1234@example.org>"
    assert h["Date"].startswith("Mon, 01 Dec 2025 10:00:00") or h["Date"].startswith("Mon, 1 Dec 2025")
    hops = facts["received"]
    assert [hop["by"] for hop in hops] == ["mx.example.org", "inbox.parliament.example (Postfix)"]
    assert hops[0]["time"] == "2025-12-01T10:00:02+00:00" and "added_s" not in hops[0]
    assert hops[1]["added_s"] == 7.0
    assert facts["date_to_first_hop_s"] == 2.0
    assert facts["program"] == {"X-Mailer": "FakeMailer 9.1"}
    assert facts["authentication_results"] == ["inbox.parliament.example; dkim=pass header.d=example.org; spf=pass"]
    assert facts["dkim"] == [{"domain": "example.org", "selector": "sel1", "algorithm": "rsa-sha256",
                              "verified": "offline_unverifiable"}]


def test_privacy_points_name_internal_networks_not_public_ones():
    points = header_facts(parse_bytes(B.blackmail_eml()))["privacy"]
    values = {(p["field"], p["value"]) for p in points}
    assert ("Received (hop 1)", "10.1.2.3") in values
    assert ("Received (hop 1)", "workstation.corp") in values
    assert not any(v == "203.0.113.5" for _, v in values)  # a public relay is no secret
    assert ("X-Originating-IP", "[198.51.100.7]") in values
    assert any(f == "Reply-To" for f, _ in values)


def test_encoded_and_folded_headers_are_plain_text():
    msg = B.email_message([], subject="Ihr Video – 视频").as_bytes(policy=SMTP)
    assert b"=?utf-8?" in msg
    assert header_facts(parse_bytes(msg))["headers"]["Subject"] == "Ihr Video – 视频"


def test_attachment_table_declared_vs_sniffed(tmp_path):
    jpeg = B.photo()
    mail = tmp_path / "m.eml"
    mail.write_bytes(B.email_message([("screenshot.png", "image/png", jpeg)]).as_bytes(policy=SMTP))
    facts = expand(identify(mail), None)  # outside the pipeline: described, nothing written
    (row,) = facts["email"]["attachments"]
    assert row["place"] == "attachment/1/screenshot.png"
    assert row["declared_type"] == "image/png"
    assert facts["members"] == [] and facts["limits"] == []
    assert "sniffed_type" not in row  # not written, so not measured


def test_attachment_table_in_a_scan(tmp_path, scan_json):
    jpeg = B.photo()
    mail = tmp_path / "m.eml"
    mail.write_bytes(B.email_message([("screenshot.png", "image/png", jpeg)]).as_bytes(policy=SMTP))
    container, member = scan_json(mail)
    facts = container["facts"]["container"]
    (row,) = facts["email"]["attachments"]
    assert row["declared_type"] == "image/png" and row["sniffed_type"] == "image/jpeg"
    assert row["type_mismatch"] is True
    assert row["size"] == len(jpeg) and row["sha256"] == hashlib.sha256(jpeg).hexdigest()
    assert member["media_type"] == "image/jpeg"  # sniffed from content, not from the name
    assert facts["privacy"]  # the privacy points sit where the privacy view looks for them
