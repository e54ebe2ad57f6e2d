"""The Chinese reader sees Chinese: every surface, every corpus file, and the awkward cases.

The whole corpus (``corpus_results``, scanned once per session with every check, text recognition
included), an e-mail built here (a labelled PNG and a camera-like JPEG attached: the container,
its members, privacy points, EXIF dates, e-mail facts) and failures (a check that times out, one
that crashes, one that runs out of memory, one whose library raises, a truncated picture and a
file that cannot be read at all) are rendered in Chinese by

- the description layer, every text it gives the window (banner, overview, finding details,
  C2PA, AI labels, watermarks, metadata, file, privacy, indicators, checks);
- the real report view of the window, driven offscreen: every label, tree, table and text box
  collected from the widgets themselves (all files), and the whole main window for a sample;
- the HTML report, through its public entry point (``verifier.report.render.write``);
- the CLI table.

Values taken from a file are marked by :func:`verifier.describe.quote` (under
:func:`verifier.describe.marking`); a library's own message is marked by
:func:`verifier.describe.technical`. Once those spans are taken out, no English word and no raw key
may remain except the names in ``ALLOWED``. A quoted span is not a hiding place either: quoted
English prose must be text the file really holds (its bytes, its metadata fields, its e-mail
headers and body), never the tool's own sentence passed off as a value.
"""

from __future__ import annotations

import email
import re
import zlib
from email import policy
from pathlib import Path
from typing import Any

import pytest

from tests.conformance.chinese import foreign, quoted_prose
from tests.conformance.conftest import corpus_config
from tests.hardening import misbehaving as mb
from tests.verifier.containers import builders as cb
from tests.verifier.labels import builders as lb
from verifier.describe import marking
from verifier.detectors import BUILTIN_DETECTORS
from verifier.detectors.base import Context, Findings
from verifier.evidence import MediaFile, Report
from verifier.pipeline import FileDone, FileFailed, Scanner

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

# corpus files shown in the whole main window (one of each kind of finding)
SAMPLE = ("c2pa/CA.jpg", "c2pa/cloud.jpg", "labels/doubao_black_1x1_1.png",
          "watermarks/synth_sd1_StableDiffusionV1_uint8_512.png", "text/md_minimax_deviation.md", "labels/grok-1.jpg")


# ---------------------------------------------------------------------------- what the file holds


def _inflated(data: bytes) -> list[bytes]:
    out = []
    for m in re.finditer(rb"stream\r?\n", data):  # PDF and similar deflate streams
        try:
            out.append(zlib.decompressobj().decompress(data[m.end():m.end() + 4_000_000]))
        except zlib.error:
            continue
    for m in re.finditer(rb"(?:zTXt|iTXt)", data):  # PNG compressed text
        start = data.find(b"\x78", m.end(), m.end() + 200)
        if start > 0:
            try:
                out.append(zlib.decompressobj().decompress(data[start:start + 4_000_000]))
            except zlib.error:
                continue
    return out


def file_text(path: Path, report: Any) -> str:
    """Everything the file can be said to hold, as text (for telling file prose from tool prose)."""
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    parts = []
    for blob in [data, *_inflated(data)]:
        parts += [blob.decode("latin-1"), blob.decode("utf-8", "replace"), blob.decode("utf-16-le", "replace")]
    if data.startswith((b"From", b"Received", b"MIME", b"Return", b"Date", b"Subject", b"To:", b"Reply")):
        msg = email.message_from_bytes(data, policy=policy.default)
        parts += [str(v) for v in msg.values()]
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                parts.append(part.get_content())
    for e in getattr(report, "evidence", ()):
        fields = e.facts.get("fields") if isinstance(e.facts, dict) else None
        for f in fields if isinstance(fields, list) else ():
            if isinstance(f, dict):
                parts.append(str(f.get("value")))
    return re.sub(r"\s+", " ", "\n".join(parts)).lower()


# ---------------------------------------------------------------------------- awkward cases, scanned


class _Timeout(mb.Sleeper):
    name = "watermark"


class _Crash(mb.Abort):
    name = "c2pa"


class _OutOfMemory(mb.MemoryHog):
    name = "visible_label"


