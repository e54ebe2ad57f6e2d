"""The parts under the detector: perceptual hash, the visual-word shortlist of large folders."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from verifier.reference import features, index, match, phash, search, vocabulary

from .pictures import decoded, jpeg, paste, photo, resized


@pytest.fixture(autouse=True)
def _data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def _bgr(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb[:, :, ::-1])


def test_phash_survives_reencoding_and_resizing_and_tells_pictures_apart() -> None:
    a = photo(640, 480, seed=1)
    same = features.of_reference(_bgr(decoded(jpeg(resized(a, 0.5), 60))))
    base = features.of_reference(_bgr(a))
    other = features.of_reference(_bgr(photo(640, 480, seed=2)))
    assert phash.distance(base.phash, same.phash) <= phash.DUPLICATE_DISTANCE
    assert phash.distance(base.phash, other.phash) > phash.DUPLICATE_DISTANCE


def test_a_thumbnail_too_small_for_keypoints_is_judged_by_its_hash() -> None:
    a = photo(640, 480, seed=3)
    thumb = features.of_suspect(_bgr(decoded(jpeg(resized(a, 0.1), 80))))  # 64 x 48
    assert len(thumb.keypoints) < match.FEW_FEATURES
    m = match.verify(thumb, features.of_reference(_bgr(a)))
    assert m is not None and m.kind == "duplicate" and m.inliers == 0
    assert match.verify(thumb, features.of_reference(_bgr(photo(640, 480, seed=4)))) is None


def test_features_round_trip_through_the_cache_format() -> None:
    f = features.of_reference(_bgr(photo(320, 240, seed=5)))
    g = features.Features.from_bytes(f.to_bytes())
    assert (g.width, g.height, g.phash) == (f.width, f.height, f.phash)
    assert np.array_equal(g.keypoints, f.keypoints) and np.array_equal(g.descriptors, f.descriptors)


def test_large_folders_shortlist_the_reference_that_shares_a_region(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "SHORTLIST_ALL", 3)  # "large" from 4 references on
    refs = tmp_path / "refs"
    refs.mkdir()
    for seed in range(40, 47):
        (refs / f"r{seed}.jpg").write_bytes(jpeg(photo(640, 480, seed=seed), 90))
    idx = index.update(refs)
    assert idx.vocabulary is not None and idx.postings is not None and idx.postings.count == 7
    assert index.load(refs).vocabulary is not None  # stored, not retrained on load
    source = decoded((refs / "r44.jpg").read_bytes())
    comp, _ = paste(photo(1024, 768, seed=90), source[100:380, 150:450], (300, 200), scale=0.9, angle=3)
    suspect = features.of_suspect(_bgr(decoded(jpeg(comp, 80))))
    picked = search.candidates(suspect, index.load(refs), shortlist=2)
    assert idx.usable[picked[0]].rel == "r44.jpg"
    out = search.search(suspect, index.load(refs), shortlist=2)
    assert [f.entry.rel for f in out.found] == ["r44.jpg"] and out.compared == len(picked) < 7


def test_the_vocabulary_tree_assigns_each_descriptor_a_word() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 255, (3000, 128)).astype(np.uint8)
    v = vocabulary.train(x, branch=8)
    w = v.words(x)
    assert v.size == 64 and w.min() >= 0 and w.max() < 64 and len(np.unique(w)) > 32
