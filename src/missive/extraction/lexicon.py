"""The extractor's vocabulary: trigger patterns (triggers.jsonl) and word groups (frame_words.csv).

A trigger is a spaCy Matcher token pattern with what it means: the event type, the medium, the
frame kind (how its parties are read) and the words its context must hold ("recalled" counts
only near "ambassador", "envoy"...). Rows name lemmas with a part of speech where that is what
is meant ({"LEMMA": "restore", "POS": "VERB"} covers "restoring", "restored", "restores"), and
exact forms where only one form is meant ({"LOWER": "talks"}: "a talk" is no meeting). Users add
a row ("heliograph") without touching code; the code knows only the frame kinds.

Lemmas come from inflection (the parser's lemmatizer is not run: see inflection.py), so the
lexicon also builds the table of forms -> lemma for every lemma any row names, and the set of
surface forms the lexical pre-filter looks for before anything is parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from ..errors import DataFileError
from ..knowledge.records import read_records
from ..knowledge.tables import Row, Table, read_table
from ..knowledge.inflection import forms_of, irregular_forms, lemma_table
from ..knowledge.word_groups import word_groups_of

WORD_KEYS = ("LEMMA", "LOWER", "ORTH", "TEXT")
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PATTERN_FILES = ("triggers", "role_patterns", "filter_patterns")
# A requirement a trigger row may list: met when the article told a call in the few sentences
# before ("had a telephone conversation with A ... On the same day, X spoke with B"), though the
# words near the trigger say no "phone". No word of a text is spelled so.
AFTER_CALL = "@after_call"
# Another: met when the article tells no meeting in person anywhere (no word of the groups 'in_person'
# and 'met_in_article': "met", "visit", "summit", "held talks", "received"...), so leaders who "spoke"
# or "discussed" did so from afar
# ("Erdogan and Zelensky discussed shipping on Tuesday, Ankara said").
APART = "@apart"
CONTEXT_WORDS = frozenset({AFTER_CALL, APART})  # requirements the article meets, not the words near the trigger


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of triggers.jsonl. The matched token is the first of the pattern."""

    word: str  # the row's id ("restore/verb")
    type: str
    medium: str
    pos: str  # verb | noun (knowledge.schema.TRIGGER_POS), from the pattern's part of speech
    frame: str  # one of knowledge.schema.FRAME_KINDS
    requires: frozenset[str]  # lemmas or words, one of which must be near the trigger
    pattern: tuple = ()
    where: str = ""
    by_context: bool = False  # admitted by CONTEXT_WORDS alone: the article, not the trigger's own words


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, Trigger]  # by row id, in file order
    groups: dict[str, frozenset[str]]  # group name -> every surface form it holds
    common_surnames: frozenset[str] = frozenset()  # bare surnames that need their country in the text
    lemmas: dict[tuple[str, str], str] = field(default_factory=dict)  # (form, VERB|NOUN) -> lemma
    prefilter: dict[str, tuple[frozenset[str] | None, ...]] = field(default_factory=dict)  # form -> requirements
    call_prefilter: dict[str, tuple[frozenset[str] | None, ...]] = field(default_factory=dict)  # the call rows'

    def group(self, name: str) -> frozenset[str]:
        return self.groups.get(name, frozenset())

    def in_group(self, token: Token, name: str) -> bool:
        """Does the group hold the token, as written or by its lemma?"""
        words = self.groups.get(name, frozenset())
        return token.lower_ in words or token.lemma_ in words

    def is_trigger_word(self, token: Token) -> bool:
        """Could the token be a trigger, whatever its context ("the letter", "the summit")?"""
        return any(word in self.prefilter for word in (token.lower_, token.lemma_) if word)

    def trigger_of_word(self, token: Token, frames: tuple[str, ...] = ()) -> Trigger | None:
        """The first single-token noun trigger the token matches by its word alone: what
        "telegram" means beside "congratulatory" in "a congratulatory telegram"."""
        for trig in self.triggers.values():
            if trig.pos == "noun" and len(trig.pattern) == 1 and (not frames or trig.frame in frames):
                if token.lower_ in _words_of_token(trig.pattern[0], self.lemmas, "NOUN"):
                    return trig
        return None

    def is_candidate(self, words: set[str]) -> bool:
        """The lexical pre-filter: does a sentence with these lower-case words hold a form some
        trigger can match, with one of the words its row requires?"""
        return _passes(self.prefilter, words)

    def tells_call(self, words: set[str]) -> bool:
        """Does a sentence with these words hold a call by its own words ("a telephone conversation")?"""
        return _passes(self.call_prefilter, words)


