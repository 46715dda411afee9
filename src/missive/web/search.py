"""The search box: a country, a leader or a pair, in whatever words the analyst types.

Names are resolved by the project's own ActorResolver (country names, demonyms, capitals,
leaders with their aliases), so 'Xi and Kim', 'China / North Korea' and 'CHN PRK' all land on
the same pair page; a name the resolver does not know is looked up among the stored senders
and recipients.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..actors.resolver import ActorResolver
from ..store.queries import Reader
from .pages import country_name, country_names

_ISO3 = re.compile(r"\b[A-Za-z]{3}\b")


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


def search(reader: Reader, query: str) -> dict[str, Any]:
    """Where the query leads: a pair page (two countries) or the pairs and events of one name."""
    query = query.strip()
    resolved = resolve_query(query, reader.known_countries()) if query else Resolved()
    out: dict[str, Any] = {"query": query, "countries": list(resolved.countries), "people": list(resolved.people),
                           "reasons": list(resolved.reasons), "redirect": None, "pairs": [], "events": []}
    if len(resolved.countries) >= 2:
        a, b = resolved.countries[:2]
        out["redirect"] = f"/pair/{a}/{b}"
        return out
    for iso in resolved.countries:
        out["pairs"] += reader.pairs_of(iso)
    names = list(resolved.people) or ([query] if query and not resolved.countries else [])
    for name in names:
        out["events"] += reader.events_of_actor(name)
    for pair in out["pairs"]:
        pair["a_name"], pair["b_name"] = country_name(pair["a"]), country_name(pair["b"])
    return out
