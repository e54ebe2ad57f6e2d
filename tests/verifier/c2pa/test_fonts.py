"""Fonts with a ``C2PA`` table (built in code): "Content Credentials present; this format cannot be
validated here" (credentials_unverifiable), never "no credentials" or "incomplete"."""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import pytest

from tests.verifier.c2pa.signing import Ca, Leaf, _builder_context, action, jpeg, make_ca, make_leaf, manifest
from verifier.config import Config
from verifier.detectors.base import Context
from verifier.detectors.c2pa import C2paDetector
from verifier.evidence import VerdictCode
from verifier.formats import sfnt
from verifier.formats.sniff import sniff_bytes
from verifier.inputs import identify
from verifier.isolation import run_detector
from verifier.verdict import fuse

pytest.importorskip("c2pa")

HEAD = struct.pack(">IIIIHH", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0, 1000) + bytes(38)


@pytest.fixture(scope="module")
def ca() -> Ca:
    return make_ca("Font Test Root")


@pytest.fixture(scope="module")
def store(ca: Ca) -> bytes:
    import c2pa

    leaf: Leaf = make_leaf(ca, "Font Foundry Signer")
    builder = c2pa.Builder(json.dumps(manifest("font.ttf", [action("c2pa.created", "digitalCreation")])),
                           context=_builder_context())
    builder.set_no_embed()
    signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(b"es256", leaf.chain_pem, leaf.key_pem, None))
    return builder.sign(signer, "image/jpeg", io.BytesIO(jpeg()), io.BytesIO())


def c2pa_table(store: bytes | None, uri: bytes = b"") -> bytes:
    uri_off = 20 if uri else 0
    store_off = 20 + len(uri) if store else 0
    return struct.pack(">HHIHHII", 0, 1, uri_off, len(uri), 0, store_off, len(store or b"")) + uri + (store or b"")


def ttf(tables: dict[bytes, bytes]) -> bytes:
    n = len(tables)
    search = 16 * (1 << (n.bit_length() - 1))
    out = struct.pack(">IHHHH", 0x00010000, n, search, n.bit_length() - 1, 16 * n - search)
    offset = 12 + 16 * n
    directory, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, 0, offset + len(body), len(data))
        body += data + bytes(-len(data) % 4)
    return out + directory + body


def woff(tables: dict[bytes, bytes], compress: bytes = b"") -> bytes:
    n = len(tables)
    offset = 44 + 20 * n
    directory, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        stored = zlib.compress(data) if tag == compress else data
        directory += struct.pack(">4sIIII", tag, offset + len(body), len(stored), len(data), 0)
        body += stored + bytes(-len(stored) % 4)
    header = struct.pack(">4sIIHHIHHIIIII", b"wOFF", 0x00010000, 44 + len(directory) + len(body), n, 0,
                         0, 1, 0, 0, 0, 0, 0, 0)
    return header + directory + body


def woff2_with_c2pa() -> bytes:
    directory = bytes([1]) + bytes([54]) + bytes([63]) + b"C2PA" + bytes([40])  # head, then arbitrary C2PA tag
    header = struct.pack(">4sIIHHIIHHIIIII", b"wOF2", 0x00010000, 48 + len(directory), 2, 0, 0, 0, 1, 0,
                         0, 0, 0, 0, 0)
    return header + directory + bytes(16)


def analyse(path: Path, config: Config):
    ev = run_detector(C2paDetector(), identify(path), Context(config, ()))
    return ev, fuse([ev])


def config_for(ca: Ca, tmp_path: Path) -> Config:
    return Config(trust_dirs=(), user_anchors=(ca.write(tmp_path / "root.pem"),))


@pytest.mark.parametrize("kind", ["ttf", "otf", "woff"])
def test_font_with_c2pa_table_is_present_not_validated(kind: str, tmp_path: Path, ca: Ca, store: bytes) -> None:
    tables = {b"head": HEAD, b"C2PA": c2pa_table(store)}
    data = {"ttf": ttf(tables), "otf": b"OTTO" + ttf(tables)[4:], "woff": woff(tables, compress=b"C2PA")}[kind]
    path = tmp_path / f"font.{kind}"
    path.write_bytes(data)
    assert identify(path).family == "font"
    ev, verdict = analyse(path, config_for(ca, tmp_path))
    assert verdict.code is VerdictCode.CREDENTIALS_UNVERIFIABLE
    sig = next(s for s in ev.signals if s.id == "c2pa.manifest")
    assert sig.details["format_supported"] is False and "cannot be validated here" in sig.summary
    alone = sig.details["manifest_store_alone"]
    assert alone["signer_state"] == "trusted" and alone["binding_checked"] is False
    assert alone["signer"]["common_name"] == "Font Foundry Signer"


def test_font_without_c2pa_table_has_no_credentials(tmp_path: Path) -> None:
    path = tmp_path / "plain.ttf"
    path.write_bytes(ttf({b"head": HEAD}))
    ev, verdict = analyse(path, Config(trust_dirs=(), user_anchors=()))
    assert not ev.signals and ev.facts["present"] is False
    assert verdict.code is VerdictCode.NO_SIGNALS


def test_woff2_c2pa_table_is_found_in_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "font.woff2"
    path.write_bytes(woff2_with_c2pa())
    ev, verdict = analyse(path, Config(trust_dirs=(), user_anchors=()))
    assert verdict.code is VerdictCode.CREDENTIALS_UNVERIFIABLE
    sig = next(s for s in ev.signals if s.id == "c2pa.manifest")
    assert "Brotli" in sig.details["problem"]


def test_remote_uri_only_table_is_remote(tmp_path: Path) -> None:
    path = tmp_path / "remote.ttf"
    path.write_bytes(ttf({b"head": HEAD, b"C2PA": c2pa_table(None, b"https://example.invalid/m.c2pa")}))
    ev, verdict = analyse(path, Config(trust_dirs=(), user_anchors=()))
    assert {s.id for s in ev.signals} == {"c2pa.remote"}
    assert verdict.code is VerdictCode.CREDENTIALS_UNVERIFIABLE


def test_sniffing_and_directory_limits() -> None:
    assert sniff_bytes(ttf({b"head": HEAD})).media_type == "font/ttf"
    assert sniff_bytes(b"\x00\x01\x00\x00" + bytes(60)).family != "font"  # no plausible table count
    assert sniff_bytes(woff2_with_c2pa()).media_type == "font/woff2"
    with pytest.raises(sfnt.FontError):
        sfnt.tables(io.BytesIO(ttf({b"head": HEAD, b"C2PA": c2pa_table(None)})[:20]))
