"""Hostile input: every case finishes quickly, with a clear message, and nothing escapes.

The cases are generated in a temporary folder (see :mod:`tests.hardening.hostile`) plus
truncated and mis-named copies of corpus files. They all go through the real pipeline with every
built-in detector (so detectors merged later are covered without editing this file) and one
extra detector that decodes with Pillow, as the metadata/watermark detectors do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT
from tests.hardening import hostile as h
from tests.hardening import misbehaving as mb
from verifier import cli
from verifier.config import ON_REQUEST, Config
from verifier.detectors import BUILTIN_DETECTORS
from verifier.evidence import Report, Status
from verifier.inputs import identify
from verifier.pipeline import FileDone, FileFailed, FileStarted, Scanner
from verifier.report.json_report import dumps, file_dict

LIMIT_S = 5.0
DETECTORS = (*BUILTIN_DETECTORS, mb.PillowOpen())

GENERATED: dict[str, Callable[[], bytes]] = {
    "bomb.png": h.png_bomb,
    "bomb.jpg": h.jpeg_bomb,
    "huge_chunk.png": h.png_huge_chunk,
    "truncated_app1.jpg": h.jpeg_truncated_segment,
    "deep_boxes.mp4": h.isobmff_deep,
    "huge_boxes.mp4": h.isobmff_huge_sizes,
    "deep_list.wav": h.riff_deep,
    "huge_chunks.wav": h.riff_huge_sizes,
    "zip_bomb.docx": h.docx_zip_bomb,
    "huge_directory.docx": h.zip_huge_directory,
    "hostile_text.png": h.png_hostile_text,
    "hostile_text.jpg": h.jpeg_hostile_text,
    "hostile_text.webp": h.webp_hostile_text,
    "empty.jpg": lambda: b"",
    "empty.mp4": lambda: b"",
    "empty": lambda: b"",
    "one_byte.png": lambda: b"\x89",
    "text_named.jpg": lambda: b"just some words, not a picture\n",
    "random.bin": lambda: os.urandom(4096),
}

# Real files with the wrong extension: (corpus file, new name)
MISNAMED = [
    ("gb45438/png_itxt_xmp.png", "png_as.mp3"),
    ("c2pa/C.jpg", "jpeg_as.pdf"),
    ("c2pa/dashinit.mp4", "mp4_as.jpg"),
    ("c2pa/riff_bomb_1000.wav", "wav_as.png"),
    ("c2pa/gen_signed.pdf", "pdf_as.docx"),
]
TRUNCATE_AT = (7, 0.5, -1)  # bytes, fraction, size-1


def _truncation_sources(corpus: Path) -> list[Path]:
    """The smallest corpus file of each extension: a bounded, deterministic set."""
    smallest: dict[str, Path] = {}
    for p in sorted(corpus.rglob("*")):
        if p.is_file() and p.suffix and p.name != "expected.json":
            ext = p.suffix.lower()
            if ext not in smallest or p.stat().st_size < smallest[ext].stat().st_size:
                smallest[ext] = p
    return list(smallest.values())


def _scan_timed(paths: list[Path], detectors=DETECTORS, config: Config | None = None
                ) -> tuple[dict[str, Report | FileFailed], dict[str, float]]:
    config = config or Config(trust_dirs=())
    out: dict[str, Report | FileFailed] = {}
    started: dict[int, float] = {}
    wall: dict[str, float] = {}
    with Scanner(config, detectors) as scanner:
        # Warm the pool first: a worker's first OCR/model load (seconds, paid once per worker)
        # is start-up cost, not the cost of analysing a hostile file.
        warm = Path(tempfile.mkdtemp(prefix="warm-"))
        for i in range(2 * config.worker_count()):
            (warm / f"warm{i}.png").write_bytes(h.make_png(64, 64))
        scanner.submit([warm])
        for _ in scanner.events():
            pass
        shutil.rmtree(warm)
        scanner.submit(paths)
        for ev in scanner.events():
            if isinstance(ev, FileStarted):
                started[ev.index] = time.monotonic()
            elif isinstance(ev, FileDone):
                out[ev.report.media.path.name] = ev.report
                wall[ev.report.media.path.name] = time.monotonic() - started[ev.index]
            elif isinstance(ev, FileFailed):
                out[ev.path.name] = ev
    return out, wall


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    for name, build in GENERATED.items():
        (d / name).write_bytes(build())
    if (CORPUS / "expected.json").is_file():
        for src, name in MISNAMED:
            shutil.copyfile(CORPUS / src, d / name)
        for src in _truncation_sources(CORPUS):
            data = src.read_bytes()
            for at in TRUNCATE_AT:
                cut = at if isinstance(at, int) and at > 0 else (len(data) - 1 if at == -1 else int(len(data) * at))
                (d / f"cut{cut}_{src.parent.name}_{src.name}").write_bytes(data[:cut])
    return d


@pytest.fixture(scope="module")
def hostile_results(hostile_dir: Path):
    return _scan_timed(sorted(hostile_dir.iterdir()))


def _assert_clear(report: Report) -> None:
    for ev in report.evidence:
        held = ev.status is Status.SKIPPED and ev.reason == ON_REQUEST  # a deep check left for later
        assert ev.status in (Status.OK, Status.NOT_APPLICABLE, Status.ERROR) or held, (ev.detector, ev)
        if ev.status is Status.ERROR:
            assert ev.error.strip(), f"{ev.detector} failed without saying why"
            assert len(ev.error) <= 500
        assert ev.ms < LIMIT_S * 1000, f"{ev.detector} took {ev.ms:.0f} ms"
    json.loads(dumps(file_dict(report)))  # JSON-able, whatever the file held


def test_every_hostile_case_finishes_quickly_with_a_clear_outcome(hostile_dir: Path, hostile_results) -> None:
    reports, wall = hostile_results
    names = sorted(p.name for p in hostile_dir.iterdir())
    assert sorted(reports) == names
    for name in names:
        result = reports[name]
        assert isinstance(result, Report), f"{name}: {result}"
        _assert_clear(result)
        # wall time includes waiting for a free worker behind other files: a loose bound
        assert wall[name] < 4 * LIMIT_S, (name, wall[name])


def test_identify_streams_every_hostile_case_quickly(hostile_dir: Path) -> None:
    for p in sorted(hostile_dir.iterdir()):
        t = time.monotonic()
        media = identify(p)
        assert time.monotonic() - t < LIMIT_S
        assert media.size == p.stat().st_size


def test_decompression_bombs_are_refused_with_a_clear_message(hostile_results) -> None:
    reports, _ = hostile_results
    for name in ("bomb.png", "bomb.jpg"):
        ev = {e.detector: e for e in reports[name].evidence}["pillow"]
        assert ev.status is Status.ERROR
        assert ev.error.startswith("the image declares more pixels than is safe to decode"), ev.error
        assert "2500000000 pixels" in ev.error


def test_empty_and_unknown_files_are_incomplete_not_clean(hostile_results) -> None:
    reports, _ = hostile_results
    for name in ("empty.jpg", "empty.mp4", "empty", "random.bin", "one_byte.png"):
        assert reports[name].verdict.code == "incomplete", (name, reports[name].verdict)
    file_facts = {e.detector: e for e in reports["empty.jpg"].evidence}["file"].facts
    assert file_facts["sniff_note"] == "the file is empty"


def test_wrong_extensions_are_sniffed_from_content(hostile_results) -> None:
    reports, _ = hostile_results
    want = {"png_as.mp3": "image/png", "jpeg_as.pdf": "image/jpeg", "mp4_as.jpg": "video/mp4",
            "wav_as.png": "audio/wav", "pdf_as.docx": "application/pdf", "text_named.jpg": "text/plain"}
    for name, media_type in want.items():
        if name not in reports:
            pytest.skip("corpus not available")
        media = reports[name].media
        assert media.media_type == media_type
        assert media.extension_mismatch


def assert_clear_json(f: dict) -> None:
    """The same promise, read from the CLI's JSON (detectors[] of one file)."""
    assert f.get("sha256"), f
    for d in f["detectors"]:
        assert d["status"] in ("ok", "not_applicable", "error", "skipped"), d
        if d["status"] == "skipped":
            assert d.get("reason") in ("switched_off", ON_REQUEST), d
        if d["status"] == "error":
            assert d.get("error", "").strip(), d
        assert d["ms"] < LIMIT_S * 1000, d


