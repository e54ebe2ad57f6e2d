"""The core never imports Qt or the ui package (checked by importing every module without them)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
            raise ImportError(f"the core imported {name}")
        return None

sys.meta_path.insert(0, Block())
import verifier
skip = ("verifier.__main__",  # runs the CLI
        "verifier.archive.dask_engine", "verifier.archive.parquet")  # optional extra, imported lazily
count = 0
for info in pkgutil.walk_packages(verifier.__path__, "verifier."):
    if info.name not in skip:
        importlib.import_module(info.name)
        count += 1
print(count)
"""


def test_every_core_module_imports_without_qt_or_ui():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert int(out.stdout.strip()) > 50
