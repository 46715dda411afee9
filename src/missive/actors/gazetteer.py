"""The gazetteer: what every row of the actor tables says, and the lookups over it.

Countries, leaders with their dated terms of office, titles, epithets, organisations that are not
states, spellings and news outlets come from the user-extendable knowledge tables (read by
``knowledge.tables``); this module turns their rows into immutable records and into one surface
index, and answers the questions a mention needs answered (which country a name means,
who held an office on a day, which state answers for a territory). It knows nothing about what
a run of hits in a text means: that is the mention pass's job.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..knowledge.words import TOKEN_RE, fold
from ..model import Actor, ActorBasis
from .surfaces import Speller, SurfaceIndex, read_spellings

ROLE_ORDER = ("head_of_state", "head_of_government", "party_leader", "foreign_minister", "official", "ambassador")
HOLDER_ROLES = ("leader", "head_of_state", "head_of_government", "party_leader", "foreign_minister")
FORM_LABELS = {"official_names": "official name", "aliases": "alias", "capitals": "capital",
               "demonyms": "demonym", "short_forms": "short form"}


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
class Epithet:
    """A state named by description ('the Kingdom', 'the island nation', 'the pontiff').

    countries: the states it can mean; rule: "named" (the one of them the article names, else
    nobody) or "always" (its only country); role: empty for the state itself, else the office
    whose holder it names ('the pontiff' is the Vatican's head of state)."""

    surface: str
    countries: tuple[str, ...]
    role: str
    rule: str


@dataclass(frozen=True, slots=True)
class Organisation:
    """A party, legislature or international body: never a state actor, though it may have a
    country ('the Communist Party of Vietnam', 'the Knesset', 'the United Nations')."""

    name: str
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    sovereign: str
    paramount_role: str


def rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


class Gazetteer:
    """Countries, people and outlets of the actor tables, indexed by every surface they go by."""

    def __init__(self, countries: Iterable[Mapping[str, str]], leaders: Iterable[Mapping[str, str]],
                 titles: Iterable[Mapping[str, str]], media: Iterable[Mapping[str, str]],
                 epithets: Iterable[Mapping[str, str]] = (), spellings: Iterable[Mapping[str, str]] = (),
                 organisations: Iterable[Mapping[str, str]] = (),
                 organisation_heads: Iterable[Mapping[str, str]] = ()) -> None:
        self.surfaces = SurfaceIndex(Speller(read_spellings(spellings)))
        self.countries: dict[str, Country] = {}
        self.epithets: list[Epithet] = []
        self.organisations: list[Organisation] = []
        # head nouns of organisation names ('Party', 'Senate'): a country inside one is no state actor
        self.organisation_heads = {fold(r["word"]): r["kind"] for r in organisation_heads}
        self.persons: list[Person] = []
        self.by_name: dict[tuple[str, str], Person] = {}
        self.media: dict[str, tuple[str, bool]] = {}
        self.holders: dict[str, list[tuple[Person, Term]]] = {}
        self._load_countries(countries)
        self._load_leaders(leaders)
        for row in titles:
            for surface in [row["title"], *split(row.get("aliases", ""))]:
                self.surfaces.add(surface, "title", row["role"], row["title"])
        for row in organisations:
            self.organisations.append(Organisation(row["name"], row["kind"], row.get("country", "")))
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.surfaces.add(surface, "organisation", str(len(self.organisations) - 1), "organisation")
        for row in epithets:
            self.epithets.append(Epithet(row["epithet"], tuple(split(row["countries"])), row.get("role", ""),
                                         row.get("rule") or "named"))
            for surface in [row["epithet"], *split(row.get("aliases", ""))]:
                self.surfaces.add(surface, "epithet", str(len(self.epithets) - 1), "epithet")
        for row in media:
            self.media[row["name"]] = (row["country"], row["is_state_media"] in ("1", "true", "yes"))
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.surfaces.add(surface, "media", row["name"], "media")
        self.fuzzy_index = self._fuzzy_index()

    def _load_countries(self, rows: Iterable[Mapping[str, str]]) -> None:
        forms = ("name", "official_names", "aliases", "capitals", "demonyms", "short_forms")
        for row in rows:
            iso = row["iso3"]
            self.countries[iso] = Country(iso, row["name"], row.get("sovereign", ""), row.get("paramount_role", ""))
            for column in forms:
                for surface in split(row.get(column, "")):
                    self.surfaces.add(surface, "place", iso, column)
            for surface in split(row.get("bodies", "")):
                self.surfaces.add(surface, "body", iso, "body")

    def _load_leaders(self, rows: Iterable[Mapping[str, str]]) -> None:
        grouped: dict[tuple[str, str], list[Mapping[str, str]]] = {}
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
            self.by_name[(name, iso)] = person
            for term in terms:
                self.holders.setdefault(iso, []).append((person, term))
            for surface in {name, *(a for r in group for a in split(r["aliases"]))}:
                self.surfaces.add(surface, "person", index, "name" if surface == name else "alias")
            for short in {r["short_name"] for r in group if r.get("short_name")}:
                self.surfaces.add(short, "short", index, "short_name")

    def _fuzzy_index(self) -> dict[str, list[int]]:
        """Word -> people whose full name has it, for transliteration variants ('Bounnang')."""
        index: dict[str, list[int]] = {}
        for i, person in enumerate(self.persons):
            words = TOKEN_RE.findall(person.name)
            if len(words) >= 2:
                for word in {self.surfaces.speller.text_key(w) for w in words}:
                    index.setdefault(word, []).append(i)
        return {w: ids for w, ids in index.items() if len(ids) <= 25 and len(w) >= 3}

    def country_of(self, name_or_code: str) -> str | None:
        """'Cuba' / 'Cuban' / 'CUB' -> 'CUB' (a territory keeps its own code: see sovereign_of)."""
        value = name_or_code.strip()
        if value.upper() in self.countries and len(value) == 3 and value.isupper():
            return value.upper()
        key = self.surfaces.speller.text_key(re.sub(r"^the\s+", "", value, flags=re.I))
        places = [e for e in self.surfaces.entries.get(key, ()) if e.kind == "place"]
        return places[0].target if places else None

    def sovereign_of(self, iso3: str) -> str:
        """The state answering for a territory: 'HKG' -> 'CHN'; a state answers for itself."""
        country = self.countries.get(iso3)
        return country.sovereign if country and country.sovereign else iso3

    def country_name(self, iso3: str) -> str:
        country = self.countries.get(iso3)
        return country.name if country else iso3

    def state_actor(self, iso: str, form: str, surface: str) -> Actor:
        country = self.countries[iso]
        sovereign = self.sovereign_of(iso)
        reason = f"{FORM_LABELS.get(form, form)} '{surface}' stands for {country.name}"
        if sovereign != iso:
            reason += f" ({iso}), counted as {self.country_name(sovereign)} ({sovereign})"
        return Actor(country.name, sovereign, "state", "state", reason, ActorBasis.STATE)

    def holder(self, iso: str, role: str, on: date | None, title: str = "") -> tuple[Person, Term] | None:
        """Who held an office ('leader' = the paramount one) on a day; None without a date
        means the present holder. A title the office itself bears wins over the role the title
        usually has: Iran's 'president' is its head of government, not the Supreme Leader."""
        held = [(p, t) for p, t in self.holders.get(iso, ()) if t.holds_on(on)]
        if role == "leader":
            ranked = sorted(held, key=lambda pt: (not pt[1].is_paramount, rank(pt[1].role)))
            return ranked[0] if ranked and ranked[0][1].role in HOLDER_ROLES else None
        key = self.surfaces.speller.text_key(title)
        titled = sorted((pt for pt in held if pt[1].role in HOLDER_ROLES and self.bears_title(pt[1], key)),
                        key=lambda pt: (self.surfaces.speller.text_key(pt[1].title) != key, pt[1].role != role))
        matching = [pt for pt in held if pt[1].role == role]
        return (titled or matching or [None])[0]

    def bears_title(self, term: Term, key: str) -> bool:
        """'president' in 'President', 'prime minister' in 'Crown Prince and Prime Minister'."""
        words = [self.surfaces.speller.key(fold(w)) for w in TOKEN_RE.findall(term.title)]
        return bool(key) and any("".join(words[i:j]) == key for i in range(len(words)) for j in range(i + 1, len(words) + 1))

    def fuzzy_person(self, words: list[str], country: str | None = None) -> Person | None:
        """A close spelling of a known full name (cheap: only people sharing a word)."""
        words = [self.surfaces.speller.key(w) for w in words]
        key = "".join(words)
        candidates = {i for w in words for i in self.fuzzy_index.get(w, ())}
        best, best_score = None, 0.86
        for i in candidates:
            person = self.persons[i]
            if country and person.country != country:
                continue
            score = difflib.SequenceMatcher(None, key, self.surfaces.speller.text_key(person.name)).ratio()
            if score > best_score:
                best, best_score = person, score
        return best
