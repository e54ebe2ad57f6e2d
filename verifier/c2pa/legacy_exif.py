"""Does the unsigned EXIF of an old signer's file agree with the EXIF values it signed?

The signed values come from ``stds.exif`` / ``c2pa.metadata`` assertions (names such as
``EXIF:DateTimeOriginal``, ``EXIF:GPSLatitude`` as decimal degrees); the unsigned EXIF is decoded
by the Pillow adapter. Only fields stated on both sides are compared. EXIF ``DateTimeOriginal``
is local time; without an ``OffsetTimeOriginal`` it agrees with a signed UTC time when the two
differ by a whole-quarter-hour time zone (at most 14 h) within a few seconds — a shift by whole
hours cannot be told apart, and the details say so.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from ..adapters.pillow_meta import exif_entries

CLOCK_SLACK = 5.0  # seconds between the camera's EXIF clock and the signer's (2 s measured)
MAX_ZONE = 14 * 3600
GPS_SLACK = 1e-4  # degrees (about 11 m)
ALTITUDE_SLACK = 1.0  # metres
TEXT_FIELDS = ("Make", "Model", "Software", "LensModel", "Artist", "Copyright")


def _unsigned(payload: bytes | None) -> dict[str, Any]:
    if not payload:
        return {}
    return {e.key: e.value for e in exif_entries(payload, "legacy") if e.value is not None}


def _local_time(value: Any) -> datetime | None:
    try:
        return datetime.strptime(str(value).strip()[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _signed_time(value: Any) -> datetime | None:
    text = str(value).strip().replace("Z", "+00:00")
    for candidate in (text, text.replace(":", "-", 2)):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def _times_agree(local: datetime, signed: datetime, offset: Any) -> tuple[bool, str]:
    if signed.tzinfo is None:
        return abs((local - signed).total_seconds()) <= CLOCK_SLACK, ""
    utc = signed.astimezone(timezone.utc).replace(tzinfo=None)
    if isinstance(offset, str) and len(offset) >= 6 and offset[0] in "+-":
        try:
            sign = -1 if offset[0] == "-" else 1
            shift = timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])) * sign
            return abs((local - shift - utc).total_seconds()) <= CLOCK_SLACK, ""
        except ValueError:
            pass
    diff = (local - utc).total_seconds()
    zone = round(diff / 900) * 900
    ok = abs(zone) <= MAX_ZONE and abs(diff - zone) <= CLOCK_SLACK
    return ok, "exif_no_time_zone"  # a note code, worded by verifier.describe ("value.note.…")


def _degrees(value: Any, ref: Any) -> float | None:
    if not isinstance(value, list) or len(value) != 3 or not all(isinstance(v, (int, float)) for v in value):
        return None
    deg = value[0] + value[1] / 60 + value[2] / 3600
    return -deg if str(ref or "").upper().startswith(("S", "W")) else deg


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def compare_exif(payload: bytes | None, signed: dict[str, Any]) -> dict[str, Any]:
    """``compared`` names, ``disagrees`` (name, exif, signed), ``notes``, ``agrees``."""
    exif = _unsigned(payload)
    compared: list[str] = []
    disagrees: list[dict[str, Any]] = []
    notes: list[str] = []

    def differ(name: str, mine: Any, theirs: Any) -> None:
        disagrees.append({"name": name, "exif": str(mine)[:100], "signed": str(theirs)[:100]})

    if "DateTimeOriginal" in signed and "DateTimeOriginal" in exif:
        compared.append("DateTimeOriginal")
        local, signed_at = _local_time(exif["DateTimeOriginal"]), _signed_time(signed["DateTimeOriginal"])
        ok, note = (_times_agree(local, signed_at, exif.get("OffsetTimeOriginal"))
                    if local and signed_at else (False, ""))
        if not ok:
            differ("DateTimeOriginal", exif["DateTimeOriginal"], signed["DateTimeOriginal"])
        elif note:
            notes.append(note)
    for name in TEXT_FIELDS:
        if name in signed and name in exif:
            compared.append(name)
            if str(exif[name]).strip() != str(signed[name]).strip():
                differ(name, exif[name], signed[name])
    for name in ("GPSLatitude", "GPSLongitude"):
        if name in signed and name in exif:
            compared.append(name)
            mine, theirs = _degrees(exif[name], exif.get(name + "Ref")), _number(signed[name])
            if mine is None or theirs is None or abs(mine - theirs) > GPS_SLACK:
                differ(name, exif[name], signed[name])
    if "GPSAltitude" in signed and "GPSAltitude" in exif:
        compared.append("GPSAltitude")
        mine, theirs = _number(exif["GPSAltitude"]), _number(signed["GPSAltitude"])
        if mine is not None and exif.get("GPSAltitudeRef") in (1, 1.0, "\x01"):
            mine = -mine
        if mine is None or theirs is None or abs(mine - theirs) > ALTITUDE_SLACK:
            differ("GPSAltitude", exif["GPSAltitude"], signed["GPSAltitude"])
    return {"compared": compared, "disagrees": disagrees, "notes": notes,
            "agrees": not disagrees, "exif_read": bool(exif)}
