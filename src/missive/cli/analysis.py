"""The listing commands: events, timeline, stats, compare (registered by missive.cli.app).

Each parses its arguments into one EventFilter (cli.listing), asks the store's Reader and prints
one line per event, JSON lines or CSV. A country or an id the store does not know ends the command
with one line and exit code 1; a filter that leaves nothing says so on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from ..errors import MissiveError
from .listing import (COUNTRY, DB, DIRECTION, LIMIT, MEDIUM, MIN_CONFIDENCE, MIN_SOURCES, OUTLET, PAIR, PEG, SINCE,
                      TYPE, UNDATED, UNTIL, build_filter, console, open_reader, print_events, require_countries_known)
from .output import FLAT_COLUMNS, err, fail, write_rows

LISTED_COLUMNS = FLAT_COLUMNS + ["docs", "n_sources", "n_reports", "outlets", "conflicts"]
FORMATS = ("table", "jsonl", "csv")
LEVELS = ("event", "report")
FORMAT = typer.Option("table", "--format", help="table, jsonl or csv.")


def _emit(rows: list[dict], fmt: str, title: str, columns: list[str] = LISTED_COLUMNS) -> None:
    if not rows:
        err.print("no event matches these filters", highlight=False)
    if fmt == "table":
        print_events(rows, title)
    else:
        write_rows(rows, fmt, sys.stdout, columns)


def _check(fmt: str, limit: Optional[int]) -> None:
    if fmt not in FORMATS:
        fail(f"--format '{fmt}' is not one of {', '.join(FORMATS)}")
    if limit is not None and limit < 1:
        fail(f"--limit {limit} is not a positive number")


def events(
    db: Optional[Path] = DB, pair: Optional[tuple[str, str]] = PAIR, country: Optional[str] = COUNTRY,
    type_: Optional[list[str]] = TYPE, medium: Optional[list[str]] = MEDIUM, direction: Optional[str] = DIRECTION,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL, include_undated: bool = UNDATED,
    peg: Optional[str] = PEG, min_sources: int = MIN_SOURCES, min_confidence: float = MIN_CONFIDENCE,
    outlet: Optional[str] = OUTLET, limit: Optional[int] = LIMIT, fmt: str = FORMAT,
    level: str = typer.Option("event", "--level", help="event (consolidated, one per interaction) or report "
                                                        "(one per article's account)."),
) -> None:
    """List events, newest first: one line each with its window, type, direction, short id and sources."""
    _check(fmt, limit)
    if level not in LEVELS:
        fail(f"--level '{level}' is not one of {', '.join(LEVELS)}")
    countries = list(pair or ()) + ([country] if country else [])
    f = build_filter(countries, type_, medium, direction, since, until, include_undated, peg, min_sources,
                     min_confidence, outlet)
    reader = open_reader(db)
    with reader.store:
        require_countries_known(reader, f)
        if level == "report":
            rows, total = reader.store.events(f), None
            rows = rows[:limit] if limit else rows
        else:
            rows, total = reader.events(f, order="-date", limit=limit), reader.count(f)
    shown = f"{len(rows)} of {total}" if total is not None and total != len(rows) else str(len(rows))
    _emit(rows, fmt, f"{shown} {level}s, newest first", LISTED_COLUMNS if level == "event" else FLAT_COLUMNS)


def timeline(
    a: str = typer.Argument(..., help="One country: a code (CHN) or a name (China)."),
    b: str = typer.Argument(..., help="The other, e.g. PRK or 'North Korea'."),
    type_: Optional[list[str]] = TYPE, medium: Optional[list[str]] = MEDIUM, direction: Optional[str] = DIRECTION,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL, include_undated: bool = UNDATED,
    peg: Optional[str] = PEG, min_sources: int = MIN_SOURCES, min_confidence: float = MIN_CONFIDENCE,
    outlet: Optional[str] = OUTLET, limit: Optional[int] = LIMIT, fmt: str = FORMAT, db: Optional[Path] = DB,
) -> None:
    """The consolidated interactions between two countries, oldest first, each with all its sources."""
    _check(fmt, limit)
    f = build_filter([a, b], type_, medium, direction, since, until, include_undated, peg, min_sources,
                     min_confidence, outlet)
    reader = open_reader(db)
    with reader.store:
        require_countries_known(reader, f)
        rows, total = reader.events(f, limit=limit), reader.count(f)
    x, y = f.countries
    shown = f"{len(rows)} of {total}" if total != len(rows) else str(total)
    _emit(rows, fmt, f"{x}–{y}: {shown} interactions from {sum(len(r.get('docs') or ()) for r in rows)} "
                     "article reports, oldest first")


def stats(
    a: str = typer.Argument(..., help="A country: a code (CHN) or a name."),
    b: Optional[str] = typer.Argument(None, help="Another country, for the pair's statistics."),
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL, include_undated: bool = UNDATED,
    db: Optional[Path] = DB,
) -> None:
    """Events per year of every type and direction; for a pair also the longest silence, 'first since'
    gaps and reply lags of its messages."""
    f = build_filter([a, b] if b else [a], since=since, until=until, include_undated=include_undated)
    reader = open_reader(db)
    with reader.store:
        require_countries_known(reader, f)
        by_type, by_direction = reader.per_period(f), reader.per_period(f, by="direction")
        unplaced, total = reader.unplaced(f), reader.count(f)
        messages = reader.store.pair_stats(*f.countries) if b else None
    label = "–".join(f.countries)
    _print_per_year(by_type, f"{label}: {total} events by year and type ({unplaced} with an open window not placed)")
    names = {"from": f"{f.countries[0]}→{f.countries[1]}" if b else f"from {a.upper()}",
             "to": f"{f.countries[1]}→{f.countries[0]}" if b else f"to {a.upper()}", "mutual": "mutual"}
    _print_per_year([(p, names[d], n) for p, d, n in by_direction], f"{label}: by year and direction")
    if messages:
        _print_message_gaps(messages)


def _print_per_year(rows: list[tuple[str, str, int]], title: str) -> None:
    """A table of years by kinds (types or directions), every kind a column, a total at the end."""
    kinds = sorted(dict.fromkeys(k for _, k, _ in rows), key=lambda k: (k == "mutual", k))
    counts = {(p, k): n for p, k, n in rows}
    out = console()
    out.print(escape(title))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for col in ("year", *kinds, "all"):
        table.add_column(col, justify="right", no_wrap=True)
    for period in dict.fromkeys(p for p, _, _ in rows):
        cells = [counts.get((period, k), 0) for k in kinds]
        table.add_row(period, *map(str, cells), str(sum(cells)))
    out.print(table)


def _print_message_gaps(result) -> None:  # noqa: ANN001 - consolidation.pair_analysis.PairStats
    out = console()
    if result.longest_silence:
        g = result.longest_silence
        out.print(f"longest silence between messages: {g.days} days, {g.from_day} → {g.to_day} "
                  f"({g.from_id[:8]} → {g.to_id[:8]}; days between window midpoints)")
    for title, gaps in (("messages: first since", result.first_since), ("messages: reply lags", result.reply_lags)):
        if not gaps:
            continue
        out.print(title)
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        for col in ("what", "from", "to", "days", "events"):
            table.add_column(col, overflow="fold")
        for g in gaps:
            table.add_row(g.label, str(g.from_day), str(g.to_day), str(g.days), f"{g.from_id[:8]} → {g.to_id[:8]}")
        out.print(table)


def compare(
    left: str = typer.Argument(..., help="An event id, or its first characters (as listed by `missive events`)."),
    right: str = typer.Argument(..., help="Another event id or prefix."),
    db: Optional[Path] = DB,
) -> None:
    """The quoted wording of two messages side by side, with the key phrases one has and the other lacks."""
    reader = open_reader(db)
    try:
        with reader.store:
            result = reader.store.compare(reader.complete_id(left), reader.complete_id(right))
    except MissiveError as exc:
        fail(str(exc))
    table = Table(title="wording compared", show_lines=True)
    table.add_column(f"{result.left.event_id}\n{result.left.label}", overflow="fold")
    table.add_column(f"{result.right.event_id}\n{result.right.label}", overflow="fold")
    table.add_row(escape("\n\n".join(_quoted(q) for q in result.left.quotes)) or "[dim]no quoted wording found[/dim]",
                  escape("\n\n".join(_quoted(q) for q in result.right.quotes)) or "[dim]no quoted wording found[/dim]")
    table.add_row(escape("only here: " + "; ".join(result.only_left)), escape("only here: " + "; ".join(result.only_right)))
    table.add_row(escape("both: " + "; ".join(result.shared)), "")
    console().print(table)


def _quoted(text: str) -> str:
    """The words in quotation marks, adding marks only where the stored quote has none."""
    return text if text[:1] in "“\"" else f"“{text}”"
