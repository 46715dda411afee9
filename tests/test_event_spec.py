"""The expected-event notation of the world table and its scorer-like comparison (no model)."""

from __future__ import annotations

from datetime import date

import pytest

from event_spec import OPEN_MAX, OPEN_MIN, compare, parse_expected, parse_window


def flat(type_: str, src: str = "", tgt: str = "", lo: str | None = None, hi: str | None = None,
         participants: tuple[str, ...] = ()) -> dict:
    return {"type": type_, "source_country": src, "target_country": tgt, "participants": list(participants),
            "date_min": lo, "date_max": hi, "medium": "", "evidence": ""}


@pytest.mark.parametrize("text, start, end", [
    ("2024-03-21", date(2024, 3, 21), date(2024, 3, 21)),
    ("2019-05", date(2019, 5, 1), date(2019, 5, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2012", date(2012, 1, 1), date(2012, 12, 31)),
    ("..2023-09-20", OPEN_MIN, date(2023, 9, 20)),
    ("2023-09..", date(2023, 9, 1), OPEN_MAX),
    ("2023-03..2023-04-02", date(2023, 3, 1), date(2023, 4, 2)),
    ("..", OPEN_MIN, OPEN_MAX),
])
def test_a_window_is_a_day_a_month_a_year_or_a_range(text, start, end):
    assert parse_window(text) == (start, end)


@pytest.mark.parametrize("spec", [
    "message KAZ-UZB 2024",          # a message needs a direction
    "call DEU+POL+CZE 2023",         # only meetings and agreements have sets
    "visit DEU-POL",                 # not one of the five types
    "meeting DEU-POL 2023-13",       # no such month
    "meeting DE-PL",                 # not ISO3
    "relations CAN-CAN",             # one country is no interaction
    "agreement KEN-TZA 2013..2012",  # ends before it starts
    "meeting CHE+FRA",               # a set has three or more members
])
def test_a_malformed_spec_is_refused(spec):
    with pytest.raises(ValueError):
        parse_expected(spec)


def test_a_message_must_keep_its_direction():
    assert compare(["message KAZ>UZB 2024-03-21"], [flat("message", "KAZ", "UZB", "2024-03-21", "2024-03-21")]).ok
    verdict = compare(["message KAZ>UZB 2024-03-21"], [flat("message", "UZB", "KAZ", "2024-03-21", "2024-03-21")])
    assert verdict.missing == ("message KAZ>UZB 2024-03-21",) and len(verdict.extra) == 1


def test_calls_and_relations_match_either_way():
    assert compare(["call DEU-POL 2023-06-05"], [flat("call", "POL", "DEU", "2023-06-05", "2023-06-05")]).ok
    assert compare(["relations CAN-IND"], [flat("relations", "IND", "CAN")]).ok


def test_meetings_and_agreements_compare_country_sets():
    multilateral = flat("meeting", participants=("ITA", "CHE", "FRA"), lo="2019-05-14", hi="2019-05-15")
    assert compare(["meeting CHE+FRA+ITA 2019-05"], [multilateral]).ok
    assert compare(["agreement KEN-TZA 2012"], [flat("agreement", "TZA", "KEN", "2012-07-02", "2012-07-02")]).ok
    assert not compare(["meeting CHE+FRA+ITA 2019-05"],
                       [flat("meeting", participants=("CHE", "FRA"), lo="2019-05-14", hi="2019-05-14")]).ok


def test_the_expected_window_widened_by_a_day_must_hold_the_predicted_one():
    spec = ["call DEU-POL 2023-06-05"]
    assert compare(spec, [flat("call", "DEU", "POL", "2023-06-04", "2023-06-06")]).ok
    assert not compare(spec, [flat("call", "DEU", "POL", "2023-06-03", "2023-06-05")]).ok
    assert not compare(spec, [flat("call", "DEU", "POL", None, "2023-06-05")]).ok  # open start is too wide
    assert not compare(spec, [flat("call", "DEU", "POL")]).ok


def test_an_open_expected_bound_accepts_any_predicted_bound():
    spec = ["relations CAN-IND ..2023-09-20"]
    assert compare(spec, [flat("relations", "CAN", "IND", None, "2023-09-19")]).ok
    assert compare(spec, [flat("relations", "CAN", "IND", "1990-01-01", "2023-09-21")]).ok
    assert not compare(spec, [flat("relations", "CAN", "IND", None, "2023-09-22")]).ok
    assert not compare(spec, [flat("relations", "CAN", "IND", None, None)]).ok


def test_year_and_month_windows_cover_their_whole_period():
    assert compare(["agreement KEN-TZA 2012"], [flat("agreement", "KEN", "TZA", "2012-01-01", "2012-12-31")]).ok
    assert not compare(["agreement KEN-TZA 2012"], [flat("agreement", "KEN", "TZA", "2012-01-01", "2013-01-05")]).ok


def test_events_pair_one_to_one():
    two = ["message VNM>LAO 2022-07-18", "message VNM>LAO 2022-07"]
    one = [flat("message", "VNM", "LAO", "2022-07-18", "2022-07-18")]
    assert compare(two, one).missing == ("message VNM>LAO 2022-07",)
    # the pairing must not be greedy: the narrow prediction goes to the day, the wide one to the month
    both = [flat("message", "VNM", "LAO", "2022-07-18", "2022-07-18"),
            flat("message", "VNM", "LAO", "2022-07-01", "2022-07-31")]
    assert compare(["message VNM>LAO 2022-07", "message VNM>LAO 2022-07-18"], both).ok


def test_an_unexpected_prediction_fails_the_case_unless_it_is_also_ok():
    predicted = [flat("meeting", "FRA", "DEU", "2021-03-02", "2021-03-02"),
                 flat("call", "FRA", "DEU", "2021-03-02", "2021-03-02")]
    assert compare(["meeting FRA-DEU 2021-03-02"], predicted).extra
    assert compare(["meeting FRA-DEU 2021-03-02"], predicted, also_ok=["call DEU-FRA"]).ok
    assert compare([], []).ok
    assert not compare([], predicted[:1]).ok


def test_types_must_agree():
    assert not compare(["meeting FRA-DEU"], [flat("call", "FRA", "DEU")]).ok
