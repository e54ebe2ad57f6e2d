"""The signer's certificate chain of a C2PA manifest, read from the manifest store bytes.

The SDK reports the signer's names but not its certificates. To say *which* trust list anchors
a signer, and to match the interim end-entity list (SHA-256 of the whole leaf DER), the chain is
read here from the ``c2pa.signature`` box: a JUMBF superbox holding a COSE_Sign1 structure whose
``x5chain`` header (label 33) carries the DER certificates. Both walkers are small and bounded
(depth, count and length limits); the bytes are attacker-controlled.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

MAX_DEPTH = 8
MAX_BOXES = 10_000
MAX_ITEMS = 4_096
X5CHAIN = 33


class ChainError(ValueError):
    """The signature box or its COSE structure could not be read."""


# --------------------------------------------------------------------------- JUMBF


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each ISO BMFF-style box in data[start:end]."""
    pos = start
    count = 0
    while pos + 8 <= end:
        count += 1
        if count > MAX_BOXES:
            raise ChainError("too many boxes")
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise ChainError("truncated box")
            size = struct.unpack_from(">Q", data, pos + 8)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise ChainError("box overruns its parent")
        yield kind, pos + header, pos + size
        pos += size


def _label(data: bytes, start: int, end: int) -> str | None:
    """Label of a JUMBF description box (``jumd``) payload, if it has one."""
    if end - start < 17:
        return None
    toggles = data[start + 16]
    if not toggles & 0x02:
        return None
    stop = data.find(b"\x00", start + 17, end)
    if stop < 0:
        return None
    return data[start + 17 : stop].decode("utf-8", "replace")


def signature_cbor(store: bytes, manifest_label: str) -> bytes:
    """The COSE_Sign1 bytes of one manifest's ``c2pa.signature`` box in a manifest store."""

    def walk(start: int, end: int, path: tuple[str, ...], depth: int) -> bytes | None:
        if depth > MAX_DEPTH:
            raise ChainError("JUMBF nested too deeply")
        label: str | None = None
        for kind, s, e in _boxes(store, start, end):
            if kind == b"jumd":
                label = _label(store, s, e)
            elif kind == b"jumb":
                found = walk(s, e, path + ((label or ""),), depth + 1)
                if found is not None:
                    return found
            elif kind == b"cbor" and label == "c2pa.signature" and manifest_label in path:
                return store[s:e]
        return None

    found = walk(0, len(store), (), 0)
    if found is None:
        raise ChainError(f"no signature box for {manifest_label}")
    return found


# --------------------------------------------------------------------------- CBOR


class _Cbor:
    """A minimal CBOR decoder: enough for COSE headers, bounded in size and depth."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def _take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ChainError("truncated CBOR")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def _arg(self, info: int) -> int:
        if info < 24:
            return info
        if info in (24, 25, 26, 27):
            return int.from_bytes(self._take(1 << (info - 24)), "big")
        raise ChainError("unsupported CBOR length")

    def item(self, depth: int = 0) -> object:
        if depth > MAX_DEPTH:
            raise ChainError("CBOR nested too deeply")
        first = self._take(1)[0]
        major, info = first >> 5, first & 0x1F
        if major == 7:
            if info in (20, 21):
                return info == 21
            if info in (22, 23):
                return None
            if info in (25, 26, 27):
                self._take(1 << (info - 24))
                return 0.0
            return info
        n = self._arg(info)
        if major == 0:
            return n
        if major == 1:
            return -1 - n
        if major == 2:
            return self._take(n)
        if major == 3:
            return self._take(n).decode("utf-8", "replace")
        if n > MAX_ITEMS:
            raise ChainError("CBOR container too large")
        if major == 4:
            return [self.item(depth + 1) for _ in range(n)]
        if major == 5:
            out: dict[object, object] = {}
            for _ in range(n):
                key = self.item(depth + 1)
                out[key if isinstance(key, (int, str)) else repr(key)] = self.item(depth + 1)
            return out
        if major == 6:
            return self.item(depth + 1)  # tag: the value is what matters here
        raise ChainError("unsupported CBOR item")


def _decode(data: bytes) -> object:
    return _Cbor(data).item()


def _headers(cose_sign1: bytes) -> list[dict[object, object]]:
    msg = _decode(cose_sign1)
    if not isinstance(msg, list) or len(msg) != 4:
        raise ChainError("not a COSE_Sign1 structure")
    protected_raw, unprotected = msg[0], msg[1]
    headers: list[object] = []
    if isinstance(protected_raw, bytes) and protected_raw:
        headers.append(_decode(protected_raw))
    headers.append(unprotected)
    return [h for h in headers if isinstance(h, dict)]


def timestamp_tokens(cose_sign1: bytes) -> list[bytes]:
    """RFC 3161 time-stamp tokens (DER) of the ``sigTst``/``sigTst2`` headers, if any."""
    out: list[bytes] = []
    for hdr in _headers(cose_sign1):
        for key in ("sigTst2", "sigTst"):
            tst = hdr.get(key)
            tokens = tst.get("tstTokens") if isinstance(tst, dict) else None
            if isinstance(tokens, list):
                out.extend(t["val"] for t in tokens[:16] if isinstance(t, dict) and isinstance(t.get("val"), bytes))
    return out


def x5chain(cose_sign1: bytes) -> list[bytes]:
    """DER certificates of a COSE_Sign1's ``x5chain`` header, leaf first."""
    for hdr in _headers(cose_sign1):
        # Label 33 (RFC 9360); manifests from before 2023 use the text key "x5chain".
        value = hdr.get(X5CHAIN, hdr.get("x5chain"))
        if value is not None:
            certs = [value] if isinstance(value, bytes) else value
            if isinstance(certs, list) and certs and all(isinstance(c, bytes) for c in certs):
                return list(certs)
    raise ChainError("no x5chain header in the signature")


def _der_tlv(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, value start, value end) of the DER element at ``pos``."""
    if pos + 2 > len(data):
        raise ChainError("truncated DER")
    tag, length = data[pos], data[pos + 1]
    start = pos + 2
    if length & 0x80:
        n = length & 0x7F
        if n == 0 or n > 4 or start + n > len(data):
            raise ChainError("unsupported DER length")
        length = int.from_bytes(data[start:start + n], "big")
        start += n
    if start + length > len(data):
        raise ChainError("DER element overruns its buffer")
    return tag, start, start + length


def token_of(data: bytes) -> bytes:
    """The TimeStampToken of a whole TimeStampResp (``SEQUENCE {status, token}``), which some
    signers store in ``tstTokens`` instead of the bare token; anything else is returned as is."""
    try:
        tag, start, end = _der_tlv(data, 0)
        if tag != 0x30:
            return data
        first_tag, _s, first_end = _der_tlv(data, start)
        # A TimeStampResp starts with PKIStatusInfo (a SEQUENCE); a ContentInfo with an OID.
        if first_tag == 0x30 and first_end < end:
            return data[first_end:end]
    except ChainError:
        pass
    return data
