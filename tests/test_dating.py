"""Every event dated by its own expression: sentences of our own, one window per event.

Each case is a short article (a date header and one to three sentences) and the window each
event must get. The cases cover where a date hangs: subordinate and relative clauses keep
theirs, "after"/"since" phrases bound the event, a report's date is the report's unless the
acting state announces its own act, a main clause's date reaches a "while" clause, the previous
sentence's statement dates "the remarks", continuations ("It also closed ...") and anchors
inside one sentence ("a day later").
"""

from __future__ import annotations

from datetime import date

import pytest

import missive

pytestmark = pytest.mark.model

# (report day, text, [(type, source, target, date_min, date_max)]); None = open bound
CASES = [
    # a subordinate clause keeps its date; the main clause's is the event's
    ("2024-03-14", "Chilean President Gabriel Boric met Qatar's emir in Doha on Monday, three years after his "
     "coalition won power in 2021.", [("meeting", "CHL", "QAT", "2024-03-11", "2024-03-11")]),
    # a relative clause's date is the relative clause's event
    ("2024-03-14", "The Norwegian consulate in Santiago, which Norway had closed in May 2012, reopened on Monday.",
     [("relations", "NOR", "CHL", "2024-03-11", "2024-03-11")]),
    # "since 2013, when X expelled ...": the when-clause is dated by the year it hangs from
    ("2024-03-14", "The two countries have not had ambassadors since 2013, when Egypt expelled Turkey's ambassador.",
     [("relations", "EGY", "TUR", "2013-01-01", "2013-12-31")]),
    # the report day is the report's: the letter was sent on or before it
    ("2024-03-14", "Azerbaijani President Ilham Aliyev assured Kazakh President Kassym-Jomart Tokayev of support "
     "in a letter, the official agency said on Tuesday.", [("message", "AZE", "KAZ", None, "2024-03-12")]),
    # ... unless the acting state announces its own act
    ("2024-03-14", "Chile said on Tuesday it has restored diplomatic relations with Peru.",
     [("relations", "CHL", "PER", "2024-03-12", "2024-03-12")]),
    ("2024-03-14", "Chile and Peru have restored full relations, Santiago said on Tuesday.",
     [("relations", "CHL", "PER", "2024-03-12", "2024-03-12")]),
    # a main clause's date reaches its "while" clause
    ("2024-03-14", "The presidents of Chile and Peru pledged closer ties on Sunday while exchanging messages on "
     "the anniversary of their relations.",
     [("message", "CHL", "PER", "2024-03-10", "2024-03-10"), ("message", "PER", "CHL", "2024-03-10", "2024-03-10")]),
    # ... and a coordinated verb
    ("2024-03-14", "Chile recalled its ambassador to Peru on Thursday and closed two consulates in Peru.",
     [("relations", "CHL", "PER", "2024-03-14", "2024-03-14"), ("relations", "CHL", "PER", "2024-03-14", "2024-03-14")]),
    # a gerund inside the agreement's phrase does not take the date away from it
    ("2024-07-02", "Chile and Peru signed an agreement on sharing water from the Lauca river in Lima on Monday, "
     "the two foreign ministries said.", [("agreement", "CHL", "PER", "2024-07-01", "2024-07-01")]),
    # a decision dated on the verb of deciding dates the act decided
    ("2024-03-14", "Chile decided on Monday to close its embassy in Nicaragua.",
     [("relations", "CHL", "NIC", "2024-03-11", "2024-03-11")]),
    # an occasion's date is a lower bound, not the message's day
    ("2024-03-14", "The Chilean president congratulated Peru's new president after his election on March 3.",
     [("message", "CHL", "PER", "2024-03-03", "2024-03-14")]),
    # "immediately after ... on Thursday": the same day
    ("2024-03-16", "Chile's president called Peru's president immediately after the results came out on Thursday.",
     [("call", "CHL", "PER", "2024-03-14", "2024-03-14")]),
    # the previous sentence's statement dates "the remarks" made while exchanging messages
    ("2024-03-14", "Relations with Peru have never been better, Chilean President Gabriel Boric said on Sunday.\n\n"
     "Boric made the remarks while exchanging congratulations with Peruvian President Dina Boluarte on the "
     "anniversary of ties.", [("message", "CHL", "PER", "2024-03-10", "2024-03-10")]),
    # a continuation takes the window of the act it continues
    ("2024-03-14", "In the past week, Chile shut embassies in Angola and Uganda. It also closed its missions in "
     "Spain and Peru.",
     [("relations", "CHL", "AGO", "2024-03-07", "2024-03-14"), ("relations", "CHL", "UGA", "2024-03-07", "2024-03-14"),
      ("relations", "CHL", "ESP", "2024-03-07", "2024-03-14"), ("relations", "CHL", "PER", "2024-03-07", "2024-03-14")]),
    # "a day later" counts from the sentence's own date, and "the same year" from the previous event
    ("2024-03-14", "The earthquake struck on Monday, and Chile's president sent condolences to Peru's president "
     "a day later.", [("message", "CHL", "PER", "2024-03-12", "2024-03-12")]),
    ("2024-03-14", "Kenya and Somalia cut ties in 2019. The two countries restored ties in November the same year.",
     [("relations", "KEN", "SOM", "2019-01-01", "2019-12-31"), ("relations", "SOM", "KEN", "2019-11-01", "2019-11-30")]),
    # a since-clause keeps its year even where the parser makes it a conjunct
    ("2022-05-20", "Chilean President Gabriel Boric held talks with Argentine President Alberto Fernandez in "
     "Santiago on Friday, the first summit between the two since ties were upgraded in 2018.",
     [("meeting", "CHL", "ARG", "2022-05-20", "2022-05-20")]),
    # "replied to X's letter on Monday": the day is the reply's
    ("2022-05-20", "Peruvian President Pedro Castillo replied to Chilean President Gabriel Boric's letter on "
     "Monday, his office said.", [("message", "PER", "CHL", "2022-05-16", "2022-05-16")]),
    # condolences after a disaster the text dates are not sent before it
    ("2023-09-14", "The Chilean president sent a message of condolence to Peru's president after the landslide "
     "that buried a village in the early hours of Monday.", [("message", "CHL", "PER", "2023-09-11", "2023-09-14")]),
    # a day range with its year, set off after the event it dates, and what happens during that event
    ("2024-01-10", "During Boric's state visit to Peru, 3-7 March 2023, the two countries signed nine agreements.",
     [("meeting", "CHL", "PER", "2023-03-03", "2023-03-07"), ("agreement", "CHL", "PER", "2023-03-03", "2023-03-07")]),
    # a duration back from now bounds the event
    ("2024-07-03", "Chilean President Gabriel Boric and Peruvian President Dina Boluarte held talks in Lima, "
     "their third meeting in under twelve months.", [("meeting", "CHL", "PER", "2023-07-03", "2024-07-03")]),
    # "the second day of the visit": the visit began the day before
    ("2024-06-28", "A fisheries accord was signed by the Chilean and Peruvian governments on Wednesday, the second "
     "day of Boric's state visit to Peru.",
     [("agreement", "CHL", "PER", "2024-06-26", "2024-06-26"), ("meeting", "CHL", "PER", "2024-06-25", "2024-06-28")]),
    # a numbered day read as any ordinal: "the 3rd day" of the visit began two days before
    ("2024-06-28", "Ecuadorian and Colombian ministers signed a border accord on Thursday, the 3rd day of "
     "Noboa's state visit to Colombia.",
     [("agreement", "ECU", "COL", "2024-06-27", "2024-06-27"), ("meeting", "ECU", "COL", "2024-06-25", "2024-06-28")]),
    # "Two days later" counts from the previous sentence's event
    ("2023-12-15", "Chilean President Gabriel Boric met Argentine President Javier Milei in Buenos Aires on Sunday. "
     "Two days later Boric spoke by phone with Peruvian President Dina Boluarte.",
     [("meeting", "CHL", "ARG", "2023-12-10", "2023-12-10"), ("call", "CHL", "PER", "2023-12-12", "2023-12-12")]),
    # two acts a measured distance apart: the undated one from the dated one
    ("2021-05-06", "Chile said on Thursday it was restoring diplomatic relations with Nicaragua almost six months "
     "after severing ties.",
     [("relations", "CHL", "NIC", "2021-05-06", "2021-05-06"), ("relations", "CHL", "NIC", "2020-11-06", "2021-05-06")]),
    ("2023-11-17", "Chilean President Gabriel Boric spoke by phone with Peruvian President Dina Boluarte on Friday. "
     "Boric had come back from a two-day visit to Lima three days before the call.",
     [("call", "CHL", "PER", "2023-11-17", "2023-11-17"), ("meeting", "CHL", "PER", "2023-11-14", "2023-11-14")]),
    # "Earlier, ... at 11:30am": the day of the act told before
    ("2019-10-05", "Chile and Peru today signed seven agreements in Lima. Earlier, the talks between the two foreign "
     "ministers started after 11:30am at the palace.",
     [("agreement", "CHL", "PER", "2019-10-05", "2019-10-05"), ("meeting", "CHL", "PER", "2019-10-05", "2019-10-05")]),
    # congratulations are not sent before the election the article dates in another sentence
    ("2021-07-30", "Elections were held in Peru on July 19. Chilean President Sebastian Pinera congratulated "
     "Pedro Castillo on his victory.", [("message", "CHL", "PER", "2021-07-19", "2021-07-30")]),
    # any act whose sentence names the dated election as done follows it ...
    ("2024-03-14", "Chile held a presidential election on March 10. Peru recalled its ambassador from Chile, "
     "which had rejected calls for a recount of the election.", [("relations", "PER", "CHL", "2024-03-10", "2024-03-14")]),
    # ... not one that looks ahead to a vote
    ("2024-03-14", "Chile held a presidential election on March 10. Peru recalled its ambassador from Chile ahead "
     "of the upcoming runoff.", [("relations", "PER", "CHL", None, "2024-03-14")]),
    # an act that follows a dated event named in its since/after phrase is not before it
    ("2024-03-14", "The presidents of Chile and Peru spoke by phone after their summit in Lima on March 3.",
     [("call", "CHL", "PER", "2024-03-03", "2024-03-14")]),
    ("2024-03-14", "Chile recalled its ambassador from Peru before their summit in Lima on March 3.",
     [("relations", "CHL", "PER", None, "2024-03-03")]),
    # "On the same day, March 4, ...": the day named is also the undated act's told just before
    ("2024-03-14", "Chilean President Gabriel Boric had a telephone conversation with Peruvian President Dina "
     "Boluarte. On the same day, March 4, Boric spoke by phone with Bolivian President Luis Arce.",
     [("call", "CHL", "PER", "2024-03-04", "2024-03-04"), ("call", "CHL", "BOL", "2024-03-04", "2024-03-04")]),
    # a trip made to attend a dated summit is the summit's
    ("2024-07-18", "Chilean President Gabriel Boric visited Peru to attend a regional summit on fisheries last "
     "November.", [("meeting", "CHL", "PER", "2023-11-01", "2023-11-30")]),
    # a date on "became the first ... to sign" inside a relative clause is the signing's
    ("2024-03-14", "Chile, which in 1990 became the first Latin American country to sign a fisheries treaty with "
     "Norway, recalled its ambassador from Norway on Monday.",
     [("agreement", "CHL", "NOR", "1990-01-01", "1990-12-31"), ("relations", "CHL", "NOR", "2024-03-11", "2024-03-11")]),
    # what is said in a message is the message: the day of the saying is its day
    ("2024-03-14", "Peru has lost a true friend, Chilean President Gabriel Boric said on Tuesday in a message of "
     "condolence to Peruvian President Dina Boluarte.", [("message", "CHL", "PER", "2024-03-12", "2024-03-12")]),
    # the undated meeting of two leaders who signed together on a day is the signing's
    ("2025-01-17", "Chilean President Gabriel Boric signed a fisheries agreement with Peruvian President Dina "
     "Boluarte in Lima on Thursday. While Boric was meeting with Boluarte at the palace, protesters gathered outside.",
     [("agreement", "CHL", "PER", "2025-01-16", "2025-01-16"), ("meeting", "CHL", "PER", "2025-01-16", "2025-01-16")]),
    # the undated talks of two states whose signing is the news are held on the signing's day
    ("2019-10-05", "Chile and Peru today signed seven agreements on fisheries and trade. Chilean President Sebastian "
     "Pinera and Peruvian President Martin Vizcarra held talks at the palace in Lima.",
     [("agreement", "CHL", "PER", "2019-10-05", "2019-10-05"), ("meeting", "CHL", "PER", "2019-10-05", "2019-10-05")]),
    # a foreign office announcing its own state's act on a day performs it on that day
    ("2019-10-05", "The Chilean Foreign Office on Monday said Santiago has decided to expel the Peruvian ambassador.",
     [("relations", "CHL", "PER", "2019-09-30", "2019-09-30")]),
    # "making it their first such conversation since September 2022": the one before was then
    ("2025-07-01", "Chilean President Gabriel Boric held a telephone conversation with Peruvian President Dina "
     "Boluarte, the presidency said, making it their first such conversation since September 2022.",
     [("call", "CHL", "PER", "2022-09-01", "2022-09-30")]),
    # a parenthesis after a numbered occasion dates the occasion's origin, not the message
    ("2023-10-02", "On the occasion of the 40th National Day of Chile (October 1, 1983 - 2023), the president of "
     "Peru sent congratulations to the president of Chile.", [("message", "PER", "CHL", None, "2023-10-02")]),
]


