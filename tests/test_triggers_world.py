"""Trigger coverage as world news writes it (GAPS.md sections C and D), on sentences of our own.

Each case is a short article in wire style about leaders and states of every continent, with
the construction a trigger, role or filter row was added for: relations told as verbs in their
base or -ing form, as nouns ("the resumption of ties", "the recall of its ambassador") or as
credentials; visits told as trips, arrivals and attendances; signings of documents and
instruments; calls without the word "call"; and the reports that assert no event (denied
reports, words to the press, counts, anniversaries of an act). None is a devset sentence.
"""

from __future__ import annotations

import pytest

import missive

pytestmark = pytest.mark.model


def _article(day: str, text: str) -> str:
    return f"DATE: {day}\n\n{text}\n"


def _found(events) -> list[tuple]:
    out = []
    for e in events:
        parties = tuple(sorted(p.country for p in e.participants)) if e.participants else (
            e.source.country if e.source else "", e.target.country if e.target else "")
        out.append((e.type, e.medium, *parties) if not e.participants else (e.type, e.medium, parties))
    return out


# (report day, text, (type, medium, source, target)) - directed types need the direction, the
# symmetric ones (meeting, call, agreement, relations) are compared as a pair.
POSITIVE = [
    ("2022-08-12", "Paraguay suspended diplomatic relations with Nicaragua on Thursday, its foreign ministry said.",
     ("relations", "sever", "PRY", "NIC")),
    ("2021-10-05", "Algeria downgraded ties with Morocco on Monday after a border incident.",
     ("relations", "sever", "DZA", "MAR")),
    ("2023-03-11", "Riyadh and Tehran agreed on Friday to resume diplomatic relations after seven years.",
     ("relations", "restore", "SAU", "IRN")),
    ("2023-06-07", "Kenya said on Tuesday it was reestablishing ties with Somalia.",
     ("relations", "restore", "KEN", "SOM")),
    ("2019-04-02", "Chile announced the opening of its embassy in Bangkok on Monday.",
     ("relations", "open_mission", "CHL", "THA")),
    ("2024-02-20", "Ghana withdrew its ambassador from Mali on Monday, the foreign ministry said.",
     ("relations", "recall_envoy", "GHA", "MLI")),
    ("2023-01-12", "Slovakia decided on Wednesday to break ties with Belarus.",
     ("relations", "sever", "SVK", "BLR")),
    ("2021-11-17", "Brazilian President Jair Bolsonaro arrived in Doha on Tuesday for talks with the emir.",
     ("meeting", "", "BRA", "QAT")),
    ("2017-06-01", "Hungarian Prime Minister Viktor Orban attended the inauguration in Belgrade on Wednesday.",
     ("meeting", "", "HUN", "SRB")),
    ("2024-05-18", "President Bola Tinubu on Friday hosted a state dinner for visiting Senegalese President Bassirou Diomaye Faye.",
     ("meeting", "", "SEN", "NGA")),
    ("2019-10-07", "Portugal and Angola on Saturday signed seven instruments of cooperation in Luanda.",
     ("agreement", "", "PRT", "AGO")),
    ("2022-03-02", "Turkish President Recep Tayyip Erdogan and Ukrainian President Volodymyr Zelensky discussed the war by phone on Tuesday.",
     ("call", "call", "TUR", "UKR")),
    ("2023-09-14", "South Korean President Yoon Suk Yeol held phone talks with Australian Prime Minister Anthony Albanese on Wednesday.",
     ("call", "call", "KOR", "AUS")),
    ("2023-02-25", "Brazilian President Luiz Inacio Lula da Silva called Ukrainian President Volodymyr Zelensky on Friday.",
     ("call", "call", "BRA", "UKR")),
    ("2019-03-26", "Egypt became the first Arab country to sign a peace treaty with Israel, in 1979.",
     ("agreement", "", "EGY", "ISR")),
]

NEGATIVE = [
    ("2023-04-19", "The Kremlin on Tuesday denied a newspaper report that President Vladimir Putin had written to the Pope."),
    ("2022-11-03", "Morocco and Spain marked the 65th anniversary of the establishment of diplomatic relations on Wednesday."),
    ("2024-03-08", "A spokesman for the Kenyan president sent a message to the press on Thursday."),
    ("2023-05-16", "Erdogan and Putin have spoken by phone nine times since January."),
    ("2022-07-21", "The Chilean president hopes to reopen the embassy in Caracas next year."),
    ("2024-01-10", "Japan is expected to resume ties with North Korea, officials said."),
]


@pytest.mark.parametrize("day, text, expected", POSITIVE, ids=[t[:50] for _, t, _ in POSITIVE])
def test_the_world_wording_of_an_interaction_gives_its_event(day: str, text: str, expected: tuple):
    found = _found(missive.extract(_article(day, text)))
    type_, medium, a, b = expected
    assert any(f[:2] == (type_, medium) and (f[2:] == (a, b) or (type_ != "message" and f[2:] == (b, a)))
               for f in found), found


@pytest.mark.parametrize("day, text", NEGATIVE, ids=[t[:50] for _, t in NEGATIVE])
def test_what_asserts_no_interaction_gives_no_event(day: str, text: str):
    assert missive.extract(_article(day, text)) == []
