"""Whether two reports' date windows, occasions and year-less days allow them to be one interaction.

Consolidation links reports only when these agree; the tests are plain functions of a DateWindow, an
occasion phrase or a CalendarFact, kept apart from the clustering so they can be read, tested and
reused (the store and the web pages ask the same question) without the linking machinery around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import CalendarFact, DateWindow
from ..temporal.occasions import match_occasions

OCCASION_OVERLAP = 0.5  # share of the shorter occasion's content words the other must contain
YEAR_DAYS = 366  # no event's reports lie further apart than this (anchor to anchor)
NARROW_DAYS = 31  # a window this narrow says "this day, week or month": overlapping is evidence
VAGUE_DAYS = 2 * YEAR_DAYS  # wider windows ("since 2015") point at no day: they anchor nothing
CALENDAR_YEARS = range(1900, 2101)  # years a fact is tried in when no dated window narrows them
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def windows_overlap(a: DateWindow, b: DateWindow) -> bool:
    """Open bounds are compatible with anything."""
    return (a.start is None or b.end is None or a.start <= b.end) and (b.start is None or a.end is None or b.start <= a.end)


def gap_days(a: DateWindow, b: DateWindow) -> int:
    """Days between two windows that do not overlap (0 when they do; open bounds never leave a gap)."""
    if a.end and b.start and a.end < b.start:
        return (b.start - a.end).days
    if b.end and a.start and b.end < a.start:
        return (a.start - b.end).days
    return 0


def width(w: DateWindow) -> int | None:
    """Days a bounded window spans beyond its first (0 for one day); None when a bound is open."""
    return (w.end - w.start).days if w.start and w.end else None


def is_undated(w: DateWindow) -> bool:
    """The text gave no date at all (no bound either side)."""
    return w.start is None and w.end is None


def is_narrow(w: DateWindow) -> bool:
    span = width(w)
    return span is not None and span <= NARROW_DAYS


def anchor(w: DateWindow) -> date | None:
    """The day a window points at: its middle, or its one bound (a report bounded only by its own date).
    A window wider than two years points at nothing."""
    span = width(w)
    if span is not None:
        return None if span > VAGUE_DAYS else w.start + timedelta(days=span // 2)
    return w.start or w.end


def distance(w: DateWindow, other: DateWindow) -> int | None:
    """Days from a window's anchor to another window (0 inside it); None when either is open."""
    day = anchor(w)
    if day is None or (other.start is None and other.end is None):
        return None
    before = (other.start - day).days if other.start and day < other.start else 0
    after = (day - other.end).days if other.end and day > other.end else 0
    return max(before, after)


# -- year-less days ------------------------------------------------------------------------------------
def calendar_days(facts: Sequence[CalendarFact], within: DateWindow) -> list[tuple[date, date]]:
    """The windows every fact allows inside a window, one per fitting year (the window must be bounded,
    or it is tried in CALENDAR_YEARS)."""
    years = range(within.start.year - 1, within.end.year + 2) if within.start and within.end else CALENDAR_YEARS
    out = []
    for year in years:
        spans = [fact.window_in(year) for fact in facts]
        if any(s is None for s in spans):
            continue
        lo = max([s[0] for s in spans] + ([within.start] if within.start else []))
        hi = min([s[1] for s in spans] + ([within.end] if within.end else []))
        if lo <= hi:
            out.append((lo, hi))
    return out


def widened(window: DateWindow, days: int) -> DateWindow:
    """The window `days` wider on each bounded side (an open side stays open)."""
    more = timedelta(days=days)
    return DateWindow(window.start - more if window.start else None, window.end + more if window.end else None,
                      window.precision, window.reason)


def calendar_fits(facts: Sequence[CalendarFact], window: DateWindow, slack: int = 0) -> bool | None:
    """Do year-less days fit a window (or miss it by no more than `slack` days)? None when there is
    nothing to test (no facts, no bound)."""
    if not facts or (window.start is None and window.end is None):
        return None
    return bool(calendar_days(facts, widened(window, slack) if slack else window))


def calendars_meet(a: Sequence[CalendarFact], b: Sequence[CalendarFact], slack: int = 0) -> bool:
    """Is there a year in which the days both sets of year-less facts allow lie no more than `slack`
    days apart ("May 2" and "May 3" meet with a day's slack, "May 2" and "May 20" never)?"""
    if not slack:
        return bool(calendar_days(tuple(a) + tuple(b), DateWindow(None, None)))
    days_b = {lo.year: (lo, hi) for lo, hi in _yearly(tuple(b))}
    more = timedelta(days=slack)
    return any(lo - more <= other[1] and other[0] <= hi + more
               for lo, hi in _yearly(tuple(a)) for y in (lo.year - 1, lo.year, lo.year + 1)
               if (other := days_b.get(y)) is not None)


@lru_cache(maxsize=1024)
def _yearly(facts: tuple[CalendarFact, ...]) -> tuple[tuple[date, date], ...]:
    return tuple(calendar_days(facts, DateWindow(None, None)))


def calendar_window(facts: Sequence[CalendarFact], window: DateWindow) -> tuple[date, date] | None:
    """The part of a bounded window the facts allow (its hull over the fitting years)."""
    if not facts or not (window.start and window.end):
        return None
    fits = calendar_days(facts, window)
    return (fits[0][0], fits[-1][1]) if fits else None


def fitting_years(facts: Sequence[CalendarFact], window: DateWindow = DateWindow(None, None)) -> tuple[int, ...]:
    return tuple(lo.year for lo, _ in calendar_days(facts, window))


# -- occasions -----------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    words = {m.group().lower().replace("’", "'") for m in _WORD.finditer(text)}
    words = {w[:-2] if w.endswith("'s") else w for w in words} - STOP_WORDS
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _numbers(words: frozenset[str]) -> set[str]:
    return {re.sub(r"\D", "", w) for w in words if any(c.isdigit() for c in w)}


@lru_cache(maxsize=16384)
def occasion_affinity(a: str, b: str) -> float:
    """Share of the shorter occasion's words found in the other; -1 when their numbers disagree.

    Numbers only veto: 'the 70th anniversary of the founding' and 'the 70th anniversary of relations'
    share a number but are two occasions, which the remaining words tell apart.
    """
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    na, nb = _numbers(wa), _numbers(wb)
    if na and nb and not na & nb:
        return -1.0  # the 74th and the 75th anniversary are two occasions
    wa, wb = wa - {w for w in wa if any(c.isdigit() for c in w)}, wb - {w for w in wb if any(c.isdigit() for c in w)}
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 1.0


def has_number(occasion: str) -> bool:
    return bool(_numbers(_content_words(occasion)))


@lru_cache(maxsize=4096)
def is_one_off(occasion: str) -> bool:
    """Does the occasion happen once ('the 76th anniversary', 'the 2019 elections', a ceasefire
    statement), unlike New Year or a national day (the recurring rows of occasions.csv)?"""
    if has_number(occasion):
        return True
    return not any(m.occasion.is_recurring for m in match_occasions(occasion))


def occasions_compatible(a: str, b: str) -> bool:
    return not a.strip() or not b.strip() or occasion_affinity(a, b) >= OCCASION_OVERLAP