def _events(day: str, text: str) -> list[tuple]:
    events = missive.extract(f"DATE: {day}\n\n{text}\n")
    return [(e.type, e.source.country if e.source else "", e.target.country if e.target else "",
             e.when.start, e.when.end) for e in events]


@pytest.mark.parametrize(("day", "text", "expected"), CASES, ids=[c[1][:50] for c in CASES])
def test_each_event_is_dated_by_its_own_expression(day, text, expected):
    found = _events(day, text)
    want = [(t, s, g, date.fromisoformat(lo) if lo else None, date.fromisoformat(hi)) for t, s, g, lo, hi in expected]
    for event in want:
        undirected = [(t, g, s, lo, hi) for t, s, g, lo, hi in [event] if t in ("call", "relations", "meeting")]
        assert event in found or any(u in found for u in undirected), f"{event} not in {found}"


def test_an_anniversary_of_an_origin_the_text_dates_elsewhere_dates_the_article_and_the_event():
    # no date line: "the first anniversary of the accord", which another sentence dates by month
    text = ("Chile and Peru leaders meet on accord anniversary\n\nThe presidents of Chile and Peru held talks in Lima "
            "on the first anniversary of the Pacific Fisheries Accord, officials said.\n\nThe accord, signed in "
            "March 2023 in Santiago, ended a long dispute. Peru named an ambassador to Chile in January.\n")
    found = {(e.type, e.when.start, e.when.end) for e in missive.extract(text)}
    assert ("meeting", date(2024, 3, 1), date(2024, 3, 31)) in found, found
    assert ("relations", date(2024, 1, 1), date(2024, 1, 31)) in found, found


