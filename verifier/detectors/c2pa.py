"""C2PA Content Credentials, validated offline against the configured trust lists.

One SDK read per file validates against every list at once (official, interim, user lists and
the TSA list, concatenated); the list that vouches for a trusted signer is then found from the
signer's certificate chain (:mod:`verifier.c2pa.trust_eval`), and the interim end-entity list is
matched by leaf-certificate hash. States stay apart exactly as LABELS.md §4 asks.
"""

from __future__ import annotations

import io
import logging
from contextlib import ExitStack
from pathlib import Path
from typing import Any, ClassVar

from ..adapters import c2pa_sdk as sdk
from ..c2pa import kinds as K
from ..c2pa import legacy_binding, locate, signals, states
from ..c2pa.bmff import is_fragmented_init
from ..c2pa.cose_chain import ChainError, signature_cbor, timestamp_tokens, x5chain
from ..c2pa.manifest_view import text, thumbnail_uris
from ..c2pa.trust_eval import (
    Attribution,
    anchored_list,
    attribute_end_entity,
    attribute_trusted,
    timestamp_authority,
)
from ..evidence import Attachment, MediaFile
from ..formats import sfnt
from ..inputs import open_readonly
from ..trust.material import Material, for_config
from .base import Context, DetectorFailure, Findings, NotApplicable
from .spec import DetectorSpec, Words

log = logging.getLogger(__name__)

NAME = signals.NAME
MAX_SIDECAR = 64 << 20
MAX_THUMBNAILS_BYTES = 16 << 20
# Media types the SDK reads (a subset of ``c2pa.Reader.get_supported_mime_types()``, which needs
# the native library: this check must stay cheap).
SUPPORTED = frozenset({
    "image/jpeg", "image/png", "image/webp", "image/gif", "image/tiff", "image/dng", "image/x-adobe-dng",
    "image/heic", "image/heif", "image/avif", "image/jxl", "image/svg+xml", "image/x-nikon-nef",
    "image/x-sony-arw", "video/mp4", "video/quicktime", "video/x-m4v", "video/x-msvideo", "video/avi",
    "audio/mp4", "audio/wav", "audio/x-wav", "audio/vnd.wave", "audio/wave", "audio/mpeg", "audio/flac",
    "application/pdf", "application/c2pa", "application/x-c2pa-manifest-store",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/epub+zip",
})
STANDALONE = frozenset({"application/c2pa", "application/x-c2pa-manifest-store"})
# Failure codes that only say "the asset's bytes were not checked" when a manifest store is read
# without its asset.
BINDING_CODES = frozenset({"assertion.dataHash.mismatch", "assertion.bmffHash.mismatch",
                           "assertion.boxesHash.mismatch", "assertion.collectionHash.mismatch"})
_PARSE_FAILURE = "asset could not be parsed"

SPEC = DetectorSpec(
    name=NAME,
    title=Words("Content Credentials (C2PA)", "内容凭证（C2PA）"),
    timeout=30.0,
    kinds=K.KINDS,
    view="c2pa",
    doc="C2PA manifests: signature, trust list, AI declarations",
)


