"""The index of a reference folder, and the feature cache behind it.

Layout under ``user_data_dir()/reference-index/v1/`` (the reference folder itself is only read):

- ``features/ab/<sha256>.npz``  one picture's features, keyed by the SHA-256 of its bytes (shared by
  every folder that holds the same picture)
- ``folders/<key>/manifest.json``  for one folder: each picture's relative path, size, mtime and
  SHA-256 (a file whose size and mtime are unchanged is not read again; a changed one is hashed,
  and indexed again only if its bytes changed), its perceptual hash, or why it could not be read
- ``folders/<key>/words.npz``  in folders larger than :data:`SHORTLIST_ALL`, the visual vocabulary
  and the inverted file that shortlist candidates

Every file is written to a temporary name and renamed into place, so a reader never sees half an
index, and two processes indexing at once only repeat each other's work.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..adapters import opencv_image
from ..config import user_data_dir
from ..formats.sniff import extension_type, sniff_bytes
from ..inputs import InputError
from . import features as feat
from . import vocabulary as voc

log = logging.getLogger(__name__)

INDEX_VERSION = 1
SHORTLIST_ALL = 64  # up to this many references, every one is verified: no vocabulary needed
RETRAIN_GROWTH = 2.0  # retrain the vocabulary when the folder has grown this much since
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif",
                            ".heic", ".heif", ".avif"})

Progress = Callable[[int, int, str], None]  # (done, total, relative path being indexed)


class IndexMissing(Exception):
    """The folder has not been indexed yet."""


def cache_root() -> Path:
    return user_data_dir() / "reference-index" / f"v{INDEX_VERSION}"


def folder_key(folder: Path) -> str:
    return hashlib.sha256(os.fsencode(str(Path(folder).resolve()))).hexdigest()[:24]


@dataclass(frozen=True)
class Entry:
    rel: str
    size: int
    mtime_ns: int
    sha256: str = ""
    phash: int = 0
    error: str = ""  # why it could not be indexed (undecodable, too large)


@dataclass(frozen=True)
class FolderIndex:
    folder: Path
    entries: tuple[Entry, ...]  # in path order, unreadable ones included (``usable`` leaves them out)
    root: Path
    vocabulary: voc.Vocabulary | None = None
    postings: voc.Postings | None = None

    @property
    def usable(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.error)

    def features(self, entry: Entry) -> feat.Features:
        return feat.Features.from_bytes(_feature_path(self.root, entry.sha256).read_bytes())

    def changed_since(self) -> list[str]:
        """Relative paths added, removed or modified since the index was built (a stat per file)."""
        known = {e.rel: e for e in self.entries}
        changed = []
        seen = set()
        for rel, st in _walk(self.folder):
            seen.add(rel)
            e = known.get(rel)
            if e is None or e.size != st.st_size or e.mtime_ns != st.st_mtime_ns:
                changed.append(rel)
        changed.extend(sorted(set(known) - seen))
        return changed


def _feature_path(root: Path, sha: str) -> Path:
    return root / "features" / sha[:2] / f"{sha}.npz"


def _folder_dir(root: Path, folder: Path) -> Path:
    return root / "folders" / folder_key(folder)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _walk(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """(relative path, stat) of every picture under ``folder``, sorted; links are not followed."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in IMAGE_SUFFIXES:
                continue
            full = Path(dirpath) / name
            try:
                st = full.lstat()
            except OSError:
                continue
            if full.is_file() and not full.is_symlink():
                yield full.relative_to(folder).as_posix(), st


