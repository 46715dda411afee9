"""`missive export`: the store's events as CSV, JSON lines or Parquet, with CAMEO and PLOVER codes.

The command parses its arguments and streams chunks from the store (missive.store.exports)
through the row builder and a writer (missive.export); nothing is held whole in memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

import typer

from ..errors import MissiveError
from .listing import (COUNTRY, DB, DIRECTION, MEDIUM, MIN_CONFIDENCE, MIN_SOURCES, OUTLET, PAIR, PEG, SINCE, TYPE,
                      UNDATED, UNTIL, build_filter)
from .output import err, fail


def export(
    db: Optional[Path] = DB,
    fmt: str = typer.Option("csv", "--format", help="csv, jsonl or parquet (parquet needs -o)."),
    level: str = typer.Option("event", "--level", help="event (one row per consolidated event) or report "
                                                        "(one row per article's report)."),
    pair: Optional[tuple[str, str]] = PAIR, country: Optional[str] = COUNTRY, type_: Optional[list[str]] = TYPE,
    medium: Optional[list[str]] = MEDIUM, direction: Optional[str] = DIRECTION, since: Optional[str] = SINCE,
    until: Optional[str] = UNTIL, include_undated: bool = UNDATED, peg: Optional[str] = PEG,
    min_sources: int = MIN_SOURCES, min_confidence: float = MIN_CONFIDENCE, outlet: Optional[str] = OUTLET,
    limit: Optional[int] = typer.Option(None, "--limit", help="Export at most this many rows (the first, oldest first)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
) -> None:
    """Export events with their sources, evidence and CAMEO/PLOVER codes for other event data."""
    from ..export.rows import LEVELS
    from ..export.writers import FORMATS

    if fmt not in FORMATS:
        fail(f"--format '{fmt}' is not one of {', '.join(FORMATS)}")
    if level not in LEVELS:
        fail(f"--level '{level}' is not one of {', '.join(LEVELS)}")
    if fmt == "parquet" and output is None:
        fail("--format parquet writes a binary file: name it with -o FILE")
    if limit is not None and limit < 1:
        fail(f"--limit {limit} is not a positive number")
    countries = list(pair or ()) + ([country] if country else [])
    f = build_filter(countries, type_, medium, direction, since, until, include_undated, peg, min_sources,
                     min_confidence, outlet)
    try:
        count = _export(db, fmt, level, f, output, limit)
    except MissiveError as exc:
        fail(str(exc))
    err.print(f"{count} {level}s exported" + (f" to {output}" if output else ""), highlight=False)


def _first(chunks: Iterable[list[dict]], limit: Optional[int]) -> Iterator[list[dict]]:
    """The chunks up to `limit` rows in all, the last one cut (the store's cursor stops being read there)."""
    left = limit
    for chunk in chunks:
        if left is None:
            yield chunk
            continue
        yield chunk[:left]
        left -= len(chunk[:left])
        if left <= 0:
            return


def _export(db: Optional[Path], fmt: str, level: str, f, output: Optional[Path],  # noqa: ANN001 - EventFilter
            limit: Optional[int] = None) -> int:
    from ..export.codes import CodeTable
    from ..export.rows import columns_of, event_row, report_row
    from ..export.writers import write_csv, write_jsonl, write_parquet
    from ..store.database import Store
    from ..store.exports import consolidated_chunks, report_chunks

    table, columns = CodeTable.load(), columns_of(level)
    to_row, chunks_of = (event_row, consolidated_chunks) if level == "event" else (report_row, report_chunks)
    with Store.open_for_reading(db) as store:
        chunks = ([to_row(flat, table) for flat in chunk] for chunk in _first(chunks_of(store, f), limit))
        if fmt == "parquet":
            return write_parquet(chunks, columns, output)
        dest = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt == "csv":
                return write_csv(chunks, [c.name for c in columns], dest)
            return write_jsonl(chunks, dest)
        finally:
            if output:
                dest.close()
