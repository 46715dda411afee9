"""The grammar of temporal expressions: one rule per kind, each a function of a reference day.

Each rule pairs a regex with what it is relative to (nothing, the article's now, or the previous
dated event) and a function from one reference day to a span of days, so that a window of days
resolves by applying the function to both of its ends. The rules are a table, read in order
(earlier rules win ties), and kept apart from finding and resolving so that the table can grow
without touching either.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ..knowledge.words import month_number
from .calendar_spans import (
    WEEKDAY_ALTERNATION,
    WEEKDAY_OF_DAY,
    WEEKDAYS,
    Span,
    add_months,
    month_span,
    part_of_span,
    safe_day,
    shift_span,
    unit_span,
    weekday_on_or_before,
)
from .name_matching import normalise

# "recently" and its kin: how far back a careful reader would look (days).
RECENT_DAYS = {"days": 10, "weeks": 35, "months": 183, "years": 3 * 366, "": 183}
# A dated day within this many days AFTER now is read as upcoming ("talks will open on Sept. 15").
LOOKAHEAD_DAYS = 62
MON = (r"(?-i:(?:" + "|".join(calendar.month_name[1:]) + r")(?![a-z])|(?:"
       + "|".join([*calendar.month_abbr[1:], "Sept"]) + r")(?:\.|(?![a-z])))")
_NUM_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUM_WORDS.update({"a": 1, "an": 1})
_FUZZY = {"a few": (2, 4), "few": (2, 4), "several": (3, 7), "a couple of": (2, 2), "couple of": (2, 2)}
NUM = r"(?:\d{1,3}|a\s+few|a\s+couple\s+of|several|an?|" + "|".join(list(_NUM_WORDS)[1:13]) + ")"
YEAR = r"(?:1[89]|20)\d\d"
PART = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end|beginning)"
# Prepositions that let a bare month or year count as a date ("in April", "since 2017").
DATE_PREP = r"(?:in|since|until|till|by|during|from|before|after|throughout|of|early|mid|late)"


def _count(token: str) -> tuple[int, int]:
    t = re.sub(r"\s+", " ", token.lower())
    if t in _FUZZY:
        return _FUZZY[t]
    n = int(t) if t.isdigit() else _NUM_WORDS[t]
    return n, n


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression: its regex, what it is relative to, and its function of a day."""

    name: str
    pattern: re.Pattern[str]
    basis: str  # absolute | now | anchor
    at: Callable[[re.Match[str], date | None], Span | None]
    says: str  # the convention, for the reason
    found: str = "always"  # always | prep (only after "in", "since"...: "in April") | never (resolve only)
    # picks the occurrence nearest to now ("May 2", "Thursday", "in March"): a now known only to be
    # after some day has no nearest one, unlike a shift of now ("last year", "today")
    is_nearest: bool = False


