"""The article's "now": metadata candidates checked against anniversaries and known occasions."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from missive.temporal.anniversaries import anniversary_date, find_anniversaries
from missive.temporal.fact_tables import load_foundings, load_occasions
from missive.model import DateCandidate, DateWindow, Document, Metadata, OffsetMap
from missive.temporal.expressions import resolve_expression
from missive.temporal.occasions import find_occasion
from missive.temporal.reference_date import infer_reference_date

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "missive" / "examples"
DEVSET = ROOT.parent / "shared" / "devset" / "docs"


def article(name: str) -> str:
    for folder in (EXAMPLES, DEVSET):
        found = sorted(folder.glob(f"{name}*.txt")) if folder.is_dir() else []
        if found:
            return found[0].read_text(encoding="utf-8")
    pytest.skip(f"{name} is not on this machine")


def document(name: str, *candidates: DateCandidate) -> Document:
    text = article(name)
    return Document(name, text, text, OffsetMap.identity(len(text)), Metadata(date_candidates=candidates))


def header(iso: str, text: str) -> DateCandidate:
    return DateCandidate(date.fromisoformat(iso), "header", text)


def yearless(month: int, day: int, source: str, text: str) -> DateCandidate:
    return DateCandidate(date(1, month, day), source, text, has_year=False)


def test_article_with_no_date_takes_its_now_from_last_month_and_the_74th_prc_anniversary():
    ref = infer_reference_date(document("000"))
    assert ref.window.iso() == ("2023-11-01", "2023-11-30") and ref.window.precision == "month"
    assert "last month" in ref.window.reason and "People's Republic of China" in ref.window.reason
    thursday = resolve_expression("reported on Thursday", ref.window)
    assert thursday.iso() == ("2023-10-26", "2023-11-30")  # written on Nov 1, "Thursday" would be Oct 26
    report_day = DateWindow(max(thursday.start, ref.window.start), thursday.end, "range")  # within "now"
    assert resolve_expression("the letter dated Saturday", ref.window).iso() == ("2023-10-28", "2023-11-25")
    assert resolve_expression("the Saturday before", ref.window, report_day).iso() == ("2023-10-28", "2023-11-25")
    assert resolve_expression("On Sunday", ref.window).iso() == ("2023-10-29", "2023-11-26")
    assert resolve_expression("in April", ref.window).iso() == ("2023-04-01", "2023-04-30")


def test_wrong_header_date_is_overruled_by_the_75th_wpk_anniversary_and_recorded():
    ref = infer_reference_date(document("001", header("2024-07-15", "DATE: 2024-07-15 16:34:51")))
    assert ref.window.iso() == ("2020-10-10", "2020-10-10")
    assert len(ref.conflicts) == 1 and "2024-07-15 overruled" in ref.conflicts[0]
    assert "Workers' Party of Korea" in ref.conflicts[0] and "2020-10-10" in ref.conflicts[0]
    assert resolve_expression("reported Saturday", ref.window).iso() == ("2020-10-10", "2020-10-10")


def test_dateline_without_year_takes_it_from_the_76th_dprk_anniversary():
    ref = infer_reference_date(document("004", yearless(9, 9, "dateline", "SEOUL, Sept. 9 (UPI)")))
    assert ref.window.iso() == ("2024-09-09", "2024-09-09")
    assert "76th anniversary" in ref.window.reason and ref.conflicts == ()
    assert resolve_expression("reported Monday", ref.window).iso() == ("2024-09-09", "2024-09-09")


def test_article_about_the_congress_that_gives_xi_a_third_term_is_dated_by_it():
    ref = infer_reference_date(document("002"))
    assert ref.window.end == date(2022, 10, 16)
    assert "20th National Congress" in ref.window.reason


def test_treaty_anniversary_agrees_with_the_posted_date():
    ref = infer_reference_date(document("003", header("2021-07-12", "Posted on : 2021-07-12 17:50 KST")))
    assert ref.window.iso() == ("2021-07-12", "2021-07-12") and ref.conflicts == ()


def test_crawl_date_years_after_the_story_is_overruled():
    ref = infer_reference_date(document("h039", header("2025-12-22", "December 22, 2025"),
                                        header("2020-10-20", "Date: 20/10/2020")))
    assert ref.window.iso() == ("2020-10-20", "2020-10-20")
    assert any("2025-12-22 overruled" in c for c in ref.conflicts)


def test_weekday_beside_a_numeric_date_picks_day_first():
    text = article("h021")
    window = resolve_expression("Monday (09/10/2018)", DateWindow(None, None))
    assert "Monday (09/10/2018)" in text and window.iso() == ("2018-09-10", "2018-09-10")
    ref = infer_reference_date(document("h021", DateCandidate(date(2018, 9, 10), "text", "Monday (09/10/2018)")))
    assert ref.window.iso() == ("2018-09-10", "2018-09-10") and ref.conflicts == ()


def test_without_any_date_or_occasion_now_stays_open_and_says_so():
    doc = Document("x", "Kim sent a letter to Xi.", "Kim sent a letter to Xi.", OffsetMap.identity(24))
    ref = infer_reference_date(doc)
    assert ref.window.start is None and ref.window.end is None and ref.window.reason


def test_candidates_that_disagree_keep_the_better_source_and_record_the_other():
    doc = Document("x", "text", "text", OffsetMap.identity(4), Metadata(date_candidates=(
        DateCandidate(date(2019, 3, 4), "url", "/2019/03/04/"),
        DateCandidate(date(2019, 3, 4), "dateline", "March 4, 2019"),
        header("2023-01-01", "crawled 2023-01-01"))))
    ref = infer_reference_date(doc)
    assert ref.window.start == date(2019, 3, 4) and any("2023-01-01" in c for c in ref.conflicts)


@pytest.mark.parametrize("text,context,expected", [
    ("on the occasion of the 76th anniversary of the founding of the DPRK", (), date(2024, 9, 9)),
    ("marking the 75th founding anniversary of the North's ruling Workers' Party of Korea (WPK)", (),
     date(2020, 10, 10)),
    ("to mark the 60th anniversary of the two countries' Treaty of Friendship, Cooperation and Mutual Assistance",
     ("CHN", "PRK"), date(2021, 7, 11)),
    ("to mark the 74th anniversary of the founding of the People's Republic of China", (), date(2023, 10, 1)),
    ("greetings on the 70th anniversary of the founding of the republic", ("PRK",), date(2018, 9, 9)),
    ("a parade for the ruling party's 80th founding anniversary", ("PRK",), date(2025, 10, 10)),
    ("the centenary of the Communist Party of China", (), date(2021, 7, 1)),
    ("the 70th anniversary of the establishment of diplomatic relations between China and Vietnam", (),
     date(2020, 1, 18)),
    ("the 110th anniversary of the birth of President Kim Il Sung", (), date(2022, 4, 15)),
    ("the 10th anniversary of the death of Kim Jong Il", (), date(2021, 12, 17)),
    ("the 70th anniversary of victory in the Fatherland Liberation War", (), date(2023, 7, 27)),
    ("the DPRK-China Treaty of Friendship, Cooperation and Mutual Assistance: its 60th anniversary", (), None),
    ("the WPK's seventy-fifth anniversary", (), date(2020, 10, 10)),
    ("China's 75th founding anniversary", (), date(2024, 10, 1)),
])
def test_anniversary_of_a_known_founding_gives_its_day(text, context, expected):
    found = anniversary_date(text, context)
    assert (found[0] if found else None) == expected
    if found:
        assert "+" in found[1] and "foundings.csv" in found[1]


@pytest.mark.parametrize("text,context", [
    ("this year marks the 40th anniversary of Prime Minister Ana Ruiz's visit to China", ()),
    ("on the 30th anniversary of his first trip to North Korea", ("PRK",)),
    ("the 25th anniversary of the talks with Vietnam in Geneva", ("VNM",)),
])
def test_anniversary_of_an_event_in_a_country_is_not_that_country_s_founding(text, context):
    assert anniversary_date(text, context) is None


def test_an_anniversary_of_a_visit_to_a_country_leaves_a_dated_lead_alone():
    text = ("On the afternoon of March 4, 2022, the Chilean president met the Chinese premier in Beijing.\n\n"
            "Noting that this year marks the 50th anniversary of a Chilean leader's visit to China, the premier "
            "welcomed the guest.\n")
    doc = Document("visit", text, text, OffsetMap.identity(len(text)), Metadata())
    ref = infer_reference_date(doc)
    assert ref.window.start is None or ref.window.start.year == 2022, ref


def test_anniversary_of_an_unknown_subject_is_not_guessed():
    assert anniversary_date("the 30th anniversary of the company") is None
    assert find_anniversaries("the 70th anniversary of the founding of the country") == []


@pytest.mark.parametrize("text,now,label,start,end", [
    ("ahead of a historic congress of the ruling Chinese Communist Party, where Xi is poised to win a third "
     "five-year term", None, "20th National Congress of the CPC", "2022-10-16", "2022-10-22"),
    ("the congress of the ruling Chinese Communist Party", DateWindow(date(2017, 10, 1), date(2017, 10, 1)),
     "19th National Congress of the CPC", "2017-10-18", "2017-10-24"),
    ("the 8th Congress of the Workers' Party of Korea", None, "8th Congress of the WPK", "2021-01-05", "2021-01-12"),
    ("a New Year's greeting", DateWindow(date(2024, 9, 9), date(2024, 9, 9)), "New Year's Day",
     "2024-01-01", "2024-01-01"),
    ("sent New Year's cards", DateWindow(date(2025, 12, 27), date(2025, 12, 27)), "New Year's Day",
     "2026-01-01", "2026-01-01"),
    ("Lunar New Year greetings", DateWindow(date(2024, 2, 12), date(2024, 2, 12)), "Lunar New Year",
     "2024-02-10", "2024-02-10"),
    ("Trump was sworn in for his second term", DateWindow(date(2025, 2, 1), date(2025, 2, 1)),
     "inauguration of Donald Trump (second term)", "2025-01-20", "2025-01-20"),
])
def test_known_occasion_named_in_text_gives_its_days(text, now, label, start, end):
    found = find_occasion(text, now)
    assert found is not None and found[0] == label and found[1].iso() == (start, end) and found[2]


def test_occasion_that_fits_several_rows_equally_is_not_named():
    assert find_occasion("Trump was sworn in") is None


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("missive.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_data_files_are_readable_tables_of_public_dates():
    foundings, occasions = _rows("foundings.csv"), _rows("occasions.csv")
    assert len(foundings) >= 80 and len(load_foundings()) == len(foundings)
    assert len(occasions) >= 40 and len(load_occasions()) == len(occasions)
    kinds = {r["kind"] for r in foundings}
    assert {"state", "party", "army", "treaty", "relations", "organisation", "event"} <= kinds
    assert all(r["iso3"] == "" or all(len(c) == 3 for c in r["iso3"].split(";")) for r in foundings + occasions)
    assert all(o.start <= o.end for o in load_occasions())


def test_users_extend_the_tables_with_their_own_folder(tmp_path):
    (tmp_path / "countries.csv").write_text("iso3,name\nATL,Atlantis\n")
    (tmp_path / "foundings.csv").write_text("subject,aliases,kind,date,iso3\nfounding of Atlantis,Atlantis,state,1900-05-05,ATL\n")
    table = load_foundings(tmp_path)
    assert table[-1].subject == "founding of Atlantis"
    found = find_anniversaries("marking the 100th anniversary of the founding of Atlantis", table=table)
    assert found[0].day == date(2000, 5, 5)


def test_the_anniversary_of_an_origin_dated_in_another_sentence_pins_now():
    from missive.documents.clean import clean_text
    from missive.documents.metadata import extract_metadata
    from missive.model import Document
    from missive.temporal.reference_date import infer_reference_date

    text = ("The presidents of Chile and Peru held talks on the tenth anniversary of the Lima Water Accord.\n\n"
            "The accord, signed in 2012 by both governments, shares the river.\n")
    cleaned = clean_text(text)
    doc = Document(doc_id="t", original=text, cleaned=cleaned.cleaned, offsets=cleaned.offsets,
                   metadata=extract_metadata(text, cleaned.cleaned))
    window = infer_reference_date(doc).window
    assert window.start.year <= 2022 <= window.end.year and window.end.year <= 2023, window


def test_a_year_less_dateline_that_nothing_dates_is_kept_as_a_day_without_a_year():
    text = "LIMA, March 9 (Andina) - The presidents of Peru and Chile spoke by phone on Wednesday.\n"
    doc = Document("lima", text, text, OffsetMap.identity(len(text)),
                   Metadata(date_candidates=(yearless(3, 9, "dateline", "dateline 'LIMA, March 9 (Andina) -'"),)))
    ref = infer_reference_date(doc)
    assert ref.window.start is None and ref.year_less == (3, 9)


@pytest.mark.parametrize("text,context,expected", [
    ("to mark the 50th anniversary of bilateral ties", ("CHN", "BRA"), date(2024, 8, 15)),
    ("on the 60th anniversary of diplomatic relations", ("FRA", "CHN"), date(2024, 1, 27)),
    # the lead names three states with ties in the table: which pair's ties is not guessed
    ("to mark the 50th anniversary of bilateral ties", ("CHN", "BRA", "ITA"), None),
])
def test_the_anniversary_of_bilateral_ties_is_of_the_article_s_pair(text, context, expected):
    found = anniversary_date(text, context)
    assert (found[0] if found else None) == expected


def test_a_year_less_day_beside_the_anniversary_of_the_pair_s_ties_dates_the_article():
    # no date line; the lead names Brazil and China, the sentence only "Chinese"
    text = ("Brasilia and Beijing mark half a century of ties\n\nBrazilian President Lula on Aug. 15 exchanged "
            "letters with his Chinese counterpart to mark the 50th anniversary of bilateral ties.\n")
    doc = Document("ties", text, text, OffsetMap.identity(len(text)), Metadata())
    window = infer_reference_date(doc).window
    assert window.start and window.end and window.start <= date(2024, 8, 15) <= window.end
    assert resolve_expression("Aug. 15", window).start == date(2024, 8, 15)


def _told(text: str, *candidates: DateCandidate) -> Document:
    return Document("told", text, text, OffsetMap.identity(len(text)), Metadata(date_candidates=candidates))


def test_a_weekday_with_its_day_in_brackets_overrules_a_page_date_with_no_such_day_before_it():
    # a date widget's day (a Thursday 2 May) has no Thursday the 4th in the week up to it; the
    # caption's 5 January does (Thursday 4 January 2024), so the caption dates the article
    text = ("CHILEAN president Gabriel Boric on Thursday (4) wrote to his Peruvian counterpart after the floods.\n")
    ref = infer_reference_date(_told(text, header("2024-05-02", "Thursday, May 02, 2024"),
                                     DateCandidate(date(2024, 1, 5), "caption", "photo of January 5, 2024")))
    assert ref.window.iso() == ("2024-01-05", "2024-01-05")
    assert len(ref.conflicts) == 1 and "2024-05-02 overruled" in ref.conflicts[0] and "Thursday (4)" in ref.conflicts[0]
    assert resolve_expression("on Thursday (4)", ref.window).iso() == ("2024-01-04", "2024-01-04")


def test_a_weekday_with_its_day_in_brackets_keeps_a_page_date_it_fits():
    text = "CHILEAN president Gabriel Boric on Thursday (4) wrote to his Peruvian counterpart.\n"
    ref = infer_reference_date(_told(text, header("2024-01-06", "Saturday, January 06, 2024"),
                                     DateCandidate(date(2023, 3, 20), "caption", "photo of March 20, 2023")))
    assert ref.window.iso() == ("2024-01-06", "2024-01-06") and ref.conflicts == ()
