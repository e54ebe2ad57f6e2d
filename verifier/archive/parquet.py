"""The Parquet summary table of a sweep (pyarrow adapter; the only module importing pyarrow).

One row per file (the last record per path of the JSONL), written in row groups so that memory
stays bounded for millions of files. Columns: path, sha256, size, media_type, verdict, strength,
signal_ids, gb45438_providers, c2pa_signers, and per-detector status / ms / error as parallel
lists (detector_names[i] ran with detector_status[i] in detector_ms[i]).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .summary import c2pa_signers, provider_codes, signal_ids

ROWS_PER_GROUP = 10_000


class ParquetUnavailable(Exception):
    pass


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ParquetUnavailable(
            "--parquet needs the optional 'archive' extra (pyarrow): pip install 'verifier[archive]'") from exc
    return pa, pq


def require() -> None:
    """Raise :class:`ParquetUnavailable` now if pyarrow is missing."""
    _pyarrow()


def schema() -> Any:
    pa, _ = _pyarrow()
    strings = pa.list_(pa.string())
    return pa.schema([
        ("path", pa.string()), ("sha256", pa.string()), ("size", pa.int64()), ("media_type", pa.string()),
        ("verdict", pa.string()), ("strength", pa.string()), ("signal_ids", strings),
        ("gb45438_providers", strings), ("c2pa_signers", strings),
        ("detector_names", strings), ("detector_status", strings), ("detector_ms", pa.list_(pa.float64())),
        ("detector_errors", strings), ("error", pa.string()), ("analysed_at", pa.string()),
    ])


def row(rec: dict[str, Any]) -> dict[str, Any]:
    verdict = rec["verdict"] if isinstance(rec.get("verdict"), dict) else {}
    dets = [d for d in rec.get("detectors") or [] if isinstance(d, dict)]
    size = rec.get("size")
    return {
        "path": str(rec.get("path")),
        "sha256": rec.get("sha256"),
        "size": size if isinstance(size, int) else None,
        "media_type": rec.get("media_type"),
        "verdict": verdict.get("code"),
        "strength": verdict.get("strength"),
        "signal_ids": signal_ids(rec),
        "gb45438_providers": provider_codes(rec),
        "c2pa_signers": c2pa_signers(rec),
        "detector_names": [str(d.get("name")) for d in dets],
        "detector_status": [str(d.get("status")) for d in dets],
        "detector_ms": [float(d.get("ms") or 0.0) for d in dets],
        "detector_errors": [str(d.get("error") or "") for d in dets],
        "error": rec.get("error"),
        "analysed_at": rec.get("analysed_at"),
    }


def write(records: Iterable[dict[str, Any]], target: Path) -> int:
    """Write the table (atomically: a temp file renamed into place). Returns the row count."""
    pa, pq = _pyarrow()
    sch = schema()
    tmp = target.with_name(target.name + ".partial")
    n = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(tmp, sch, compression="zstd") as writer:
        for rec in records:
            batch.append(row(rec))
            if len(batch) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=sch))
                n += len(batch)
                batch.clear()
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=sch))
            n += len(batch)
    tmp.replace(target)
    return n
