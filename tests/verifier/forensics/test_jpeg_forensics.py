"""forensic.double_jpeg and the quantisation-table facts, on pictures built in code."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from verifier.adapters import pillow_picture
from verifier.config import Config
from verifier.detectors.base import Context
from verifier.detectors.forensic_jpeg import DoubleJpegDetector
from verifier.evidence import MediaFile, Status
from verifier.forensics import double_jpeg, jpeg_tables
from verifier.isolation import run_detector

from .photos import decoded, jpeg, photo


@pytest.mark.parametrize("quality", [30, 50, 75, 90, 95])
def test_standard_tables_give_their_quality(quality: int) -> None:
    facts = jpeg_tables.describe(pillow_picture.quantization(jpeg(photo(64, 64), quality)))
    assert facts is not None and facts.standard and facts.quality == quality


def test_custom_tables_are_not_called_standard() -> None:
    tables = {0: tuple(min(255, v + (i % 3)) for i, v in enumerate(jpeg_tables.scaled(jpeg_tables.STANDARD_LUMA, 90)))}
    facts = jpeg_tables.describe(tables)
    assert facts is not None and not facts.standard and 85 <= facts.quality <= 95


def _analyse(data: bytes) -> double_jpeg.DoubleJpeg | None:
    return double_jpeg.analyse(pillow_picture.luma(data), pillow_picture.quantization(data)[0])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_resaved_at_a_higher_quality_is_detected_with_its_first_quality(seed: int) -> None:
    first = jpeg(photo(640, 480, seed), 60)
    second = jpeg(decoded(first), 90)
    r = _analyse(second)
    assert r is not None and r.detected, r
    assert r.primary_quality is not None and abs(r.primary_quality - 60) <= 8


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("quality", [75, 90, 95])
def test_a_single_compression_stays_silent(seed: int, quality: int) -> None:
    r = _analyse(jpeg(photo(640, 480, seed), quality))
    assert r is not None and not r.detected, r


def test_too_small_to_measure_is_said_not_guessed() -> None:
    assert _analyse(jpeg(photo(96, 96), 90)) is None


def _run(tmp_path: Path, data: bytes):
    path = tmp_path / "x.jpg"
    path.write_bytes(data)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    media = MediaFile(path, before, len(data), "image/jpeg")
    ev = run_detector(DoubleJpegDetector(), media, Context(Config()))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    return ev


def test_the_detector_reports_an_indicator_and_table_facts(tmp_path: Path) -> None:
    ev = _run(tmp_path, jpeg(decoded(jpeg(photo(640, 480, 5), 55)), 92))
    assert ev.status is Status.OK
    assert [i.id for i in ev.indicators] == ["forensic.double_jpeg"]
    d = ev.indicators[0].details
    assert d["score"] >= double_jpeg.DECIDE_FRACTION and "primary_quality" in d
    assert ev.facts["quantisation"]["estimated_quality"] == 92 and ev.facts["quantisation"]["standard_tables"]
    assert ev.signals == ()  # advisory: never a signal


def test_the_detector_on_a_clean_twin_has_facts_and_no_indicator(tmp_path: Path) -> None:
    ev = _run(tmp_path, jpeg(photo(640, 480, 5), 92))
    assert ev.status is Status.OK and ev.indicators == ()
    assert ev.facts["double_compression"]["score"] < double_jpeg.DECIDE_FRACTION


def test_garbage_is_a_failed_check_not_silence(tmp_path: Path) -> None:
    ev = _run(tmp_path, b"\xff\xd8\xff\xdb" + b"\x00" * 100)
    assert ev.status in (Status.ERROR, Status.NOT_APPLICABLE) and ev.error


def test_luma_is_the_grey_plane_and_can_be_read_at_a_reduced_scale() -> None:
    import io

    import numpy as np
    from PIL import Image

    data = jpeg(photo(2000, 1200, 4), 90)
    full = pillow_picture.luma(data)
    with Image.open(io.BytesIO(data)) as im:
        im.draft("YCbCr", im.size)
        assert np.array_equal(full, np.asarray(im.getchannel(0)))  # libjpeg's Y, before colour conversion
    assert np.array_equal(pillow_picture.luma(data, 1200), full)  # no smaller side wanted: full scale
    half = pillow_picture.luma(data, 512)  # 1/2 keeps 600 >= 512 pixels, 1/4 would not
    assert half.shape == (600, 1000)
    means = full.reshape(600, 2, 1000, 2).mean(axis=(1, 3))
    assert np.abs(half.astype(np.float64) - means).mean() < 2.0


def _describe_by_loops(tables: dict[int, tuple[int, ...]]) -> tuple[int, bool, float, int] | None:
    """The table comparison written out quality by quality, as it was first written."""
    usable = {k: tuple(v) for k, v in tables.items() if len(v) == 64 and k in (0, 1)}
    if 0 not in usable:
        return None
    best: tuple[float, int] | None = None
    for q in range(1, 101):
        luma, chroma = jpeg_tables.scaled(jpeg_tables.STANDARD_LUMA, q), jpeg_tables.scaled(jpeg_tables.STANDARD_CHROMA, q)
        diffs = [sum(abs(a - b) for a, b in zip(usable[0], luma, strict=True))]
        if 1 in usable:
            diffs.append(sum(abs(a - b) for a, b in zip(usable[1], chroma, strict=True)))
        mean = sum(diffs) / (64 * len(diffs))
        if best is None or mean < best[0]:
            best = (mean, q)
    assert best is not None
    return best[1], best[0] == 0.0, best[0], len(tables)


def test_table_facts_equal_the_comparison_written_out() -> None:
    import random

    rng = random.Random(7)
    cases: list[dict[int, tuple[int, ...]]] = [{}, {1: jpeg_tables.scaled(jpeg_tables.STANDARD_CHROMA, 50)}]
    for _ in range(300):
        q = rng.randint(1, 100)
        luma = tuple(max(1, v + rng.randint(-3, 3)) for v in jpeg_tables.scaled(jpeg_tables.STANDARD_LUMA, q))
        cases.append({0: luma, 1: jpeg_tables.scaled(jpeg_tables.STANDARD_CHROMA, q)})
        cases.append({0: tuple(rng.randint(1, 255) for _ in range(64))})
        cases.append({0: jpeg_tables.scaled(jpeg_tables.STANDARD_LUMA, q), 2: (9,) * 64})
    for tables in cases:
        got = jpeg_tables.describe(tables)
        expected = _describe_by_loops(tables)
        assert (None if got is None else (got.quality, got.standard, got.deviation, got.tables)) == expected
