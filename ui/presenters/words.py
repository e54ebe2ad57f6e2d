"""The window's language and the words of codes, from verifier.describe (one catalogue for every
surface); the Qt translations only hold the window's own chrome."""

from __future__ import annotations

from verifier import describe as D
from verifier.describe import signals as DS
from verifier.evidence import Confidence, Evidence, Signal, Status

from .. import i18n


def lang() -> str:
    """The window's language as the description layer knows it ("en" or "zh")."""
    return D.lang_of(i18n.current())


def detector_name(name: str) -> str:
    return D.detector_name(name, lang())


def status_text(status: Status) -> str:
    return D.status_text(str(status), lang())


def detector_error(ev: Evidence | None) -> str:
    return D.reason_text(ev, lang())


def signal_title(signal_id: str) -> str:
    return D.signal_title(signal_id, lang())


def confidence_text(c: Confidence) -> str:
    return D.term("confidence", str(c), lang())


def claim_text(claim: object) -> str:
    return D.term("claim", str(claim), lang())


def basis_text(basis: object) -> str:
    return D.term("basis", str(basis), lang())


def summary_text(s: Signal) -> str:
    """What a signal says in the window's language (verifier.describe: the detector's own words in
    English, a gist of the details otherwise)."""
    return DS.summary(s, lang())

