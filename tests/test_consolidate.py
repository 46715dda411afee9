"""One letter, many reports: consolidation as a pure function of the set of reports."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.consolidation.compatibility import occasions_compatible, windows_overlap
from missive.consolidation.consolidate import Conflict, ConflictKind, Report, consolidate_events, consolidated_to_flat
from missive.consolidation.near_duplicates import source_groups, text_signature
from missive.consolidation.pair_analysis import Wording, compare_wording, key_phrases, pair_stats, quoted_passages
from missive.model import Actor, DateWindow, Event, Span

REPORTS = Path(__file__).parent / "fixtures" / "reports"
KIM, XI = Actor("Kim Jong Un", "PRK"), Actor("Xi Jinping", "CHN")
PRC70 = "the 70th anniversary of the founding of the People's Republic of China"
TIES70 = "the 70th anniversary of the establishment of diplomatic relations between the DPRK and China"


def day(text: str) -> date:
    return date.fromisoformat(text)


def message(doc: str, start: str | None, end: str | None, *, medium: str = "message", occasion: str = "",
            source: Actor = KIM, target: Actor = XI, background: bool = False, at: int = 0,
            in_reply_to: str | None = None) -> Event:
    when = DateWindow(day(start) if start else None, day(end) if end else None,
                      "day" if start and start == end else "range", f"read in {doc}")
    return Event(doc_id=doc, type="message", source=source, target=target, when=when, medium=medium,
                 occasion=occasion, background=background, reported_by=("KCNA",),
                 evidence=(Span(doc, at, at + 40, f"{source.name} sent a {medium} to {target.name}"),),
                 in_reply_to=in_reply_to)


def prc70_reports() -> list[Report]:
    """What each fixture article asserts about Kim's 2019 greeting, with its near-duplicate group."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))}
    groups = source_groups({doc: ("", text_signature(t)) for doc, t in texts.items()})
    events = [
        message("kcna_prc70", "2019-10-01", "2019-10-01", occasion=PRC70),
        message("yonhap_prc70", "2019-10-01", "2019-10-01", medium="message",
                occasion="70th anniversary of the founding of the People's Republic of China"),
        message("herald_prc70_copy", "2019-10-01", "2019-10-01",
                occasion="70th anniversary of the founding of the People's Republic of China"),
        message("reuters_prc70", "2019-09-30", "2019-10-06", occasion="70th anniversary of the founding"),
    ]
    outlets = {"kcna": "KCNA", "yonhap": "Yonhap", "herald": "The Korea Herald", "reuters": "Reuters"}
    return [Report(e, outlet=outlets[e.doc_id.split("_")[0]], source_group=groups[e.doc_id]) for e in events]


def ties70_report() -> Report:
    return Report(message("kcna_ties70", "2019-10-06", "2019-10-06", occasion=TIES70))


def as_flat(reports: list[Report]) -> list[dict]:
    return [consolidated_to_flat(c) for c in consolidate_events(reports)]


@pytest.mark.parametrize("seed", range(6))
def test_four_outlets_reporting_one_greeting_become_one_event_in_any_order(seed: int):
    reports = prc70_reports()
    random.Random(seed).shuffle(reports)
    [event] = as_flat(reports)
    assert (event["source_country"], event["target_country"]) == ("PRK", "CHN")
    assert (event["date_min"], event["date_max"]) == ("2019-10-01", "2019-10-01")  # Reuters' "last week" narrowed
    assert len(event["docs"]) == 4 and event["n_reports"] == 4
    assert event["n_sources"] == 3  # the Korea Herald ran Yonhap's story word for word
    assert event["outlets"] == ["KCNA", "Reuters", "The Korea Herald", "Yonhap"]
    assert {r["doc"] for r in event["reports"]} == set(event["docs"])
    assert all(r["evidence"] for r in event["reports"])
    assert event == as_flat(prc70_reports())[0]


def test_why_one_event_counts_reports_articles_and_sources_in_words():
    [event] = as_flat(prc70_reports())
    assert event["reasons"][0] == "4 reports in 4 articles, 3 independent"
    [single] = as_flat([ties70_report()])
    assert single["reasons"][0] == "1 report in 1 article, 1 independent"


def test_two_letters_of_one_pair_in_one_month_stay_two_events():
    events = as_flat(prc70_reports() + [ties70_report()])
    assert [(e["date_min"], len(e["docs"])) for e in events] == [("2019-10-01", 4), ("2019-10-06", 1)]
    # Reuters' "last week" window covers both days: it goes to the greeting whose occasion it names, visibly
    [ambiguous] = [c for c in events[0]["conflicts"] if c["kind"] == "ambiguous"]
    assert events[1]["event_id"] in ambiguous["reason"]