def _passes(prefilter: dict[str, tuple[frozenset[str] | None, ...]], words: set[str]) -> bool:
    for word in words & prefilter.keys():
        if any(need is None or need & words for need in prefilter[word]):
            return True
    return False


def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """Triggers and word groups: the package's rows extended by a data folder (default: the
    user's, $MISSIVE_DATA); a later line with the same trigger id replaces the earlier one, and
    a word group is the union of its rows."""
    return _lexicon(tuple(read_records(name, data_dir) for name in PATTERN_FILES), read_table("frame_words", data_dir),
                    read_table("common_surnames", data_dir), read_table("irregular_forms", data_dir))


@lru_cache(maxsize=4)
def _lexicon(pattern_files: tuple[Table, ...], word_rows: Table, surname_rows: Table,
             irregular_rows: Table) -> Lexicon:
    irregular = irregular_forms(irregular_rows)
    _check_lemmas(pattern_files, word_rows, irregular)
    lemmas = lemma_table(_named_lemmas(pattern_files, word_rows), irregular, _context_words(pattern_files))
    groups = dict(word_groups_of(word_rows, irregular_rows))
    triggers = {r["id"]: _trigger(r) for r in pattern_files[0].rows}
    surnames = frozenset(row["surname"].lower() for row in surname_rows.rows)
    prefilter = _prefilter(triggers.values(), lemmas, irregular)
    calls = _prefilter([t for t in triggers.values() if t.type == "call"], lemmas, irregular, by_context=False)
    return Lexicon(triggers, groups, surnames, lemmas, prefilter, calls)


def _trigger(row: Row) -> Trigger:
    pattern = row["pattern"]
    first = pattern[0]
    pos = _pos_of(first)
    if pos is None:
        raise DataFileError(f"{row.where}: the first token of a trigger needs a POS of VERB or NOUN/PROPN")
    if not any(k in first for k in WORD_KEYS):
        raise DataFileError(f"{row.where}: the first token of a trigger needs a word (LEMMA, LOWER or ORTH)")
    requires = frozenset(w.lower() for w in row.get("requires", ()))
    return Trigger(row["id"], row["type"], row.get("medium", ""), pos, row["frame"], requires, tuple(pattern),
                   row.where)


def _pos_of(token_pattern: dict[str, Any]) -> str | None:
    value = token_pattern.get("POS")
    values = set(value.get("IN", ())) if isinstance(value, dict) else {value}
    if values and values <= VERB_POS:
        return "verb"
    if values and values <= NOUN_POS:
        return "noun"
    return None


def _split(value: str | None) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in (value or "").split(";") if w.strip())


def _word_values(spec: Any) -> list[str]:
    """The words of a pattern value: "restore", {"IN": ["a", "b"]}; group names ("@x") excluded."""
    values = spec.get("IN", []) if isinstance(spec, dict) else [spec]
    return [v.lower() for v in values if isinstance(v, str) and not v.startswith("@")]


def _named_lemmas(pattern_files: Iterable[Table], word_rows: Table) -> set[tuple[str, str]]:
    """Every (lemma, VERB|NOUN) a row names: LEMMA values by their POS (both when none is
    given), and the lemmas of word groups with a part of speech."""
    out = {(lemma, c) for records in pattern_files for _, lemma, c in _lemma_values(records)}
    for row in word_rows.rows:
        if row.get("pos"):
            out |= {(w, row["pos"]) for w in _split(row["word"])}
    return out


def _lemma_values(records: Table) -> Iterator[tuple[Row, str, str]]:
    """(row, lemma, VERB|NOUN) for every LEMMA value of the rows' token patterns, by the token's POS
    (both classes when it gives none)."""
    for row in records.rows:
        for node in row.get("pattern", ()):
            token = node.get("RIGHT_ATTRS", node)
            pos = _pos_of(token)
            classes = ("VERB",) if pos == "verb" else ("NOUN",) if pos == "noun" else ("VERB", "NOUN")
            yield from ((row, lemma, c) for lemma in _word_values(token.get("LEMMA", [])) for c in classes)


