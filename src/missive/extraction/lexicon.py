"""Trigger words and word groups: the rows of triggers.csv and frame_words.csv as the extractor uses them.

Patterns are data so that users can add a trigger ("telegraphed", "videoconference") without
touching code; the code knows only the frame kinds (send, receive, exchange, meet, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from ..knowledge.tables import Table, read_table
from ..knowledge.word_groups import word_groups_of

TAG_PATTERNS = {"verb": {"REGEX": "^(VB|MD)"}, "noun": {"REGEX": "^NN"}}


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    type: str
    medium: str
    pos: str  # verb | noun
    frame: str  # one of knowledge.schema.FRAME_KINDS
    requires: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, Trigger]
    groups: dict[str, frozenset[str]]
    common_surnames: frozenset[str] = frozenset()  # bare surnames that need their country in the text

    def group(self, name: str) -> frozenset[str]:
        return self.groups.get(name, frozenset())


def _split(value: str | None) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in (value or "").split(";") if w.strip())


def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """Triggers and word groups: the package's rows extended by a data folder (default: the
    user's, $MISSIVE_DATA); a later row for the same trigger word replaces the earlier one, and
    a word group is the union of its rows."""
    return _lexicon(read_table("triggers", data_dir), read_table("frame_words", data_dir),
                    read_table("common_surnames", data_dir))


@lru_cache(maxsize=4)
def _lexicon(trigger_rows: Table, word_rows: Table, surname_rows: Table) -> Lexicon:
    triggers = {}
    for row in trigger_rows.rows:
        word = row["word"].lower()
        triggers[word] = Trigger(word, row["type"], row["medium"], row["pos"], row["frame"], _split(row.get("requires")))
    groups = dict(word_groups_of(word_rows))
    surnames = frozenset(row["surname"].lower() for row in surname_rows.rows)
    return Lexicon(triggers, groups, surnames)


def build_trigger_matcher(vocab: Vocab, lexicon: Lexicon) -> Matcher:
    """A spaCy Matcher with one token pattern per trigger row (surface form + part of speech),
    so the rows of triggers.csv are the patterns; the match id is the trigger's word."""
    matcher = Matcher(vocab)
    for word, trig in lexicon.triggers.items():
        matcher.add(word, [[{"LOWER": word, "TAG": TAG_PATTERNS[trig.pos]}]])
    return matcher
