"""The search box: a country, a leader, a pair, an outlet, an occasion or words of the evidence.

Names are resolved by the project's own ActorResolver (country names, demonyms, capitals,
leaders with their aliases), so 'Xi and Kim', 'China / North Korea' and 'CHN PRK' all land on
the same pair page. Whatever else the query says is looked for among the stored outlets, the
events' occasions and the words of their evidence; each event found says why it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..actors.countries import country_name, country_names
from ..actors.resolver import ActorResolver
from ..store.filters import EventFilter
from ..store.queries import Reader

_ISO3 = re.compile(r"\b[A-Za-z]{3}\b")
MAX_EVENTS = 200


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a query names: countries in the order typed, the people among them, and why."""

    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    reasons: tuple[str, ...] = field(default_factory=tuple)


def resolve_query(query: str, known: set[str]) -> Resolved:
    """Countries and people named by the query.

    A three-letter word counts as an ISO3 code when it is written in capitals (and the store
    knows it) or when the query is nothing but codes: 'can' in a sentence is not Canada."""
    found: list[tuple[int, str, str, str]] = []  # (position, iso3, person, reason)
    only_codes = not _ISO3.sub("", query).strip(" ,;/&-–")
    for m in _ISO3.finditer(query):
        code = m.group(0).upper()
        if code in country_names() and (m.group(0).isupper() or only_codes) and (code in known or only_codes):
            found.append((m.start(), code, "", f"'{m.group(0)}' is the ISO 3166 code of {country_name(code)}"))
    for mention in ActorResolver.default().find_mentions(query):
        actor = mention.actor
        if not actor.country or any(p == mention.start for p, *_ in found):
            continue
        person = actor.name if actor.kind == "person" else ""
        found.append((mention.start, actor.country, person,
                      f"'{mention.text}' is {actor.name} ({actor.country})" + (f": {actor.reason}" if actor.reason else "")))
    found.sort()
    countries = tuple(dict.fromkeys(iso for _, iso, _, _ in found))
    people = tuple(dict.fromkeys(p for _, _, p, _ in found if p))
    return Resolved(countries, people, tuple(r for *_, r in found))


def _found(hits: dict[str, list[str]], ids: list[str], why: str) -> None:
    for event_id in ids:
        hits.setdefault(event_id, [])
        if why not in hits[event_id]:
            hits[event_id].append(why)


def search_hits(reader: Reader, query: str, resolved: Resolved) -> tuple[dict[str, list[str]], list[str]]:
    """Event id -> why it was found, and the outlets the query names."""
    hits: dict[str, list[str]] = {}
    for person in resolved.people:
        _found(hits, reader.events_of_actor(person), f"names {person}")
    if not resolved.countries and not resolved.people:
        _found(hits, reader.events_of_actor(query), f"a party's name contains “{query}”")
    outlets = [o for o in reader.outlets() if query.lower() in o.lower()] if len(query) >= 2 else []
    for outlet in outlets:
        _found(hits, [e["event_id"] for e in reader.events(EventFilter(outlet=outlet), limit=MAX_EVENTS)],
               f"reported by {outlet}")
    _found(hits, reader.events_of_occasion(query), f"its occasion mentions “{query}”")
    words = reader.words_of(query)
    if words:
        _found(hits, reader.events_with_words(words), "its evidence has the words " + ", ".join(f"“{w}”" for w in words))
    return hits, outlets


def search(reader: Reader, query: str) -> dict[str, Any]:
    """Where the query leads: a pair page (two countries), or the countries, pairs, outlets and
    events it finds, each event with why."""
    query = query.strip()[:200]
    resolved = resolve_query(query, reader.known_countries()) if query else Resolved()
    out: dict[str, Any] = {"query": query, "countries": [], "people": list(resolved.people),
                           "reasons": list(resolved.reasons), "redirect": None, "pairs": [], "outlets": [],
                           "events": [], "n_events": 0}
    known = [c for c in resolved.countries if c in reader.known_countries()]
    if len(known) >= 2:
        out["redirect"] = f"/pair/{known[0]}/{known[1]}"
        return out
    out["countries"] = [{"iso3": c, "name": country_name(c)} for c in known]
    for iso in known:
        out["pairs"] += reader.pairs(iso)
    for pair in out["pairs"]:
        pair["a_name"], pair["b_name"] = country_name(pair["a"]), country_name(pair["b"])
    if query:
        hits, out["outlets"] = search_hits(reader, query, resolved)
        events = reader.events(EventFilter(event_ids=tuple(hits)), order="-date", limit=MAX_EVENTS) if hits else []
        for e in events:
            e["found_because"] = hits[e["event_id"]]
        out.update(events=events, n_events=len(hits))
    return out


def search_filter(reader: Reader, query: str) -> EventFilter:
    """The events a search finds, as a filter (for its downloads)."""
    found = search(reader, query)
    return EventFilter(event_ids=tuple(e["event_id"] for e in found["events"]))
