"""One voice: the whole corpus in Chinese through every surface, with no raw key and no English.

Every result of the corpus is rendered in Chinese by the CLI table, the JSON document (headline,
explanation, signal summaries), the HTML report and the window's presenters (banner, overview,
finding details, C2PA, AI labels, watermarks, file and checks panels). Values that came from the
file (names, metadata, prompts, signers) or a detector's technical message are marked as quoted
by the description layer (:func:`verifier.describe.marking`) and removed before the check; what
is left is the tool's own words, which must be Chinese: no snake_case key, no English word
except the names below (standards, formats, units, and GB 45438's own field names).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from verifier.describe import has, marking
from verifier.describe.text import CLOSE, OPEN, TECH_CLOSE, TECH_OPEN
from verifier.pipeline import FileFailed

pytest.importorskip("PySide6")

# Names a Chinese reader sees as they are: standards, formats, units, acronyms, and the standard's
# own field names (shown beside their Chinese words).
ALLOWED = {
    "AI", "C2PA", "GB", "IPTC", "SHA-256", "UTC", "MB", "KB", "GB", "TB", "B", "USCC", "CAWG", "JPEG", "PNG", "XMP", "GPS", "Gemini",
    "EXIF", "PDF", "HTML", "z", "s", "ms", "SDK",
    "Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2",
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
QUOTED = re.compile(f"[{OPEN}{TECH_OPEN}].*?[{CLOSE}{TECH_CLOSE}]", re.S)  # file values, library messages


def foreign(text: str) -> list[str]:
    """The English words and raw keys left once the quoted values are taken out."""
    bare = QUOTED.sub(" ", text)
    assert not set(bare) & {OPEN, CLOSE, TECH_OPEN, TECH_CLOSE}, f"unbalanced quote marks in {text!r}"
    return [w for w in WORD.findall(bare) if w not in ALLOWED and not re.fullmatch(r"[A-Za-z]\d*", w)]


class _Text(HTMLParser):
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


def _nodes(nodes) -> list[str]:
    out = []
    for n in nodes:
        out += [n.key, n.value, *_nodes(n.children)]
    return out


def window_texts(report) -> list[str]:
    from ui import presenters
    from ui.entry import FileEntry

    entry = FileEntry(1, report.media.path, report.media, tuple(e.detector for e in report.evidence),
                      {e.detector: e for e in report.evidence}, report)
    b = presenters.banner_view(entry)
    texts = [b.headline, b.strength, b.explanation, *b.notes, *b.also, *(x for r in b.unchecked for x in (r.label,
                                                                                                          r.value))]
    for g in presenters.overview_groups(report.signals):
        texts += [g.title, g.note, *(x for r in g.rows for x in (r.title, r.summary, r.confidence, r.detector))]
        for r in g.rows:
            texts += [x for row in presenters.finding_rows(r.signal) for x in (row.label, row.value)
                      if row.label not in ("信号代码",)]  # the signal code row shows the id on purpose
    texts.append(presenters.overview_empty(entry))
    c2pa = presenters.c2pa_view(entry.evidence_for("c2pa"))
    texts += [c2pa.message, *(x for r in c2pa.summary for x in (r.label, r.value)), *_nodes(c2pa.manifests)]
    texts += _nodes(presenters.ai_label_sections(report.signals)) + _nodes(presenters.watermark_sections(report.signals))
    texts += [x for r in presenters.file_rows(entry) + presenters.checks_rows(entry) for x in (r.label, r.value, r.note)]
    return texts


def surfaces(report, tool: dict) -> dict[str, list[str]]:
    from verifier.table import row
    from verifier.report import html_report, outline
    from verifier.report.json_report import file_dict

    d = file_dict(report, lang="zh")
    words = row(d, "zh").split("]  ", 1)[1]  # the codes and signal ids before it are for scripts
    page = _Text()
    page.feed(html_report.render(outline.build(tool, [d], "zh")))
    return {
        "json": [d["verdict"]["headline"], d["verdict"]["explanation"], *(s["summary"] for s in d["signals"])],
        "cli": [words],
        "html": page.parts,
        "window": window_texts(report),
    }


def test_the_corpus_speaks_chinese_everywhere(corpus_results: dict, qapp) -> None:
    from ui import i18n

    tool = {"name": "verifier", "version": "test", "c2pa_sdk": "c2pa", "trust_lists": []}
    problems: dict[str, set[str]] = {}
    assert i18n.install("zh_CN")
    try:
        with marking():
            for rel, result in sorted(corpus_results.items()):
                if isinstance(result, FileFailed):
                    continue
                for surface, texts in surfaces(result, tool).items():
                    for text in texts:
                        for word in foreign(text or ""):
                            problems.setdefault(f"{surface}: {word}", set()).add(Path(rel).name)
    finally:
        i18n.install("en")
    assert len(corpus_results) > 50
    report = {k: sorted(v)[:3] for k, v in sorted(problems.items())}
    assert not report, "English or raw keys in the Chinese surfaces:\n" + "\n".join(f"{k}  (e.g. {v})"
                                                                                    for k, v in report.items())


def test_every_detail_key_in_the_corpus_has_a_label(corpus_results: dict) -> None:
    """The keys detectors write (signal details, decoded provider codes, camera facts) all have
    words: an unknown key would otherwise reach the reader quoted as it is."""
    missing: dict[str, str] = {}
    for rel, result in corpus_results.items():
        if isinstance(result, FileFailed):
            continue
        for s in result.signals:
            for key, value in s.details.items():
                if not has(f"detail.{key}"):
                    missing.setdefault(f"{s.id}: {key}", rel)
                if key in ("producer", "propagator") and isinstance(value, dict):
                    missing.update({f"{s.id}: {key}.{k}": rel for k in value if not has(f"detail.{k}")})
        for e in result.evidence:  # the facts each check records, two levels deep
            for key, value in e.facts.items() if isinstance(e.facts, dict) else ():
                if not has(f"detail.{key}"):
                    missing.setdefault(f"facts {e.detector}: {key}", rel)
                inner = value[0] if isinstance(value, list) and value else value
                for k in inner if isinstance(inner, dict) else ():
                    if not has(f"detail.{k}"):
                        missing.setdefault(f"facts {e.detector}: {key}.{k}", rel)
        meta = next((e for e in result.evidence if e.detector == "metadata"), None)
        camera = meta.facts.get("camera") if meta is not None else None
        for key in camera if isinstance(camera, dict) else ():
            if not has(f"detail.{key}"):
                missing.setdefault(f"camera: {key}", rel)
    assert not missing, missing
