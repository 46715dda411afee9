"""Organisation summits, on short articles of our own, through the model.

A summit of a named organisation (organisations.csv) is one multilateral meeting of the states the
article names as taking part: its host and the leaders it hosts ("the leaders of A, B and C", every
one of them), who passes or takes its chair; never the states it only talks about. Its days come
from its first and last day, or its first day and its length; its leaders' signing is a
multilateral agreement of the same states. A planned summit gives nothing. (event_spec notation,
compared as the devset scorer compares.)
"""

from __future__ import annotations

import pytest

import missive
from event_spec import assert_extracted

pytestmark = pytest.mark.model

# (what the case shows, the article, the events a careful reader records, events also acceptable)
CASES: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("hosting-with-the-leaders-of-a-list-in-progress-three-day",
     "JOHANNESBURG, Aug. 22, 2023 (SAnews) - South African President Cyril Ramaphosa is hosting the BRICS summit "
     "with Brazilian President Luiz Inacio Lula da Silva and the leaders of China and India. Leaders of BRICS are "
     "meeting on Tuesday in Sandton for the first day of their three-day summit.",
     ("meeting BRA+CHN+IND+ZAF 2023-08-22..2023-08-24",), ()),
    ("hosted-with-the-leaders-of-five",
     "TOKYO, May 22, 2023 (Kyodo) - Japanese Prime Minister Fumio Kishida hosted the G7 summit in Hiroshima on "
     "Saturday with US President Joe Biden and the leaders of Canada, France, Germany, Italy and Britain.",
     ("meeting CAN+DEU+FRA+GBR+ITA+JPN+USA 2023-05-20",), ()),
    ("opened-and-closed-chair-handed-over-leaders-signed-on-the-last-day",
     "KINGSTON, March 2, 2025 (CMC) - The regional summit of the Caribbean Community, CARICOM, closed on Saturday. "
     "Barbados handed over CARICOM's rotating chairmanship to Jamaica. The summit opened on Thursday with a "
     "tribute to a former president of Guyana. During the last day, the heads of government of the 15 CARICOM "
     "member states signed a declaration on climate finance.",
     ("meeting BRB-JAM 2025-02-27..2025-03-01", "agreement BRB-JAM 2025-03-01"), ()),
    ("hosted-and-attended-is-one-summit-not-a-meeting-of-the-attendees",
     "ROME, Oct. 31, 2021 (ANSA) - Italian Prime Minister Mario Draghi hosted the G20 summit in Rome on Saturday. "
     "Indian Prime Minister Narendra Modi and Indonesian President Joko Widodo attended the summit.",
     ("meeting IDN+IND+ITA 2021-10-30",), ()),
    ("last-years-summit-keeps-its-own-roster",
     "BRASILIA, Dec. 8, 2023 (Agencia Brasil) - Brazilian President Luiz Inacio Lula da Silva hosted the Mercosur "
     "summit in Rio de Janeiro on Thursday with the leaders of Argentina and Uruguay. Last year's Mercosur summit "
     "was hosted by Paraguay with the leaders of Bolivia and Chile.",
     ("meeting ARG+BRA+URY 2023-12-07", "meeting BOL+CHL+PRY 2022"), ()),
    ("a-summit-ahead-gives-nothing",
     "ACCRA, May 2, 2024 (GNA) - Ghana will host the ECOWAS summit next month. The ECOWAS summit is expected to "
     "open in Accra on June 3 with the leaders of Nigeria, Senegal and Togo.",
     (), ()),
    ("a-summit-named-as-a-topic-gives-nothing",
     "NAIROBI, May 10, 2024 (KNA) - Kenyan officials discussed plans for the SADC summit with envoys of Angola "
     "and Zambia on Thursday.",
     (), ()),
]


@pytest.mark.parametrize(("text", "expected", "also_ok"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_organisation_summits(text: str, expected: tuple[str, ...], also_ok: tuple[str, ...], extractor):
    """Every event the case expects is there, and nothing else but what it also accepts."""
    assert_extracted(text + "\n", expected, extractor, also_ok)


def test_a_summit_of_two_named_states_has_no_direction(extractor):
    """An organisation's summit is multilateral by nature: two states named as taking part are its
    participants, not a visitor and a host."""
    text = ("KINGSTON, March 2, 2025 (CMC) - The summit of the Caribbean Community closed on Saturday, and "
            "Barbados handed over CARICOM's rotating chairmanship to Jamaica.\n")
    meetings = [e for e in missive.extract(text, extractor) if e.type == "meeting"]
    assert [(e.source, e.target, sorted(p.country for p in e.participants)) for e in meetings] == [
        (None, None, ["BRB", "JAM"])]


def test_hosting_a_summit_under_way_is_its_evidence(extractor):
    """"X is hosting the summit with ..." with no date of its own is arranged, unless the article dates
    that summit around the report day: then it tells the summit under way, and is its evidence."""
    text = ("JOHANNESBURG, Aug. 22, 2023 (SAnews) - South African President Cyril Ramaphosa is hosting the BRICS "
            "summit with Brazilian President Luiz Inacio Lula da Silva and the leaders of China and India. Leaders "
            "of BRICS are meeting on Tuesday in Sandton for the first day of their three-day summit.\n")
    (summit,) = [e for e in missive.extract(text, extractor) if e.type == "meeting"]
    assert any("is hosting the BRICS summit" in span.text for span in summit.evidence)
    assert (summit.when.start.isoformat(), summit.when.end.isoformat()) == ("2023-08-22", "2023-08-24")
    ahead = text.replace("are meeting on Tuesday", "will meet on Thursday")
    assert [e for e in missive.extract(ahead, extractor) if e.type == "meeting"] == []


@pytest.mark.parametrize(("day", "expected"), [
    ("on Friday", ("meeting KEN-TZA 2024-03-08",)),  # the report's own day: under way
    ("on Saturday", ()),  # a day ahead: arranged
    ("next week", ()),
])
def test_a_present_progressive_on_the_report_day_is_under_way(day: str, expected: tuple[str, ...], extractor):
    text = (f"NAIROBI, March 8, 2024 (KNA) - Kenyan President William Ruto is meeting Tanzanian President Samia "
            f"Suluhu Hassan in Mombasa {day}.\n")
    assert_extracted(text, expected, extractor)
