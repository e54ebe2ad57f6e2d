"""Trust material loaded into memory once per process (workers are long-lived).

:func:`load` turns a :class:`~verifier.trust.store.TrustStore` into parsed certificates, the
combined PEM text handed to the SDK (every anchor list plus the TSA list, so a single read
validates against all of them), the EKU configuration, and the SHA-256 digests of the interim
end-entity certificates. Results are cached by the files' paths, sizes and modification times.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .store import TrustList, TrustStore, discover

log = logging.getLogger(__name__)

# Extended key usages accepted for C2PA claim signers when a list brings no configuration of its
# own (the C2PA trust model: document signing, e-mail protection, c2pa-kp-claimSigning, plus the
# purposes the SDK's reference configuration lists).
DEFAULT_EKUS = (
    "1.3.6.1.5.5.7.3.4",  # id-kp-emailProtection
    "1.3.6.1.5.5.7.3.36",  # id-kp-documentSigning
    "1.3.6.1.5.5.7.3.8",  # id-kp-timeStamping
    "1.3.6.1.5.5.7.3.9",  # id-kp-OCSPSigning
    "1.3.6.1.4.1.311.76.59.1.9",  # MS C2PA signing
    "1.3.6.1.4.1.62558.2.1",  # c2pa-kp-claimSigning
)
# Lists tried first when attributing a trusted signer: the official list wins over the interim.
PRECEDENCE = ("c2pa-official", "interim")


@dataclass(frozen=True)
class AnchorList:
    name: str
    label: str  # name@sha256-prefix, as in reports
    certs: tuple[object, ...]  # cryptography x509.Certificate
    allowed_sha256: frozenset[str]  # end-entity certificates trusted as such (interim list)
    is_tsa: bool
    by_subject: dict[bytes, tuple[object, ...]] = field(default_factory=dict)  # subject DER -> anchors
    fingerprints: frozenset[str] = frozenset()  # SHA-256 of each anchor's DER


@dataclass(frozen=True)
class Material:
    lists: tuple[AnchorList, ...]
    combined_pem: str  # every anchor list + TSA list, for the SDK
    trust_config: str  # EKU OIDs, one per line
    key: tuple[object, ...]

    @property
    def signer_lists(self) -> tuple[AnchorList, ...]:
        return tuple(a for a in self.lists if not a.is_tsa)

    @property
    def empty(self) -> bool:
        return not self.combined_pem


def _stamp(p: Path | None) -> tuple[str, int, int] | None:
    if p is None:
        return None
    try:
        st = p.stat()
    except OSError:
        return (str(p), -1, -1)
    return (str(p), st.st_size, st.st_mtime_ns)


def _key(store: TrustStore) -> tuple[object, ...]:
    return tuple((t.name, t.tsa, _stamp(t.anchors), _stamp(t.allowed), _stamp(t.config)) for t in store.lists)


def load(store: TrustStore) -> Material:
    return _load(_key(store), store)


@lru_cache(maxsize=4)
def _load(key: tuple[object, ...], store: TrustStore) -> Material:
    from cryptography import x509  # noqa: PLC0415 - lazy
    from cryptography.hazmat.primitives.serialization import Encoding  # noqa: PLC0415

    def certs_of(p: Path | None) -> list[object]:
        if p is None:
            return []
        try:
            return list(x509.load_pem_x509_certificates(p.read_bytes()))
        except (OSError, ValueError) as exc:
            log.warning("trust list %s could not be read: %s", p, exc)
            return []

    lists: list[AnchorList] = []
    pems: list[str] = []
    ekus: list[str] = []
    seen: set[str] = set()
    for t in ordered(store.lists):
        certs = certs_of(t.anchors)
        allowed = certs_of(t.allowed)
        digests = frozenset(hashlib.sha256(c.public_bytes(Encoding.DER)).hexdigest()  # type: ignore[attr-defined]
                            for c in allowed)
        by_subject: dict[bytes, tuple[object, ...]] = {}
        for c in certs:
            subject = c.subject.public_bytes()  # type: ignore[attr-defined]
            by_subject[subject] = by_subject.get(subject, ()) + (c,)
        prints = frozenset(hashlib.sha256(c.public_bytes(Encoding.DER)).hexdigest()  # type: ignore[attr-defined]
                           for c in certs)
        lists.append(AnchorList(t.name, t.label, tuple(certs), digests, t.tsa, by_subject, prints))
        for c in certs:  # each anchor once, even when several lists carry it
            der_hash = hashlib.sha256(c.public_bytes(Encoding.DER)).hexdigest()  # type: ignore[attr-defined]
            if der_hash not in seen:
                seen.add(der_hash)
                pems.append(c.public_bytes(Encoding.PEM).decode("ascii"))  # type: ignore[attr-defined]
        if t.config is not None:
            ekus.extend(_eku_lines(t.config))
    config = "\n".join(dict.fromkeys(ekus or DEFAULT_EKUS)) + "\n"
    return Material(tuple(lists), "".join(pems), config, key)


def ordered(lists: tuple[TrustList, ...]) -> list[TrustList]:
    def rank(t: TrustList) -> tuple[int, str]:
        return (PRECEDENCE.index(t.name) if t.name in PRECEDENCE else len(PRECEDENCE), t.name)

    return sorted(lists, key=rank)


def _eku_lines(path: Path) -> list[str]:
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("//") and all(part.isdigit() for part in line.split(".")):
            out.append(line)
    return out


def _dir_signature(dirs: tuple[Path, ...], extra: tuple[Path, ...]) -> tuple[object, ...]:
    """Cheap fingerprint of the trust directories (names, sizes, mtimes): no file is read."""
    sig: list[object] = []
    for d in dirs:
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            sig.append((str(d), None))
            continue
        for e in entries:
            try:
                st = e.stat()
            except OSError:
                continue
            sig.append((e.path, st.st_size, st.st_mtime_ns))
    sig.extend(_stamp(p) for p in extra)
    return tuple(sig)


_BY_CONFIG: dict[tuple[object, ...], tuple[TrustStore, Material]] = {}


def for_config(trust_dirs: tuple[Path, ...], user_anchors: tuple[Path, ...]) -> tuple[TrustStore, Material]:
    """The trust store and its material for a configuration, re-read only when files change."""
    key = (trust_dirs, user_anchors, _dir_signature(trust_dirs, user_anchors))
    hit = _BY_CONFIG.get(key)
    if hit is None:
        if len(_BY_CONFIG) > 8:
            _BY_CONFIG.clear()
        store = discover(trust_dirs, user_anchors)
        hit = _BY_CONFIG[key] = (store, load(store))
    return hit