class C2paDetector:
    spec: ClassVar[DetectorSpec] = SPEC
    name = SPEC.name
    isolated = True

    def __init__(self) -> None:
        self._contexts: dict[tuple[object, ...], Any] = {}

    def applies_to(self, media: MediaFile) -> bool:
        return media.media_type in SUPPORTED or media.family in ("jumbf", "font")

    # -- trust material and SDK contexts, cached per process --------------------------------

    def _material(self, ctx: Context) -> Material:
        return for_config(tuple(ctx.config.trust_dirs), tuple(ctx.config.user_anchors))[1]

    def _context(self, material: Material, only: str | None = None) -> Any:
        key = (material.key, only)
        context = self._contexts.get(key)
        if context is None:
            if only is None:
                pem = material.combined_pem
            else:
                pem = "".join(_pem_of(material, n) for n in (only, *_tsa_names(material)))
            context = sdk.make_context(sdk.offline_settings(pem or None, material.trust_config))
            self._contexts[key] = context
        return context

    def prepare(self, ctx: Context) -> None:
        """The SDK, the trust lists and their SDK context, as the first file would load them."""
        self._context(self._material(ctx))

    # -- the check ----------------------------------------------------------------------

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        material = self._material(ctx)
        sidecars = [p for p in ctx.companions if p.suffix.lower() == ".c2pa"]
        fragments = [p for p in ctx.companions if p.suffix.lower() == ".m4s"]
        manifest = _read_sidecar(sidecars[0]) if sidecars else None
        if media.family == "font" and manifest is None:
            return self._font(media, material)
        try:
            return self._read(media, ctx, material, manifest, fragments, sidecars)
        except sdk.NoManifest:
            return Findings(facts={"present": False, "state": None})
        except sdk.RemoteManifest as exc:
            return signals.remote(exc.url)
        except sdk.Unsupported as exc:
            raise NotApplicable(f"the C2PA SDK does not read this type of file ({exc})") from exc
        except sdk.Unreadable as exc:
            return _unreadable(media, exc, sidecar=bool(sidecars))

    def _read(self, media: MediaFile, ctx: Context, material: Material, manifest: bytes | None,
              fragments: list[Path], sidecars: list[Path]) -> Findings:
        with ExitStack() as stack:
            stream = stack.enter_context(open_readonly(media.path))
            if fragments and not is_fragmented_init(stream):
                fragments = []  # fragments belong to a fragmented init segment only
            frags = [stack.enter_context(open_readonly(p)) for p in fragments]
            read = stack.enter_context(sdk.read(stream, media.media_type, self._context(material), manifest, frags))
            standalone = media.media_type in STANDALONE and manifest is None
            assessment = (states.assess(_without_binding(read.store), read.state, binding_checked=False)
                          if standalone else states.assess(read.store, read.state))
            legacy = None
            if not standalone and not fragments and legacy_binding.is_candidate(read.store, assessment):
                legacy = _examine_legacy(read, media)
                if legacy.ok:
                    assessment = states.assess(legacy_binding.without_layout_failure(read.store), read.state)
            for frag_store, frag_state in read.per_fragment:
                # Every fragment must match: the first one that does not decides.
                frag_assessment = states.assess(frag_store, frag_state)
                if frag_assessment.state == states.INVALID:
                    assessment = frag_assessment
                    break
            attribution, note = self._attribute(read, assessment, material, media, manifest, fragments,
                                                legacy_cleared=bool(legacy and legacy.ok))
            if attribution is None and assessment.state == states.TRUSTED:
                assessment = states.Assessment(states.UNTRUSTED_SIGNER, assessment.failures, ())
            elif attribution is not None and assessment.state == states.UNTRUSTED_SIGNER:
                # The leaf itself is on an end-entity list (SDK's allowed_list has no effect).
                assessment = states.Assessment(states.TRUSTED, assessment.failures, ())
            attachments, names = _thumbnails(read)
            found = signals.findings(read.store, assessment, attribution, note, names, attachments, tsa=_tsa_name(read),
                             standalone=standalone, sidecar=sidecars[0].name if sidecars else None,
                             fragments=[p.name for p in fragments], legacy=legacy)
            # An embedded manifest was read; a remote reference beside it is shown, never fetched.
            found.facts["remote_url"] = read.remote_url()
            return found

    def _font(self, media: MediaFile, material: Material) -> Findings:
        """LABELS.md §4: the SDK reads no font format. A ``C2PA`` table is credentials present that
        cannot be validated here; its manifest store is read alone, as ``application/c2pa``, to
        say whose signature it carries (never whether it matches this font)."""
        table = None
        with open_readonly(media.path) as fh:
            try:
                table = sfnt.find(fh, b"C2PA")
                if table is None:
                    return Findings(facts={"present": False, "state": None, "searched": "font table directory"})
                uri, store = sfnt.c2pa_record(sfnt.table_bytes(fh, table))
            except sfnt.FontError as exc:
                if table is None:
                    raise DetectorFailure(f"the font's table directory could not be read: {exc}") from exc
                return signals.font_unsupported(media.media_type, str(exc), None)
        if store is None and uri and uri.lower().startswith(("http://", "https://")):
            return signals.remote(uri)
        alone = self._store_alone(store, material) if store else None
        return signals.font_unsupported(media.media_type, "" if store else "the C2PA table holds no manifest store",
                                        alone)

    def _store_alone(self, store: bytes, material: Material) -> dict[str, Any]:
        try:
            with sdk.read(io.BytesIO(store), "application/c2pa", self._context(material)) as read:
                assessment = states.assess(_without_binding(read.store), read.state, binding_checked=False)
                label = read.store.get("active_manifest")
                ms = read.store.get("manifests")
                m = ms.get(label) if isinstance(ms, dict) and isinstance(label, str) else None
                sig = m.get("signature_info") if isinstance(m, dict) else None
                sig = sig if isinstance(sig, dict) else {}
                return {"signer_state": assessment.state,
                        "signer": {"issuer": text(sig.get("issuer")), "common_name": text(sig.get("common_name"))},
                        "signed_at": text(sig.get("time")), "active_manifest": text(label),
                        "status_codes": [f.as_dict() for f in assessment.failures]}
        except sdk.Unreadable as exc:
            return {"signer_state": states.UNREADABLE, "error": str(exc)[:300]}
        except sdk.NoManifest:
            return {"signer_state": states.UNREADABLE, "error": "no manifest in the C2PA table's store"}

    def _attribute(self, read: sdk.Read, assessment: states.Assessment, material: Material,
                   media: MediaFile, manifest: bytes | None,
                   fragments: list[Path], legacy_cleared: bool = False) -> tuple[Attribution | None, str]:
        state = assessment.state
        wants_allowed = state == states.UNTRUSTED_SIGNER and any(a.allowed_sha256 for a in material.lists)
        if state != states.TRUSTED and not wants_allowed:
            return None, ""
        chain = _signer_chain(read)
        if state == states.TRUSTED:
            if chain:
                found = attribute_trusted(chain, material)
                if found is not None:
                    return found, ""
                tsa_lists = [a for a in material.lists if a.is_tsa]
                if anchored_list(chain, tsa_lists) is not None:
                    return None, "the signer's chain reaches only a time-stamping authority anchor"
            return self._attribute_by_reads(material, media, manifest, fragments, legacy_cleared), ""
        found = attribute_end_entity(chain, material) if chain else None
        return found, ""

    def _attribute_by_reads(self, material: Material, media: MediaFile, manifest: bytes | None,
                            fragments: list[Path], legacy_cleared: bool = False) -> Attribution | None:
        """Fallback when the chain cannot be read: one read per signer list, in precedence order."""
        for lst in material.signer_lists:
            if not lst.certs:
                continue
            with ExitStack() as stack:
                stream = stack.enter_context(open_readonly(media.path))
                frags = [stack.enter_context(open_readonly(p)) for p in fragments]
                read = stack.enter_context(sdk.read(stream, media.media_type,
                                                    self._context(material, lst.name), manifest, frags))
                store = legacy_binding.without_layout_failure(read.store) if legacy_cleared else read.store
                if states.assess(store, read.state).state == states.TRUSTED:
                    return Attribution(lst.name, lst.label, "anchor")
        return None


