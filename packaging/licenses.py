"""Print a third-party licence manifest from the installed distributions.

Run with the build's interpreter: every distribution bundled by PyInstaller comes from this
environment. For each: name, version, licence (metadata License-Expression / License / classifiers)
and the licence texts found in its .dist-info, so the bundle carries them.
"""

from __future__ import annotations

import sys
from importlib import metadata

SKIP = {"pip", "setuptools", "wheel", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "verifier",
        "pytest", "pytest-qt", "pytest-timeout", "hypothesis", "iniconfig", "pluggy", "pygments"}

LGPL_NOTE = """\
PySide6 / Qt (LGPL-3.0): this bundle links the Qt and PySide6 shared libraries dynamically; they are
shipped unmodified as separate files (PySide6/, PySide6/Qt/lib) that can be replaced with
compatible builds of your own. The corresponding sources are available from
https://download.qt.io/official_releases/QtForPython/ and https://code.qt.io (see also
the licence texts below). No Qt code is statically linked into verifier.
"""


def licence_of(dist: metadata.Distribution) -> str:
    md = dist.metadata
    expr = md.get("License-Expression")
    if expr:
        return expr
    classifiers = [c.split("::")[-1].strip() for c in md.get_all("Classifier") or [] if c.startswith("License")]
    lic = (md.get("License") or "").strip()
    if lic and len(lic) < 80:
        return lic
    return ", ".join(classifiers) or (lic.splitlines()[0] if lic else "UNKNOWN")


def main() -> int:
    dists = sorted(metadata.distributions(), key=lambda d: (d.metadata["Name"] or "").lower())
    print("verifier — third-party software included in this bundle\n")
    print(LGPL_NOTE)
    seen = set()
    for dist in dists:
        name = dist.metadata["Name"] or "?"
        if name.lower() in SKIP or name.lower() in seen:
            continue
        seen.add(name.lower())
        print("=" * 78)
        print(f"{name} {dist.version} — {licence_of(dist)}")
        for f in dist.files or []:
            low = f.name.lower()
            if any(k in low for k in ("license", "licence", "copying", "notice")) and f.suffix in ("", ".txt", ".md", ".rst"):
                try:
                    text = f.locate().read_text("utf-8", errors="replace")
                except OSError:
                    continue
                print(f"--- {f}")
                print(text.strip()[:20000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
