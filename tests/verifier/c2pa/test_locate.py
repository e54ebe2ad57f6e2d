"""Never claim credentials that are not there: an SDK read error is a manifest only when a
manifest store (or a remote reference) was located in the file. Shapes built in code: truncated
GIF/TIFF headers, tiny GIFs, garbage after each family's magic, and located carriers."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from verifier.c2pa import locate
from verifier.config import Config
from verifier.detectors.base import Context
from verifier.detectors.c2pa import C2paDetector
from verifier.evidence import Status, VerdictCode
from verifier.inputs import identify
from verifier.isolation import run_detector
from verifier.verdict import fuse

pytest.importorskip("c2pa")

CONFIG = Config(trust_dirs=(), user_anchors=())
GARBAGE = b"\x13\x37" * 40


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))
GIF_TINY = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
            b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

NO_STORE = {
    "gif-44-bytes.gif": GIF_TINY[:-1] + b"\x00" * (44 - len(GIF_TINY) + 1),
    "gif-tiny.gif": GIF_TINY,
    "gif-truncated-header.gif": b"GIF89a\x01\x00",
    "gif-garbage.gif": b"GIF89a" + GARBAGE,
    "tiff-truncated-header.tif": b"II*\x00\x08",
    "tiff-ifd-outside.tif": b"II*\x00" + struct.pack("<I", 10**6) + bytes(20),
    "tiff-garbage.tif": b"MM\x00*" + b"\xde\xad" * 40,
    "jpeg-garbage.jpg": b"\xff\xd8\xff" + GARBAGE,
    "png-garbage.png": b"\x89PNG\r\n\x1a\n" + GARBAGE,
    "png-plain.png": PNG,
    "webp-garbage.webp": b"RIFF\x20\x00\x00\x00WEBP" + GARBAGE,
    "wav-garbage.wav": b"RIFF\x20\x00\x00\x00WAVE" + GARBAGE,
    "mp4-garbage.mp4": b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isommp41" + GARBAGE,
    "heic-garbage.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\xff" * 40,
    "pdf-garbage.pdf": b"%PDF-1.7\n" + GARBAGE,
    "mp3-garbage.mp3": b"ID3\x04\x00\x00\x00\x00\x00\x10" + GARBAGE,
    "flac-garbage.flac": b"fLaC" + GARBAGE,
    "svg-garbage.svg": b"<svg xmlns='http://www.w3.org/2000/svg'><rect",
}


def analyse(path: Path):
    ev = run_detector(C2paDetector(), identify(path), Context(CONFIG, ()))
    return ev, fuse([ev])


@pytest.mark.parametrize("name", sorted(NO_STORE))
def test_no_store_is_never_read_as_credentials(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(NO_STORE[name])
    ev, verdict = analyse(path)
    assert "c2pa.manifest" not in {s.id for s in ev.signals}, ev.signals
    assert verdict.code is not VerdictCode.CREDENTIALS_UNVERIFIABLE
    assert ev.status in (Status.OK, Status.NOT_APPLICABLE), ev.error
    if ev.facts.get("sdk_error"):  # the SDK failed: the file was searched and the search said so
        assert ev.facts["present"] is False and "no manifest store" in ev.facts["searched"]


@pytest.mark.parametrize(("name", "data", "where"), [
    ("png-cabx.png", PNG[:33] + chunk(b"caBX", bytes(40)) + PNG[33:], "png:caBX"),
    ("gif-c2pa.gif", GIF_TINY[:-1] + b"!\xff\x0bC2PA_GIF\x01\x00\x00\x04junk\x00;", "C2PA_GIF"),
    ("wav-c2pa.wav", b"RIFF\x1c\x00\x00\x00WAVE" + b"C2PA\x04\x00\x00\x00junk" + b"data\x00\x00\x00\x00", "riff:C2PA"),
    ("mp4-c2pa.mp4", b"\x00\x00\x00\x10ftypisom\x00\x00\x00\x00" + struct.pack(">I", 32) + b"uuid"
     + locate.C2PA_UUID + b"junk", "uuid"),
    ("tiff-c2pa.tif", b"II*\x00\x08\x00\x00\x00\x01\x00" + struct.pack("<HHII", 0xCD41, 7, 4, 0) + bytes(4), "0xCD41"),
    ("jpeg-store-in-garbage.jpg", b"\xff\xd8\xff" + GARBAGE + locate.STORE_JUMD + bytes(16), "manifest store bytes"),
])
def test_located_carriers(name: str, data: bytes, where: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    media = identify(path)
    found = locate.locate(path, media.media_type, media.family, media.size)
    assert found.present and found.certain and where in found.where


def test_a_located_but_unreadable_store_stays_a_manifest(tmp_path: Path) -> None:
    path = tmp_path / "cabx.png"
    path.write_bytes(PNG[:33] + chunk(b"caBX", bytes(40)) + PNG[33:])
    ev, verdict = analyse(path)
    manifest = next(s for s in ev.signals if s.id == "c2pa.manifest")
    assert manifest.details["state"] == "unreadable" and manifest.details["carrier"] == "png:caBX"
    assert verdict.code is VerdictCode.CREDENTIALS_UNVERIFIABLE


def test_zip_manifest_entry_and_compressed_pdf(tmp_path: Path) -> None:
    path = tmp_path / "doc.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
        z.writestr(locate.ZIP_MANIFEST, b"junk")
    assert locate.locate(path, "application/zip", "zip", path.stat().st_size).present
    pdf = tmp_path / "objstm.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /ObjStm /Filter /FlateDecode>> stream\nxx\nendstream")
    found = locate.locate(pdf, "application/pdf", "pdf", pdf.stat().st_size)
    assert not found.present and not found.certain  # compressed objects: cannot tell


def test_unsearchable_file_is_an_error_never_a_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locate, "MAX_SCAN", 8)
    path = tmp_path / "big.tif"
    path.write_bytes(b"MM\x00*" + b"\xde\xad" * 40)
    ev, verdict = analyse(path)
    assert ev.status is Status.ERROR and "searched for a manifest store" in (ev.error or "")
    assert "c2pa.manifest" not in {s.id for s in ev.signals}
    assert verdict.code is VerdictCode.INCOMPLETE
