"""Which evidence links two reports into one event, which guards keep them apart, and stable ids.

Hand-made reports of our own (no devset text): each case is what outlets typically print, reduced to
what consolidation reads.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from missive.consolidation.consolidate import Report, consolidate_events, consolidated_to_flat
from missive.consolidation.evidence import Apart, LinkReason, traits_of, why_apart
from missive.consolidation.identity import Retirement, consolidated_id, retire_ids
from missive.model import Actor, CalendarFact, DateWindow, Event, Span

XI, KIM, LI = Actor("Xi Jinping", "CHN"), Actor("Kim Jong Un", "PRK"), Actor("Li Qiang", "CHN")
BIDEN, HUN = Actor("Joe Biden", "USA"), Actor("Hun Manet", "KHM")
CHINA, PRK = Actor("China", "CHN", "state"), Actor("North Korea", "PRK", "state")
EGY, TUR = Actor("Egypt", "EGY", "state"), Actor("Turkey", "TUR", "state")
QUOTE = "we will carry forward the traditional friendship between our two peoples"


def window(start: str | None, end: str | None) -> DateWindow:
    lo, hi = (date.fromisoformat(x) if x else None for x in (start, end))
    return DateWindow(lo, hi, "day" if lo and lo == hi else "range", "test")


def report(doc: str, start: str | None, end: str | None, *, type_: str = "message", medium: str = "letter",
           source: Actor = XI, target: Actor = KIM, occasion: str = "", quote: str = "", group: str = "",
           calendar: tuple[CalendarFact, ...] = (), published: str | None = None, words: str = "",
           in_reply_to: str | None = None, stamp: bool = False, at: int = 0, pattern: str = "") -> Report:
    text = words or f"{source.name} sent a {medium or type_} to {target.name}"
    event = Event(doc_id=doc, type=type_, source=source, target=target, when=window(start, end), medium=medium,
                  occasion=occasion, evidence=(Span(doc, at, at + len(text), text),),
                  quotes=(Span(doc, 100, 100 + len(quote), quote),) if quote else (), calendar=calendar,
                  doc_hash=f"hash-of-{doc}", in_reply_to=in_reply_to, pattern=pattern)
    return Report(event, source_group=group, published=date.fromisoformat(published) if published else None,
                  stamp_dated=stamp)


def events(reports: list[Report]) -> list[dict]:
    return [consolidated_to_flat(c) for c in consolidate_events(reports)]


def holding(rows: list[dict], doc: str) -> dict:
    return next(e for e in rows if doc in e["docs"])


def link_of(row: dict, doc: str) -> str:
    return next(r["linked_by"] for r in row["reports"] if r["doc"] == doc)


# -- evidence beyond the window ------------------------------------------------------------------------
EARLY, LATE = ("2024-03-02", "2024-03-02"), ("2024-03-08", "2024-03-08")


@pytest.mark.parametrize("vague,joins,reason", [
    # a vague report (sent on or before 10 March) joins the nearer letter when nothing else speaks
    (report("vague", None, "2024-03-10", source=CHINA, target=PRK), "late", LinkReason.NEAREST_IN_TIME),
    # ... but the earlier one when it quotes its words
    (report("vague", None, "2024-03-10", quote=QUOTE), "early", LinkReason.QUOTATION),
    # ... or names its occasion
    (report("vague", None, "2024-03-10", occasion="the 75th anniversary of the treaty"), "early",
     LinkReason.OCCASION),
    # ... or is a copy of its story
    (report("vague", None, "2024-03-10", group="early"), "early", LinkReason.NEAR_DUPLICATE),
    # ... or a translation of its wording
    (report("vague", None, "2024-03-10", words="Xi Jinping on Saturday sent a warm letter of thanks to Kim Jong Un "
            "for the birthday greetings of the Korean people"), "early", LinkReason.NEAR_DUPLICATE),
    # ... or names the same sender and recipient with the same medium (the nearer one names states only)
    (report("vague", None, "2024-03-10", medium="message"), "early", LinkReason.NAMED_PARTIES),
    # ... or gives a year-less day that falls on it
    (report("vague", None, None, calendar=(CalendarFact(3, 2),)), "early", LinkReason.CALENDAR),
])
def test_a_vague_report_joins_the_event_its_evidence_points_to(vague: Report, joins: str, reason: LinkReason):
    early = report("early", *EARLY, quote=QUOTE, occasion="75th anniversary of the treaty",
                   words="Xi Jinping sent a warm letter of thanks to Kim Jong Un for the birthday greetings of the "
                         "Korean people")
    late = report("late", *LATE, source=CHINA, target=PRK, medium="letter")
    rows = events([early, late, vague])
    assert len(rows) == 2
    assert "vague" in holding(rows, joins)["docs"]
    assert link_of(holding(rows, joins), "vague") == reason.value


@pytest.mark.parametrize("fact,day,fits", [
    (CalendarFact(5, 4, weekday=3, days_before=6), "2019-05-02", True),  # May 4, 2019 was a Saturday
    (CalendarFact(5, 4, weekday=3, days_before=6), "2020-05-02", False),  # ... and May 2, 2020 a Saturday
    (CalendarFact(5, 2), "2020-05-02", True),
    (CalendarFact(5, 2), "2020-05-04", False),  # two days off: no outlet's slip, another day
])
def test_a_year_less_dateline_fits_only_the_years_its_weekday_allows(fact: CalendarFact, day: str, fits: bool):
    dated = report("dated", day, day, source=CHINA, target=PRK)
    undated = report("undated", None, None, calendar=(fact,))
    assert (len(events([dated, undated])) == 1) is fits
    if not fits:
        assert why_apart(traits_of("u", undated.event, "u"), traits_of("d", dated.event, "d")) is Apart.CALENDAR


def test_a_year_less_day_narrows_the_event_it_joins():
    month = report("month", "2019-05-01", "2019-05-31", source=CHINA, target=PRK)
    weekday = report("weekday", None, None, calendar=(CalendarFact(5, 4, weekday=3, days_before=6),))
    [row] = events([month, weekday])
    assert (row["date_min"], row["date_max"]) == ("2019-05-02", "2019-05-02")
    assert "year-less" in row["date_reason"]


# -- dates -----------------------------------------------------------------------------------------------
def test_a_day_apart_on_one_occasion_is_one_event_with_the_disagreement_shown():
    victory = "congratulations on the 2019 election victory"
    rows = events([report("a", "2019-06-04", "2019-06-04", type_="call", medium="call", occasion=victory),
                   report("b", "2019-06-05", "2019-06-05", type_="call", medium="call", occasion=victory,
                          source=KIM, target=XI)])
    [row] = rows
    assert (row["date_min"], row["date_max"]) == ("2019-06-04", "2019-06-05")
    [conflict] = [c for c in row["conflicts"] if c["kind"] == "dates"]
    assert "2019-06-04" in conflict["reason"] and "2019-06-05" in conflict["reason"]


def test_a_day_apart_with_nothing_shared_is_two_events():
    assert len(events([report("a", "2019-06-04", "2019-06-04"), report("b", "2019-06-05", "2019-06-05")])) == 2


@pytest.mark.parametrize("stamp,occasion,events_", [
    (True, "the 75th anniversary of the treaty", 1),  # a repost's stamp gave "Sunday" a wrong week: the text wins
    (False, "the 75th anniversary of the treaty", 2),  # two texts that disagree by weeks: two events
    (True, "", 2),  # a stamp-dated report with nothing but time in common stays apart
])
def test_a_date_read_from_a_page_stamp_is_overruled_by_another_reports_text(stamp, occasion, events_):
    text = report("text", "2024-03-02", "2024-03-02", occasion=occasion, source=CHINA, target=PRK)
    repost = report("repost", "2024-05-19", "2024-05-19", occasion=occasion, stamp=stamp)
    rows = events([text, repost])
    assert len(rows) == events_
    if events_ == 1:
        [row] = rows
        assert (row["date_min"], row["date_max"]) == ("2024-03-02", "2024-03-02")
        [conflict] = [c for c in row["conflicts"] if c["kind"] == "dates"]
        assert "stamp" in conflict["reason"] and "2024-05-19" in conflict["reason"]


def test_the_window_is_what_all_reports_allow():
    [row] = events([report("month", "2023-11-01", "2023-11-30", occasion="the 74th anniversary"),
                    report("bound", None, "2023-11-05", occasion="the 74th anniversary"),
                    report("week", "2023-10-30", "2023-11-05", occasion="the 74th anniversary")])
    assert (row["date_min"], row["date_max"]) == ("2023-11-01", "2023-11-05")


# -- guards ----------------------------------------------------------------------------------------------
def test_no_event_spans_years_even_on_the_same_occasion():
    rows = events([report("y1", "2020-01-01", "2020-01-01", occasion="New Year"),
                   report("y2", None, "2021-01-03", occasion="New Year")])
    assert len(rows) == 2


def test_an_undated_report_joins_the_one_event_of_the_same_named_people_and_medium():
    dated = report("dated", "2024-04-02", "2024-04-02", type_="call", medium="call", source=BIDEN, target=XI)
    undated = report("undated", None, None, type_="call", medium="call", source=XI, target=BIDEN)
    [row] = events([dated, undated])
    assert link_of(row, "undated") == LinkReason.NAMED_PARTIES.value


@pytest.mark.parametrize("undated,others", [
    # states only: nothing names who spoke
    (report("undated", None, None, type_="call", medium="call", source=CHINA, target=Actor("USA", "USA", "state")),
     []),
    # a description is no name: 'his American counterpart' may be anyone
    (report("undated", None, None, type_="call", medium="call", source=XI,
            target=Actor("American counterpart", "USA")), []),
    # two calls of the same two people: which one is not said
    (report("undated", None, None, type_="call", medium="call", source=XI, target=BIDEN),
     [report("other", "2024-11-16", "2024-11-16", type_="call", medium="call", source=BIDEN, target=XI)]),
])
def test_an_undated_report_without_exactly_one_event_of_its_named_people_stays_apart(undated: Report,
                                                                                     others: list[Report]):
    dated = report("dated", "2024-04-02", "2024-04-02", type_="call", medium="call", source=BIDEN, target=XI)
    rows = events([dated, undated, *others])
    assert holding(rows, "undated")["docs"] == ["undated"]


def test_two_undated_reports_of_the_same_people_stay_apart():
    rows = events([report("a", None, None, type_="call", medium="call", source=BIDEN, target=XI),
                   report("b", None, None, type_="call", medium="call", source=XI, target=BIDEN)])
    assert len(rows) == 2


def test_a_title_without_a_name_is_no_different_person():
    named = report("named", None, "2025-07-01", type_="call", medium="call", source=Actor("Vladimir Putin", "RUS"),
                   target=Actor("Emmanuel Macron", "FRA"))
    titled = report("titled", None, "2025-07-01", type_="call", medium="call", source=Actor("Vladimir Putin", "RUS"),
                    target=Actor("French counterpart", "FRA"))
    assert why_apart(traits_of("n", named.event, "n"), traits_of("t", titled.event, "t")) is None
    assert len(events([named, titled])) == 1


def test_an_undated_report_of_a_recurring_occasion_joins_nothing():
    rows = events([report("dated", "2024-01-01", "2024-01-01", occasion="New Year"),
                   report("undated", None, None, occasion="New Year")])
    assert len(rows) == 2


@pytest.mark.parametrize("first,second,why", [
    # an envoy recalled in March and a new envoy appointed in August: two acts
    (report("a", "2024-03-01", "2024-03-31", type_="relations", medium="recall_envoy", source=EGY, target=TUR),
     report("b", None, "2024-08-31", type_="relations", medium="appoint_envoy", source=EGY, target=TUR), Apart.ACT),
    # Xi's letter and Li Qiang's letter to the same recipient on one day
    (report("a", "2024-03-05", "2024-03-05", target=HUN), report("b", "2024-03-05", "2024-03-05", source=LI,
                                                                 target=HUN), Apart.PERSONS),
    # two letters one article tells apart, in two sentences
    (report("a", "2024-03-01", "2024-03-31"), report("a", "2024-03-05", "2024-03-05", medium="greeting", at=500),
     Apart.SAME_ARTICLE),
    (report("a", "2019-10-01", "2019-10-01", occasion="the 70th anniversary of the founding"),
     report("b", "2019-09-28", "2019-10-04", occasion="the 71st anniversary of the founding"), Apart.OCCASION),
])
def test_different_acts_on_one_pair_stay_apart(first: Report, second: Report, why: Apart):
    assert len(events([first, second])) == 2
    assert why_apart(traits_of("1", first.event, first.group), traits_of("2", second.event, second.group)) is why


def test_one_sentence_read_twice_by_the_extractor_is_one_event():
    """'received a letter of congratulations ... on Monday on the 100th anniversary': read as a letter
    dated Monday and as a congratulatory message of the anniversary week, from the same sentence."""
    letter = report("a", "2023-10-30", "2023-10-30", occasion="the 100th anniversary of the Republic")
    message = report("a", "2023-10-22", "2023-10-29", medium="message", occasion="the 100th anniversary")
    [row] = events([letter, message])
    assert len(row["reports"]) == 2


def test_a_letter_and_its_reply_are_two_events_and_linked():
    letter = report("a", "2024-03-02", "2024-03-02", source=KIM, target=XI)
    reply = report("b", "2024-03-05", "2024-03-05", medium="reply", in_reply_to=letter.id)
    rows = events([letter, reply])
    assert len(rows) == 2 and holding(rows, "b")["in_reply_to"] == holding(rows, "a")["event_id"]


def test_a_meeting_reported_in_opposite_directions_is_one_meeting_with_two_people():
    rows = events([report("a", "2023-11-15", "2023-11-15", type_="meeting", medium="", source=XI, target=BIDEN),
                   report("b", "2023-11-15", "2023-11-15", type_="meeting", medium="", source=BIDEN, target=XI),
                   report("c", "2023-11-15", "2023-11-15", type_="meeting", medium="", source=BIDEN, target=XI)])
    [row] = rows
    assert (row["source"], row["target"]) == ("Joe Biden", "Xi Jinping")


def test_a_meeting_never_has_one_person_on_both_sides():
    rows = events([report("a", "2023-11-15", "2023-11-15", type_="meeting", medium="", source=XI, target=BIDEN),
                   report("b", "2023-11-15", "2023-11-15", type_="meeting", medium="", source=XI,
                          target=Actor("United States", "USA", "state"))])
    [row] = rows
    assert row["source"] != row["target"] and {row["source_country"], row["target_country"]} == {"CHN", "USA"}


def test_visits_in_opposite_directions_with_only_time_in_common_are_two_visits():
    rows = events([report("a", "2023-03-18", "2023-03-18", type_="meeting", medium="", source=TUR, target=EGY),
                   report("b", None, "2023-07-04", type_="meeting", medium="", source=EGY, target=TUR)])
    assert len(rows) == 2


def test_a_meeting_told_both_ways_with_only_time_in_common_is_one_meeting():
    """'Biden and Xi shake hands during their meeting in November' and, months later, 'Xi recalled his
    meeting with Biden last year': the order of the names is only grammar, the same two people met."""
    rows = events([report("a", "2023-11-01", "2023-11-30", type_="meeting", medium="", source=BIDEN, target=XI,
                          pattern="meet:meeting"),
                   report("b", "2023-01-01", "2023-12-31", type_="meeting", medium="", source=XI, target=BIDEN,
                          pattern="meet:met")])
    [row] = rows
    assert link_of(row, "b") == "named_parties" and row["source"] != row["target"]


