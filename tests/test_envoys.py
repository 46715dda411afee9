"""Messages an envoy hands over: the message from its sender, and the envoy's meeting with its recipient.

"The envoy delivered to the president a letter from the sultan" asserts two interactions (the
annotation conventions): the sultan's message to the president, and the envoy's audience with
him. A sender who hands over or conveys his own message carries nothing for anyone; a message
an envoy carried is another than one the same sender sent by telegram. Hand-built drafts first
(no model), then short articles through the whole pipeline.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date

import pytest
from parses import frame, parse

import missive
from event_spec import assert_extracted
from missive.extraction.assemble import merge_drafts
from missive.extraction.deliveries import delivery_meetings, envoy_of
from missive.extraction.drafts import drafts_of
from missive.model import Actor, DateWindow

SULTAN = Actor("Haitham bin Tariq", "OMN", "person", "head_of_state")
ENVOY = Actor("special envoy of Oman", "OMN", "person", "ambassador")
RUTO = Actor("William Ruto", "KEN", "person", "head_of_state")
KENYAN_MINISTER = Actor("Alfred Mutua", "KEN", "person", "foreign_minister")
KENYA = Actor("Kenya", "KEN", "state", "state")
MARCH_8 = DateWindow(date(2023, 3, 8), date(2023, 3, 8), "day", "Wednesday")
UP_TO_MARCH_8 = DateWindow(None, date(2023, 3, 8), "open", "reported on")

HANDED = parse("The/DT/det/1 envoy/NN/nsubj/2 delivered/VBD/ROOT/2 a/DT/det/4 letter/NN/dobj/2 from/IN/prep/4 "
               "Haitham/NNP/pobj/5 to/IN/prep/2 Ruto/NNP/pobj/7 ././punct/2")
WIRED = parse("Haitham/NNP/nsubj/1 sent/VBD/ROOT/1 Ruto/NNP/dative/1 a/DT/det/4 cable/NN/dobj/1 ././punct/1")


def message(doc, word: str, medium: str, source: Actor, target: Actor, carriers=(), window=MARCH_8):
    f = frame(doc, word, "message", "message")
    f.agents, f.recipients, f.carriers = [source], [target], list(carriers)
    [d] = drafts_of(f, medium, 0)
    d.window, d.has_own_date = window, window.start is not None
    d.evidence, d.reasons = [(0, len(doc.text))], [f"pattern message:{word}"]
    return d


def meeting(participants: list[Actor], window=MARCH_8):
    f = frame(parse("They/PRP/nsubj/1 met/VBD/ROOT/1 ././punct/1"), "met", "meeting", "meet", "verb")
    f.participants = participants
    [d] = drafts_of(f, "", 0)
    d.window = window
    return d


def test_a_message_an_envoy_handed_over_is_also_the_envoys_meeting_with_its_recipient():
    d = message(HANDED, "letter", "letter", SULTAN, RUTO, [ENVOY])
    [met] = delivery_meetings([d])
    assert (met.type, met.medium, met.source.country, met.target.name) == ("meeting", "", "OMN", "William Ruto")
    assert met.window == d.window and "meeting with its recipient" in met.reasons[-1]
    assert (d.type, d.source, d.target) == ("message", SULTAN, RUTO)  # the message itself stays


@pytest.mark.parametrize("carriers, target, why", [
    ([SULTAN], RUTO, "the sender handed over his own message"),
    ([KENYAN_MINISTER], RUTO, "a carrier of the recipient's state relays it at home"),
    ([ENVOY], KENYA, "a message to a state is no audience with anyone"),
    ([], RUTO, "nobody handed it over"),
])
def test_no_meeting_without_an_envoy_of_the_sender_before_someone(carriers, target, why):
    d = message(HANDED, "letter", "letter", SULTAN, target, carriers)
    assert delivery_meetings([d]) == [], why


def test_the_meeting_the_text_already_tells_is_not_told_again():
    d = message(HANDED, "letter", "letter", SULTAN, RUTO, [ENVOY])
    assert delivery_meetings([meeting([RUTO, ENVOY]), d]) == []
    elsewhere = meeting([RUTO, ENVOY], DateWindow(date(2022, 1, 5), date(2022, 1, 5), "day", "a year before"))
    assert len(delivery_meetings([elsewhere, d])) == 1  # another meeting of theirs is another one


def test_a_message_an_envoy_carried_is_another_than_a_telegram_of_the_same_sender():
    cable = message(WIRED, "cable", "cable", SULTAN, RUTO, window=UP_TO_MARCH_8)
    carried = message(HANDED, "letter", "message", SULTAN, RUTO, [ENVOY])
    assert len(merge_drafts([cable, carried])) == 2


def test_the_letter_a_sender_wrote_and_an_envoy_handed_over_is_one_letter():
    sent = message(WIRED, "cable", "letter", SULTAN, RUTO, window=UP_TO_MARCH_8)
    carried = message(HANDED, "letter", "letter", SULTAN, RUTO, [ENVOY])
    [one] = merge_drafts([sent, carried])
    assert envoy_of(one) == ENVOY  # the envoy of any of its mentions carried it


# -- whole articles ------------------------------------------------------------------------------------
def article(text: str) -> str:
    return re.sub(r"\n {2,}", " ", textwrap.dedent(text).strip()) + "\n"


STORIES = [
    pytest.param("""
        NAIROBI, March 9, 2023 (KNA) - President William Ruto on Wednesday received a special message from
          Sultan Haitham bin Tariq of Oman that was delivered by the special envoy of Oman's foreign minister.
        """, ("message OMN>KEN 2023-03-08", "meeting OMN-KEN 2023-03-08"), id="received-a-message-an-envoy-delivered"),
    pytest.param("""
        BRASILIA, Aug. 16, 2023 (Agencia Brasil) - During talks with President Luiz Inacio Lula da Silva on
          Tuesday, Angolan Foreign Minister Tete Antonio delivered to him a letter from President Joao Lourenco.
        """, ("meeting AGO-BRA 2023-08-15", "message AGO>BRA ..2023-08-15"), id="the-audience-is-told-once"),
    pytest.param("""
        MOSCOW, Oct. 2, 2019 (TASS) - Russian President Vladimir Putin congratulated Chinese President Xi
          Jinping by telegram on the 70th anniversary of the People's Republic of China.
        On Monday, Russian Ambassador Andrei Denisov handed Xi a personal message from Putin in Beijing.
        """, ("message RUS>CHN ..2019-10-02", "message RUS>CHN 2019-09-30", "meeting RUS-CHN 2019-09-30"),
        id="a-telegram-and-a-message-an-envoy-carried"),
    pytest.param("""
        HANOI, May 8, 2022 (VNA) - Prime Minister Pham Minh Chinh on Saturday conveyed his condolences to
          Cuban President Miguel Diaz-Canel over the deadly explosion at a hotel in Havana.
        """, ("message VNM>CUB 2022-05-07",), id="a-sender-conveying-his-own-condolences"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expect", STORIES)
def test_a_message_handed_over_by_an_envoy(text: str, expect: tuple[str, ...], extractor):
    assert_extracted(article(text), expect, extractor)
