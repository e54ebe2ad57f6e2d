"""A detector registered with no other edit shows up in the CLI table, the JSON, the HTML report,
the settings and the docs table, with its signal's details labelled from its own declaration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.throwaway import INK_MARK, SPEC, register
from verifier import cli
from verifier.config import Config, default_timeouts, profiles
from verifier.detectors import kinds, spec_of
from verifier.detectors.docs_table import markdown


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    register(monkeypatch)


@pytest.fixture
def note(tmp_path: Path) -> Path:
    p = tmp_path / "note.txt"
    p.write_text("a plain note with nothing to declare\n", "utf-8")
    return p


def test_its_spec_feeds_settings_profiles_and_docs(registered: None) -> None:
    assert spec_of("throwaway_ink") is SPEC and kinds()["throwaway.ink_mark"] is INK_MARK
    assert default_timeouts()["throwaway_ink"] == 7.0 and Config().timeout_for("throwaway_ink") == 7.0
    assert "throwaway_ink" in (profiles()["triage"].detectors or ())  # no pixel work: part of triage
    assert "`throwaway_ink` | Throwaway ink check / 临时墨迹检查 | 7 s | ai_labels" in markdown()
    assert "`ink_colour` | Colour of the ink mark / 墨迹标记的颜色" in markdown()


def test_it_appears_in_the_cli_table_and_the_json(registered: None, note: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scan", "--inline", "--lang", "en", str(note)]) == 0
    assert "throwaway.ink_mark" in capsys.readouterr().out
    assert cli.main(["scan", "--inline", "--json", str(note)]) == 0
    (f,) = json.loads(capsys.readouterr().out)["files"]
    (det,) = [d for d in f["detectors"] if d["name"] == "throwaway_ink"]
    assert det["status"] == "ok"
    (sig,) = [s for s in f["signals"] if s["id"] == "throwaway.ink_mark"]
    assert sig["details"] == {"ink_colour": "cerulean", "stroke_count": 7, "probe_bytes": 64}
    assert cli.main(["detectors", "--lang", "zh"]) == 0
    assert "throwaway_ink：临时墨迹检查" in capsys.readouterr().out


def test_it_can_be_switched_off_by_name(registered: None, note: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scan", "--inline", "--json", "--disable", "throwaway_ink", str(note)]) == 0
    (f,) = json.loads(capsys.readouterr().out)["files"]
    assert not [s for s in f["signals"] if s["id"] == "throwaway.ink_mark"]


@pytest.mark.parametrize(("lang", "title", "label"), [("en", "Ink mark of the throwaway check", "Colour of the ink mark"),
                                                      ("zh", "临时检查的墨迹标记", "墨迹标记的颜色")])
def test_it_appears_in_the_html_report(registered: None, note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       lang: str, title: str, label: str) -> None:
    out = tmp_path / f"report-{lang}.html"
    assert cli.main(["report", "--inline", "--lang", lang, "-o", str(out), str(note)]) == 0
    html = out.read_text("utf-8")
    assert title in html and label in html and "cerulean" in html
