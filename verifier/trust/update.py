"""Replace a trust list with a newer copy the user downloaded, and roll it back.

Nothing is fetched: the user gives a file. It is validated (PEM certificates only, at least one,
every one loads with ``cryptography``; expired certificates are reported), copied into the user
trust directory under the list's file name (where it overrides the bundled list of the same
name), with a record of the import beside it (``<file>.import.json``: date, SHA-256, original
file name). The list it replaces in that directory is kept as ``<file>.previous`` for
:func:`rollback`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .sources import bundled_dir, user_trust_dir
from .status import IMPORT_SUFFIX

# list name -> file name in a trust directory (see verifier.trust.store)
LIST_FILES = {
    "c2pa-official": "C2PA-TRUST-LIST.pem",
    "c2pa-tsa": "C2PA-TSA-TRUST-LIST.pem",
    "interim-anchors": "interim-anchors.pem",
    "interim-allowed": "interim-allowed.pem",
}
PREVIOUS = ".previous"
MAX_BYTES = 16 * 1024 * 1024  # the official list is ~40 kB; anything this size is not a trust list
_BEGIN = re.compile(rb"-----BEGIN CERTIFICATE-----")


class TrustUpdateError(ValueError):
    """The file cannot be used as this trust list (the message says why)."""


@dataclass(frozen=True, slots=True)
class Imported:
    name: str
    target: Path
    sha256: str
    certificates: int
    expired: tuple[str, ...]  # subjects of certificates past their notAfter
    kept_previous: bool


def guess_list(path: Path) -> str | None:
    """The list a downloaded file most likely is, from its name (None when it cannot be told)."""
    low = path.name.lower()
    if "tsa" in low and "c2pa" in low:
        return "c2pa-tsa"
    if "c2pa-trust-list" in low or "c2pa_trust_list" in low:
        return "c2pa-official"
    if "anchors" in low:
        return "interim-anchors"
    if "allowed" in low:
        return "interim-allowed"
    return None


def validate(data: bytes, now: datetime | None = None) -> tuple[int, tuple[str, ...]]:
    """(number of certificates, subjects of expired ones); raises TrustUpdateError on a bad file."""
    from cryptography import x509  # noqa: PLC0415 - lazy

    if not data.strip():
        raise TrustUpdateError("the file is empty")
    if len(data) > MAX_BYTES:
        raise TrustUpdateError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB: not a trust list")
    blocks = len(_BEGIN.findall(data))
    if blocks == 0:
        raise TrustUpdateError("the file holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise TrustUpdateError(f"a certificate in the file could not be read ({exc})") from exc
    if len(certs) != blocks:
        raise TrustUpdateError(f"only {len(certs)} of the {blocks} certificates in the file could be read")
    now = now or datetime.now(UTC)
    expired = tuple(c.subject.rfc4514_string() for c in certs if c.not_valid_after_utc < now)
    return len(certs), expired


def _fingerprints(data: bytes) -> set[str]:
    from cryptography import x509  # noqa: PLC0415 - lazy
    from cryptography.hazmat.primitives.serialization import Encoding  # noqa: PLC0415

    try:
        return {hashlib.sha256(c.public_bytes(Encoding.DER)).hexdigest() for c in x509.load_pem_x509_certificates(data)}
    except ValueError:
        return set()


def check_role(data: bytes, name: str, bundled: Path | None = None) -> None:
    """Refuse a file that is plainly another bundled list (say the TSA list imported as the
    official one): it would leave signers of the replaced list untrusted."""
    bundled = bundled if bundled is not None else bundled_dir()
    if bundled is None:
        return
    new = _fingerprints(data)
    lists = {n: _fingerprints((bundled / f).read_bytes()) for n, f in LIST_FILES.items() if (bundled / f).is_file()}
    own = lists.get(name, set())
    for other, certs in lists.items():
        if other != name and certs and new == certs and new != own:
            raise TrustUpdateError(f"this file holds exactly the certificates of the bundled {other} list; "
                                   f"give --list {other} if that is meant")


def update(source: Path, name: str, trust_dir: Path | None = None, *, now: datetime | None = None) -> Imported:
    """Validate ``source`` and install it as list ``name`` in the user trust directory."""
    if name not in LIST_FILES:
        raise TrustUpdateError(f"unknown list {name!r}: one of {', '.join(LIST_FILES)}")
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise TrustUpdateError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB: not a trust list")
        with source.open("rb") as fh:  # read-only: the user's download is left as it is
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TrustUpdateError(f"cannot read {source}: {exc.strerror or exc}") from exc
    now = now or datetime.now(UTC)
    count, expired = validate(data, now)
    check_role(data, name)
    trust_dir = trust_dir or user_trust_dir()
    try:
        return _install(data, source.name, name, trust_dir, now, count, expired)
    except OSError as exc:
        raise TrustUpdateError(f"cannot write to {trust_dir}: {exc.strerror or exc}") from exc


def _install(data: bytes, original: str, name: str, trust_dir: Path, now: datetime, count: int,
             expired: tuple[str, ...]) -> Imported:
    trust_dir.mkdir(parents=True, exist_ok=True)
    target = trust_dir / LIST_FILES[name]
    digest = hashlib.sha256(data).hexdigest()
    kept = target.exists()
    if kept:
        os.replace(target, _previous(target))
        _move_record(target, _previous(target))
    else:  # nothing of ours to go back to: rollback then returns to the bundled list
        _remove(_previous(target))
        _remove(_record(_previous(target)))
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    record = {"list": name, "imported_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "sha256": digest,
              "original_filename": original, "certificates": count, "expired_certificates": list(expired)}
    _record(target).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return Imported(name, target, digest, count, expired, kept)


def rollback(name: str, trust_dir: Path | None = None) -> str:
    """Undo the last update of list ``name``: "previous" (the earlier import is back) or "removed"
    (the user's copy is gone, the bundled list is in force again)."""
    if name not in LIST_FILES:
        raise TrustUpdateError(f"unknown list {name!r}: one of {', '.join(LIST_FILES)}")
    trust_dir = trust_dir or user_trust_dir()
    target = trust_dir / LIST_FILES[name]
    prev = _previous(target)
    try:
        if prev.exists():
            os.replace(prev, target)
            _remove(_record(target))
            _move_record(prev, target)
            return "previous"
        if target.exists() and _record(target).exists():
            target.unlink()
            _remove(_record(target))
            return "removed"
    except OSError as exc:
        raise TrustUpdateError(f"cannot roll back in {trust_dir}: {exc.strerror or exc}") from exc
    raise TrustUpdateError(f"no update of {name} to roll back in {trust_dir}")


def _previous(p: Path) -> Path:
    return p.with_name(p.name + PREVIOUS)


def _record(p: Path) -> Path:
    return p.with_name(p.name + IMPORT_SUFFIX)


def _move_record(src: Path, dst: Path) -> None:
    if _record(src).exists():
        os.replace(_record(src), _record(dst))
    else:
        _remove(_record(dst))


def _remove(p: Path) -> None:
    try:
        p.unlink()
    except FileNotFoundError:
        pass
