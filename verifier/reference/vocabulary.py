"""A small visual vocabulary (a two-level k-means tree over SIFT descriptors, 100 x 100 words) and tf-idf scoring.

In a large reference folder a suspect cannot be verified against every picture; the vocabulary
turns each picture into a bag of visual words, and the references that share the most
(idf-weighted) words with the suspect are verified first. The tree (``branch`` x ``branch``
words) costs ``2 x branch`` distance computations per descriptor instead of ``branch²``.
The vocabulary is trained on the folder's own descriptors, deterministically.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BRANCH = 100  # 10,000 words: with 1,600 a 4,000-feature suspect touched nearly every word (BENCHMARKS.md)
SAMPLES = 200_000
ITERATIONS = 8


def _assign(x: np.ndarray, centres: np.ndarray) -> np.ndarray:
    # argmin ||x - c||² = argmin (||c||² - 2 x·c), in chunks to bound memory
    cc = (centres * centres).sum(axis=1)
    out = np.empty(len(x), np.int32)
    for s in range(0, len(x), 16384):
        d = cc[None, :] - 2.0 * (x[s:s + 16384] @ centres.T)
        out[s:s + 16384] = np.argmin(d, axis=1)
    return out


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    if len(x) <= k:
        centres = np.zeros((k, x.shape[1]), np.float32)
        centres[:len(x)] = x
        centres[len(x):] = 1e6  # unreachable words
        return centres
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(ITERATIONS):
        labels = _assign(x, centres)
        onehot = np.zeros((len(x), k), np.float32)  # k is small (the tree's branching): a matmul sums fast
        onehot[np.arange(len(x)), labels] = 1.0
        sums = onehot.T @ x
        counts = onehot.sum(axis=0)
        empty = counts == 0
        centres[~empty] = sums[~empty] / counts[~empty, None]
        if empty.any():  # re-seed empty clusters from random points
            centres[empty] = x[rng.choice(len(x), int(empty.sum()), replace=False)]
    return centres


@dataclass(frozen=True)
class Vocabulary:
    top: np.ndarray  # branch x 128 float32
    leaves: np.ndarray  # branch x branch x 128 float32

    @property
    def size(self) -> int:
        return int(self.leaves.shape[0] * self.leaves.shape[1])

    def words(self, descriptors: np.ndarray) -> np.ndarray:
        x = descriptors.astype(np.float32)
        first = _assign(x, self.top)
        out = np.empty(len(x), np.int32)
        branch = self.leaves.shape[1]
        for b in np.unique(first):
            sel = first == b
            out[sel] = b * branch + _assign(x[sel], self.leaves[b])
        return out


def train(samples: np.ndarray, branch: int = BRANCH, seed: int = 0) -> Vocabulary:
    rng = np.random.default_rng(seed)
    x = samples.astype(np.float32)
    top = _kmeans(x, branch, rng)
    labels = _assign(x, top)
    leaves = np.stack([_kmeans(x[labels == b], branch, rng) for b in range(branch)])
    return Vocabulary(top.astype(np.float32), leaves.astype(np.float32))


@dataclass(frozen=True)
class Postings:
    """An inverted file: for each word, the references that have it and their tf-idf weights
    (each reference's vector has unit length)."""

    indptr: np.ndarray  # words + 1, int64
    refs: np.ndarray  # int32
    weights: np.ndarray  # float32
    idf: np.ndarray  # words, float32
    count: int  # references

    def scores(self, query_words: np.ndarray) -> np.ndarray:
        out = np.zeros(self.count, np.float64)
        if len(query_words) == 0:
            return out
        # each word counted once on the suspect's side: a screenshot repeats its chrome's words,
        # and only the words it shares with a reference should add up
        for w in np.unique(query_words).tolist():
            a, b = int(self.indptr[w]), int(self.indptr[w + 1])
            if b > a:
                out[self.refs[a:b]] += self.weights[a:b] * float(self.idf[w])
        return out


def build_postings(per_ref_words: list[np.ndarray], size: int) -> Postings:
    n = len(per_ref_words)
    ref_col, word_col, tf_col = [], [], []
    for r, ws in enumerate(per_ref_words):
        if len(ws) == 0:
            continue
        u, c = np.unique(ws, return_counts=True)
        ref_col.append(np.full(len(u), r, np.int32))
        word_col.append(u.astype(np.int64))
        tf_col.append(c.astype(np.float32))
    if not ref_col:
        return Postings(np.zeros(size + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32),
                        np.zeros(size, np.float32), n)
    refs, words, tf = np.concatenate(ref_col), np.concatenate(word_col), np.concatenate(tf_col)
    df = np.bincount(words, minlength=size).astype(np.float64)
    idf = np.where(df > 0, np.log((n + 1) / (df + 1)) + 1e-3, 0.0).astype(np.float32)
    w = tf * idf[words]
    norms = np.sqrt(np.bincount(refs, weights=w.astype(np.float64) ** 2, minlength=n))
    w = (w / np.maximum(norms[refs], 1e-12)).astype(np.float32)
    order = np.argsort(words, kind="stable")
    indptr = np.concatenate([[0], np.cumsum(np.bincount(words, minlength=size))]).astype(np.int64)
    return Postings(indptr, refs[order], w[order], idf, n)
