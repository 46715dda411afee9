"""Why a date, in a few words: the short reason shown beside each window (the full one a click away)."""

from __future__ import annotations

import pytest

from missive.temporal.summary import event_date_summary, short_reason

OCT12 = ("2023-10-12", "2023-10-12")


@pytest.mark.parametrize("reason, start, end, report, short", [
    ("'Saturday': a weekday: the most recent such day on or before the reporting day (now 2023-10-12) -> 2023-10-07",
     "2023-10-07", "2023-10-07", OCT12, "“Saturday” before the 12 Oct report"),
    ("'today': a day named from now (now 2023-10-12) -> 2023-10-12", "2023-10-12", "2023-10-12", OCT12,
     "“today” the day of the 12 Oct report"),
    ("'last month': 'last/this/next <unit>' (now 2024-01-03) -> 2023-12-01..2023-12-31", "2023-12-01", "2023-12-31",
     ("2024-01-03", "2024-01-03"), "“last month” before the 3 Jan 2024 report"),  # the year when it differs
    ("'Monday': a weekday (now 2021-07-11..2021-07-17) -> 2021-07-05..2021-07-12", "2021-07-05", "2021-07-12",
     ("2021-07-11", "2021-07-17"), "“Monday” read from the report of 11 Jul–17 Jul"),  # a vague report day
    ("'June 21, 2019': a dated day -> 2019-06-21", "2019-06-21", "2019-06-21", OCT12, "“June 21, 2019” in the text"),
    ("at the time of the remark: 'Sunday': a weekday (now 2021-04-26) -> 2021-04-25", "2021-04-25", "2021-04-25",
     ("2021-04-26", "2021-04-26"), "“Sunday” before the 26 Apr report"),
    ("no date of its own; sent on or before the report of 2023-10-12", None, "2023-10-12", OCT12,
     "no date in the text: on or before the 12 Oct report"),
    ("no date of its own; messages for the anniversary on 2024-09-09 go out in the week before it", "2024-09-02",
     "2024-09-09", ("2024-09-09", "2024-09-09"),
     "no date in the text: messages for the anniversary on 9 Sep 2024 go out in the week before it"),
    ("no date in the text", None, None, (None, None), "no date in the text"),
    ("'Tuesday': a weekday", "2019-10-01", "2019-10-01", (None, None), "“Tuesday” in the text"),  # no report day known
])
def test_a_reason_reads_in_a_few_words(reason, start, end, report, short):
    assert short_reason(reason, start, end, report) == short


def test_an_event_of_several_reports_says_which_one_dates_it():
    days = {"a": OCT12, "b": ("2023-10-13", "2023-10-13")}
    reports = [{"doc": "a", "date_min": "2023-10-07", "date_max": "2023-10-07", "date_reason": "'Saturday': a weekday"},
               {"doc": "b", "date_min": None, "date_max": "2023-10-13", "date_reason": "no date of its own"}]
    event = {"date_min": "2023-10-07", "date_max": "2023-10-07", "reports": reports}
    assert event_date_summary(event, days) == "“Saturday” before the 12 Oct report (the narrowest of 2 reports)"
    event["date_min"] = "2023-10-06"
    assert event_date_summary(event, days) == "what all 2 reports allow together"
