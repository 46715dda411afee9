"""The actor resolver: text in, actor mentions out (canonical person or state, ISO3, reason).

News names one actor a dozen ways ("Kim Jong-un", "the North Korean leader", "Pyongyang") and one
title points at different people in different years. The resolver is lexical on purpose: it runs
on every candidate sentence, so it is a dictionary scan over normalised tokens (no parser), and all
knowledge comes from the CSV files in ``missive/data`` (or a user's extended copy of them).

    text -> tokens -> dictionary hits (longest first) -> patterns over adjacent hits
         ("<demonym> <title> <Name>", "<title> <Name>", "<Name>, <appositive>",
          "the <demonym> <title>", bare names, places) -> Mention(Actor with a reason)

The work is split by job: ``surfaces`` folds tokens and indexes every known surface, ``gazetteer``
holds the records of the tables and the lookups over them, ``mention_pass`` walks one text's
dictionary hits left to right, and this module ties them together behind :class:`ActorResolver`,
the API the other stages use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..knowledge.tables import Table, read_table
from .gazetteer import Gazetteer
from .hits import add_name_runs, demote_glued_shorts, demote_places_in_names, mark_organisations
from .mention_pass import Mention, MentionPass
from .surfaces import PAREN_GAP_RE, Item, tokenize

ACTOR_TABLES = ("countries", "leaders", "titles", "media", "epithets", "spellings", "organisations",
                "organisation_heads")


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

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._vocabulary: frozenset[str] | None = None

    @classmethod
    def default(cls) -> "ActorResolver":
        """The package's tables extended by the user's data folder ($MISSIVE_DATA), loaded once."""
        return cls.from_dir(None)

    @classmethod
    def from_dir(cls, data_dir: str | Path | None) -> "ActorResolver":
        """The package's tables extended by a data folder of the user's (ACTOR_TABLES .csv),
        loaded once per folder."""
        return _resolver_of(tuple(read_table(name, data_dir) for name in ACTOR_TABLES))

    def find_mentions(self, text: str, on: date | None = None, *, is_one_mention: bool = False) -> list[Mention]:
        """Every actor mention, longest match first, no overlaps, sorted by start.

        is_one_mention: the text is a single actor phrase ('head of state of Vietnam', 'Sung
        Kim'), so a bare title of a country names its holder and a capitalised word glued to a
        leader's short name makes another person's name even at the start."""
        toks = tokenize(text)
        items = self.gazetteer.surfaces.scan(text, toks, any_case=is_one_mention)

        def leads_now(item: Item) -> bool:
            people = (self.gazetteer.persons[int(e.target)] for e in item.entries)
            return not is_one_mention and any(t.is_paramount for p in people for t in p.terms_on(on))

        items = mark_organisations(text, toks, items, self.gazetteer.organisation_heads, self.gazetteer.surfaces)
        items = demote_places_in_names(text, toks, items)
        items = add_name_runs(text, toks, demote_glued_shorts(text, toks, items, leads_now))
        return MentionPass(self.gazetteer, text, toks, items, on, is_one_mention).run()

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        """One mention string -> its actor (the longest mention inside it, else a country)."""
        mentions = self.find_mentions(text, on, is_one_mention=True)
        if mentions:
            return max(mentions, key=lambda m: (m.end - m.start, m.actor.kind == "person")).actor
        iso = self.gazetteer.country_of(text)
        return self.gazetteer.state_actor(iso, "name", text.strip()) if iso else None

    def find_media(self, text: str) -> list[MediaMention]:
        """Outlets cited; 'the Korean Central News Agency (KCNA)' is one mention."""
        toks = tokenize(text)
        found: list[MediaMention] = []
        for item in (i for i in self.gazetteer.surfaces.scan(text, toks) if i.kind == "media"):
            name = item.entries[0].target
            start, end = toks[item.t0].start, toks[item.t1 - 1].end
            if found and found[-1].name == name and PAREN_GAP_RE.fullmatch(text, found[-1].end, start):
                start = found.pop().start  # "Korean Central News Agency (KCNA)"
                end += text[end : end + 1] == ")"
            country, is_state = self.gazetteer.media[name]
            found.append(MediaMention(start, end, text[start:end], name, country, is_state))
        return found

    def trigger_vocabulary(self) -> frozenset[str]:
        """Lower-case single words that signal an actor, for a cheap pre-filter of sentences."""
        if self._vocabulary is None:
            self._vocabulary = _trigger_vocabulary(self)
        return self._vocabulary


@lru_cache(maxsize=4)
def _resolver_of(tables: tuple[Table, ...]) -> ActorResolver:
    return ActorResolver(Gazetteer(*(table.rows for table in tables)))


def _trigger_vocabulary(resolver: ActorResolver) -> frozenset[str]:
    surfaces = resolver.gazetteer.surfaces
    return frozenset(w for w in surfaces.words - surfaces.connecting if len(w) >= 2 and w.isalpha())


def describe_actors(text: str, on: date | None = None) -> list[Mention]:
    """The CLI's view: the resolved actors of a sentence with the package data."""
    return ActorResolver.default().find_mentions(text, on)