def test_a_year_less_dateline_gives_the_event_its_calendar_fact():
    # "LIMA, March 9" without a year and nothing that fixes it: the window stays open, but the call
    # was on the Wednesday of the week up to March 9 of whatever year (for consolidation to match)
    text = ("LIMA, March 9 (Andina) - Peruvian President Dina Boluarte spoke by telephone on Wednesday with "
            "Chilean President Gabriel Boric about fisheries, the presidency said.\n")
    calls = [e for e in missive.extract(text) if e.type == "call"]
    assert calls and calls[0].when.start is None and calls[0].when.end is None, calls
    assert [(f.month, f.day, f.weekday, f.days_before) for f in calls[0].calendar] == [(3, 9, 2, 6)], calls[0].calendar


def test_a_day_without_a_year_after_a_dated_event_is_its_first_occurrence():
    # no date line: "April 2" alone has no year, but the call follows the November 2023 meeting
    text = ("Chile and Peru leaders talk again\n\nChilean President Gabriel Boric and Peruvian President Dina "
            "Boluarte held a call on April 2, the first follow-up call since their meeting in Lima in November 2023.\n")
    calls = [e for e in missive.extract(text) if e.type == "call"]
    assert [(e.when.start, e.when.end) for e in calls] == [(date(2024, 4, 2), date(2024, 4, 2))], calls