def test_an_undated_meeting_told_the_other_way_round_does_not_join_a_dated_one_on_names_alone():
    """'Kim met Xi in Beijing' (no date) beside 'Xi met Kim on 20 June 2019': leaders meet often, and
    nothing but the two names is shared."""
    dated = report("a", "2019-06-20", "2019-06-20", type_="meeting", medium="", source=XI, target=KIM,
                   pattern="meet:met")
    undated = report("b", None, None, type_="meeting", medium="", source=KIM, target=XI, pattern="meet:met")
    assert len(events([dated, undated])) == 2


def test_two_yearless_copies_of_different_days_are_two_letters():
    """The same wire wording with 'on May 2' and 'on May 20', neither with a year: no year holds both."""
    words = "Xi Jinping sent a warm letter of thanks to Kim Jong Un for the birthday greetings of the Korean people"
    rows = events([report("a", None, None, words=words, calendar=(CalendarFact(5, 2),)),
                   report("b", None, None, words=words, calendar=(CalendarFact(5, 20),))])
    assert len(rows) == 2
    [row] = events([report("a", None, None, words=words, calendar=(CalendarFact(5, 2),)),
                    report("b", None, None, words=words, calendar=(CalendarFact(5, 2),))])
    assert "May 2" in row["date_reason"] or "5/2" in row["date_reason"]


