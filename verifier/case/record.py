"""What goes into a case: the case opened, files examined, reports exported, the analyst's
status and notes per file; and the state of each file read back from the log."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..inputs import hash_file
from . import log
from .log import CaseError

STATUSES = ("ok", "to_check", "warning")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def new_case(folder: Path, title: str, key: str | None = None) -> dict[str, Any]:
    """Create the case folder (new, or an existing empty one) with its first entry.

    ``key``: the name of the user's signing key that signs the head after every append
    (``None``: no signing)."""
    from ..signing import SigningError
    from .headsig import key_record

    if (folder / log.LOG_NAME).exists():
        raise CaseError(f"{folder} already holds a case")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CaseError(f"{folder} exists and is not an empty folder: name a new folder for the case")
    data: dict[str, Any] = {"title": title, "tool": {"name": "verifier", "version": __version__}}
    if key is not None:
        try:
            data["signing_key"] = key_record(key)
        except SigningError as exc:
            raise CaseError(str(exc)) from None
    folder.mkdir(parents=True, exist_ok=True)
    return log.append(folder, "opened", data)


def examined(file: Mapping[str, Any], tool: Mapping[str, Any]) -> dict[str, Any]:
    """One analysed file as the case records it (``file`` is a contract file dict)."""
    verdict = file.get("verdict") or {}
    data = {
        "path": file.get("path"),
        "sha256": file.get("sha256"),
        "size": file.get("size"),
        "media_type": file.get("media_type"),
        "analysed_at": file.get("analysed_at"),
        "verdict": verdict.get("code"),
        "strength": verdict.get("strength"),
        "unchecked": list(verdict.get("unchecked") or []),
        "tool_version": tool.get("version"),
        "c2pa_sdk": tool.get("c2pa_sdk"),
        "trust_lists": list(tool.get("trust_lists") or []),
    }
    if file.get("error"):
        data["error"] = file["error"]
    return data


def record_examined(folder: Path, files: Iterable[Mapping[str, Any]], tool: Mapping[str, Any]) -> int:
    return len(log.append_many(folder, [("examined", examined(f, tool)) for f in files]))


def record_export(folder: Path, report: Path, fingerprint: str, json_path: Path, files: int,
                  signature: Path | None = None) -> dict[str, Any]:
    digest = hash_file(report)
    data: dict[str, Any] = {"path": str(report), "sha256": digest[0] if digest else None,
                            "format": report.suffix.lower().lstrip("."), "fingerprint": fingerprint,
                            "json": str(json_path), "files": files}
    if signature is not None:
        data["signature"] = str(signature)
    return log.append(folder, "exported", data)


def record_reference(folder: Path, reference_dir: str) -> dict[str, Any]:
    """The case's reference folder from now on ("" when the analyst stops using one)."""
    return log.append(folder, "reference", {"folder": reference_dir or None})


def reference_folder(entries: Iterable[Mapping[str, Any]]) -> str | None:
    """The reference folder the case last recorded: None if it never recorded one, "" if the
    analyst stopped using one."""
    found: str | None = None
    for e in entries:
        data = e.get("data")
        if e.get("kind") == "reference" and isinstance(data, Mapping):
            folder = data.get("folder")
            found = str(folder) if isinstance(folder, str) else ""
    return found


@dataclass
class FileState:
    sha256: str | None
    paths: list[str] = field(default_factory=list)
    verdict: str = ""
    status: str = ""
    notes: list[tuple[str, str]] = field(default_factory=list)  # (time, text)
    examined: int = 0


def files(entries: Iterable[Mapping[str, Any]]) -> dict[str, FileState]:
    """Each examined file (by SHA-256, or by path when it could not be read) with its status and notes."""
    out: dict[str, FileState] = {}
    for e in entries:
        data = e.get("data")
        if not isinstance(data, Mapping):
            continue
        kind = e.get("kind")
        if kind == "examined":
            key = str(data.get("sha256") or "path:" + str(data.get("path")))
            st = out.setdefault(key, FileState(data.get("sha256")))
            if data.get("path") not in st.paths:
                st.paths.append(str(data.get("path")))
            st.verdict, st.examined = str(data.get("verdict") or ""), st.examined + 1
        elif kind in ("status", "note") and data.get("file") in out:
            st = out[str(data["file"])]
            if kind == "status":
                st.status = str(data.get("status"))
            else:
                st.notes.append((str(e.get("time")), str(data.get("text"))))
    return out


def resolve(folder: Path, ref: str) -> str:
    """The SHA-256 of an examined file named by its hash, its path as given, or its current content."""
    known = files(log.entries(folder))
    if _SHA256.fullmatch(ref):
        if ref.lower() in known:
            return ref.lower()
        raise CaseError(f"no file with SHA-256 {ref} was examined in this case")
    for key, st in known.items():
        if st.sha256 and ref in st.paths:
            return key
    target = Path(ref)
    if target.is_file():
        try:
            digest = hash_file(target)
        except OSError as exc:
            raise CaseError(f"cannot read {ref}: {exc.strerror}") from None
        if digest and digest[0] in known:
            return digest[0]
        raise CaseError(f"{ref} was not examined in this case (its SHA-256 is {digest[0] if digest else '?'})")
    raise CaseError(f"{ref}: no such file examined in this case (give its path as scanned, or its SHA-256)")


def annotate(folder: Path, ref: str, status: str | None = None, text: str | None = None) -> list[dict[str, Any]]:
    """The analyst's status and/or note for one examined file."""
    if status is None and not text:
        raise CaseError("give --status or --text")
    if status is not None and status not in STATUSES:
        raise CaseError(f"status must be one of {', '.join(STATUSES)}")
    sha = resolve(folder, ref)
    out = []
    if status is not None:
        out.append(log.append(folder, "status", {"file": sha, "status": status}))
    if text:
        out.append(log.append(folder, "note", {"file": sha, "text": text}))
    return out


def title(entries: Sequence[Mapping[str, Any]]) -> str:
    first = entries[0] if entries else {}
    data = first.get("data") if isinstance(first, Mapping) else None
    return str(data.get("title", "")) if isinstance(data, Mapping) else ""
