"""What the listing commands share: the filter options, their EventFilter, and one line per event.

`events`, `timeline` and `export` take the same filters as the web pages (store.filters), typed
the same way (`--type message --type call`, `--since 2023-01-01`, `--peg news`); a country is a
code or a name ('PRK', 'North Korea'), and one the store has never seen is an error, not an
empty table. A listed event takes one line at 80 columns: its window, type, direction, short id
(the first 8 characters: `compare` and /event/<id> take it) and independent sources; a wider
terminal adds the medium, the parties, the occasion and why the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import InputError, MissiveError
from ..model import EVENT_TYPES
from .output import fail, parse_day

SHORT_ID = 8
PEGS = ("news", "background")
WIDE, WIDER, WIDEST = 100, 140, 180  # terminal widths from which more columns are shown

DB = typer.Option(None, "--db", help="DuckDB file (default: $MISSIVE_DB or ./missive.duckdb).")
PAIR = typer.Option(None, "--pair", help="Two countries (codes or names), e.g. --pair CHN PRK.")
COUNTRY = typer.Option(None, "--country", help="Events involving this country (code or name).")
TYPE = typer.Option(None, "--type", help=f"Event type, repeatable: {', '.join(EVENT_TYPES)}.")
MEDIUM = typer.Option(None, "--medium", help="Medium, repeatable: letter, reply, greeting, call, visit ...")
DIRECTION = typer.Option(None, "--direction", help="Seen from the first country: from (it sent), to (it "
                                                   "received) or mutual (meetings, agreements).")
SINCE = typer.Option(None, "--since", help="YYYY-MM-DD: windows ending before it are left out.")
UNTIL = typer.Option(None, "--until", help="YYYY-MM-DD: windows starting after it are left out.")
UNDATED = typer.Option(False, "--include-undated", help="With --since/--until, keep events nobody could date.")
PEG = typer.Option(None, "--peg", help="news (the news the article reports) or background (mentioned in passing).")
MIN_SOURCES = typer.Option(0, "--min-sources", help="At least this many independent sources.")
MIN_CONFIDENCE = typer.Option(0.0, "--min-confidence", help="At least this confidence (0-1).")
OUTLET = typer.Option(None, "--outlet", help="Reported by this outlet (its name as the store has it).")
LIMIT = typer.Option(None, "--limit", help="Print at most this many events.")


def build_filter(countries: Sequence[str] = (), types: Optional[list[str]] = None, media: Optional[list[str]] = None,
                 direction: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                 include_undated: bool = False, peg: Optional[str] = None, min_sources: int = 0,
                 min_confidence: float = 0.0, outlet: Optional[str] = None):  # -> store.filters.EventFilter
    """The EventFilter the options describe; a bad value ends the command with one line."""
    from ..actors.countries import resolve_country
    from ..store.filters import DIRECTIONS, EventFilter

    for value, name, allowed in ((direction, "--direction", DIRECTIONS), (peg, "--peg", PEGS),
                                 *((t, "--type", EVENT_TYPES) for t in types or ())):
        if value is not None and value not in allowed:
            fail(f"{name} '{value}' is not one of {', '.join(allowed)}")
    try:
        codes = tuple(resolve_country(c) for c in countries)
    except InputError as exc:
        fail(str(exc))
    return EventFilter(countries=codes, types=tuple(types or ()), media=tuple(media or ()), direction=direction,
                       since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                       include_undated=include_undated, background=None if peg is None else peg == "background",
                       min_sources=min_sources, min_confidence=min_confidence, outlet=outlet or "")


def open_reader(db: Optional[Path]):  # -> store.queries.Reader over a read-only store
    """A Reader over the store, which must exist: a read command never creates one (an older
    store is upgraded in place first, see Store.open_for_reading)."""
    from ..store.database import Store
    from ..store.queries import Reader

    try:
        return Reader(Store.open_for_reading(db))
    except MissiveError as exc:
        fail(str(exc))


def require_countries_known(reader, f) -> None:  # noqa: ANN001 - Reader, EventFilter (imported lazily)
    """A country the store has no event of ends the command: an empty table would read as 'none happened'."""
    from ..actors.countries import country_name

    known = reader.known_countries()
    for code in f.countries:
        if code not in known:
            fail(f"no event involving {country_name(code)} ({code}) is in {reader.store.path}")
    if len(f.countries) == 2 and not reader.count(type(f)(countries=f.countries)):
        a, b = f.countries
        fail(f"no event between {country_name(a)} ({a}) and {country_name(b)} ({b}) is in {reader.store.path}")


def window_label(lo: str | None, hi: str | None) -> str:
    """A window in as few characters as it needs: 2023-10-28, 2023-10, 2023, 2023-10-01…11-25, …2023-05-03."""
    if not lo and not hi:
        return "undated"
    if not lo or not hi:
        return f"…{hi}" if hi else f"{lo}…"
    start, end = date.fromisoformat(lo[:10]), date.fromisoformat(hi[:10])
    if start == end:
        return lo
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and lo[:7] == hi[:7]:
        return lo[:7]
    if lo[5:] == "01-01" and hi[5:] == "12-31" and lo[:4] == hi[:4]:
        return lo[:4]
    if lo[:7] == hi[:7]:
        return f"{lo}…{hi[8:]}"
    return f"{lo}…{hi[5:]}" if lo[:4] == hi[:4] else f"{lo}…{hi}"


def direction_label(row: dict) -> str:
    """'CHN→PRK' for a message or a call, 'CHN·PRK' for a meeting or an agreement (who met whom)."""
    from ..consolidation.consolidate import SYMMETRIC_TYPES

    src, tgt = row.get("source_country") or "", row.get("target_country") or ""
    if row.get("type") in SYMMETRIC_TYPES or not (src and tgt):
        return "·".join(row.get("countries") or [c for c in (src, tgt) if c]) or "?"
    return f"{src}→{tgt}"


def _parties(row: dict) -> str:
    src, tgt = row.get("source") or row.get("source_country") or "?", row.get("target") or row.get("target_country") or "?"
    return f"{src} → {tgt}"


def event_line(row: dict) -> str:
    """One event as a line of a stream (`missive watch` prints each new event so): the full id first,
    for scripts, then its window, type and medium, direction, parties and number of sources."""
    kind = row.get("type", "") + (f"/{row['medium']}" if row.get("medium") and row["medium"] != row.get("type") else "")
    sources = row.get("n_sources") or 1
    return (f"{row['event_id']}  {window_label(row.get('date_min'), row.get('date_max'))}  {kind}  "
            f"{direction_label(row)}  {_parties(row)}  ({sources} source{'' if sources == 1 else 's'})")


def console() -> Console:
    """A console for stdout made now, so that it reads the terminal's width (or $COLUMNS) of this run."""
    return Console(highlight=False)


