"""Writing rows as CSV, JSON lines or Parquet, one chunk at a time so memory stays flat.

CSV is for spreadsheets: a list of names joins with ';', nested values stay JSON. JSON lines keep
every value as it is. Parquet carries real types (dates, integers, lists, booleans), so
`SELECT ... FROM 'events.parquet'` in DuckDB or pandas reads them without parsing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..model import FlatField

FORMATS = ("csv", "jsonl", "parquet")


def csv_cell(value: Any) -> Any:
    """One CSV cell: a list of names joins with ';' (spreadsheet-friendly), a nested list or a
    mapping stays JSON (evidence spans, reports), None is empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return ";".join(value)
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def write_csv(chunks: Iterable[list[dict]], names: Sequence[str], dest: IO[str]) -> int:
    writer = csv.DictWriter(dest, fieldnames=list(names), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for chunk in chunks:
        writer.writerows({k: csv_cell(row.get(k)) for k in names} for row in chunk)
        count += len(chunk)
    return count


def write_jsonl(chunks: Iterable[list[dict]], dest: IO[str]) -> int:
    count = 0
    for chunk in chunks:
        dest.writelines(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in chunk)
        count += len(chunk)
    return count


def write_parquet(chunks: Iterable[list[dict]], columns: Sequence[FlatField], path: Path) -> int:
    """A Parquet file with one typed column per FlatField; an empty export still has the schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c.name, _arrow_type(c.kind)) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in chunks:
            typed = [{c.name: _typed(row.get(c.name), c.kind) for c in columns} for row in chunk]
            writer.write_table(pa.Table.from_pylist(typed, schema=schema))
            count += len(chunk)
    return count


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"str": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64(),
            "bool": pa.bool_(), "list": pa.list_(pa.string()), "spans": pa.list_(pa.list_(pa.int64()))}[kind]


def _typed(value: Any, kind: str) -> Any:
    if value is None or value == "" and kind != "str":
        return [] if kind in ("list", "spans") else None
    if kind == "date" and isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value
