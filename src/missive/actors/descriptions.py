"""Mentions that describe an actor instead of naming it, read against the rest of the article.

"The Kingdom", "the island nation", "the pontiff" (epithets), "the premier" (a bare title),
"the Communist Party of Greece" (an organisation named after a state) and "the Kenyan president"
in an undated text each need more than their own words: which states the article names, who it
mentioned in that office, whether its date names a holder. These steps of the mention pass live
here; :class:`~missive.actors.mention_pass.MentionPass` mixes them in.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor, ActorBasis
from .surfaces import Item


def person_role(title_role: str) -> str:
    """Roles of people introduced by a title alone ('leader' is a flag, not a role)."""
    return {"leader": "head_of_state", "address": "official", "": "official"}.get(title_role, title_role)


class DescriptionSteps:
    """Epithets, bare definite titles, organisations and undated offices: steps of the mention
    pass, which provides the text, its items, the gazetteer and the article memory they use."""

    def at_organisation(self, i: int) -> int:
        """'the Communist Party of Greece', 'Fiji Labour Party leader X': not the state, and the
        person the organisation's title introduces is not a state actor either, unless the
        person holds a state office on the day ('Labour Party leader' and prime minister)."""
        org = self.items[i]
        self.emit(org.t0, org.t1, self.organisation_actor(org))
        home = self.organisation_country(org)
        if home:  # 'the Workers' Party of Korea headed by Comrade General Secretary': Korea is in view
            self.last_country = home
            self.memory.remember_country(home)
        titles, j = self.titles_from(i + 1, org.t1)
        if not titles or not self.next_is_name(j, titles[-1].t1):
            return j
        item, role = self.items[j], self.title_role(titles)
        person = self.person_of(item, None, role) if item.kind != "name" else None
        intro = self.span(org.t0, titles[-1].t1)
        if person and person.terms_on(self.on):
            self.emit_named(org.t0, item, self.person_actor(person, role, f"'{intro}' + known name"))
        else:
            self.emit_non_state(titles[0].t0, item, person.name if person else "", role, intro)
        return j + 1

    def organisation_country(self, org: Item) -> str:
        """The state an organisation belongs to or is named after, when there is one."""
        known = {self.gazetteer.organisations[int(e.target)].country for e in org.entries if e.kind == "organisation"}
        named = {self.gazetteer.sovereign_of(e.target) for e in org.entries if e.kind == "place"}
        countries = (known or named) - {""}
        return countries.pop() if len(countries) == 1 else ""

    def organisation_actor(self, org: Item) -> Actor:
        """A known organisation, or a name built on a head noun ('Fiji Labour Party'): no state."""
        surface = self.span(org.t0, org.t1)
        known = [self.gazetteer.organisations[int(e.target)] for e in org.entries if e.kind == "organisation"]
        if known:
            of = f" of {self.gazetteer.country_name(known[0].country)}" if known[0].country else ""
            return Actor(known[0].name, "", "organisation", "",
                         f"'{surface}' is an organisation ({known[0].kind}{of}): not a state actor",
                         ActorBasis.NOT_STATE)
        named_after = {e.target for e in org.entries if e.kind == "place"}
        after = f", named after {self.gazetteer.country_name(min(named_after))}" if len(named_after) == 1 else ""
        return Actor(surface, "", "organisation", "", f"'{surface}' is an organisation{after}: not the state",
                     ActorBasis.NOT_STATE)

    def emit_non_state(self, t0: int, item: Item, name: str, role: str, intro: str) -> None:
        """A person who speaks for a party or a legislature, holding no state office on the day."""
        name = name or " ".join(self.span(item.t0, item.t1).split())
        when = f" on {self.on}" if self.on else ""
        role = "party_leader" if role == "leader" else person_role(role)
        self.emit(t0, item.t1, Actor(name, "", "person", role,
                                     f"'{intro}' {name}: holds no state office{when}, not a state actor",
                                     ActorBasis.NOT_STATE))

    def state_in_office(self, country: str, role: str, why: str) -> Actor:
        """Without the article's date an office names no one: the state, with the role it acts in
        ('the Kenyan president' is Kenya at head-of-state level, not today's president)."""
        name = self.gazetteer.country_name(country)
        return Actor(name, country, "state", person_role(role), f"{why}: the office, not a person -> {name}",
                     ActorBasis.TITLE)

    def is_bare_definite(self, titles: list[Item]) -> bool:
        """'the emir', 'The premier': one office, not 'the premiers' or 'the president of ...'."""
        t0, t1 = titles[0].t0, titles[-1].t1
        after = self.toks[t1].norm if t1 < len(self.toks) else ""
        plural = self.toks[t1 - 1].norm.endswith("s") and not self.toks[t1 - 1].norm.endswith("ss")
        return t0 > 0 and self.toks[t0 - 1].norm == "the" and after != "of" and not plural \
            and self.toks[t0].start >= self.quiet_until

    def title_anaphor(self, t0: int, t1: int, role: str) -> None:
        """A bare 'the premier' is the last person mentioned who bears that title (else holds
        that role); with nobody mentioned, the holder in the one state the text names whose
        office bears it."""
        key = self.gazetteer.surfaces.speller.text_key(self.span(t0, t1))
        bears = lambda p: any(self.gazetteer.bears_title(t, key) for t in p.terms_on(self.on))  # noqa: E731
        actor = self.memory.last_in_office(bears, person_role(role))
        if actor is not None:
            why = f"'the {self.span(t0, t1)}' refers back to {actor.name}, the last such office-holder mentioned"
            self.emit(t0, t1, Actor(actor.name, actor.country, actor.kind, actor.role, f"{why} ({actor.reason})",
                                    ActorBasis.TITLE))
        elif self.on is not None:
            self.bare_titles.append((t0, t1, key))

    def at_epithet(self, i: int) -> int:
        """'the island nation of Fiji' is Fiji; a bare 'the Kingdom' waits for the whole text."""
        item, t = self.items[i], self.items[i].t1
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        iso = self.place_iso(nxt) if nxt and nxt.kind == "place" and nxt.t0 in (t + 1, t + 2) else None
        if iso and self.toks[t].norm == "of":
            self.emit_epithet(item.t0, nxt.t1, item, self.gazetteer.sovereign_of(iso), "the place it names")
            self.memory.define(self.gazetteer.sovereign_of(iso))
            return i + 2
        self.epithets.append(item)
        return i + 1

    def resolve_bare_title(self, t0: int, t1: int, key: str) -> None:
        held = [(p, t) for iso in sorted(self.memory.countries) for p, t in self.gazetteer.holders.get(iso, ())
                if t.holds_on(self.on) and self.gazetteer.bears_title(t, key)]
        if len({p.country for p, _ in held}) == 1:
            person, term = held[0]
            why = f"'the {self.span(t0, t1)}' -> the one state the text names whose {term.title} it can be"
            self.emit(t0, t1, self.person_actor(person, term.role, why, ActorBasis.TITLE))

    def resolve_epithet(self, item: Item) -> None:
        epithet = self.gazetteer.epithets[int(item.entries[0].target)]
        iso = self.memory.epithet_country(epithet)
        if iso:
            why = "its only state" if epithet.rule == "always" else "the one state of its kind the text names"
            self.emit_epithet(item.t0, item.t1, item, iso, why)

    def emit_epithet(self, t0: int, t1: int, item: Item, iso: str, why: str) -> None:
        """The state an epithet stands for, or the holder of the office it names on the day."""
        epithet = self.gazetteer.epithets[int(item.entries[0].target)]
        surface = self.span(t0, t1)
        reason = f"epithet '{surface}' -> {self.gazetteer.country_name(iso)}, {why}"
        held = self.gazetteer.holder(iso, epithet.role, self.on) if epithet.role and self.on else None
        if held:
            person, term = held
            actor = Actor(person.name, iso, "person", term.role, f"{reason}; on {self.on} -> {person.name}",
                          ActorBasis.EPITHET)
        elif epithet.role:
            actor = replace(self.state_in_office(iso, epithet.role, reason), basis=ActorBasis.EPITHET)
        else:
            actor = Actor(self.gazetteer.country_name(iso), iso, "state", "state", reason, ActorBasis.EPITHET)
        self.emit(t0, t1, actor)
