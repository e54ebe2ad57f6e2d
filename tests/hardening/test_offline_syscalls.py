"""Not one network packet, from any process: what the kernel saw, not what Python was asked.

Each run is traced with ``strace -f`` (every process and thread of the tree, native code
included) for socket creation, connects and sends, plus process creation so that every call is
attributed to its process kind (``main``, ``worker``, ``helper``: tests/hardening/strace_log.py).

* a full-corpus ``verifier scan`` with every detector on (text recognition included), a report
  export to PDF and HTML, and the desktop app (a drop of corpus files, the verdicts, an export):
  no process creates an internet socket at all;
* the same scan with the worker's network namespace switched off but the library switches on:
  still no internet socket (the second line holds by itself);
* with the namespace on and the library switches off: onnxruntime's telemetry tries, and every
  attempt fails inside the namespace (nothing connects, nothing is sent);
* with both off (the code as it was): onnxruntime's telemetry resolves its events host from the
  OCR workers. That run must see those packets, or the tests above prove nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT
from tests.hardening.conftest import trust_args
from tests.hardening.strace_log import TRACE, Trace, parse

STRACE = shutil.which("strace")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(STRACE is None, reason="strace is not installed (.ci/run and dev.py test install it)"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace and network namespaces are Linux's"),
]

# A few corpus files that take every kind of detector: C2PA, an MP3 whose decoder complains,
# pictures with visible labels (text recognition), a GB 45438 label.
SAMPLE = ("labels/firefly-1.png", "c2pa/id3v23_compression_underflow.mp3", "gb45438/png_text_aigc.png",
          "gb45438/mp3_id3_txxx_aigc.mp3")


def traced(cmd: list[str], tmp: Path, env: dict[str, str] | None = None, timeout: float = 1200
           ) -> tuple[subprocess.CompletedProcess, Trace]:
    log = tmp / "strace.log"
    full_env = dict(os.environ, **(env or {}))
    # The knobs come from this run's env only (the OCR adapter, run in this test process by
    # other tests, sets ORT_DISABLE_TELEMETRY here too, and subprocesses would inherit it).
    for knob in ("VERIFIER_SANDBOX", "VERIFIER_LIBRARY_SWITCHES", "ORT_DISABLE_TELEMETRY"):
        if knob not in (env or {}):
            full_env.pop(knob, None)
    proc = subprocess.run([STRACE, "-f", "-qq", "-e", TRACE, "-o", str(log), *cmd], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env=full_env)
    if "ptrace" in proc.stderr and "Operation not permitted" in proc.stderr:
        pytest.skip("strace may not trace here (ptrace not permitted)")
    return proc, parse(log)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "verifier", *args]


def sample() -> list[str]:
    paths = [CORPUS / p for p in SAMPLE]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"reference corpus not found at {CORPUS}")
    return [str(p) for p in paths]


def corpus_dir() -> str:
    if not (CORPUS / "expected.json").is_file():
        pytest.skip(f"reference corpus not found at {CORPUS} (clone with ../shared beside the repo)")
    return str(CORPUS)


def describe(trace: Trace) -> str:
    calls = trace.inet_sockets() + trace.inet_traffic()
    return f"{trace.per_kind()}: " + "; ".join(f"{c.kind} {c.name}({c.args[:90]}) = {c.result} {c.errno}"
                                               for c in calls[:8])


def assert_no_inet(trace: Trace) -> None:
    assert len(trace.kinds) >= 3, "the trace did not follow the worker processes"
    assert "worker" in trace.kinds.values(), "no detector worker process was traced"
    assert not trace.inet_sockets(), describe(trace)
    assert not trace.inet_traffic(), describe(trace)


@pytest.fixture(scope="module")
def corpus_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Trace]:
    if not (CORPUS / "expected.json").is_file():
        pytest.skip(f"reference corpus not found at {CORPUS}")
    tmp = tmp_path_factory.mktemp("offline-scan")
    return traced(cli("scan", "--json", "--recursive", *trust_args(), str(CORPUS)), tmp)


@pytest.mark.corpus
def test_a_full_corpus_scan_opens_no_internet_socket(corpus_scan) -> None:
    proc, trace = corpus_scan
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_no_inet(trace)
    doc = json.loads(proc.stdout)
    assert any(d["name"] == "visible_label" and d["status"] == "ok"
               for f in doc["files"] for d in f["detectors"]), "text recognition never ran"
    assert doc["tool"]["network"].startswith(("none (OS-enforced: ", "blocked in-process only ("))


@pytest.mark.corpus
def test_the_scan_says_the_kernel_keeps_its_workers_offline(corpus_scan) -> None:
    from verifier.isolation import probe

    proc, _ = corpus_scan
    state = probe()
    if not state.enforced:
        pytest.skip(f"this machine grants no network namespace: {state.how}")
    assert json.loads(proc.stdout)["tool"]["network"] == state.describe()
    assert "namespace" in state.how


@pytest.mark.corpus
def test_the_scan_prints_nothing_from_native_libraries(corpus_scan) -> None:
    """mpg123 complains about corpus MP3s on fd 2: that belongs in the evidence, not the terminal."""
    proc, _ = corpus_scan
    assert proc.stderr.strip() == "", proc.stderr[-2000:]


@pytest.mark.corpus
def test_report_exports_open_no_internet_socket(tmp_path: Path) -> None:
    for name in ("x.pdf", "x.html"):
        proc, trace = traced(cli("report", *trust_args(), *sample(), "-o", str(tmp_path / name)), tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert (tmp_path / name).stat().st_size > 0
        assert_no_inet(trace)
    html = (tmp_path / "x.html").read_text("utf-8")
    assert "Network access" in html and ("OS-enforced" in html or "in-process only" in html)


@pytest.mark.corpus
def test_the_desktop_app_opens_no_internet_socket(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    script = ROOT / "tests" / "hardening" / "gui_drop.py"
    proc, trace = traced([sys.executable, str(script), str(tmp_path), *sample()], tmp_path,
                         env={"QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stdout[-1000:] + proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(result["verdicts"]) == len(SAMPLE) and all(result["verdicts"].values()), result
    assert result["exports"] == {str(tmp_path / "report.html"): "", str(tmp_path / "report.pdf"): ""}
    assert_no_inet(trace)
    from verifier.isolation import probe

    # the window's workers isolate themselves as the CLI's do (the GUI's __main__ imports Qt)
    assert result["workers_reported"] >= 1 and result["network"] == probe().describe()


@pytest.mark.corpus
def test_without_the_namespace_the_library_switches_still_hold(tmp_path: Path) -> None:
    proc, trace = traced(cli("scan", "--json", *trust_args(), corpus_dir()), tmp_path,
                         env={"VERIFIER_SANDBOX": "off"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["tool"]["network"].startswith("blocked in-process only (OS isolation switched off")
    assert_no_inet(trace)


@pytest.fixture(scope="module")
def unswitched_scan(tmp_path_factory: pytest.TempPathFactory) -> Trace:
    """The corpus scan with both lines of defence off: what the code did before them."""
    corpus = corpus_dir()
    tmp = tmp_path_factory.mktemp("unswitched-scan")
    proc, trace = traced(cli("scan", "--json", *trust_args(), corpus), tmp,
                         env={"VERIFIER_SANDBOX": "off", "VERIFIER_LIBRARY_SWITCHES": "off"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    if not trace.inet_traffic():
        pytest.skip("onnxruntime made no network attempt on this machine, even with its telemetry on: "
                    "nothing here shows the detection can fail")
    return trace


@pytest.mark.corpus
def test_the_trace_catches_onnxruntime_telemetry_without_the_defences(unswitched_scan: Trace) -> None:
    """The test above cannot be fooled: the same trace does see the packets of the old code."""
    workers = [c for c in unswitched_scan.inet_traffic() if c.kind == "worker"]
    assert workers, describe(unswitched_scan)
    assert unswitched_scan.dns(), describe(unswitched_scan)  # name lookups (UDP port 53)
    assert unswitched_scan.reaching(), describe(unswitched_scan)


@pytest.mark.corpus
def test_the_namespace_alone_stops_every_attempt(tmp_path: Path, unswitched_scan: Trace) -> None:
    from verifier.isolation import probe

    if not probe().enforced:
        pytest.skip(f"this machine grants no network namespace: {probe().how}")
    proc, trace = traced(cli("scan", "--json", *trust_args(), corpus_dir()), tmp_path,
                         env={"VERIFIER_LIBRARY_SWITCHES": "off"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not trace.reaching(), describe(trace)  # tried (maybe), but nothing got out
    assert not [c for c in trace.inet_traffic() if c.kind != "worker"], describe(trace)


NATIVE_SCAN = """
import sys
from pathlib import Path
from tests.hardening.misbehaving import NativeNetworkUser
from verifier.config import Config
from verifier.evidence import Report
from verifier.pipeline import scan
reports = [r for r in scan([Path(sys.argv[1])], Config(workers=1), detectors=[NativeNetworkUser()])
           if isinstance(r, Report)]
print(reports[0].evidence[0].facts)
"""


def _native_attempt(tmp_path: Path, sandbox: str) -> Trace:
    target = tmp_path / "input.bin"
    target.write_bytes(b"evidence")
    proc, trace = traced([sys.executable, "-c", NATIVE_SCAN, str(target)], tmp_path,
                         env={"VERIFIER_SANDBOX": sandbox, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "worker" in trace.kinds.values(), "no detector worker process was traced"
    return trace


def test_the_trace_sees_native_traffic_when_the_namespace_is_off(tmp_path: Path) -> None:
    """The check cannot be fooled, and fails without the isolation: a datagram sent from native
    code in a worker (to this machine's loopback) is seen by the trace when the namespace is off."""
    trace = _native_attempt(tmp_path, "off")
    assert trace.reaching(), "the trace missed a native connect that went through"


def test_the_namespace_stops_native_traffic(tmp_path: Path) -> None:
    from verifier.isolation import probe

    if not probe().enforced:
        pytest.skip(f"this machine grants no network namespace: {probe().how}")
    trace = _native_attempt(tmp_path, "on")
    assert trace.inet_traffic(), "the worker made no attempt: the test proves nothing"
    assert not trace.reaching(), describe(trace)
