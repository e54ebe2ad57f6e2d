"""Signs that a picture is a screenshot or a photo of a screen (a "screenshot of a video").

Hints, each weak alone: pixel dimensions of a common screen (either orientation); no camera facts
(no EXIF make, model or exposure); a screenshot tool named in the metadata; and, read by OCR in the
bottom and top bands, a media player's timecode ("03:12 / 14:55"). The indicator is raised on two
hints or more, or on a player timecode; a camera photo of a screen is not recognised by these
hints (a miss proves nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Screen and window sizes (landscape) of desktops, laptops, tablets and phones in common use.
SCREEN_SIZES = frozenset({
    (1280, 720), (1280, 800), (1280, 1024), (1366, 768), (1440, 900), (1536, 864), (1600, 900),
    (1680, 1050), (1920, 1080), (1920, 1200), (2048, 1536), (2160, 1620), (2224, 1668), (2360, 1640),
    (2388, 1668), (2560, 1080), (2560, 1440), (2560, 1600), (2732, 2048), (2880, 1800), (2880, 1864),
    (3024, 1964), (3440, 1440), (3456, 2234), (3840, 2160), (5120, 2880),
    (1334, 750), (1792, 828), (2208, 1242), (2436, 1125), (2532, 1170), (2556, 1179), (2622, 1206),
    (2688, 1242), (2778, 1284), (2796, 1290), (2868, 1320), (1600, 720), (2340, 1080), (2400, 1080),
    (2408, 1080), (2640, 1080), (2960, 1440), (3088, 1440), (3120, 1440), (3200, 1440),
})
SCREENSHOT_TOOLS = ("screenshot", "screen shot", "screencapture", "snipping", "snip & sketch", "greenshot",
                    "sharex", "spectacle", "flameshot", "lightshot", "screengrab", "截屏", "截图", "屏幕快照")
CAMERA_KEYS = ("Make", "Model", "ExposureTime", "FNumber", "ISOSpeedRatings", "LensModel")
# What only a sensor's exposure writes: a screenshot or a screen recording never records these.
EXPOSURE_KEYS = ("ExposureTime", "FNumber", "ISOSpeedRatings")
TIMECODE = re.compile(r"(?<!\d)(\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(\d{1,2}:)?\d{1,2}:\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class Recapture:
    hints: tuple[str, ...]  # codes: screen_size, no_camera_facts, screenshot_tool, player_timecode
    detected: bool
    size: tuple[int, int]
    tool: str = ""
    timecode: str = ""


def screen_sized(width: int, height: int) -> bool:
    return (max(width, height), min(width, height)) in SCREEN_SIZES


def screenshot_tool(texts: Iterable[str]) -> str:
    for t in texts:
        low = t.lower()
        for tool in SCREENSHOT_TOOLS:
            if tool in low:
                return t[:120]
    return ""


def exposed(camera: Mapping[str, object]) -> bool:
    """The picture records a camera exposure (exposure time, aperture or ISO)."""
    return any(camera.get(k) for k in EXPOSURE_KEYS)


def worth_reading_timecode(first: Recapture, camera: Mapping[str, object]) -> bool:
    """Whether OCR should look for a player's timecode: on a picture of a screen's size that
    records no camera exposure. A camera's own picture can have a screen's size (2048 x 1536,
    1920 x 1080 are common export sizes) but is not a screenshot; its timecode would only be the
    camera photo *of* a screen that these hints do not claim to recognise."""
    return "screen_size" in first.hints and not exposed(camera)


def timecode_in(lines: Iterable[str]) -> str:
    for line in lines:
        m = TIMECODE.search(line.replace(" ", " "))
        if m:
            return m.group(0)
    return ""


def assess(width: int, height: int, camera: Mapping[str, object], texts: Iterable[str],
           ocr_lines: Iterable[str] = ()) -> Recapture:
    hints: list[str] = []
    if screen_sized(width, height):
        hints.append("screen_size")
    if not any(camera.get(k) for k in CAMERA_KEYS):
        hints.append("no_camera_facts")
    tool = screenshot_tool(texts)
    if tool:
        hints.append("screenshot_tool")
    timecode = timecode_in(ocr_lines)
    if timecode:
        hints.append("player_timecode")
    strong = bool(timecode) or bool(tool)
    detected = strong or len(hints) >= 2 and "screen_size" in hints
    return Recapture(hints=tuple(hints), detected=detected, size=(width, height), tool=tool, timecode=timecode)
