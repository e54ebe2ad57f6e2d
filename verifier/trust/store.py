"""Discover trust lists in trust directories.

Layout of a trust directory (the files in ``shared/trust`` follow it):

- ``C2PA-TRUST-LIST.pem``      -> list ``c2pa-official`` (anchors)
- ``C2PA-TSA-TRUST-LIST.pem``  -> list ``c2pa-tsa`` (time-stamping authorities)
- ``interim-anchors.pem``      -> list ``interim`` (anchors), with ``interim-allowed.pem``
  (end-entity certificates) and ``interim-store.cfg`` (EKU configuration)
- ``<name>.pem``               -> a list imported by the user (``verifier trust import``)

Each list is identified in reports as ``name@<sha256-prefix>`` of its anchor file so that a
report says exactly which material it was validated against.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

KNOWN = {
    "c2pa-trust-list.pem": ("c2pa-official", "anchors"),
    "c2pa-tsa-trust-list.pem": ("c2pa-tsa", "tsa"),
}
SUFFIX_ROLES = (
    ("-anchors.pem", "anchors"),
    ("-allowed.pem", "allowed"),
    ("-store.cfg", "config"),
    (".pem", "anchors"),
)
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@dataclass(frozen=True, slots=True)
class TrustList:
    name: str
    anchors: Path | None = None
    allowed: Path | None = None
    config: Path | None = None
    tsa: bool = False
    sha256: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}@{self.sha256[:12]}"


@dataclass(frozen=True, slots=True)
class TrustStore:
    lists: tuple[TrustList, ...] = field(default_factory=tuple)

    @property
    def anchor_lists(self) -> tuple[TrustList, ...]:
        return tuple(t for t in self.lists if not t.tsa and t.anchors is not None)

    @property
    def tsa_lists(self) -> tuple[TrustList, ...]:
        return tuple(t for t in self.lists if t.tsa)

    def labels(self) -> list[str]:
        return [t.label for t in self.lists]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _role(filename: str) -> tuple[str, str] | None:
    low = filename.lower()
    if low in KNOWN:
        return KNOWN[low]
    for suffix, role in SUFFIX_ROLES:
        if low.endswith(suffix):
            return low[: -len(suffix)], role
    return None


def discover(dirs: Iterable[Path], extra_anchors: Iterable[Path] = ()) -> TrustStore:
    """All lists in ``dirs`` (for each file of a list, the first directory that has it wins) plus extra anchors."""
    found: dict[str, dict[str, Path]] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        parts: dict[str, dict[str, Path]] = {}
        for f in sorted(d.iterdir()):
            role = _role(f.name) if f.is_file() else None
            if role:
                parts.setdefault(role[0], {})[role[1]] = f
        for name, roles in parts.items():  # each part from the first directory that has it, so an
            merged = found.setdefault(name, {})  # updated interim-allowed.pem keeps the bundled anchors
            for kind, path in roles.items():
                merged.setdefault(kind, path)
    for p in extra_anchors:
        found.setdefault(f"user-{p.stem.lower()}", {"anchors": p})
    lists = []
    for name, roles in found.items():
        main = roles.get("anchors") or roles.get("tsa")
        if main is None:
            continue
        lists.append(TrustList(name=name, anchors=main, allowed=roles.get("allowed"),
                               config=roles.get("config"), tsa="tsa" in roles, sha256=_sha256(main)))
    return TrustStore(tuple(lists))


# Names a user list may not take: they would make it read as the official, TSA or interim list.
RESERVED = frozenset({"c2pa-official", "c2pa-tsa", "interim", "c2pa-trust-list", "c2pa-tsa-trust-list"})


def import_list(source: Path, name: str, trust_dir: Path) -> TrustList:
    """Copy a PEM anchor file into the trust directory under ``<name>.pem``."""
    if not NAME_RE.match(name):
        raise ValueError("a trust list name is lower-case letters, digits, '.', '_' or '-'")
    stem = name
    for suffix, _role in SUFFIX_ROLES[:-1]:
        stem = stem.removesuffix(suffix.removesuffix(".pem"))
    if name in RESERVED or stem in RESERVED or name.endswith(("-anchors", "-allowed", "-store")):
        raise ValueError(f"the name {name!r} is reserved for the bundled trust lists")
    from cryptography import x509  # noqa: PLC0415 - lazy

    try:
        certs = x509.load_pem_x509_certificates(source.read_bytes())
    except ValueError as exc:
        raise ValueError(f"{source} holds no readable PEM certificate ({exc})") from exc
    if not certs:
        raise ValueError(f"{source} holds no PEM certificate")
    trust_dir.mkdir(parents=True, exist_ok=True)
    target = trust_dir / f"{name}.pem"
    shutil.copyfile(source, target)
    return TrustList(name=name, anchors=target, sha256=_sha256(target))
