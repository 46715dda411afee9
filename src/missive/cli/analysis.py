"""Commands over consolidated events: timeline, stats, compare (registered by missive.cli.app).

Each command parses its arguments, calls one Store method and formats the answer; the logic lives
in missive.consolidation (pure) and missive.store (queries).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

import typer
from rich.table import Table

from ..errors import MissiveError
from .output import FLAT_COLUMNS, fail, out, parse_day, write_rows

TIMELINE_COLUMNS = FLAT_COLUMNS + ["docs", "n_sources", "n_reports", "outlets", "conflicts"]
T = TypeVar("T")
COUNTRY_A = typer.Argument(..., help="ISO3 code of one country, e.g. CHN.")
COUNTRY_B = typer.Argument(..., help="ISO3 code of the other, e.g. PRK.")
DB_OPTION = typer.Option(None, "--db", help="DuckDB file (default: $MISSIVE_DB or ./missive.duckdb).")


def _ask(db: Optional[Path], question: Callable[[Any], T]) -> T:
    """Open the store and ask it one thing; a store error is one line on stderr and exit status 1."""
    from ..store.database import Store

    try:
        with Store.open_for_reading(db) as store:
            return question(store)
    except MissiveError as exc:
        fail(str(exc))
        raise  # fail() exits; this keeps the type checker informed


def _direction(row: dict) -> str:
    src = row.get("source") or row.get("source_country") or "?"
    tgt = row.get("target") or row.get("target_country") or "?"
    if row["type"] in ("meeting", "agreement") or (row.get("participants") and len(row["participants"]) > 2):
        return " – ".join(row.get("countries") or [row.get("source_country"), row.get("target_country")])
    return f"{src} ({row.get('source_country')}) → {tgt} ({row.get('target_country')})"


def print_timeline(rows: list[dict], title: str) -> None:
    """One line per consolidated event; its conflicts, if any, on the lines below it."""
    table = Table(title=title)
    for col in ("when", "type", "medium", "direction", "occasion", "sources"):
        table.add_column(col, overflow="fold")
    for r in rows:
        when = f"{r.get('date_min') or '…'} → {r.get('date_max') or '…'}"
        if r.get("date_min") == r.get("date_max"):
            when = r["date_min"] or "undated"
        sources = f"{r['n_sources']} ({len(r['docs'])} articles)" if len(r["docs"]) != r["n_sources"] else str(r["n_sources"])
        table.add_row(when, r["type"] + (" (bg)" if r.get("background") else ""), r.get("medium") or "",
                      _direction(r), (r.get("occasion") or "")[:70], sources)
        for c in r.get("conflicts") or []:
            table.add_row("", f"[yellow]{c['kind']}[/yellow]", "", f"[dim]{c['reason']}[/dim]", "", "")
    out.print(table)


def _write_timeline_csv(rows: list[dict]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=TIMELINE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = dict(row, conflicts=" | ".join(c["reason"] for c in row.get("conflicts") or []))
        writer.writerow({k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in flat.items()})


def timeline(
    a: str = COUNTRY_A,
    b: str = COUNTRY_B,
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    fmt: str = typer.Option("table", "--format", help="table, jsonl or csv."),
    db: Optional[Path] = DB_OPTION,
) -> None:
    """The consolidated interactions between two countries, oldest first, each with all its sources."""
    if fmt not in ("table", "jsonl", "csv"):
        fail(f"--format '{fmt}' is not one of table, jsonl, csv")
    start = parse_day(since, "--since")
    rows = _ask(db, lambda store: store.timeline(a, b, start))
    if fmt == "jsonl":
        write_rows(rows, "jsonl", sys.stdout)
    elif fmt == "csv":
        _write_timeline_csv(rows)
    else:
        print_timeline(rows, f"{a.upper()} – {b.upper()}: {len(rows)} interactions from "
                             f"{sum(len(r['docs']) for r in rows)} article reports")


def stats(
    a: str = COUNTRY_A,
    b: str = COUNTRY_B,
    db: Optional[Path] = DB_OPTION,
) -> None:
    """Messages per year in each direction, the longest silence, 'first since' gaps and reply lags."""
    result = _ask(db, lambda store: store.pair_stats(a, b))
    years = Table(title=f"messages between {result.a} and {result.b} (consolidated; {result.undated} undated)")
    for col in ("year", f"{result.a} → {result.b}", f"{result.b} → {result.a}"):
        years.add_column(col, justify="right")
    for year, ab, ba in result.per_year:
        years.add_row(str(year), str(ab), str(ba))
    out.print(years)
    if result.longest_silence:
        g = result.longest_silence
        out.print(f"longest silence: {g.days} days, {g.from_day} → {g.to_day} ({g.from_id} → {g.to_id}; "
                  "days between window midpoints)", highlight=False)
    for title, gaps in (("first since", result.first_since), ("reply lags", result.reply_lags)):
        table = Table(title=title)
        for col in ("what", "from", "to", "days", "events"):
            table.add_column(col, overflow="fold")
        for g in gaps:
            table.add_row(g.label, str(g.from_day), str(g.to_day), str(g.days), f"{g.from_id} → {g.to_id}")
        out.print(table)


def compare(
    left: str = typer.Argument(..., help="An event id (consolidated or one report's)."),
    right: str = typer.Argument(..., help="Another event id."),
    db: Optional[Path] = DB_OPTION,
) -> None:
    """The quoted wording of two messages side by side, with the key phrases one has and the other lacks."""
    result = _ask(db, lambda store: store.compare(left, right))
    table = Table(title="wording compared", show_lines=True)
    table.add_column(f"{result.left.event_id}\n{result.left.label}", overflow="fold")
    table.add_column(f"{result.right.event_id}\n{result.right.label}", overflow="fold")
    table.add_row("\n\n".join(_quoted(q) for q in result.left.quotes) or "[dim]no quoted wording found[/dim]",
                  "\n\n".join(_quoted(q) for q in result.right.quotes) or "[dim]no quoted wording found[/dim]")
    table.add_row("only here: " + "; ".join(result.only_left), "only here: " + "; ".join(result.only_right))
    table.add_row("both: " + "; ".join(result.shared), "")
    out.print(table)


def _quoted(text: str) -> str:
    """The words in quotation marks, adding marks only where the stored quote has none."""
    return text if text[:1] in "“\"" else f"“{text}”"
