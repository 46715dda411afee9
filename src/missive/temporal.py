"""Dates: the article's own "now", relative expressions, anniversaries, known occasions.

News dates events against an unstated "now" ("on Thursday", "last month", "a month later").
"now" is a WINDOW of days the article can have been written on, not a day, and every
expression is a function of one reference day that only moves forward as the day does; so a
window resolves by applying the function to both of its ends ("windows shift as windows").
Conventions are those of news: a weekday is the most recent such day on or before the
reporting day (the same day counts), a month name alone the most recent such month, a day and
month without year the nearest one from ten months before to two months after; anaphors
("a month later", "the following day") need the previous dated event as their anchor.

The article's "now" (:func:`infer_reference_date`) comes from the metadata candidates checked
against what the content pins: an anniversary or known occasion the article is about, read
together with the relative expression next to it ("last month to mark the 74th anniversary").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from .anniversaries import anniversary_date, find_anniversaries, find_occasion, match_occasions, normalise
from .model import DateWindow, Document

__all__ = ["ReferenceDate", "Expression", "infer_reference_date", "find_expressions", "resolve_expression",
           "anniversary_date", "find_occasion", "window_of"]

# "recently" and its kin: how far back a careful reader would look (days).
RECENT_DAYS = {"days": 10, "weeks": 35, "months": 183, "years": 3 * 366, "": 183}
# A dated day within this many days AFTER now is read as upcoming ("talks will open on Sept. 15").
LOOKAHEAD_DAYS = 62
WEEKDAYS = tuple(calendar.day_name)  # read once: the locale lookup costs a strftime per name
_WD = "|".join(WEEKDAYS)
_MONTH_FORMS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_FORMS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_FORMS["sept"] = 9
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
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|until|till|through|and)\s*$", re.I)

Span = tuple[date, date]


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The article's "now": the window of days it can have been written on."""

    window: DateWindow
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a text: [start, end) into that text."""

    start: int
    end: int
    text: str


# -- calendar arithmetic ----------------------------------------------------------------------
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


def month_number(token: str) -> int:
    return _MONTH_FORMS[token.rstrip(".").lower()]


def _count(token: str) -> tuple[int, int]:
    t = re.sub(r"\s+", " ", token.lower())
    if t in _FUZZY:
        return _FUZZY[t]
    n = int(t) if t.isdigit() else _NUM_WORDS[t]
    return n, n


def _part_of(span: Span, part: str | None) -> Span:
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


def _shift(span: Span, unit: str, n: int) -> Span:
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


# -- the grammar: one rule per kind of expression ---------------------------------------------
@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression: its regex, what it is relative to, and its function of a day."""

    name: str
    pattern: re.Pattern[str]
    basis: str  # absolute | now | anchor
    at: Callable[[re.Match[str], date | None], Span | None]
    says: str  # the convention, for the reason
    found: str = "always"  # always | prep (only after "in", "since"...: "in April") | never (resolve only)


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _absolute_day(m: re.Match[str], _ref: date | None) -> Span | None:
    d = safe_day(int(m["y"]), month_number(m["mon"]) if _g(m, "mon") else int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _numeric_day(m: re.Match[str], ref: date | None) -> Span | None:
    """dd/mm/yyyy or mm/dd/yyyy: the weekday beside it decides, else the reading nearest now."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    readings = [d for d in (safe_day(y, b, a), safe_day(y, a, b)) if d]
    if _g(m, "wd"):
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
    if _g(m, "wd"):
        wd = WEEKDAYS.index(m["wd"].capitalize())
        fits = [d for y in range(ref.year + 1, ref.year - 12, -1) if (d := safe_day(y, month, day))
                and d.weekday() == wd and d <= ref + timedelta(days=LOOKAHEAD_DAYS)]
        days = fits[:1] or days
    if not days:
        return None
    end = days[0] if not _g(m, "d2") else safe_day(days[0].year, month, int(m["d2"]))
    return (days[0], end) if end and end >= days[0] else None


def _year_of(m: re.Match[str], ref: date | None, month: int) -> int | None:
    if _g(m, "y"):
        return int(m["y"])
    rel = (_g(m, "rel") or "").lower()
    if ref is None:
        return None
    if rel in ("last", "this", "next"):
        return ref.year + {"last": -1, "this": 0, "next": 1}[rel]
    return ref.year if month <= ref.month else ref.year - 1  # the most recent such month


def _month(m: re.Match[str], ref: date | None) -> Span | None:
    month = month_number(m["mon"])
    year = _year_of(m, ref, month)
    return _part_of(month_span(year, month), _g(m, "part")) if year else None


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
    return _part_of((date(year, 1, 1), date(year, 12, 31)), _g(m, "part"))


def _decade(m: re.Match[str], _ref: date | None) -> Span | None:
    start = int(m["dec"])
    return date(start, 1, 1), date(start + 9, 12, 31)


def _weekday(m: re.Match[str], ref: date | None) -> Span | None:
    if ref is None:
        return None
    wd = WEEKDAYS.index(m["wd"].capitalize())
    rel = (_g(m, "rel") or "").lower()
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


def _unit_span(ref: date, unit: str) -> Span:
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


def _rel_unit(m: re.Match[str], ref: date | None) -> Span | None:
    """'last month' = the calendar month before; 'the past week' = the seven days up to now."""
    if ref is None:
        return None
    rel, unit = re.sub(r"\s+", " ", (_g(m, "rel") or "last").lower()), (_g(m, "unit") or m["unit2"]).lower()
    if unit == "weekend":
        sat = weekday_on_or_before(ref, 5) if rel != "next" else ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
        return sat, sat + timedelta(days=1)
    if rel in ("past", "the past"):  # "in the past week": the seven days up to now
        back = {"week": 7, "month": 30, "year": 365, "decade": 3652, "quarter": 91}.get(unit, 365)
        return ref - timedelta(days=back), ref
    step = {"last": -1, "previous": -1, "the last": -1, "the previous": -1, "next": 1, "coming": 1,
            "the next": 1, "the coming": 1}.get(rel, 0)
    span = _unit_span(ref, unit)
    if step == 0:
        return _part_of(span, _g(m, "part"))
    moved = _shift(span, "quarter" if unit == "quarter" else unit, step) if unit != "quarter" else \
        _unit_span(span[0] + timedelta(days=92 * step), unit)
    return _part_of(moved, _g(m, "part"))


def _within_unit(m: re.Match[str], ref: date | None) -> Span | None:
    """'earlier this year' = from its start to now; 'later this month' = from now to its end."""
    if ref is None:
        return None
    span = _unit_span(ref, m["unit"].lower())
    return (span[0], ref) if m["dir"].lower() == "earlier" else (ref, span[1])


def _ago(m: re.Match[str], ref: date | None) -> Span | None:
    """'three days ago' (now) or 'three days later' (the anchor): a shift, widened when fuzzy."""
    if ref is None:
        return None
    lo, hi = _count(m["n"])
    sign = 1 if m["dir"].lower() in ("later", "after", "from now", "hence") else -1
    unit = m["unit"].lower()
    base = (ref, ref) if unit.startswith(("day", "week")) else _unit_span(ref, unit)
    a, b = _shift(base, unit, sign * lo), _shift(base, unit, sign * hi)
    return min(a[0], b[0]), max(a[1], b[1])


def _after_date(m: re.Match[str], ref: date | None) -> Span | None:
    """'24 days after the June 12 summit': the named day, shifted."""
    inner = _absolute_day(m, ref) if _g(m, "y") else _month_day(m, ref)
    if inner is None:
        return None
    lo, hi = _count(m["n"])
    sign = 1 if m["dir"].lower() == "after" else -1
    a, b = _shift(inner, m["unit"].lower(), sign * lo), _shift(inner, m["unit"].lower(), sign * hi)
    return min(a[0], b[0]), max(a[1], b[1])


def _anaphor(m: re.Match[str], ref: date | None) -> Span | None:
    """'the following day', 'the day before', 'that day', 'the Saturday before': from the anchor."""
    if ref is None:
        return None
    if _g(m, "wd"):
        wd = WEEKDAYS.index(m["wd"].capitalize())
        d = weekday_on_or_before(ref - timedelta(days=1), wd)
        return d, d
    word = (_g(m, "which") or _g(m, "dir") or "same").lower()
    step = 1 if word in ("following", "next", "after", "later") else -1 if word in (
        "previous", "preceding", "prior", "before", "earlier") else 0
    unit = (_g(m, "unit") or "day").lower()
    unit = "day" if unit in ("morning", "evening", "night", "afternoon") else unit
    base = (ref, ref) if unit == "day" else _unit_span(ref, unit)
    return _shift(base, unit, step)


def _recent(m: re.Match[str], ref: date | None) -> Span | None:
    if ref is None:
        return None
    unit = (_g(m, "unit") or "").lower()
    return ref - timedelta(days=RECENT_DAYS.get(unit, RECENT_DAYS[""])), ref


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: re.Match[str], ref: date | None) -> Span | None:
    """Meteorological seasons; 'last summer' is the latest one that has ended (or begun) before now."""
    first = _SEASONS[m["season"].lower()]
    rel = (_g(m, "rel") or "this").lower()
    if _g(m, "y"):
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
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get((_g(m, "q") or "").lower()) or int(
        re.sub(r"\D", "", _g(m, "q") or _g(m, "qn") or "1"))
    shift = {"last": -1, "next": 1}.get((_g(m, "rel") or "").lower(), 0)
    year = int(_g(m, "y") or _g(m, "y0") or 0) or (ref.year + shift if ref else 0)
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
    return Rule(name, re.compile(pattern, re.I), basis, at, says, found)


_WDP = rf"(?:(?P<wd>{_WD}),?\s*\(?\s*)?"
_ORD = r"(?:st|nd|rd|th)?"
RULES: tuple[Rule, ...] = (
    _rule("iso day", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", "absolute", _absolute_day, "a dated day"),
    _rule("numeric day", _WDP + r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b\)?", "now", _numeric_day,
          "a numeric date; the weekday beside it, else the reading nearest now, picks dd/mm or mm/dd"),
    _rule("month day year", _WDP + rf"\b(?P<mon>{MON})\s*(?P<d>\d{{1,2}}){_ORD}\b[,.]?\s+(?P<y>\d{{4}})\b",
          "absolute", _absolute_day, "a dated day"),
    _rule("day month year", _WDP + rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{MON}),?\s+(?P<y>\d{{4}})\b",
          "absolute", _absolute_day, "a dated day"),
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
    _rule("relative unit", rf"(?:\b(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
          r"[\s-]+)?\b(?P<rel>last|this|next|past|previous|coming|current|the\s+past|the\s+last|the\s+previous|"
          r"the\s+next|the\s+coming)\s+(?P<unit>week|month|year|weekend|quarter|decade)\b|\bthe\s+(?P<unit2>weekend)\b",
          "now", _rel_unit,
          "'last/this/next <unit>': the calendar unit before, holding or after now; "
          "'the past <unit>': the days up to now"),
    _rule("ago", rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|from\s+now|hence)\b",
          "now", _ago, "counted back (or on) from now"),
    _rule("later", rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>later|earlier|after|before)\b"
          r"(?!\s+(?:the\s+)?(?-i:[A-Z]|\d))", "anchor", _ago, "counted from the previous dated event"),
    _rule("after a day", rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>after|before)\s+(?:the\s+)?"
          rf"(?P<mon>{MON})\s*(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?", "now", _after_date,
          "counted from the day it names"),
    _rule("anaphor", r"\b(?:the\s+(?P<which>following|next|previous|preceding|same|prior)\s+"
          r"(?P<unit>day|week|month|year|morning|evening|night|afternoon)|the\s+(?:day|week)\s+(?P<dir>before|after)"
          rf"(?!\s+(?:yesterday|tomorrow))|that\s+(?:same\s+)?day|the\s+(?P<wd>{_WD})\s+before)\b", "anchor", _anaphor,
          "counted from the previous dated event"),
    _rule("deictic", r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
          r"yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b", "now", _deictic,
          "a day named from now"),
    _rule("present", r"\b(?P<word>currently|at\s+present|at\s+the\s+moment|right\s+now|nowadays|now)\b", "now",
          _deictic, "the present: the reporting day", found="never"),
    _rule("weekday", rf"\b(?:(?P<rel>last|this|next|past|previous|coming)\s+)?(?P<wd>{_WD})"
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
    if _g(m, "season2"):
        return _season(re.match(r"(?P<season>\w+)\s+(?:of\s+)?(?P<y>\d{4})", m.group(0)), ref)
    return _season(m, ref)


def _quarter_any(m: re.Match[str], ref: date | None) -> Span | None:
    if _g(m, "qn"):
        return _quarter(re.match(r"Q(?P<q>\d)\s+(?P<y>\d{4})", m.group(0)), ref)
    return _quarter(m, ref)



# -- resolving --------------------------------------------------------------------------------
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
    lead = (text[:best.start()] + (_g(best, "prep") or "")).lower()
    bound = "since" if re.search(r"\b(?:since|from)\s*$", lead) else "until" if re.search(
        r"\b(?:until|till)\s*$", lead) else ""
    return Parsed(best_rule, best, bound)


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


def _lift(parsed: Parsed, ref: DateWindow) -> tuple[date | None, date | None] | None:
    """Apply a rule to both ends of the reference window: a monotone function maps ends to ends."""
    rule, m = parsed.rule, parsed.match
    if rule.basis == "absolute" or (ref.start is None and ref.end is None):
        return rule.at(m, None)
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
    side = "anchor" if rule.basis == "anchor" else "now"
    basis = "" if rule.basis == "absolute" else f" ({side} {fmt(ref.start, ref.end)})"
    reason = f"'{text.strip()}': {rule.says}{basis} -> {fmt(start, end)}"
    return window_of(start, end, reason)


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
            if rule.found == "prep" and not (_g(m, "prep") or _g(m, "part")) and not _is_bare_year(rule, m):
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


# -- the article's "now" ----------------------------------------------------------------------
# Which metadata source to believe when dated candidates disagree and no content pins the date.
SOURCE_WEIGHT = {"dateline": 5, "html": 4, "url": 4, "text": 3, "header": 2, "filename": 1}
# A dated candidate this far from what the content pins is a different story's date (a crawl date).
OVERRULE_DAYS = 183
# An anniversary or occasion the article marks: reported from a week before to a month after it.
PROXIMITY = (timedelta(days=7), timedelta(days=30))
_OCCASION_CUE = re.compile(r"\b(?:mark(?:s|ed|ing)?|occasion|celebrat\w*|commemorat\w*|congratulat\w*|greet\w*|"
                           r"felicitat\w*|for|on|ahead\s+of|eve\s+of|run-up\s+to|time\s+of|hail\w*)\b[^.]{0,60}$", re.I)
_BEFORE_CUE = re.compile(r"\b(?:ahead\s+of|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to|before|prior\s+to)\b[^.]{0,40}$",
                         re.I)
# Occasions are named in passing more often than anniversaries: only these make one the article's.
_OCCASION_NAMED = re.compile(r"\b(?:ahead\s+of|eve\s+of|run-up\s+to|mark(?:s|ed|ing)?|occasion\s+of|celebrat\w*|"
                            r"commemorat\w*|congratulat\w*|greet\w*|at\s+the|during\s+the|opening\s+of|closing\s+of|"
                            r"attend\w*|for\s+the)\b[^.]{0,40}$", re.I)
_SINCE_CUE = re.compile(r"\b(?:since|after|following)\b[^.]{0,30}$", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@dataclass(frozen=True, slots=True)
class Pin:
    """What the content says about "now": a window, the day it hangs on, and why."""

    start: date
    end: date
    day: date
    label: str  # "'75th founding anniversary of the WPK' is 2020-10-10"
    reason: str
    is_proximity: bool  # only "near the occasion", not fixed by a relative expression


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return m.start(), m.end()
    return 0, len(text)


def _nearest_expression(text: str, start: int, end: int) -> Expression | None:
    """The expression closest before the mention in its sentence (within 80 characters)."""
    s0, s1 = _sentence_around(text, start)
    near = [e for e in find_expressions(text[s0:s1]) if start - 80 <= s0 + e.end <= start]
    return max(near, key=lambda e: e.end) if near else None


def _inverse(expr: str, day: date) -> tuple[date, date] | str | None:
    """The days "now" can be for ``expr`` to contain ``day``; "always" for a dated expression."""
    parsed = parse_expression(expr)
    if parsed is None or parsed.rule.basis == "anchor":
        return None
    if parsed.rule.basis == "absolute":
        span = parsed.rule.at(parsed.match, None)
        return "always" if span else None
    hits = [d for k in range(-400, 800) if (d := day + timedelta(days=k))
            and (s := parsed.rule.at(parsed.match, d)) and s[0] <= day <= s[1]]
    return (hits[0], hits[-1]) if hits else None


def _pin_at(text: str, start: int, end: int, day: date, last: date, label: str) -> Pin | None:
    before = text[max(0, start - 80):start]
    if _SINCE_CUE.search(before):
        return None
    expr = _nearest_expression(text, start, end)
    inverse = _inverse(expr.text, day) if expr else None
    if inverse == "always":
        return None  # the text dates the occasion itself: it is background, not the article's now
    if isinstance(inverse, tuple):
        return Pin(*inverse, day, label, f"'{expr.text}' with {label} puts now in {fmt(*inverse)}", False)
    if _BEFORE_CUE.search(before):
        lo, hi = day - timedelta(days=30), day
    else:
        lo, hi = day - PROXIMITY[0], last + PROXIMITY[1]
    return Pin(lo, hi, day, label, f"{label}: the article marks it, so now is {fmt(lo, hi)}", True)


def content_pins(text: str) -> list[Pin]:
    """Anniversaries the article marks and known occasions it is about, as windows for "now"."""
    pins = []
    for a in find_anniversaries(text):
        if _OCCASION_CUE.search(text[max(0, a.start - 80):a.start]):
            label = f"{a.label} is {a.day.isoformat()}"
            pin = _pin_at(text, a.start, a.end, a.day, a.day, label)
            pins += [pin] if pin else []
    occasion = _known_occasion(text)
    if occasion is not None:
        pin = _pin_at(text, *occasion)
        pins += [pin] if pin else []
    return sorted(pins, key=lambda p: p.is_proximity)


def _known_occasion(text: str) -> tuple[int, int, date, date, str] | None:
    matches = [m for m in match_occasions(text) if not m.occasion.is_recurring]
    if not matches:
        return None
    top = max(m.score for m in matches)
    best = {m.occasion.label: m for m in matches if m.score == top}
    if len(best) != 1:
        return None  # several occasions fit: none pins the date
    m = next(iter(best.values()))
    if not _OCCASION_NAMED.search(text[max(0, m.start - 60):m.start]):
        return None
    label = f"'{m.occasion.label}' ({fmt(m.occasion.start, m.occasion.end)}; {m.how})"
    return m.start, m.end, m.occasion.start, m.occasion.end, label


def _combine(pins: list[Pin]) -> tuple[Pin | None, list[str]]:
    """Intersect what the content says; a pin that contradicts the ones before it is reported."""
    if not pins:
        return None, []
    kept, notes = pins[0], []
    for p in list(dict.fromkeys(pins))[1:]:
        lo, hi = max(kept.start, p.start), min(kept.end, p.end)
        if lo <= hi:
            kept = Pin(lo, hi, kept.day, kept.label, f"{kept.reason}; {p.reason}",
                       kept.is_proximity and p.is_proximity)
        else:
            notes.append(f"content evidence disagrees: {p.reason}; kept {kept.reason}")
    return kept, notes


def _distance(day: date, lo: date, hi: date) -> int:
    return max((lo - day).days, (day - hi).days, 0)


def _yearless_day(cand, pin: Pin | None, near: date | None) -> tuple[date, str] | None:
    """A candidate without year ("SEOUL, Sept. 9"): the year that puts it nearest the evidence."""
    target = (pin.start, pin.end) if pin else (near, near) if near else None
    if target is None:
        return None
    days = [d for y in range(target[0].year - 1, target[1].year + 2)
            if (d := safe_day(y, cand.value.month, cand.value.day))]
    best = min(days, key=lambda d: _distance(d, *target))
    if _distance(best, *target) > OVERRULE_DAYS:
        return None
    why = pin.label if pin else f"the dated candidate {near}"
    return best, f"{cand.source} {best.strftime('%b %d')} has no year; {why} gives {best.year}"


def _choose_dated(cands, pin: Pin | None) -> tuple[date | None, str, list[str]]:
    """The best-supported dated candidate that the content does not contradict."""
    conflicts, kept = [], []
    for c in cands:
        if pin and _distance(c.value, pin.start, pin.end) > OVERRULE_DAYS:
            conflicts.append(f"{c.source} date {c.value} overruled: {pin.label}")
        else:
            kept.append(c)
    if not kept:
        return None, "", conflicts

    def support(c) -> int:
        return sum(SOURCE_WEIGHT.get(o.source, 1) for o in kept if abs((o.value - c.value).days) <= 2)

    # Ties go to the earlier date: a page is crawled or updated after its story, never before.
    best = min(kept, key=lambda c: (-support(c), -SOURCE_WEIGHT.get(c.source, 1), c.value))
    for c in kept:
        if abs((c.value - best.value).days) > 2:
            conflicts.append(f"{c.source} date {c.value} disagrees with {best.source} date {best.value}; "
                             f"kept {best.source}")
    return best.value, f"{best.source} date {best.value}: {best.reason}".rstrip(": "), conflicts


def _report_words() -> tuple[str, ...]:
    """The lead's reporting verbs ("reported", "said"), from the extractor's word groups."""
    import csv
    from importlib import resources

    try:
        rows = csv.DictReader(resources.files("missive.data").joinpath("frame_words.csv")
                              .read_text("utf-8").splitlines())
        words = next((r["word"] for r in rows if r.get("group") == "report"), "")
    except (FileNotFoundError, KeyError):
        words = ""
    return tuple(w for w in words.split(";") if w) or ("reported", "said")


def _lead_weekday(text: str, pin: Pin) -> tuple[date, str] | None:
    """'state media reported Saturday' in the lead: the Saturday nearest the occasion (3 days before
    to 6 after) is the reporting day."""
    verbs = "|".join(re.escape(w) for w in _report_words())
    m = re.search(rf"\b(?:{verbs})\s+(?:on\s+)?(?P<wd>{_WD})\b", text[:600])
    if not m:
        return None
    wd = WEEKDAYS.index(m["wd"])
    days = [d for k in range(-3, 7) if (d := pin.day + timedelta(days=k)).weekday() == wd
            and pin.start <= d <= pin.end]
    if not days:
        return None
    best = min(days, key=lambda d: abs((d - pin.day).days))
    return best, f"'{m.group(0)}' in the lead: the {m['wd']} nearest {pin.label}"


def infer_reference_date(doc: Document) -> ReferenceDate:
    """The article's "now": metadata candidates, checked against the anniversaries and occasions
    the content marks; a candidate the content contradicts by months is overruled and recorded."""
    text = normalise(doc.cleaned or doc.original)
    pin, conflicts = _combine(content_pins(text))
    cands = doc.metadata.date_candidates
    day, why, notes = _choose_dated([c for c in cands if c.has_year], pin)
    conflicts += notes
    for c in (c for c in cands if not c.has_year):
        same = day and (c.value.month, c.value.day) == (day.month, day.day)
        if day is None or not same:
            placed = _yearless_day(c, pin, day)
            if placed and (day is None or c.source == "dateline"):
                day, why = placed
                break
    if day is not None:
        pinned = f"; agrees with {pin.label}" if pin and _distance(day, pin.start, pin.end) == 0 else ""
        return ReferenceDate(DateWindow(day, day, "day", why + pinned), tuple(conflicts))
    if pin is None:
        reason = "no date candidate and nothing in the text pins the date"
        if any(not c.has_year for c in cands):
            reason = "the only dates have no year, and nothing in the text fixes it"
        return ReferenceDate(DateWindow(None, None, "open", reason), tuple(conflicts))
    lead = _lead_weekday(text, pin) if pin.is_proximity else None
    if lead:
        return ReferenceDate(DateWindow(lead[0], lead[0], "day", f"{lead[1]}; {pin.reason}"), tuple(conflicts))
    return ReferenceDate(window_of(pin.start, pin.end, pin.reason), tuple(conflicts))
