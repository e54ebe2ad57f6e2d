"""RFC 8785 canonical JSON: the RFC's published examples, then properties."""

from __future__ import annotations

import json
import math
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.report.canonical import CanonicalError, dumps, number

# RFC 8785 Appendix B: IEEE 754 doubles (big-endian hex) and their canonical text.
APPENDIX_B = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


def _double(hex_ieee: str) -> float:
    return struct.unpack(">d", bytes.fromhex(hex_ieee))[0]


@pytest.mark.parametrize(("hex_ieee", "expected"), APPENDIX_B)
def test_numbers_as_rfc8785_appendix_b(hex_ieee: str, expected: str) -> None:
    assert number(_double(hex_ieee)) == expected


@pytest.mark.parametrize("hex_ieee", ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])
def test_nan_and_infinity_are_refused(hex_ieee: str) -> None:
    with pytest.raises(CanonicalError):
        number(_double(hex_ieee))


def test_rfc8785_section_3_2_2_example() -> None:
    """The RFC's worked example: literals, numbers and string escapes."""
    text = ('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
            ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",'
            ' "literals": [null, true, false]}')
    expected = ('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
                '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')
    assert dumps(json.loads(text)) == expected.encode("utf-8")


def test_rfc8785_section_3_2_3_key_order() -> None:
    """Keys sorted by UTF-16 code units: the astral emoji (a surrogate pair) before U+FB33."""
    text = ('{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",'
            ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",'
            ' "\\u00f6": "Latin Small Letter O With Diaeresis"}')
    values = list(json.loads(dumps(json.loads(text))).values())
    assert values == ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                      "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]


def test_rfc8785_utf8_output_of_the_sorting_example() -> None:
    assert dumps({"\u20ac": 1, "\r": 2}) == '{"\\r":2,"€":1}'.encode()


def test_integers_and_their_limits() -> None:
    assert dumps([0, -1, 2**53, -(2**53)]) == b"[0,-1,9007199254740992,-9007199254740992]"
    assert dumps(2**53 + 2) == b"9007199254740994"  # a double holds it exactly
    for big in (2**53 + 1, -(2**53) - 1, 10**30, 10**400):
        with pytest.raises(CanonicalError, match="IEEE double"):
            dumps(big)


def test_floats_that_are_integers_lose_the_point() -> None:
    assert dumps([1.0, -0.0, 4.5, 1e16, 1e21, 1e-7, 123.456]) == b"[1,0,4.5,10000000000000000,1e+21,1e-7,123.456]"


def test_strings_escape_only_what_json_stringify_does() -> None:
    assert dumps("a\"b\\c\x00\x1f\x7f\u2028é中") == '"a\\"b\\\\c\\u0000\\u001f\x7f\u2028é中"'.encode()
    assert dumps("\b\t\n\f\r") == b'"\\b\\t\\n\\f\\r"'


def test_lone_surrogates_are_escaped_and_read_back() -> None:
    """A file name that was not UTF-8 (surrogateescape) stays exact, as well-formed JSON.stringify does."""
    name = "photo-\udcff.jpg"
    out = dumps({"path": name})
    assert out == b'{"path":"photo-\\udcff.jpg"}'
    assert json.loads(out)["path"] == name
    assert dumps("\ud83d\ude00") == "\"😀\"".encode()  # a pair held as two code points is one character


@pytest.mark.parametrize("bad", [{1: "x"}, {"a": {1, 2}}, b"bytes", object(), float("nan")])
def test_values_without_a_json_form_are_refused(bad: object) -> None:
    with pytest.raises(CanonicalError):
        dumps(bad)


def test_depth_is_bounded() -> None:
    deep: list = []
    for _ in range(500):
        deep = [deep]
    with pytest.raises(CanonicalError, match="deep"):
        dumps(deep)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@given(_json)
def test_canonical_form_reads_back_equal_and_is_a_fixed_point(value: object) -> None:
    out = dumps(value)
    back = json.loads(out)
    assert dumps(back) == out
    assert b"\n" not in out and b": " not in out


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_read_back_to_the_same_double(x: float) -> None:
    assert float(number(x)) == x or (x == 0 and float(number(x)) == 0)
    assert not math.isnan(float(number(x)))


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_the_fast_string_path_equals_the_spelt_out_one(s: str) -> None:
    from verifier.report.canonical import slow_string, string

    assert string(s) == slow_string(s)


def test_the_fast_path_covers_every_control_character() -> None:
    from verifier.report.canonical import slow_string, string

    every = "".join(chr(i) for i in range(0x80)) + "\u2028\u2029\ufeff"
    assert string(every) == slow_string(every)


def test_numpy_numbers_are_spelt_as_the_numbers_they_are() -> None:
    """A float subclass (NumPy's float64) is a number, not its repr ``np.float64(0.5)``."""
    import numpy as np

    assert number(np.float64(0.594)) == "0.594"
    assert dumps({"a": np.float64(0.5), "b": [np.float32(0.25).item()]}) == b'{"a":0.5,"b":[0.25]}'
    json.loads(dumps({"x": np.float64(1e-7)}))