def _unreadable(media: MediaFile, exc: Exception, *, sidecar: bool) -> Findings:
    """An SDK error is a manifest only when a manifest store was actually located in the file."""
    found = locate.Located(True, True, "sidecar .c2pa") if sidecar else locate.search(media)
    if found.present and found.remote_url:
        return signals.remote(found.remote_url)
    if found.present:
        if _PARSE_FAILURE in str(exc).lower():
            raise DetectorFailure(f"the file's container could not be parsed for C2PA: {exc}") from exc
        return signals.unreadable(str(exc), carrier=found.where)
    if found.certain:
        # No manifest store in the file: the SDK's failure is about the container, not credentials.
        return Findings(facts={"present": False, "state": None, "sdk_error": str(exc)[:500],
                               "searched": found.where})
    raise DetectorFailure(f"the C2PA SDK could not read the file ({str(exc)[:200]}), and the file could not be "
                          f"searched for a manifest store: {found.where}") from exc


def _examine_legacy(read: sdk.Read, media: MediaFile) -> legacy_binding.Outcome:
    """LABELS.md §4: an older signer's exclusion layout, examined on a stream of our own."""
    try:
        assertions = legacy_binding.active_assertions(read.detailed())
    except sdk.Unreadable as exc:
        return legacy_binding.Outcome(False, [f"the signed hash assertion could not be read: {exc}"])
    with open_readonly(media.path) as fh:
        return legacy_binding.examine(fh, media.media_type, assertions)


