"""Messages as world news tells them, and the message words that tell none (round 3 vocabulary).

Each case is a short wire-style article of our own (no devset sentence) with one construction:
congratulations told as a statement or a post that salutes or compliments a winner, regards
conveyed through an envoy, a cable sent by a minister on behalf of the head of state, the
messages a winner received; and the message words that assert no message: "thanks to" meaning
"because of", thanks said in public to countries, a stance ("a message of building bridges"),
a spokesman's own point ("we have made this message clear"), and ministers who only read out
letters from their presidents.
"""

from __future__ import annotations

import pytest

import missive

pytestmark = pytest.mark.model


def _article(day: str, text: str) -> str:
    return f"DATE: {day}\n\n{text}\n"


def _messages(day: str, text: str) -> list[tuple[str, str, str]]:
    return [(e.source.country if e.source else "", e.target.country if e.target else "", e.medium)
            for e in missive.extract(_article(day, text)) if e.type == "message"]


def _cases(table: str) -> list[tuple[str, str, tuple[str, str]]]:
    """Rows "day SENDER RECIPIENT | text" (a text may run on over indented lines)."""
    out = []
    for r in table.strip().split("\n\n"):
        head, text = r.split("|", 1)
        day, a, b = head.split()
        out.append((day, " ".join(text.split()), (a, b)))
    return out


# each must give the message SENDER -> RECIPIENT
SENT = _cases("""
2023-11-21 ESP ARG | Spanish Prime Minister Pedro Sanchez issued a statement on social media on Monday
    saluting Javier Milei's win in the Argentine runoff.

2022-10-31 USA BRA | U.S. President Joe Biden released a statement complimenting Luiz Inacio Lula da Silva
    on his victory in Brazil's election.

2023-11-21 URY ARG | Among the first messages received by Javier Milei was a social media post from the
    Uruguayan president, Luis Lacalle Pou.

2023-05-09 KEN GBR | The Kenyan envoy, conveying to King Charles warm regards from President William Ruto,
    handed over a gift.

2021-02-11 BEL FJI | The following is the telegram of sympathy sent by the foreign minister, on behalf of
    King Philippe, to the people of Fiji.

2021-02-11 BEL FJI | The foreign minister, on behalf of King Philippe, sent a cable of sympathy to the people
    of Fiji on Wednesday.
""")

# none may give a message between the two, either way
NOT_SENT = _cases("""
2023-06-14 EGY QAT | Thanks to the joint efforts of Egypt and Qatar, the talks between the two sides have
    resumed.

2022-08-30 ZAF EGY | President Ramaphosa expressed his gratitude to Egypt and Qatar for their mediation
    efforts.

2024-03-19 NZL CHL | Premier Ardern welcomed the Chilean president and echoed her guest's message of
    building bridges across the Pacific.

2024-02-06 GUY VEN | "We have passed this message on to the Venezuelan government," the Guyanese foreign
    ministry spokesman told reporters.
""")


@pytest.mark.parametrize("day, text, pair", SENT, ids=[t[:48] for _, t, _ in SENT])
def test_a_message_told_in_other_words_is_a_message(day: str, text: str, pair: tuple[str, str]):
    assert pair in [m[:2] for m in _messages(day, text)], _messages(day, text)


@pytest.mark.parametrize("day, text, pair", NOT_SENT, ids=[t[:48] for _, t, _ in NOT_SENT])
def test_message_words_that_tell_no_message(day: str, text: str, pair: tuple[str, str]):
    found = [m[:2] for m in _messages(day, text)]
    assert pair not in found and pair[::-1] not in found, found


def test_regards_through_an_envoy_are_a_verbal_message():
    found = _messages("2023-05-09", "The Kenyan envoy, conveying to King Charles warm regards from President "
                                    "William Ruto, handed over a gift.")
    assert ("KEN", "GBR", "verbal_message") in found


def test_thanks_to_a_leader_for_his_message_is_still_a_reply():
    found = _messages("2020-02-20", "President Xi Jinping expressed his heartfelt thanks to Chairman Kim Jong Un "
                                    "for his message of sympathy on Thursday.")
    assert ("CHN", "PRK", "reply") in found


def test_a_message_of_condolence_is_not_a_stance():
    found = _messages("2023-02-08", "Prime Minister Modi sent a message of condolence to President Erdogan on "
                                    "Tuesday after the earthquake.")
    assert ("IND", "TUR") in [m[:2] for m in found]


def test_ministers_reading_out_their_presidents_letters_do_not_send_them():
    text = ("Presidents Lula and Boric exchanged letters on Monday for the anniversary of ties. At two receptions, "
            "foreign ministers Mauro Vieira and Alberto van Klaveren read the letters from their presidents.")
    events = missive.extract(_article("2023-05-16", text))
    senders = {e.source.name for e in events if e.type == "message" and e.source}
    assert not senders & {"Mauro Vieira", "Alberto van Klaveren"}, senders


def test_a_post_held_is_not_a_message():
    assert _messages("2024-02-06", "The ambassador left his post in Lima on Monday after four years.") == []
