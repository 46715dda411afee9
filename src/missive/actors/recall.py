"""What an article has named so far, for the mentions that lean on it.

News names a person in full once ("Emir Tamim bin Hamad Al Thani", "Vietnam's ambassador Lai
Thai Binh") and then by one word ("Sheikh Tamim", "Lai", "Anwar told reporters"); it names a
country once and then describes it ("the Kingdom", "the island nation"). A short form must mean
the person the article introduced, not an office-holder elsewhere who shares the word, and an
epithet means the one state of its kind that the article names. The mention pass keeps one
:class:`ArticleMemory` per text and asks it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Actor
from .gazetteer import Epithet, Person
from .hits import PARTICLES



@dataclass(frozen=True, slots=True)
class NamedPerson:
    words: frozenset[str]  # matching keys of the name's words, particles left out
    actor: Actor


@dataclass
class ArticleMemory:
    """People named in full and countries named, in text order."""

    people: list[NamedPerson] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    defined: list[str] = field(default_factory=list)  # states the article described by an epithet
    mentioned: list[tuple[Actor, Person | None]] = field(default_factory=list)  # every state person

    def remember_mention(self, actor: Actor, person: Person | None) -> None:
        if actor.kind == "person" and actor.country:
            self.mentioned.append((actor, person))

    def last_in_office(self, bears: Callable[[Person], bool], role: str) -> Actor | None:
        """'the emir', 'the premier': the latest person mentioned who bears that title, else the
        latest who holds an office of that role."""
        titled = [a for a, p in self.mentioned if p is not None and bears(p)]
        if titled:
            return titled[-1]
        same_role = [a for a, _ in self.mentioned if a.role == role]
        return same_role[-1] if same_role else None

    def remember_person(self, keys: list[str], actor: Actor) -> None:
        """A person named with two words or more ('Anwar Ibrahim', 'Lai Thai Binh')."""
        words = frozenset(k for k in keys if k not in PARTICLES)
        if len(keys) >= 2 and words and actor.country:
            self.people.append(NamedPerson(words, actor))

    def remember_country(self, iso3: str) -> None:
        if iso3:
            self.countries.add(iso3)

    def person_named(self, keys: list[str], country: str | None = None) -> Actor | None:
        """The person named in full earlier whose name holds every word of a short form: the
        latest one, provided all such people are of one state (two Lees of two states are
        ambiguous, two Kims of one state are not)."""
        words = {k for k in keys if k not in PARTICLES}
        if not words:
            return None
        found = [p.actor for p in self.people if words <= p.words and (not country or p.actor.country == country)]
        if not found or len({a.country for a in found}) > 1:
            return None
        return found[-1]

    def define(self, iso3: str) -> None:
        """'the Pacific island nation of Nauru': the article says which state its epithets mean."""
        self.defined.append(iso3)

    def epithet_country(self, epithet: Epithet) -> str | None:
        """The state an epithet means: its only country when the rule says so, else the one the
        article defined by an epithet, else the one of its countries the article names."""
        if epithet.rule == "always" and len(epithet.countries) == 1:
            return epithet.countries[0]
        defined = [c for c in self.defined if c in epithet.countries]
        if defined:
            return defined[-1]
        named = [c for c in epithet.countries if c in self.countries]
        return named[0] if len(named) == 1 else None