@pytest.mark.parametrize("first,second,occasion,expected", [
    (("2019-10-01", "2019-10-01"), ("2019-10-02", "2019-10-02"), "", 2),  # two days, no occasion: two letters
    (("2019-10-01", "2019-10-31"), ("2019-10-02", "2019-10-02"), "", 1),  # a month and a day inside it
    ((None, "2019-10-08"), ("2019-10-02", "2019-10-02"), "", 1),          # bounded by its report day, close
    ((None, "2022-10-16"), ("2019-10-02", "2019-10-02"), "", 2),          # ... but three years away
    ((None, None), ("2019-10-02", "2019-10-02"), "", 1),                  # undated, the same named people and medium
    ((None, None), ("2019-10-02", "2019-10-02"), "New Year", 2),          # ... of an occasion that comes every year
    ((None, None), ("2019-10-02", "2019-10-02"), PRC70, 1),               # undated but the same occasion
])
def test_date_windows_decide_whether_two_reports_can_be_one_letter(first, second, occasion, expected):
    reports = [Report(message("a", *first, medium="letter", occasion=occasion)),
               Report(message("b", *second, medium="letter", occasion=occasion))]
    assert len(consolidate_events(reports)) == expected


def test_a_report_fitting_two_letters_equally_is_kept_apart_and_says_so():
    reports = [Report(message("a", "2019-10-01", "2019-10-01")), Report(message("b", "2019-10-07", "2019-10-07")),
               Report(message("vague", "2019-09-27", "2019-10-11"))]  # its middle is 3 days from both
    events = as_flat(reports)
    assert len(events) == 3
    [vague] = [e for e in events if e["docs"] == ["vague"]]
    assert [c["kind"] for c in vague["conflicts"]] == ["ambiguous"] and "kept apart" in vague["conflicts"][0]["reason"]


@pytest.mark.parametrize("a,b,compatible", [
    (PRC70, "70th founding anniversary of the PRC", True),
    (PRC70, TIES70, False),
    ("the 74th anniversary of the founding of the PRC", "the 75th anniversary of the founding of the PRC", False),
    ("New Year", "the New Year's Day of 2020", True),
    ("", TIES70, True),
    ("Xi's re-election as general secretary", "New Year", False),
])
def test_occasions_must_agree_when_both_reports_name_one(a: str, b: str, compatible: bool):
    assert occasions_compatible(a, b) is compatible


@pytest.mark.parametrize("a,b,overlap", [
    (("2019-10-01", "2019-10-01"), ("2019-10-01", "2019-10-05"), True),
    (("2019-10-01", "2019-10-01"), ("2019-10-02", "2019-10-05"), False),
    ((None, "2019-10-01"), ("2019-10-01", None), True),
    ((None, "2019-09-30"), ("2019-10-01", None), False),
])
def test_windows_overlap_with_open_bounds(a, b, overlap):
    wa = DateWindow(*(day(x) if x else None for x in a))
    wb = DateWindow(*(day(x) if x else None for x in b))
    assert windows_overlap(wa, wb) is overlap and windows_overlap(wb, wa) is overlap


@pytest.mark.parametrize("media,medium,conflict", [
    (("letter", "reply", "message"), "reply", False),   # written forms: the most specific wins, silently
    (("letter", "greeting"), "greeting", True),          # a card is not a letter: merged, disagreement shown,
    (("letter", "letter", "greeting"), "letter", True),  # the most reported kind first, then the precedence
    (("cable", "cable", "letter"), "cable", True),
    (("", "letter"), "letter", False),
])
def test_medium_disagreements_merge_but_are_recorded(media, medium, conflict):
    reports = [Report(message(f"d{i}", "2021-07-11", "2021-07-11", medium=m, source=XI, target=KIM))
               for i, m in enumerate(media)]
    [event] = as_flat(reports)
    assert event["medium"] == medium
    assert any(c["kind"] == "medium" for c in event["conflicts"]) is conflict


def test_outlets_disagreeing_on_the_day_of_one_occasion_stay_apart_with_a_conflict():
    events = as_flat([Report(message("kcna", "2019-10-01", "2019-10-01", occasion=PRC70)),
                      Report(message("paper", "2019-10-04", "2019-10-04", occasion=PRC70))])
    assert len(events) == 2
    assert all([c["kind"] for c in e["conflicts"]] == ["dates"] for e in events)


