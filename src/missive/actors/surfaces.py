"""Surfaces: the folded tokens a text is matched on, and the index of every known surface.

Names, titles, places and outlets are written many ways ("Kim Jong-un", "KIM JONG UN", "Díaz",
"Zelenskiy", "el-Sissi"); folding every word to a lower-case, accent-free form, rewriting it by
the known transliteration alternations of spellings.csv (a Spelling row each), and keying each
known surface by its joined keys lets a text be matched by a single leftmost-longest scan, with
case rules that keep "us" and "may" out. What a run of hits means in context is the mention
pass's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import DataFileError
from ..knowledge.words import TOKEN_RE, fold

KIND_ORDER = ("media", "organisation", "person", "place", "body", "epithet", "short", "title")
JOIN_GAP_RE = re.compile(r"[ \t\-'’.&]{0,3}")  # inside one name: "Jong-un", "People's", "U.S. Congress"
NAME_GAP_RE = re.compile(r"[ \t\-]{1,2}")  # between the words of a phrase
PAREN_GAP_RE = re.compile(r"[ \t()]{1,4}")  # "Democratic People's Republic of Korea (DPRK) ambassador"


@dataclass(frozen=True, slots=True)
class Spelling:
    """One transliteration alternation: a regular expression over a folded word and what it
    becomes in the matching key ('Zelenskiy' and 'Zelenskyy' both key as 'zelenski')."""

    pattern: re.Pattern[str]
    replacement: str


def read_spellings(rows: Iterable[Mapping[str, str]]) -> tuple[Spelling, ...]:
    """The rules of spellings.csv; a pattern that is no regular expression fails where it is."""
    rules = []
    for row in rows:
        try:
            rules.append(Spelling(re.compile(row["pattern"]), row.get("replacement", "")))
        except re.error as exc:
            where = getattr(row, "where", "spellings.csv")
            raise DataFileError(f"{where}: pattern {row['pattern']!r} is not a regular expression ({exc})") from exc
    return tuple(rules)


class Speller:
    """Folded word -> matching key, by the spelling rules in order (cached: names recur)."""

    def __init__(self, spellings: tuple[Spelling, ...] = ()) -> None:
        self.spellings = spellings
        self._keys: dict[str, str] = {}

    def key(self, folded: str) -> str:
        found = self._keys.get(folded)
        if found is None:
            found = folded
            for rule in self.spellings:
                found = rule.pattern.sub(rule.replacement, found)
            self._keys[folded] = found = found or folded
        return found

    def text_key(self, text: str) -> str:
        """A whole name's key: 'Abdel Fattah el-Sissi' = 'Abdel-Fattah al-Sisi'."""
        return "".join(self.key(fold(t)) for t in TOKEN_RE.findall(text))


@dataclass(frozen=True, slots=True)
class Entry:
    """What one dictionary surface stands for."""

    kind: str  # person | short | place | body | organisation | epithet | title | media
    target: str  # person index, ISO3, title role, organisation or epithet index, or outlet name
    form: str  # how it was written: name, alias, demonym, capital, official, short_form, ...
    is_acronym: bool
    cap_at: int = 0  # the word that must be capitalised in the text ("the North": 1)
    caps: tuple[int, ...] = ()  # outlets: every capitalised word must be ("Russia Today", not "Russia today")


@dataclass(frozen=True, slots=True)
class Item:
    """A run of tokens [t0, t1) that the dictionary or the name rule recognised."""

    kind: str  # an Entry kind, or "name" for an unknown capitalised name
    t0: int
    t1: int
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    raw: str
    norm: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


class SurfaceIndex:
    """Surfaces keyed by their joined word keys, with every token prefix for early stops."""

    def __init__(self, speller: Speller | None = None) -> None:
        self.speller = speller or Speller()
        self.entries: dict[str, list[Entry]] = {}
        self.prefixes: set[str] = set()
        self.words: set[str] = set()  # single words of actor surfaces, for the pre-filter
        self.connecting: set[str] = set()  # 'of', 'the': lower-case inside capitalised names
        self.max_tokens = 1

    def add(self, surface: str, kind: str, target: str, form: str) -> None:
        words = TOKEN_RE.findall(surface)
        if not words:
            return
        letters = "".join(words)
        is_acronym = letters.isupper() and len(letters) <= 6
        folded = [fold(w) for w in words]
        keys = [self.speller.key(f) for f in folded]
        key = "".join(keys)
        if kind not in ("media", "epithet", "organisation"):
            self.words.update(folded)
            if words[0][:1].isupper():
                self.connecting.update(f for w, f in zip(words, folded) if w.islower())
        bucket = self.entries.setdefault(key, [])
        cap_at = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)
        caps = tuple(k for k, w in enumerate(words) if w[:1].isupper()) if kind == "media" else ()
        entry = Entry(kind, target, form, is_acronym, cap_at, caps)
        if entry not in bucket:
            bucket.append(entry)
        for i in range(1, len(keys) + 1):
            self.prefixes.add("".join(keys[:i]))
        self.max_tokens = max(self.max_tokens, len(folded) + 2)

    def scan(self, text: str, toks: list[Token], any_case: bool = False, start: int = 0,
             stop: int | None = None) -> list[Item]:
        """Leftmost-longest dictionary hits (in toks[start:stop]); case rules keep 'us' and 'may' out."""
        items, i, n = [], start, len(toks) if stop is None else stop
        while i < n:
            key, best = "", None
            for j in range(i, min(n, i + self.max_tokens)):
                if j > i and not JOIN_GAP_RE.fullmatch(text, toks[j - 1].end, toks[j].start):
                    break
                key += self.speller.key(toks[j].norm)
                if key not in self.prefixes:
                    break
                fitting = tuple(e for e in self.entries.get(key, ()) if any_case or fits_case(e, toks[i : j + 1]))
                if fitting and all(e.form == "short_forms" for e in fitting) and j + 1 < n \
                        and toks[j + 1].raw[:1].isupper() and NAME_GAP_RE.fullmatch(text, toks[j].end, toks[j + 1].start):
                    fitting = ()  # "the South Korean ...": not the short form "the South"
                if fitting:
                    best = (j + 1, fitting)
            if best:
                kind = min((e.kind for e in best[1]), key=KIND_ORDER.index)
                items.append(Item(kind, i, best[0], tuple(e for e in best[1] if e.kind == kind)))
                i = best[0]
            else:
                i += 1
        return items


def fits_case(entry: Entry, toks: list[Token]) -> bool:
    if entry.is_acronym:
        return all(t.raw.isupper() for t in toks)
    if entry.caps and not all(toks[k].raw[:1].isupper() for k in entry.caps if k < len(toks)):
        return False
    return entry.kind in ("title", "epithet") or toks[min(entry.cap_at, len(toks) - 1)].raw[:1].isupper()
