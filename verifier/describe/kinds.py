"""The words the detectors declare about themselves (verifier.detectors.spec): their titles, their
signal kinds' titles and their details' labels. Declarations only: the description layer reads
them here, and nothing else of the detectors (the layering contract names this one import)."""

from __future__ import annotations

from functools import cache

from ..detectors import kind, kinds, spec_of
from ..detectors.spec import Details, FieldInfo, SignalKind, Words
from .text import lang_of, t


def detector_title(name: str, lang: str) -> str | None:
    spec = spec_of(name)
    return spec.title.get(lang_of(lang)) if spec is not None else None


def is_advisory(name: str) -> bool:
    """Whether the detector's spec declares its findings advisory (never part of the verdict)."""
    spec = spec_of(name)
    return spec is not None and spec.advisory


def kind_of(signal_id: str) -> SignalKind | None:
    return kind(signal_id)


def kind_title(signal_id: str, lang: str) -> str | None:
    found = kind_of(signal_id)
    return found.title.get(lang_of(lang)) if found is not None else None


def field_of(signal_id: str, key: str) -> FieldInfo | None:
    found = kind_of(signal_id)
    if found is None:
        return None
    return _fields_by_key(found.details).get(key)


_FIELDS: dict[type[Details], dict[str, FieldInfo]] = {}


def _fields_by_key(details: type[Details]) -> dict[str, FieldInfo]:
    """A details type's declared fields by key, worked out once per type (describe asks per detail)."""
    found = _FIELDS.get(details)
    if found is None:
        found = {}
        for f in details.field_info():
            found.setdefault(f.key, f)
        _FIELDS[details] = found
    return found


@cache
def shared_field_labels() -> dict[str, Words]:
    """Detail keys whose label is the same in every kind that declares them: the label of that key
    wherever it is shown without its signal (nested values, a panel's facts)."""
    seen: dict[str, set[Words]] = {}
    for declared in kinds().values():
        for f in declared.details.field_info():
            seen.setdefault(f.key, set()).add(f.label)
    return {key: next(iter(labels)) for key, labels in seen.items() if len(labels) == 1}


def is_technical(signal_id: str, key: str) -> bool:
    """Whether the kind declares this detail technical-only (shown in a technical appendix)."""
    info = field_of(signal_id, key)
    return info is not None and info.technical


def field_label(signal_id: str, key: str, lang: str) -> str | None:
    """The label a signal kind declares for one of its details' keys (None: not declared)."""
    info = field_of(signal_id, key)
    return info.label.get(lang_of(lang)) if info is not None else None


def detector_lines(lang: str) -> list[str]:
    """Every registered check in one line each, in ``lang`` (``verifier detectors``)."""
    from ..detectors import specs

    out = []
    for s in specs():
        notes = [t("detectors.seconds", lang, n=f"{s.timeout:g}")]
        if s.advisory:
            notes.append(t("detectors.advisory", lang))
        if s.pixel_work:
            notes.append(t("detectors.not_in_triage", lang))
        if s.deep:
            notes.append(t("detectors.deep", lang))
        out.append(t("detectors.line", lang, name=s.name, title=s.title.get(lang_of(lang)),
                     notes=t("sep.list", lang).join(notes)))
    return out
