"""Multilateral and distributed meetings and agreements, on short articles of our own, through the model.

Each row is an article and every event a careful reader records (event_spec notation, compared
as the devset scorer compares: a meeting's or signing's countries as a set). The constructions:
talks held pairwise ("separate bilateral meetings between the three", "a series of bilateral
meetings with A and B": one meeting per pair, never one among all), and gatherings whose
participants the text gives elsewhere or by a group.
"""

from __future__ import annotations

import pytest

from event_spec import assert_extracted

pytestmark = pytest.mark.model

LIMA = "LIMA, Nov. 17, 2024 (Andina) - Chinese President Xi Jinping and US President Joe Biden met on Saturday "

# (what the case shows, the article, the events a careful reader records, events also acceptable)
CASES: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    # pairwise: one meeting per pair
    ("a-series-of-bilateral-meetings-with-two",
     "LUSAKA, April 9, 2023 (ZNBC) - President Hakainde Hichilema held a series of bilateral meetings with "
     "Malawian President Lazarus Chakwera and Namibian President Hage Geingob on Saturday.",
     ("meeting ZMB-MWI 2023-04-08", "meeting ZMB-NAM 2023-04-08"), ()),
    ("separate-talks-with-two",
     "DOHA, March 3, 2023 (QNA) - The emir held separate talks with the presidents of Turkey and Egypt on Thursday.",
     ("meeting QAT-TUR 2023-03-02", "meeting QAT-EGY 2023-03-02"), ()),
    ("bilateral-talks-with-the-leaders-of-two",
     "ASTANA, Oct. 14, 2023 (Kazinform) - Before the forum opened, Putin held bilateral talks on Friday with "
     "the leaders of Kyrgyzstan and Tajikistan.",
     ("meeting RUS-KGZ 2023-10-13", "meeting RUS-TJK 2023-10-13"), ()),
    ("separate-bilateral-meetings-between-the-three",
     "ARUSHA, June 5, 2023 (KNA) - The presidents of Kenya, Uganda and Tanzania convened in Arusha for two "
     "days of talks. Separate bilateral meetings between the three countries took place on Friday.",
     ("meeting KEN-UGA 2023-06-02", "meeting KEN-TZA 2023-06-02", "meeting TZA-UGA 2023-06-02"),
     ("meeting KEN+TZA+UGA",)),
    ("met-two-without-bilateral-stays-one-meeting",
     "PARIS, Nov. 12, 2023 (AFP) - President Emmanuel Macron met German Chancellor Olaf Scholz and Italian Prime "
     "Minister Giorgia Meloni in Paris on Saturday.",
     ("meeting DEU+FRA+ITA 2023-11-11",), ()),
    # a dateline that lost its dash is where and when, not the first signatory
    ("dateline-without-a-dash-is-no-party",
     "Hanoi, May 4 Vietnamese Prime Minister Pham Minh Chinh, Lao Prime Minister Sonexay Siphandone and Cambodian "
     "Prime Minister Hun Manet signed a statement on the Mekong dams.",
     ("agreement KHM+LAO+VNM",), ("meeting KHM+LAO+VNM",)),
    # the document named again with "the" is the signing told before, not a bilateral one
    ("signing-the-statement-again-is-the-same-signing",
     "HANOI, May 4, 2023 (VNA) - The prime ministers of Vietnam, Laos and Cambodia signed a joint statement on "
     "Tuesday. Hun Manet spoke with Pham Minh Chinh by phone before signing the statement.",
     ("agreement KHM+LAO+VNM 2023-05-02", "call KHM-VNM ..2023-05-04"), ("meeting KHM+LAO+VNM 2023-05-02",)),
    ("another-document-of-two-signatories-stays-apart",
     "HANOI, May 4, 2023 (VNA) - The prime ministers of Vietnam, Laos and Cambodia signed a joint statement on "
     "Tuesday. Vietnam and Laos also signed a trade accord.",
     ("agreement KHM+LAO+VNM 2023-05-02", "agreement LAO-VNM 2023-05-02"), ("meeting KHM+LAO+VNM 2023-05-02",)),
    # a footnote mark closes its sentence: the next one's date is its own
    ("footnote-mark-ends-a-sentence",
     "The presidents of Chile and Peru met in Lima on 3 March 2023.[ii] The leaders of Bolivia, Paraguay and "
     "Uruguay met in Asuncion on 9 April 2023.",
     ("meeting CHL-PER 2023-03-03", "meeting BOL+PRY+URY 2023-04-09"), ()),
    # a counted gathering ("trilateral", "quadrilateral") takes the nearest sentence naming that many parties
    ("four-way-talks-named-two-sentences-on",
     "GENEVA, Feb. 10, 2023 (AFP) - On February 8, four-way negotiations on the dam were held in Geneva. The "
     "parties agreed to set up a technical committee. Delegations of Egypt, Sudan, Ethiopia and the African Union "
     "will return next month.",
     ("meeting EGY+ETH+SDN 2023-02-08",), ()),
    ("trilateral-summit-of-the-three-named-before",
     "TOKYO, June 2, 2023 (Kyodo) - The foreign ministers of India, Japan and Australia met in Tokyo on Thursday. "
     "The previous trilateral meeting was held in March 2022 in New Delhi.",
     ("meeting AUS+IND+JPN 2023-06-01", "meeting AUS+IND+JPN 2022-03"), ()),
    ("a-count-no-sentence-fits-gives-nothing",
     "BRASILIA, May 3, 2023 (Reuters) - Brazil's president Luiz Inacio Lula da Silva met Argentine President "
     "Alberto Fernandez on Tuesday. Officials said a trilateral meeting had been held last year.",
     ("meeting ARG-BRA 2023-05-02",), ()),
    # what was not done, or is still ahead
    ("stayed-home-rather-than-attend",
     "MOSCOW, June 3, 2012 (AP) - Last month, President Vladimir Putin stayed home rather than attend a meeting "
     "of Group of Eight leaders that President Barack Obama hosted near Washington.",
     (), ()),
    ("summit-of-a-declaration-they-will-announce",
     "BANGKOK, May 27, 2024 (TNA) - Thai Prime Minister Srettha Thavisin met Indonesian President Joko Widodo and "
     "Malaysian Prime Minister Anwar Ibrahim on Sunday. They will announce a joint declaration adopted during "
     "their summit.",
     ("meeting IDN+MYS+THA 2024-05-26",), ()),
    # "his" in "said in his meeting with" is the speaker: the meeting told before, not a third party's
    ("said-in-his-meeting-is-the-speakers-meeting",
     "ANKARA, Sept. 5, 2023 (AA) - President Recep Tayyip Erdogan met Azerbaijani President Ilham Aliyev on "
     "Monday. Russian President Vladimir Putin also sent a message. The Turkish president said in his meeting "
     "with the Azerbaijani leader that trade would grow.",
     ("meeting TUR-AZE 2023-09-04",), ("message RUS>TUR ..2023-09-05", "message RUS>AZE ..2023-09-05")),
    ("thanked-him-for-his-letter-stays-the-object",
     "TASHKENT, Nov. 8, 2023 (UzA) - President Shavkat Mirziyoyev thanked Kazakh President Kassym-Jomart Tokayev "
     "for his letter on Tuesday.",
     ("message KAZ>UZB ..2023-11-08",), ("message UZB>KAZ 2023-11-07",)),
    # "than last year, when ... met": the date is the when-clause's, however the parser hangs it
    ("last-year-when-they-met",
     "KAMPALA, March 3, 2024 (NV) - The mood in Arusha was calmer than last year, when the presidents of Kenya, "
     "Uganda and Rwanda met in Entebbe after the border clashes.",
     ("meeting KEN+RWA+UGA 2023",), ()),
    # a summit that names no party is the article's summit: the people of its sentences (and of the
    # group's, "the APEC host") take part; an as-clause happens when its main clause's act did
    ("the-summit-the-leaders-gathered-for", LIMA + "on the sidelines of the APEC summit in Lima. The two leaders "
     "held their talks at a hotel, as leaders of the Pacific economies gathered for a two-day summit. The APEC "
     "host, Peruvian President Dina Boluarte, welcomed the guests with a dinner at the palace.",
     ("meeting CHN-USA 2024-11-16", "meeting CHN+PER+USA 2024-11-16"), ()),
    ("a-summit-of-two-named-people-is-no-multilateral-one", LIMA + "in Lima. The two leaders held their talks at "
     "a hotel, as the regional summit opened. Officials in Peru said the summit would end on Sunday.",
     ("meeting CHN-USA 2024-11-16",), ()),
    # a numbered group named after it: later in its sentence, or in the next sentence
    ("the-three-countries-named-later-in-the-sentence",
     "NAIROBI, Sept. 3, 2023 (KNA) - The three countries signed the treaty on Friday after the presidents of "
     "Kenya, Uganda and Rwanda met in Nairobi.",
     ("agreement KEN+RWA+UGA 2023-09-01", "meeting KEN+RWA+UGA 2023-09-01"), ()),
    ("all-four-governments-named-in-the-next-sentence",
     "DJIBOUTI, Feb. 20, 2024 (ADI) - All four governments and the EU signed the port roadmap on Monday. The "
     "foreign ministers of Ethiopia, Kenya, Somalia and Djibouti had met in the capital for two days.",
     ("agreement DJI+ETH+KEN+SOM 2024-02-19",), ("meeting DJI+ETH+KEN+SOM", "meeting DJI+ETH+KEN+SOM 2024-02-19")),
]


@pytest.mark.parametrize(("text", "expected", "also_ok"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_multilateral_and_distributed(text: str, expected: tuple[str, ...], also_ok: tuple[str, ...], extractor):
    """Every event the case expects is there, and nothing else but what it also accepts."""
    assert_extracted(text + "\n", expected, extractor, also_ok)