def test_visits_told_in_opposite_directions_stay_two_visits_even_beside_a_meeting():
    """Who travelled is the text's, not grammar: a visit each way in one year is two visits."""
    hun_visit = report("a", "2023-11-01", "2023-11-30", type_="meeting", medium="", source=HUN, target=XI,
                       pattern="visit:visited")
    xi_visit = report("b", "2023-01-01", "2023-12-31", type_="meeting", medium="", source=XI, target=HUN,
                      pattern="visit:trip")
    assert len(events([hun_visit, xi_visit])) == 2


# -- a day's disagreement: year-less days and multilateral acts ---------------------------------------------
RUTO, TINUBU, LULA = Actor("William Ruto", "KEN"), Actor("Bola Tinubu", "NGA"), Actor("Luiz Inacio Lula da Silva", "BRA")
KENYA, NIGERIA, BRAZIL = Actor("Kenya", "KEN", "state"), Actor("Nigeria", "NGA", "state"), Actor("Brazil", "BRA", "state")


def accord(doc: str, start: str | None, end: str | None, *parties: Actor, words: str = "",
           calendar: tuple[CalendarFact, ...] = (), type_: str = "agreement") -> Report:
    """A multilateral act: no source or target, its parties as participants."""
    text = words or f"{', '.join(p.name for p in parties)} signed a joint declaration"
    event = Event(doc_id=doc, type=type_, source=None, target=None, when=window(start, end),
                  participants=tuple(parties), evidence=(Span(doc, 0, len(text), text),), calendar=calendar,
                  doc_hash=f"hash-of-{doc}")
    return Report(event)


