#!/usr/bin/env python3
"""Set up, run and test verifier with nothing but Python 3.11+.

    python3 dev.py run     # create .venv, install pinned dependencies, launch the desktop app
    python3 dev.py test    # the same set-up, then the whole test suite (headless), then the
                           # core's tests again in an interpreter that cannot import Qt
    python3 dev.py setup   # set-up only

Dependencies are installed from ``constraints.txt`` (exact, known-good versions) into ``.venv``;
the set-up is skipped when nothing changed. On Linux the few system libraries Qt needs even
offscreen are installed with apt-get when running as root, otherwise the command is printed.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("VERIFIER_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".verifier-setup"

# Debian/Ubuntu packages Qt needs (offscreen too), and for a real window on X11.
QT_LIBS = {"EGL": "libegl1", "GL": "libgl1", "fontconfig": "libfontconfig1", "xkbcommon": "libxkbcommon0",
           "glib-2.0": "libglib2.0-0", "dbus-1": "libdbus-1-3"}
WINDOW_LIBS = {"xkbcommon-x11": "libxkbcommon-x11-0", "xcb-cursor": "libxcb-cursor0",
               "xcb-icccm": "libxcb-icccm4", "xcb-image": "libxcb-image0", "xcb-keysyms": "libxcb-keysyms1",
               "xcb-render-util": "libxcb-render-util0", "xcb-shape": "libxcb-shape0"}
FONTS = ("fonts-noto-cjk",)  # Chinese glyphs in the window and reports
# Programs the test suite needs: strace shows that no process of a scan opens a network socket.
TEST_TOOLS = {"strace": "strace"}


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def system_libs(window: bool, tests: bool = False) -> None:
    if not sys.platform.startswith("linux"):
        return
    wanted = dict(QT_LIBS, **(WINDOW_LIBS if window else {}))
    missing = [pkg for lib, pkg in wanted.items() if ctypes.util.find_library(lib) is None]
    if tests:
        missing.extend(pkg for tool, pkg in TEST_TOOLS.items() if shutil.which(tool) is None)
    if not Path("/usr/share/fonts/opentype/noto").is_dir() and shutil.which("apt-get"):
        missing.extend(FONTS)
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say(f"installing system packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False, env=env,
                       stdout=subprocess.DEVNULL)
    else:
        say(f"Qt (and the tests) need these system packages: sudo apt-get install {' '.join(missing)}")


def build_translations() -> None:
    lrelease = BIN / "pyside6-lrelease"
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources or not lrelease.exists():
        return
    out = ROOT / "ui" / "translations"
    out.mkdir(exist_ok=True)
    for ts in sources:
        qm = out / (ts.stem + ".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def setup() -> None:
    if not PY.exists():
        say(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != fingerprint():
        say("installing pinned dependencies (constraints.txt)")
        pip = [str(PY), "-m", "pip", "--disable-pip-version-check"]
        subprocess.run([*pip, "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "-q", "-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}[dev]"],
                       check=True)
        STAMP.write_text(fingerprint())
    build_translations()


def run(args: list[str]) -> int:
    window = not os.environ.get("QT_QPA_PLATFORM")
    system_libs(window=window)
    setup()
    env = dict(os.environ)  # C2PA trust: the lists bundled in resources/trust (see `verifier trust status`)
    if window and sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        say("no display found: set DISPLAY, run under xvfb-run, or QT_QPA_PLATFORM=offscreen")
    return subprocess.call([str(PY), "-m", "ui.app", *args], cwd=ROOT, env=env)


# The core's tests, run a second time where Qt cannot be imported (see no_qt_python).
CORE_TESTS = ("tests/verifier", "tests/conformance")
NO_QT = '''"""Loaded by a .pth file: this interpreter, and every process it starts, cannot import Qt."""
import sys

BLOCKED = ("PySide6", "shiboken6")


class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (this interpreter has no Qt)", name=name)
        return None


sys.meta_path.insert(0, NoQt())
'''


def no_qt_python() -> Path:
    """An interpreter that sees every package of the venv except Qt.

    A venv without pip (created in a second) whose one .pth file installs an import blocker for
    PySide6 and shiboken6, then adds the main venv's site-packages. A .pth file runs at
    every start-up, so the detector workers (spawned processes) and any ``sys.executable``
    subprocess of a test are Qt-less too: the same as a venv without PySide6, minus a second copy
    of every package.
    """
    home = VENV / "no-qt"
    py = home / ("Scripts" if os.name == "nt" else "bin") / PY.name
    if not py.exists():
        venv.EnvBuilder(with_pip=False, clear=True).create(home)
    ask = ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    main_site = subprocess.run([str(PY), *ask], capture_output=True, text=True, check=True).stdout.strip()
    own_site = Path(subprocess.run([str(py), *ask], capture_output=True, text=True, check=True).stdout.strip())
    if home.resolve() not in own_site.resolve().parents:
        raise SystemExit(f"dev.py: {own_site} is not inside {home}: the Qt-less interpreter was not set up")
    (own_site / "_verifier_no_qt.py").write_text(NO_QT, "utf-8")
    (own_site / "verifier_no_qt.pth").write_text(
        f"import _verifier_no_qt\nimport site; site.addsitedir({main_site!r})\n", "utf-8")
    shebang = f"#!{PY}\n".encode()
    for script in BIN.iterdir():  # console scripts (e.g. `dask`), pointed at this interpreter
        target = py.parent / script.name
        if script.is_file() and not script.name.startswith(("pyside6", "pip")) and not target.exists():
            with open(script, "rb") as fh:
                if fh.read(len(shebang)) == shebang:
                    target.write_bytes(f"#!{py}\n".encode() + fh.read())
                    target.chmod(0o755)
    return py


def names_tests(args: list[str]) -> bool:
    return any(not a.startswith("-") and (ROOT / a.split("::")[0]).exists() for a in args)


def test(args: list[str]) -> int:
    system_libs(window=False, tests=True)
    setup()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    code = subprocess.call([str(PY), "-m", "pytest", *args], cwd=ROOT, env=env)
    if code != 0 or names_tests(args):
        return code  # a failed run, or one naming its own tests: no second pass
    say("the core's tests again, in an interpreter that cannot import Qt")
    env["VERIFIER_EXPECT_NO_QT"] = "1"  # tests/verifier/test_no_qt.py checks that Qt is really absent
    started = time.monotonic()
    second = subprocess.call([str(no_qt_python()), "-m", "pytest", "-p", "no:pytest-qt", *args, *CORE_TESTS],
                             cwd=ROOT, env=env)
    say(f"core tests without Qt: exit code {second} in {time.monotonic() - started:.0f} s")
    return second


def main() -> int:
    cmd, *rest = sys.argv[1:] or ["help"]
    if cmd == "setup":
        system_libs(window=False)
        setup()
        return 0
    if cmd == "run":
        return run(rest)
    if cmd == "test":
        return test(rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
