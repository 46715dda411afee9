"""Metadata with provenance: date candidates from headers, datelines, HTML, URLs; sources; language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from missive.documents.clean import clean_text
from missive.documents.date_candidates import find_dateline, find_dates, find_url_dates, read_header_line
from missive.documents.metadata import detect_language, extract_metadata, find_sources

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "missive" / "examples"


def seed(prefix: str) -> str:
    return next(EXAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def metadata_of(text: str, **kwargs):
    return extract_metadata(text, clean_text(text).cleaned, **kwargs)


@pytest.mark.parametrize(
    ("line", "is_whole", "values"),
    [
        (" date 2019-03-04 ", True, [date(2019, 3, 4)]),
        ("DATE: 2021-02-03 10:11:12", True, [date(2021, 2, 3)]),
        ("Posted on : 2020-05-06 07:08 KST Modified on : 2020-05-07 09:10 KST", True,
         [date(2020, 5, 6), date(2020, 5, 7)]),
        ("3 June 2017", True, [date(2017, 6, 3)]),
        ("calendar>>June 3. 2017 Juche 106", True, [date(2017, 6, 3)]),
        ("March 8, 2024Mar 8, 2024", True, [date(2024, 3, 8), date(2024, 3, 8)]),
        ("Date: 25/12/2019 | Source: Example Wire | Read original version at source", True, [date(2019, 12, 25)]),
        ("Updated: Sept. 30, 2022, 4:05 p.m.", True, [date(2022, 9, 30)]),
        (" date 2022-01-02 Officials met on Monday.", False, [date(2022, 1, 2)]),
    ],
)
def test_header_lines_holding_a_date(line, is_whole, values):
    header = read_header_line(line)
    assert header is not None and header.is_whole == is_whole
    assert [found.readings[0][0] for found in header.dates] == values


@pytest.mark.parametrize(
    "line",
    ["Kim visits Beijing 2018-05-20",
     "12 July 2018 was the day the two leaders finally met in the city.",
     "The summit took place on June 12, 2018 in Singapore.",
     "Leaders exchange letters"],
)
def test_lines_that_are_not_date_headers(line):
    assert read_header_line(line) is None


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("09/10/2018", [(date(2018, 10, 9), "day-first"), (date(2018, 9, 10), "month-first")]),
        ("25/12/2019", [(date(2019, 12, 25), "day-first")]),
        ("12/25/2019", [(date(2019, 12, 25), "month-first")]),
        ("2019-12-25", [(date(2019, 12, 25), "iso")]),
        ("on Dec. 25, 2019,", [(date(2019, 12, 25), "month-day-year")]),
        ("the 25th of December 2019", [(date(2019, 12, 25), "day-month-year")]),
        ("31/02/2019", []),
    ],
)
def test_numeric_dates_give_every_valid_reading(text, readings):
    found = find_dates(text)
    got = [(value, why) for hit in found for value, why in hit.readings]
    assert [value for value, _ in got] == [value for value, _ in readings]
    assert all(want in why for (_, why), (_, want) in zip(got, readings))


@pytest.mark.parametrize(
    ("line", "value", "has_year", "credit"),
    [
        ("SEOUL, Sept. 9 (UPI) — The leaders met.", date(1, 9, 9), False, "UPI"),
        ("Pyongyang, May 20 (KCNA) -- Kim sent a message.", date(1, 5, 20), False, "KCNA"),
        ("BEIJING, Oct. 3, 2019 (Xinhua) -- Talks opened.", date(2019, 10, 3), True, "Xinhua"),
        ("MOSCOW, Feb. 29 (TASS) - A letter arrived.", date(4, 2, 29), False, "TASS"),
        ("WASHINGTON, March 5 — Officials said.", date(1, 3, 5), False, None),
    ],
)
def test_datelines_with_and_without_a_year(line, value, has_year, credit):
    match, found, found_has_year = find_dateline(line)
    assert (found, found_has_year, match["credit"]) == (value, has_year, credit)


@pytest.mark.parametrize(
    ("url", "values"),
    [
        ("https://example.com/news/2022/10/16/asia/story/", [date(2022, 10, 16)]),
        ("https://example.com/news/2026-01-26/world/story/123", [date(2026, 1, 26)]),
        ("http://example.org/item/2018/201805/news20/20180520-01ee.html", [date(2018, 5, 20)]),
        ("https://example.com/en/article/2026011813555388808", [date(2026, 1, 18)]),
        ("https://example.com/story-1.6492870", []),
    ],
)
def test_dates_written_in_urls(url, values):
    assert find_url_dates(url) == values


def test_every_source_of_a_date_becomes_a_candidate_with_its_provenance():
    text = "DATE: 2024-07-15 16:34:51\n\nSEOUL, July 14 (Yonhap) -- The leaders exchanged letters on Sunday, officials said.\n"
    meta = metadata_of(text, url="https://example.com/2024/07/15/letters", path="/tmp/20240716-story.txt",
                       html_meta={"date": "2024-07-13"})
    by_source = {c.source: c for c in meta.date_candidates}
    assert by_source["header"].value == date(2024, 7, 15) and by_source["header"].start_char == 6
    assert by_source["dateline"].value == date(1, 7, 14) and not by_source["dateline"].has_year
    assert text[by_source["dateline"].start_char:].startswith("July 14")
    assert by_source["url"].value == date(2024, 7, 15)
    assert by_source["filename"].value == date(2024, 7, 16)
    assert by_source["html"].value == date(2024, 7, 13)
    assert meta.agencies == ("Yonhap",)


def test_an_ambiguous_date_beside_a_weekday_gives_both_readings_and_says_which_agrees():
    text = "Putin sent a telegram, the agency reported on Monday (09/10/2018), citing the Kremlin press office.\n"
    candidates = [c for c in metadata_of(text).date_candidates if c.source == "text"]
    assert [c.value for c in candidates] == [date(2018, 10, 9), date(2018, 9, 10)]
    assert "contradicts" in candidates[0].reason and "agrees" in candidates[1].reason


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", ""),
        ("001", "China's Xi says he intends to deepen relations with North Korea"),
        ("002", "Letter to North Korea by China's Xi Calls for Communication, Unity"),
        ("003", "N. Korea, China leaders exchange personal letters, vow to strengthen ties"),
        ("004", ""),
    ],
)
def test_the_title_is_read_from_the_top_lines(prefix, title):
    assert metadata_of(seed(prefix)).title == title


@pytest.mark.parametrize(
    ("prefix", "agency", "date_source"),
    [
        ("001", "Yonhap", "header"),
        ("002", "Reuters", None),
        ("003", "Yonhap", "header"),
        ("004", "UPI", "dateline"),
    ],
)
def test_seed_articles_credit_their_agencies_and_date_their_headers(prefix, agency, date_source):
    meta = metadata_of(seed(prefix))
    assert agency in meta.agencies
    assert meta.language == "en"
    if date_source:
        assert date_source in {c.source for c in meta.date_candidates}


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("The report was carried by state broadcaster CCTV on Monday.", "state medium", "CCTV"),
        ("North Korea's state-run newspaper the Rodong Sinmun said on Sunday.", "state medium", "Rodong Sinmun"),
        ("North Korea state news agency KCNA said the letter arrived.", "state medium", "KCNA"),
        ("(Reuters) - The minister arrived on Tuesday.", "agency", "Reuters"),  # wire agencies by their shape
        ("The minister arrived on Tuesday, officials said. (AFP)", "agency", "AFP"),
        ("The minister arrived on Tuesday, officials said. — AP", "agency", "AP"),
    ],
)
def test_state_media_cited_and_wire_agencies_credited_are_found(text, kind, name):
    agencies, state_media = find_sources(text)
    assert name in (agencies if kind == "agency" else state_media)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The two leaders exchanged letters on Sunday and pledged to strengthen the ties between their "
         "countries, the state news agency said in a report that was published on Monday.", "en"),
        ("Les deux dirigeants ont échangé des lettres dimanche et se sont engagés à renforcer les liens "
         "entre leurs pays, a indiqué l'agence de presse officielle dans un rapport publié lundi.", "fr"),
        ("Die beiden Staatschefs tauschten am Sonntag Briefe aus und versprachen, die Beziehungen zwischen "
         "ihren Ländern zu stärken, wie die staatliche Nachrichtenagentur am Montag berichtete.", "de"),
        ("Los dos líderes intercambiaron cartas el domingo y se comprometieron a fortalecer los lazos entre "
         "sus países, dijo la agencia estatal de noticias en un informe publicado el lunes.", "es"),
        ("Два лидера обменялись письмами в воскресенье и пообещали укрепить связи между своими странами, "
         "сообщило государственное информационное агентство в понедельник в своём докладе.", "ru"),
        ("VILNIUS, May 3, 2022 (BNS) - Lithuanian President Gitanas Nauseda met Polish President Andrzej "
         "Duda in Vilnius on Tuesday.", "en"),
        ("TALLINN, Oct. 4, 2021 (ERR) - Prime Minister Kaja Kallas spoke by phone with Finnish Prime "
         "Minister Sanna Marin on Monday.", "en"),
        ("Ministro Rui Costa Lula Silva Mendes Lisboa Porto Braga", "unknown"),
        ("Xi Kim", "unknown"),
        ("Related stories Presidente Visita Zona", "unknown"),
    ],
)
def test_language_by_stopwords(text, language):
    assert detect_language(text)[0] == language


def test_html_metadata_fills_title_outlet_and_author():
    meta = metadata_of("Some text of the article that is long enough to read, officials said on Monday.",
                       url="https://www.example.com/a", html_meta={"title": "A Title", "sitename": "Example Times",
                                                                  "author": "Jane Roe"})
    assert (meta.title, meta.outlet, meta.author, meta.url) == ("A Title", "Example Times", "Jane Roe",
                                                                "https://www.example.com/a")


def test_the_outlet_falls_back_to_the_url_host():
    assert metadata_of("Text of an article, officials said.", url="https://www.example.co.kr/a").outlet == "example.co.kr"