def _pem_of(material: Material, name: str) -> str:
    for t in material.lists:
        if t.name == name:
            from cryptography.hazmat.primitives.serialization import Encoding  # noqa: PLC0415

            return "".join(c.public_bytes(Encoding.PEM).decode("ascii") for c in t.certs)  # type: ignore[attr-defined]
    return ""


def _tsa_names(material: Material) -> list[str]:
    return [t.name for t in material.lists if t.is_tsa]


def _read_sidecar(path: Path) -> bytes:
    with open_readonly(path) as fh:
        data = fh.read(MAX_SIDECAR + 1)
    if len(data) > MAX_SIDECAR:
        raise DetectorFailure(f"the sidecar manifest {path.name} is larger than {MAX_SIDECAR >> 20} MB")
    return data


def _without_binding(store: dict[str, Any]) -> dict[str, Any]:
    """A standalone manifest store has no asset: its content-binding failures say nothing."""
    return legacy_binding.without_entries(store, lambda e: e.get("code") in BINDING_CODES)


def _active_signature(read: sdk.Read) -> bytes | None:
    """The active manifest's COSE_Sign1 bytes (read once per Reader)."""
    if "cose" not in read.memo:
        label = read.store.get("active_manifest")
        cose = None
        if isinstance(label, str):
            try:
                cose = signature_cbor(read.resource(f"self#jumbf=/c2pa/{label}/c2pa.signature"), label)
            except (ChainError, sdk.Unreadable) as exc:
                log.debug("signature box not readable: %s", exc)
        read.memo["cose"] = cose
    return read.memo["cose"]


def _signer_chain(read: sdk.Read) -> list[bytes] | None:
    cose = _active_signature(read)
    if cose is None:
        return None
    try:
        return x5chain(cose)
    except ChainError as exc:
        # Without the chain the list is found by one read per list (see _attribute_by_reads).
        log.debug("signer chain not readable: %s", exc)
        return None


def _tsa_name(read: sdk.Read) -> str | None:
    """Who time-stamped the active signature (only looked up when the SDK reports a time)."""
    label = read.store.get("active_manifest")
    manifests = read.store.get("manifests")
    m = manifests.get(label) if isinstance(manifests, dict) and isinstance(label, str) else None
    sig = m.get("signature_info") if isinstance(m, dict) else None
    if not isinstance(sig, dict) or not sig.get("time"):
        return None
    cose = _active_signature(read)
    try:
        return timestamp_authority(timestamp_tokens(cose)) if cose else None
    except ChainError:
        return None


def _thumbnails(read: sdk.Read) -> tuple[tuple[Attachment, ...], dict[str, str]]:
    attachments: list[Attachment] = []
    names: dict[str, str] = {}
    budget = MAX_THUMBNAILS_BYTES
    for i, (uri, mime, role) in enumerate(thumbnail_uris(read.store)):
        try:
            data = read.resource(uri, limit=budget)
        except sdk.Unreadable as exc:  # a missing thumbnail is not a failure of the check
            log.debug("thumbnail %s not readable: %s", uri, exc)
            continue
        if not data:
            continue
        budget -= len(data)
        name = f"c2pa-{role}-thumbnail-{i}"
        names[uri] = name
        attachments.append(Attachment(name=name, mime=mime, data=data, note=uri[:300]))
    return tuple(attachments), names