def dates_conflicts(row: dict) -> list[dict]:
    return [c for c in row["conflicts"] if c["kind"] == "dates"]


def test_a_year_less_day_a_day_off_a_multilateral_act_joins_it_with_the_conflict_shown():
    """'the leaders of Kenya, Nigeria and Brazil signed a declaration on May 3' (no year) beside the
    declaration's own text dated 4 May 2025: the same three states, one act, dated either side of midnight."""
    dated = accord("text", "2025-05-04", "2025-05-04", RUTO, TINUBU, LULA)
    yearless = accord("news", None, None, KENYA, NIGERIA, BRAZIL, words="On May 3 the leaders of Kenya, Nigeria and "
                      "Brazil signed a declaration", calendar=(CalendarFact(5, 3, reason="'May 3' without a year"),))
    [row] = events([yearless, dated])
    assert link_of(row, "news") == LinkReason.PARTICIPANTS.value
    assert (row["date_min"], row["date_max"]) == ("2025-05-03", "2025-05-04")
    [conflict] = dates_conflicts(row)
    assert "2025-05-04" in conflict["reason"] and "May 3" in conflict["reason"]


@pytest.mark.parametrize("other,events_", [
    (accord("b", "2025-05-05", "2025-05-05", KENYA, NIGERIA, BRAZIL), 1),  # a day apart: one act, outlets disagree
    (accord("b", "2025-05-06", "2025-05-06", KENYA, NIGERIA, BRAZIL), 2),  # two days apart: two acts
    (accord("b", None, None, KENYA, NIGERIA, BRAZIL, calendar=(CalendarFact(5, 6),)), 2),  # "May 6", no year
    (accord("b", "2025-05-05", "2025-05-31", KENYA, NIGERIA, BRAZIL), 2),  # "later in May": no day to agree on
    (accord("b", None, None, KENYA, NIGERIA, BRAZIL, calendar=(CalendarFact(5, 11, weekday=0, days_before=6),)),
     2),  # "on Monday" under a year-less dateline "May 11": a week, not a day
])
def test_three_states_acting_together_a_day_apart_are_one_act_and_no_further(other: Report, events_: int):
    rows = events([accord("a", "2025-05-04", "2025-05-04", KENYA, NIGERIA, BRAZIL), other])
    assert len(rows) == events_
    if events_ == 1:
        assert dates_conflicts(rows[0])


