"""RFC 8785 JSON Canonicalization Scheme (JCS): one byte string per JSON value.

The canonical form is what a report's fingerprint and signature cover, and what each entry of a
case log is hashed as. It is the serialisation ECMAScript's ``JSON.stringify`` gives, with:

* no whitespace;
* object members sorted by their keys as arrays of UTF-16 code units;
* numbers written as ECMAScript's Number-to-String does (shortest round-trip digits, exponent
  form below 1e-6 and from 1e21 on, ``-0`` as ``0``); NaN and infinities are refused;
* strings with only ``"``, ``\\`` and the control characters U+0000..U+001F escaped (``\\b``,
  ``\\t``, ``\\n``, ``\\f``, ``\\r``, else ``\\u00xx``), everything else as UTF-8.

One choice beyond RFC 8785, which requires well-formed Unicode: a lone surrogate (a file name
that was not valid UTF-8 reaches Python as one) is written as its lowercase ``\\udxxx`` escape,
exactly as ECMAScript 2019's well-formed ``JSON.stringify`` does, so the output is still valid
UTF-8 JSON that reads back to the same value. A JSON number is an IEEE double: an integer beyond
±2**53 is refused unless it is exactly how a double is written (as Python reads back
``100000000000000000000``); callers turn other large integers into strings first.
"""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring as _fast_string  # ensure_ascii=False escaping, in C when built
from collections.abc import Mapping
from typing import Any

MAX_SAFE_INT = 2**53
MAX_DEPTH = 200

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\ud800-\udfff]')
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class CanonicalError(ValueError):
    """The value has no canonical JSON form (NaN, a huge integer, a non-string key, a set…)."""


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def _join_pair(match: re.Match[str]) -> str:
    hi, lo = (ord(c) for c in match.group(0))
    return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


def string(s: str) -> str:
    """A JSON string literal as ``JSON.stringify`` writes it."""
    if _SURROGATE.search(s) is None:
        return _fast_string(s)  # the json module's C escaper: the same escapes, faster
    s = _PAIR.sub(_join_pair, s)  # a pair held as two code points is one character
    return slow_string(s)


def slow_string(s: str) -> str:
    """:func:`string` spelt out (also for lone surrogates, which the C escaper leaves raw)."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, s) + '"'


def number(x: int | float) -> str:
    """ECMAScript Number::toString of a double (RFC 8785 section 3.2.2.3)."""
    if isinstance(x, int):
        if -MAX_SAFE_INT <= x <= MAX_SAFE_INT:
            return str(x)
        try:  # the decimal spelling of a double, as a JSON parser gives a large number back: keep it
            if number(float(x)) == str(x):
                return str(x)
        except OverflowError:
            pass
        raise CanonicalError(f"integer {x} is beyond what a JSON number (an IEEE double) holds exactly")
    if not math.isfinite(x):
        raise CanonicalError(f"{x} has no JSON form")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + number(-x)
    # repr() gives the shortest digits that read back to the same double, as ECMAScript does
    mantissa, _, exp = float.__repr__(float(x)).partition("e")  # a float subclass (NumPy's) reprs otherwise
    whole, _, frac = mantissa.partition(".")
    raw = whole + frac  # value = 0.raw × 10**(len(whole) + exp)
    digits = raw.lstrip("0")
    point = len(whole) + int(exp or 0) - (len(raw) - len(digits))
    digits = digits.rstrip("0")
    k, n = len(digits), point  # value = 0.digits × 10**n
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    head = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{head}e{sign}{abs(e)}"


def _key(k: str) -> bytes:
    return k.encode("utf-16-be", "surrogatepass")  # big-endian bytes order as UTF-16 code units do


def _write(value: Any, out: list[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise CanonicalError("nested too deeply")
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(string(value))
    elif isinstance(value, int | float):
        out.append(number(value))
    elif isinstance(value, list | tuple):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out, depth + 1)
        out.append("]")
    elif isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise CanonicalError("object keys must be strings")
        out.append("{")
        for i, k in enumerate(sorted(value, key=_key)):
            if i:
                out.append(",")
            out.append(string(k))
            out.append(":")
            _write(value[k], out, depth + 1)
        out.append("}")
    else:
        raise CanonicalError(f"{type(value).__name__} has no JSON form")


def dumps(value: Any) -> bytes:
    """The canonical UTF-8 bytes of a JSON value (dict, list, str, int, float, bool, None)."""
    out: list[str] = []
    _write(value, out, 0)
    return "".join(out).encode("utf-8")


def sha256(value: Any) -> str:
    """Hex SHA-256 of the canonical bytes: a value's fingerprint."""
    import hashlib

    return hashlib.sha256(dumps(value)).hexdigest()
