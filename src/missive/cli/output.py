"""What the commands print: one-line errors, tables for people, JSON lines and CSV for programs.

Shared by every command module so that errors, dates and event rows look the same whichever
command prints them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..export.writers import write_csv, write_jsonl
from ..model import FLAT_FIELDS, Skip

out = Console()
err = Console(stderr=True)

# The CSV of events: every field of the flat format but the offsets (JSON lines keep them).
FLAT_COLUMNS = [f.name for f in FLAT_FIELDS if f.kind != "spans"]


def fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def parse_day(value: Optional[str], name: str) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{name} '{value}' is not a date (YYYY-MM-DD)")
    return None


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[..., None]]:
    """A bar on stderr, counting inputs, drawn only on a terminal and gone when done (a log keeps
    only the lines that matter); yields the function that advances it by one."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=total)
        yield lambda *_: bar.advance(task)


def warn_skip(skip: Skip) -> None:
    err.print(skip.message(), highlight=False, soft_wrap=True, markup=False)


def write_rows(rows: Iterable[dict], fmt: str, dest, columns: Sequence[str] = FLAT_COLUMNS) -> None:
    """Rows as JSON lines (every key) or CSV (the given columns; lists joined with ';')."""
    if fmt == "jsonl":
        write_jsonl([list(rows)], dest)
    else:
        write_csv([list(rows)], columns, dest)


def _when(row: dict) -> str:
    lo, hi = row.get("date_min"), row.get("date_max")
    if lo and lo == hi:
        return lo
    if lo and hi and lo[:4] == hi[:4]:
        return f"{lo}…{hi[5:]}"
    if not lo and not hi:
        return "undated"
    return f"{lo or ''}…{hi or ''}"


def _who(row: dict) -> str:
    parts = row.get("participants") or []
    if len(parts) > 2:
        return " · ".join(parts)
    src = f"{row.get('source') or ''} ({row.get('source_country')})".strip()
    tgt = f"{row.get('target') or ''} ({row.get('target_country')})".strip()
    return f"{src} → {tgt}"


def print_table(rows: list[dict], title: str) -> None:
    """Events one per row, readable in an 80-column terminal; the date's reason on a dim line."""
    table = Table(title=title, show_lines=False, pad_edge=False)
    table.add_column("when", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("who → whom  (why this date)", overflow="fold", ratio=1)
    table.add_column("article", no_wrap=True, max_width=14, overflow="ellipsis")
    for r in rows:
        kind = r["type"] + (f"/{r['medium']}" if r.get("medium") else "") + (" (bg)" if r.get("background") else "")
        reason = (r.get("date_reason") or "").split(";")[0]
        who = _who(r) + (f"\n[dim]{escape(reason[:90])}[/dim]" if reason else "")
        table.add_row(_when(r), kind, who, r["doc"])
    out.print(table)