def print_events(rows: list[dict], title: str) -> None:
    """One line per event, under a one-line title; beyond the five essential columns (window, type,
    direction, short id, sources) a wider terminal shares its spare width among medium, parties,
    occasion and the date's reason, each cut with an ellipsis rather than wrapped."""
    out = console()
    out.print(escape(title), no_wrap=True, overflow="ellipsis")
    essential = [[window_label(r.get("date_min"), r.get("date_max")), r.get("type", ""), direction_label(r),
                  r["event_id"][:SHORT_ID], str(r.get("n_sources", 1))] for r in rows]
    names = ("when", "type", "who", "id", "src")
    widths = [max([len(n), *(len(e[i]) for e in essential)]) for i, n in enumerate(names)]
    spare = out.width - sum(widths) - 2 * len(widths)
    extra = [name for name, at in (("medium", WIDE), ("parties", WIDE), ("occasion", WIDER), ("date reason", WIDEST))
             if out.width >= at]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), show_edge=False)
    for name, width in zip(names, widths):
        table.add_column(name, no_wrap=True, min_width=width, justify="right" if name == "src" else "left")
    for name in extra:
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=max(6, spare // len(extra) - 2))
    for r, cells in zip(rows, essential):
        more = {"medium": r.get("medium") or "", "parties": _parties(r), "occasion": r.get("occasion") or "",
                "date reason": r.get("date_summary") or (r.get("date_reason") or "").split(";")[0]}
        table.add_row(*(escape(c) for c in [*cells, *(more[name] for name in extra)]))
    out.print(table)
