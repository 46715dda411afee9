"""Background or news peg, decided from the discourse as well as the date (sentences of our own).

The conventions mark as background an interaction the article mentions as context, not its news
peg. Each case is a short article and, per event, whether it is background.
"""

from __future__ import annotations

import pytest

import missive

pytestmark = pytest.mark.model

# (article, [(type, source, target, is_background)])
CASES = [
    # the lead is the news; "Earlier, ..." is context
    ("DATE: 2024-02-17\n\nKazakh President Kassym-Jomart Tokayev congratulated Chinese President Xi Jinping on the "
     "Spring Festival, his office said on Saturday.\n\nEarlier, Tokayev congratulated Lithuanian President Gitanas "
     "Nauseda on the national holiday.\n",
     [("message", "KAZ", "CHN", False), ("message", "KAZ", "LTU", True)]),
    # a "Background" heading
    ("DATE: 2025-07-01\n\nChilean President Gabriel Boric spoke by phone with Peruvian President Dina Boluarte on "
     "Tuesday about the border crossings.\n\nBackground:\n\nArgentine President Javier Milei met Boluarte in Lima "
     "during the regional summit.\n",
     [("call", "CHL", "PER", False), ("meeting", "ARG", "PER", True)]),
    # the past perfect tells what happened before the news
    ("DATE: 2024-05-06\n\nSomalia restored diplomatic relations with Kenya on Thursday, the foreign ministry said."
     "\n\nThe two countries had severed ties over a maritime dispute.\n",
     [("relations", "SOM", "KEN", False), ("relations", "SOM", "KEN", True)]),
    # "days after" an act: that act is context
    ("DATE: 2018-07-12\n\nChilean President Sebastian Pinera wrote to Peruvian President Martin Vizcarra on "
     "Thursday, days after Peru's foreign minister held talks with Chile's foreign minister in Lima.\n",
     [("message", "CHL", "PER", False), ("meeting", "PER", "CHL", True)]),
    # the lead's letter is the news even when it was written six days before the report
    ("DATE: 2018-07-12\n\nChilean President Sebastian Pinera said on Thursday that Peruvian President Martin "
     "Vizcarra sent him a very warm letter on Friday about the fisheries accord.\n",
     [("message", "PER", "CHL", False)]),
    # the lead's pair and type on another day is an earlier occasion
    ("DATE: 2024-02-12\n\nChilean President Gabriel Boric received Peruvian President Dina Boluarte for an hourlong "
     "meeting in Santiago on Monday.\n\nOn Sunday, Boric and Boluarte met informally at a football match in "
     "Valparaiso.\n",
     [("meeting", "PER", "CHL", False), ("meeting", "CHL", "PER", True)]),
    # an event over months before the report day is history
    ("DATE: 2024-07-18\n\nSaudi Crown Prince Mohammed bin Salman spoke by phone with Iranian President-elect Masoud Pezeshkian on "
     "Wednesday.\n\nThe two countries restored diplomatic relations in March 2023.\n",
     [("call", "SAU", "IRN", False), ("relations", "SAU", "IRN", True)]),
]


def _flags(text: str) -> list[tuple]:
    return [(e.type, e.source.country if e.source else "", e.target.country if e.target else "", e.background)
            for e in missive.extract(text)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][18:60] for c in CASES])
def test_context_is_background_and_the_news_is_not(text, expected):
    found = _flags(text)
    for type_, src, tgt, is_bg in expected:
        same = [f for f in found if f[0] == type_ and ({f[1], f[2]} == {src, tgt})]
        assert any(f[3] == is_bg for f in same), f"{(type_, src, tgt, is_bg)} not in {found}"
