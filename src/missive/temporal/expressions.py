"""Finding temporal expressions in a text and resolving one to a window of days.

Finding scans the whole grammar over a sentence and keeps the longest expressions without
overlaps; resolving applies one expression's rule to both ends of the article's "now" (or of
the previous dated event). Both sit on top of the grammar and below the "now" inference,
which uses them to read the expression next to an anniversary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..knowledge.words import month_number
from ..model import CalendarFact, DateWindow
from .calendar_spans import WEEKDAYS, fmt, window_of
from .grammar import RULES, Parsed, Rule, named_group, parse_expression
from .name_matching import normalise
from .occasions import find_occasion

_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|until|till|through|and)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a text: [start, end) into that text."""

    start: int
    end: int
    text: str


def _lift(parsed: Parsed, ref: DateWindow) -> tuple[date | None, date | None] | None:
    """Apply a rule to both ends of the reference window: a monotone function maps ends to ends."""
    rule, m = parsed.rule, parsed.match
    if rule.basis == "absolute" or (ref.start is None and ref.end is None):
        return rule.at(m, None)
    if rule.is_nearest and ref.end is None:
        return None
    lo = rule.at(m, ref.start) if ref.start else None
    hi = rule.at(m, ref.end) if ref.end else None
    if lo is None and hi is None:
        return None
    ends = [d for d in (lo[0] if lo else None, hi[1] if hi else None) if d]
    return (min(ends) if lo else None, max(ends) if hi else None)


def resolve_expression(text: str, now: DateWindow, anchor: DateWindow | None = None) -> DateWindow | None:
    """The window an expression denotes, given the article's now (and the previous dated event)."""
    parsed = parse_expression(text)
    if parsed is None or len(parsed.match.group(0)) < 0.7 * len(text.strip()):
        ranged = _resolve_range(text, now, anchor)
        if ranged is not None:
            return ranged
    if parsed is None:
        found = find_occasion(text, now)
        return DateWindow(found[1].start, found[1].end, found[1].precision, found[2]) if found and (
            found[1].start or found[1].end) else None
    rule = parsed.rule
    if rule.basis == "anchor" and anchor is None:
        return None
    ref = anchor if rule.basis == "anchor" and anchor is not None else now
    span = _lift(parsed, ref)
    if span is None:
        return None
    start, end = span
    if parsed.bound == "since":
        end = now.end
    elif parsed.bound == "until":
        start = None
    if start and end and start > end:
        return None  # 'since 2017' read on a day of 2000: the text and its now disagree, no window fits
    side = "anchor" if rule.basis == "anchor" else "now"
    basis = "" if rule.basis == "absolute" else f" ({side} {fmt(ref.start, ref.end)})"
    reason = f"'{text.strip()}': {rule.says}{basis} -> {fmt(start, end)}"
    return window_of(start, end, reason)


def _named_day(text: str) -> CalendarFact | None:
    """The day an expression names without a year ("on May 2", "Thursday, 4 May", "3-5 June")."""
    text = _STRIP_PREP.sub("", text.strip())
    parsed = parse_expression(text)
    if parsed is None or parsed.rule.basis != "now" or len(parsed.match.group(0)) < 0.7 * len(text):
        return None
    m = parsed.match
    mon, day = named_group(m, "mon"), named_group(m, "d")
    if not (mon and day) or named_group(m, "y") or named_group(m, "rel"):
        return None
    month, first = month_number(mon), int(day)
    last = int(named_group(m, "d2") or first)
    wd = named_group(m, "wd")
    if month is None or last < first:
        return None
    return CalendarFact(month, first, weekday=WEEKDAYS.index(wd.capitalize()) if wd else None,
                        days_after=last - first, reason=f"'{text}' names a day without a year")


# Years whose days fall on every weekday, leap years among them: what a year-less day allows is
# read in each of them.
_SAMPLE_YEARS = tuple(range(2001, 2013))


