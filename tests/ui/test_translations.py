"""Translations: the .ts files are complete, compile with lrelease, and the window speaks Chinese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui import i18n, i18n_check

ROOT = Path(__file__).resolve().parents[2]


def lrelease() -> str:
    found = i18n_check.tool("pyside6-lrelease") or shutil.which("pyside6-lrelease")
    for candidate in (found, "/tmp/venv0/bin/pyside6-lrelease", str(Path(sys.executable).parent / "pyside6-lrelease")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.skip("pyside6-lrelease not found")


def test_every_ui_string_is_in_the_ts_files_and_chinese_is_finished():
    assert i18n_check.check() == []


def test_check_catches_bad_calls(tmp_path):
    (tmp_path / "bad.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "x = 3\n"
        "a = QCoreApplication.translate('Ctx', f'value {x}')\n"
        "b = self.tr('no context')\n"
        "tr = QCoreApplication.translate\n"
        "c = tr('Ctx', 'aliased')\n"
        "d = QCoreApplication.translate('Ctx', 'Not in any ts')\n", "utf-8")
    problems = i18n_check.check(ui_dir=tmp_path)
    joined = "\n".join(problems)
    assert "bad.py:3: translate() needs two string literals" in joined
    assert "bad.py:4: use QCoreApplication.translate with a context" in joined
    assert "bad.py:6: call QCoreApplication.translate(...) itself" in joined
    assert "no entry for [Ctx] 'Not in any ts'" in joined


def test_lrelease_compiles_both_files(tmp_path):
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = tmp_path / (ts.stem + ".qm")
        out = subprocess.run([lrelease(), ts, "-qm", qm], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert qm.stat().st_size > 1000
        if ts.stem.endswith("zh_CN"):
            assert "0 unfinished" in out.stdout or "unfinished" not in out.stdout, out.stdout
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    assert t.load(str(tmp_path / "verifier_zh_CN.qm"))
    assert t.translate("VerdictBanner", "Analysing…") == "正在分析…"


def test_the_app_speaks_chinese_without_compiled_files(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "nothing-here")
    try:
        assert i18n.install("zh_CN")
        assert QCoreApplication.translate("QueueList", "No signals") == "无信号"
        assert i18n.install("en")
        assert QCoreApplication.translate("QueueList", "No signals") == "No signals"
    finally:
        i18n.install("en")


def test_the_app_still_runs_with_no_translations_at_all(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "a")
    monkeypatch.setattr(i18n, "TS_DIR", tmp_path / "b")
    try:
        assert not i18n.install("zh_CN")
        assert QCoreApplication.translate("QueueList", "No signals") == "No signals"
    finally:
        i18n.install("en")


def test_chinese_window(make_app, qtbot):
    from tests.ui import reports

    app = make_app("zh_CN")
    uid = app.controller.add_report(reports.malformed())
    app.window.queue.select(uid)
    banner = app.window.report.banner
    assert banner.headline.text() == "无法完整分析"
    # reasons worded from their codes; a detector's own message only as a quoted technical detail
    assert "• 元数据标识：无法完成此项检查（技术细节：PNG chunk length runs past the end of the file）" in banner.unchecked.text()
    assert "• 内容凭证（C2PA）：未能在 30 秒内完成，已被停止" in banner.unchecked.text()
    assert "• 隐式水印：已取消" in banner.unchecked.text()
    assert app.window.report.tabs.tabText(1) == "内容凭证"
    assert app.window.menuBar().actions()[0].text() == "文件(&F)"


def test_a_stale_compiled_file_gives_way_to_its_source(qapp, monkeypatch, tmp_path):
    import os

    from PySide6.QtCore import QCoreApplication

    qm_dir = tmp_path / "qm"
    qm_dir.mkdir()
    subprocess.run([lrelease(), ROOT / "resources" / "translations" / "verifier_zh_CN.ts", "-qm",
                    qm_dir / "verifier_zh_CN.qm"], check=True, capture_output=True, timeout=60)
    ts_dir = tmp_path / "ts"
    ts_dir.mkdir()
    source = (ROOT / "resources" / "translations" / "verifier_zh_CN.ts").read_text("utf-8")
    (ts_dir / "verifier_zh_CN.ts").write_text(source.replace("<translation>无信号</translation>",
                                                             "<translation>没有信号（新）</translation>"), "utf-8")
    old = (qm_dir / "verifier_zh_CN.qm").stat().st_mtime - 100
    os.utime(qm_dir / "verifier_zh_CN.qm", (old, old))
    monkeypatch.setattr(i18n, "QM_DIR", qm_dir)
    monkeypatch.setattr(i18n, "TS_DIR", ts_dir)
    try:
        assert i18n.install("zh_CN")
        assert QCoreApplication.translate("QueueList", "No signals") == "没有信号（新）"
    finally:
        i18n.install("en")


def test_check_catches_an_unfinished_chinese_entry(tmp_path):
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        text = ts.read_text("utf-8")
        if ts.stem.endswith("zh_CN"):
            text = text.replace("<translation>无信号</translation>", '<translation type="unfinished"></translation>')
        (tmp_path / ts.name).write_text(text, "utf-8")
    assert i18n_check.check(ts_dir=tmp_path) == ["verifier_zh_CN.ts: unfinished [QueueList] 'No signals'"]
