"""The mention pass: one left-to-right walk over a text's dictionary hits, turning them into actors.

A hit means little alone ("president", "Kim", "the North"); what it names depends on its
neighbours ("the South Korean president", "Kim Jong-un, the leader"), on who held an office on
the article's date and on what the text named before. The pass keeps that running context
(people already named, the country in view) and applies one pattern per kind of first hit.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import islice, takewhile

from ..model import Actor, ActorBasis
from .descriptions import DescriptionSteps, person_role
from .gazetteer import HOLDER_ROLES, Gazetteer, Person, rank
from .recall import ArticleMemory
from .surfaces import NAME_GAP_RE, PAREN_GAP_RE, Item, Token

CLAUSE_END_RE = re.compile(r"[,;:]|(?<![A-Z])\.(?:\s|$)")
_COMMA = re.compile(r"\s*,\s*")
# Offices whose unnamed holder is still someone of the state: "the ambassador of X".
ENVOY_ROLES = frozenset({"ambassador"})
APPOSITIVE_REACH = 400  # an appositive ("Xi, general secretary of ...") ends within this many characters
TARGET_WORDS = frozenset({"to", "for", "with", "in", "on", "at"})  # "ambassador to China": not the sender
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name, *calendar.day_name) if w)


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: offsets into the text given to find_mentions."""

    start: int
    end: int
    text: str
    actor: Actor


