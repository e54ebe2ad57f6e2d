"""Random bytes behind every container signature: the reader returns or reports, never raises."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier import read_meta
from verifier.inputs import identify

MAGICS = {
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff\xe1",
    "gif": b"GIF89a",
    "wav": b"RIFF\x00\x01\x00\x00WAVE",
    "webp": b"RIFF\x00\x01\x00\x00WEBP",
    "mp4": b"\x00\x00\x00\x10ftypisom\x00\x00\x00\x00",
    "mkv": b"\x1a\x45\xdf\xa3",
    "flv": b"FLV\x01\x05\x00\x00\x00\x09",
    "mp3": b"ID3\x04\x00\x00",
    "flac": b"fLaC",
    "ogg": b"OggS",
    "tif": b"II*\x00",
    "pdf": b"%PDF-1.7\n",
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("ext", sorted(MAGICS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=2048))
def test_random_tails_never_raise(tmp_path, ext, tail):
    p = tmp_path / f"f.{ext}"
    p.write_bytes(MAGICS[ext] + tail)
    media = identify(p)
    t = time.perf_counter()
    result = read_meta.read(media)
    assert time.perf_counter() - t < 5
    assert all(isinstance(e, str) and e for e in result.errors)
