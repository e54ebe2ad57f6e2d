"""The command line in Chinese: --help, sub-command help and usage errors, from the catalogue."""

from __future__ import annotations

import argparse
import re

import pytest

from verifier import cli
from verifier.cli_lang import lang_from, untranslated

# what stays as written in Chinese help: metavars and choices, file names, formats, standards, paths
ALLOWED = re.compile(r"[A-Z][A-Z0-9_=.:/\-]+|[\w.\-]*\.(?:json|html|pdf|jsonl|parquet|sig)\b|\{[\w,]+\}|"
                     r"C2PA|GB|IPTC|JSON|PEM|SHA-256|Ed25519|Dask|GiB|fsspec|'[\w .-]+'|--[\w-]+|"
                     r"\$\w+|~/[\w./]+|\w+_\w+|full|triage|standard|local|dask|scan|members|depth|docs/ARCHIVE\.md")


@pytest.fixture(autouse=True)
def _restore_argparse_gettext():
    before = argparse._  # type: ignore[attr-defined]
    yield
    argparse._ = before  # type: ignore[attr-defined]


def english_left(help_text: str) -> list[str]:
    """English words in the help column (the usage lines and the option names are commands)."""
    out = []
    body = help_text.split("\n\n", 1)[1] if "\n\n" in help_text else ""
    for line in body.splitlines():
        parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        words = parts[1] if len(parts) == 2 else "" if line.strip().startswith(("-", "{")) or \
            re.fullmatch(r"\w[\w-]*", line.strip()) else line
        out += re.findall(r"[A-Za-z][A-Za-z']+", ALLOWED.sub(" ", words))
    return out


def test_every_help_text_has_chinese_words() -> None:
    assert untranslated(cli.build_parser()) == []


def test_help_in_chinese(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # no name cut by the line wrap
    runs = [["scan", "--lang", "zh", "--help"], ["report", "--lang=zh", "--help"]]
    for argv in runs:  # --lang asks for it
        assert cli.main(argv) == 0
        out = capsys.readouterr().out
        assert out.startswith("用法：") and "选项" in out and not english_left(out), (argv, english_left(out))
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")  # … or the environment does
    for argv in (["--help"], ["trust", "--help"], ["trust", "update", "--help"], ["case", "new", "--help"],
                 ["key", "export", "--help"], ["summary", "--help"]):
        assert cli.main(argv) == 0
        out = capsys.readouterr().out
        assert out.startswith("用法：") and not english_left(out), (argv, english_left(out))


def test_usage_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scan", "--lang", "zh", "--workers", "x"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "错误" in err and "无效的" in err, err


def test_own_messages_in_chinese(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", "--lang", "zh", "-o", str(tmp_path / "r.html")]) == cli.EXIT_USAGE
    assert capsys.readouterr().err.strip() == "verifier report：请给出文件或文件夹"
    assert cli.main(["scan", "--lang", "zh"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err.strip() == "verifier scan：请给出文件或文件夹"


def test_english_stays_english(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    cli.main(["scan", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage:") and "switch a detector off" in out


def test_lang_from_argv() -> None:
    assert lang_from(["scan", "--lang", "zh", "x"], "en") == "zh"
    assert lang_from(["scan", "--lang=zh_CN"], "en") == "zh"
    assert lang_from(["scan"], "zh_CN.UTF-8") == "zh"
    assert lang_from(["scan", "--lang", "en"], "zh") == "en"
