"""Content sniffing by magic bytes; the extension only reveals a mismatch."""

from __future__ import annotations

import pytest

from verifier.formats.sniff import UNKNOWN, sniff_bytes
from verifier.inputs import identify


@pytest.mark.parametrize(
    ("head", "media_type", "family"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg", "jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "png"),
        (b"GIF89a\x01\x00", "image/gif", "gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp", "riff"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav", "riff"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "video/x-msvideo", "riff"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff", "tiff"),
        (b"%PDF-1.7\n", "application/pdf", "pdf"),
        (b"fLaC\x00\x00\x00\x22", "audio/flac", "flac"),
        (b"OggS\x00\x02", "audio/ogg", "ogg"),
        (b"ID3\x03\x00\x00\x00", "audio/mpeg", "mp3"),
        (b"\xff\xfb\x90\x64\x00", "audio/mpeg", "mp3"),
        (b"FLV\x01\x05", "video/x-flv", "flv"),
        (b"\x1a\x45\xdf\xa3\x01", "video/x-matroska", "matroska"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2", "video/mp4", "isobmff"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic", "isobmff"),
        (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avif", "image/heif", "isobmff"),
        (b"\x00\x00\x00\x18ftypqt  \x00\x00\x02\x00qt  ", "video/quicktime", "isobmff"),
        (b"\x00\x00\x00\x18stypmsdh\x00\x00\x00\x00msdh", "video/iso.segment", "isobmff"),
        (b"PK\x03\x04\x14\x00\x00\x00[Content_Types].xml....word/document.xml", None, "zip"),
        (b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml", "svg"),
        (b"\x00\x00\x00\x20jumb\x00\x00\x00\x1ejumdc2pa", "application/c2pa", "jumbf"),
        ("生成式人工智能\n".encode(), "text/plain", "text"),
        (b"---\nAIGC: x\n---\n# t", "text/markdown", "text"),
        (b"\x00\x01\x02\x03binary", UNKNOWN, "unknown"),
        (b"", UNKNOWN, "empty"),
    ],
)
def test_magic_table(head, media_type, family):
    s = sniff_bytes(head)
    assert s.family == family
    if media_type:
        assert s.media_type == media_type
    else:
        assert s.media_type.startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")


def test_utf8_cut_at_the_buffer_end_is_still_text():
    head = ("中" * 2000).encode()[:4095]
    assert sniff_bytes(head).family == "text"


def test_extension_never_decides_but_a_mismatch_is_reported(tmp_path):
    fake = tmp_path / "holiday.jpg"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    media = identify(fake)
    assert media.media_type == "image/png"
    assert media.extension_type == "image/jpeg"
    assert media.extension_mismatch


def test_related_types_are_not_a_mismatch(tmp_path):
    f = tmp_path / "clip.mov"
    f.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2")
    assert not identify(f).extension_mismatch


def test_identify_hashes_in_one_streaming_pass(tmp_path):
    import hashlib

    data = bytes(range(256)) * 10_000
    f = tmp_path / "blob.bin"
    f.write_bytes(data)
    media = identify(f)
    assert media.size == len(data)
    assert media.sha256 == hashlib.sha256(data).hexdigest()
