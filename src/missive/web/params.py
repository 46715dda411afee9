"""A page's query string, read into an EventFilter and written back into links.

The pages take the filters the CLI takes (store.filters), named as short query parameters
(?type=message&since=2023&peg=news). A typo in a box means 'no filter', never an error page: an
analyst who typed 'abc' in a year box sees everything, with the box shown empty. Every link a
page makes (a download, the next page, another sort) carries the current filters, so what is
downloaded is what is shown.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from ..model import EVENT_TYPES
from ..store.filters import DIRECTIONS, ORDERS, EventFilter

FILTER_KEYS = ("type", "medium", "direction", "since", "until", "undated", "peg", "min_sources", "min_confidence",
               "outlet")
PAGE_KEYS = ("per", "sort", "page")
UNITS = ("year", "month")
_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_bound(value: str | None, end: bool = False) -> date | None:
    """'2023' -> 1 Jan (or 31 Dec for an end), '2023-05' -> the month's first (last) day, '2023-05-04'
    as it is; anything else -> None."""
    m = _DAY.match((value or "").strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or (12 if end else 1)), m.group(3)
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, last if end else 1)
    return date(year, month, int(day)) if 1 <= int(day) <= last else None


def parse_moment(value: str | None) -> datetime | None:
    """A time from the address ('2026-03-04' or '2026-03-04T10:00', on the store's clock; one with
    an offset is taken to this machine's zone, DuckDB's default); anything else -> None."""
    try:
        moment = datetime.fromisoformat((value or "").strip())
    except ValueError:
        return None
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _number(value: str | None, kind: type, low: float, high: float) -> Any:
    try:
        number = kind(value)
    except (TypeError, ValueError):
        return kind(0)
    return number if low <= number <= high else kind(0)


def filter_from_query(query: QueryParams | Mapping[str, Any], countries: Sequence[str] = ()) -> EventFilter:
    """The EventFilter a page's query string asks for (unknown values dropped)."""
    multi = query.getlist if isinstance(query, QueryParams) else (lambda k: _as_list(query.get(k)))
    peg = query.get("peg")
    return EventFilter(
        countries=tuple(countries),
        types=tuple(t for t in multi("type") if t in EVENT_TYPES),
        media=tuple(m for m in multi("medium") if m and re.fullmatch(r"[a-z_]{1,40}", m)),
        direction=query.get("direction") if query.get("direction") in DIRECTIONS and countries else None,
        since=parse_bound(query.get("since")), until=parse_bound(query.get("until"), end=True),
        include_undated=query.get("undated") in ("1", "on", "true"),
        background={"news": False, "background": True}.get(peg or ""),
        min_sources=_number(query.get("min_sources"), int, 0, 1000),
        min_confidence=_number(query.get("min_confidence"), float, 0.0, 1.0),
        outlet=(query.get("outlet") or "").strip()[:200],
    )


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def filter_query(f: EventFilter, raw: QueryParams | Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """The query pairs that give `f` back (dates as the user typed them when they parse)."""
    raw = raw or {}
    pairs: list[tuple[str, str]] = [("type", t) for t in f.types] + [("medium", m) for m in f.media]
    if f.direction:
        pairs.append(("direction", f.direction))
    for key, bound in (("since", f.since), ("until", f.until)):
        if bound:
            pairs.append((key, str(raw.get(key) or bound.isoformat()).strip()))
    if f.include_undated:
        pairs.append(("undated", "1"))
    if f.background is not None:
        pairs.append(("peg", "background" if f.background else "news"))
    if f.min_sources:
        pairs.append(("min_sources", str(f.min_sources)))
    if f.min_confidence:
        pairs.append(("min_confidence", f"{f.min_confidence:g}"))
    if f.outlet:
        pairs.append(("outlet", f.outlet))
    return pairs


def link(path: str, f: EventFilter, raw: QueryParams | Mapping[str, Any] | None = None, **extra: Any) -> str:
    """`path` with the filter's query string and any extra parameters (None drops one)."""
    pairs = filter_query(f, raw) + [(k, str(v)) for k, v in extra.items() if v not in (None, "")]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def form_values(f: EventFilter, raw: QueryParams | Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the filter boxes show: the filter as understood (a value that did not parse is blank)."""
    raw = raw or {}
    return {"types": list(f.types), "media": list(f.media), "direction": f.direction or "",
            "since": str(raw.get("since") or "").strip() if f.since else "",
            "until": str(raw.get("until") or "").strip() if f.until else "",
            "undated": f.include_undated, "peg": {None: "", False: "news", True: "background"}[f.background],
            "min_sources": f.min_sources, "min_confidence": f.min_confidence, "outlet": f.outlet,
            "active": bool(filter_query(f))}


def unit_of(query: QueryParams | Mapping[str, Any], default: str = "year") -> str:
    return query.get("per") if query.get("per") in UNITS else default


def order_of(query: QueryParams | Mapping[str, Any], default: str = "date") -> str:
    return query.get("sort") if query.get("sort") in ORDERS else default


def page_of(query: QueryParams | Mapping[str, Any]) -> int:
    return max(1, _number(query.get("page"), int, 1, 1_000_000))