def test_a_background_mention_joins_the_news_report_and_keeps_its_flag():
    news = Report(message("news", "2023-10-28", "2023-10-28", medium="reply", source=XI, target=KIM))
    later = Report(message("later", "2023-10-01", "2023-10-31", medium="letter", source=XI, target=KIM,
                           background=True))
    [event] = as_flat([news, later])
    assert event["background"] is False
    assert {r["doc"]: r["background"] for r in event["reports"]} == {"news": False, "later": True}


def test_the_consolidated_id_survives_a_new_report_with_a_larger_id():
    reports = prc70_reports()
    smallest = min(reports, key=lambda r: r.id)
    others = [r for r in reports if r is not smallest]
    before = consolidate_events([smallest, others[0]])[0].event_id
    assert consolidate_events(reports)[0].event_id == before


def test_syndicated_copies_are_one_source_and_other_stories_are_not():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))}
    groups = source_groups({doc: ("", text_signature(t)) for doc, t in texts.items()})
    assert groups["herald_prc70_copy"] == groups["yonhap_prc70"]
    assert len(set(groups.values())) == len(texts) - 1


report_events = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 40)), st.one_of(st.none(), st.integers(0, 20)),
              st.sampled_from(["letter", "message", "greeting", "reply"]),
              st.sampled_from(["", PRC70, TIES70, "New Year"]), st.booleans(), st.booleans()),
    min_size=1, max_size=14)


def bound(base: int, offset: int | None) -> str | None:
    return None if offset is None else date.fromordinal(base + offset).isoformat()


@settings(max_examples=80, deadline=None)
@given(report_events, st.randoms(use_true_random=False))
def test_consolidation_does_not_depend_on_ingest_order(rows, rnd):
    base = date(2019, 9, 20).toordinal()
    reports = [Report(message(f"doc{i}", bound(base, s), bound(base, None if w is None else (s or 0) + w),
                              medium=m, occasion=o, source=KIM if d else XI, target=XI if d else KIM, background=bg))
               for i, (s, w, m, o, d, bg) in enumerate(rows)]
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    assert as_flat(shuffled) == as_flat(reports)
    assert sum(len(e["docs"]) for e in as_flat(reports)) == len(reports)


def flat_message(event_id: str, source: str, start: str, end: str, medium: str = "letter",
                 in_reply_to: str | None = None) -> dict:
    return {"event_id": event_id, "type": "message", "medium": medium, "source_country": source,
            "target_country": "PRK" if source == "CHN" else "CHN", "date_min": start, "date_max": end,
            "in_reply_to": in_reply_to}


def test_pair_stats_count_years_silences_first_since_and_reply_lags():
    rows = [flat_message("a", "PRK", "2019-10-01", "2019-10-01"),
            flat_message("b", "CHN", "2019-10-05", "2019-10-07", medium="reply"),
            flat_message("c", "PRK", "2020-02-01", "2020-02-01"),
            flat_message("d", "CHN", "2021-07-11", "2021-07-11", medium="reply", in_reply_to="a"),
            flat_message("e", "CHN", None, "2021-12-31")]
    stats = pair_stats(rows, "CHN", "PRK")
    assert stats.per_year == ((2019, 1, 1), (2020, 0, 1), (2021, 1, 0))
    assert stats.undated == 1
    assert (stats.longest_silence.from_id, stats.longest_silence.to_id) == ("c", "d")
    assert [(g.to_id, g.days) for g in stats.first_since] == [("c", 123), ("d", 644)]
    assert [(g.from_id, g.to_id, g.days) for g in stats.reply_lags] == [("a", "b", 5), ("a", "d", 649)]


def test_compare_shows_the_phrases_one_message_has_and_the_other_lacks():
    prc = (REPORTS / "kcna_prc70.txt").read_text(encoding="utf-8")
    ties = (REPORTS / "kcna_ties70.txt").read_text(encoding="utf-8")
    left, right = Wording("a", "prc70", quoted_passages(prc)), Wording("b", "ties70", quoted_passages(ties))
    result = compare_wording(left, right)
    assert "socialism" in result.shared
    assert "dprk-china friendship" in result.only_left and "shared weal" in result.only_right
    assert "socialism" in key_phrases(right.quotes[0])


def test_a_conflict_kind_is_one_of_the_closed_set():
    assert Conflict("dates", ("a", "b"), "a day apart").kind is ConflictKind.DATES
    with pytest.raises(ValueError):
        Conflict("date", ("a", "b"), "a typo must not pass as a new kind")
