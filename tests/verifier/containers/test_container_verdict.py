"""The container's verdict: the first code of the verdict table that it or any member reaches."""

from __future__ import annotations

from pathlib import Path

from verifier.containers.verdict import ORDER, combine
from verifier.evidence import Basis, MediaFile, Report, Verdict, VerdictCode as C


def _report(path: str, code: C, strength: Basis = Basis.NONE, member: str = "", explanation: str = "x.") -> Report:
    media = MediaFile(Path(path), "", 0, "image/png")
    return Report(media, (), Verdict(code, strength, explanation=explanation, member=member), "")


OWN = Verdict(C.NO_SIGNALS, Basis.NONE, headline="h", explanation="Nothing.")


def test_order_is_the_fusion_table():
    assert ORDER[:3] == (C.AI_GENERATED, C.AI_MODIFIED, C.AI_POSSIBLE)
    assert ORDER.index(C.INCOMPLETE) < ORDER.index(C.NO_SIGNALS)


def test_first_code_wins_and_the_first_member_reaching_it_is_named():
    members = [("m#a", _report("m#a", C.AI_POSSIBLE)), ("m#b", _report("m#b", C.AI_GENERATED, Basis.WATERMARK)),
               ("m#c", _report("m#c", C.AI_GENERATED, Basis.SIGNED))]
    v = combine("m", OWN, members, (), "en")
    assert (v.code, v.strength, v.member) == (C.AI_GENERATED, Basis.WATERMARK, "m#b")
    assert v.explanation.startswith("This comes from b, inside this file.")


def test_own_content_wins_a_tie():
    own = Verdict(C.AI_GENERATED, Basis.METADATA, explanation="Own.")
    v = combine("m", own, [("m#a", _report("m#a", C.AI_GENERATED))], (), "en")
    assert v.member == "" and v.explanation == "Own."


def test_a_failed_member_makes_nothing_found_incomplete():
    v = combine("m", OWN, [("m#a", "cannot open"), ("m#b", _report("m#b", C.NO_SIGNALS))], (), "zh")
    assert v.code is C.INCOMPLETE and v.member == "m#a"
    assert v.explanation.startswith("此结论来自本文件内含的 a")


def test_limits_are_said_and_nothing_found_becomes_incomplete():
    v = combine("m", OWN, [("m#a", _report("m#a", C.NO_SIGNALS))], ({"limit": "members", "value": 200},), "en")
    assert v.code is C.INCOMPLETE
    assert "more than 200 files inside" in v.explanation
    v = combine("m", OWN, [("m#a", _report("m#a", C.AI_MODIFIED))], ({"limit": "depth", "value": 5},), "en")
    assert v.code is C.AI_MODIFIED and "nested more than 5 levels" in v.explanation


def test_nothing_found_inside_is_said():
    v = combine("m", OWN, [("m#a", _report("m#a", C.NO_SIGNALS)), ("m#b", None)], (), "en")
    assert v.code is C.NO_SIGNALS and "1 file(s) inside it were analysed too" in v.explanation


def test_a_deeper_carrier_is_named_once_from_the_top():
    inner = combine("a.zip#m.eml", OWN, [("a.zip#m.eml#attachment/1/x.png", _report("x", C.AI_GENERATED))], (), "en")
    mail = Report(MediaFile(Path("a.zip#m.eml"), "", 0, "message/rfc822"), (), inner, "")
    top = combine("a.zip", OWN, [("a.zip#m.eml", mail)], (), "en")
    assert top.member == "a.zip#m.eml#attachment/1/x.png"
    assert top.explanation == "This comes from m.eml#attachment/1/x.png, inside this file. x."
