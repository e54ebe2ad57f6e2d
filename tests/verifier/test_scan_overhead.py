"""What keeps a scan's fixed cost down: light worker imports, early workers, no round trip for
a check that does not apply, workers that stop together."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.verifier.fake_detectors import LabelIfMarked, OnlyPng
from verifier import isolation
from verifier.config import Config
from verifier.evidence import Status
from verifier.isolation import InlineRunner, ProcessRunner, Task
from verifier.pipeline import EvidenceReady, Scanner

REPO = Path(__file__).resolve().parents[2]


def test_a_worker_imports_no_detector_before_a_task_names_one():
    code = ("import sys, verifier.isolation; "
            "print(sorted(m for m in sys.modules if m.startswith('verifier.detectors.') "
            "and m not in ('verifier.detectors.base', 'verifier.detectors.spec') or m in ('numpy', 'cv2', 'c2pa')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_reading_disable_switches_imports_no_detector():
    # The workers start after the arguments are read: a built-in --disable name is checked
    # against the names table, not by importing every detector (and numpy) first.
    code = ("import sys; from verifier.cli import build_parser; "
            "a = build_parser().parse_args(['scan', '--disable', 'copy_move', '--disable', 'forensic_faces', 'x']); "
            "print(a.disable, sorted(m for m in sys.modules if m.startswith('verifier.detectors.') "
            "and m not in ('verifier.detectors.base', 'verifier.detectors.spec') or m in ('numpy', 'cv2', 'c2pa')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['copy_move', 'forensic_faces'] []"


def test_an_unknown_disable_name_is_still_refused(capsys):
    from verifier import cli

    assert cli.main(["scan", "--disable", "no_such_check", "x"]) == cli.EXIT_USAGE
    assert "no_such_check" in capsys.readouterr().err


def test_the_builtin_tuple_is_built_once_on_first_use():
    from verifier import detectors

    first = detectors.builtin_detectors()
    assert first is detectors.builtin_detectors() and tuple(detectors.BUILTIN_DETECTORS) == first
    assert detectors.by_name("c2pa") in first


class _Recording(InlineRunner):
    def __init__(self) -> None:
        super().__init__(2)
        self.started: list[str] = []

    def start(self, task: Task) -> None:
        self.started.append(task.detector)
        super().start(task)


def test_a_check_that_does_not_apply_is_not_sent_to_a_worker(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_bytes(b"hello\n")
    runner = _Recording()
    with Scanner(Config(isolation="inline", trust_dirs=()), (OnlyPng(), LabelIfMarked()), runner) as scanner:
        scanner.submit([text])
        ready = {e.evidence.detector: e.evidence for e in scanner.events() if isinstance(e, EvidenceReady)}
    assert runner.started == ["marked"]
    assert ready["only_png"].status is Status.NOT_APPLICABLE and ready["marked"].status is Status.OK


class _BadAppliesTo(OnlyPng):
    name = "bad_applies_to"

    def applies_to(self, media):  # noqa: ANN001, ANN201
        raise ValueError("broken decision")


def test_a_failing_applies_to_is_still_reported_by_the_runner(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_bytes(b"hello\n")
    runner = _Recording()
    with Scanner(Config(isolation="inline", trust_dirs=()), (_BadAppliesTo(),), runner) as scanner:
        scanner.submit([text])
        ready = [e.evidence for e in scanner.events() if isinstance(e, EvidenceReady)]
    assert runner.started == ["bad_applies_to"]
    assert ready[0].status is Status.ERROR and "broken decision" in ready[0].error


def test_workers_started_early_are_passed_to_the_scan_that_uses_them(tmp_path):
    from verifier.pipeline import scan

    note = tmp_path / "note.txt"
    note.write_bytes(b"MARK\n")
    early = isolation.start_early("process", 2, 1024)
    assert early is not None
    try:
        assert len(early._workers) == 1 and early._workers[0].proc.is_alive()  # noqa: SLF001
        procs = [w.proc for w in early._workers]  # noqa: SLF001
        assert isolation.make_runner("process", 2, 1024) is not early  # nothing handed over in secret
        reports = list(scan([note], Config(trust_dirs=()), detectors=(LabelIfMarked(),), runner=early))
        assert [e.status for e in reports[0].evidence] == [Status.OK]
        # the scan used this pool (its worker reported its isolation to it) and closed it
        assert sum(early.reported.values()) == 1 and not early._workers  # noqa: SLF001
        assert all(p.exitcode == 0 for p in procs)
    finally:
        early.close()


def test_each_pool_keeps_what_its_own_workers_reported():
    first, second = ProcessRunner(1, 1024), ProcessRunner(1, 1024)
    try:
        first.warm()
        w = first._workers[0]  # noqa: SLF001
        assert w.conn.poll(60), "the worker never reported"
        w.receive()
        assert sum(first.reported.values()) == 1 and second.reported == {}
        state = next(iter(first.reported))
        assert isolation.network_state("process", first.reported) == state
        weak = isolation.Isolation(False, "in-process only")
        assert isolation.network_state("process", {state: 1, weak: 1}) == weak  # the weakest wins
        assert isolation.network_state("inline").enforced is False
    finally:
        first.close()
        second.close()


def test_stop_all_ends_the_workers_of_a_pool_nobody_closed():
    # in a process of its own: stop_all() ends every worker of the process that calls it
    code = ("from verifier import isolation; r = isolation.ProcessRunner(2, 1024); r.warm(); r.grow(); "
            "procs = [w.proc for w in r._workers]; assert len(isolation.LIVE) == 2; isolation.stop_all(); "
            "print(sum(p.is_alive() for p in procs), len(isolation.LIVE))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "0"]


def test_the_early_pool_prepares_the_every_file_checks_that_are_switched_on():
    from verifier import cli
    from verifier.detectors import refs_of

    config = cli.config_from(cli.build_parser().parse_args(["scan", "--disable", "c2pa", "x"]))
    refs, ctx = cli._every_file(config)  # noqa: SLF001
    assert refs == refs_of(("metadata",)) and ctx.config is config
    early = isolation.start_early("process", 1, 1024, cli._every_file(cli.config_from(  # noqa: SLF001
        cli.build_parser().parse_args(["scan", "x"]))))
    assert early is not None
    try:
        w = early._workers[0]  # noqa: SLF001
        assert w.prepared and early.capacity() == 0  # no task before the preparation is done
        deadline = time.monotonic() + 60
        while w.preparing and time.monotonic() < deadline:
            early.poll(0.5)
        assert not w.preparing and early.capacity() == 1
        maps = Path(f"/proc/{w.proc.pid}/maps")
        if maps.exists():  # Linux: the worker has the C2PA SDK's library loaded already
            assert "libc2pa" in maps.read_text()
    finally:
        early.close()


def test_an_early_pool_is_stopped_by_close_and_none_without_processes():
    early = isolation.start_early("process", 1, 1024)
    assert early is not None
    procs = [w.proc for w in early._workers]  # noqa: SLF001
    early.close()
    early.close()  # twice is harmless (a scan closes the pool it was given, and so does the CLI)
    assert not any(p.is_alive() for p in procs)
    assert isolation.start_early("inline", 1, 1024) is None


def test_idle_workers_stop_together_and_cleanly():
    runner = ProcessRunner(2, 1024)
    runner.warm()
    runner.grow()
    # Idle means started: wait for each worker's first message (its isolation report). A worker
    # still starting up (2-3 s on a loaded two-core machine) is killed after the 1 s grace,
    # which is right for the app but not what this test measures.
    for w in runner._workers:  # noqa: SLF001
        assert w.conn.poll(60), "the worker never reported"
        w.receive()
    procs = [w.proc for w in runner._workers]  # noqa: SLF001
    start = time.monotonic()
    runner.close()
    assert time.monotonic() - start < 2.0
    assert [p.exitcode for p in procs] == [0, 0]


def test_the_pool_starts_with_one_worker_and_grows_while_tasks_wait(tmp_path):
    runner = ProcessRunner(3, 1024)
    try:
        runner.warm()
        assert len(runner._workers) == 1 and runner.capacity() == 1  # noqa: SLF001
        runner.grow()
        runner.grow()
        runner.grow()  # never beyond the pool's size
        assert len(runner._workers) == 3 and runner.capacity() == 3  # noqa: SLF001
    finally:
        runner.close()


class Pause:
    name = "pause"
    isolated = True

    def applies_to(self, media) -> bool:  # noqa: ANN001
        return True

    def run(self, media, ctx):  # noqa: ANN001, ANN201
        from verifier.detectors.base import Findings

        time.sleep(0.4)
        return Findings()


def test_a_backlog_grows_the_pool_to_its_size(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    runner = ProcessRunner(2, 1024)
    with Scanner(Config(workers=2, trust_dirs=()), (Pause(),), runner) as scanner:
        scanner.submit([tmp_path])
        done = [e for e in scanner.events() if isinstance(e, EvidenceReady)]
        assert len(runner._workers) == 2  # noqa: SLF001
    assert len(done) == 4


def _task(key: int, ref: str) -> Task:
    from verifier.detectors.base import Context
    from verifier.evidence import MediaFile

    media = MediaFile(path=Path("x.png"), sha256="", size=1, media_type="image/png", extension_type="image/png")
    return Task(key, 0, ref.rpartition(":")[2], ref, media, Context(config=Config()), 10.0)


class _Seat:
    """A worker as ProcessRunner.pick sees it (no process)."""

    def __init__(self, loaded: set[str], preparing: bool = False, task: Task | None = None) -> None:
        self.loaded, self.preparing, self.task = loaded, preparing, task
        self.holds: str | None = None  # the picture it keeps decoded (none here)
        self.started = time.monotonic()


def test_a_task_waits_for_the_worker_that_is_loading_its_detector():
    # the second worker loads the OCR model; the first, free, takes the next other task instead of
    # loading the same model again, and takes nothing while only that task is left
    runner = ProcessRunner(2, 1024)
    runner._allowed = 2  # noqa: SLF001
    first, second = _Seat({"m:Meta"}), _Seat({"m:Ocr"}, preparing=True)
    runner._workers = [first, second]  # type: ignore[list-item]  # noqa: SLF001
    ocr, water, meta = _task(1, "m:Ocr"), _task(2, "m:Water"), _task(3, "m:Meta")
    assert runner.pick([ocr, water, meta]) is water  # queue order, past the task being loaded elsewhere
    assert runner.pick([ocr]) is None
    second.started -= isolation.WAIT_FOR_LOADING_S + 1  # stuck loading: the task no longer waits for it
    assert runner.pick([ocr]) is ocr
    second.started = time.monotonic()
    second.preparing = False  # ready: the task goes to it (start() prefers the worker that has it loaded)
    assert runner.pick([ocr]) is ocr
    assert runner._idle_worker("m:Ocr") is second and runner._idle_worker("m:Meta") is first  # noqa: SLF001


def test_a_busy_worker_holds_back_no_task():
    # only a worker still preparing reserves its detectors: one busy with a task does not
    runner = ProcessRunner(2, 1024)
    runner._allowed = 2  # noqa: SLF001
    ocr = _task(1, "m:Ocr")
    runner._workers = [_Seat(set()), _Seat({"m:Ocr"}, task=_task(9, "m:Ocr"))]  # type: ignore[list-item]  # noqa: SLF001
    assert runner.pick([ocr]) is ocr
    runner._workers = [_Seat({"m:Ocr"}, task=_task(9, "m:Ocr"))]  # type: ignore[list-item]  # noqa: SLF001
    assert runner.pick([ocr]) is ocr  # a worker yet to start (the pool may grow) takes it


def test_the_command_line_starts_a_second_worker_for_the_ocr_model_when_given_a_picture(tmp_path):
    from verifier import cli
    from verifier.detectors import PICTURE_MODELS, refs_of

    png = tmp_path / "a.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    text = tmp_path / "a.txt"
    text.write_bytes(b"hello\n")

    def models(*argv: str):  # noqa: ANN202
        args = cli.build_parser().parse_args(["scan", *argv])
        return cli._picture_models(cli.config_from(args), args.paths)  # noqa: SLF001

    given = models(str(text), str(png))
    assert given is not None and given[0] == refs_of(PICTURE_MODELS)
    assert models(str(text)) is None and models(str(tmp_path)) is None  # other files; a folder is not typed
    assert models(str(tmp_path / "missing.png")) is None
    assert models("--profile", "triage", str(png)) is None  # no pixel work
    assert models("--disable", "visible_label", str(png)) is None


def test_the_command_lines_pixel_check_shortcut_agrees_with_the_profiles():
    from verifier import cli
    from verifier.config import PROFILE_NAMES
    from verifier.detectors import PICTURE_MODELS

    for name in PICTURE_MODELS:
        for profile in PROFILE_NAMES:
            config = Config(profile=profile)
            assert cli._runs_pixel_checks(config, name) == config.in_profile(name), profile  # noqa: SLF001
        for only in (frozenset({name}), frozenset({"metadata"})):
            config = Config().with_(only=only)
            assert cli._runs_pixel_checks(config, name) == config.in_profile(name)  # noqa: SLF001


def test_an_early_pool_can_start_a_second_worker_that_loads_other_checks():
    from verifier.detectors import Context, refs_of

    ctx = Context(config=Config(ocr=False, trust_dirs=()))
    early = isolation.start_early("process", 2, 1024, (refs_of(("metadata",)), ctx), (refs_of(("watermark",)), ctx))
    assert early is not None
    try:
        first, second = early._workers  # noqa: SLF001
        assert first.loaded == set(refs_of(("metadata",))) and second.loaded == set(refs_of(("watermark",)))
        assert first.preparing and second.preparing and early.capacity() == 0
        assert not early.prepare_another(refs_of(("c2pa",)), ctx)  # the pool is full
    finally:
        early.close()
    one = isolation.start_early("process", 1, 1024, None, (refs_of(("watermark",)), ctx))
    assert one is not None
    try:
        assert len(one._workers) == 1 and not one._workers[0].prepared  # noqa: SLF001
    finally:
        one.close()


def test_with_idle_time_ahead_two_workers_load_the_checks(tmp_path):
    # the GUI's Scanner (prepare=True): the first file's two slowest checks then run side by side
    note = tmp_path / "note.txt"
    note.write_bytes(b"MARK\n")
    runner = ProcessRunner(2, 1024)
    with Scanner(Config(trust_dirs=()), (LabelIfMarked(),), runner, prepare=True) as scanner:
        scanner.submit([note])
        done = [e.evidence for e in scanner.events() if isinstance(e, EvidenceReady)]
        assert len(runner._workers) == 2 and all(w.prepared for w in runner._workers)  # noqa: SLF001
    assert [e.status for e in done] == [Status.OK]


def test_the_caller_gets_one_call_while_the_scan_waits_for_its_workers(tmp_path):
    # the command line reads the trust lists' status then, instead of after the last result
    from verifier.pipeline import scan

    notes = []
    for i in range(3):
        notes.append(tmp_path / f"{i}.txt")
        notes[-1].write_bytes(b"MARK\n")
    calls = []
    reports = list(scan(notes, Config(isolation="inline", trust_dirs=()), detectors=(LabelIfMarked(),),
                        on_wait=lambda: calls.append(len(calls))))
    assert calls == [0] and len(reports) == 3


def test_the_tool_block_is_the_same_when_read_ahead(tmp_path, capsys):
    import json

    from verifier import cli

    note = tmp_path / "note.txt"
    note.write_bytes(b"hello\n")
    assert cli.main(["scan", "--json", "--inline", str(note)]) == cli.EXIT_OK
    tool = json.loads(capsys.readouterr().out)["tool"]
    from verifier.about import tool_info
    from verifier.isolation import network_state

    assert tool == tool_info(cli.config_from(cli.build_parser().parse_args(["scan", str(note)])),
                             network_state("inline"))


def test_the_command_ends_without_the_interpreters_teardown(monkeypatch):
    # after main (workers stopped, files closed): streams flushed, then os._exit with its code
    from verifier import cli

    ended: list[int] = []

    def _exit(code: int) -> None:
        ended.append(code)

    monkeypatch.setattr(cli.os, "_exit", _exit)
    monkeypatch.setattr(cli, "main", lambda: cli.EXIT_UNREADABLE)
    cli.run()

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    cli.run()
    assert ended == [cli.EXIT_UNREADABLE, cli.EXIT_CTRL_C]


def test_python_dash_m_verifier_writes_its_whole_output_before_it_ends(tmp_path):
    import json

    notes = []
    for i in range(3):
        notes.append(tmp_path / f"{i}.txt")
        notes[-1].write_bytes(b"hello\n" * 2000)
    out = subprocess.run([sys.executable, "-m", "verifier", "scan", "--json", *map(str, notes)], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["files"]) == 3
