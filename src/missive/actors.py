"""Actors: which canonical person or state a news mention means, with an ISO 3166-1 alpha-3 code.

News names one actor a dozen ways ("Kim Jong-un", "the North Korean leader", "Pyongyang") and one
title points at different people in different years. The resolver is lexical on purpose: it runs
on every candidate sentence, so it is a dictionary scan over normalised tokens (no parser), and all
knowledge comes from the CSV files in ``missive/data`` (or a user's extended copy of them).

    text -> tokens -> dictionary hits (longest first) -> patterns over adjacent hits
         ("<demonym> <title> <Name>", "<title> <Name>", "<Name>, <appositive>",
          "the <demonym> <title>", bare names, places) -> Mention(Actor with a reason)

The work is split by job: ``gazetteer`` holds the dictionary records and the lexicon built from
the CSV files, ``mention_pass`` walks one text's dictionary hits left to right, and this module
ties them together behind :class:`ActorResolver`, the API the other stages use.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from missive.gazetteer import (
    HOLDER_ROLES,
    PAREN_GAP_RE,
    TOKEN_RE,
    Country,
    Item,
    Lexicon,
    Person,
    Term,
    fold,
    name_key,
    parse_day,
    rank,
    read_rows,
    split,
    tokenize,
)
from missive.mention_pass import Mention, MentionPass, add_name_runs, demote_glued_shorts
from missive.model import Actor

__all__ = ["Mention", "MediaMention", "ActorResolver", "describe_actors"]

DATA_DIR = Path(__file__).parent / "data"
FORM_LABELS = {"official_names": "official name", "aliases": "alias", "capitals": "capital",
               "demonyms": "demonym", "short_forms": "short form"}


@dataclass(frozen=True, slots=True)
class MediaMention:
    """A news outlet cited in the text, and the state behind it when it is state media."""

    start: int
    end: int
    text: str
    name: str
    country: str
    is_state_media: bool


class ActorResolver:
    """Entities and title patterns -> canonical actors, time-aware through leaders' terms."""

    def __init__(self, countries: list[dict[str, str]], leaders: list[dict[str, str]],
                 titles: list[dict[str, str]], media: list[dict[str, str]]) -> None:
        self.lexicon = Lexicon()
        self.countries: dict[str, Country] = {}
        self.persons: list[Person] = []
        self.media: dict[str, tuple[str, bool]] = {}
        self.holders: dict[str, list[tuple[Person, Term]]] = {}
        self._load_countries(countries)
        self._load_leaders(leaders)
        for row in titles:
            for surface in [row["title"], *split(row.get("aliases", ""))]:
                self.lexicon.add(surface, "title", row["role"], "title")
        for row in media:
            self.media[row["name"]] = (row["country"], row["is_state_media"] in ("1", "true", "yes"))
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.lexicon.add(surface, "media", row["name"], "media")
        self.fuzzy_index = self._fuzzy_index()
        self._vocabulary: frozenset[str] | None = None

    @classmethod
    def default(cls) -> "ActorResolver":
        """The package's own data, loaded once per process."""
        return _default_resolver()

    @classmethod
    def from_dir(cls, data_dir: Path) -> "ActorResolver":
        """A user's copy of the data files (countries, leaders, titles, media .csv)."""
        data_dir = Path(data_dir)
        tables = [read_rows(data_dir / f"{n}.csv") for n in ("countries", "leaders", "titles", "media")]
        return cls(*tables)

    def _load_countries(self, rows: list[dict[str, str]]) -> None:
        forms = ("name", "official_names", "aliases", "capitals", "demonyms", "short_forms")
        for row in rows:
            iso = row["iso3"]
            self.countries[iso] = Country(iso, row["name"], row.get("sovereign", ""), row.get("paramount_role", ""))
            for column in forms:
                for surface in split(row.get(column, "")):
                    self.lexicon.add(surface, "place", iso, column)
            for surface in split(row.get("bodies", "")):
                self.lexicon.add(surface, "body", iso, "body")

    def _load_leaders(self, rows: list[dict[str, str]]) -> None:
        grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
        for row in rows:
            grouped.setdefault((row["name"], row["iso3"]), []).append(row)
        for (name, iso), group in grouped.items():
            terms = tuple(
                Term(r["role"], r["title"], parse_day(r["start"]), parse_day(r["end"]), r["is_paramount"] == "1")
                for r in group
            )
            person = Person(name, iso, terms)
            index = str(len(self.persons))
            self.persons.append(person)
            for term in terms:
                self.holders.setdefault(iso, []).append((person, term))
            for surface in {name, *(a for r in group for a in split(r["aliases"]))}:
                self.lexicon.add(surface, "person", index, "name" if surface == name else "alias")
            for short in {r["short_name"] for r in group if r.get("short_name")}:
                self.lexicon.add(short, "short", index, "short_name")

    def _fuzzy_index(self) -> dict[str, list[int]]:
        """Word -> people whose full name has it, for transliteration variants ('Bounnang')."""
        index: dict[str, list[int]] = {}
        for i, person in enumerate(self.persons):
            words = TOKEN_RE.findall(person.name)
            if len(words) >= 2:
                for word in {fold(w) for w in words}:
                    index.setdefault(word, []).append(i)
        return {w: ids for w, ids in index.items() if len(ids) <= 25 and len(w) >= 3}

    def find_mentions(self, text: str, on: date | None = None, *, is_one_mention: bool = False) -> list[Mention]:
        """Every actor mention, longest match first, no overlaps, sorted by start.

        is_one_mention: the text is a single actor phrase ('head of state of Vietnam', 'Sung
        Kim'), so a bare title of a country names its holder and a capitalised word glued to a
        leader's short name makes another person's name even at the start."""
        toks = tokenize(text)
        items = self.lexicon.scan(text, toks, any_case=is_one_mention)

        def leads_now(item: Item) -> bool:
            people = (self.persons[int(e.target)] for e in item.entries)
            return not is_one_mention and any(t.is_paramount for p in people for t in p.terms_on(on))

        items = add_name_runs(text, toks, demote_glued_shorts(text, toks, items, leads_now))
        return MentionPass(self, text, toks, items, on, is_one_mention).run()

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        """One mention string -> its actor (the longest mention inside it, else a country)."""
        mentions = self.find_mentions(text, on, is_one_mention=True)
        if mentions:
            return max(mentions, key=lambda m: (m.end - m.start, m.actor.kind == "person")).actor
        iso = self.country_of(text)
        return self.state_actor(iso, "name", text.strip()) if iso else None

    def find_media(self, text: str) -> list[MediaMention]:
        """Outlets cited; 'the Korean Central News Agency (KCNA)' is one mention."""
        toks = tokenize(text)
        found: list[MediaMention] = []
        for item in (i for i in self.lexicon.scan(text, toks) if i.kind == "media"):
            name = item.entries[0].target
            start, end = toks[item.t0].start, toks[item.t1 - 1].end
            if found and found[-1].name == name and PAREN_GAP_RE.fullmatch(text, found[-1].end, start):
                start = found.pop().start  # "Korean Central News Agency (KCNA)"
                end += text[end : end + 1] == ")"
            country, is_state = self.media[name]
            found.append(MediaMention(start, end, text[start:end], name, country, is_state))
        return found

    def country_of(self, name_or_code: str) -> str | None:
        """'Cuba' / 'Cuban' / 'CUB' -> 'CUB' (a territory keeps its own code: see sovereign_of)."""
        value = name_or_code.strip()
        if value.upper() in self.countries and len(value) == 3 and value.isupper():
            return value.upper()
        key = name_key(re.sub(r"^the\s+", "", value, flags=re.I))
        places = [e for e in self.lexicon.entries.get(key, ()) if e.kind == "place"]
        return places[0].target if places else None

    def sovereign_of(self, iso3: str) -> str:
        """The state answering for a territory: 'HKG' -> 'CHN'; a state answers for itself."""
        country = self.countries.get(iso3)
        return country.sovereign if country and country.sovereign else iso3

    def country_name(self, iso3: str) -> str:
        country = self.countries.get(iso3)
        return country.name if country else iso3

    def trigger_vocabulary(self) -> frozenset[str]:
        """Lower-case single words that signal an actor, for a cheap pre-filter of sentences."""
        if self._vocabulary is None:
            self._vocabulary = _trigger_vocabulary(self)
        return self._vocabulary

    def state_actor(self, iso: str, form: str, surface: str) -> Actor:
        country = self.countries[iso]
        sovereign = self.sovereign_of(iso)
        reason = f"{FORM_LABELS.get(form, form)} '{surface}' stands for {country.name}"
        if sovereign != iso:
            reason += f" ({iso}), counted as {self.country_name(sovereign)} ({sovereign})"
        return Actor(country.name, sovereign, "state", "state", reason)

    def holder(self, iso: str, role: str, on: date | None) -> tuple[Person, Term] | None:
        """Who held an office ('leader' = the paramount one) on a day; None without a date
        means the present holder."""
        held = [(p, t) for p, t in self.holders.get(iso, ()) if t.holds_on(on)]
        if role == "leader":
            ranked = sorted(held, key=lambda pt: (not pt[1].is_paramount, rank(pt[1].role)))
            return ranked[0] if ranked and ranked[0][1].role in HOLDER_ROLES else None
        matching = [pt for pt in held if pt[1].role == role]
        return matching[0] if matching else None

    def fuzzy_person(self, words: list[str], country: str | None = None) -> Person | None:
        """A close spelling of a known full name (cheap: only people sharing a word)."""
        key = "".join(words)
        candidates = {i for w in words for i in self.fuzzy_index.get(w, ())}
        best, best_score = None, 0.86
        for i in candidates:
            person = self.persons[i]
            if country and person.country != country:
                continue
            score = difflib.SequenceMatcher(None, key, name_key(person.name)).ratio()
            if score > best_score:
                best, best_score = person, score
        return best


@lru_cache(maxsize=1)
def _default_resolver() -> ActorResolver:
    return ActorResolver.from_dir(DATA_DIR)


def _trigger_vocabulary(resolver: ActorResolver) -> frozenset[str]:
    lexicon = resolver.lexicon
    return frozenset(w for w in lexicon.words - lexicon.connecting if len(w) >= 2 and w.isalpha())


def describe_actors(text: str, on: date | None = None) -> list[Mention]:
    """The CLI's view: the resolved actors of a sentence with the package data."""
    return ActorResolver.default().find_mentions(text, on)
