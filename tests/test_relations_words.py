"""Relations and meetings told in words the first rounds did not read (round 3 vocabulary).

Short wire-style articles of our own (no devset sentence): ties formed or forged, relations
between two states named on the ties themselves, ambassadors exchanged (done, not agreed), an
ambassador sent back home (an expulsion, apart from a closure told in the same sentence), a
withdrawal told as previous (kept apart from the news), and a handshake before talks (one act,
not an uncounted plural).
"""

from __future__ import annotations

import pytest

import missive

pytestmark = pytest.mark.model


def _found(day: str, text: str) -> list[tuple[str, str, frozenset[str], bool]]:
    events = missive.extract(f"DATE: {day}\n\n{text}\n")
    return [(e.type, e.medium, frozenset(p.country for p in (e.source, e.target) if p), e.background)
            for e in events]


def _cases(table: str) -> list[tuple[str, str, str, frozenset[str], str]]:
    """Rows "day TYPE MEDIUM A B | text" (MEDIUM '-' for none; the text may run on)."""
    out = []
    for r in table.strip().split("\n\n"):
        head, text = r.split("|", 1)
        day, type_, medium, a, b = head.split()
        out.append((day, type_, "" if medium == "-" else medium, frozenset((a, b)), " ".join(text.split())))
    return out


TOLD = _cases("""
2024-05-20 relations establish CHL VNM | Diplomatic relations between Chile and Vietnam were formed in 1971,
    the ministry recalled.

2024-05-20 relations establish GHA JAM | Ghana and Jamaica forged diplomatic ties in 1962.

2024-05-20 relations restore CHL PER | Diplomatic ties between Chile and Peru were restored on Monday.

2024-05-20 relations appoint_envoy GHA TGO | Ghana and Togo exchanged ambassadors on Monday for the first time
    in a decade.

2024-05-20 relations expel_envoy KEN DNK | Kenya sent the Danish ambassador in Nairobi back home on Friday.

2024-05-20 meeting - KEN UGA | President Ruto shakes hands with President Museveni ahead of bilateral talks
    in Kampala.
""")


@pytest.mark.parametrize("day, type_, medium, pair, text", TOLD, ids=[c[-1][:48] for c in TOLD])
def test_the_wording_gives_its_event(day: str, type_: str, medium: str, pair: frozenset[str], text: str):
    found = _found(day, text)
    assert any(f[:3] == (type_, medium, pair) for f in found), found


def test_agreeing_to_exchange_ambassadors_exchanges_none():
    assert not [f for f in _found("2024-05-20", "Fiji and Samoa agreed to exchange ambassadors in May.")
                if f[0] == "relations"]


def test_recalling_its_own_ambassador_home_is_no_expulsion():
    assert not [f for f in _found("2024-05-20", "Kenya sent its ambassador home on Friday.") if f[1] == "expel_envoy"]


def test_an_expulsion_and_a_closure_in_one_sentence_are_two_acts():
    found = _found("2024-05-20", "Kenya sent the Danish ambassador in Nairobi back home on Friday and closed "
                                 "the Danish consulate in Mombasa.")
    assert {f[1] for f in found if f[0] == "relations"} >= {"expel_envoy", "close_mission"}, found


def test_a_withdrawal_told_as_previous_stays_apart_from_the_news():
    found = _found("2024-05-20", "On Monday Colombia recalled its ambassador from Venezuela. Colombia previously "
                                 "withdrew its ambassador from Caracas after a disputed election.")
    assert [f[1] for f in found if f[0] == "relations"] == ["recall_envoy", "recall_envoy"], found