class _LibraryError(mb._Base):
    name = "metadata"

    def run(self, media: MediaFile, ctx: Context) -> Findings:
        raise ValueError("cannot identify image file: broken data stream when reading image file")


def camera_jpeg() -> bytes:
    exif = lb.make_exif(
        ifd0={0x010F: "Canon", 0x0110: "Canon EOS R5", 0x0112: 1, 0x013B: "Jane Doe",
              0x0131: "Adobe Photoshop 25.0", 0x0132: "2024:05:02 09:00:00"},
        exif_ifd={0x9003: "2024:05:01 10:00:00", 0xA431: "123456789", 0xA434: "RF24-70mm F2.8 L IS USM",
                  0x8827: 400},
        gps={1: "N", 2: (52.0, 31.0, 12.5), 3: "E", 4: (13.0, 24.0, 0.0)})
    return lb.make_jpeg(exif=exif)


@pytest.fixture(scope="module")
def awkward_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The built e-mail (and its members), and the failures, each analysed once."""
    folder = tmp_path_factory.mktemp("zh")
    mail = folder / "tip.eml"
    mail.write_bytes(cb.email_message([("screenshot.png", "image/png", cb.labelled_png()),
                                       ("IMG_0001.jpg", "image/jpeg", camera_jpeg())],
                                      subject="Photos from the scene").as_bytes(policy=policy.SMTP))
    truncated = folder / "cut.jpg"
    truncated.write_bytes(camera_jpeg()[:300])
    missing = folder / "gone.png"  # named, then gone before it could be read
    failing = folder / "failing.png"
    failing.write_bytes(cb.labelled_png())
    results: dict[str, object] = {}

    def collect(scanner: Scanner, paths: list[Path]) -> None:
        scanner.submit(paths, recursive=False)
        for ev in scanner.events():
            if isinstance(ev, FileDone):
                results[str(ev.report.media.path)] = ev.report
            elif isinstance(ev, FileFailed):
                results[str(ev.path)] = ev

    with Scanner(corpus_config()) as scanner:
        collect(scanner, [mail, truncated, missing])
    config = corpus_config().with_(memory_limit_mb=1024, timeouts={**corpus_config().timeouts, "watermark": 1.5})
    keep = [d for d in BUILTIN_DETECTORS if d.name not in ("watermark", "c2pa", "visible_label", "metadata")]
    with Scanner(config, [*keep, _Timeout(), _Crash(), _OutOfMemory(), _LibraryError()]) as scanner:
        collect(scanner, [failing])
    return results


# ---------------------------------------------------------------------------- the surfaces


def _entry(report: Any, uid: int = 1) -> Any:
    from ui.entry import FileEntry

    if isinstance(report, FileFailed):
        return FileEntry(uid, report.path, failed=report.message)
    return FileEntry(uid, report.media.path, report.media, tuple(e.detector for e in report.evidence),
                     {e.detector: e for e in report.evidence}, report)


def _nodes(nodes: Any) -> list[str]:
    out: list[str] = []
    for n in nodes:
        out += [n.key, n.value, *_nodes(n.children)]
    return out


def presenter_texts(report: Any) -> list[str]:
    """Every text the window's presenters compute for its panels."""
    from ui import members_view, presenters as P

    entry = _entry(report)
    b = P.banner_view(entry)
    texts = [b.headline, b.strength, b.explanation, *b.notes, *b.also,
             *(x for r in b.unchecked for x in (r.label, r.value)), P.overview_empty(entry), P.progress_text(entry),
             P.chip(entry)[0]]
    if isinstance(report, FileFailed):
        return texts
    for g in P.overview_groups(report.signals):
        texts += [g.title, g.note, *(x for r in g.rows for x in (r.title, r.summary, r.confidence, r.detector))]
        for r in g.rows:
            texts += [x for row in P.finding_rows(r.signal) for x in (row.label, row.value)
                      if row.label != "信号代码"]  # the signal code row shows the id on purpose
    c2pa = P.c2pa_view(entry.evidence_for("c2pa"))
    texts += [c2pa.message, *(x for r in c2pa.summary for x in (r.label, r.value)), *_nodes(c2pa.manifests)]
    texts += _nodes(P.ai_label_sections(report.signals)) + _nodes(P.watermark_sections(report.signals))
    texts += [x for r in P.file_rows(entry) + P.checks_rows(entry) for x in (r.label, r.value, r.note)]
    texts += [x for r in P.metadata_rows(entry.evidence_for("metadata")) for x in r[:1]]  # group; fields quoted
    texts += [x for r in P.privacy_rows(members_view.privacy_evidence(entry)) for x in r]
    return texts


