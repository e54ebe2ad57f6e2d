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
# field name -> why it is a privacy point for a journalist sharing the file
PRIVACY = {
    "Artist": "names a person (EXIF Artist)",
    "Copyright": "may name a person",
    "CameraOwnerName": "names the camera's owner",
    "OwnerName": "names the camera's owner",
    "BodySerialNumber": "a serial number ties the file to one camera",
    "CameraSerialNumber": "a serial number ties the file to one camera",
    "SerialNumber": "a serial number ties the file to one device",
    "LensSerialNumber": "a serial number ties the file to one lens",
    "Author": "names a person (for Midjourney: the account holder's name)",
    "By-line": "names a person (IPTC-IIM By-line: the photographer or author)",
    "Writer-Editor": "names a person (IPTC-IIM Writer-Editor: who wrote the caption)",
    "creator": "names a person (XMP/document creator)",
    "lastModifiedBy": "names the last editor",
    "Creator": "names a person or tool",
    "AIPromptWriterName": "names the person who wrote the AI prompt",
    "HostComputer": "names the computer used",
    "City": "a place", "Location": "a place", "Sub-location": "a place",
}
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
            privacy.append({"field": f"{e.placement}:{e.key}", "value": value[:100],
                            "why": "GPS position: where the file was made"})
        if local in PRIVACY and not (local in _NOT_PERSONS and e.group == "PDF Info"):
            where = e.placement if e.placement.endswith(e.key) else f"{e.placement}:{e.key}"
            privacy.append({"field": where, "value": value[:200], "why": PRIVACY[local]})
    if gps:
        camera["gps_present"] = True
        coords = {e.key: e.value for e in gps if e.key in ("GPSLatitude", "GPSLongitude", "GPSLatitudeRef",
                                                         "GPSLongitudeRef", "latitude", "longitude")}
        privacy.append({"field": "GPS", "value": _gps_text(coords), "why": "GPS position: where the file was made"})
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