def test_two_states_a_day_apart_need_more_than_their_names():
    """A pair deals often: two agreements of Kenya and Nigeria a day apart share nothing but the pair."""
    rows = events([accord("a", "2025-05-04", "2025-05-04", KENYA, NIGERIA),
                   accord("b", "2025-05-05", "2025-05-05", KENYA, NIGERIA)])
    assert len(rows) == 2


def test_an_undated_report_naming_every_participant_joins_the_dated_act_of_the_same_people():
    dated = accord("dated", "2025-05-04", "2025-05-04", RUTO, TINUBU, LULA)
    undated = accord("undated", None, None, LULA, RUTO, TINUBU, words="Lula, Ruto and Tinubu signed a declaration "
                     "on trade in Nairobi")
    [row] = events([undated, dated])
    assert link_of(row, "undated") == LinkReason.NAMED_PARTIES.value
    assert "dates" not in {c["kind"] for c in row["conflicts"]}


def test_an_undated_multilateral_report_joins_nothing_on_its_states_or_on_other_people():
    dated = accord("dated", "2025-05-04", "2025-05-04", RUTO, TINUBU, LULA)
    states = accord("states", None, None, KENYA, NIGERIA, BRAZIL)  # no day, no names: any year's declaration
    ministers = accord("ministers", None, None, Actor("Musalia Mudavadi", "KEN"), TINUBU, LULA)
    assert len(events([dated, states])) == 2
    assert len(events([dated, ministers])) == 2
    assert why_apart(traits_of("m", ministers.event, "m"), traits_of("d", dated.event, "d")) is Apart.PERSONS


