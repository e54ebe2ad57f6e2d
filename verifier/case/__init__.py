"""A case: a folder holding an append-only, hash-chained log of what an analyst examined,
exported and noted (docs/CASES.md)."""

from __future__ import annotations

from .log import GENESIS, HEAD_NAME, KINDS, LOG_NAME, CaseError, append, append_many, entries, entry_hash, read_head
from .record import (STATUSES, FileState, annotate, files, new_case, record_examined, record_export, record_reference,
                     reference_folder, resolve, title)
from .verify import Problem, Verification, verify

__all__ = [
    "GENESIS", "HEAD_NAME", "KINDS", "LOG_NAME", "STATUSES", "CaseError", "FileState", "Problem", "Verification",
    "annotate", "append", "append_many", "entries", "entry_hash", "files", "new_case", "read_head", "record_examined",
    "record_export", "record_reference", "reference_folder", "resolve", "title", "verify",
]
