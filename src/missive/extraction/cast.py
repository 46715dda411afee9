"""The actors of one article, and how a token of a parsed sentence finds its actor.

Every actor mention of the article is found once, lexically, over the cleaned text (see
actors.ActorResolver.find_mentions); a role token of the parse then looks up the mention that
covers it. Pronouns ("he", "its") and pair phrases ("the two leaders", "both sides") resolve to
the mentions that came before, which is why the whole article's mentions are kept in order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..knowledge.schema import Reference
from ..knowledge.numbers import CARDINALS
from ..model import Actor
from .frames import is_verb

PERSON_PRONOUNS = frozenset("he him his she her hers himself herself".split())
STATE_PRONOUNS = frozenset("it its itself".split())
REFLEXIVE_PRONOUNS = frozenset("himself herself itself themselves".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
PAIR_NOUNS = frozenset("leaders countries sides nations states governments heads neighbors neighbours allies "
                       "presidents ministers premiers delegations".split())
PEOPLE_PAIR_NOUNS = frozenset("leaders heads presidents ministers premiers".split())
# "the three countries", "all four governments": how many the group counts.
GROUP_SIZES = {**{w: n for w, n in CARDINALS.items() if n >= 2}, "both": 2}
THROUGH_PREPS = frozenset({"of", "including", "like"})
# Where a name stands for a person a later pronoun may point at ("met Giuliani ... with him").
NAME_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "appos", "conj"})
PERSON_PREPS = frozenset({"with", "by", "to", "from", "for"})
# Dependencies that leave a noun's own phrase: what hangs there names other things.
PHRASE_EXITS = frozenset({"prep", "appos", "relcl", "acl", "conj", "cc", "punct", "advcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class Placed:
    """An actor mention placed in the cleaned text of the article."""

    start: int
    end: int
    actor: Actor
    is_venue: bool = False  # "in Washington", "at the Kremlin": where, not who (a group never points at it)


# What stands between two names of one list: "A, B and C", "A & B", "in Syria and Yemen", "A or the B".
LIST_JOINT = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)(?:the\s+)?")
RECENT_PAIR_SENTENCES = 2  # "the two countries" points at an interaction told at most this many sentences before


class Cast:
    """The article's actor mentions in order, with the lookups the role finder needs."""

    def __init__(self, mentions: list[Placed], sentence_starts: list[int] = ()):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._sentences = sorted(sentence_starts)
        self.agents: list[Placed] = []  # actors seen acting (subjects of triggers), in text order
        self.pairs: list[tuple[int, list[Actor]]] = []  # the two parties of an interaction read, in text order

    def note_agent(self, pos: int, actor: Actor) -> None:
        self.agents.append(Placed(pos, pos, actor))

    def note_pair(self, pos: int, parties: list[Actor]) -> None:
        """An interaction of exactly two countries was read at pos: what a later "the two countries" means."""
        self.pairs.append((pos, parties))

    def within(self, start: int, end: int) -> list[Placed]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            out.append(self.mentions[i])
            i += 1
        return out

    def covering(self, pos: int) -> Placed | None:
        i = bisect_left(self._starts, pos + 1) - 1
        if i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end:
            return self.mentions[i]
        return None

    def before(self, pos: int) -> list[Placed]:
        """Mentions ending before pos, nearest first."""
        return [m for m in reversed(self.mentions[: bisect_left(self._starts, pos)]) if m.end <= pos]

    def last_person(self, pos: int, exclude: set[str], prefer_agents: bool = False) -> Actor | None:
        """The person a pronoun points at: for a subject "he", the person last seen as a subject
        (who the text is about), else the nearest person mentioned before."""
        if prefer_agents:
            agent = next((m for m in reversed(self.agents)
                          if m.start < pos and m.actor.kind == "person" and m.actor.name not in exclude), None)
            if agent is not None and not self._newer_person(agent.start, pos, exclude):
                return _because(agent.actor, "pronoun subject resolved to the person last seen as a subject")
        for m in self.before(pos):
            if is_person_like(m.actor) and m.actor.name not in exclude:
                return _because(m.actor, "pronoun resolved to the nearest person mentioned before")
        return None

    def _newer_person(self, agent_pos: int, pos: int, exclude: set[str]) -> bool:
        """A person introduced in a later sentence than the subject's ("Russia was represented by
        Matviyenko. During a meeting, he ..."): the pronoun points at the newcomer."""
        agent_sentence = bisect_left(self._sentences, agent_pos + 1)
        pronoun_sentence = bisect_left(self._sentences, pos + 1)
        return any(m.actor.kind == "person" and m.actor.name not in exclude
                   and agent_sentence < bisect_left(self._sentences, m.start + 1) < pronoun_sentence
                   for m in self.within(agent_pos, pos))

    def last_state(self, pos: int, exclude: set[str], prefer_agents: bool = True) -> Actor | None:
        """"It closed its missions": the state last seen acting, else the nearest state named."""
        if prefer_agents:
            for m in reversed(self.agents):
                if m.start < pos and m.actor.country and m.actor.country not in exclude:
                    return _because(m.actor, "'it' resolved to the state last seen acting")
        for m in self.before(pos):
            if m.actor.country and m.actor.country not in exclude:
                why = "'it' resolved to" if prefer_agents else "not named in the sentence:"
                return _because(m.actor, f"{why} the nearest state mentioned before")
        return None

    def last_pair(self, pos: int, people_only: bool = False) -> list[Actor]:
        """The two nearest actors of different countries: what "the two leaders" points at
        (people for "leaders", anyone for "countries" or "sides")."""
        return self.last_group(pos, 2, people_only)

    def last_group(self, pos: int, size: int, people_only: bool = False) -> list[Actor]:
        """The `size` nearest actors of different countries, venues left out ("the three
        countries" after three presidents named in Luanda); none if fewer are named ("the 33
        member countries"). A pair is first the two parties of the last interaction read in this
        sentence or the two before ("A and B resumed ties under a deal brokered by C. ... The two
        countries exchanged ambassadors": A and B, not the mediator named last)."""
        if size == 2 and (pair := self._recent_pair(pos, people_only)):
            return pair
        found: dict[str, Actor] = {}
        why = "'the two ...' resolved to the last two parties mentioned" if size == 2 else \
            f"'the {size} ...' resolved to the last {size} parties mentioned"
        for m in self.before(pos):
            if (people_only and m.actor.kind != "person") or m.is_venue:
                continue
            if m.actor.country and m.actor.country not in found:
                found[m.actor.country] = _because(m.actor, why)
            if len(found) == size:
                break
        return list(found.values()) if len(found) == size else []


    def _recent_pair(self, pos: int, people_only: bool) -> list[Actor]:
        sentence = bisect_left(self._sentences, pos + 1)
        for at, parties in reversed(self.pairs):
            if at >= pos:
                continue
            if sentence - bisect_left(self._sentences, at + 1) > RECENT_PAIR_SENTENCES:
                return []
            if not people_only or all(a.kind == "person" for a in parties):
                return [_because(a, "'the two ...' resolved to the parties of the last interaction read") for a in parties]
            return []
        return []

    def next_group(self, pos: int, size: int) -> list[Actor]:
        """"All four governments signed the roadmap on Monday. The leaders of A, B, C and D met
        earlier": a group no sentence before names is the one the next sentence names, when that
        sentence names exactly as many countries (venues left out)."""
        k = bisect_right(self._sentences, pos)
        if k >= len(self._sentences):
            return []
        end = self._sentences[k + 1] if k + 1 < len(self._sentences) else float("inf")
        found: dict[str, Actor] = {}
        for m in self.within(self._sentences[k], end):
            if m.actor.country and not m.is_venue:
                found.setdefault(m.actor.country, _because(m.actor, f"'the {size} ...' named in the next sentence"))
        return list(found.values()) if len(found) == size else []


