"""The state of each trust list in force: where it comes from, how many certificates, how old.

A list is *stale* when today is past the next-update date its publisher states, or when its
version is more than :data:`MAX_AGE_DAYS` old. A frozen list (the interim list) is not updated
any more: it is marked as frozen instead. The clock is a parameter (``today``) so tests can move it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from . import material
from .sources import bundled_dir, provenance_for, user_trust_dir
from .store import TrustList

MAX_AGE_DAYS = 183  # six months
IMPORT_SUFFIX = ".import.json"  # the record written beside a list imported with `trust update`

# Warning codes (worded in verifier.trust.wording)
PAST_NEXT_UPDATE = "past_next_update"
OLDER_THAN_6_MONTHS = "older_than_6_months"
UNDATED = "undated"
FROZEN = "frozen"
UNREADABLE = "unreadable"
MIXED = "mixed"  # some files of the list come from another folder (e.g. an updated interim-allowed.pem)


@dataclass(frozen=True, slots=True)
class ListStatus:
    name: str
    label: str  # name@sha256-prefix, as in reports
    kind: str  # "anchors" | "tsa"
    where: str  # "bundled" | "user" | "other"
    path: str
    certificates: int  # in the anchor (or TSA) file
    allowed: int  # end-entity certificates (interim list)
    origin: str | None
    as_of: date | None
    dated_by: str  # "sources" (SOURCES.json) | "import" (date of `trust update`) | "file" (file time) | ""
    next_update: date | None
    frozen_since: date | None
    age_days: int | None
    warnings: tuple[str, ...]

    @property
    def stale(self) -> bool:
        return PAST_NEXT_UPDATE in self.warnings or OLDER_THAN_6_MONTHS in self.warnings

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "label": self.label, "kind": self.kind, "where": self.where,
            "certificates": self.certificates, "allowed": self.allowed, "origin": self.origin,
            "as_of": _iso(self.as_of), "dated_by": self.dated_by or None,
            "next_update": _iso(self.next_update), "frozen_since": _iso(self.frozen_since),
            "age_days": self.age_days, "stale": self.stale, "warnings": list(self.warnings),
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _where(directory: Path, user_dir: Path | None) -> str:
    bundled = bundled_dir()
    if bundled is not None and directory.resolve() == bundled.resolve():
        return "bundled"
    if user_dir is not None and directory.resolve() == user_dir.resolve():
        return "user"
    return "other"


def read_import_record(path: Path) -> dict[str, Any] | None:
    """The record ``trust update`` wrote beside ``path`` (None when there is none or it is unreadable)."""
    try:
        data = json.loads(path.with_name(path.name + IMPORT_SUFFIX).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _dating(t: TrustList) -> tuple[str | None, date | None, str, date | None, date | None]:
    """origin, as_of, dated_by, next_update, frozen_since of one list."""
    assert t.anchors is not None
    prov = provenance_for(t.name, t.sha256, t.anchors.parent)
    if prov is not None:
        return prov.origin, prov.as_of, "sources", prov.next_update, prov.frozen_since
    record = read_import_record(t.anchors)
    if record is not None and record.get("sha256") == t.sha256:
        try:
            when = date.fromisoformat(str(record.get("imported_at", ""))[:10])
        except ValueError:
            when = None
        return f"imported from {record.get('original_filename', '?')}", when, "import", None, None
    try:
        mtime = datetime.fromtimestamp(t.anchors.stat().st_mtime, UTC).date()
    except OSError:
        return None, None, "", None, None
    return None, mtime, "file", None, None


def list_status(trust_dirs: tuple[Path, ...], user_anchors: tuple[Path, ...] = (), *,
                today: date | None = None, user_dir: Path | None = None) -> list[ListStatus]:
    """The status of every list in force for this configuration, official list first."""
    today = today or datetime.now(UTC).date()
    user_dir = user_dir or user_trust_dir()
    store, mat = material.for_config(tuple(trust_dirs), tuple(user_anchors))
    loaded = {a.name: a for a in mat.lists}
    out = []
    for t in material.ordered(store.lists):
        if t.anchors is None:
            continue
        origin, as_of, dated_by, next_update, frozen = _dating(t)
        anchor_list = loaded.get(t.name)
        certs = len(anchor_list.certs) if anchor_list else 0
        warnings = []
        if certs == 0:
            warnings.append(UNREADABLE)
        if len({p.parent for p in (t.anchors, t.allowed, t.config) if p is not None}) > 1:
            warnings.append(MIXED)
        age = (today - as_of).days if as_of else None
        if frozen is not None:
            warnings.append(FROZEN)
        else:
            if next_update is not None and today > next_update:
                warnings.append(PAST_NEXT_UPDATE)
            if age is not None and age > MAX_AGE_DAYS:
                warnings.append(OLDER_THAN_6_MONTHS)
            if as_of is None or dated_by == "file":
                warnings.append(UNDATED)
        out.append(ListStatus(
            name=t.name, label=t.label, kind="tsa" if t.tsa else "anchors",
            where=_where(t.anchors.parent, user_dir), path=str(t.anchors), certificates=certs,
            allowed=len(anchor_list.allowed_sha256) if anchor_list else 0, origin=origin, as_of=as_of,
            dated_by=dated_by, next_update=next_update, frozen_since=frozen, age_days=age,
            warnings=tuple(warnings)))
    return out