def _check_lemmas(pattern_files: tuple[Table, ...], word_rows: Table,
                  irregular: dict[tuple[str, str], frozenset[str]]) -> None:
    """A LEMMA value that is an inflected form of another named lemma ("relations" beside "relation")
    fails at load: as a lemma of its own it would claim that form, and every row naming "relation"
    would silently stop matching "relations" (lemma_table lets a named lemma keep its own form)."""
    named = _named_lemmas(pattern_files, word_rows)
    by_form = {(form, pos): lemma for lemma, pos in sorted(named) for form in forms_of(lemma, pos, irregular)
               if form != lemma}
    for records in pattern_files:
        for row, value, pos in _lemma_values(records):
            if other := by_form.get((value, pos)):
                raise DataFileError(f"{row.where}: the LEMMA {value!r} is a form of the {pos.lower()} {other!r} "
                                    f"another row names: write {other!r}")


def _context_words(pattern_files: Iterable[Table]) -> set[tuple[str, str]]:
    """A trigger's required words, as either part of speech ("relation", "shake", "phone")."""
    return {(w.lower(), c) for records in pattern_files for row in records.rows
            for w in row.get("requires", ()) if w not in CONTEXT_WORDS for c in ("VERB", "NOUN")}


def _words_of_token(token: dict[str, Any], lemmas: dict[tuple[str, str], str], cls: str) -> frozenset[str]:
    """Every surface form a token pattern can match, by its LEMMA (forms of that class) or its word."""
    out: set[str] = set()
    for lemma in _word_values(token.get("LEMMA", [])):
        out |= {form for (form, c), lem in lemmas.items() if lem == lemma and c == cls} | {lemma}
    for key in ("LOWER", "ORTH", "TEXT"):
        out |= set(_word_values(token.get(key, [])))
    return frozenset(out)


def _prefilter(triggers: Iterable[Trigger], lemmas: dict[tuple[str, str], str],
               irregular: dict[tuple[str, str], frozenset[str]],
               by_context: bool = True) -> dict[str, tuple[frozenset[str] | None, ...]]:
    """Surface form of a trigger's first token -> what else its rows need in the sentence (None:
    nothing); a context word (AFTER_CALL, APART) stays a need of its own (the extractor adds it to a
    sentence's words when the article meets it), or is left out (by_context=False: what the words alone say)."""
    out: dict[str, list[frozenset[str] | None]] = {}
    for trig in triggers:
        cls = "VERB" if trig.pos == "verb" else "NOUN"
        words, context = trig.requires - CONTEXT_WORDS, trig.requires & CONTEXT_WORDS
        if context and not by_context and not words:
            continue
        need = frozenset(f for w in words for c in ("VERB", "NOUN") for f in forms_of(w, c, irregular)) or None
        if by_context and context:
            need = (need or frozenset()) | context
        for form in _words_of_token(trig.pattern[0], lemmas, cls):
            out.setdefault(form, []).append(need)
    return {form: tuple(needs) for form, needs in out.items()}


def expand_groups(pattern: list[dict[str, Any]], lexicon: Lexicon, where: str) -> list[dict[str, Any]]:
    """A pattern with its word-group names ("@negation" in an IN or NOT_IN list) replaced by the
    group's words, so rows share the lists of frame_words.csv; an unknown group fails at load."""
    def expand(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: expand(v) for k, v in value.items()}
        if isinstance(value, list):
            out: list[Any] = []
            for v in value:
                if isinstance(v, str) and v.startswith("@"):
                    if v[1:] not in lexicon.groups:
                        raise DataFileError(f"{where}: unknown word group {v!r}")
                    out += sorted(lexicon.groups[v[1:]])
                else:
                    out.append(expand(v))
            return out
        return value
    return [expand(node) for node in pattern]


def build_trigger_matcher(vocab: Vocab, lexicon: Lexicon) -> Matcher:
    """A spaCy Matcher with each trigger row's own pattern; the match id is the row's id."""
    matcher = Matcher(vocab)
    for word, trig in lexicon.triggers.items():
        try:
            matcher.add(word, [expand_groups(list(trig.pattern), lexicon, trig.where)])
        except (ValueError, KeyError) as exc:  # spaCy's own check of the pattern
            raise DataFileError(f"{trig.where}: not a valid spaCy Matcher pattern ({exc})") from exc
    return matcher
