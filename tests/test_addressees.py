"""One message per addressee: lists of senders and addressees, and who a message went to.

"A and B have respectively sent messages to X and Y" is one message per pair: lists of one
length pair in order; a sender who holds two offices writes to both counterparts, so when the
lists differ in length each addressee's sender is the one of the same office, else the first
listed. Without "respectively" the frame's own drafts stand. A message told with a state as its
party and then with one of that state's people is that person's, so a message to another of them
stays apart. "Sent India's president and prime minister messages" goes to both; "in a separate
letter to Premier Li, he wrote" is not Li's compatriot writing to him. Hand-built parses and
mentions first (no model), then whole articles.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date

import pytest
from parses import frame, parse, placed

import missive
from event_spec import assert_extracted
from missive.extraction.assemble import merge_drafts
from missive.extraction.cast import Cast
from missive.extraction.drafts import drafts_of
from missive.extraction.nlp import Sentence
from missive.extraction.parallel_lists import respective_messages
from missive.model import Actor, DateWindow

WORDS = frozenset({"respectively"})
MAHAMA = Actor("John Mahama", "GHA", "person", "head_of_state")
OPOKU = Actor("Kwame Opoku", "GHA", "person", "head_of_government")
TINUBU = Actor("Bola Tinubu", "NGA", "person", "head_of_state")
SHETTIMA = Actor("Kashim Shettima", "NGA", "person", "head_of_government")
GANDU = Actor("Ali Gandu", "NGA", "person", "party_leader")
NIGERIA = Actor("Nigeria", "NGA", "state", "state")

RESPECTIVELY = ("Mahama/NNP/nsubj/4 and/CC/cc/0 Opoku/NNP/conj/0 have/VBP/aux/4 sent/VBD/ROOT/4 messages/NNS/dobj/4 "
                "respectively/RB/advmod/4 to/IN/prep/5 {to} ././punct/4")
TWO = "Tinubu/NNP/pobj/7 and/CC/cc/8 Shettima/NNP/conj/8"
THREE = "Gandu/NNP/pobj/7 ,/,/punct/8 Tinubu/NNP/conj/8 and/CC/cc/10 Shettima/NNP/conj/10"


def pairs(spec: str, people: dict[str, Actor], words=WORDS) -> list[tuple[str, str]]:
    doc = parse(spec)
    f = frame(doc, "messages", "message", "message")
    cast = Cast([placed(doc, word, actor) for word, actor in people.items()], [0])
    made = respective_messages(f, drafts_of(f, "message", 0), cast, Sentence(0, len(doc.text), doc.text), words)
    return [(d.source and d.source.name, d.target and d.target.name) for d in made]


def test_lists_of_one_length_pair_in_order():
    people = {"Mahama": MAHAMA, "Opoku": OPOKU, "Tinubu": TINUBU, "Shettima": SHETTIMA}
    assert pairs(RESPECTIVELY.format(to=TWO), people) == [("John Mahama", "Bola Tinubu"),
                                                          ("Kwame Opoku", "Kashim Shettima")]


def test_an_addressee_without_a_counterpart_of_the_same_office_hears_from_the_first_sender():
    people = {"Mahama": MAHAMA, "Opoku": OPOKU, "Gandu": GANDU, "Tinubu": TINUBU, "Shettima": SHETTIMA}
    assert pairs(RESPECTIVELY.format(to=THREE), people) == [
        ("John Mahama", "Ali Gandu"), ("John Mahama", "Bola Tinubu"), ("Kwame Opoku", "Kashim Shettima")]


def test_without_respectively_the_frame_keeps_its_own_drafts():
    people = {"Mahama": MAHAMA, "Opoku": OPOKU, "Tinubu": TINUBU, "Shettima": SHETTIMA}
    assert pairs(RESPECTIVELY.format(to=TWO), people, frozenset()) == [(None, None)]


def test_one_person_on_each_side_is_no_list():
    assert pairs(RESPECTIVELY.format(to=TWO), {"Mahama": MAHAMA, "Tinubu": TINUBU}) == [(None, None)]


def _message(source: Actor, target: Actor):
    f = frame(parse("He/PRP/nsubj/1 sent/VBD/ROOT/1 a/DT/det/3 message/NN/dobj/1 ././punct/1"), "message",
              "message", "message")
    f.agents, f.recipients = [source], [target]
    [d] = drafts_of(f, "message", 0)
    d.window = DateWindow(None, date(2024, 6, 12), "open", "report day")
    return d


def test_a_message_to_a_state_then_to_one_of_its_leaders_is_that_leaders_and_another_leaders_stays_apart():
    merged = merge_drafts([_message(MAHAMA, NIGERIA), _message(MAHAMA, TINUBU), _message(MAHAMA, SHETTIMA)])
    assert [d.target.name for d in merged] == ["Bola Tinubu", "Kashim Shettima"]


def article(text: str) -> str:
    return re.sub(r"\n {2,}", " ", textwrap.dedent(text).strip()) + "\n"


STORIES = [
    pytest.param("""
        ULAANBAATAR, Dec. 16, 2022 (Montsame) - President Ukhnaagiin Khurelsukh and Prime Minister
          Luvsannamsrain Oyun-Erdene of Mongolia have respectively sent congratulatory messages to President
          Kassym-Jomart Tokayev and Prime Minister Alikhan Smailov of Kazakhstan on its Independence Day.
        """, ("message MNG>KAZ ..2022-12-16", "message MNG>KAZ ..2022-12-16"), id="two-and-two"),
    pytest.param("""
        HANOI, Jan. 27, 2021 (VNA) - General Secretary and State President Nguyen Phu Trong and Prime
          Minister Nguyen Xuan Phuc have respectively cabled congratulations to General Secretary Thongloun
          Sisoulith, President Bounnhang Vorachith and Prime Minister Phankham Viphavanh of Laos.
        """, ("message VNM>LAO ..2021-01-27",) * 3, id="one-sender-holding-two-offices"),
    pytest.param("""
        NAIROBI, June 5, 2023 (KNA) - President William Ruto on Saturday sent India's President and Prime Minister
          messages of condolence over the train crash in Odisha.
        """, ("message KEN>IND 2023-06-03",) * 2, id="a-states-president-and-prime-minister"),
    pytest.param("""
        ROME, May 3, 2023 (ANSA) - Prime Minister Giorgia Meloni sent the Japanese prime minister and foreign
          minister letters of thanks.
        """, ("message ITA>JPN ..2023-05-03",) * 2, id="the-people-listed-in-a-misparsed-sentence"),
    pytest.param("""
        PHNOM PENH, Aug. 20, 2023 (AKP) - Prime Minister Hun Manet received a congratulatory letter from Chinese
          President Xi Jinping on Friday. In a separate letter to Chinese Premier Li Qiang, he wrote that Cambodia
          valued the support of China.
        """, ("message CHN>KHM 2023-08-18", "message KHM>CHN ..2023-08-20"), id="a-separate-letter-to-a-compatriot"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expect", STORIES)
def test_each_addressee_gets_its_message(text: str, expect: tuple[str, ...], extractor):
    assert_extracted(article(text), expect, extractor)
