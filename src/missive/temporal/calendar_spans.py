"""Calendar arithmetic on (first day, last day) spans, and the precision a window's bounds have.

Every temporal rule answers with a span of days, and the reference-date inference shifts and
intersects such spans; both need the same notion of a calendar week, month or year, so the
arithmetic lives apart from the grammar that reads expressions and from the "now" inference.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..model import DateWindow

WEEKDAYS = tuple(calendar.day_name)  # read once: the locale lookup costs a strftime per name
WEEKDAY_ALTERNATION = "|".join(WEEKDAYS)
# "Thursday (4)": a weekday with its day of the month in brackets (the grammar's rule and the report day read it)
WEEKDAY_OF_DAY = rf"\b(?P<wd>{WEEKDAY_ALTERNATION})\s*\((?P<d>\d{{1,2}})\)"

Span = tuple[date, date]


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_span(day: date) -> Span:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def part_of_span(span: Span, part: str | None) -> Span:
    """'early/mid/late X': the first, middle or last third; 'the end of X' is its last third too."""
    if not part:
        return span
    p = part.lower()
    length = (span[1] - span[0]).days + 1
    if "half" in p:
        middle = span[0] + timedelta(days=length // 2)
        return (span[0], middle - timedelta(days=1)) if "first" in p else (middle, span[1])
    third = length // 3
    if p.startswith("early") or "beginning" in p or "start" in p:
        return span[0], span[0] + timedelta(days=third - 1)
    if p.startswith("mid") or "middle" in p:
        return span[0] + timedelta(days=third), span[1] - timedelta(days=third)
    return span[1] - timedelta(days=third - 1), span[1]


def shift_span(span: Span, unit: str, n: int) -> Span:
    """A span moved by n units; months and years move whole calendar months/years."""
    if unit.startswith("day"):
        return span[0] + timedelta(days=n), span[1] + timedelta(days=n)
    if unit.startswith("week"):
        return span[0] + timedelta(weeks=n), span[1] + timedelta(weeks=n)
    if unit.startswith("month"):
        return month_span(*add_months(span[0].year, span[0].month, n))[0], \
            month_span(*add_months(span[1].year, span[1].month, n))[1]
    years = 10 * n if unit.startswith("decade") else n
    return date(span[0].year + years, 1, 1), date(span[1].year + years, 12, 31)


def unit_span(ref: date, unit: str) -> Span:
    if unit.startswith("week"):
        return week_span(ref)
    if unit.startswith("month"):
        return month_span(ref.year, ref.month)
    if unit.startswith("quarter"):
        q0 = (ref.month - 1) // 3 * 3 + 1
        return month_span(ref.year, q0)[0], month_span(ref.year, q0 + 2)[1]
    if unit.startswith("decade"):
        return date(ref.year // 10 * 10, 1, 1), date(ref.year // 10 * 10 + 9, 12, 31)
    return date(ref.year, 1, 1), date(ref.year, 12, 31)


def fmt(start: date | None, end: date | None) -> str:
    if start and start == end:
        return start.isoformat()
    return f"{start.isoformat() if start else '…'}..{end.isoformat() if end else '…'}"


def window_of(start: date | None, end: date | None, reason: str) -> DateWindow:
    """A window whose precision says what its bounds are: a day, a calendar week, month or year."""
    if start is None and end is None:
        precision = "open"
    elif start is None or end is None:
        precision = "range"
    elif start == end:
        precision = "day"
    elif (start, end) == week_span(start):
        precision = "week"
    elif (start, end) == month_span(start.year, start.month):
        precision = "month"
    elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        precision = "year"
    else:
        precision = "range"
    return DateWindow(start, end, precision, reason)
