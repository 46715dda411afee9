"""Occasion and medium of a message, read from the words around its trigger."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .frames import Frame
from .lexicon import Lexicon

_OCCASION_NOUNS = (
    r"(?:anniversary|re-?election|election|inauguration|birthday|new year|congress|plenum|national day|"
    r"independence day|victory day|crash|earthquake|disaster|flood|floods|epidemic|pandemic|death|passing|"
    r"appointment|victory|success|holiday|festival|attack|accident|fire)"
)
_PHRASE = (r"((?:the\s+|his\s+|her\s+|its\s+|their\s+|a\s+)?(?:[\w’'-]+\s+){0,6}?" + _OCCASION_NOUNS
           + r"(?:\s+(?:of|in)\s+[^,.;:“”\"]{0,80}?)?)(?=\s+(?:and|but|which|that|in which)\s|[,.;:“”\"]|$)")
# Strong markers say outright what a message is for; weak ones ("for", "on") only count when no
# strong one is in the sentence.
_STRONG = re.compile(r"(?:on the occasion of|to mark|marking|to commemorate|commemorating|to celebrate|"
                     r"celebrating|in honou?r of|to congratulate \w+ on)\s+" + _PHRASE, re.IGNORECASE)
_WEAK = re.compile(r"(?:for|on|over|about|after)\s+" + _PHRASE, re.IGNORECASE)


def find_occasion_text(text: str) -> str:
    """The occasion phrase of a sentence ("the 76th anniversary of the founding of North Korea")."""
    m = _STRONG.search(text) or _WEAK.search(text)
    return m.group(1).strip() if m else ""


VERBAL_WORDS = frozenset("verbal verbally oral orally".split())




def medium_of(frame: Frame, lex: Lexicon) -> str:
    """The message's medium: the trigger's own, or a more telling word next to it."""
    tok = frame.token
    near = [*tok.children, tok.head, *tok.head.children]
    for t in near:
        for g in [t, *t.children]:
            if g.lower_ in VERBAL_WORDS:
                return "verbal_message"
    if frame.trigger.type != "message":
        return frame.trigger.medium
    for t in _medium_words(tok):
        trig = lex.trigger_of_word(t, ("message", "message_weak"))
        if trig and trig.type == "message" and t != tok:
            if trig.medium in ("cable", "reply", "greeting"):
                return trig.medium
    if frame.trigger.frame in ("exchange", "congratulate"):
        for t in tok.subtree:
            trig = lex.trigger_of_word(t, ("message",))
            if trig and trig.type == "message":
                return trig.medium
    return frame.trigger.medium


def _medium_words(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("through", "by", "via", "in"):
            out += [g for g in c.subtree]
    return out
