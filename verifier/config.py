"""Every setting of the core, declared in one typed, versioned place.

The GUI stores these (see ``ui/settings.py``) and the CLI builds them from flags; detectors only
ever read a :class:`Config`, never a widget or an environment variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .containers.limits import MemberLimits

SCHEMA_VERSION = 1


def default_timeouts() -> dict[str, float]:
    """Per-detector wall-clock limits in seconds (per file), as each detector's spec declares them."""
    from .detectors import specs  # noqa: PLC0415 - declarations; the detectors load on first use

    return {s.name: s.timeout for s in specs()}


FALLBACK_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Profile:
    """A named set of checks. ``detectors`` None: every detector. ``deep_when_undeclared``: the
    deep forensic checks wait for the verdict and run only if the file carries no provenance
    (:mod:`verifier.deep_checks`); elsewhere they are skipped, to be run on request."""

    name: str
    detectors: frozenset[str] | None
    deep_when_undeclared: bool = False


PROFILE_NAMES = ("triage", "standard", "full")


def profiles() -> dict[str, Profile]:
    """Analysis profiles, as data: the CLI's ``--profile`` and the app's Settings choose one by name.

    "triage" is for archive sweeps: the declarative checks (file facts, metadata with GB 45438
    labels, IPTC and generator metadata, C2PA with trust, explicit text labels in documents, and
    the members of e-mails, archives and documents, which get the same checks) and no pixel or
    signal work (each detector's spec says whether it does such work). Detectors left out are
    reported as ``skipped`` with reason :data:`NOT_IN_PROFILE`, so a verdict lists them as not checked.

    "standard" (the default) runs every check, but the deep forensic checks (copy-move, the
    error-level and noise views, faces: advisory, and most of the pixel work) only on files whose
    verdict shows no provenance (no AI declaration, no Content Credentials); on the others they are skipped with reason :data:`ON_REQUEST` and
    can be run later (the window's Indicators tab, ``--profile full``). "full" runs every check on
    every file.
    """
    from .detectors import specs  # noqa: PLC0415

    return {"triage": Profile("triage", frozenset(s.name for s in specs() if not s.pixel_work)),
            "standard": Profile("standard", None, deep_when_undeclared=True),
            "full": Profile("full", None)}


DEFAULT_PROFILE = "standard"
NOT_IN_PROFILE = "not_in_profile"  # reason code of a detector the profile leaves out
ON_REQUEST = "on_request"  # reason code of a deep check held back because the file declares provenance


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "verifier"


def default_trust_dirs() -> tuple[Path, ...]:
    """Trust directories searched when none is given: $VERIFIER_TRUST_DIR, the user's, the bundled."""
    dirs: list[Path] = []
    env = os.environ.get("VERIFIER_TRUST_DIR")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    dirs.append(user_data_dir() / "trust")
    from .trust.sources import bundled_dir  # noqa: PLC0415 - the lists shipped with the app

    bundled = bundled_dir()
    if bundled is not None:
        dirs.append(bundled)
    return tuple(dirs)


@dataclass(frozen=True, slots=True)
class Config:
    schema_version: int = SCHEMA_VERSION
    trust_dirs: tuple[Path, ...] = field(default_factory=default_trust_dirs)
    user_anchors: tuple[Path, ...] = ()  # extra PEM anchors (e.g. a newsroom's own CA)
    ocr: bool = True
    disabled: frozenset[str] = frozenset()  # detector names switched off by the user
    timeouts: dict[str, float] = field(default_factory=dict)  # seconds, overriding a detector spec's limit
    memory_limit_mb: int = 4096  # per worker process (address space)
    workers: int = 0  # 0: one per core
    isolation: str = "process"  # "process" (default) or "inline" (tests, debugging)
    lang: str = "en"
    reference_dirs: tuple[Path, ...] = ()  # folders of reference photos (indexed by verifier.reference.index)
    profile: str = DEFAULT_PROFILE  # one of PROFILE_NAMES
    member_limits: MemberLimits = field(default_factory=MemberLimits)  # files inside files
    only: frozenset[str] | None = None  # run these detectors alone (deep checks run on request)

    def in_profile(self, detector: str) -> bool:
        """Whether the chosen profile runs this detector (an unknown profile name: every one)."""
        if self.only is not None:
            return detector in self.only
        chosen = profiles().get(self.profile)
        return chosen is None or chosen.detectors is None or detector in chosen.detectors

    def holds_deep_checks(self) -> bool:
        """Whether deep checks wait for the verdict and run only if the file carries no provenance."""
        chosen = profiles().get(self.profile)
        return self.only is None and chosen is not None and chosen.deep_when_undeclared

    def timeout_for(self, detector: str) -> float:
        if detector in self.timeouts:
            return float(self.timeouts[detector])
        return float(default_timeouts().get(detector, FALLBACK_TIMEOUT))

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)

    def with_(self, **changes: object) -> "Config":
        return replace(self, **changes)  # type: ignore[arg-type]