class MentionPass(DescriptionSteps):
    """One left-to-right pass over the recognised items of one text."""

    def __init__(self, gazetteer: Gazetteer, text: str, toks: list[Token], items: list[Item],
                 on: date | None, is_one_mention: bool = False):
        self.gazetteer, self.text, self.toks, self.items, self.on = gazetteer, text, toks, items, on
        self.is_one_mention = is_one_mention
        self.out: list[Mention] = []
        self.seen: set[str] = set()  # people named in full so far: their short name is safe
        self.last_country = ""
        self.countries_seen: set[str] = set()
        self.quiet_until = -1  # end of an appositive already used: its titles name no one else
        self.memory = ArticleMemory()
        # words the text also writes in lower case ("Hope", "Rose"): no one's short form
        self.common_words = {t.norm for t in toks if t.raw.islower()}
        self.epithets: list[Item] = []  # read once the whole text has named its countries
        self.bare_titles: list[tuple[int, int, str]] = []  # 'the emir' with no emir mentioned before

    def run(self) -> list[Mention]:
        i = 0
        while i < len(self.items):
            step = STEPS[self.items[i].kind]
            i = max(i + 1, step(self, i))
        for item in self.epithets:
            self.resolve_epithet(item)
        for t0, t1, key in self.bare_titles:
            self.resolve_bare_title(t0, t1, key)
        return sorted(self.out, key=lambda m: m.start)

    # -- helpers --------------------------------------------------------------------------
    def span(self, t0: int, t1: int) -> str:
        return self.text[self.toks[t0].start : self.toks[t1 - 1].end]

    def emit(self, t0: int, t1: int, actor: Actor) -> None:
        start, end = self.toks[t0].start, self.toks[t1 - 1].end
        if self.text[end : end + 1] == "." and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", self.text[start:end]):
            end += 1  # "U.S."
        self.out.append(Mention(start, end, self.text[start:end], actor))
        self.last_country = actor.country
        self.countries_seen.add(actor.country)
        self.memory.remember_country(actor.country)
        self.memory.remember_mention(actor, self.gazetteer.by_name.get((actor.name, actor.country)))
        if actor.kind == "person":
            self.seen.add(actor.name)

    def keys(self, item: Item) -> list[str]:
        """The matching keys of an item's words ('Zelenskiy' -> 'zelenski')."""
        return [self.gazetteer.surfaces.speller.key(t.norm) for t in self.toks[item.t0 : item.t1]]

    def emit_named(self, t0: int, item: Item, actor: Actor) -> None:
        """A person named in the text: remembered for the short forms that follow."""
        self.emit(t0, item.t1, actor)
        self.memory.remember_person(self.keys(item), actor)

    def earlier_person(self, item: Item, country: str | None, intro: str) -> Actor | None:
        """'Lai', 'Sheikh Tamim', 'Anwar': the person the article named in full with these words."""
        actor = self.memory.person_named(self.keys(item), country)
        if actor is None:
            return None
        why = f"short form '{intro}' of {actor.name}, named in full earlier"
        return Actor(actor.name, actor.country, actor.kind, actor.role, f"{why} ({actor.reason})",
                     ActorBasis.SHORT_FORM)

    def glued(self, t: int, item: Item, gap: re.Pattern[str] = NAME_GAP_RE) -> bool:
        if item.t0 != t or t == 0:
            return False
        before, start = self.toks[t - 1], self.toks[t].start
        if len(before.raw) <= 3 and self.text[before.end : before.end + 1] == ".":  # "Mr. Xi"
            return bool(gap.fullmatch(self.text, before.end + 1, start))
        return bool(gap.fullmatch(self.text, before.end, start))

    def place_iso(self, item: Item) -> str | None:
        """A place's ISO3; a surface shared by several countries at the same rank is ambiguous."""
        forms = ("name", "official_names", "aliases", "capitals", "demonyms", "short_forms", "body")
        best = min(forms.index(e.form) for e in item.entries)
        isos = {e.target for e in item.entries if forms.index(e.form) == best}
        return isos.pop() if len(isos) == 1 else None

    def titles_from(self, j: int, t: int) -> tuple[list[Item], int]:
        titles = []
        while j < len(self.items) and self.items[j].kind == "title" and self.glued(t, self.items[j]):
            titles.append(self.items[j])
            t, j = self.items[j].t1, j + 1
        return titles, j

    def title_role(self, titles: list[Item]) -> str:
        roles = [e.target for it in titles for e in it.entries[:1] if e.target != "address"]
        return roles[-1] if roles else "address"

    def person_of(self, item: Item, country: str | None, role: str) -> Person | None:
        """The known person an item names, time-aware among namesakes and short names."""
        people = [self.gazetteer.persons[int(e.target)] for e in item.entries]
        if country:
            people = [p for p in people if p.country == country]
        seen = [p for p in people if p.name in self.seen]
        if seen:
            return seen[0]
        current = [p for p in people if p.terms_on(self.on)]
        if item.kind == "short" and not (role or country):  # bare 'Putin': only a leader in charge
            current = [p for p in current if any(t.is_paramount for t in p.terms_on(self.on))]
            if not current:
                return None
        pool = current or people
        key = lambda p: (role not in {t.role for t in p.terms_on(self.on)} if role else False,  # noqa: E731
                         not any(t.is_paramount for t in p.terms_on(self.on)),
                         min((rank(t.role) for t in p.terms_on(self.on)), default=9),
                         -max((t.start or date.min).toordinal() for t in p.terms))
        return min(pool, key=key, default=None)

    def leads_a_party_only(self, person: Person, role: str) -> bool:
        """'Party leader Sitiveni Rabuka' in 2017: an opposition leader out of office, where the
        party's leader is not the state's (Fiji, unlike Vietnam or Cuba)."""
        country = self.gazetteer.countries.get(person.country)
        return (role == "party_leader" and self.on is not None and not person.terms_on(self.on)
                and country is not None and country.paramount_role != "party_leader")

    def person_actor(self, person: Person, role: str, why: str, basis: ActorBasis = ActorBasis.FULL_NAME) -> Actor:
        term = person.best_term(self.on, role)
        when = f" on {self.on.isoformat()}" if self.on else ""
        held = f" ({term.describe()})" if term else ""
        if term and not term.holds_on(self.on):
            held = f" (not in office{when}; last known {term.describe()})"
            when = ""
        return Actor(person.name, person.country, "person", term.role if term else person_role(role),
                     f"{why} -> {person.name}{held}{when}", basis)

    # -- patterns, one per kind of first item --------------------------------------------
    def at_media(self, i: int) -> int:
        return i + 1

    def at_body(self, i: int) -> int:
        item = self.items[i]
        iso = item.entries[0].target
        surface = self.span(item.t0, item.t1)
        self.emit(item.t0, item.t1, Actor(surface, self.gazetteer.sovereign_of(iso), "organisation", "",
                                          f"body '{surface}' belongs to {self.gazetteer.country_name(iso)}",
                                          ActorBasis.BODY))
        return i + 1

    def at_place(self, i: int) -> int:
        """'<demonym|Country's> <title> [<Name>]', else the state itself."""
        place = self.items[i]
        iso = self.place_iso(place)
        if iso is None:
            return i + 1
        t = place.t1
        if t + 1 < len(self.toks) and self.toks[t].norm == "s" and self.text[self.toks[t].start - 1] in "'’":
            t += 1  # possessive: "Vietnam's leader"
        titles, j = self.titles_from(i + 1, t)
        is_short_form = place.entries[0].form == "short_forms"
        if is_short_form and (titles or self.gazetteer.sovereign_of(iso) not in self.countries_seen):
            return i + 1  # "the North" only once North Korea is in context
        if not titles:
            actor = self.gazetteer.state_actor(iso, place.entries[0].form, self.span(place.t0, place.t1))
            self.emit(place.t0, place.t1, actor)
            return i + 1
        return self.named_or_holder(i, j, titles, self.gazetteer.sovereign_of(iso))

    def at_title(self, i: int) -> int:
        """'<title> [of [the] <Country|body>] <Name>', or 'the President of China'."""
        titles, j = self.titles_from(i + 1, self.items[i].t1)
        titles.insert(0, self.items[i])
        t, country = titles[-1].t1, ""
        words = [tok.norm for tok in self.toks[t : t + 2]]
        if words[:1] == ["of"] and j < len(self.items):
            k = t + 1 + (words[1:2] == ["the"])
            nxt = self.items[j]
            iso = self.place_iso(nxt) if nxt.t0 == k and nxt.kind in ("place", "body") else None
            if iso and nxt.entries[0].form not in ("demonyms", "capitals"):  # not "of the Russian Peace..."
                country, j = self.gazetteer.sovereign_of(iso), j + 1
                is_party_title = self.title_role(titles) == "party_leader"
                if nxt.kind == "body" and not is_party_title and not self.next_is_name(j, nxt.t1):
                    return j  # "chairman of United Russia" is not the state's leader
        if country or self.next_is_name(j, titles[-1].t1):
            return self.named_or_holder(i, j, titles, country)
        return self.address_only(i, j, titles)

    def next_is_name(self, j: int, t: int) -> bool:
        return j < len(self.items) and self.items[j].kind in ("person", "short", "name") and self.glued(t, self.items[j])

    def named_or_holder(self, i: int, j: int, titles: list[Item], country: str) -> int:
        """After '<place> <title>' or '<title> of <place>': a name, or the office holder."""
        role = self.title_role(titles)
        end = self.items[j - 1].t1
        posted = self.posting(j, end, country)
        if posted > j:  # the envoy's title and name on either side of the posting
            self.named(self.items[posted].t0, self.items[posted], role, country, self.span(self.items[i].t0, end))
            if self.out and self.out[-1].start == self.toks[self.items[posted].t0].start:
                self.emit(self.items[i].t0, end, self.out[-1].actor)
            return posted + 1
        if j < len(self.items) and self.items[j].kind in ("person", "short", "name") and self.glued(end, self.items[j]):
            if not country and role == "address" and self.items[j].kind == "name":
                return self.at_name(j)  # "H.E. Mr. <new name>, President of X": the appositive says whose
            self.named(self.items[i].t0, self.items[j], role, country, self.span(self.items[i].t0, end))
            return j + 1
        start = self.items[i].t0
        article = start > 0 and self.toks[start - 1].norm == "the"
        follows_place = self.items[i].kind == "place"
        plural = self.toks[titles[0].t1 - 1].norm.endswith("s")
        if country and (follows_place or article or plural or self.is_one_mention):
            title = self.span(titles[-1].t0, titles[-1].t1)
            # "the special envoy of Qatar" is someone of that state, as "Qatar's special envoy" is; so is
            # "the Vice President of India" with no holder in the data
            self.office(start, end, role, country, may_be_unnamed=follows_place or article or role in ENVOY_ROLES,
                        title=title)
            return self.shared_office(j, titles[-1].t1, country)
        return j

    def shared_office(self, j: int, t: int, country: str) -> int:
        """"Turkey's president and prime minister", "the Japanese prime minister and foreign
        minister": a title joined by "and" to a state's title, with no name or state of its own,
        is that state's office too."""
        if t + 1 >= len(self.toks) or self.toks[t].norm != "and":
            return j
        titles, k = self.titles_from(j, t + 1)
        after = titles[-1].t1 if titles else t
        if not titles or self.next_is_name(k, after) or (after < len(self.toks) and self.toks[after].norm == "of"):
            return j
        self.office(titles[0].t0, after, self.title_role(titles), country, title=self.span(titles[-1].t0, after))
        return k

    def posting(self, j: int, t: int, country: str) -> int:
        """'Vietnam's Ambassador to the Philippines Lai Thai Binh': the posting is a state of its
        own, and the name after it is the envoy's."""
        nxt = self.items[j] if j < len(self.items) else None
        if (not country or nxt is None or nxt.kind != "place" or t >= len(self.toks)
                or self.toks[t].norm not in ("to", "in") or nxt.t0 not in (t + 1, t + 2)
                or not self.next_is_name(j + 1, nxt.t1)):
            return j
        iso = self.place_iso(nxt)
        if iso:
            self.emit(nxt.t0, nxt.t1, self.gazetteer.state_actor(iso, nxt.entries[0].form, self.span(nxt.t0, nxt.t1)))
        return j + 1

    def named(self, t0: int, item: Item, role: str, country: str, intro: str) -> None:
        name = self.span(item.t0, item.t1)
        person = self.person_of(item, country or None, role) if item.kind != "name" else None
        if item.kind != "person" and (person is None or person.name not in self.seen):
            earlier = self.earlier_person(item, country or None, self.span(t0, item.t1))
            if earlier:  # "Sheikh Tamim" after "Emir Tamim bin Hamad Al Thani"
                self.emit(t0, item.t1, earlier)
                return
        if person is None and item.kind == "name":
            person = self.gazetteer.fuzzy_person([t.norm for t in self.toks[item.t0 : item.t1]], country or None)
        if person and self.leads_a_party_only(person, role):
            self.emit_non_state(t0, item, person.name, role, intro)
        elif person:
            self.emit_named(t0, item, self.person_actor(person, role, f"'{intro}' + known name '{name}'"))
        elif country and role != "address":
            why = f"unknown name '{name}' introduced as '{intro}' -> {self.gazetteer.country_name(country)}"
            self.emit_named(t0, item, Actor(" ".join(name.split()), country, "person", person_role(role), why,
                                            ActorBasis.NEW_NAME))

    def office(self, t0: int, t1: int, role: str, country: str, may_be_unnamed: bool = True, title: str = "") -> None:
        """'the South Korean president' -> whoever held that office on the article's date;
        'Russian officials' -> unnamed people of that state (not '[Council of] Ministers of Cuba')."""
        surface = self.span(t0, t1)
        if self.toks[t0].start < self.quiet_until:
            return
        is_dated = self.on is not None
        held = self.gazetteer.holder(country, role, self.on, title) if role in HOLDER_ROLES and is_dated else None
        if held:
            person, term = held
            self.emit(t0, t1, Actor(person.name, person.country, "person", term.role,
                                    f"title '{surface}' on {self.on} -> {person.name} ({term.describe()})",
                                    ActorBasis.TITLE))
        elif role != "address" and not is_dated and role in HOLDER_ROLES:
            self.emit(t0, t1, self.state_in_office(country, role, f"title '{surface}' in an undated text"))
        elif role != "address" and may_be_unnamed:
            why = f"title '{surface}' names no one in the data -> {self.gazetteer.country_name(country)}"
            self.emit(t0, t1, Actor(surface, country, "person", person_role(role), why, ActorBasis.TITLE))

    def address_only(self, i: int, j: int, titles: list[Item]) -> int:
        """'Comrade Chairman': a form of address for the leader of the country in context."""
        role = self.title_role(titles)
        is_address = any(e.target == "address" for e in titles[0].entries)
        if is_address and role in HOLDER_ROLES and self.last_country:
            self.office(self.items[i].t0, titles[-1].t1, role, self.last_country)
        elif not is_address and role in HOLDER_ROLES and role != "leader" and self.is_bare_definite(titles):
            self.title_anaphor(titles[0].t0, titles[-1].t1, role)
        return j

    def at_person(self, i: int) -> int:
        item = self.items[i]
        person = self.person_of(item, None, "")
        if person:
            self.emit_named(item.t0, item, self.person_actor(person, "", f"known name '{self.span(item.t0, item.t1)}'"))
        return i + 1

    def at_short(self, i: int) -> int:
        item = self.items[i]
        person = self.person_of(item, None, "")
        earlier = self.earlier_person(item, None, self.span(item.t0, item.t1)) if (
            person is None or person.name not in self.seen) else None
        if earlier:  # "Lai" after "Vietnam's ambassador Lai Thai Binh", not Taiwan's Lai Ching-te
            self.emit(item.t0, item.t1, earlier)
        elif person:
            why = f"short name '{self.span(item.t0, item.t1)}' of a leader in office or named before"
            self.emit(item.t0, item.t1, self.person_actor(person, "", why, ActorBasis.SHORT_FORM))
        return i + 1

    def at_name(self, i: int) -> int:
        """An unknown capitalised name: a spelling variant of a known one, or introduced by an
        appositive ('Ri Ryong Nam, the DPRK ambassador to China')."""
        item = self.items[i]
        words = [t.norm for t in self.toks[item.t0 : item.t1]]
        is_plain = not CALENDAR_WORDS.intersection(words) and not self.common_words.intersection(words)
        earlier = self.earlier_person(item, None, self.span(item.t0, item.t1)) if is_plain else None
        if earlier:  # "Anwar told reporters" after "Anwar Ibrahim"
            self.emit(item.t0, item.t1, earlier)
            return i + 1
        person = self.gazetteer.fuzzy_person(words) if len(words) >= 2 else None
        if person:
            name = self.span(item.t0, item.t1)
            self.emit_named(item.t0, item, self.person_actor(person, "", f"name '{name}' spells known '{person.name}'"))
            return i + 1
        found = self.appositive(i) if len(words) >= 2 and not CALENDAR_WORDS.intersection(words) else None
        if found:
            country, role, why = found
            name = " ".join(self.span(item.t0, item.t1).split())
            self.emit_named(item.t0, item, Actor(name, country, "person", person_role(role), why, ActorBasis.NEW_NAME))
        return i + 1

    def appositive(self, i: int) -> tuple[str, str, str] | None:
        """'<Name>, [the|a] ... <title> ... <Country>' up to the end of the clause."""
        item = self.items[i]
        comma = _COMMA.match(self.text, self.toks[item.t1 - 1].end)
        if not comma or item.t1 >= len(self.toks):
            return None
        begin = comma.end()
        stop = CLAUSE_END_RE.search(self.text, begin, begin + APPOSITIVE_REACH)
        limit = stop.start() if stop else min(len(self.text), begin + APPOSITIVE_REACH)
        window = list(takewhile(lambda it: self.toks[it.t0].start < limit, islice(self.items, i + 1, None)))
        titles = [k for k, it in enumerate(window) if it.kind == "title" and it.entries[0].target != "address"]
        introduces = any(k + 1 < len(window) and window[k + 1].kind in ("person", "short", "name")
                         and self.glued(window[k].t1, window[k + 1]) for k in titles)
        if not titles or introduces:  # "On Monday, Chinese spokesman Wang said": not an appositive
            return None
        role = window[titles[0]].entries[0].target
        country = self.appositive_country(window, titles)
        if not country:
            return None
        self.quiet_until = limit
        why = f"appositive '{self.text[begin:limit].strip()}' -> {self.gazetteer.country_name(country)}"
        return country, role, why

    def appositive_country(self, window: list[Item], titles: list[int]) -> str:
        for k in titles:  # "the US special representative", "the DPRK (DPRK) ambassador"
            before, t = (window[k - 1] if k else None), window[k].t0
            possessive = before is not None and t == before.t1 + 1 and self.toks[before.t1].norm == "s"
            adjacent = before is not None and t == before.t1 and self.glued(t, window[k], PAREN_GAP_RE)
            if before and before.kind in ("place", "body") and (adjacent or possessive) and self.place_iso(before):
                return self.gazetteer.sovereign_of(self.place_iso(before) or "")
        for it in window[titles[0] + 1 :]:  # "first secretary of ... the Communist Party of Cuba"
            prev = self.toks[it.t0 - 1].norm if it.t0 else ""
            if it.kind in ("place", "body") and prev not in TARGET_WORDS and self.place_iso(it):
                return self.gazetteer.sovereign_of(self.place_iso(it) or "")
        return ""


# The step that reads a run of hits, by the kind of its first hit (surfaces.KIND_ORDER, and
# "name" for a capitalised name no table knows).
STEPS: dict[str, Callable[[MentionPass, int], int]] = {
    "media": MentionPass.at_media,
    "organisation": MentionPass.at_organisation,
    "person": MentionPass.at_person,
    "place": MentionPass.at_place,
    "body": MentionPass.at_body,
    "epithet": MentionPass.at_epithet,
    "short": MentionPass.at_short,
    "title": MentionPass.at_title,
    "name": MentionPass.at_name,
}
