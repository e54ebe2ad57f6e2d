"""Trust-list status: origin, certificates, age; stale warnings against an injected clock."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from verifier.about import tool_info
from verifier.config import Config
from verifier.report import outline
from verifier.trust import status as st
from verifier.trust import wording
from verifier.trust.sources import bundled_dir

from .certs import pem_certificate


def by_name(states):
    return {s.name: s for s in states}


def test_bundled_lists_are_current_before_their_next_update():
    states = by_name(st.list_status(Config().trust_dirs, today=date(2026, 12, 7)))
    official = states["c2pa-official"]
    assert (official.where, official.origin, official.kind) == ("bundled", "c2pa-org/conformance-public", "anchors")
    assert official.certificates == 30 and official.age_days == (date(2026, 12, 7) - date(2026, 8, 13)).days
    assert str(official.next_update) == "2027-08-05" and not official.stale and official.warnings == ()
    assert states["c2pa-tsa"].kind == "tsa" and states["c2pa-tsa"].certificates == 22
    interim = states["interim"]
    assert (interim.certificates, interim.allowed) == (18, 86)
    assert interim.warnings == (st.FROZEN,) and not interim.stale  # frozen, not "out of date"


def test_older_than_six_months_warns_before_the_next_update_date():
    states = by_name(st.list_status(Config().trust_dirs, today=date(2027, 3, 1)))
    assert states["c2pa-official"].warnings == (st.OLDER_THAN_6_MONTHS,)
    assert states["c2pa-official"].stale
    text = wording.warnings(states["c2pa-official"].to_json(), "en")
    assert len(text) == 1 and "more than 6 months" in text[0]


def test_past_next_update_is_one_clear_warning_in_both_languages():
    s = by_name(st.list_status(Config().trust_dirs, today=date(2027, 8, 6)))["c2pa-tsa"]
    assert st.PAST_NEXT_UPDATE in s.warnings and s.stale
    en, zh = wording.warnings(s.to_json(), "en"), wording.warnings(s.to_json(), "zh")
    assert len(en) == 1 and en[0].startswith("OUT OF DATE") and "2027-08-05" in en[0]
    assert len(zh) == 1 and zh[0].startswith("已过期")


def test_a_list_of_unknown_origin_is_dated_by_its_file(tmp_path):
    d = tmp_path / "mine"
    d.mkdir()
    (d / "newsroom.pem").write_bytes(pem_certificate())
    s = by_name(st.list_status((d,), today=date(2026, 12, 7)))["newsroom"]
    assert (s.where, s.origin, s.dated_by, s.certificates) == ("other", None, "file", 1)
    assert st.UNDATED in s.warnings


def test_a_copy_of_a_bundled_list_elsewhere_is_recognised_by_digest(tmp_path):
    d = tmp_path / "copy"
    d.mkdir()
    bundled = bundled_dir()
    assert bundled is not None
    (d / "C2PA-TRUST-LIST.pem").write_bytes((bundled / "C2PA-TRUST-LIST.pem").read_bytes())
    s = by_name(st.list_status((d,), today=date(2026, 12, 7)))["c2pa-official"]
    assert (s.where, s.origin, s.dated_by) == ("other", "c2pa-org/conformance-public", "sources")
    # one changed byte: no longer the recorded list, so no provenance is claimed
    data = bytearray((bundled / "C2PA-TRUST-LIST.pem").read_bytes())
    data[:7] = b"Subjekt"
    (d / "C2PA-TRUST-LIST.pem").write_bytes(bytes(data))
    s = by_name(st.list_status((d,), today=date(2026, 12, 7)))["c2pa-official"]
    assert (s.origin, s.dated_by) == (None, "file")


def test_a_list_with_no_readable_certificate_says_so(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "broken.pem").write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    s = by_name(st.list_status((d,)))["broken"]
    assert s.certificates == 0 and st.UNREADABLE in s.warnings


def test_tool_info_carries_structured_trust_status_next_to_trust_lists():
    tool = tool_info(Config())
    assert [s["label"] for s in tool["trust_status"]] and set(tool["trust_lists"]) == {
        s["label"] for s in tool["trust_status"]}
    json.dumps(tool)  # plain JSON
    assert {"origin", "as_of", "age_days", "next_update", "certificates", "stale", "warnings", "where"} <= set(
        tool["trust_status"][0])


def _paras(tool, lang="en"):
    return [b for b in outline.build(tool, [], lang).blocks if isinstance(b, outline.Para)]


def test_report_shows_one_line_per_list_and_warns_when_stale():
    states = [s.to_json() for s in st.list_status(Config().trust_dirs, today=date(2027, 9, 1))]
    tool = {"name": "verifier", "version": "0", "trust_lists": [s["label"] for s in states], "trust_status": states}
    lines = [p for p in _paras(tool) if "@" in p.text and "certificates" in p.text]
    assert len(lines) == len(states)
    official = next(p for p in lines if p.text.startswith("c2pa-official@"))
    assert official.kind == "warning" and "OUT OF DATE" in official.text
    interim = next(p for p in lines if p.text.startswith("interim@"))
    assert interim.kind == "note" and "frozen since 2026-01-01" in interim.text
    zh = [p for p in _paras(tool, "zh") if p.text.startswith("c2pa-official@")]
    assert zh and "已过期" in zh[0].text


def test_report_status_line_text_is_cleaned(tmp_path):
    evil = {"name": "x", "label": "x@1\u202e\u0007", "where": "user", "certificates": 1, "warnings": []}
    (line,) = [p for p in _paras({"trust_status": [evil]}) if p.text.startswith("x@1")]
    assert "\u202e" not in line.text and "\u0007" not in line.text


def test_cli_status_exit_code_and_json(capsys):
    from verifier.cli import main

    assert main(["trust", "status"]) == 0
    out = capsys.readouterr().out
    assert "c2pa-official@" in out and "bundled" in out and "30 certificates" in out
    assert main(["trust", "status", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {d["name"] for d in doc} >= {"c2pa-official", "c2pa-tsa", "interim"}


def test_cli_status_of_an_empty_directory_says_nothing_is_trusted(tmp_path, capsys):
    from verifier.cli import main

    assert main(["trust", "status", "--trust", str(tmp_path)]) == 1
    assert "No trust list is in force" in capsys.readouterr().out


def test_status_path_is_absolute(tmp_path):
    s = st.list_status(Config().trust_dirs)[0]
    assert Path(s.path).is_absolute()
