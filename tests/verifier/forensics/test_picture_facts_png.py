"""picture_facts reads a PNG's chunks after its image data without decoding the pixels, and finds
the same facts as a full load would."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from verifier.adapters import pillow_picture


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _exif_body() -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0131] = "Canon", "EOS R5", "Greenshot 1.2"
    exif.get_ifd(0x8769)[0x829A] = 0.01
    return exif.tobytes()


def _png_with_trailing_chunks(before: list[bytes], after: list[bytes], size: tuple[int, int] = (300, 200)) -> bytes:
    rng = np.random.default_rng(3)
    buf = io.BytesIO()
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(buf, "PNG")
    png = buf.getvalue()
    first_idat = png.index(b"IDAT") - 4
    iend = png.rindex(b"IEND") - 4
    return png[:first_idat] + b"".join(before) + png[first_idat:iend] + b"".join(after) + png[iend:]


def _by_full_load(data: bytes) -> tuple:
    """What picture_facts found before: getexif() decodes the pixels to reach the trailing chunks."""
    with Image.open(io.BytesIO(data)) as im:
        exif = im.getexif()
        sub = exif.get_ifd(0x8769)
        info = {k: v for k, v in im.info.items() if isinstance(v, str) and k != "exif"}
        return dict(exif), dict(sub), info


@pytest.mark.parametrize("before, after", [
    ([], [_chunk(b"tEXt", b"Software\x00ShareX"), _chunk(b"eXIf", _exif_body())]),
    ([_chunk(b"tEXt", b"Title\x00before")], [_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"snipping tool"))]),
    ([_chunk(b"eXIf", _exif_body())], [_chunk(b"tEXt", b"Software\x00after the pixels")]),
    ([], []),
])
def test_trailing_chunks_are_read_as_a_full_load_reads_them(before: list[bytes], after: list[bytes]) -> None:
    data = _png_with_trailing_chunks(before, after)
    size, camera, texts = pillow_picture.picture_facts(data)
    exif, sub, info = _by_full_load(data)
    assert size == (300, 200)
    expected_camera = {name: (sub.get(tag) if tag in sub else exif.get(tag))
                       for tag, name in pillow_picture.CAMERA_TAGS.items()}
    assert camera == {k: v for k, v in expected_camera.items() if v not in (None, "", b"")}
    expected_texts = [str(exif.get(t)) for t in pillow_picture.TEXT_TAGS if exif.get(t)]
    expected_texts += [str(v)[:4096] for v in info.values()]
    assert texts == expected_texts


def test_a_screenshot_tool_after_the_pixels_is_found() -> None:
    data = _png_with_trailing_chunks([], [_chunk(b"tEXt", b"Software\x00ShareX"), _chunk(b"eXIf", _exif_body())])
    _, camera, texts = pillow_picture.picture_facts(data)
    assert "ShareX" in texts and "Greenshot 1.2" in texts and camera["Make"] == "Canon"


def test_the_pixels_are_not_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import ImageFile

    def refuse(self: object) -> None:
        raise AssertionError("pixels decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    data = _png_with_trailing_chunks([], [_chunk(b"tEXt", b"Software\x00ShareX")])
    assert "ShareX" in pillow_picture.picture_facts(data)[2]
