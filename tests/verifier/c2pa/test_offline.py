"""C2PA reads stay offline: every setting of LABELS.md §4 is proven effective, natively.

The suite-wide guard (tests/conftest.py) blocks Python sockets only; the SDK is Rust and opens
its own. So these tests listen on the addresses a file points at and assert that nothing
arrives with the offline settings — and that something *does* arrive when one setting is
flipped, which proves the key is real (the SDK silently accepts unknown keys).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests.verifier.c2pa.signing import action, make_ca, make_leaf, manifest, sign
from verifier.adapters import c2pa_sdk as sdk
from verifier.config import Config
from verifier.detectors.base import Context
from verifier.detectors.c2pa import C2paDetector
from verifier.inputs import identify
from verifier.isolation import run_detector

pytest.importorskip("c2pa")


def _read_state(data: bytes, settings: dict[str, Any]) -> str:
    context = sdk.make_context(settings)
    try:
        with sdk.read(io.BytesIO(data), "image/jpeg", context) as r:
            return r.state
    except sdk.RemoteManifest as exc:
        return f"remote: {exc}"


def _settings(**verify: bool) -> dict[str, Any]:
    return {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False, **verify}}


@pytest.fixture
def remote_fixture(listener) -> bytes:
    ca = make_ca()
    return sign(make_leaf(ca), manifest("remote.jpg", [action("c2pa.created", "digitalCapture")]),
                remote_url=f"http://127.0.0.1:{listener.port}/manifest.c2pa")


def test_offline_settings_hold_every_key() -> None:
    s = sdk.offline_settings("PEM", "1.2.3")
    assert s["verify"] == {"remote_manifest_fetch": False, "ocsp_fetch": False}
    assert s["core"] == {"allowed_network_hosts": []}
    assert s["trust"] == {"trust_anchors": "PEM", "trust_config": "1.2.3"}


def test_remote_manifest_is_not_fetched(tmp_path: Path, remote_fixture: bytes, listener) -> None:
    path = tmp_path / "remote.jpg"
    path.write_bytes(remote_fixture)
    ev = run_detector(C2paDetector(), identify(path), Context(Config(trust_dirs=())))
    remote = [s for s in ev.signals if s.id == "c2pa.remote"]
    assert remote and remote[0].details["url"] == f"http://127.0.0.1:{listener.port}/manifest.c2pa"
    assert ev.facts["remote_url"] == remote[0].details["url"]
    assert listener.settle() == 0


def test_remote_manifest_fetch_setting_is_effective(remote_fixture: bytes, listener) -> None:
    assert _read_state(remote_fixture, _settings()).startswith("remote: Remote: must fetch")
    assert listener.settle() == 0
    _read_state(remote_fixture, _settings(remote_manifest_fetch=True))  # the SDK fetches: proves the key
    assert listener.settle() >= 1
    assert listener.requests[0].startswith(b"GET /manifest.c2pa")


def test_allowed_network_hosts_setting_is_effective(remote_fixture: bytes, listener) -> None:
    settings = _settings(remote_manifest_fetch=True)
    settings["core"] = {"allowed_network_hosts": []}
    _read_state(remote_fixture, settings)
    assert listener.settle() == 0
    _read_state(remote_fixture, _settings(remote_manifest_fetch=True))
    assert listener.settle() >= 1


def test_ocsp_fetch_setting_is_effective(listener) -> None:
    ca = make_ca()
    leaf = make_leaf(ca, ocsp_url=f"http://127.0.0.1:{listener.port}/ocsp")
    data = sign(leaf, manifest("ocsp.jpg", [action("c2pa.created", "digitalCapture")]))
    trust = {"trust": {"trust_anchors": ca.pem.decode()}}
    assert _read_state(data, sdk.offline_settings(ca.pem.decode())) == "Trusted"
    assert listener.settle() == 0
    _read_state(data, {**_settings(ocsp_fetch=True), **trust})
    assert listener.settle() >= 1  # with ocsp_fetch the SDK asks the responder: the key is real
    count = listener.settle()
    hosts_only = {**_settings(ocsp_fetch=True), **trust, "core": {"allowed_network_hosts": []}}
    _read_state(data, hosts_only)
    assert listener.settle() == count


def test_sdk_allowed_list_has_no_effect_so_we_match_leaf_hashes() -> None:
    """LABELS.md §4: trust.allowed_list did nothing in 0.38.1; if this starts failing, revisit
    verifier.c2pa.trust_eval (our own SHA-256 leaf match) against the SDK's behaviour."""
    ca = make_ca()
    leaf = make_leaf(ca)
    data = sign(leaf, manifest("a.jpg", [action("c2pa.created", "digitalCapture")]))
    settings = _settings()
    settings["trust"] = {"allowed_list": leaf.cert.public_bytes(Encoding.PEM).decode()}
    assert _read_state(data, settings) == "Valid"  # not "Trusted"


def _corpus_c2pa_files(corpus: Path) -> list[Path]:
    files = sorted((corpus / "c2pa").iterdir()) + sorted((corpus / "realworld").iterdir())
    return [p for p in files if p.is_file()]


def test_every_corpus_file_is_read_offline(corpus: Path, trust_dir: Path, test_anchors: Path,
                                           localhost_5000) -> None:
    """libpng-test_with_url.png references http://localhost:5000/: nothing may arrive there;
    cloud.jpg (a remote Adobe URL) must come back as remote without a request (Python guard)."""
    det = C2paDetector()
    config = Config(trust_dirs=(trust_dir,), user_anchors=(test_anchors,))
    results = {}
    for path in _corpus_c2pa_files(corpus):
        ev = run_detector(det, identify(path), Context(config))
        assert "NetworkBlocked" not in ev.error, f"{path.name} tried the network"
        results[path.name] = ev
    assert sum(lst.settle() for lst in localhost_5000) == 0
    for name in ("libpng-test_with_url.png", "cloud.jpg"):
        ids = {s.id for s in results[name].signals}
        assert "c2pa.remote" in ids, name
    assert results["libpng-test_with_url.png"].facts["remote_url"] == "http://localhost:5000/libpng-test.c2pa"
    assert results["cloud.jpg"].facts["remote_url"].startswith("https://cai-manifests.adobe.com/")
