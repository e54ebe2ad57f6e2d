"""Inputs of a sweep: local folders and files, file lists, fsspec URLs.

Local paths need nothing beyond the standard library. A URL (``s3://…``, ``gcs://…``,
``memory://…``, ``file://…``) is listed and read through fsspec, imported only when a URL is
given; its protocol's package must be installed. A remote object is copied into a private
temporary directory (never inside an input folder), analysed there and deleted; the report keeps
the original URL.

Companions (a sidecar ``x.c2pa`` beside ``x.jpg``, ``.m4s`` fragments beside an MP4 init
segment) are found with an index per folder, so that listing stays linear for large folders; the
rule itself is :class:`verifier.pipeline.Companions`.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..inputs import CHUNK, InputError, hash_file

MAX_COMPANIONS = 256  # per file: a folder of 10,000 fragments is not 10,000 companions each


class SourceError(Exception):
    """An input argument cannot be listed (unknown protocol, missing package, bad list file)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One file to analyse: a local path or a URL, as given, with its companions."""

    source: str
    companions: tuple[str, ...] = ()

    @property
    def remote(self) -> bool:
        return is_url(self.source)


def is_url(text: str) -> bool:
    head, sep, _ = text.partition("://")
    return bool(sep) and head.replace("+", "").replace("-", "").isalnum() and len(head) > 1


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SourceError("URLs need the optional 'archive' extra (fsspec): pip install verifier[archive]") from exc
    return fsspec


def _filesystem(url: str) -> tuple[Any, str]:
    fsspec = _fsspec()
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise SourceError(f"{url}: {exc}") from exc
    return fs, path


# --------------------------------------------------------------------------- listing


def _local_files(root: Path, recursive: bool) -> Iterator[list[Path]]:
    """Files of a folder, one list per folder, stable order, hidden entries skipped."""
    if not recursive:
        yield sorted(p for p in root.iterdir() if not p.name.startswith(".") and p.is_file())
        return
    for base, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(base)
        yield [folder / n for n in sorted(files) if not n.startswith(".") and (folder / n).is_file()]


def _remote_files(url: str, recursive: bool) -> Iterator[list[str]]:
    fs, path = _filesystem(url)
    if fs.isdir(path):
        found = fs.find(path, maxdepth=None if recursive else 1)
        names = [p for p in found if not any(part.startswith(".") for part in
                                             PurePosixPath(p).relative_to(PurePosixPath(path)).parts)]
    elif any(c in path for c in "*?["):
        names = [p for p in fs.glob(path) if fs.isfile(p)]
    else:
        names = [path]
    groups: dict[str, list[str]] = defaultdict(list)
    for p in sorted(names):
        groups[posixpath.dirname(p)].append(fs.unstrip_protocol(p))
    for _, files in sorted(groups.items()):
        yield files


def with_companions(folder_files: list[str]) -> Iterator[Item]:
    """Items of one folder, each with its companions among the folder's files."""
    paths = [PurePosixPath(f) if is_url(f) else Path(f) for f in folder_files]
    from ..pipeline import Companions  # not at import: the CLI asks is_url() before the detectors load

    companions = Companions(paths)  # type: ignore[arg-type]  # URLs as PurePosixPath work alike
    for raw, p in zip(folder_files, paths, strict=True):
        comps: tuple[Any, ...] = companions.of(p)  # type: ignore[arg-type]
        yield Item(raw, tuple(_as_source(c, raw) for c in comps[:MAX_COMPANIONS]))


def _as_source(p: Any, sibling: str) -> str:
    if is_url(sibling):
        return sibling.rsplit("/", 1)[0] + "/" + p.name
    return str(p)


def read_list(list_file: Path) -> list[str]:
    """A file list: one path or URL per line; blank lines and ``#`` comments ignored."""
    try:
        text = list_file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read the file list {list_file}: {exc}") from exc
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def iter_items(inputs: Iterable[str], recursive: bool = True) -> Iterator[Item]:
    """Every file named by the inputs, folders walked, with companions.

    Explicitly named files are grouped by folder so that ``photo.jpg photo.c2pa`` given on the
    command line (or in a list) pair up, as they do in ``verifier scan``.
    """
    singles: dict[str, list[str]] = defaultdict(list)
    order: list[str] = []
    for raw in inputs:
        if is_url(raw) and not raw.startswith("file://"):
            for folder in _remote_files(raw, recursive):
                yield from with_companions(folder)
            continue
        local = Path(raw[len("file://"):] if raw.startswith("file://") else raw)
        if local.is_dir():
            for found in _local_files(local, recursive):
                yield from with_companions([str(p) for p in found])
        else:
            parent = str(local.parent)
            if parent not in singles:
                order.append(parent)
            singles[parent].append(str(local))
    for parent in order:
        yield from with_companions(singles[parent])


# --------------------------------------------------------------------------- reading


def unchanged(local: Path, expected_sha: str) -> bool:
    """Whether a staged input still has the SHA-256 an earlier run recorded (an unreadable one
    has not: it is analysed again, which records why)."""
    try:
        found = hash_file(local)
    except InputError:
        return False
    return found is not None and found[0] == expected_sha


@contextmanager
def staged(item: Item, stage_root: str | None = None) -> Iterator[tuple[Path, tuple[Path, ...]]]:
    """Local paths for an item: the file itself, or a private copy of a remote object.

    The copy lives in a fresh ``0700`` directory under the system temp dir (or ``stage_root``),
    keeps the object's base name (type sniffing and companion rules see the same name), and is
    deleted when the block ends, whatever happens.
    """
    if not item.remote:
        yield Path(item.source), tuple(Path(c) for c in item.companions)
        return
    tmp = tempfile.mkdtemp(prefix="verifier-stage-", dir=stage_root)
    try:
        local = _fetch(item.source, Path(tmp))
        comps = tuple(_fetch(c, Path(tmp)) for c in item.companions)
        yield local, comps
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _fetch(url: str, folder: Path) -> Path:
    fs, path = _filesystem(url)
    name = posixpath.basename(path.rstrip("/")) or "object"
    target = folder / name.replace("\\", "_")
    try:
        with fs.open(path, "rb") as src, open(target, "xb") as dst:
            shutil.copyfileobj(src, dst, CHUNK)
    except FileNotFoundError as exc:
        raise InputError(f"cannot open {url}: not found") from exc
    except OSError as exc:
        raise InputError(f"cannot fetch {url}: {exc}") from exc
    return target
