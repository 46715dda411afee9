"""One filter set for every listing: the pages' query strings, the CLI's options and the export.

An analyst narrows the record the same way wherever they read it: by countries (a pair or one
country), type, medium, direction, a period, news peg or background, independent sources,
confidence and outlet. `EventFilter` holds those choices; `consolidated_where` and
`reports_where` turn them into SQL over the consolidated events and over the reports (table
events), so /pair/CHN/PRK.csv?type=message, `missive events --pair CHN PRK --type message` and
`missive export --pair CHN PRK --type message` select the same events.

Dates: a window overlaps the period (an open side stays open). An undated event (no bound at
all) is left out as soon as a period is asked for, unless `include_undated` says otherwise:
an analyst asking for 2023 must not receive events nobody could date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..consolidation.consolidate import SYMMETRIC_TYPES

DIRECTIONS = ("from", "to", "mutual")  # relative to the first country: it sent, it received, no direction
ORDERS = ("date", "-date", "sources")  # oldest first, newest first, most independent sources first


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to keep. Empty fields keep everything; `countries` are ISO3 codes an event must all involve."""

    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    media: tuple[str, ...] = ()
    direction: str | None = None
    since: date | None = None
    until: date | None = None
    include_undated: bool = False
    background: bool | None = None  # None: both; False: news pegs only; True: background only
    min_sources: int = 0
    min_confidence: float = 0.0
    outlet: str = ""
    event_ids: tuple[str, ...] | None = field(default=None)  # only these (a search's hits)

    @property
    def has_period(self) -> bool:
        return bool(self.since or self.until)

    def but(self, **changes: Any) -> "EventFilter":
        """The same filter with some fields changed (a facet's count ignores its own field)."""
        return replace(self, **changes)


def direction_sql(focus: str) -> tuple[str, list[Any]]:
    """SQL naming an event's direction seen from `focus`: 'from', 'to' or 'mutual' (meetings and
    agreements, and any event without both a sender and a recipient, have no direction)."""
    symmetric = ", ".join(f"'{t}'" for t in sorted(SYMMETRIC_TYPES))
    return (f"CASE WHEN type IN ({symmetric}) OR coalesce(source_country, '') = '' OR coalesce(target_country, '') = ''"
            " THEN 'mutual' WHEN source_country = ? THEN 'from' WHEN target_country = ? THEN 'to' ELSE 'mutual' END",
            [focus, focus])


def _period(where: list[str], args: list[Any], f: EventFilter) -> None:
    """The window overlaps [since, until]; undated events only when asked for."""
    if not f.has_period:
        return
    bounds = []
    if f.since:
        bounds.append("coalesce(date_max, date_min, DATE '9999-12-31') >= ?")
        args.append(f.since)
    if f.until:
        bounds.append("coalesce(date_min, date_max, DATE '0001-01-01') <= ?")
        args.append(f.until)
    undated = "(date_min IS NULL AND date_max IS NULL)"
    joined = " AND ".join(bounds)
    where.append(f"(({joined}) OR {undated})" if f.include_undated else f"({joined}) AND NOT {undated}")


@dataclass(frozen=True, slots=True)
class Columns:
    """How a table names what the filters test: the consolidated events keep most of it in their
    flat JSON, the reports (table events) in columns. An empty string: the table cannot test it."""

    country: str  # SQL true when the event involves the country given as ?, its arguments' count
    country_args: int
    medium: str
    background: str
    confidence: str
    sources: str
    outlet: str  # SQL giving the event's outlets as a list of lower-case names


CONSOLIDATED = Columns(
    country="list_contains(countries, ?)", country_args=1, medium="flat->>'$.medium'",
    background="coalesce((flat->>'$.background')::BOOLEAN, false)", confidence="coalesce((flat->>'$.confidence')::DOUBLE, 0)",
    sources="n_sources", outlet="list_transform(from_json(flat->'$.outlets', '[\"VARCHAR\"]'), lambda o: lower(o))")
REPORTS = Columns(
    country="(source_country = ? OR target_country = ? OR list_contains(participants, ?))", country_args=3,
    medium="medium", background="coalesce(background, false)", confidence="coalesce(confidence, 0)", sources="",
    outlet="")


def where_of(f: EventFilter, columns: Columns) -> tuple[list[str], list[Any]]:
    """WHERE clauses and arguments selecting what `f` keeps from a table named by `columns`."""
    where: list[str] = []
    args: list[Any] = []
    for code in f.countries:
        where.append(columns.country)
        args += [code] * columns.country_args
    if f.types:
        where.append("list_contains(?, type)")
        args.append(list(f.types))
    _period(where, args, f)
    if f.direction and f.countries:
        _direction(where, args, f)
    tests = ((f.media, f"list_contains(?, {columns.medium})", list(f.media)),
             (f.background is not None, f"{columns.background} = ?", f.background),
             (f.min_sources > 1 and columns.sources, f"{columns.sources} >= ?", f.min_sources),
             (f.min_confidence > 0, f"{columns.confidence} >= ?", f.min_confidence),
             (f.outlet and columns.outlet, f"list_contains({columns.outlet}, ?)", f.outlet.lower()),
             (f.event_ids is not None, "list_contains(?, event_id)", list(f.event_ids or ())))
    for wanted, sql, value in tests:
        if wanted:
            where.append(sql)
            args.append(value)
    return where, args


def _direction(where: list[str], args: list[Any], f: EventFilter) -> None:
    sql, dir_args = direction_sql(f.countries[0])
    where.append(f"({sql}) = ?")
    args += [*dir_args, f.direction]
    if f.direction != "mutual" and len(f.countries) > 1:
        where.append(f"{'target_country' if f.direction == 'from' else 'source_country'} = ?")
        args.append(f.countries[1])


def consolidated_where(f: EventFilter) -> tuple[list[str], list[Any]]:
    """WHERE clauses and arguments over table consolidated (its columns and its flat JSON)."""
    return where_of(f, CONSOLIDATED)


def reports_where(f: EventFilter, outlet_sql: str = "") -> tuple[list[str], list[Any]]:
    """WHERE clauses and arguments over table events (one article's report each). A report has one
    article, so `min_sources` does not apply; `outlet_sql` names the report's outlet when joined."""
    columns = REPORTS if not outlet_sql else replace(REPORTS, outlet=f"[lower({outlet_sql})]")
    return where_of(f, columns)


def order_sql(order: str) -> str:
    """ORDER BY of consolidated events: by date (open windows last, replies after what they answer)."""
    by_date = "coalesce(date_min, date_max) {d} NULLS LAST, date_max {d} NULLS LAST, (flat->>'$.medium') = 'reply', event_id"
    if order == "-date":
        return "coalesce(date_max, date_min) DESC NULLS LAST, date_min DESC NULLS LAST, event_id"
    if order == "sources":
        return "n_sources DESC, " + by_date.format(d="DESC")
    return by_date.format(d="ASC")


def clauses(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""
