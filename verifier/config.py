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

# Per-detector wall-clock limits in seconds (per file). OCR is the slowest by design.
DEFAULT_TIMEOUTS: dict[str, float] = {
    "file": 60.0,
    "metadata": 20.0,
    "c2pa": 30.0,
    "watermark": 30.0,
    "visible_label": 60.0,
    "audio_cue": 30.0,
    "text_label": 20.0,
    "thumbnail": 20.0,
    "double_jpeg": 30.0,
    "recapture": 60.0,
    "copy_move": 60.0,
    "forensic_views": 60.0,
    "forensic_faces": 60.0,
    "container": 60.0,
    "reference": 60.0,
}
FALLBACK_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Profile:
    """A named set of checks. ``detectors`` None: every detector (the full analysis)."""

    name: str
    detectors: frozenset[str] | None


# Analysis profiles, as data: the CLI's ``--profile`` and the app's Settings choose one by name.
# "triage" is for archive sweeps: the declarative checks (file facts, metadata with GB 45438
# labels, IPTC and generator metadata, C2PA with trust, explicit text labels in documents, and the
# members of e-mails, archives and documents, which get the same checks) and
# no pixel or signal work (watermark, visible labels/OCR, audio cue). Detectors left out are
# reported as ``skipped`` with reason :data:`NOT_IN_PROFILE`, so a verdict lists them as not checked.
PROFILES: dict[str, Profile] = {
    "full": Profile("full", None),
    "triage": Profile("triage", frozenset({"file", "metadata", "c2pa", "text_label", "container"})),
}
DEFAULT_PROFILE = "full"
NOT_IN_PROFILE = "not_in_profile"  # reason code of a detector the profile leaves out


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
    timeouts: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_TIMEOUTS))
    memory_limit_mb: int = 4096  # per worker process (address space)
    workers: int = 0  # 0: one per core
    isolation: str = "process"  # "process" (default) or "inline" (tests, debugging)
    lang: str = "en"
    reference_dirs: tuple[Path, ...] = ()  # folders of reference photos (indexed by verifier.reference.index)
    profile: str = DEFAULT_PROFILE  # a key of PROFILES
    member_limits: MemberLimits = field(default_factory=MemberLimits)  # files inside files

    def in_profile(self, detector: str) -> bool:
        """Whether the chosen profile runs this detector (an unknown profile name: every one)."""
        chosen = PROFILES.get(self.profile)
        return chosen is None or chosen.detectors is None or detector in chosen.detectors

    def timeout_for(self, detector: str) -> float:
        return float(self.timeouts.get(detector, FALLBACK_TIMEOUT))

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)

    def with_(self, **changes: object) -> "Config":
        return replace(self, **changes)  # type: ignore[arg-type]
