"""The second pass of ``dev.py test`` (the core's tests where Qt cannot be imported) is really Qt-less.

import-linter and test_layering catch a static or import-time Qt import in ``verifier/``; the
second pass runs every core test, so a Qt import inside a function, in this process or in a
detector worker, fails there. This checks that the pass does not silently run with Qt present.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not os.environ.get("VERIFIER_EXPECT_NO_QT"),
                                reason="only in dev.py test's second pass (the interpreter without Qt)")


@pytest.mark.parametrize("name", ["PySide6", "PySide6.QtCore", "shiboken6"])
def test_qt_cannot_be_imported_here(name):
    assert name.split(".")[0] not in sys.modules
    with pytest.raises(ImportError):
        importlib.import_module(name)


def test_qt_cannot_be_imported_in_a_child_process_either():
    probe = "import PySide6.QtCore"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 and "ModuleNotFoundError" in out.stderr


def test_the_core_and_its_libraries_still_import():
    out = subprocess.run([sys.executable, "-c", "import verifier.pipeline, numpy, cv2, PIL; print('ok')"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