def test_without_a_report_day_the_narrative_s_dated_events_bound_the_undated_ones():
    # no date line; the flood is dated without a year after a dated call; the message is told as earlier
    text = ("Chile and Peru\n\nOn March 9, 2021, Chilean President Sebastian Pinera had a telephone conversation "
            "with Peruvian President Francisco Sagasti. The president called to convey his condolences following "
            "the flood tragedy in the Arequipa region on March 6.\n\nEarlier, the Chilean president sent the "
            "Peruvian president a message of condolences.\n")
    found = {(e.type, e.when.start, e.when.end) for e in missive.extract(text)}
    assert ("message", date(2021, 3, 6), date(2021, 3, 9)) in found, found


def test_without_a_report_day_a_day_without_a_year_is_read_in_the_time_of_the_event_before_it():
    text = ("Chile and Peru\n\nOn March 9, 2021, Chilean President Sebastian Pinera met Peruvian President "
            "Francisco Sagasti in Lima.\n\nOn March 2, Pinera had spoken by telephone with Sagasti.\n")
    found = {(e.type, e.when.start, e.when.end) for e in missive.extract(text)}
    assert ("call", date(2021, 3, 2), date(2021, 3, 2)) in found, found


def test_an_undated_article_is_written_after_the_acts_it_tells_as_done():
    # no date line: the visit in March 2021 is told as done, so the article's "today" and "last
    # year" are read from a now on or after 2021-03-01; "also recalled ... last year" keeps its own
    # time rather than continuing the March 2021 visit's
    text = ("Calls received by the President\n\nPresident Gabriel Boric today received a telephone call from "
            "President Dina Boluarte of Peru. Boric recalled his recent visit to Peru in March 2021. He also "
            "recalled the visit of the Vice President of Peru to Chile last year.\n")
    found = {(e.type, e.when.start, e.when.end) for e in missive.extract(text)}
    assert ("call", date(2021, 3, 1), None) in found, found
    assert ("meeting", date(2021, 3, 1), date(2021, 3, 31)) in found, found
    assert ("meeting", date(2020, 1, 1), None) in found, found


def test_a_declaration_s_own_text_is_an_agreement_of_its_signatories_on_its_day():
    # the text of a joint declaration, dated by its header: the act is the document's, on its day
    text = ("Joint Declaration\n\n12.05.2023\n\nWe, the President of the Republic of Chile G. Boric and the "
            "President of the Republic of Peru D. Boluarte, hereby declare the following:\n\n1. The Parties "
            "shall open a joint commission on fisheries.\n")
    found = [(e.type, sorted(a.country for a in e.participants) or sorted({e.source.country, e.target.country}),
              e.when.start, e.when.end) for e in missive.extract(text)]
    assert found == [("agreement", ["CHL", "PER"], date(2023, 5, 12), date(2023, 5, 12))], found

