"""``docs/DETECTORS.md``, generated from the detector specs (a test keeps the file current):
``python -m verifier.detectors.docs_table > docs/DETECTORS.md``."""

from __future__ import annotations

from . import specs

HEAD = """# Detectors and their findings

Generated from each detector's `DetectorSpec` (`python -m verifier.detectors.docs_table > docs/DETECTORS.md`);
do not edit by hand. A detector is one module and one line in `verifier/detectors/__init__.py`'s `REGISTRY`.

Profiles (`--profile`, or Settings in the app): **triage** leaves out every check marked "no" in its
column; **standard** (the default) runs every check, but the deep forensic checks only on files whose
verdict shows no provenance (no AI declaration, no Content Credentials, valid or not): elsewhere they are listed as not run,
to be run on request (the window's Indicators tab, or `--profile full`); **full** runs every check on
every file.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    lines = [HEAD, "## Checks", "",
             "| Name | Title (en / zh) | Time limit | Panel | Advisory | In triage | In standard | What it looks for |",
             "|---|---|---|---|---|---|---|---|"]
    for s in specs():
        lines.append(f"| `{s.name}` | {_cell(s.title.en)} / {_cell(s.title.zh)} | {s.timeout:g} s | {s.view} | "
                     f"{'yes' if s.advisory else 'no'} | {'no' if s.pixel_work else 'yes'} | "
                     f"{'on files with no provenance' if s.deep else 'yes'} | {_cell(s.doc)} |")
    lines += ["", "## Signal kinds", ""]
    for s in specs():
        for k in s.kinds:
            lines += [f"### `{k.id}` ({s.name})", "", f"{_cell(k.title.en)} / {_cell(k.title.zh)}", "",
                      "| Detail | Label (en / zh) | Technical |", "|---|---|---|"]
            lines += [f"| `{f.key}` | {_cell(f.label.en)} / {_cell(f.label.zh)} | {'yes' if f.technical else ''} |"
                      for f in k.details.field_info()]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