def _extract(path: Path, root: Path) -> tuple[str, int, str]:
    """(sha256, phash, error) of one picture, its features cached."""
    try:
        data = opencv_image.read_bytes(path)
    except (InputError, OSError, opencv_image.ImageTooLarge) as exc:
        return "", 0, str(exc)
    sha = hashlib.sha256(data).hexdigest()
    cached = _feature_path(root, sha)
    if cached.exists():
        try:
            return sha, feat.Features.from_bytes(cached.read_bytes()).phash, ""
        except (ValueError, OSError, KeyError):
            log.info("re-indexing %s: unreadable cache entry", path)
    media_type = sniff_bytes(data[:4096], extension_type(path)).media_type
    try:
        if media_type in opencv_image.PILLOW_DECODED:
            bgr = opencv_image.decode_bgr_pillow(data)
        else:
            bgr = opencv_image.decode_bgr(data)
    except (opencv_image.ImageTooLarge, opencv_image.ImageCorrupt, opencv_image.ImageUndecodable) as exc:
        return sha, 0, str(exc)
    f = feat.of_reference(bgr)
    _write_atomic(cached, f.to_bytes())
    return sha, f.phash, ""


def _extract_all(folder: Path, rels: list[str], root: Path, workers: int,
                 stop: Callable[[], bool]) -> Iterator[tuple[str, int, str]]:
    """:func:`_extract` of each picture, in order: in this process, or in ``workers`` processes."""
    if workers <= 1 or len(rels) < 2 * workers:
        for rel in rels:
            if stop():
                raise InterruptedError("indexing was cancelled")
            yield _extract(folder / rel, root)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")  # no fork of a process with threads (Qt, BLAS)
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        for result in pool.map(_extract, [folder / r for r in rels], [root] * len(rels), chunksize=8):
            if stop():
                pool.shutdown(wait=False, cancel_futures=True)
                raise InterruptedError("indexing was cancelled")
            yield result


