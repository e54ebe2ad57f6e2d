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
import signal
import struct
import threading
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
    # Parsers of other branches are listed in AFTER_MERGE below (import-guarded, so this file
    # works before and after the merge). Add new hand-written parsers there, one line each.
    # ----------------------------------------------------------------- END ADD AFTER MERGE
]


def _walker(module: str, with_size: bool) -> Callable[[bytes], Any]:
    """A metadata walker ``walk(fh, budget[, size])`` as a bytes -> list target."""

    def call(data: bytes) -> Any:
        meta = importlib.import_module("verifier.formats.meta")
        walk = importlib.import_module(module).walk
        args = (io.BytesIO(data), meta.Budget(), len(data)) if with_size else (io.BytesIO(data), meta.Budget())
        return list(walk(*args))

    return call


def _text(module: str, attr: str, *extra: Any) -> Callable[[bytes], Any]:
    """A parser of attacker-controlled text (XMP packets, label JSON), fed decoded bytes."""
    return lambda data: getattr(importlib.import_module(module), attr)(data.decode("utf-8", "replace"), *extra)


def _errors(module: str, *names: str) -> tuple[type[BaseException], ...]:
    mod = importlib.import_module(module)
    return tuple(getattr(mod, n) for n in names)


# (name, module that must exist, attribute that must exist, target factory, allowed-errors factory,
#  seed suffixes). The walkers' contract (verifier/read_meta.py): stop with LimitReached
# or say "not a valid X" with ValueError; anything else is a bug.
_WALKER_ERRORS = lambda: (*_errors("verifier.formats.meta", "LimitReached"), ValueError)  # noqa: E731
AFTER_MERGE: list[tuple[str, str, str, Callable[[], Callable[[bytes], Any]],
                        Callable[[], tuple[type[BaseException], ...]], tuple[str, ...]]] = [
    ("formats.png.walk", "verifier.formats.png", "walk", lambda: _walker("verifier.formats.png", False),
     _WALKER_ERRORS, (".png",)),
    ("formats.jpeg.walk", "verifier.formats.jpeg", "walk", lambda: _walker("verifier.formats.jpeg", False),
     _WALKER_ERRORS, (".jpg", ".jpeg")),
    ("formats.gif.walk", "verifier.formats.gif", "walk", lambda: _walker("verifier.formats.gif", False),
     _WALKER_ERRORS, (".gif", ".png")),
    ("formats.riff.walk", "verifier.formats.riff", "walk", lambda: _walker("verifier.formats.riff", True),
     _WALKER_ERRORS, (".wav", ".webp", ".avi")),
    ("formats.isobmff.walk", "verifier.formats.isobmff", "walk",
     lambda: _walker("verifier.formats.isobmff", True), _WALKER_ERRORS, (".mp4", ".heic", ".m4s")),
    ("formats.ebml.walk", "verifier.formats.ebml", "walk", lambda: _walker("verifier.formats.ebml", True),
     _WALKER_ERRORS, (".mkv", ".webm", ".mp4")),
    ("formats.flv.walk", "verifier.formats.flv", "walk", lambda: _walker("verifier.formats.flv", True),
     _WALKER_ERRORS, (".flv", ".mp4")),
    ("formats.xmp.parse", "verifier.formats.xmp", "parse", lambda: _text("verifier.formats.xmp", "parse"),
     lambda: (ValueError,), (".jpg", ".png", ".svg")),
    ("labels.gb45438.extract", "verifier.labels.gb45438", "extract",
     lambda: _text("verifier.labels.gb45438", "extract", "AIGC"), lambda: (ValueError,), (".md", ".json", ".txt")),
    ("containers.email", "verifier.containers.email_facts", "header_facts", lambda: _email, lambda: (), (".txt", ".md")),
    ("containers.mbox.message_spans", "verifier.containers.mbox", "message_spans",
     lambda: lambda data: list(importlib.import_module("verifier.containers.mbox").message_spans(io.BytesIO(data))),
     lambda: (), (".txt", ".md")),
]


def _email(data: bytes) -> Any:
    """An e-mail as the container detector reads it: MIME parts, then the header facts."""
    parsed = importlib.import_module("verifier.containers.email_parts").read(b"From: a@b\r\n" + data)
    for part in parsed.parts[:20]:
        part.payload()
    return importlib.import_module("verifier.containers.email_facts").header_facts(parsed.message)


def after_merge() -> list[Target]:
    """The AFTER_MERGE parsers whose module exists here; a module without its function fails."""
    out = []
    for name, module, attr, factory, errors, suffixes in AFTER_MERGE:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not (module == exc.name or module.startswith(exc.name + ".")):
                raise  # the module exists but one of its own imports is missing
            continue  # not merged yet
        if not hasattr(mod, attr):
            raise AttributeError(f"fuzz target {name}: {module} has no {attr} (update tests/fuzz/targets.py)")
        out.append(Target(name, factory(), allowed=errors(), seed_suffixes=suffixes))
    return out


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
    out = TARGETS + after_merge()
    seen = {t.name for t in out}
    return out + [t for t in discovered() if t.name not in seen]


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


PER_INPUT_SECONDS = 5.0  # a parser that takes longer on one input is hanging


class Hang(BaseException):  # not caught by a parser's own "except Exception"
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


def run_one(target: Target, data: bytes) -> None:
    """Call the target once and check its contract; raise AssertionError on a violation.

    A per-input alarm (POSIX, main thread) turns an endless loop into a failure instead of a
    hung test run.
    """
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, PER_INPUT_SECONDS)
    try:
        result = target.func(data)
    except Hang as exc:
        raise AssertionError(f"{target.name}: still running after {PER_INPUT_SECONDS:g} s "
                             f"on {len(data)} bytes") from exc
    except (RecursionError, MemoryError) as exc:
        raise AssertionError(f"{target.name}: {type(exc).__name__} on {len(data)} bytes") from exc
    except target.allowed:
        return
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    if target.check is not None:
        target.check(data, result)
