"""Check (and update) the Qt translation sources against the strings in ``ui/``.

    python -m ui.i18n_check            # report problems; exit 1 if any
    python -m ui.i18n_check --update   # pyside6-lupdate ui/ into resources/translations/*.ts

Every user-visible string must be ``QCoreApplication.translate("<Context>", "<literal>")``:
two string literals, so that lupdate can find them and the .ts can be checked. The check reads
the Python sources with ``ast`` (no Qt needed) and reports translate() calls with non-literal
arguments, any ``.tr(`` call, entries missing from a .ts, and unfinished Chinese entries.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

UI_DIR = Path(__file__).resolve().parent
TS_DIR = UI_DIR.parent / "resources" / "translations"
TS_FILES = ("verifier_zh_CN.ts", "verifier_en.ts")
MUST_BE_FINISHED = ("verifier_zh_CN.ts",)


def sources(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def extract(paths: list[Path]) -> tuple[set[tuple[str, str]], list[str]]:
    """(context, source) of every translate() call, and the problems found on the way."""
    found: set[tuple[str, str]] = set()
    problems: list[str] = []
    for path in paths:
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.name}:{node.lineno}"
            if isinstance(node.func, ast.Name) and node.func.id in ("tr", "translate", "_", "T"):
                problems.append(f"{where}: call QCoreApplication.translate(...) itself (lupdate misreads aliases)")
                continue
            if not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "tr":
                problems.append(f"{where}: use QCoreApplication.translate with a context, not tr()")
            if node.func.attr != "translate" or not (isinstance(node.func.value, ast.Name)
                                                     and node.func.value.id == "QCoreApplication"):
                continue
            args = node.args[:2]
            if len(args) < 2 or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                problems.append(f"{where}: translate() needs two string literals (no f-strings, no variables)")
                continue
            found.add((args[0].value, args[1].value))
    return found, problems


def read_ts(path: Path) -> dict[tuple[str, str], Element]:
    root = ElementTree.parse(str(path)).getroot()
    out = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def check(ts_dir: Path = TS_DIR, ui_dir: Path = UI_DIR) -> list[str]:
    wanted, problems = extract(sources(ui_dir))
    for name in TS_FILES:
        path = ts_dir / name
        if not path.is_file():
            problems.append(f"{name}: missing")
            continue
        entries = read_ts(path)
        for ctx, src in sorted(wanted - set(entries)):
            problems.append(f"{name}: no entry for [{ctx}] {src!r}")
        if name in MUST_BE_FINISHED:
            for (ctx, src), msg in sorted(entries.items()):
                tr = msg.find("translation")
                if tr is None or tr.get("type") or not (tr.text or "").strip():
                    kind = tr.get("type") if tr is not None and tr.get("type") else "unfinished"
                    problems.append(f"{name}: {kind} [{ctx}] {src!r}")
    return problems


def tool(name: str) -> str | None:
    """A Qt tool (pyside6-lupdate / pyside6-lrelease) next to this Python, or on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


def update() -> int:
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        print("pyside6-lupdate not found", file=sys.stderr)
        return 2
    files = [os.path.relpath(p, UI_DIR.parent) for p in sources()]
    for name in TS_FILES:
        ts = os.path.relpath(TS_DIR / name, UI_DIR.parent)
        subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete", *files, "-ts", ts],
                       check=True, cwd=UI_DIR.parent)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--update" in args:
        code = update()
        if code:
            return code
    problems = check()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