def test_a_year_less_day_a_day_off_a_letter_joins_it_on_a_shared_quotation_with_the_conflict_shown():
    dated = report("dated", "2024-07-10", "2024-07-10", quote=QUOTE)
    yearless = report("yearless", None, None, quote=QUOTE, calendar=(CalendarFact(7, 11, reason="'July 11'"),))
    [row] = events([dated, yearless])
    assert link_of(row, "yearless") == LinkReason.QUOTATION.value
    assert (row["date_min"], row["date_max"]) == ("2024-07-10", "2024-07-11")
    assert dates_conflicts(row)


def test_two_year_less_copies_a_day_apart_are_one_letter_with_the_conflict_shown():
    words = "Xi Jinping sent a warm letter of thanks to Kim Jong Un for the birthday greetings of the Korean people"
    [row] = events([report("a", None, None, words=words, calendar=(CalendarFact(5, 2),)),
                    report("b", None, None, words=words, calendar=(CalendarFact(5, 3),))])
    assert dates_conflicts(row) and row["date_min"] is None


@pytest.mark.parametrize("first,second", [
    # two letters of the same people a day apart in one month, in different words
    (report("a", "2024-07-10", "2024-07-10", words="Xi Jinping sent a letter of condolence to Kim Jong Un over the "
            "floods in the north of the country"),
     report("b", "2024-07-11", "2024-07-11", words="Xi Jinping wrote to Kim Jong Un to congratulate him on the "
            "anniversary of the treaty of friendship")),
    # ... and the second told without a year
    (report("a", "2024-07-10", "2024-07-10", words="Xi Jinping sent a letter of condolence to Kim Jong Un over the "
            "floods in the north of the country"),
     report("b", None, None, calendar=(CalendarFact(7, 11),), words="Xi Jinping wrote to Kim Jong Un to "
            "congratulate him on the anniversary of the treaty of friendship")),
    # an envoy recalled one day and a new one appointed the next, with the same quoted words
    (report("a", "2024-03-04", "2024-03-04", type_="relations", medium="recall_envoy", source=EGY, target=TUR,
            quote=QUOTE),
     report("b", None, None, type_="relations", medium="appoint_envoy", source=EGY, target=TUR, quote=QUOTE,
            calendar=(CalendarFact(3, 5),))),
])
def test_different_acts_a_day_apart_stay_apart(first: Report, second: Report):
    assert len(events([first, second])) == 2
    assert len(events([second, first])) == 2


# -- identity ----------------------------------------------------------------------------------------------
def test_an_event_id_comes_from_its_first_published_report_whatever_the_order():
    first = report("first", "2024-03-02", "2024-03-02", published="2024-03-03")
    later = report("later", None, "2024-03-10", published="2024-03-10")
    assert consolidated_id([later, first]) == consolidated_id([first]) != consolidated_id([later])
    assert events([first])[0]["event_id"] == events([later, first])[0]["event_id"]


def test_a_renamed_article_keeps_its_report_and_event_ids():
    original = report("kcna-2024-03-02", "2024-03-02", "2024-03-02")
    renamed = replace(original, event=replace(original.event, doc_id="renamed file"))
    assert original.id == renamed.id
    assert events([original])[0]["event_id"] == events([renamed])[0]["event_id"]


@pytest.mark.parametrize("before,after,expected", [
    ({"e1": {"a"}, "e2": {"b"}}, {"e1": {"a", "b"}}, [("e2", "e1", Retirement.MERGED)]),
    ({"e1": {"a", "b", "c"}}, {"e2": {"a", "b"}, "e3": {"c"}}, [("e1", "e2", Retirement.SPLIT)]),
    ({"e1": {"a"}}, {"e2": {"b"}}, [("e1", None, Retirement.WITHDRAWN)]),
    ({"e1": {"a"}}, {"e1": {"a", "b"}}, []),
])
def test_ids_that_disappear_say_what_became_of_them(before, after, expected):
    aliases = retire_ids({k: frozenset(v) for k, v in before.items()}, {k: frozenset(v) for k, v in after.items()})
    assert [(a.old_id, a.new_id, a.reason) for a in aliases] == expected
