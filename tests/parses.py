"""Hand-built parses: a sentence's tokens, tags, dependencies and heads written out, so that the
rules that read a parse are tested without the statistical model (and whatever it would make of
the sentence this year).

    doc = parse("Kim/NNP/nsubj/1 wrote/VBD/ROOT/1 ./././1")

Each token is word/tag/dep/head, the head a token index; a "/" inside a word is not supported.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from missive.extraction.frames import Frame
from missive.extraction.lexicon import Trigger

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num) without a model


def parse(spec: str) -> Doc:
    words, tags, deps, heads = [], [], [], []
    for item in spec.split():
        word, tag, dep, head = item.rsplit("/", 3)
        words.append(word)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
    return Doc(_VOCAB, words=words, tags=tags, deps=deps, heads=heads)


def token(doc: Doc, word: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == word][nth]


def frame(doc: Doc, word: str, type_: str, kind: str, pos: str = "noun", medium: str = "") -> Frame:
    """A frame on the trigger `word`, its verb the nearest verb above it (as the reader finds it)."""
    tok = token(doc, word)
    verb = tok if pos == "verb" else next((t for t in tok.ancestors if t.tag_.startswith("VB")), None)
    return Frame(Trigger(word.lower(), type_, medium, pos, kind, frozenset()), tok, verb)


def placed(doc: Doc, words: str, actor) -> "Placed":
    """The mention of `actor` on the consecutive tokens `words` of the doc (character offsets)."""
    from missive.extraction.cast import Placed

    first = words.split()
    for t in doc:
        if [x.text for x in doc[t.i:t.i + len(first)]] == first:
            last = doc[t.i + len(first) - 1]
            return Placed(t.idx, last.idx + len(last), actor)
    raise ValueError(words)