def named_group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _absolute_day(m: re.Match[str], _ref: date | None) -> Span | None:
    d = safe_day(int(m["y"]), month_number(m["mon"]) if named_group(m, "mon") else int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _day_range(m: re.Match[str], _ref: date | None) -> Span | None:
    """'3-7 March 2014', 'Mar. 3-7, 2014': the days of a span."""
    year, month = int(m["y"]), month_number(m["mon"])
    first, last = safe_day(year, month, int(m["d"])), safe_day(year, month, int(m["d2"]))
    return (first, last) if first and last and first <= last else None


def _numeric_day(m: re.Match[str], ref: date | None) -> Span | None:
    """dd/mm/yyyy or mm/dd/yyyy: the weekday beside it decides, else the reading nearest now."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    readings = [d for d in (safe_day(y, b, a), safe_day(y, a, b)) if d]
    if named_group(m, "wd"):
        wd = WEEKDAYS.index(m["wd"].capitalize())
        readings = [d for d in readings if d.weekday() == wd] or readings
    if len(set(readings)) > 1 and ref:
        readings = [min(readings, key=lambda d: abs((d - ref).days))]
    return (min(readings), max(readings)) if readings else None


def _month_day(m: re.Match[str], ref: date | None) -> Span | None:
    """A day and month without year: the nearest such day from 11 months before to a month after."""
    if ref is None:
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    days = [d for y in (ref.year + 1, ref.year, ref.year - 1) if (d := safe_day(y, month, day))]
    days = [d for d in days if d <= ref + timedelta(days=LOOKAHEAD_DAYS)]
    if named_group(m, "wd"):
        wd = WEEKDAYS.index(m["wd"].capitalize())
        fits = [d for y in range(ref.year + 1, ref.year - 12, -1) if (d := safe_day(y, month, day))
                and d.weekday() == wd and d <= ref + timedelta(days=LOOKAHEAD_DAYS)]
        days = fits[:1] or days
    if not days:
        return None
    end = days[0] if not named_group(m, "d2") else safe_day(days[0].year, month, int(m["d2"]))
    return (days[0], end) if end and end >= days[0] else None


def _year_of(m: re.Match[str], ref: date | None, month: int) -> int | None:
    if named_group(m, "y"):
        return int(m["y"])
    rel = (named_group(m, "rel") or "").lower()
    if ref is None:
        return None
    if rel in ("last", "this", "next"):
        return ref.year + {"last": -1, "this": 0, "next": 1}[rel]
    return ref.year if month <= ref.month else ref.year - 1  # the most recent such month


def _month(m: re.Match[str], ref: date | None) -> Span | None:
    month = month_number(m["mon"])
    year = _year_of(m, ref, month)
    return part_of_span(month_span(year, month), named_group(m, "part")) if year else None


def _month_of_anchor_year(m: re.Match[str], ref: date | None) -> Span | None:
    if ref is None:
        return None
    return part_of_span(month_span(ref.year, month_number(m["mon"])), named_group(m, "part"))


def _rel_month_name(m: re.Match[str], ref: date | None) -> Span | None:
    """'last September' is the latest September before this month; 'next' the first after it."""
    if ref is None:
        return None
    month, rel = month_number(m["mon"]), m["rel"].lower()
    if rel in ("last", "past", "previous"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel == "next" or rel == "coming":
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return month_span(year, month)


def _year(m: re.Match[str], _ref: date | None) -> Span | None:
    year = int(m["y"])
    return part_of_span((date(year, 1, 1), date(year, 12, 31)), named_group(m, "part"))


def _decade(m: re.Match[str], _ref: date | None) -> Span | None:
    start = int(m["dec"])
    return date(start, 1, 1), date(start + 9, 12, 31)


def _weekday_of_day(m: re.Match[str], ref: date | None) -> Span | None:
    """'on Thursday (4)': the latest Thursday on or before now that is the 4th of its month."""
    if ref is None:
        return None
    wd, day = WEEKDAYS.index(m["wd"].capitalize()), int(m["d"])
    d = weekday_on_or_before(ref, wd)
    for _ in range(60):  # a weekday falls on a given day of a month within some 14 months
        if d.day == day:
            return d, d
        d -= timedelta(days=7)
    return None


def _weekday(m: re.Match[str], ref: date | None) -> Span | None:
    if ref is None:
        return None
    wd = WEEKDAYS.index(m["wd"].capitalize())
    rel = (named_group(m, "rel") or "").lower()
    if rel in ("next", "coming", "this"):
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 or (7 if rel != "this" else 0))
    elif rel in ("last", "past", "previous"):
        d = weekday_on_or_before(ref - timedelta(days=1), wd)
    else:
        d = weekday_on_or_before(ref, wd)
    return d, d


_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "now": 0,
            "currently": 0, "at present": 0, "at the moment": 0, "right now": 0, "nowadays": 0,
            "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


def _deictic(m: re.Match[str], ref: date | None) -> Span | None:
    key = re.sub(r"\s+", " ", m["word"].lower())
    key = next(k for k in sorted(_DEICTIC, key=len, reverse=True) if key.startswith(k))
    d = ref + timedelta(days=_DEICTIC[key]) if ref else None
    return (d, d) if d else None


def _rel_unit(m: re.Match[str], ref: date | None) -> Span | None:
    """'last month' = the calendar month before; 'the past week' = the seven days up to now."""
    if ref is None:
        return None
    rel = re.sub(r"\s+", " ", (named_group(m, "rel") or "last").lower())
    unit = (named_group(m, "unit") or m["unit2"]).lower()
    if unit == "weekend":
        sat = weekday_on_or_before(ref, 5) if rel != "next" else ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
        return sat, sat + timedelta(days=1)
    if rel in ("past", "the past"):  # "in the past week": the seven days up to now
        back = {"week": 7, "month": 30, "year": 365, "decade": 3652, "quarter": 91}.get(unit, 365)
        return ref - timedelta(days=back), ref
    step = {"last": -1, "previous": -1, "the last": -1, "the previous": -1, "next": 1, "coming": 1,
            "the next": 1, "the coming": 1}.get(rel, 0)
    span = unit_span(ref, unit)
    if step == 0:
        return part_of_span(span, named_group(m, "part"))
    moved = shift_span(span, "quarter" if unit == "quarter" else unit, step) if unit != "quarter" else \
        unit_span(span[0] + timedelta(days=92 * step), unit)
    return part_of_span(moved, named_group(m, "part"))


def _within_unit(m: re.Match[str], ref: date | None) -> Span | None:
    """'earlier this year' = from its start to now; 'later this month' = from now to its end."""
    if ref is None:
        return None
    span = unit_span(ref, m["unit"].lower())
    return (span[0], ref) if m["dir"].lower() == "earlier" else (ref, span[1])


def _ago(m: re.Match[str], ref: date | None) -> Span | None:
    """'three days ago' (now) or 'three days later' (the anchor): a shift, widened when fuzzy."""
    if ref is None:
        return None
    lo, hi = _count(m["n"])
    sign = 1 if (named_group(m, "dir") or m["dir2"]).lower() in ("later", "after", "from now", "hence") else -1
    unit = m["unit"].lower()
    base = (ref, ref) if unit.startswith(("day", "week")) else unit_span(ref, unit)
    a, b = shift_span(base, unit, sign * lo), shift_span(base, unit, sign * hi)
    return min(a[0], b[0]), max(a[1], b[1])


def _within_back(m: re.Match[str], ref: date | None) -> Span | None:
    """'their second meeting in under three months': from three months before now to now."""
    if ref is None:
        return None
    n = _count(m["n"])[1]
    unit = m["unit"].lower()
    if unit in ("day", "week"):
        return ref - timedelta(days=n * (7 if unit == "week" else 1)), ref
    year, month = add_months(ref.year, ref.month, -n * (12 if unit == "year" else 1))
    return safe_day(year, month, ref.day) or month_span(year, month)[1], ref


def _after_date(m: re.Match[str], ref: date | None) -> Span | None:
    """'24 days after the June 12 summit': the named day, shifted."""
    inner = _absolute_day(m, ref) if named_group(m, "y") else _month_day(m, ref)
    if inner is None:
        return None
    lo, hi = _count(m["n"])
    sign = 1 if m["dir"].lower() == "after" else -1
    a, b = shift_span(inner, m["unit"].lower(), sign * lo), shift_span(inner, m["unit"].lower(), sign * hi)
    return min(a[0], b[0]), max(a[1], b[1])


def _anaphor(m: re.Match[str], ref: date | None) -> Span | None:
    """'the following day', 'the day before', 'that day', 'the Saturday before': from the anchor."""
    if ref is None:
        return None
    if named_group(m, "wd"):
        wd = WEEKDAYS.index(m["wd"].capitalize())
        d = weekday_on_or_before(ref - timedelta(days=1), wd)
        return d, d
    word = (named_group(m, "which") or named_group(m, "dir") or "same").lower()
    step = 1 if word in ("following", "next", "after", "later") else -1 if word in (
        "previous", "preceding", "prior", "before", "earlier") else 0
    unit = (named_group(m, "unit") or "day").lower()
    unit = "day" if unit in ("morning", "evening", "night", "afternoon") else unit
    base = (ref, ref) if unit == "day" else unit_span(ref, unit)
    return shift_span(base, unit, step)


def _recent(m: re.Match[str], ref: date | None) -> Span | None:
    if ref is None:
        return None
    unit = (named_group(m, "unit") or "").lower()
    return ref - timedelta(days=RECENT_DAYS.get(unit, RECENT_DAYS[""])), ref


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: re.Match[str], ref: date | None) -> Span | None:
    """Meteorological seasons; 'last summer' is the latest one that has ended (or begun) before now."""
    first = _SEASONS[m["season"].lower()]
    rel = (named_group(m, "rel") or "this").lower()
    if named_group(m, "y"):
        year = int(m["y"])
    elif ref is None:
        return None
    else:
        year = ref.year + {"last": -1, "next": 1}.get(rel, 0)
        if rel == "last" and first < ref.month - 2:
            year += 1
    end_year, end_month = add_months(year, first, 2)
    return date(year, first, 1), month_span(end_year, end_month)[1]


def _quarter(m: re.Match[str], ref: date | None) -> Span | None:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get((named_group(m, "q") or "").lower()) or int(
        re.sub(r"\D", "", named_group(m, "q") or named_group(m, "qn") or "1"))
    shift = {"last": -1, "next": 1}.get((named_group(m, "rel") or "").lower(), 0)
    year = int(named_group(m, "y") or named_group(m, "y0") or 0) or (ref.year + shift if ref else 0)
    if not year:
        return None
    return month_span(year, 3 * q - 2)[0], month_span(year, 3 * q)[1]


def _day_of_rel_month(m: re.Match[str], ref: date | None) -> Span | None:
    if ref is None:
        return None
    y, mo = add_months(ref.year, ref.month, {"last": -1, "next": 1}.get(m["rel"].lower(), 0))
    d = safe_day(y, mo, int(m["d"]))
    return (d, d) if d else None


def _rule(name: str, pattern: str, basis: str, at, says: str, found: str = "always") -> Rule:
    return Rule(name, re.compile(pattern, re.I), basis, at, says, found,
                is_nearest=at in (_month_day, _weekday, _weekday_of_day, _rel_month_name) or (at is _month and "(?P<y>" not in pattern
                                                                             and "(?P<rel>" not in pattern))


_WDP = rf"(?:(?P<wd>{WEEKDAY_ALTERNATION}),?\s*\(?\s*)?"
_ORD = r"(?:st|nd|rd|th)?"
RULES: tuple[Rule, ...] = (
    _rule("iso day", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", "absolute", _absolute_day, "a dated day"),
    _rule("numeric day", _WDP + r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b\)?", "now", _numeric_day,
          "a numeric date; the weekday beside it, else the reading nearest now, picks dd/mm or mm/dd"),
    _rule("month day year", _WDP + rf"\b(?P<mon>{MON})\s*(?P<d>\d{{1,2}}){_ORD}\b[,.]?\s+(?P<y>\d{{4}})\b",
          "absolute", _absolute_day, "a dated day"),
    _rule("day month year", _WDP + rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{MON}),?\s+(?P<y>\d{{4}})\b",
          "absolute", _absolute_day, "a dated day"),
    _rule("month day range year", rf"\b(?P<mon>{MON})\s*(?P<d>\d{{1,2}})\s*(?:-|–|to|and|through)\s*"
          rf"(?P<d2>\d{{1,2}}),?\s+(?P<y>{YEAR})\b", "absolute", _day_range, "days of a month of a named year"),
    _rule("day range month year", rf"\b(?P<d>\d{{1,2}})\s*(?:-|–|to|and|through)\s*(?P<d2>\d{{1,2}})\s+(?:of\s+)?"
          rf"(?P<mon>{MON}),?\s+(?P<y>{YEAR})\b", "absolute", _day_range, "days of a month of a named year"),
    _rule("day range month", rf"\b(?P<d>\d{{1,2}})\s*(?:-|–|to|and|through)\s*(?P<d2>\d{{1,2}})\s+(?:of\s+)?"
          rf"(?P<mon>{MON})(?![\s,]*\d{{4}})", "now", _month_day,
          "days of a month without year: the nearest such"),
    _rule("month day range", rf"\b(?P<mon>{MON})\s*(?P<d>\d{{1,2}})\s*(?:-|–|to|and|through)\s*(?P<d2>\d{{1,2}})\b"
          rf"(?!\s*[,.]?\s*\d{{4}})", "now", _month_day, "days of a month without year: the nearest such"),
    _rule("month day", _WDP + rf"\b(?P<mon>{MON})\s*(?P<d>\d{{1,2}}){_ORD}\b(?!\s*[,.]?\s*\d{{4}})(?!:)", "now",
          _month_day, "a day without year: the nearest such day from 10 months before to 2 months after now"),
    _rule("day month", _WDP + rf"\b(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{MON})(?![\s,]*\d{{4}})",
          "now", _month_day, "a day without year: the nearest such day from 10 months before to 2 months after now"),
    _rule("month year", rf"(?:\b(?P<part>{PART})[\s-]+(?:of\s+)?)?\b(?P<mon>{MON}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b",
          "absolute", _month, "a month of a named year"),
    _rule("month of a relative year", rf"(?:\b(?P<part>{PART})[\s-]+(?:of\s+)?)?\b(?P<mon>{MON})\s+(?:of\s+)?"
          r"(?P<rel>last|this|next)\s+year\b", "now", _month, "a month of last/this/next year"),
    _rule("month of the anchor's year", rf"(?:\b(?P<part>{PART})[\s-]+(?:of\s+)?)?\b(?P<mon>{MON})\s+(?:of\s+)?"
          r"(?:the\s+same|that(?:\s+same)?)\s+year\b", "anchor", _month_of_anchor_year,
          "a month of the year of the previous dated event ('in November the same year')"),
    _rule("last month-name", rf"\b(?P<rel>last|this|next|past|previous|coming)\s+(?P<mon>{MON})", "now",
          _rel_month_name, "'last/next <month>': the latest/first such month before/after the current one"),
    _rule("month", rf"(?:\b(?P<part>{PART})[\s-]+(?:of\s+)?|\b(?P<prep>{DATE_PREP})\s+)?\b(?P<mon>{MON})"
          r"(?!\s*\d)", "now", _month, "a month without year: the most recent such month on or before now",
          found="prep"),
    _rule("year", rf"(?:\b(?P<part>{PART}|the\s+(?:first|second|last|latter)\s+half\s+of)[\s-]+(?:of\s+)?|"
          rf"\b(?P<prep>{DATE_PREP})\s+)?\b(?P<y>{YEAR})\b(?![/.,]\d|\s*(?:%|percent))", "absolute", _year,
          "a named year", found="prep"),
    _rule("decade", r"\b(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)'?s\b", "absolute", _decade, "a decade"),
    _rule("day of a relative month", r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<rel>this|last|next)\s+month\b",
          "now", _day_of_rel_month, "a day of this/last/next month"),
    _rule("earlier/later this", r"\b(?P<dir>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b", "now",
          _within_unit, "from the start of the unit to now, or from now to its end"),
    _rule("relative unit", r"(?:\b(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
          r"[\s-]+)?\b(?P<rel>last|this|next|past|previous|coming|current|the\s+past|the\s+last|the\s+previous|"
          r"the\s+next|the\s+coming)\s+(?P<unit>week|month|year|weekend|quarter|decade)\b|\bthe\s+(?P<unit2>weekend)\b",
          "now", _rel_unit,
          "'last/this/next <unit>': the calendar unit before, holding or after now; "
          "'the past <unit>': the days up to now"),
    _rule("within the last", rf"\b(?:(?:in|within|over)\s+)?(?:under|less\s+than|the\s+(?:past|last))\s+(?P<n>{NUM})\s+"
          r"(?P<unit>day|week|month|year)s?\b", "now", _within_back,
          "a duration back from now: from that long before now to now"),
    _rule("ago", rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|from\s+now|hence)\b",
          "now", _ago, "counted back (or on) from now"),
    _rule("later", rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year|decade)s?\s+(?:(?P<dir>later|earlier)\b|"
          r"(?P<dir2>after|before)\b(?=\s*[,.;:)]|\s*$))", "anchor", _ago,
          "counted from the previous dated event"),
    _rule("after a day", rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>after|before)\s+(?:the\s+)?"
          rf"(?P<mon>{MON})\s*(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?", "now", _after_date,
          "counted from the day it names"),
    _rule("anaphor", r"\b(?:the\s+(?P<which>following|next|previous|preceding|same|prior)\s+"
          r"(?P<unit>day|week|month|year|morning|evening|night|afternoon)|the\s+(?:day|week)\s+(?P<dir>before|after)"
          rf"(?!\s+(?:yesterday|tomorrow))|that\s+(?:same\s+)?day|the\s+(?P<wd>{WEEKDAY_ALTERNATION})\s+before)\b",
          "anchor", _anaphor,
          "counted from the previous dated event"),
    _rule("deictic", r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
          r"yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b", "now", _deictic,
          "a day named from now"),
    _rule("present", r"\b(?P<word>currently|at\s+present|at\s+the\s+moment|right\s+now|nowadays|now)\b", "now",
          _deictic, "the present: the reporting day", found="never"),
    _rule("weekday of a day", WEEKDAY_OF_DAY, "now", _weekday_of_day,
          "a weekday with its day of the month in brackets: the latest such day on or before now"),
    _rule("weekday", rf"\b(?:(?P<rel>last|this|next|past|previous|coming)\s+)?(?P<wd>{WEEKDAY_ALTERNATION})"
          r"(?:\s+(?:morning|afternoon|evening|night))?\b", "now", _weekday,
          "a weekday: the most recent such day on or before the reporting day"),
    _rule("recently", r"\b(?:recently|lately|of\s+late|in\s+recent\s+(?P<unit>days|weeks|months|years)|"
          r"over\s+recent\s+(?P<unit2>days|weeks|months))\b", "now", _recent, "a wide window back from now"),
    _rule("season", rf"\b(?:(?P<rel>last|this|next|early|late|the)\s+(?P<season>spring|summer|autumn|fall|winter)"
          rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?|(?P<season2>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<y2>{YEAR}))\b",
          "now", lambda m, r: _season_any(m, r), "a meteorological season"),
    _rule("quarter", rf"\b(?:the\s+)?(?:(?P<y0>{YEAR})\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
          r"[\s-]+quarter"
          rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year))?\b|\bQ(?P<qn>[1-4])\s+(?P<y2>{YEAR})\b",
          "now", lambda m, r: _quarter_any(m, r), "a quarter of a year"),
)


def _season_any(m: re.Match[str], ref: date | None) -> Span | None:
    if named_group(m, "season2"):
        return _season(re.match(r"(?P<season>\w+)\s+(?:of\s+)?(?P<y>\d{4})", m.group(0)), ref)
    return _season(m, ref)


def _quarter_any(m: re.Match[str], ref: date | None) -> Span | None:
    if named_group(m, "qn"):
        return _quarter(re.match(r"Q(?P<q>\d)\s+(?P<y>\d{4})", m.group(0)), ref)
    return _quarter(m, ref)


@dataclass(frozen=True, slots=True)
class Parsed:
    rule: Rule
    match: re.Match[str]
    bound: str  # "since" | "until" | "": an open-ended window from (or up to) the expression


def parse_expression(text: str) -> Parsed | None:
    """The longest expression of any rule in ``text`` (earlier rules win ties: they are more specific)."""
    text = normalise(text)
    best: re.Match[str] | None = None
    best_rule: Rule | None = None
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            if best is None or len(m.group(0)) > len(best.group(0)):
                best, best_rule = m, rule
    if best is None or best_rule is None:
        return None
    lead = (text[:best.start()] + (named_group(best, "prep") or "")).lower()
    bound = "since" if re.search(r"\b(?:since|from)\s*$", lead) else "until" if re.search(
        r"\b(?:until|till)\s*$", lead) else ""
    return Parsed(best_rule, best, bound)
