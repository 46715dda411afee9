"""Relative and partial date expressions resolve against the article's "now" in news convention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from missive.model import CalendarFact, DateWindow
from missive.temporal.expressions import Expression, find_expressions, resolve_expression, year_less_fact


def day(iso: str) -> DateWindow:
    d = date.fromisoformat(iso)
    return DateWindow(d, d, "day", "test")


def span(a: str, b: str) -> DateWindow:
    return DateWindow(date.fromisoformat(a), date.fromisoformat(b), "range", "test")


NOV_2023 = span("2023-11-01", "2023-11-30")

# (expression as printed in news, now, anchor, expected start, expected end)
CASES = [
    # weekdays: the most recent such day on or before the reporting day; the same day counts
    ("the North's state media reported Saturday", day("2020-10-10"), None, "2020-10-10", "2020-10-10"),
    ("state media reported Monday", day("2024-09-09"), None, "2024-09-09", "2024-09-09"),
    ("the premier delivered the message Friday", day("2026-01-26"), None, "2026-01-23", "2026-01-23"),
    ("On Sunday, the capital held a parade", day("2018-09-10"), None, "2018-09-09", "2018-09-09"),
    ("during talks on Saturday", day("2018-09-10"), None, "2018-09-08", "2018-09-08"),
    ("KCNA reported on Thursday", NOV_2023, None, "2023-10-26", "2023-11-30"),
    ("In the letter dated Saturday", NOV_2023, None, "2023-10-28", "2023-11-25"),
    ("In the letter dated Saturday", span("2023-11-02", "2023-11-30"), None, "2023-10-28", "2023-11-25"),
    ("On Sunday, Sung Kim held a video conference", NOV_2023, None, "2023-10-29", "2023-11-26"),
    ("the spokesman said on Wednesday", day("2023-11-02"), None, "2023-11-01", "2023-11-01"),
    ("last Tuesday", day("2019-03-05"), None, "2019-02-26", "2019-02-26"),
    ("next Monday", day("2019-03-05"), None, "2019-03-11", "2019-03-11"),
    ("Monday morning", day("2022-05-11"), None, "2022-05-09", "2022-05-09"),
    # calendar units
    ("a congratulatory message from Kim last month", NOV_2023, None, "2023-10-01", "2023-10-31"),
    ("the third time this year", NOV_2023, None, "2023-01-01", "2023-12-31"),
    ("last year", day("2026-01-26"), None, "2025-01-01", "2025-12-31"),
    ("last week", day("2023-11-05"), None, "2023-10-23", "2023-10-29"),
    ("next week", day("2023-11-05"), None, "2023-11-06", "2023-11-12"),
    ("this week", day("2023-11-08"), None, "2023-11-06", "2023-11-12"),
    ("next month", day("2023-12-15"), None, "2024-01-01", "2024-01-31"),
    ("next year", day("2023-12-15"), None, "2024-01-01", "2024-12-31"),
    ("In the past week, three embassies closed", day("2023-11-05"), None, "2023-10-29", "2023-11-05"),
    ("earlier this year", day("2021-07-12"), None, "2021-01-01", "2021-07-12"),
    ("earlier this month", day("2021-07-12"), None, "2021-07-01", "2021-07-12"),
    ("later this month", day("2021-07-12"), None, "2021-07-12", "2021-07-31"),
    ("late last year", day("2023-11-05"), None, "2022-09-02", "2022-12-31"),
    ("the weekend", day("2023-11-08"), None, "2023-11-04", "2023-11-05"),
    ("the first quarter", day("2023-11-05"), None, "2023-01-01", "2023-03-31"),
    ("last summer", day("2023-11-05"), None, "2023-06-01", "2023-08-31"),
    # months without year: the most recent such month on or before now
    ("They did so in April", NOV_2023, None, "2023-04-01", "2023-04-30"),
    ("and in September, around the time of", NOV_2023, None, "2023-09-01", "2023-09-30"),
    ("a trilateral summit in May", day("2024-09-09"), None, "2024-05-01", "2024-05-31"),
    ("Putin visited Pyongyang in June", day("2024-09-09"), None, "2024-06-01", "2024-06-30"),
    ("established diplomatic relations in February", day("2024-09-09"), None, "2024-02-01", "2024-02-29"),
    ("in December", day("2024-01-10"), None, "2023-12-01", "2023-12-31"),
    ("in October last year", day("2026-01-26"), None, "2025-10-01", "2025-10-31"),
    ("Last September", day("2026-01-18"), None, "2025-09-01", "2025-09-30"),
    ("mid-June", day("2023-11-05"), None, "2023-06-11", "2023-06-20"),
    ("since March", day("2023-11-05"), None, "2023-03-01", "2023-11-05"),
    # days without year: the nearest such day, ten months back to two ahead
    ("SEOUL, Sept. 9 (UPI)", day("2024-09-09"), None, "2024-09-09", "2024-09-09"),
    ("as in a Jan. 11 cable", day("2021-07-12"), None, "2021-01-11", "2021-01-11"),
    ("a message shared verbally on March 22", day("2021-07-12"), None, "2021-03-22", "2021-03-22"),
    ("a New Year's greeting on Jan.1", day("2024-09-09"), None, "2024-01-01", "2024-01-01"),
    ("On December 27, the agency reported", day("2026-01-18"), None, "2025-12-27", "2025-12-27"),
    ("on the 1st of this month", day("2026-01-18"), None, "2026-01-01", "2026-01-01"),
    ("replied on Oct. 15", day("2020-10-20"), None, "2020-10-15", "2020-10-15"),
    ("talks will open on Nov. 2", day("2020-10-20"), None, "2020-11-02", "2020-11-02"),
    ("Thursday, July 27", day("2023-07-25"), None, "2023-07-27", "2023-07-27"),
    ("Sept. 1-3", day("2021-09-12"), None, "2021-09-01", "2021-09-03"),
    # dated expressions
    ("shakes hands with Xi on June 21, 2019, in Pyongyang", day("2021-07-12"), None, "2019-06-21", "2019-06-21"),
    ("the treaty signed July 11, 1961", day("2021-07-12"), None, "1961-07-11", "1961-07-11"),
    ("12 July 2018", None, None, "2018-07-12", "2018-07-12"),
    ("May 20. 2018", None, None, "2018-05-20", "2018-05-20"),
    ("Posted on : 2021-07-12 17:50 KST", None, None, "2021-07-12", "2021-07-12"),
    ("Dated 20/10/2020", None, None, "2020-10-20", "2020-10-20"),
    ("Reporting Monday (09/10/2018)", None, None, "2018-09-10", "2018-09-10"),
    ("09/10/2018", day("2018-10-09"), None, "2018-10-09", "2018-10-09"),
    ("in October 2020", None, None, "2020-10-01", "2020-10-31"),
    ("in 2017", None, None, "2017-01-01", "2017-12-31"),
    ("the first time since 1959", day("2024-09-09"), None, "1959-01-01", "2024-09-09"),
    ("in the 1990s", None, None, "1990-01-01", "1999-12-31"),
    ("in early 2019", None, None, "2019-01-01", "2019-05-01"),
    ("from March to May 2019", day("2021-07-12"), None, "2019-03-01", "2019-05-31"),
    ("between 2018 and 2020", None, None, "2018-01-01", "2020-12-31"),
    ("the first half of 2024", None, None, "2024-01-01", "2024-07-01"),
    # counted from now or from the previous dated event
    ("70 years ago", day("2023-07-25"), None, "1953-01-01", "1953-12-31"),
    ("two weeks ago", day("2023-07-25"), None, "2023-07-11", "2023-07-11"),
    ("a few days ago", day("2020-10-20"), None, "2020-10-16", "2020-10-18"),
    ("yesterday", day("2023-11-05"), None, "2023-11-04", "2023-11-04"),
    # a weekday with its day of the month in brackets (South Asian press style)
    ("on Thursday (4)", day("2024-01-06"), None, "2024-01-04", "2024-01-04"),
    ("on Monday (11)", day("2024-03-20"), None, "2024-03-11", "2024-03-11"),
    ("on Thursday (4)", day("2024-05-02"), None, "2024-04-04", "2024-04-04"),  # the latest such: April's
    ("tomorrow", day("2023-11-05"), None, "2023-11-06", "2023-11-06"),
    ("recently", day("2021-07-12"), None, "2021-01-10", "2021-07-12"),
    ("Pyongyang recalled its ambassador a month later", day("2024-09-09"), span("2024-02-01", "2024-02-29"),
     "2024-03-01", "2024-03-31"),
    ("at a meeting in Beijing the following day", day("2021-07-12"), day("2021-07-11"), "2021-07-12", "2021-07-12"),
    ("the day before", day("2021-07-12"), day("2021-07-11"), "2021-07-10", "2021-07-10"),
    ("the same day", day("2026-01-26"), day("2026-01-23"), "2026-01-23", "2026-01-23"),
    ("three days later", day("2026-01-26"), day("2026-01-10"), "2026-01-13", "2026-01-13"),
    ("the Saturday before", NOV_2023, span("2023-11-02", "2023-11-30"), "2023-10-28", "2023-11-25"),
    ("24 days after the June 12 summit", day("2018-07-12"), None, "2018-07-06", "2018-07-06"),
    # known occasions named instead of a date
    ("a New Year's greeting", day("2024-09-09"), None, "2024-01-01", "2024-01-01"),
]


@pytest.mark.parametrize("text,now,anchor,start,end", CASES, ids=[c[0][:40] for c in CASES])
def test_news_expression_resolves_to_the_window_a_careful_reader_gives(text, now, anchor, start, end):
    window = resolve_expression(text, now or DateWindow(None, None), anchor)
    assert window is not None, text
    assert window.iso() == (start, end)
    assert window.reason and text.strip()[:3] in window.reason or window.reason


def test_table_holds_at_least_sixty_real_phrasings():
    assert len(CASES) >= 60


@pytest.mark.parametrize("text,now,anchor", [
    ("a month later", day("2024-09-09"), None),  # an anaphor with nothing to count from
    ("Sept. 9", DateWindow(None, None), None),  # a day without year and no "now" to place it
    ("the 76th anniversary of the founding", day("2024-09-09"), None),  # no date expression at all
])
def test_expression_without_a_basis_stays_unresolved(text, now, anchor):
    assert resolve_expression(text, now, anchor) is None


# a now known only to be on or after a day: a shift of now stays as open as now is ...
@pytest.mark.parametrize("text,start", [("last year", "2018-01-01"), ("today", "2019-02-01"),
                                        ("two years ago", "2017-01-01")])
def test_a_now_open_at_its_end_gives_a_shift_of_now_an_open_end(text, start):
    window = resolve_expression(text, DateWindow(date(2019, 2, 1), None, "range"))
    assert window is not None and (window.start.isoformat(), window.end) == (start, None)


# ... but the occurrence nearest to such a now is no occurrence at all
@pytest.mark.parametrize("text", ["on May 2", "on Thursday", "in March", "3-5 June", "last March"])
def test_a_now_open_at_its_end_places_no_nearest_day(text):
    assert resolve_expression(text, DateWindow(date(2019, 2, 1), None, "range")) is None


@pytest.mark.parametrize("text,precision", [
    ("last month", "month"), ("last week", "week"), ("last year", "year"), ("Friday", "day"),
    ("earlier this year", "range"),
])
def test_precision_says_what_the_bounds_are(text, precision):
    assert resolve_expression(text, day("2026-01-26")).precision == precision


def test_every_window_says_why():
    window = resolve_expression("Saturday", NOV_2023)
    assert "most recent" in window.reason and "2023-11-01..2023-11-30" in window.reason


@pytest.mark.parametrize("text,expected", [
    ("Xi made the commitment in a response to a congratulatory message from Kim last month to mark the 74th "
     "anniversary, the Korean Central News Agency (KCNA) reported on Thursday.", ["last month", "Thursday"]),
    ("They did so in April after Xi was confirmed for a third presidential term and in September.",
     ["April", "September"]),
    ("SEOUL, Sept. 9 (UPI) — state media reported Monday, despite signs of cooling relations in recent months.",
     ["Sept. 9", "Monday", "recent months"]),
    ("The note came 24 days after the June 12 summit, on July 6, 2018.",
     ["24 days after the June 12", "July 6, 2018"]),
    ("Reporting Monday (09/10/2018), the agency said.", ["Monday (09/10/2018)"]),
    ("The swine flu pandemic of 2009-2010 killed 348 children.", ["2009-2010"]),
    ("Talks were held from March to May 2019.", ["from March to May 2019"]),
    ("You may march in May, he said, as 2000 people watched.", ["in May"]),
    ("The minister visited Hanoi in October last year, the first since 2007.", ["October last year", "since 2007"]),
])
def test_finder_returns_whole_expressions_with_offsets(text, expected):
    found = find_expressions(text)
    assert [e.text for e in found] == [e.removeprefix("in ") for e in expected]
    assert all(isinstance(e, Expression) and text[e.start:e.end] == e.text for e in found)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 6))
def test_weekday_is_the_latest_such_day_on_or_before_now(now, weekday):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    window = resolve_expression(f"on {name}", DateWindow(now, now, "day"))
    assert window.start == window.end
    assert window.start.weekday() == weekday and timedelta(0) <= now - window.start < timedelta(days=7)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 60),
       st.sampled_from(["Thursday", "last month", "in June", "March 22", "earlier this year", "last week"]))
def test_a_window_of_now_covers_what_each_of_its_days_gives(start, length, text):
    now = DateWindow(start, start + timedelta(days=length), "range")
    whole = resolve_expression(text, now)
    for d in (now.start, now.start + timedelta(days=length // 2), now.end):
        part = resolve_expression(text, DateWindow(d, d, "day"))
        assert whole.start <= part.start and part.end <= whole.end


@pytest.mark.parametrize("text,dateline,fact", [
    ("on Wednesday", (3, 9), CalendarFact(3, 9, weekday=2, days_before=6)),  # the Wednesday of the week up to March 9
    ("on June 14", (6, 16), CalendarFact(6, 14)),
    ("on June 14", None, CalendarFact(6, 14)),  # no dateline: the day still names a day of some year
    ("yesterday", (8, 21), CalendarFact(8, 20)),
    ("last week", (8, 21), CalendarFact(8, 21, days_before=13)),
    ("on Wednesday", None, None),  # a weekday without a dateline says nothing fixed
    ("yesterday", None, None),  # nor does a shift of now
    ("Thursday, 4 May", None, CalendarFact(5, 4, weekday=3)),  # a named day keeps its weekday ...
    ("3-5 June", None, CalendarFact(6, 3, days_after=2)),  # ... and its span
    ("last month", (8, 21), None),  # too loose to tell years apart
    ("in 2019", (8, 21), None),  # has its year: a window, not a fact
])
def test_a_day_without_a_year_is_a_calendar_fact(text, dateline, fact):
    found = year_less_fact(text, dateline)
    assert (found and (found.month, found.day, found.weekday, found.days_before, found.days_after)) == (
        fact and (fact.month, fact.day, fact.weekday, fact.days_before, fact.days_after))


def test_a_year_less_weekday_fact_fits_only_years_where_the_weekday_falls_in_the_week():
    fact = year_less_fact("on Wednesday", (3, 9))
    assert fact.window_in(2022) == (date(2022, 3, 9), date(2022, 3, 9))  # March 9, 2022 was a Wednesday
    assert fact.window_in(2021) == (date(2021, 3, 3), date(2021, 3, 3))
