"""The container's verdict: the first code of the verdict table that it or any member reaches,
and the words the description layer adds (the member that carries it, the limits hit)."""

from __future__ import annotations

from pathlib import Path

from verifier.containers.verdict import ORDER, combine
from verifier.describe import describe
from verifier.evidence import Basis, MediaFile, Report, Verdict, VerdictCode as C


def _report(path: str, code: C, strength: Basis = Basis.NONE, member: str = "", members=(), limits=()) -> Report:
    media = MediaFile(Path(path), "", 0, "image/png")
    return Report(media, (), Verdict(code, strength, member=member), "", members=tuple(members),
                  limits=tuple(limits))


OWN = Verdict(C.NO_SIGNALS, Basis.NONE)


def test_order_is_the_fusion_table():
    assert ORDER[:3] == (C.AI_GENERATED, C.AI_MODIFIED, C.AI_POSSIBLE)
    assert ORDER.index(C.INCOMPLETE) < ORDER.index(C.NO_SIGNALS)


def test_first_code_wins_and_the_first_member_reaching_it_is_named():
    members = [("m#a", _report("m#a", C.AI_POSSIBLE)), ("m#b", _report("m#b", C.AI_GENERATED, Basis.WATERMARK)),
               ("m#c", _report("m#c", C.AI_GENERATED, Basis.SIGNED))]
    v = combine(OWN, members, ())
    assert (v.code, v.strength, v.member) == (C.AI_GENERATED, Basis.WATERMARK, "m#b")
    words = describe(_report("m", v.code, v.strength, member=v.member, members=("m#a", "m#b", "m#c")), "en")
    assert words.notes[0] == "This comes from b, inside this file."
    assert "This comes from b, inside this file." in words.full_explanation


def test_own_content_wins_a_tie():
    own = Verdict(C.AI_GENERATED, Basis.METADATA)
    assert combine(own, [("m#a", _report("m#a", C.AI_GENERATED))], ()).member == ""


def test_a_failed_member_makes_nothing_found_incomplete():
    v = combine(OWN, [("m#a", "cannot open"), ("m#b", _report("m#b", C.NO_SIGNALS))], ())
    assert v.code is C.INCOMPLETE and v.member == "m#a"
    words = describe(_report("m", v.code, member=v.member, members=("m#a", "m#b")), "zh")
    assert words.notes[0] == "此结论来自本文件内含的 a。"


def test_limits_are_said_and_nothing_found_becomes_incomplete():
    hit = ({"limit": "members", "value": 200},)
    v = combine(OWN, [("m#a", _report("m#a", C.NO_SIGNALS))], hit)
    assert v.code is C.INCOMPLETE
    words = describe(_report("m", v.code, members=("m#a",), limits=hit), "en")
    assert "more than 200 files inside" in words.full_explanation
    v = combine(OWN, [("m#a", _report("m#a", C.AI_MODIFIED))], ({"limit": "depth", "value": 5},))
    assert v.code is C.AI_MODIFIED


def test_nothing_found_inside_is_said():
    v = combine(OWN, [("m#a", _report("m#a", C.NO_SIGNALS)), ("m#b", None)], ())
    assert v.code is C.NO_SIGNALS
    words = describe(_report("m", v.code, members=("m#a", "m#b")), "en")
    assert "The 2 file(s) inside it were analysed too; none carries a signal." in words.notes


def test_a_deeper_carrier_is_named_once_from_the_top():
    inner = combine(OWN, [("a.zip#m.eml#attachment/1/x.png", _report("x", C.AI_GENERATED))], ())
    mail = Report(MediaFile(Path("a.zip#m.eml"), "", 0, "message/rfc822"), (), inner, "")
    top = combine(OWN, [("a.zip#m.eml", mail)], ())
    assert top.member == "a.zip#m.eml#attachment/1/x.png"
    words = describe(_report("a.zip", top.code, member=top.member, members=("a.zip#m.eml",)), "en")
    assert words.notes[0] == "This comes from m.eml#attachment/1/x.png, inside this file."
