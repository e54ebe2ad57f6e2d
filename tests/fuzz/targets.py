"""Parser entry points to fuzz, the inputs to seed them with, and how to mutate those inputs.

A target is a callable that takes untrusted bytes (or a binary stream over them). The contract
for every target: return (anything) or raise one of the exceptions it declares as its way of
saying "malformed"; never another exception, never ``RecursionError``/``MemoryError``, never
take long. Used by ``tests/fuzz/test_fuzz_parsers.py`` (bounded, in the normal suite) and by
``scripts/fuzz.py`` (long runs).

Add hand-written parsers to ``TARGETS`` below, or let a module declare its own:
a module under ``verifier/formats/`` or ``verifier/labels/`` that defines
``FUZZ_ENTRY_POINTS = ("function_name", ...)`` is discovered automatically (each function must
take ``bytes``; it may raise the module's ``FUZZ_ALLOWED_ERRORS`` tuple, if defined).
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from verifier.formats import sniff

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CRASHES = Path(__file__).resolve().parent / "crashes"
SEED_BYTES = 64 * 1024  # seeds are the first bytes of corpus files: enough for any header


@dataclass(frozen=True)
class Target:
    name: str
    func: Callable[[bytes], Any]
    allowed: tuple[type[BaseException], ...] = ()  # the parser's own "malformed" exceptions
    seed_suffixes: tuple[str, ...] = ()  # corpus files to seed from; () = all
    check: Callable[[bytes, Any], None] | None = None  # extra property on the result
    extra_seeds: tuple[bytes, ...] = field(default=())


def stream(fn: Callable[[io.BytesIO], Any]) -> Callable[[bytes], Any]:
    """Adapt a parser that reads a binary file object."""
    return lambda data: fn(io.BytesIO(data))


# --------------------------------------------------------------------------- sniff


def _check_sniffed(data: bytes, result: sniff.Sniffed) -> None:
    assert isinstance(result, sniff.Sniffed)
    assert result.media_type and result.family
    assert sniff.sniff_bytes(data[: sniff.HEAD_SIZE]) == sniff.sniff_bytes(data[: sniff.HEAD_SIZE])


def _sniff_with_every_extension(data: bytes) -> sniff.Sniffed:
    head = data[: sniff.HEAD_SIZE]
    for ext in (None, *sorted(set(sniff.EXTENSIONS.values()))):
        sniff.sniff_bytes(head, ext)
    return sniff.sniff_bytes(head)


TARGETS: list[Target] = [
    Target("sniff.sniff_bytes", _sniff_with_every_extension, check=_check_sniffed,
           extra_seeds=(b"", b"\x00" * 12 + b"ftyp", b"PK\x03\x04word/", b"\xef\xbb\xbf<?xml <svg",
                        b"\xff\xfb", b"RIFF\xff\xff\xff\xffWEBP")),
    # ----------------------------------------------------------------- ADD AFTER MERGE
    # The metadata helper's box/chunk walkers (verifier/formats/*.py) and label parsers
    # (verifier/labels/*.py) go here once merged, one line each, e.g.:
    #   Target("isobmff.walk", stream(isobmff.walk_boxes), allowed=(isobmff.FormatError,),
    #          seed_suffixes=(".mp4", ".heic", ".m4s")),
    #   Target("png.chunks", png.iter_chunks, allowed=(png.FormatError,), seed_suffixes=(".png",)),
    #   Target("riff.walk", stream(riff.walk), seed_suffixes=(".wav", ".webp", ".avi")),
    #   Target("jpeg.segments", jpeg.segments, seed_suffixes=(".jpg", ".jpeg")),
    #   Target("labels.xmp", xmp.parse_labels, seed_suffixes=(".jpg", ".png")),
    #   Target("labels.json", label_json.parse, seed_suffixes=(".json", ".md")),
    # (Modules may instead declare FUZZ_ENTRY_POINTS, see the module docstring.)
    # ----------------------------------------------------------------- END ADD AFTER MERGE
]


def discovered() -> list[Target]:
    """Targets declared by the parser modules themselves (``FUZZ_ENTRY_POINTS``)."""
    out: list[Target] = []
    for package in ("verifier.formats", "verifier.labels"):
        try:
            pkg = importlib.import_module(package)
        except ImportError:
            continue
        for info in pkgutil.iter_modules(pkg.__path__, package + "."):
            module = importlib.import_module(info.name)
            allowed = tuple(getattr(module, "FUZZ_ALLOWED_ERRORS", ()))
            for fname in getattr(module, "FUZZ_ENTRY_POINTS", ()):
                out.append(Target(f"{info.name.removeprefix('verifier.')}.{fname}",
                                  getattr(module, fname), allowed=allowed))
    return out


def all_targets() -> list[Target]:
    seen = {t.name for t in TARGETS}
    return TARGETS + [t for t in discovered() if t.name not in seen]


# --------------------------------------------------------------------------- seeds and mutation


def seeds_for(target: Target) -> list[bytes]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "expected.json") \
        if CORPUS.is_dir() else []
    if target.seed_suffixes:
        files = [p for p in files if p.suffix.lower() in target.seed_suffixes]
    out: list[bytes] = []
    seen: set[bytes] = set()
    for p in files:
        with open(p, "rb") as fh:
            head = fh.read(SEED_BYTES)
        if head[:64] not in seen:  # one seed per distinct header keeps the pool small
            seen.add(head[:64])
            out.append(head)
    out.extend(target.extra_seeds)
    return out or [b""]


_LENGTHS = (0, 1, 7, 8, 0x7FFFFFFF, 0xFFFFFFFF)


def _apply(data: bytearray, op: str, pos: int, blob: bytes, value: int) -> bytearray:
    if not data and op not in ("insert",):
        return bytearray(blob)
    i = pos % (len(data) + 1)
    if op == "flip":
        if i < len(data):
            data[i] ^= 1 << (value % 8)
    elif op == "truncate":
        del data[i:]
    elif op == "insert":
        data[i:i] = blob
    elif op == "overwrite":
        data[i : i + len(blob)] = blob
    elif op == "length32":  # plant an absurd or tiny length field, big- or little-endian
        word = _LENGTHS[value % len(_LENGTHS)]
        data[i : i + 4] = struct.pack(">I" if value & 8 else "<I", word)
    elif op == "duplicate":
        j = (pos // 7) % (len(data) + 1)
        lo, hi = min(i, j), max(i, j)
        data[hi:hi] = data[lo:hi][:4096]
    return data


OPS = ("flip", "truncate", "insert", "overwrite", "length32", "duplicate")


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A corpus seed with a few structured mutations, or (sometimes) fresh random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=512))
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(OPS))
        data = _apply(data, op, draw(st.integers(0, 1 << 20)), draw(st.binary(max_size=16)),
                      draw(st.integers(0, 255)))
    return bytes(data)


def run_one(target: Target, data: bytes) -> None:
    """Call the target once and check its contract; raise AssertionError on a violation."""
    try:
        result = target.func(data)
    except (RecursionError, MemoryError) as exc:
        raise AssertionError(f"{target.name}: {type(exc).__name__} on {len(data)} bytes") from exc
    except target.allowed:
        return
    if target.check is not None:
        target.check(data, result)
