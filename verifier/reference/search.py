"""A suspect picture against an indexed reference folder: shortlist, verify, best first."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from . import phash as ph
from .features import Features
from .index import Entry, FolderIndex
from .match import Match, verify

log = logging.getLogger(__name__)

SHORTLIST = 48  # references verified per suspect in a large folder (by visual-word score)
PHASH_SHORTLIST = 2 * ph.DUPLICATE_DISTANCE  # plus every reference whose hash is this close


@dataclass(frozen=True)
class Found:
    entry: Entry
    match: Match


@dataclass(frozen=True)
class Outcome:
    found: tuple[Found, ...]
    compared: int  # references verified
    references: int  # usable references in the folder
    unreadable_references: int
    not_compared: tuple[str, ...] = ()  # shortlisted references whose cached features could not be read


def candidates(suspect: Features, index: FolderIndex, shortlist: int = SHORTLIST) -> list[int]:
    """Indices into ``index.usable`` worth verifying: all of them in a small folder; otherwise the
    best by visual words, plus near perceptual hashes."""
    usable = index.usable
    if index.vocabulary is None or index.postings is None or len(usable) <= shortlist:
        return list(range(len(usable)))
    scores = index.postings.scores(index.vocabulary.words(suspect.descriptors))
    top = np.argsort(-scores, kind="stable")[:shortlist]
    chosen = dict.fromkeys(int(i) for i in top if scores[i] > 0)
    for i, e in enumerate(usable):
        if ph.distance(suspect.phash, e.phash) <= PHASH_SHORTLIST:
            chosen.setdefault(i)
    return list(chosen)


def search(suspect: Features, index: FolderIndex, shortlist: int = SHORTLIST) -> Outcome:
    usable = index.usable
    found = []
    failed = []
    picked = candidates(suspect, index, shortlist)
    for i in picked:
        entry = usable[i]
        try:
            ref = index.features(entry)
        except (OSError, ValueError, KeyError) as exc:  # the cache was cleared under us
            log.warning("reference %s: cached features unreadable (%s)", entry.rel, exc)
            failed.append(entry.rel)
            continue
        m = verify(suspect, ref)
        if m is not None:
            found.append(Found(entry, m))
    found.sort(key=lambda f: (-f.match.inliers, f.entry.rel))
    return Outcome(tuple(found), len(picked), len(usable), len(index.entries) - len(usable), tuple(failed))
