"""The checks whose findings are advisory indicators (CONTRACT.md "Advisory indicators").

Their findings never reach the verdict, and neither do their failures: a forensic check that
timed out or could not decode a picture is listed as not checked, but it never makes a verdict
``incomplete`` (the provenance checks decide that).
"""

from __future__ import annotations



def advisory_detectors() -> frozenset[str]:
    """The detectors whose specs declare them advisory."""
    from .detectors import specs  # noqa: PLC0415 - declarations; the detectors load on first use

    return frozenset(s.name for s in specs() if s.advisory)


def is_advisory(detector: str) -> bool:
    from .detectors import spec_of  # noqa: PLC0415

    spec = spec_of(detector)
    return spec is not None and spec.advisory
