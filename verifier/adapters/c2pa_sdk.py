"""The one place that talks to c2pa-python (imported lazily: ``import c2pa`` costs ~100 ms).

Every read goes through a :class:`c2pa.Context` built from :func:`offline_settings`: remote
manifests are never fetched, OCSP responders never asked, and no network host is allowed (the
SDK's defaults do all three; see LABELS.md §4). The SDK never opens a path itself: it is given
streams opened by :func:`verifier.inputs.open_readonly`, and nothing is ever written. Each is
wrapped in a :class:`~verifier.adapters.c2pa_stream.PacedStream`, which holds the SDK's hashing
of a large asset to one 256 MiB buffer at a time (about half the memory on a video).
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .c2pa_stream import PacedStream

log = logging.getLogger(__name__)

# LABELS.md §4: the SDK's defaults are not offline. Each key is proven effective by a test
# (tests/verifier/c2pa/test_offline.py): unknown keys are silently accepted by the SDK.
OFFLINE: dict[str, dict[str, Any]] = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "core": {"allowed_network_hosts": []},
}
MAX_RESOURCE = 64 << 20  # a thumbnail or manifest store larger than this is not read into memory
_REMOTE_RE = re.compile(r"remote manifests? from url\s+(\S+)", re.IGNORECASE)


class NoManifest(Exception):
    """The asset carries no C2PA manifest (nor a reference to a remote one)."""


class RemoteManifest(Exception):
    """The manifest is stored remotely; offline it is not fetched."""

    def __init__(self, url: str | None, message: str) -> None:
        super().__init__(message)
        self.url = url


class Unreadable(Exception):
    """The SDK could not read the manifest store (malformed, unsupported, corrupt)."""


class Unsupported(Unreadable):
    """The SDK does not handle this type of asset."""


def offline_settings(trust_anchors: str | None = None, trust_config: str | None = None) -> dict[str, Any]:
    """Settings for one Context: always the offline keys, plus the trust material if any."""
    settings: dict[str, Any] = {k: dict(v) for k, v in OFFLINE.items()}
    if trust_anchors:
        settings["trust"] = {"trust_anchors": trust_anchors}
        if trust_config:
            settings["trust"]["trust_config"] = trust_config
    return settings


def _sdk() -> Any:
    import c2pa  # noqa: PLC0415 - lazy by design

    return c2pa


def make_context(settings: dict[str, Any]) -> Any:
    c2pa = _sdk()
    return c2pa.Context(c2pa.Settings.from_dict(settings))


def sdk_version() -> str:
    try:
        return str(_sdk().sdk_version())
    except Exception:  # noqa: BLE001 - informational only
        return "unknown"


@dataclass
class Read:
    """An open Reader: the manifest store JSON, its validation state, its resources.

    With BMFF fragments, the SDK validates the init segment against one fragment at a time;
    ``per_fragment`` keeps (store, state) after each fragment, in the order given, and
    ``store``/``state`` are those of the last one.
    """

    store: dict[str, Any]
    state: str  # "Trusted" | "Valid" | "Invalid" (as reported by the SDK)
    _reader: Any
    per_fragment: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # callers' per-read cache (parsed resources)

    def remote_url(self) -> str | None:
        """A remote manifest URL the asset also declares (never fetched), if any."""
        try:
            url = self._reader.get_remote_url()
        except Exception:  # noqa: BLE001 - informational only
            return None
        return url if isinstance(url, str) and url else None

    def detailed(self) -> dict[str, Any]:
        """The detailed manifest store JSON (it shows the hash assertions the plain JSON hides)."""
        c2pa = _sdk()
        try:
            data = json.loads(self._reader.detailed_json())
        except c2pa.C2paError as exc:
            raise Unreadable(f"the detailed manifest store is not readable: {exc}") from exc
        except ValueError as exc:
            raise Unreadable(f"the SDK returned unreadable JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise Unreadable("the SDK returned no detailed manifest store")
        return data

    def resource(self, uri: str, limit: int = MAX_RESOURCE) -> bytes:
        """A resource (thumbnail, icon…) by its JUMBF URI, into memory.

        For a manifest's ``…/c2pa.signature`` URI, c2pa-python 0.38.1 returns the bytes of the
        whole manifest store (the signer's chain is read from them; see cose_chain).
        """
        c2pa = _sdk()
        sink = _BoundedSink(limit)
        try:
            self._reader.resource_to_stream(uri, sink)
        except c2pa.C2paError as exc:
            raise Unreadable(f"resource {uri[:200]} not readable: {exc}") from exc
        return sink.getvalue()


class _BoundedSink(io.BytesIO):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self._limit = limit

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self._limit:
            raise Unreadable("a C2PA resource is larger than the memory limit for resources")
        return super().write(data)


def _classify(exc: Exception) -> Exception:
    name = type(exc).__name__
    text = str(exc)
    if "ManifestNotFound" in name or text.startswith("ManifestNotFound"):
        return NoManifest(text)
    if text.startswith("Remote") or "RemoteManifest" in name:
        m = _REMOTE_RE.search(text)
        return RemoteManifest(m.group(1) if m else None, text)
    if "NotSupported" in name or text.startswith("NotSupported"):
        return Unsupported(text)
    return Unreadable(text)


@contextmanager
def read(stream: BinaryIO, media_type: str | None, context: Any,
         manifest: bytes | None = None, fragments: Sequence[BinaryIO] = ()) -> Iterator[Read]:
    """Open a Reader on ``stream`` (with a sidecar ``manifest`` or BMFF ``fragments``)."""
    c2pa = _sdk()
    fmt = media_type if media_type and media_type != "application/octet-stream" else None
    try:
        reader = c2pa.Reader(fmt, PacedStream(stream), manifest, context=context)
    except c2pa.C2paError as exc:
        raise _classify(exc) from exc
    try:
        per_fragment = []
        for frag in fragments:
            stream.seek(0)
            try:
                reader.with_fragment(fmt, PacedStream(stream), PacedStream(frag))
            except c2pa.C2paError as exc:
                raise _classify(exc) from exc
            per_fragment.append(_store_and_state(c2pa, reader))
        store, state = per_fragment[-1] if per_fragment else _store_and_state(c2pa, reader)
        yield Read(store=store, state=state, _reader=reader, per_fragment=per_fragment)
    finally:
        try:
            reader.close()
        except Exception:  # noqa: BLE001
            log.debug("closing the C2PA reader failed", exc_info=True)


def _store_and_state(c2pa: Any, reader: Any) -> tuple[dict[str, Any], str]:
    try:
        store = json.loads(reader.json())
        state = reader.get_validation_state() or ""
    except c2pa.C2paError as exc:
        raise _classify(exc) from exc
    except ValueError as exc:
        raise Unreadable(f"the SDK returned unreadable JSON: {exc}") from exc
    if not isinstance(store, dict):
        raise Unreadable("the SDK returned no manifest store")
    return store, state
