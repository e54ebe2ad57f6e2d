"""Build hook: a wheel carries the bundled trust lists as ``verifier/trust/bundled``.

The repository keeps one copy in ``resources/trust`` (see its SOURCES.json); everything else
about the package is declared in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRUST_SRC = Path(__file__).resolve().parent / "resources" / "trust"
TRUST_FILES = ("*.pem", "*.cfg", "SOURCES.json")


class BuildPyWithTrust(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/trust in place
            return
        target = Path(self.build_lib) / "verifier" / "trust" / "bundled"
        target.mkdir(parents=True, exist_ok=True)
        for pattern in TRUST_FILES:
            for f in sorted(TRUST_SRC.glob(pattern)):
                shutil.copyfile(f, target / f.name)


setup(cmdclass={"build_py": BuildPyWithTrust})
