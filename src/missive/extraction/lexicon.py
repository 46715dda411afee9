"""Trigger words and word groups, read from data/triggers.csv and data/frame_words.csv.

Patterns are data so that users can add a trigger ("telegraphed", "videoconference") without
touching code; the code knows only the frame kinds (send, receive, exchange, meet, ...).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from ..errors import DataFileError

TAG_PATTERNS = {"verb": {"REGEX": "^(VB|MD)"}, "noun": {"REGEX": "^NN"}}


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    type: str
    medium: str
    pos: str  # verb | noun
    frame: str  # message, message_weak, express, congratulate, exchange, call, meet, visit, sign, relations, mission, envoy
    requires: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, Trigger]
    groups: dict[str, frozenset[str]]
    common_surnames: frozenset[str] = frozenset()  # bare surnames that need their country in the text

    def group(self, name: str) -> frozenset[str]:
        return self.groups.get(name, frozenset())


def _read_csv(path: Path | None, name: str) -> list[dict[str, str]]:
    try:
        if path is None:
            text = resources.files("missive.data").joinpath(name).read_text(encoding="utf-8")
        else:
            text = (path / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read ({exc})") from exc
    return list(csv.DictReader(text.splitlines()))


def _split(value: str | None) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in (value or "").split(";") if w.strip())


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Triggers and word groups, from the package data or a user's folder of the same files."""
    triggers = {}
    for n, row in enumerate(_read_csv(data_dir, "triggers.csv"), 2):
        try:
            word = row["word"].strip().lower()
            triggers[word] = Trigger(word, row["type"], row["medium"] or "", row["pos"], row["frame"],
                                     _split(row.get("requires")))
        except (KeyError, AttributeError) as exc:
            raise DataFileError(f"triggers.csv:{n}: malformed row ({exc})") from exc
    groups = {row["group"]: _split(row["word"]) for row in _read_csv(data_dir, "frame_words.csv")}
    surnames = frozenset(row["surname"].strip().lower() for row in _read_csv(data_dir, "common_surnames.csv"))
    return Lexicon(triggers, groups, surnames)


def build_trigger_matcher(vocab: Vocab, lexicon: Lexicon) -> Matcher:
    """A spaCy Matcher with one token pattern per trigger row (surface form + part of speech),
    so the rows of triggers.csv are the patterns; the match id is the trigger's word."""
    matcher = Matcher(vocab)
    for word, trig in lexicon.triggers.items():
        matcher.add(word, [[{"LOWER": word, "TAG": TAG_PATTERNS[trig.pos]}]])
    return matcher