def year_less_fact(text: str, dateline: tuple[int, int] | None = None) -> CalendarFact | None:
    """What an expression says of its day when no year is known, as a CalendarFact: when nothing in
    the article fixes the year the window stays open, but the day still tells another report's dated
    window which years fit (consolidation). Without a dateline, only a day it names: "on May 2",
    "Thursday, 4 May", "3-5 June". Under a year-less dateline "May 4", also what it says relative
    to that day: "on Tuesday" is the Tuesday of the week up to May 4 (CalendarFact(5, 4, weekday=1,
    days_before=6)), read by resolving it against the dateline's day in years of every weekday.
    None when it says nothing fixed (a bare weekday or "yesterday" without a dateline, "in 2019")."""
    if dateline is None:
        return _named_day(text)
    month, day = dateline
    spans = []
    for year in _SAMPLE_YEARS:
        try:
            now = date(year, month, day)
        except ValueError:
            return None
        window = resolve_expression(text, DateWindow(now, now, "day"))
        if window is None or window.start is None or window.end is None:
            return None
        spans.append((now, window.start, window.end))
    if len({(lo.year - now.year) for now, lo, _ in spans}) == 1 and len({(lo.month, lo.day, hi.month, hi.day)
                                                                          for _, lo, hi in spans}) == 1:
        _, lo, hi = spans[0]
        if lo == hi:
            return CalendarFact(lo.month, lo.day, reason=f"'{text.strip()}' without a year")
    before = max((now - lo).days for now, lo, _ in spans)
    after = max((hi - now).days for now, _, hi in spans)
    single = all(lo == hi for _, lo, hi in spans)
    weekdays = {lo.weekday() for _, lo, _ in spans}
    weekday = next(iter(weekdays)) if single and len(weekdays) == 1 else None
    if before > 31 or after > 31:
        return None  # "last month", "in March": too loose to tell years apart
    return CalendarFact(month, day, weekday, max(before, 0), max(after, 0),
                        f"'{text.strip()}' under a dateline {date(4, month, day).strftime('%B')} {day} without a year")


_RANGE = re.compile(r"^\s*(?:from|between)?\s*(?P<a>.+?)\s*(?:-|–|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)"
                    r"\s*(?P<b>.+?)\s*$", re.I)


def _resolve_range(text: str, now: DateWindow, anchor: DateWindow | None) -> DateWindow | None:
    """'from March to May 2019': both ends resolved, the first against the second when it has a year."""
    m = _RANGE.match(normalise(text))
    if not m:
        return None
    last = resolve_expression(m["b"], now, anchor)
    if last is None or last.end is None:
        return None
    is_dated = parse_expression(m["b"]).rule.basis == "absolute"
    first = resolve_expression(m["a"], DateWindow(last.end, last.end, "day") if is_dated else now, anchor)
    if first is None or first.start is None or first.start > last.end:
        return None
    return window_of(first.start, last.end, f"'{text.strip()}': from {first.reason}; to {last.reason}")


# -- finding ----------------------------------------------------------------------------------
_STRIP_PREP = re.compile(r"^(?:in|on|at|during|of|throughout|by|before|after)\s+", re.I)


def find_expressions(text: str) -> list[Expression]:
    """Every temporal expression of a sentence or article, longest first, without overlaps."""
    norm = normalise(text)
    found: list[tuple[int, int]] = []
    for rule in RULES:
        if rule.found == "never":
            continue
        for m in rule.pattern.finditer(norm):
            if rule.found == "prep" and not (named_group(m, "prep") or named_group(m, "part")) \
                    and not _is_bare_year(rule, m):
                continue
            start = m.start() + (len(p.group(0)) if (p := _STRIP_PREP.match(m.group(0))) else 0)
            found.append((start, m.end()))
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(found), key=lambda se: (se[0] - se[1], se[0])):
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return [Expression(s, e, text[s:e]) for s, e in _merge_ranges(norm, sorted(chosen))]


def _is_bare_year(rule: Rule, m: re.Match[str]) -> bool:
    """'the 2018 summit', '2009-2010' are dates; 'as 2000 people watched' is a count."""
    if rule.name != "year" or not 1900 <= int(m["y"]) < 2040:
        return False
    before, after = m.string[max(0, m.start() - 4):m.start()].lower(), m.string[m.end():m.end() + 2]
    return not re.match(r"\s[a-z]", after) or before.endswith(("the ", " a ", "-", "–", "to "))


def _merge_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'from March to May', 'between 2018 and 2020', 'January-March': one range expression."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _RANGE_JOIN.match(text[out[-1][1]:s]):
            joined = text[out[-1][1]:s].strip().lower()
            opener = re.search(r"\b(from|between)\s+$", text[:out[-1][0]], re.I)
            if (joined == "and") == bool(opener and opener.group(1).lower() == "between") and (
                    opener or joined in ("-", "–", "to", "through")):
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out