def update(folder: Path, progress: Progress | None = None, root: Path | None = None,
           stop: Callable[[], bool] = lambda: False, workers: int = 1) -> FolderIndex:
    """Bring the index of ``folder`` up to date and return it. Pictures whose size and mtime are
    unchanged are not read; the others are hashed, and their features computed unless cached
    (in ``workers`` processes when more than one)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"the reference folder {folder} does not exist or is not a folder")
    root = root or cache_root()
    old = {e.rel: e for e in _read_manifest(root, folder)}
    listing = list(_walk(folder))
    entries: list[Entry | None] = []
    todo: list[tuple[int, str, os.stat_result]] = []
    for rel, st in listing:
        prev = old.get(rel)
        if (prev is not None and prev.size == st.st_size and prev.mtime_ns == st.st_mtime_ns
                and (prev.error or _feature_path(root, prev.sha256).exists())):
            entries.append(prev)
        else:
            todo.append((len(entries), rel, st))
            entries.append(None)
    done = len(listing) - len(todo)
    for (slot, rel, st), (sha, hashed, error) in zip(todo, _extract_all(folder, [t[1] for t in todo], root,
                                                                         workers, stop)):
        entries[slot] = Entry(rel, st.st_size, st.st_mtime_ns, sha, hashed, error)
        done += 1
        if progress:
            progress(done, len(listing), rel)
    if progress:
        progress(len(listing), len(listing), "")
    index = FolderIndex(folder, tuple(e for e in entries if e is not None), root)
    index = _with_words(index)
    _write_manifest(index)
    return index


def _with_words(index: FolderIndex) -> FolderIndex:
    usable = index.usable
    fdir = _folder_dir(index.root, index.folder)
    if len(usable) <= SHORTLIST_ALL:
        (fdir / "words.npz").unlink(missing_ok=True)
        return index
    prev = _read_words(fdir)
    vocab = prev[0] if prev else None
    old_words: dict[str, np.ndarray] = prev[1] if prev else {}
    trained_for = prev[2] if prev else 0
    if vocab is None or vocab.top.shape[0] != voc.BRANCH or len(usable) > RETRAIN_GROWTH * trained_for:
        vocab = voc.train(_sample(index, usable))
        old_words, trained_for = {}, len(usable)
    per_ref = [old_words[e.sha256] if e.sha256 in old_words else vocab.words(index.features(e).descriptors)
               for e in usable]
    postings = voc.build_postings(per_ref, vocab.size)
    buf = _words_bytes(vocab, usable, per_ref, trained_for)
    _write_atomic(fdir / "words.npz", buf)
    return FolderIndex(index.folder, index.entries, index.root, vocab, postings)


def _sample(index: FolderIndex, usable: tuple[Entry, ...]) -> np.ndarray:
    per = max(8, voc.SAMPLES // max(1, len(usable)))
    rng = np.random.default_rng(0)
    parts = []
    for e in usable:
        d = index.features(e).descriptors
        if len(d) > per:
            d = d[rng.choice(len(d), per, replace=False)]
        parts.append(d)
    return np.concatenate(parts) if parts else np.zeros((0, 128), np.uint8)


def _words_bytes(vocab: voc.Vocabulary, usable: tuple[Entry, ...], per_ref: list[np.ndarray],
                 trained_for: int) -> bytes:
    import io

    lengths = np.array([len(w) for w in per_ref], np.int64)
    buf = io.BytesIO()
    np.savez(buf, top=vocab.top, leaves=vocab.leaves, trained_for=np.int64(trained_for),
             shas=np.array([e.sha256 for e in usable]), lengths=lengths,
             words=np.concatenate(per_ref).astype(np.int32) if per_ref else np.zeros(0, np.int32))
    return buf.getvalue()


def _read_words(fdir: Path) -> tuple[voc.Vocabulary, dict[str, np.ndarray], int] | None:
    path = fdir / "words.npz"
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            vocab = voc.Vocabulary(z["top"], z["leaves"])
            offsets = np.concatenate([[0], np.cumsum(z["lengths"])])
            words = z["words"]
            per = {str(s): words[offsets[i]:offsets[i + 1]] for i, s in enumerate(z["shas"])}
            return vocab, per, int(z["trained_for"])
    except (ValueError, OSError, KeyError):
        return None


def _manifest_path(root: Path, folder: Path) -> Path:
    return _folder_dir(root, folder) / "manifest.json"


def _read_manifest(root: Path, folder: Path) -> list[Entry]:
    try:
        d = json.loads(_manifest_path(root, folder).read_text("utf-8"))
        if d.get("version") != INDEX_VERSION:
            return []
        return [Entry(str(e["rel"]), int(e["size"]), int(e["mtime_ns"]), str(e["sha256"]), int(e["phash"]),
                      str(e.get("error", ""))) for e in d["entries"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _write_manifest(index: FolderIndex) -> None:
    d = {"version": INDEX_VERSION, "folder": str(index.folder.resolve()),
         "entries": [{"rel": e.rel, "size": e.size, "mtime_ns": e.mtime_ns, "sha256": e.sha256,
                      "phash": e.phash, **({"error": e.error} if e.error else {})} for e in index.entries]}
    _write_atomic(_manifest_path(index.root, index.folder), json.dumps(d).encode("utf-8"))


_LOADED: dict[tuple[str, str], tuple[tuple[int, int], FolderIndex]] = {}


def _stamp(path: Path) -> int:
    try:
        st = path.stat()
    except OSError:
        return 0
    return st.st_mtime_ns ^ st.st_size


def load(folder: Path, root: Path | None = None) -> FolderIndex:
    """The index as last built (raises :class:`IndexMissing` if there is none). A worker keeps
    the last one per folder in memory until its files change (the inverted file of 10,000
    references takes a second to build)."""
    folder = Path(folder)
    root = root or cache_root()
    manifest = _manifest_path(root, folder)
    if not manifest.exists():
        raise IndexMissing(f"the reference folder {folder} has not been indexed yet")
    key = (str(folder), str(root))
    stamp = (_stamp(manifest), _stamp(manifest.parent / "words.npz"))
    hit = _LOADED.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    index = _load(folder, root)
    _LOADED[key] = (stamp, index)
    return index


def _load(folder: Path, root: Path) -> FolderIndex:
    entries = tuple(_read_manifest(root, folder))
    index = FolderIndex(folder, entries, root)
    usable = index.usable
    if len(usable) <= SHORTLIST_ALL:
        return index
    prev = _read_words(_folder_dir(root, folder))
    if prev is None:
        return index  # every reference is verified: slower, never wrong
    vocab, per, _ = prev
    per_ref = [per.get(e.sha256, np.zeros(0, np.int32)) for e in usable]
    return FolderIndex(folder, entries, root, vocab, voc.build_postings(per_ref, vocab.size))
