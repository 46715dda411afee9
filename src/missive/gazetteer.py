"""The gazetteer: what every surface in the CSV data stands for, and the tokens it is matched on.

Names, titles, places and outlets come from user-extendable CSV tables; this module turns their
rows into immutable records (people with dated terms of office, countries, dictionary entries)
and into one lexicon keyed by folded tokens, so that a text is matched by a single
longest-first scan. It knows nothing about what a run of hits means in context: that is the
mention pass's job.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROLE_ORDER = ("head_of_state", "head_of_government", "party_leader", "foreign_minister", "official", "ambassador")
HOLDER_ROLES = ("leader", "head_of_state", "head_of_government", "party_leader", "foreign_minister")
KIND_ORDER = ("media", "person", "place", "body", "short", "title")
TOKEN_RE = re.compile(r"[^\W_]+")
JOIN_GAP_RE = re.compile(r"[ \t\-'’.&]{0,3}")  # inside one name: "Jong-un", "People's", "U.S. Congress"
NAME_GAP_RE = re.compile(r"[ \t\-]{1,2}")  # between the words of a phrase
PAREN_GAP_RE = re.compile(r"[ \t()]{1,4}")  # "Democratic People's Republic of Korea (DPRK) ambassador"
FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "’": "'"})


def fold(word: str) -> str:
    """Lower-case, accent-free form of a word: 'Díaz' and 'DIAZ' become 'diaz'."""
    if word.isascii():
        return word.lower()
    word = unicodedata.normalize("NFKD", word.translate(FOLD))
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """Spacing and hyphens do not matter: 'Kim Jong-un' = 'Kim Jong Un' = 'Kim Jongun'."""
    return "".join(fold(t) for t in TOKEN_RE.findall(text))


def parse_day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Term:
    """One office held by one person; end is the day the successor took over (exclusive)."""

    role: str
    title: str
    start: date | None
    end: date | None
    is_paramount: bool

    def holds_on(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else ""
        return f"{self.role} {start}..{self.end.isoformat() if self.end else ''}"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    terms: tuple[Term, ...]

    def terms_on(self, on: date | None) -> list[Term]:
        return [t for t in self.terms if t.holds_on(on)]

    def best_term(self, on: date | None, role: str = "") -> Term | None:
        """The office that describes the person on a day: a title's role first, then rank."""
        current = self.terms_on(on) or sorted(self.terms, key=lambda t: (t.role == role, t.start or date.min))[-1:]
        return min(current, key=lambda t: (t.role != role, not t.is_paramount, rank(t.role)), default=None)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    sovereign: str
    paramount_role: str


@dataclass(frozen=True, slots=True)
class Entry:
    """What one dictionary surface stands for."""

    kind: str  # person | short | place | body | title | media
    target: str  # person index, ISO3, title role or outlet name
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


def rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


class Lexicon:
    """Surfaces keyed by their joined folded tokens, with every token prefix for early stops."""

    def __init__(self) -> None:
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
        key = "".join(folded)
        if kind != "media":
            self.words.update(folded)
            if words[0][:1].isupper():
                self.connecting.update(f for w, f in zip(words, folded) if w.islower())
        bucket = self.entries.setdefault(key, [])
        cap_at = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)
        caps = tuple(k for k, w in enumerate(words) if w[:1].isupper()) if kind == "media" else ()
        entry = Entry(kind, target, form, is_acronym, cap_at, caps)
        if entry not in bucket:
            bucket.append(entry)
        for i in range(1, len(folded) + 1):
            self.prefixes.add("".join(folded[:i]))
        self.max_tokens = max(self.max_tokens, len(folded) + 2)

    def scan(self, text: str, toks: list[Token], any_case: bool = False) -> list[Item]:
        """Leftmost-longest dictionary hits; case rules keep 'us' and 'may' out."""
        items, i, n = [], 0, len(toks)
        while i < n:
            key, best = "", None
            for j in range(i, min(n, i + self.max_tokens)):
                if j > i and not JOIN_GAP_RE.fullmatch(text, toks[j - 1].end, toks[j].start):
                    break
                key += toks[j].norm
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
    return entry.kind == "title" or toks[min(entry.cap_at, len(toks) - 1)].raw[:1].isupper()
