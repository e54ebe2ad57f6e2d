"""Old signers' data-hash layout (LABELS.md §4): examined here, never waved through.

Since c2pa-rs 0.91 one data-hash exclusion must *equal* the manifest's location. Truepic's 2023
SDK excluded SOI + the EXIF APP1 + the manifest in one range, so the SDK reports
``assertion.dataHash.mismatch`` ("exclusion does not match the manifest location") and, for the
same assertion, ``assertion.dataHash.match``. The rule blocks a real shrink-and-inject attack
(content hidden in excluded bytes), so such a file is cleared only when

* that mismatch is the only failure that is not about the signer's credentials, and the SDK
  reports the hash match for the same assertion;
* the assertion has exactly one exclusion, and in it lie only SOI, APP0/APP1 (EXIF, XMP) and
  the APP11 (JUMBF) run of the manifest store, the range ending where that run ends;
* the SHA-2 hash of the file minus the exclusion, recomputed here, equals the signed hash;
* the unprotected EXIF agrees with the signed EXIF assertions wherever both state a value.

Covered containers: JPEG only. PNG, WebP, HEIF/MP4 (box hashes) and every other carrier stay
``invalid`` when the SDK reports the pair: no legacy layout has been observed there, and their
excluded ranges cannot be cleared segment by segment with the same certainty.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..formats import jpeg
from . import states
from .legacy_exif import compare_exif

MISMATCH = "assertion.dataHash.mismatch"
MATCH = "assertion.dataHash.match"
LAYOUT_HINT = "exclusion"  # the SDK's explanation: "data hash exclusion does not match the manifest location"
COVERED = frozenset({"image/jpeg"})
HASHES = {"sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}
_APP0, _APP1, _APP11, _SOI = 0xE0, 0xE1, 0xEB, 0xD8
_CHUNK = 1 << 20
STORE_LABEL = b"jumdc2pa"  # the manifest store's JUMBF description box, in its first APP11 segment


@dataclass
class Outcome:
    """The examination's result: ``ok`` clears the layout; ``problems`` name what differs."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # what the range leaves unsigned: "EXIF", "XMP"
    exif: dict[str, Any] = field(default_factory=dict)  # compared / agrees / disagrees / unsigned
    exclusion: dict[str, int] | None = None

    def details(self) -> dict[str, Any]:
        return {"outside_signature": self.outside, "exif": self.exif, "exclusion": self.exclusion,
                "problems": self.problems}


def _hash_url(store: dict[str, Any]) -> str | None:
    active = store.get("active_manifest")
    return f"self#jumbf=/c2pa/{active}/c2pa.assertions/c2pa.hash.data" if isinstance(active, str) else None


def _successes(store: dict[str, Any]) -> list[dict[str, Any]]:
    results = store.get("validation_results")
    active = results.get("activeManifest") if isinstance(results, dict) else None
    items = active.get("success") if isinstance(active, dict) else None
    return [e for e in items or () if isinstance(e, dict)]


def is_candidate(store: dict[str, Any], assessment: states.Assessment) -> bool:
    """Is the only tampering failure the exclusion-layout mismatch, with the SDK's hash match?"""
    url = _hash_url(store)
    if assessment.state != states.INVALID or not url or not assessment.tampering:
        return False
    for f in assessment.tampering:
        if f.code != MISMATCH or f.url != url or LAYOUT_HINT not in f.explanation.lower():
            return False
    return any(e.get("code") == MATCH and e.get("url") == url for e in _successes(store))


