"""The checks whose findings are advisory indicators (CONTRACT.md "Advisory indicators").

Their findings never reach the verdict, and neither do their failures: a forensic check that
timed out or could not decode a picture is listed as not checked, but it never makes a verdict
``incomplete`` (the provenance checks decide that).
"""

from __future__ import annotations

ADVISORY_DETECTORS = frozenset({"thumbnail", "double_jpeg", "recapture", "copy_move", "forensic_views", "forensic_faces",
                                "reference"})


def is_advisory(detector: str) -> bool:
    return detector in ADVISORY_DETECTORS