@pytest.mark.corpus
def test_malformed_c2pa_corpus_files_finish_quickly(corpus_cli_run) -> None:
    """Every corpus/c2pa file (valid, tampered, remote, malformed, malicious) in the shared run."""
    files = [f for f in corpus_cli_run.doc["files"] if Path(f["path"]).parent.name == "c2pa"]
    assert len(files) == len([p for p in (CORPUS / "c2pa").iterdir() if p.is_file()])
    for f in files:
        assert_clear_json(f)


# --------------------------------------------------------------------------- big files


@pytest.fixture(scope="module")
def sparse_4gb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("sparse") / "huge.mp4"
    head = (CORPUS / "c2pa" / "dashinit.mp4").read_bytes() if CORPUS.is_dir() else h.FTYP
    h.mp4_with_huge_mdat(p, head, 4 << 30)
    if os.stat(p).st_blocks * 512 > 64 << 20:
        pytest.skip("this filesystem does not support sparse files")
    return p


@pytest.mark.slow
def test_a_4gb_file_is_streamed_in_bounded_memory_through_every_detector(sparse_4gb: Path) -> None:
    """The CLI scans 4 GB under a 400 MB address-space limit: nothing loads the file whole.

    The limit is on the CLI process (hashing and sniffing happen there); each worker sets its
    own limit (Config.memory_limit_mb). CPU time is bounded rather than wall time, which other
    processes on a shared machine inflate.
    """
    code = (
        "import resource, sys, time\n"
        "resource.setrlimit(resource.RLIMIT_AS, (400 << 20, resource.RLIM_INFINITY))\n"
        "def rchar():\n"
        "    return int(open('/proc/self/io').read().split('rchar:')[1].split()[0])\n"
        "from verifier import cli\n"
        "t, c, r = time.perf_counter(), time.process_time(), rchar()\n"
        "code = cli.main(['scan', '--json', sys.argv[1]])\n"
        "print(round(time.perf_counter() - t, 2), round(time.process_time() - c, 2), rchar() - r,\n"
        "      file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(sparse_4gb)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    wall, cpu, read = out.stderr.split()[-3:]
    (f,) = json.loads(out.stdout)["files"]
    assert f["size"] == 4 << 30 and f["media_type"] == "video/mp4"
    assert_clear_json(f)  # every detector (in its worker) done in < 5 s
    # The CLI process reads the file exactly once (the SHA-256 pass): no second pass, no copy.
    # Its time is that of hashing 4 GB: ~2.5 s of CPU on an idle reference machine, several
    # times more when other work shares the cores (BENCHMARKS.md), so it is reported, not bounded.
    assert int(read) < (4 << 30) + (64 << 20), f"read {int(read) / 2**30:.2f} GiB"
    print(f"4 GB scan: {wall} s wall, {cpu} s CPU in the CLI process")


# --------------------------------------------------------------------------- terminal and JSON


@pytest.fixture()
def hostile_named(tmp_path: Path) -> list[Path]:
    names = [f"{h.ESC_CLEAR}{h.ESC_RED}photo{h.ESC_TITLE}.png", "tab\tand\rcr\x08.jpg",
             "<script>alert(1)<script>.webp"]
    builders = [h.png_hostile_text, h.jpeg_hostile_text, h.webp_hostile_text]
    paths = []
    for name, build in zip(names, builders):
        p = tmp_path / name
        p.write_bytes(build())
        paths.append(p)
    if sys.platform != "darwin":  # a name that is not valid UTF-8 (bytes on POSIX)
        raw = os.path.join(os.fsencode(tmp_path), b"bad\xff\xfename\x1b[31m.png")
        with open(raw, "wb") as fh:
            fh.write(h.png_hostile_text())
        paths.append(Path(os.fsdecode(raw)))
    return paths


def test_terminal_output_carries_no_escape_sequences(hostile_named: list[Path], capsys) -> None:
    code = cli.main(["scan", "--workers", "1", *map(str, hostile_named)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK, captured.err
    lines = captured.out.splitlines()
    assert len(lines) == 1 + len(hostile_named)
    for text in (captured.out, captured.err):
        assert "\x1b" not in text and "\x07" not in text and "\x08" not in text and "\r" not in text
        assert "\u202e" not in text
        text.encode("utf-8")  # printable: no lone surrogates
    assert any("photo" in line for line in lines)


def test_json_output_is_valid_and_faithful(hostile_named: list[Path], capsys) -> None:
    code = cli.main(["scan", "--json", "--workers", "1", *map(str, hostile_named)])
    out = capsys.readouterr().out
    assert code == cli.EXIT_OK
    out.encode("utf-8")
    doc = json.loads(out)
    assert len(doc["files"]) == len(hostile_named)
    paths = {f["path"] for f in doc["files"]}
    # names that are valid Unicode come back exactly (JSON escapes the control characters)
    for p in hostile_named[:3]:
        assert str(p) in paths
    for f in doc["files"]:
        assert f["verdict"]["code"]


def test_for_terminal_strips_sequences() -> None:
    from verifier.textsafe import for_terminal

    assert for_terminal(h.HOSTILE_TEXT).startswith("AI label removed")
    cleaned = for_terminal(h.HOSTILE_TEXT + "\udcff\x9b31m")
    assert "\x1b" not in cleaned and "\x9b" not in cleaned and "\udcff" not in cleaned
    cleaned.encode("utf-8")
    assert "<script>" in cleaned  # HTML is harmless on a terminal: escaping is the HTML report's job
