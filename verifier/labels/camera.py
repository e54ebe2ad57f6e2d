"""Camera/editing facts and privacy points from EXIF, XMP, IPTC-IIM and document properties."""

from __future__ import annotations

import re
from typing import Any

from ..formats.meta import Entry

CAMERA_KEYS = {
    "Make": "make", "Model": "model", "Software": "software", "DateTimeOriginal": "capture_time",
    "DateTime": "modified_time", "LensModel": "lens", "LensMake": "lens_make",
    "BodySerialNumber": "serial", "CameraSerialNumber": "serial", "SerialNumber": "serial",
    "LensSerialNumber": "lens_serial", "CreatorTool": "software", "HostComputer": "host_computer",
}
# field name -> why it is a privacy point for a journalist sharing the file: a code (worded by
# verifier.describe, "privacy.why.<code>") and its English, kept in the facts as "why" for scripts
PRIVACY = {
    "Artist": "artist", "Copyright": "copyright", "CameraOwnerName": "owner", "OwnerName": "owner",
    "BodySerialNumber": "serial_camera", "CameraSerialNumber": "serial_camera", "SerialNumber": "serial_device",
    "LensSerialNumber": "serial_lens", "Author": "author", "By-line": "byline", "Writer-Editor": "writer_editor",
    "creator": "creator", "lastModifiedBy": "last_editor", "Creator": "person_or_tool",
    "AIPromptWriterName": "prompt_writer", "HostComputer": "host_computer",
    "City": "place", "Location": "place", "Sub-location": "place",
}
WHY = {
    "artist": "names a person (EXIF Artist)",
    "copyright": "may name a person",
    "owner": "names the camera's owner",
    "serial_camera": "a serial number ties the file to one camera",
    "serial_device": "a serial number ties the file to one device",
    "serial_lens": "a serial number ties the file to one lens",
    "author": "names a person (for Midjourney: the account holder's name)",
    "byline": "names a person (IPTC-IIM By-line: the photographer or author)",
    "writer_editor": "names a person (IPTC-IIM Writer-Editor: who wrote the caption)",
    "creator": "names a person (XMP/document creator)",
    "last_editor": "names the last editor",
    "person_or_tool": "names a person or tool",
    "prompt_writer": "names the person who wrote the AI prompt",
    "host_computer": "names the computer used",
    "place": "a place",
    "gps": "GPS position: where the file was made",
}


def point(field: str, value: str, code: str) -> dict[str, str]:
    """One privacy point: the field, its value, and why it matters (code, and English for scripts)."""
    return {"field": field, "value": value, "why": WHY[code], "why_code": code}


_NOT_PERSONS = ("Creator",)  # PDF /Creator is normally the producing application
# QuickTime metadata keys (moov/udta/meta keys) and user-data atoms
QUICKTIME = {
    "com.apple.quicktime.make": "make", "com.apple.quicktime.model": "model",
    "com.apple.quicktime.software": "software", "com.apple.quicktime.creationdate": "capture_time",
    "\xa9mak": "make", "\xa9mod": "model", "\xa9swr": "software", "\xa9day": "capture_time",
}
_GENERATOR_PAYLOAD = re.compile(r"^(prompt|workflow)\s*:\s*\{", re.I)
QUICKTIME_GPS = ("com.apple.quicktime.location.ISO6709", "\xa9xyz")


def facts(entries: list[Entry]) -> dict[str, Any]:
    camera: dict[str, Any] = {}
    privacy: list[dict[str, str]] = []
    gps = [e for e in entries if e.group == "GPS" or e.key.startswith("GPS")]
    for e in entries:
        local = e.key.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        value = e.value if isinstance(e.value, str) else str(e.value)
        value = value.strip()
        if not value:
            continue
        if local in CAMERA_KEYS and e.group in ("EXIF", "XMP", "QuickTime", "QuickTime keys", "iTunes"):
            if _GENERATOR_PAYLOAD.match(value):
                continue  # ComfyUI's save nodes put "workflow:{…}" in Make: not a camera
            camera.setdefault(CAMERA_KEYS[local], value[:200])
        elif e.key in QUICKTIME and e.placement.startswith("mp4:"):
            camera.setdefault(QUICKTIME[e.key], value[:200])
        elif e.key in QUICKTIME_GPS and e.placement.startswith("mp4:"):
            camera["gps_present"] = True
            privacy.append(point(f"{e.placement}:{e.key}", value[:100], "gps"))
        if local in PRIVACY and not (local in _NOT_PERSONS and e.group == "PDF Info"):
            where = e.placement if e.placement.endswith(e.key) else f"{e.placement}:{e.key}"
            privacy.append(point(where, value[:200], PRIVACY[local]))
    if gps:
        camera["gps_present"] = True
        coords = {e.key: e.value for e in gps if e.key in ("GPSLatitude", "GPSLongitude", "GPSLatitudeRef",
                                                         "GPSLongitudeRef", "latitude", "longitude")}
        privacy.append(point("GPS", _gps_text(coords), "gps"))
    return {"camera": camera, "privacy": privacy}


def _gps_text(coords: dict[str, Any]) -> str:
    def dec(v: Any, ref: Any) -> str | None:
        try:
            d, m, s = (float(x) for x in v)
        except (TypeError, ValueError):
            return str(v) if v else None
        val = d + m / 60 + s / 3600
        if str(ref).upper().startswith(("S", "W")):
            val = -val
        return f"{val:.5f}"

    lat = dec(coords.get("GPSLatitude"), coords.get("GPSLatitudeRef"))
    lon = dec(coords.get("GPSLongitude"), coords.get("GPSLongitudeRef"))
    return f"{lat}, {lon}" if lat and lon else "present"
