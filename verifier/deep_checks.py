"""Deep forensic checks: run where they help, and on request elsewhere.

The deep checks (their specs say ``deep``: copy-move, the error-level and noise views, faces) are
advisory and cost most of the pixel work. Under the "standard" profile the pipeline holds them
until the file's verdict is known (:class:`verifier.pipeline.Scanner`); if the file carries no
provenance (no AI declaration, no Content Credentials, valid or not) they run, because such a
file is where a reader needs what the pixels can still say. On a file that declares AI or
carries Content Credentials (whose validation already says whether it was altered) they are skipped with reason :data:`verifier.config.ON_REQUEST`: the verdict lists
them as not checked, and the window or ``--profile full`` runs them. Running them never changes
a verdict (they are advisory); :func:`merge` adds their evidence to the report afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .config import NOT_IN_PROFILE, ON_REQUEST, Config
from .evidence import Evidence, Report, Status, VerdictCode
from .verdict import fuse

# Verdicts of files that carry provenance: an AI declaration, or Content Credentials in any state.
# Weak signs (ai_possible), nothing found and unreadable files get the deep checks.
WITH_PROVENANCE = frozenset({VerdictCode.AI_GENERATED, VerdictCode.AI_MODIFIED, VerdictCode.SIGNED_PROVENANCE,
                             VerdictCode.CREDENTIALS_INVALID, VerdictCode.CREDENTIALS_UNVERIFIABLE})


def deep_detectors() -> frozenset[str]:
    """The detectors whose specs declare them deep."""
    from .detectors import specs  # noqa: PLC0415 - declarations; the detectors load on first use

    return frozenset(s.name for s in specs() if s.deep)


def worth_running(code: VerdictCode) -> bool:
    """Whether a file with this verdict gets the deep checks without being asked."""
    return code not in WITH_PROVENANCE


def held_back(detector: str, code: VerdictCode) -> Evidence:
    """A deep check not run because the file carries provenance (worded by verifier.describe)."""
    return Evidence(detector, Status.SKIPPED,
                    error=f"not run: the file carries provenance (verdict {code.value}); run on request",
                    reason=ON_REQUEST, reason_params={"verdict": code.value})


def on_request_config(config: Config, names: Iterable[str] = ()) -> Config:
    """The configuration that runs the deep checks alone (``names``, by default every deep
    check) on a file analysed before."""
    return config.with_(profile="full", only=frozenset(names) or deep_detectors())


def held(report: Report) -> tuple[str, ...]:
    """The deep checks this report left to be run on request."""
    return tuple(e.detector for e in report.evidence if e.reason == ON_REQUEST)


def merge(report: Report, extra: Report) -> Report:
    """``report`` with the deep checks' evidence taken from ``extra`` (a later analysis of the same
    bytes under :func:`on_request_config`). The verdict's code, strength and basis stay as they
    are (the checks are advisory); its list of checks not run is recomputed."""
    if report.media.sha256 and extra.media.sha256 and report.media.sha256 != extra.media.sha256:
        raise ValueError(f"{report.media.path}: the file changed since it was analysed "
                         "(its SHA-256 differs); analyse it again")
    deep = deep_detectors() | set(held(report))
    # what the later run did (a check it left out, e.g. one not held here, keeps its first outcome)
    found = {e.detector: e for e in extra.evidence if e.detector in deep and e.reason != NOT_IN_PROFILE}
    evidence = tuple(found.get(e.detector, e) if e.detector in deep else e for e in report.evidence)
    still = set(fuse(tuple(found.values())).unchecked)  # a deep check that failed this time
    unchecked = tuple(u for u in report.verdict.unchecked if u not in found or u in still)
    verdict = replace(report.verdict, unchecked=unchecked)
    return replace(report, evidence=evidence, verdict=verdict)
