"""The article's own date from every header, dateline and credit shape outlets print (no model).

Each case is a short article of our own in the shape a capture carries: the header or credit line
as sites print it, then a sentence. The reference date must be read from it with its provenance.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from missive.documents.clean import clean_text
from missive.documents.date_candidates import dateline_end, find_dateline
from missive.documents.metadata import extract_metadata
from missive.model import DateCandidate, Document
from missive.pipeline import build_document, read_documents
from missive.temporal.reference_date import infer_reference_date

BODY = "The foreign minister of Chile held talks with his Peruvian counterpart in Lima, officials said."


def document(text: str, **kwargs) -> Document:
    cleaned = clean_text(text)
    meta = extract_metadata(text, cleaned.cleaned, **kwargs)
    return Document(doc_id="t", original=text, cleaned=cleaned.cleaned, offsets=cleaned.offsets, metadata=meta)


def reference_of(doc: Document) -> tuple[date | None, str]:
    """The article's own day (None unless the window is one day) and the reason given for it."""
    window = infer_reference_date(doc).window
    return (window.start if window.start == window.end else None), window.reason


def report_day(text: str, **kwargs) -> tuple[date | None, str]:
    return reference_of(document(text, **kwargs))


# (article as captured, expected report day, the source that gives it)
SHAPES = [
    (f"Politics 09:15 March 3, 2021\n{BODY}\n", "2021-03-03", "header"),
    (f"Asia March 03, 2021, 9:15\n{BODY}\n", "2021-03-03", "header"),
    (f"Nairobi, 4 May 2021 (KNA): {BODY}\n", "2021-05-04", "dateline"),
    (f"Reuters, May 4, 2016 Print this page\n{BODY}\n", "2016-05-04", "header"),
    (f"Posted at Nov 15 2012 07:26 AM | Updated as of Nov 15 2012 03:26 PM\n\n{BODY}\n", "2012-11-15", "header"),
    (f"THE DAILY EXAMPLE\nJune 9, 2025 at 18:37 JST\n{BODY}\n", "2025-06-09", "header"),
    (f"By: Example Wire | Lima | Updated: September 3, 2016 3:13:51 pm\n{BODY}\n", "2016-09-03", "header"),
    (f"Condolences of the President to the people of Fiji after the cyclone, 23.10.2018\n\n{BODY}\n",
     "2018-10-23", "header"),
    (f"{BODY}\nThe two ministers also signed a fisheries memorandum. (TNA - June 2, 2019)\n", "2019-06-02", "credit"),
    (f"{BODY}\nGood talks with my friend today.\n— Canciller Example (@CancilleriaEx) June 26, 2022\n",
     "2022-06-26", "embed"),
    (f"Ties with Peru\n\nThe Chilean president will travel to Lima next week, officials in Santiago said on "
     f"Monday.\n\nBy: Example Wire | Santiago | Updated: September 3, 2016 3:13:51 pm\n\n{BODY}\n", "2016-09-03", "header"),
    # a photo caption dates the article only when nothing else does
    (f"{BODY}\nThe ministers at the palace on Monday, March 20, 2023. (File Photo/ Example Agency)\n",
     "2023-03-20", "caption"),
    (f"DATE: 2024-01-05\n\n{BODY}\nThe ministers at the palace on Monday, March 20, 2023. (File Photo/ Example)\n",
     "2024-01-05", "header"),
    # a caption told by its "(left)" and its handshake, the only dated line: it dates the article
    (f"Chilean President Ana Ruiz (left) shakes hands with the Peruvian premier in Lima on June 3, 2023. /Source: "
     f"Example Wire |\n{BODY}\n", "2023-06-03", "caption"),
    (f"SANTIAGO, Chile, March 3, 2021 /Prensa/ — {BODY}\n", "2021-03-03", "dateline"),
    # a repost stamp years later gives way to the numbered session the content names
    ("Reposted: 2025-02-11\n\nVIENTIANE (KPL) - The Lao president sent a message of congratulations to Xi Jinping on "
     "his re-election at the first plenary session of the 20th Central Committee.\n", None, "'First Plenary"),
    # datelines that open with their date and credit
    (f"April 2, 2024 (Example Wire)—{BODY}\n", "2024-04-02", "dateline"),
    (f"2 April 2024 (EFE) – {BODY}\n", "2024-04-02", "dateline"),
    # a weekday and a time zone inside a header line; a byline piece between pipes
    (f"Updated 10:32 AM ET, Tue April 2, 2024\n{BODY}\n", "2024-04-02", "header"),
    (f"By Ana Ruiz, Example Wire | April 2, 2024\n{BODY}\n", "2024-04-02", "header"),
    # a dotted numeric date is day first
    (f"Posted: 02.04.2024\n{BODY}\n", "2024-04-02", "header"),
]