def widget_texts(root: Any) -> list[str]:
    """Every text a person can read in a widget tree (labels, buttons, tabs, trees, tables, boxes)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QGroupBox, QLabel, QLineEdit,
                                   QPlainTextEdit, QTabWidget, QTextEdit, QWidget)

    texts: list[str] = []

    def model_texts(model: Any, parent: Any) -> None:
        for r in range(model.rowCount(parent)):
            for c in range(model.columnCount(parent)):
                i = model.index(r, c, parent)
                texts.append(str(model.data(i) or ""))
                texts.append(re.sub(r"<[^>]+>", " ", str(model.data(i, 3) or "")))  # tooltip (rich text)
            model_texts(model, model.index(r, 0, parent))

    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue  # a hidden panel may keep the previous file's words
        texts.append(re.sub(r"<[^>]+>", " ", w.toolTip()))  # tooltips are rich text
        if isinstance(w, QLabel):
            texts.append(re.sub(r"<style.*?</style>|<[^>]+>", " ", w.text(), flags=re.S)
                         if w.textFormat() != Qt.TextFormat.PlainText and "<" in w.text() else w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QPlainTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount(QModelIndex()))]
            model_texts(model, QModelIndex())
    return texts


def report_texts(tmp: Path, dicts: list[dict], tool: dict) -> list[str]:
    from html.parser import HTMLParser

    from verifier.report import render

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.skip += tag in ("style", "script")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("style", "script")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    out = tmp / "report.html"
    render.write(out, tool, dicts, lang="zh")
    page = Text()
    page.feed(out.read_text("utf-8"))
    return page.parts


def contract_dict(result: Any) -> dict:
    from verifier.report.json_report import failed_dict, file_dict

    if isinstance(result, FileFailed):
        return failed_dict(str(result.path), result.message, lang="zh", parent=result.parent)
    return file_dict(result, lang="zh")


def main_window_texts(reports: list[Report], qtbot: Any) -> dict[str, list[str]]:
    """The whole main window in Chinese (queue, menus, status bar, report view) for a sample of
    reports, each selected in the queue in turn and every tab opened."""
    from PySide6.QtWidgets import QMenu

    from ui.app import App
    from ui.settings import Settings
    from verifier.config import Config

    app = App(Settings(language="zh_CN", ocr=False), base_config=Config(isolation="inline", workers=1),
              persist=False)
    qtbot.addWidget(app.window)
    out: dict[str, list[str]] = {}
    try:
        uids = {app.controller.add_report(r): r for r in reports}
        menus = [a.text() for m in app.window.menuBar().findChildren(QMenu) for a in m.actions()]
        for uid, report in uids.items():
            app.window.queue.select(uid)
            texts = [*menus, app.window.statusBar().currentMessage(), app.window.windowTitle()]
            tabs = app.window.report.tabs
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                texts += widget_texts(app.window)
            out[str(report.media.path)] = texts
    finally:
        app.shutdown()
    return out


# ---------------------------------------------------------------------------- the test


def test_every_chinese_surface_shows_no_english_and_no_raw_key(corpus_results: dict, awkward_results: dict,
                                                                qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    from ui import i18n
    from ui.widgets.report_view import ReportView
    from verifier.describe import describe
    from verifier.table import row

    results = {**{str(Path("corpus") / k): v for k, v in corpus_results.items()}, **awkward_results}
    members = [v for v in awkward_results.values() if isinstance(v, Report) and v.parent]
    assert len(members) == 2, sorted(awkward_results)  # the e-mail's two attachments
    assert any(isinstance(v, FileFailed) for v in awkward_results.values())
    mail = next(v for k, v in awkward_results.items() if k.endswith("tip.eml"))
    photo = next(v for k, v in awkward_results.items() if k.endswith("IMG_0001.jpg"))
    fields = {f["key"]: f["value"] for e in photo.evidence if e.detector == "metadata" for f in e.facts["fields"]}
    assert fields["GPSLatitude"] == "[52, 31, 12.5]", fields  # whole rationals read as integers, not 52.0
    failing = next(v for k, v in awkward_results.items() if k.endswith("failing.png"))
    reasons = {e.detector: e.reason for e in failing.evidence}
    assert reasons["watermark"] == "timeout" and reasons["c2pa"] == "crashed", reasons
    assert reasons["visible_label"] == "out_of_memory" and reasons["metadata"] == "failed", reasons

    tool = {"name": "verifier", "version": "test", "c2pa_sdk": "c2pa", "trust_lists": []}
    problems: dict[str, set[str]] = {}
    prose: dict[str, set[str]] = {}
    assert i18n.install("zh_CN")
    try:
        view = ReportView()  # built in Chinese, as the window builds it after a language change
        view.resize(1100, 800)
        qtbot.addWidget(view)
        with marking():
            dicts = [contract_dict(r) for _, r in sorted(results.items())]
            for (name, result), d in zip(sorted(results.items()), dicts, strict=True):
                words = describe(d, "zh")
                described = [words.headline, words.full_explanation, words.strength, words.strength_line,
                             *words.also, *(x for r in words.unchecked for x in r),
                             *(x for r in words.checks for x in r),
                             *(x for s in words.signals for x in (s.title, s.summary, s.detector, s.confidence,
                                                                  s.claim, s.basis))]
                view.set_entry(_entry(result))
                shown: list[str] = []
                for i in range(view.tabs.count()):  # each tab in turn, as a reader would open it
                    view.tabs.setCurrentIndex(i)
                    shown += widget_texts(view)
                surfaces = {"describe": described, "json": [d["verdict"]["headline"], d["verdict"]["explanation"],
                                                            *(s["summary"] for s in d.get("signals", ()))],
                            "cli": [row(d, "zh").split("]  ", 1)[-1]], "presenters": presenter_texts(result),
                            "window": shown}
                held = ""
                for surface, texts in surfaces.items():
                    for text in texts:
                        for word in foreign(text or ""):
                            problems.setdefault(f"{surface}: {word}", set()).add(Path(name).name)
                        for sentence in quoted_prose(text or ""):
                            if not held:
                                source = Path(str(getattr(getattr(result, "media", None), "path", name)))
                                parent = getattr(result, "parent", "")
                                held = file_text(Path(parent.split("#")[0]) if parent else source, result)
                            if re.sub(r"\s+", " ", sentence).lower() not in held:
                                prose.setdefault(f"{surface}: {sentence[:90]}", set()).add(Path(name).name)
            for text in report_texts(tmp_path, dicts, tool):
                for word in foreign(text):
                    problems.setdefault(f"report: {word}", set()).add("(report)")
            from ui import presenters

            # the e-mail's own Overview lists nothing of its own: it says which attachment carries the verdict
            assert "attachment/1/screenshot.png" in presenters.overview_empty(_entry(mail)), \
                presenters.overview_empty(_entry(mail))
            sample = [mail, *members, failing, *(corpus_results[k] for k in SAMPLE)]
            for name, texts in main_window_texts(sample, qtbot).items():
                for text in texts:
                    for word in foreign(text or ""):
                        problems.setdefault(f"main window: {word}", set()).add(Path(name).name)
        view.set_entry(None)
    finally:
        i18n.install("en")
    assert len(results) > 55
    found = {k: sorted(v)[:3] for k, v in sorted(problems.items())}
    said = {k: sorted(v)[:3] for k, v in sorted(prose.items())}
    assert not found and not said, ("English or raw keys in the Chinese surfaces:\n" +
                                    "\n".join(f"{k}  (e.g. {v})" for k, v in found.items()) +
                                    "\nThe tool's own English passed off as a quoted value:\n" +
                                    "\n".join(f"{k}  (e.g. {v})" for k, v in said.items()))
