"""What produced a report: tool version, C2PA SDK version, trust lists loaded."""

from __future__ import annotations

import platform
from functools import lru_cache
from importlib import metadata
from typing import Any

from . import __version__
from .config import Config
from .isolation import network_state
from .sandbox import Isolation
from .trust import discover


@lru_cache(maxsize=1)
def c2pa_sdk_version() -> str:
    """The c2pa-python distribution version (read from metadata: no native library load)."""
    try:
        return f"c2pa-python {metadata.version('c2pa-python')}"
    except metadata.PackageNotFoundError:
        return "c2pa-python not installed"


def trust_status(config: Config) -> list[dict[str, Any]]:
    """Per list in force: origin, date, certificates, age and warnings (see verifier.trust.status)."""
    from .trust.status import list_status  # noqa: PLC0415

    return [s.to_json() for s in list_status(config.trust_dirs, config.user_anchors)]


def tool_info(config: Config, network: Isolation | None = None) -> dict[str, Any]:
    """``network``: what the scan's workers reported (``isolation.network_state(..., runner.reported)``);
    None: what a worker would get on this machine (or inline mode's state)."""
    store = discover(config.trust_dirs, config.user_anchors)
    return {
        "name": "verifier",
        "version": __version__,
        "c2pa_sdk": c2pa_sdk_version(),
        "trust_lists": store.labels(),
        "trust_status": trust_status(config),
        "python": platform.python_version(),
        "profile": config.profile,  # the checks chosen (verifier.config.profiles())
        # what keeps the detectors off the network (verifier.sandbox; docs/OFFLINE.md)
        "network": (network or network_state(config.isolation)).describe(),
    }