@pytest.mark.parametrize(("text", "day", "source"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_the_report_day_is_read_from_every_header_shape(text, day, source):
    found, reason = report_day(text)
    assert found == (date.fromisoformat(day) if day else None), reason
    assert reason.startswith(source), reason


def test_a_year_less_dateline_agrees_with_the_urls_date():
    found, reason = report_day(f"ASTANA, March 4. /Kazinform/. {BODY}\n", url="https://example.kz/en/2022/03/04/item")
    assert found == date(2022, 3, 4), reason
    assert reason.startswith("url"), reason


@pytest.mark.parametrize(
    ("line", "value", "has_year", "credit"),
    [
        ("ASTANA, March 4. /Kazinform/. The president sent a telegram.", date(1, 3, 4), False, "Kazinform"),
        ("Colombo [Sri Lanka], May 4 (ANI): The minister arrived.", date(1, 5, 4), False, "ANI"),
        ("Nairobi, 4 May 2021 (KNA): The president received the envoy.", date(2021, 5, 4), True, "KNA"),
    ],
)
def test_datelines_of_other_agencies(line, value, has_year, credit):
    from missive.documents.date_candidates import dateline_credit

    match, found, found_has_year = find_dateline(line)
    assert (found, found_has_year, dateline_credit(match)) == (value, has_year, credit)


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("(AP) ACCRA — Ghana's president welcomed the visiting Togolese leader at the airport on Monday.",
         "Ghana's president"),
        ("Bangkok, Thailand | TNA | The prime minister of Thailand received the Lao foreign minister on Monday.",
         "The prime minister"),
        ("KYIV, Ukraine — The British prime minister signed a partnership agreement with the Ukrainian president.",
         "The British"),
        ("CAIRO - The Egyptian president recalled the ambassador to Israel on Wednesday, his spokesman said.",
         "The Egyptian"),
        ("SEOUL, Sept. 9 (UPI) — The two leaders exchanged letters.", "The two leaders"),
    ],
)
def test_a_dateline_or_credit_prefix_is_masked_so_the_city_is_not_the_actor(sentence, rest):
    assert sentence[dateline_end(sentence):].startswith(rest)


@pytest.mark.parametrize("sentence", [
    "IRAN: ties restored",  # a headline: no prose after it
    "Chile and Peru signed a fisheries accord in Lima on Monday - the first in a decade.",
])
def test_a_place_prefix_is_not_masked_in_a_headline_or_in_prose(sentence):
    assert dateline_end(sentence) == 0


def test_a_date_candidate_names_a_known_source():
    with pytest.raises(ValueError):
        DateCandidate(date(2020, 1, 1), "widget", "no such source")


def test_pipe_credit_lines_credit_their_agency():
    doc = document("Bangkok, Thailand | TNA | The prime minister of Thailand received the Lao foreign minister on "
                   "Monday at Government House.\n")
    assert "TNA" in doc.metadata.agencies + doc.metadata.state_media


# (article, the header's day that must stand): anniversaries that are not the country's founding
NOT_FOUNDINGS = [
    "DATE: 2019-04-01\n\nThe cardinal spoke ahead of Sunday's sixth anniversary of his election, praising the "
    "Chilean government for its aid.\n",
    "DATE: 2021-06-10\n\nThe presidents of Chile and Vietnam marked the 25th anniversary of diplomatic ties "
    "between Chile and Vietnam on Monday.\n",
    "DATE: 2022-03-02\n\nKenya hosted a gala for the 20th anniversary of ties with Ghana, the ministry said.\n",
    "DATE: 2024-05-20\n\nThe king received greetings on the fifth anniversary of his coronation, the palace said.\n",
]


@pytest.mark.parametrize("text", NOT_FOUNDINGS, ids=[t[18:60] for t in NOT_FOUNDINGS])
def test_an_anniversary_of_an_election_or_of_ties_does_not_overrule_the_header(text):
    found, reason = report_day(text)
    assert found == date.fromisoformat(text[6:16]), reason