def without_entries(store: dict[str, Any], unwanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The store with the status entries ``unwanted`` picks removed, from both the flat
    ``validation_status`` list and the active manifest's ``failure`` list."""

    def keep(entries: Any) -> list[Any]:
        return [e for e in entries or () if not (isinstance(e, dict) and unwanted(e))]

    out = dict(store)
    out["validation_status"] = keep(store.get("validation_status"))
    results = store.get("validation_results")
    if isinstance(results, dict) and isinstance(results.get("activeManifest"), dict):
        active = dict(results["activeManifest"])
        active["failure"] = keep(active.get("failure"))
        out["validation_results"] = {**results, "activeManifest": active}
    return out


def without_layout_failure(store: dict[str, Any]) -> dict[str, Any]:
    """The store without the layout mismatch entries (once the examination cleared them)."""
    url = _hash_url(store)
    return without_entries(store, lambda e: e.get("code") == MISMATCH and e.get("url") == url)


def active_assertions(detailed: dict[str, Any]) -> dict[str, Any]:
    """label -> data of the active manifest's assertions, from the SDK's detailed JSON."""
    label = detailed.get("active_manifest")
    manifests = detailed.get("manifests")
    m = manifests.get(label) if isinstance(manifests, dict) and isinstance(label, str) else None
    store = m.get("assertion_store") if isinstance(m, dict) else None
    return store if isinstance(store, dict) else {}


def signed_exif(assertions: dict[str, Any]) -> dict[str, Any]:
    """Every ``stds.exif`` / ``c2pa.metadata`` value, keyed by its bare name (``DateTimeOriginal``)."""
    out: dict[str, Any] = {}
    for label, data in assertions.items():
        if str(label).split("__", 1)[0] not in ("stds.exif", "c2pa.metadata") or not isinstance(data, dict):
            continue
        for key, value in data.items():
            if key != "@context" and isinstance(value, (str, int, float)):
                out.setdefault(str(key).rsplit(":", 1)[-1], value)
    return out


def examine(fh: BinaryIO, media_type: str, assertions: dict[str, Any]) -> Outcome:
    """Examine the signer's exclusion, the recomputed hash and the unprotected EXIF."""
    if media_type not in COVERED:
        return Outcome(False, [f"the older data-hash layout is examined for JPEG only, not {media_type}"])
    data_hash = next((v for k, v in assertions.items() if str(k).split("__", 1)[0] == "c2pa.hash.data"), None)
    if not isinstance(data_hash, dict):
        return Outcome(False, ["the c2pa.hash.data assertion could not be read"])
    exclusions = data_hash.get("exclusions")
    if not isinstance(exclusions, list) or len(exclusions) != 1 or not isinstance(exclusions[0], dict):
        return Outcome(False, ["the data hash does not have exactly one exclusion"])
    start, length = exclusions[0].get("start"), exclusions[0].get("length")
    if not isinstance(start, int) or not isinstance(length, int) or start < 0 or length <= 0:
        return Outcome(False, ["the data hash exclusion is malformed"])
    out = Outcome(True, exclusion={"start": start, "length": length})
    _check_range(fh, start, start + length, out)
    _check_hash(fh, data_hash, start, length, out)
    if out.ok and "EXIF" in out.outside:
        out.exif = compare_exif(_exif_payload(fh, start, start + length), signed_exif(assertions))
        if out.exif.get("disagrees"):
            out.ok = False
            out.problems.extend(f"EXIF {d['name']} reads {d['exif']!r}, the signed value is {d['signed']!r}"
                                for d in out.exif["disagrees"])
    return out


def _fail(out: Outcome, problem: str) -> None:
    out.ok = False
    out.problems.append(problem)


def _check_range(fh: BinaryIO, start: int, end: int, out: Outcome) -> None:
    try:
        spans = list(jpeg.segment_spans(fh, end))
    except (ValueError, OSError) as exc:
        _fail(out, f"the JPEG segments could not be read: {exc}")
        return
    inside = [s for s in spans if s[1] < end and s[2] > start]
    if not inside or inside[0][1] != start or inside[-1][2] != end:
        _fail(out, f"the excluded range {start}-{end} does not fall on JPEG segment boundaries")
        return
    run_started = store_seen = False
    for marker, s, e, head in inside:
        if marker == _APP11 and head.startswith(b"JP"):
            run_started = True
            store_seen = store_seen or STORE_LABEL in head
            continue
        name = f"0x{marker:02X}" if marker >= 0 else "non-marker bytes"
        if run_started:
            _fail(out, f"segment {name} at byte {s} follows the manifest inside the excluded range")
        elif marker == _SOI:
            continue
        elif marker == _APP1 and head.startswith(jpeg.EXIF_ID):
            out.outside.append("EXIF")
        elif marker == _APP1 and head.startswith((jpeg.XMP_ID, jpeg.XMP_EXT_ID)):
            out.outside.append("XMP")
        elif marker == _APP0:
            out.outside.append("APP0 (JFIF)")
        else:
            _fail(out, f"segment {name} at byte {s} lies inside the excluded range "
                       "(only SOI, APP0/APP1 and the manifest may)")
    if not store_seen:
        _fail(out, "the excluded range does not hold the manifest store (APP11 JUMBF labelled c2pa)")
    out.outside = list(dict.fromkeys(out.outside))


def _check_hash(fh: BinaryIO, data_hash: dict[str, Any], start: int, length: int, out: Outcome) -> None:
    alg = str(data_hash.get("alg") or "sha256").lower()
    make = HASHES.get(alg)
    stored = data_hash.get("hash")
    if make is None:
        _fail(out, f"hash algorithm {alg[:40]!r} is not supported")
        return
    try:
        expected = base64.b64decode(stored) if isinstance(stored, str) else bytes(stored or b"")
    except (ValueError, TypeError):
        _fail(out, "the signed hash is not readable")
        return
    h = make()
    fh.seek(0)
    pos = 0
    while chunk := fh.read(_CHUNK):
        lo, hi = pos, pos + len(chunk)
        a, b = max(lo, start), min(hi, start + length)
        if a < b:  # drop the excluded part of this chunk
            h.update(chunk[: a - lo])
            h.update(chunk[b - lo:])
        else:
            h.update(chunk)
        pos = hi
    if h.digest() != expected:
        _fail(out, "the image data does not match the signed hash")


def _exif_payload(fh: BinaryIO, start: int, end: int) -> bytes | None:
    for marker, s, e, head in jpeg.segment_spans(fh, end):
        if marker == _APP1 and s >= start and head.startswith(jpeg.EXIF_ID):
            fh.seek(s + 4 + len(jpeg.EXIF_ID))
            return fh.read(e - s - 4 - len(jpeg.EXIF_ID))
    return None
