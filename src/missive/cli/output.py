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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