# -- the article's own date from what the input carries: a row's published field, the URL, HTML --
@pytest.mark.parametrize(("published", "day"), [
    (date(2023, 5, 9), "2023-05-09"),
    (datetime(2023, 5, 9, 23, 30, tzinfo=timezone(timedelta(hours=-5))), "2023-05-09"),
    ("2023-05-09T23:30:00-05:00", "2023-05-09"),
    ("Tue, 09 May 2023 23:30:00 GMT", "2023-05-09"),
    ("May 9, 2023", "2023-05-09"),
])
def test_a_published_value_given_with_the_article_dates_it_with_provenance_row(published, day):
    doc = build_document("t", f"{BODY}\n", published=published)
    found, reason = reference_of(doc)
    assert found == date.fromisoformat(day) and reason.startswith("row"), reason


def test_a_published_value_years_from_what_the_content_marks_is_overruled_like_a_header():
    text = ("Kim Jong Un sent a congratulatory message to Xi Jinping on the 74th anniversary of the founding of "
            "the People's Republic of China last month.\n")
    reference = infer_reference_date(build_document("t", text, published="2031-02-01"))
    assert reference.window.start.year == 2023
    assert any("row date 2031-02-01 overruled" in c for c in reference.conflicts)


def test_a_date_in_the_url_dates_the_article():
    found, reason = reference_of(build_document("t", f"{BODY}\n", url="https://news.example/2022/10/16/talks/"))
    assert found == date(2022, 10, 16) and reason.startswith("url"), reason


def test_an_html_page_is_dated_by_its_original_publication_date():
    html = ("<html><head><meta property='article:published_time' content='2021-03-02T08:00:00+00:00'>"
            "<meta property='article:modified_time' content='2021-06-30T10:00:00+00:00'></head><body><article>"
            f"<p>{BODY} {BODY}</p><p>{BODY}</p></article></body></html>")
    doc = build_document("t", html, is_html=True)
    found, reason = reference_of(doc)
    assert found == date(2021, 3, 2) and reason.startswith("html") and "htmldate" in reason, reason


def test_a_corpus_row_passes_its_published_field(tmp_path):
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(json.dumps({"id": "r1", "text": BODY, "published": "2020-02-03T10:00:00Z",
                                  "url": "https://news.example/story"}) + "\n", encoding="utf-8")
    doc = next(iter(read_documents([corpus])))
    assert [(c.source, c.value) for c in doc.metadata.date_candidates] == [("row", date(2020, 2, 3))]


@pytest.mark.model
def test_missive_extract_takes_the_publication_date_of_an_undated_text():
    import missive

    events = missive.extract("Chilean President Gabriel Boric spoke by phone with Peruvian President Dina Boluarte "
                             "on Monday.", published=date(2023, 5, 10))
    assert [(e.type, e.when.start, e.when.end) for e in events] == [("call", date(2023, 5, 8), date(2023, 5, 8))]


@pytest.mark.model
def test_a_one_line_article_longer_than_a_file_name_is_read_as_text():
    import missive

    sentence = ("Chilean President Gabriel Boric spoke by phone with Peruvian President Dina Boluarte on Monday "
                "about the border crossings, the water rights of the altiplano and the trade in lithium. ")
    text = sentence + "Both presidents' offices said the conversation had been cordial and would be followed up. " * 2
    assert "\n" not in text and 255 < len(text) < 4096  # too long for a file name: is_file() raises
    events = missive.extract(text, published=date(2023, 5, 10))
    assert [(e.type, e.when.start) for e in events] == [("call", date(2023, 5, 8))]


@pytest.mark.parametrize(("text", "start", "end"), [
    # a date widget above the story: the text's deadline is still ahead, so now is by it
    ("Friday, July 26, 2024\n\nPeru's electoral court will certify the result by June 8, officials said. "
     f"{BODY}\n", None, "2024-06-08"),
    # the page date before the deadline stands
    ("Thursday, May 30, 2024\n\nPeru's electoral court will certify the result by June 8, officials said. "
     f"{BODY}\n", "2024-05-30", "2024-05-30"),
    # a dateline is the article's own: the text does not overrule it
    ("LIMA, July 26, 2024 (Andina) - Peru's electoral court will certify the result by June 8, officials said. "
     f"{BODY}\n", "2024-07-26", "2024-07-26"),
    # a year-less deadline months before the page date may be next year's: left alone
    (f"Sunday, October 20, 2024\n\nPeru will hold a runoff on March 3, officials said. {BODY}\n",
     "2024-10-20", "2024-10-20"),
])
def test_a_deadline_the_text_puts_ahead_overrules_a_later_page_date(text, start, end):
    window = infer_reference_date(document(text)).window
    assert (window.start, window.end) == (date.fromisoformat(start) if start else None, date.fromisoformat(end)), \
        window.reason
