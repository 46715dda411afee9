"""Calls as official readouts and wire copy tell them: who called whom, and what was said in them.

Each row is a short article written for this file (other countries, leaders, outlets and years
than the devset's), with every event a careful reader records, in the notation of event_spec.py
and compared as the devset scorer compares in its strict form. The constructions:

- a list of callers ("received congratulatory calls from the presidents of A, B and C", a
  semicolon list of honorifics and appositions) is one call per caller; a former office-holder
  in the list calls for no state;
- what is said during a call (congratulations, condolences, thanks, greetings), in the call's
  sentence or in the readout's sentences after it, is the call, not a message of its own; a
  letter sent or a message posted beside the call stays a message.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from event_spec import assert_extracted

pytestmark = pytest.mark.model


def _article(text: str) -> str:
    """A line indented two spaces more than the one before continues it (wrapped for reading)."""
    return re.sub(r"\n {2,}", " ", textwrap.dedent(text).strip()) + "\n"


CASES = {
    "caller-list-of-presidents": ("""
        ACCRA, March 12, 2024 (GNA) - President Nana Akufo-Addo on Monday received congratulatory calls from
          the Presidents of Kenya, Senegal and Brazil after his party's win in the by-elections.
        """, ["call KEN-GHA 2024-03-11", "call SEN-GHA 2024-03-11", "call BRA-GHA 2024-03-11"]),
    "caller-list-with-semicolons": ("""
        Press release, Office of the President, 14 June 2022

        President Hakainde Hichilema today received telephone calls from H.E. Mr. Cyril Ramaphosa, President
          of the Republic of South Africa; H.E. Dr. Hage G. Geingob, President of Namibia; and H.E. Mr. Tomas
          Vaz, President of Cape Verde, congratulating him on the first anniversary of his inauguration.
        """, ["call ZAF-ZMB", "call NAM-ZMB", "call CPV-ZMB"]),
    "former-leader-in-a-caller-list": ("""
        DODOMA, July 9, 2023 (Daily News) - President Samia Suluhu Hassan on Saturday received phone calls
          from Kenyan President William Ruto and former Malawian President Peter Mutharika, congratulating
          her on the reopening of the border post.
        """, ["call KEN-TZA 2023-07-08"]),
    "congratulated-in-a-phone-call": ("""
        NAIROBI, June 4, 2024 (KNA) - Kenyan President William Ruto congratulated Mexican President-elect
          Claudia Sheinbaum in a phone call on Monday.
        """, ["call KEN-MEX 2024-06-03"]),
    "received-a-call-congratulating-him": ("""
        JAKARTA, Feb. 16, 2024 (Antara) - President Joko Widodo on Thursday received a telephone call from
          Singapore's Prime Minister Lee Hsien Loong, congratulating him on the smooth conduct of the elections.
        """, ["call SGP-IDN 2024-02-15"]),
    "readout-tells-what-was-said": ("""
        CANBERRA, 3 May 2023 (AAP) - Prime Minister Anthony Albanese received a telephone call on Tuesday
          from New Zealand Prime Minister Chris Hipkins.
        Mr Hipkins warmly congratulated Mr Albanese on the passage of the budget.
        Mr Albanese thanked Mr Hipkins for his good wishes and conveyed his condolences over the floods in
          Auckland.
        """, ["call NZL-AUS 2023-05-02"]),
    "a-letter-beside-the-call-stays-a-message": ("""
        LIMA, Oct. 20, 2022 (Andina) - Peruvian President Pedro Castillo spoke by phone with Chilean President
          Gabriel Boric on Wednesday. Castillo also sent a letter to Boric on the reopening of
          their border crossing.
        """, ["call PER-CHL 2022-10-19", "message PER>CHL ..2022-10-20"]),
    "a-posted-congratulation-stays-a-message": ("""
        OTTAWA, Nov. 9, 2022 (CP) - Canadian Prime Minister Justin Trudeau spoke by phone with Brazilian
          President-elect Luiz Inacio Lula da Silva on Tuesday. Trudeau had posted his congratulations to Lula
          on the day of the runoff.
        """, ["call CAN-BRA 2022-11-08", "message CAN>BRA ..2022-11-09"]),
    # a call without the word "phone", once the article has told a call just before
    "last-spoke-after-a-phone-call": ("""
        WARSAW, Oct. 17, 2023 (PAP) - Polish President Andrzej Duda held a telephone conversation with
          Lithuanian President Gitanas Nauseda on Monday. The presidents discussed security on NATO's eastern
          flank. The two leaders last spoke on 4 July 2023.
        """, ["call POL-LTU 2023-10-16", "call POL-LTU 2023-07-04"]),
    "spoke-with-another-after-a-phone-call": ("""
        ANKARA, Aug. 3, 2023 (Anadolu) - Turkish President Recep Tayyip Erdogan had a telephone conversation
          with Azerbaijani President Ilham Aliyev on Tuesday. They discussed the situation in the region. On
          the same day, Erdogan spoke with Georgian Prime Minister Irakli Garibashvili.
        """, ["call TUR-AZE 2023-08-01", "call TUR-GEO ..2023-08-03"]),
    "spoke-on-the-sidelines-is-no-call": ("""
        ANKARA, July 12, 2023 (Anadolu) - Turkish President Recep Tayyip Erdogan had a telephone conversation
          with Azerbaijani President Ilham Aliyev on Monday. On Tuesday, Erdogan spoke with Georgian Prime
          Minister Irakli Garibashvili on the sidelines of the summit in Vilnius.
        """, ["call TUR-AZE 2023-07-10", "meeting TUR-GEO 2023-07-11"]),
    # "his" in what one briefs another on is the briefer's
    "briefed-on-his-own-call": ("""
        NAIROBI, May 8, 2024 (KNA) - Kenyan President William Ruto called Tanzanian President Samia Suluhu
          Hassan on Tuesday after holding a phone conversation with Ugandan President Yoweri Museveni. Ruto
          briefed his Tanzanian counterpart on the details of his phone call with Museveni.
        """, ["call KEN-TZA 2024-05-07", "call KEN-UGA ..2024-05-08"]),
    # "that country" is the country last named; a possessive visitor of the visited country visits no one
    "recalled-his-visit-to-that-country": ("""
        ACCRA, Aug. 9, 2023 (GNA) - President Nana Akufo-Addo on Tuesday received a telephone call from
          President Macky Sall of Senegal. Akufo-Addo thanked President Sall of Senegal for his call and
          recalled his visit to that country in March 2022.
        """, ["call SEN-GHA 2023-08-08", "meeting GHA-SEN 2022-03"]),
    # a gapped conjunct: the same doer, another counterpart, its own date
    "separate-video-calls-with-a-gapped-conjunct": ("""
        NAIROBI, Oct. 4, 2023 (KNA) - President William Ruto will host South African President Cyril
          Ramaphosa and Nigerian President Bola Tinubu in Nairobi this month. Ruto held separate video calls
          with Ramaphosa in January and Tinubu in April.
        """, ["call KEN-ZAF 2023-01", "call KEN-NGA 2023-04"]),
    "phone-with-one-and-with-another": ("""
        LIMA, Oct. 20, 2022 (Andina) - Peruvian President Pedro Castillo spoke by phone with Chilean President
          Gabriel Boric on Monday and with Bolivian President Luis Arce on Wednesday.
        """, ["call PER-CHL 2022-10-17", "call PER-BOL 2022-10-19"]),
    "a-new-clause-after-and-is-no-conjunct": ("""
        LIMA, Oct. 20, 2022 (Andina) - Peruvian President Pedro Castillo spoke by phone with Chilean President
          Gabriel Boric on Monday and Bolivian President Luis Arce criticised the call on Wednesday.
        """, ["call PER-CHL 2022-10-17"]),
    "spoke-from-afar-is-a-call": ("""
        ANKARA, July 12, 2023 (Anadolu) - Turkish President Recep Tayyip Erdogan spoke with Georgian Prime
          Minister Irakli Garibashvili on Tuesday about the transit corridor.
        """, ["call TUR-GEO 2023-07-11"]),  # GAPS 18: leaders of two states, no meeting in person told
    "spoke-on-the-sidelines-is-a-meeting-not-a-call": ("""
        ANKARA, July 12, 2023 (Anadolu) - Turkish President Recep Tayyip Erdogan spoke with Georgian Prime
          Minister Irakli Garibashvili on Tuesday on the sidelines of a regional summit in Vilnius.
        """, ["meeting TUR-GEO 2023-07-11"]),
    "spoke-after-talks-in-person-is-no-call": ("""
        ANKARA, July 12, 2023 (Anadolu) - Turkish President Recep Tayyip Erdogan held talks with Azerbaijani
          President Ilham Aliyev in Ankara on Monday. On Tuesday, Erdogan spoke with Georgian Prime Minister
          Irakli Garibashvili about the transit corridor.
        """, ["meeting TUR-AZE 2023-07-10"]),
    "ministers-who-discussed-are-no-call-between-states-alone": ("""
        ANKARA, July 12, 2023 (Anadolu) - Turkey and Georgia discussed the transit corridor on Tuesday.
        """, []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_call(name: str, extractor):
    text, expect = CASES[name]
    assert_extracted(_article(text), expect, extractor)
