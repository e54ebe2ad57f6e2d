"""Files inside files, as the window shows them: a member's row name in the queue, and where the
Privacy tab reads an e-mail's points. (What the verdict banner says of a container — the member
that carries its verdict, the limits hit — comes from verifier.describe like every other word.)"""

from __future__ import annotations

from pathlib import Path

from verifier.evidence import Evidence

from .entry import FileEntry


def row_name(path: Path | str, container: object) -> str:
    """A member's place in its container ("attachment/1/photo.jpg"), else its file name."""
    full, prefix = str(path), f"{container}#"
    return full[len(prefix):] if container and full.startswith(prefix) else Path(full).name


def privacy_evidence(entry: FileEntry | None) -> Evidence | None:
    """Where the privacy view reads its points: an e-mail's headers, else the file's metadata."""
    if entry is None:
        return None
    container = entry.evidence_for("container")
    if container is not None and container.facts.get("privacy"):
        return container
    return entry.evidence_for("metadata")
