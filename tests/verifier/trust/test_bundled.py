"""The public trust lists ship with the project: a fresh install trusts real C2PA signers."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.config import Config
from verifier.trust import discover
from verifier.trust.sources import bundled_dir, read_sources

ROOT = Path(__file__).resolve().parents[3]
RESOURCES = ROOT / "resources" / "trust"
GEMINI = "realworld/google-gemini-image-2026__huminify.png"
FIREFLY = "realworld/adobe-firefly-2025__example-assets.jpg"


def test_sources_json_describes_every_bundled_file_with_its_digest():
    sources = read_sources(RESOURCES)
    assert set(sources) == {"c2pa-official", "c2pa-tsa", "interim"}
    described = {}
    for name, p in sources.items():
        assert p.origin and p.licence and p.as_of, name
        described.update(dict(p.files))
    files = {f.name for f in RESOURCES.iterdir() if f.suffix in (".pem", ".cfg")}
    assert set(described) == files
    for fname, digest in described.items():
        assert hashlib.sha256((RESOURCES / fname).read_bytes()).hexdigest() == digest, fname
    assert sources["c2pa-official"].origin == sources["c2pa-tsa"].origin == "c2pa-org/conformance-public"
    assert sources["interim"].origin == "contentauth/verify-site"
    assert str(sources["interim"].frozen_since) == "2026-01-01"


def test_default_config_finds_the_bundled_lists_with_nothing_configured(fresh_home):
    assert bundled_dir() is not None
    dirs = Config().trust_dirs
    assert dirs[-1] == bundled_dir()
    assert not any(str(d).startswith(str(ROOT.parent / "shared")) for d in dirs)
    names = {t.name for t in discover(dirs).lists}
    assert {"c2pa-official", "c2pa-tsa", "interim"} <= names


def _hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.corpus
def test_fresh_install_scan_trusts_gemini_and_firefly(corpus, tmp_path, fresh_home):
    """The CLI with an empty HOME, no $VERIFIER_TRUST_DIR and no --trust: only bundled lists."""
    work = tmp_path / "in"
    work.mkdir()
    copies = [Path(shutil.copy(corpus / rel, work)) for rel in (GEMINI, FIREFLY)]
    before = {p: _hash(p) for p in copies}
    env = {k: v for k, v in os.environ.items() if k not in ("VERIFIER_TRUST_DIR", "XDG_DATA_HOME")}
    env["HOME"] = str(fresh_home)
    out = subprocess.run([sys.executable, "-m", "verifier.cli", "scan", "--json", "--inline", "--no-ocr",
                          str(work)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert {label.split("@")[0] for label in doc["tool"]["trust_lists"]} >= {"c2pa-official", "c2pa-tsa", "interim"}
    assert all(s["where"] == "bundled" for s in doc["tool"]["trust_status"])
    trusted = {}
    for f in doc["files"]:
        for s in f["signals"]:
            if s["id"] == "c2pa.trusted":
                trusted[Path(f["path"]).name] = s["details"]["trust_list"]
        assert "c2pa.untrusted_signer" not in {s["id"] for s in f["signals"]}
    assert trusted == {Path(GEMINI).name: "c2pa-official", Path(FIREFLY).name: "interim"}
    assert {p: _hash(p) for p in copies} == before


@pytest.mark.corpus
def test_fresh_install_banner_names_the_trust_list(corpus, tmp_path, fresh_home):
    pytest.importorskip("PySide6")  # the window's banner (dev.py test's Qt-less pass skips it)
    from ui import presenters
    from ui.entry import FileEntry
    from verifier.pipeline import scan

    copy = Path(shutil.copy(corpus / GEMINI, tmp_path))
    config = Config(isolation="inline", ocr=False, disabled=frozenset({"visible_label"}))
    (report,) = list(scan([copy], config))
    entry = FileEntry(1, report.media.path, report.media, tuple(e.detector for e in report.evidence),
                      {e.detector: e for e in report.evidence}, report)
    notes = presenters.banner_view(entry).notes
    assert "The signer is on the c2pa-official trust list." in notes
