"""Hostile containers finish in seconds, with the limits they hit on the container's entry."""

from __future__ import annotations

import struct
import time
import zipfile
import zlib
from pathlib import Path

from tests.verifier.containers import builders as B
from verifier.config import Config
from verifier.containers.limits import MemberLimits
from verifier.describe import describe
from verifier.pipeline import scan

FAST = 30.0  # seconds: generous for a loaded CI machine; measured 2-6 s


def _scan(path: Path, **limits: int) -> list:
    config = Config(isolation="inline", disabled=frozenset({"visible_label"}),
                    member_limits=MemberLimits(**limits) if limits else MemberLimits())
    return list(scan([path], config))


def _patch_declared_size(data: bytes, size: int) -> bytes:
    """Make every member declare ``size`` uncompressed bytes (local and central headers)."""
    out = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = out.find(sig)
        while at >= 0:
            out[at + offset:at + offset + 4] = struct.pack("<I", size)
            at = out.find(sig, at + 4)
    return bytes(out)


def test_member_declaring_gigabytes_is_not_inflated(tmp_path, scratch_root):
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_patch_declared_size(B.zip_of([("huge.bin", b"\x00" * 1000)]), 0xFFFF0000))
    start = time.monotonic()
    (container,) = _scan(bomb)
    assert time.monotonic() - start < FAST
    assert container.limits == ({"limit": "member_size", "value": 256 << 20},)
    assert container.members == ()
    assert container.verdict.code == "incomplete"
    assert "larger than" in describe(container).full_explanation


def test_member_inflating_past_its_declared_size_is_cut(tmp_path, scratch_root):
    liar = tmp_path / "liar.zip"
    liar.write_bytes(_patch_declared_size(B.zip_of([("small.bin", b"\x00" * 100_000)]), 10))
    (container,) = _scan(liar)
    facts = next(e for e in container.evidence if e.detector == "container").facts
    assert facts["unreadable"][0]["place"] == "small.bin"  # zipfile stops at 10 bytes: bad CRC
    assert container.members == ()


def test_inflated_bytes_budget_stops_a_bomb(tmp_path, scratch_root):
    zeros = b"\x00" * (3 << 20)
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(B.zip_of([(f"z{i}.bin", zeros) for i in range(40)]))
    assert bomb.stat().st_size < 500_000
    start = time.monotonic()
    results = _scan(bomb, inflated_bytes=10 << 20)
    assert time.monotonic() - start < FAST
    container = results[0]
    assert len(container.members) == 3
    assert container.limits == ({"limit": "inflated_bytes", "value": 10 << 20},)


def test_fifty_thousand_members(tmp_path, scratch_root):
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as z:
        for i in range(50_000):
            z.writestr(f"f{i:05d}.bin", b"\x00\x01")
    start = time.monotonic()
    results = _scan(many)
    elapsed = time.monotonic() - start
    assert elapsed < FAST, elapsed
    container = results[0]
    assert container.limits == ({"limit": "members", "value": 200},)
    assert len(container.members) == 200 and len(results) == 201
    assert container.members[-1] == f"{many}#f00199.bin"
    assert "more than 200 files inside" in describe(container).full_explanation


def test_deep_nesting_stops_at_the_depth_limit(tmp_path, scratch_root):
    inner = B.labelled_png()
    name = "x.png"
    for level in range(12):
        inner, name = B.zip_of([(name, inner)]), f"l{level}.zip"
    top = tmp_path / "top.zip"
    top.write_bytes(inner)
    start = time.monotonic()
    results = _scan(top)
    assert time.monotonic() - start < FAST
    paths = [str(r.media.path) for r in results]
    assert paths[1] == f"{top}#l10.zip" and paths[2] == f"{top}#l10.zip#l9.zip"
    assert len(results) == 6  # the top and five levels below it
    deepest = results[-1]
    assert deepest.limits == ({"limit": "depth", "value": 5},)
    assert deepest.parent == paths[-2]
    assert results[0].verdict.code == "incomplete"  # the label below the limit was never reached
    assert results[0].verdict.member == paths[-1]


def test_malformed_mime_is_read_as_far_as_it_goes(tmp_path, scratch_root):
    raw = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
           b"--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
           b"--XX\r\nContent-Type: image/png; name=\"a.png\"\r\nContent-Transfer-Encoding: base64\r\n"
           b"Content-Disposition: attachment; filename=\"a.png\r\n\r\n!!!not base64***\r\n"
           b"--XX\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n")  # never closed
    mail = tmp_path / "broken.eml"
    mail.write_bytes(raw)
    results = _scan(mail)
    container = results[0]
    facts = next(e for e in container.evidence if e.detector == "container").facts
    assert facts["email"]["mime_defects"]
    assert len(container.members) == 2
    assert container.verdict.code in ("no_signals", "incomplete")


def _wide_message(parts: int) -> bytes:
    head = (b"From: a@example.org\r\nMessage-ID: <x@y>\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n")
    part = b"--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"f.bin\"\r\n\r\nx\r\n"
    return head + part * parts + b"--B--\r\n"


def test_deeply_nested_mime_keeps_the_header_facts(tmp_path, scratch_root):
    deep = b"From: a@example.org\r\nMessage-ID: <x@y>\r\nMIME-Version: 1.0\r\n"
    for i in range(3000):
        deep += f"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n".encode()
    deep += b"Content-Type: text/plain\r\n\r\nend\r\n"
    mail = tmp_path / "deep.eml"
    mail.write_bytes(deep)
    start = time.monotonic()
    (container,) = _scan(mail)
    assert time.monotonic() - start < FAST
    facts = next(e for e in container.evidence if e.detector == "container").facts
    assert facts["email"]["headers"]["From"] == "a@example.org"
    assert container.limits[0]["limit"] == "mime_depth"
    assert container.verdict.code == "incomplete"


def test_very_many_mime_parts(tmp_path, scratch_root):
    mail = tmp_path / "wide.eml"
    mail.write_bytes(_wide_message(50_000))
    start = time.monotonic()
    results = _scan(mail)
    assert time.monotonic() - start < FAST
    container = results[0]
    assert [h["limit"] for h in container.limits] == ["mime_parts", "members"]
    assert len(container.members) == 200
    assert container.members[-1] == f"{mail}#attachment/200/f.bin"


def test_garbage_zip_is_an_error_not_a_crash(tmp_path, scratch_root):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04" + zlib.compress(b"not a zip") * 10)
    (report,) = _scan(junk)
    ev = next(e for e in report.evidence if e.detector == "container")
    assert str(ev.status) == "error" and "ZIP" in ev.error
    assert report.members == () and report.limits == ()
