"""The words of cases and signed reports: both languages, and problems worded in either."""

from __future__ import annotations

import re
from pathlib import Path

from verifier import case
from verifier.case.words import TEXT, Said, t


def test_every_phrase_has_both_languages_and_the_same_parameters() -> None:
    for key, (en, zh) in TEXT.items():
        if not key.startswith(("case.", "sign.", "cli.")):
            continue  # the rest of the catalogue has its own tests
        assert en and zh, key
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", zh)), key
        assert re.search("[\u4e00-\u9fff]", zh), key


def test_a_problem_reads_as_english_and_words_itself_in_chinese(tmp_path: Path) -> None:
    d = tmp_path / "c"
    case.new_case(d, "t")
    case.append(d, "note", {"text": "x"})
    case.append(d, "note", {"text": "y"})
    lines = (d / case.LOG_NAME).read_bytes().splitlines(keepends=True)
    (d / case.LOG_NAME).write_bytes(lines[0] + lines[2])
    problems = case.verify(d).problems
    assert "entry 3 (line 2): entry 2 missing before it (deleted)" in [str(p) for p in problems]
    zh = [p.text("zh") for p in problems]
    assert "第 3 条记录（第 2 行）：其前的第 2 条记录缺失（已被删除）" in zh
    assert all(not re.search(r"\b(entry|line|missing)\b", z) for z in zh), zh


def test_said_is_a_string_with_its_code() -> None:
    said = Said("sign.wrong_key", key_id="a", path="p.pem", other="b")
    assert said == "signed by key a, not by the key in p.pem (b)" and said.code == "sign.wrong_key"
    assert said.text("zh") == t("sign.wrong_key", "zh", key_id="a", path="p.pem", other="b")
