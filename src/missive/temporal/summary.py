"""Why a date, in a few words: "“Saturday” before the 12 Oct report", for a listing or a page.

Every window carries its full reason (the expression, the rule that read it, the article's "now"
and the result): right, and too long to read beside each event in a timeline. The short form
keeps what an analyst checks first: the words of the text that date the event, and how they
stand to the article's report day (before it, on it), or that the text gives no date at all.
The full reason stays one click away on the pages (and in every export).

It relies on the shape every temporal reason opens with: ``'<words>': <rule> ... -> <window>``,
optionally after a context prefix ("at the time of the remark: "), or ``no date ...`` when the
text gives none.
"""

from __future__ import annotations

import re
from datetime import date

_QUOTED_HEAD = re.compile(r"^(?:[^']{0,60}?: )?'([^']{1,80})':")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b")
SHORT_MAX = 100


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10]) if value else None


def day_words(day: date, year_of: date | None = None) -> str:
    """'12 Oct', with the year when it differs from `year_of`'s (or when there is none to compare)."""
    text = f"{day.day} {day.strftime('%b')}"
    return text if year_of and year_of.year == day.year else f"{text} {day.year}"


def _report_relation(start: date | None, end: date | None, report: tuple[date, date]) -> str:
    """How a window stands to the report day (a window too, when the article's date is vague):
    before it, on it, or read from it."""
    first, last = report
    words = (f"the {day_words(first, end or start)} report" if first == last
             else f"the report of {day_words(first, last)}–{day_words(last, end or start)}")
    if start == end == first == last:
        return f"the day of {words}"
    if end and end < first:
        return f"before {words}"
    if end == last:
        return f"on or before {words}"
    return f"read from {words}"


def short_reason(reason: str, start: date | str | None, end: date | str | None,
                 report_day: tuple[date | str | None, date | str | None] = (None, None)) -> str:
    """A report's date reason in a few words, against its article's report day (first, last) when known."""
    lo, hi = _day(start), _day(end)
    first, last = _day(report_day[0]), _day(report_day[1])
    report = (first, last or first) if first else None
    text = (reason or "").strip()
    head = _QUOTED_HEAD.match(text)
    if head:
        words = f"“{head.group(1)}”"
        if _YEAR.search(head.group(1)) or report is None:
            return f"{words} in the text"
        return f"{words} {_report_relation(lo, hi, report)}"
    if text.startswith("no date"):
        clause = text.split(";")[1].strip() if ";" in text else ""
        if report and hi and hi == report[1] and not (lo and clause):  # bounded by the report day alone
            return f"no date in the text: {_report_relation(None, hi, report)}"
        if not clause:
            return "no date in the text"
        return _cut("no date in the text: " + _ISO_DAY.sub(lambda m: day_words(_day(m.group(0))), clause))
    return _cut(text.split(";")[0])


def event_date_summary(event: dict, report_days: dict[str, tuple[str | None, str | None]]) -> str:
    """The short reason of a consolidated event (its flat record): its one report's, or that of the
    report whose window the event keeps, or what all its reports allow together."""
    reports = event.get("reports") or []
    window = (event.get("date_min"), event.get("date_max"))

    def of(r: dict) -> str:
        return short_reason(r.get("date_reason", ""), r.get("date_min"), r.get("date_max"),
                            report_days.get(r.get("doc", ""), (None, None)))

    if len(reports) == 1:
        return of(reports[0])
    exact = [r for r in reports if (r.get("date_min"), r.get("date_max")) == window]
    if exact:
        return f"{of(exact[0])} (the narrowest of {len(reports)} reports)"
    if not reports:
        return short_reason(event.get("date_reason", ""), *window)
    return f"what all {len(reports)} reports allow together"


def _cut(text: str) -> str:
    return text if len(text) <= SHORT_MAX else text[:SHORT_MAX - 1].rstrip() + "…"