def _because(actor: Actor, reason: str) -> Actor:
    return replace(actor, reason=f"{reason} ({actor.reason})" if actor.reason else reason)


def phrase_range(token: Token) -> tuple[int, int]:
    """Character range of a noun's own phrase (modifiers and compounds, not its attachments)."""
    lo, hi = token.idx, token.idx + len(token)
    stack = [c for c in token.children if c.dep_ not in PHRASE_EXITS]
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.idx), max(hi, t.idx + len(t))
        stack.extend(c for c in t.children if c.dep_ not in PHRASE_EXITS)
    return lo, hi


class ActorFinder:
    """Looks up the actors a token of a sentence parse stands for."""

    def __init__(self, cast: Cast, base: int, state_nouns: frozenset[str] = frozenset()):
        self.cast, self.base, self.state_nouns = cast, base, state_nouns

    def actors_of(self, token: Token, exclude: set[str] = frozenset()) -> list[Actor]:
        """The state actors of a role token and of its conjuncts ("X and Y"); a token naming an
        actor without a state (a party, an opposition leader) gives none."""
        out: list[Actor] = []
        for t in [token, *_conjuncts(token)]:
            out.extend(a for a in self._single(t, set(exclude)) if a not in out and a.country)
        for t in _listed_appositions(token):
            found = [a for a in self._single(t, set(exclude)) if a.country]
            if found and not {a.country for a in found} & {a.country for a in out}:
                out.extend(a for a in found if a not in out)
        return out

    def reference_of(self, token: Token) -> str:
        """How a role's word points at actors it does not name: a pronoun ("he", "its", a subject
        "they"), a group ("the two leaders", not "the Lao leaders"), else "" (it names them or is
        no reference at all); a listed conjunct's pronoun counts ("Kim and his wife")."""
        for t in [token, *_conjuncts(token)]:
            low = t.lower_
            if low in PERSON_PRONOUNS or low in STATE_PRONOUNS or (
                    low in PLURAL_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass")):
                return Reference.PRONOUN
            if low in PAIR_NOUNS and group_size(t) and not self._names_its_own(t):
                return Reference.GROUP
        return ""

    def _single(self, token: Token, exclude: set[str]) -> list[Actor]:
        low = token.lower_
        pos = self.base + token.idx
        pronoun = is_pronoun(token)
        if pronoun and low in PERSON_PRONOUNS:
            ahead = self._clause_subject_ahead(token)
            if ahead:
                return ahead
            if self._unknown_name_before(token):
                return []
            is_subject = token.dep_ in ("nsubj", "nsubjpass")
            if is_subject:
                exclude = exclude | self._non_subject_names(token)
            else:
                exclude = exclude | self._own_subject_names(token)
            actor = self.cast.last_person(pos, exclude, prefer_agents=is_subject)
            return [actor] if actor else []
        if pronoun and low in STATE_PRONOUNS:
            actor = self.cast.last_state(pos, exclude)
            return [actor] if actor else []
        if low in PLACE_ANAPHORS and any(c.lower_ in ("that", "this") and c.dep_ == "det" for c in token.children):
            actor = self.cast.last_state(pos, exclude, prefer_agents=False)  # "his visit to that country"
            return [actor] if actor else []
        size = 2 if pronoun and low in PLURAL_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") else (
            group_size(token) if low in PAIR_NOUNS and not self._names_its_own(token) else 0)
        if size:
            return (self._group_in_sentence(pos, size)
                    or self._group_after_colon(token, size)
                    or (size > 2 and self._group_in_sentence(self.base + len(token.doc.text), size))
                    or self.cast.last_group(pos, size, people_only=low in PEOPLE_PAIR_NOUNS)
                    or self.cast.last_group(pos, size)
                    or (self.cast.next_group(pos, size) if size > 2 else []))
        lo, hi = phrase_range(token)
        found = [m.actor for m in self.cast.within(self.base + lo, self.base + hi)
                 if not self._demonym_of_something_else(m, token)]
        if any(is_person_like(a) for a in found) and _says_former(token):
            return []  # "former Nepali premier X": who once held an office acts for no state
        if found:
            more = self._through_of(token, exclude) if len(found) == 1 and is_person_like(found[0]) else []
            return _distinct(found + [a for a in more if a.kind == "state"])
        return self._through_of(token, exclude)

    def _demonym_of_something_else(self, mention: Placed, head: Token) -> bool:
        """"the Chinese team", "Japanese automaker Toyota", "Russian hackers": a demonym on a noun
        that is not a state's (government, side, officials, leader...) is not the state."""
        if mention.actor.kind != "state" or not self.state_nouns:
            return False
        words = [t for t in head.doc if mention.start <= self.base + t.idx < mention.end]
        if not words or any(t.tag_ != "JJ" and not t.tag_.startswith("NNP") for t in words) or head in words:
            return False
        is_adjective = all(t.tag_ == "JJ" or t.dep_ in ("amod", "compound") for t in words)
        return is_adjective and not self.is_state_noun(head)

    def is_state_noun(self, head: Token) -> bool:
        """A noun that a state acts through (government, officials, leader, delegation...), by its
        own word or a modifier's ("top diplomats"); without the word group every noun is."""
        phrase = [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod"))]
        return not self.state_nouns or any(t.lower_ in self.state_nouns for t in phrase)

    def _group_in_sentence(self, pos: int, size: int) -> list[Actor]:
        """"Putin visited Pyongyang and the two leaders signed": the parties of the sentence, when
        they are as many as the group counts (venues left out)."""
        found: dict[str, Actor] = {}
        for m in self.cast.within(self.base, pos):
            if m.actor.country and not m.is_venue and (m.actor.country not in found or m.actor.kind == "person"):
                found[m.actor.country] = m.actor
        return list(found.values()) if len(found) == size else []

    def _group_after_colon(self, token: Token, size: int) -> list[Actor]:
        """"recalled its diplomats from seven countries that ...: A, B, C, D, E, F and G": the
        list after the colon names the group, whatever the parser attached it to."""
        colon = next((t for t in token.sent if t.i > token.i and t.text == ":"), None)
        if colon is None:
            return []
        found: dict[str, Actor] = {}
        for m in self.cast.within(self.base + colon.idx, self.base + token.sent.end_char):
            if m.actor.country and not m.is_venue:
                found.setdefault(m.actor.country, m.actor)
        return list(found.values()) if len(found) == size else []

    def _names_its_own(self, token: Token) -> bool:
        """"the Lao leaders", "the Gulf states": the group's phrase names whose it is."""
        lo, hi = phrase_range(token)
        return bool(self.cast.within(self.base + lo, self.base + hi))

    def _clause_subject_ahead(self, pronoun: Token) -> list[Actor]:
        """"In his letter, ..., Kim addressed Trump": a possessive in a fronted phrase points
        forward to the person who is the clause's subject."""
        if pronoun.dep_ != "poss":
            return []
        verb = next((t for t in pronoun.ancestors if t.tag_.startswith("VB")), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        if subj is None or subj.lower_ in PERSON_PRONOUNS:
            return []
        if subj.i < pronoun.i and not (_said_in_own(pronoun, verb) or _briefed_on_own(pronoun, verb)):
            return []
        lo, hi = phrase_range(subj)
        wanted = is_person_like if subj.i < pronoun.i else (lambda a: a.kind == "person")
        return [m.actor for m in self.cast.within(self.base + lo, self.base + hi) if wanted(m.actor)][:1]

    def _unknown_name_before(self, pronoun: Token) -> bool:
        """"Volker said meeting with Giuliani was routine, and he had one more with him": a pronoun
        after a name in its own sentence (a subject pronoun after a named subject) points at that
        name, even one the gazetteer does not know; then it is no state actor, not the leader
        last named before."""
        is_subject = pronoun.dep_ in ("nsubj", "nsubjpass")
        slots = ("nsubj", "nsubjpass") if is_subject else NAME_SLOTS
        names = [t for t in pronoun.sent if t.i < pronoun.i and t.tag_ == "NNP" and t.dep_ in slots
                 and (t.dep_ != "pobj" or t.head.lower_ in PERSON_PREPS) and t.head.i < pronoun.i]
        if not names:
            return False
        lo, hi = phrase_range(names[-1])
        return not self.cast.within(self.base + lo, self.base + hi)

    def _non_subject_names(self, pronoun: Token) -> set[str]:
        """People named earlier in the pronoun's own sentence outside a subject ("During a
        meeting with Kim, he delivered..."): a subject pronoun points past them."""
        names = set()
        for m in self.cast.within(self.base, self.base + pronoun.idx):
            tokens = [t for t in pronoun.doc if m.start <= self.base + t.idx < m.end]
            heads = [t for t in tokens if not (m.start <= self.base + t.head.idx < m.end)]
            if heads and heads[0].dep_ not in ("nsubj", "nsubjpass") and m.actor.kind == "person":
                names.add(m.actor.name)
        return names

    def _own_subject_names(self, pronoun: Token) -> set[str]:
        """"The minister delivered to him a letter", "the envoy briefed him": an object pronoun
        is someone else than its own verb's subject (a reflexive, "himself", is the subject)."""
        if pronoun.lower_ in REFLEXIVE_PRONOUNS or pronoun.dep_ not in ("dobj", "dative", "pobj"):
            return set()
        verb = pronoun.head.head if pronoun.dep_ == "pobj" and pronoun.head.dep_ in ("prep", "dative") else pronoun.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if is_verb(verb) else None
        if subj is None or subj.lower_ in PERSON_PRONOUNS:
            return set()
        lo, hi = phrase_range(subj)
        return {m.actor.name for m in self.cast.within(self.base + lo, self.base + hi) if m.actor.kind == "person"}

    def _through_of(self, token: Token, exclude: set[str]) -> list[Actor]:
        """"the heads of state of China, Vietnam" and "the leader of Laos": look inside of-phrases."""
        for child in token.children:
            if child.dep_ in ("prep", "appos") and (child.lower_ in THROUGH_PREPS or child.dep_ == "appos"):
                target = child if child.dep_ == "appos" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None:
                    found = self.actors_of(target, exclude)
                    if found:
                        return found
        return []


# "former Maldivian President X", "ex-premier Y": a past office-holder, no state actor.
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time"})


def _says_former(token: Token) -> bool:
    lo, hi = phrase_range(token)
    return any(t.lower_ in FORMER_WORDS for t in token.doc if lo <= t.idx < hi)


def is_pronoun(token: Token) -> bool:
    """"he" is a pronoun; the "He" of "Liu He" or "He Lifeng" is part of a name (tagged as one,
    or with the rest of the name hanging on it)."""
    return token.tag_ in ("PRP", "PRP$", "") and not any(c.dep_ == "compound" for c in token.children)


# "said in his meeting with ...", "told reporters during her visit": the occasion phrases whose
# possessive is the clause's own subject.
OWN_OCCASION_PREPS = frozenset({"in", "during", "at"})


def _said_in_own(pronoun: Token, verb: Token) -> bool:
    """"The president said in his meeting with the premier that ...": a possessive on the object
    of an in/during/at phrase of the verb is the verb's subject, when the verb has no object of
    its own ("thanked Xi for his letter", "told Kim in his letter" stay open)."""
    noun = pronoun.head
    return (noun.dep_ == "pobj" and noun.head.lower_ in OWN_OCCASION_PREPS and noun.head.head == verb
            and not any(c.dep_ in ("dobj", "dative") for c in verb.children))


# "recalled his visit to that country": the country last named.
PLACE_ANAPHORS = frozenset({"country", "nation"})
# "briefed X on the details of his call with Y": who briefs tells of what he did himself.
BRIEFING_VERBS = frozenset("brief briefed briefs briefing inform informed informs informing update updated updates "
                           "updating apprise apprised apprises apprising".split())
BRIEFING_PREPS = frozenset({"on", "about"})


def _briefed_on_own(pronoun: Token, verb: Token) -> bool:
    """"The president briefed his counterpart on (the details of) his phone call with Putin": a
    possessive in the on/about phrase of a verb of briefing is the briefer, not the one briefed."""
    if verb.lower_ not in BRIEFING_VERBS:
        return False
    t = pronoun.head
    while t.dep_ in ("pobj", "prep") and t.head != verb and t.head.i != t.i:
        t = t.head
    return t.dep_ == "prep" and t.lower_ in BRIEFING_PREPS and t.head == verb


def is_person_like(actor: Actor) -> bool:
    """A person, or a state named by one of its offices when the text's date names no holder
    ('the Kenyan president' in an undated article): someone acts, whose name is unknown."""
    return actor.kind == "person" or actor.kind == "state" and actor.role not in ("state", "")


def _distinct(actors: list[Actor]) -> list[Actor]:
    """Several mentions in one phrase: one actor per country, a person before a state
    ("Cuba's Diaz-Canel" is Diaz-Canel; "the North Korea-China summit" is both states)."""
    seen: dict[str, Actor] = {}
    for a in actors:
        if a.country not in seen or (a.kind == "person" and seen[a.country].kind != "person"):
            seen[a.country] = a
    return list(seen.values())


def _conjuncts(token: Token) -> list[Token]:
    out, stack = [], [c for c in token.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _listed_appositions(token: Token) -> list[Token]:
    """"Lourenco of Angola, Tshisekedi of Congo and Hichilema of Zambia", "from Zimbabwe's
    Mnangagwa, Botswana's Masisi and the Namibian president": the parser makes the later members
    appositions (and their conjuncts). The caller keeps those of another country than the head
    ("Xi, China's president" restates, it does not list)."""
    out: list[Token] = []
    stack = [c for t in (token, *_conjuncts(token)) for c in t.children if c.dep_ == "appos"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
        # "..., Pinera of Chile and Duque of Colombia": the last member may hang on the of-phrase
        stack.extend(g for o in children_of_prep(t, "of") for g in o.children if g.dep_ == "conj" and g.tag_ == "NNP")
    return out


def children_of_prep(token: Token, prep: str) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]


def group_size(token: Token) -> int:
    """How many a group noun counts: "the two leaders", "both sides", "the three countries",
    "all four governments"; a bare "the leaders" (not "the leaders of ...") is a pair; "the 33
    member countries" counts 33; 0 when the noun is no group reference."""
    for c in token.children:
        if c.lower_ in GROUP_SIZES:
            return GROUP_SIZES[c.lower_]
        if c.dep_ == "nummod" and c.text.isdigit():
            return int(c.text)
    is_bare = token.tag_ == "NNS" and any(c.lower_ == "the" for c in token.children)
    return 2 if is_bare and not any(c.dep_ in ("prep", "compound", "amod") for c in token.children) else 0
