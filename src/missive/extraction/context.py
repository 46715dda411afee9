"""Parties from context: what a sentence leaves unnamed, read from the sentences around it.

"Pyongyang recalled its ambassador" names no posting; "the June 12 summit" names no party;
"Kim made the remarks in a message to Xi" leaves the parse unsure. These helpers fill such gaps
from the article's actor mentions, and each says so in the frame's notes or the actor's reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..knowledge.schema import ContextReason, Reference, RoleReason
from ..model import DateWindow
from ..temporal.expressions import Expression, find_expressions
from .nlp import Sentence
from .cast import LIST_JOINT, PAIR_NOUNS, PLURAL_PRONOUNS, ActorFinder, Cast, Placed, group_size, is_person_like
from .drafts import Draft
from .frames import Frame, PartyNote, children_by_prep, governing_verb, is_verb, subject_of, told_as_event

# Dependencies that open a clause of its own: what is named there is not a party of the clause above.
CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "parataxis", "csubj"})


def note_sentence_subject(doc: Doc, finder: ActorFinder, cast: Cast, base: int) -> None:
    """Who the sentence is about (its main subject), for a later "he" or "it" to point at."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is not None and subj.lower_ not in ("he", "she", "it", "they"):
        for actor in finder.actors_of(subj)[:1]:
            cast.note_agent(base + subj.idx, actor)


def people_of_sentence(cast: Cast, sentence: Sentence, frame: Frame) -> list:
    """"the June 12 summit in Singapore", parties unnamed in its phrase: the people of the trigger's
    clause when they are of exactly two countries."""
    people = {}
    for m in _of_clause(cast, sentence, frame):
        if is_person_like(m.actor) and m.actor.country and m.actor.country not in people:
            people[m.actor.country] = m.actor
    if len(people) == 2:
        frame.notes.append(PartyNote("participant", ContextReason.SENTENCE_PEOPLE, tuple(people.values()),
                                     says="participants: the two people named in the sentence"))
        return list(people.values())
    return []


def gathering_participants(frame: Frame, finder: ActorFinder, cast: Cast, following: Sentence | None) -> None:
    """A summit or talks that names no party, told as an event of the clause (its subject, object
    or adjunct, not "hopes for a meeting"): in a fronted adjunct, the speakers of the sentence
    ("At the summit, A called for ...; B told delegates ...; C urged ..."); else the people the
    next sentence names ("Among them were A, B and C"; "showed A seated with the B and C
    ministers"; states named there are what they talked about). Only when that gives at least
    two countries."""
    tok, have = frame.token, frame.participants
    if frame.trigger.pos != "noun" or len({a.country for a in have}) >= 2 or not told_as_event(tok):
        return
    found, how, why = [], "", ContextReason.SPEAKERS
    if _is_fronted_adjunct(tok):
        found = _new_countries(have, [a for t in _main_subjects(tok.doc) for a in finder.actors_of(t)])
        how = "the speakers of its sentence"
    verb = governing_verb(tok)
    doers = subject_of(verb) if verb is not None and tok.dep_ == "dobj" else None
    if doers is not None and finder.actors_of(doers):
        return  # "Sisi and Erdogan shook hands": its own clause names the parties, however parsed
    if not have and len(found) < 2 and following is not None and tok.lower_ not in following.text.lower():
        # (a next sentence about another summit, "is hosting the G7 summit with ...", tells its own)
        named = [m.actor for m in cast.within(following.start, following.end)
                 if not m.is_venue and m.actor.country and is_person_like(m.actor)]
        found, how, why = _new_countries([], named), "named in the next sentence", ContextReason.NEXT_SENTENCE
    if len({a.country for a in have + found}) >= 2 and found:
        frame.participants = have + found
        frame.notes.append(PartyNote("participant", why, tuple(found),
                                     says=f"participants: {', '.join(a.name for a in found)}, {how}"))


def counted_participants(frame: Frame, size: int, cast: Cast, sentences: list[Sentence], index: int,
                         text: str) -> None:
    """"trilateral talks were held in Ankara", "the quadrilateral meeting": a gathering of so many
    parties that its own words do not name. The nearest sentence that names exactly that many
    (states and the countries of people; an international body counts but is no state party)
    gives them: its own sentence, then the next two of its paragraph, then those before it,
    nearest first. Parties already found must be among them."""
    have = {a.country for a in frame.participants if a.country}
    if len(have) >= 2:
        return
    for k in _nearby(sentences, index, text):
        countries, bodies = _named_in(cast, sentences[k])
        if len(countries) + bodies == size and len(countries) >= 2 and have <= set(countries):
            found = [a for c, a in countries.items() if c not in have]
            frame.participants = frame.participants + found
            where = "its sentence" if k == index else f"a sentence {'after' if k > index else 'before'} it"
            frame.notes.append(PartyNote("participant", ContextReason.COUNTED, tuple(found),
                                         says=f"participants: {', '.join(a.name for a in found)}, the {size} "
                                              f"parties {where} names"))
            return


def _nearby(sentences: list[Sentence], index: int, text: str) -> list[int]:
    after = []
    for k in range(index + 1, min(index + 3, len(sentences))):
        if "\n" in text[sentences[k - 1].end:sentences[k].start]:
            break
        after.append(k)
    return [index, *after, *range(index - 1, -1, -1)]


def _named_in(cast: Cast, sentence: Sentence) -> tuple[dict, int]:
    """The countries a sentence names (one actor each) and how many international bodies."""
    countries, bodies = {}, set()
    for m in cast.within(sentence.start, sentence.end):
        if m.actor.country:
            countries.setdefault(m.actor.country, m.actor)
        elif m.actor.kind == "organisation":  # "the UN": a party to the talks, not a state
            bodies.add(m.actor.name)
    return countries, len(bodies)


def summit_participants(frame: Frame, cast: Cast, sentences: list[Sentence], text: str,
                        words: frozenset[str]) -> None:
    """"The two leaders talked in Los Cabos, as leaders of the world's leading economies gathered
    for a two-day summit": a summit told as an event that names no party is the article's summit,
    and its participants are the countries of the people the article's sentences about a summit
    (or about the group whose summit it is: "the G20 host, Mexican President ...") name, not the
    states they talk about, when they are three or more."""
    tok = frame.token
    if (frame.trigger.pos != "noun" or tok.lower_ not in words or any(a.country for a in frame.participants)
            or not told_as_event(tok)):
        return
    # the group whose summit it is, as the article names it ("the G20 summit"): its sentences count too
    groups = {g for w in words for g in re.findall(rf"\b([A-Z][A-Z0-9]+)\s+{w}\b", text, re.I) if not g.islower()}
    found: dict[str, object] = {}
    for s in sentences:
        said = text[s.start:s.end]
        if words.isdisjoint(_WORDS.findall(said.lower())) and not any(re.search(rf"\b{g}\b", said) for g in groups):
            continue
        for m in cast.within(s.start, s.end):
            if m.actor.country and is_person_like(m.actor):
                found.setdefault(m.actor.country, m.actor)
    if len(found) >= 3:
        frame.participants = list(found.values())
        frame.notes.append(PartyNote("participant", ContextReason.SUMMIT, tuple(found.values()),
                                     says=f"participants: {', '.join(a.name for a in found.values())}, named "
                                          "where the article speaks of a summit"))


_WORDS = re.compile(r"[a-z]+")


def party_count(frame: Frame, counts: dict[str, frozenset[str]]) -> int:
    """The number a word on the gathering's phrase gives ("trilateral" 3), or 0."""
    tok = frame.token
    phrase = " " + tok.doc[tok.left_edge.i:tok.i].text.lower().replace(" - ", "-").replace(" -", "-") + " "
    return next((n for n, group in counts.items() if any(f" {w} " in phrase for w in group)), 0)


def _is_fronted_adjunct(tok: Token) -> bool:
    """"At the summit, ..., A said": an at/during phrase before the subject of its verb."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("at", "during"):
        return False
    subject = next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and prep.i < subject.i


def _main_subjects(doc) -> list[Token]:
    """Subjects of the sentence's main clauses: the root and the verbs coordinated with it or
    reporting under it ("A called for ...; B told ...; and C urged ...")."""
    out = []
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or not is_verb(t.head):
            continue
        v = t.head
        while v.dep_ in ("conj", "ccomp", "parataxis") and v.head.i != v.i:
            v = v.head
        if v.dep_ == "ROOT":
            out.append(t)
    return out


def _new_countries(have: list, actors: list) -> list:
    seen = {a.country for a in have}
    out = []
    for a in actors:
        if a.country and a.country not in seen:
            seen.add(a.country)
            out.append(a)
    return out


def other_person_of_sentence(cast: Cast, sentence: Sentence, frame: Frame) -> None:
    """A message with one party named: the one person of another country named in the trigger's
    clause is the other party ("Kim made the remarks in a message to Xi"); a person of another
    clause is not ("the letter was read out while the Norwegian premier was visiting Malawi")."""
    known = (frame.agents or frame.recipients)[0]
    if not is_person_like(known):
        return
    placed = [m for m in _of_clause(cast, sentence, frame)
              if is_person_like(m.actor) and m.actor.country and m.actor.country != known.country]
    others = {m.actor.name: m.actor for m in placed}
    if len(others) == 1:
        other = next(iter(others.values()))
        (frame.recipients if frame.agents else frame.agents).append(other)
        frame.notes.append(PartyNote("recipient" if frame.agents else "agent", ContextReason.OTHER_PERSON, (other,),
                                     says=f"other party: {other.name}, the one other person named in the sentence"))
    elif frame.agents and len({a.country for a in others.values()}) == 1 and _listed(placed, sentence):
        # "sent the Japanese prime minister and foreign minister letters": one message to each
        frame.recipients.extend(others.values())
        frame.notes.append(PartyNote("recipient", ContextReason.OTHER_PERSON, tuple(others.values()), Reference.LIST,
                                     says=f"other parties: {', '.join(others)}, the people listed in the sentence"))


def _listed(placed: list[Placed], sentence: Sentence) -> bool:
    """Mentions one after another with only ",", "and" or "&" between them: a list."""
    text = sentence.text
    gaps = [text[a.end - sentence.start:b.start - sentence.start] for a, b in zip(placed, placed[1:])]
    return bool(gaps) and all(LIST_JOINT.fullmatch(g) for g in gaps)


def _of_clause(cast: Cast, sentence: Sentence, frame: Frame) -> list[Placed]:
    """The sentence's mentions outside any clause of their own that leaves the trigger out
    ("... while the Norwegian premier was visiting Malawi"); a main clause above the trigger's
    counts (parsers often hang a subject there)."""
    doc, trigger = frame.token.doc, frame.token
    out = []
    for m in cast.within(sentence.start, sentence.end):
        words = [t for t in doc if m.start <= sentence.start + t.idx < m.end]
        if not words or not _in_other_clause(words[0], trigger):
            out.append(m)
    return out


def _in_other_clause(token: Token, trigger: Token) -> bool:
    if token in trigger.subtree:  # "a message sent to the acting president": the trigger's own phrase
        return False
    t = token
    while t.head.i != t.i:
        if is_verb(t) and (t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and is_verb(t.head))):
            return trigger not in t.subtree
        t = t.head
    return False


def names_other_recipient(frame: Frame) -> bool:
    """The sentence names an addressee that is no state actor ("congratulated the Springboks",
    "sent his congratulations to the Atlas Lions"): nobody is to be borrowed for it."""
    tok, verb = frame.token, frame.verb
    places = children_by_prep(tok, "to") + (children_by_prep(verb, "to") if verb is not None else [])
    if frame.trigger.pos == "verb":
        places += [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.tag_.startswith("NN")]
    return any(t.tag_.startswith("NN") for t in places)


def names_other_counterpart(frame: Frame) -> bool:
    """The sentence names the other side, and it is no state actor ("signed a memorandum of
    understanding with a breakaway region", "met with reporters", "a deal with the IMF"): nobody is to be
    borrowed for it. Only called for a frame that found a single state: a state in the with-phrase
    would have been its second."""
    heads = [frame.token, *([frame.verb] if frame.verb is not None else [])]
    heads += [t for h in heads for c in h.children if c.dep_ == "dobj" for t in c.subtree if t.tag_.startswith("NN")]
    return any(t.tag_.startswith("NN") for h in heads for t in children_by_prep(h, "with"))


def counterpart_from_governing_clause(frame: Frame, finder: ActorFinder) -> None:
    """"restoring relations with Kenya six months after severing ties", "joined the talks with
    Chad after breaking off relations": a relations act or signing with its doer only takes its
    counterpart from the with-phrase of the clause it hangs from."""
    if len({a.country for a in frame.participants}) != 1:
        return
    own = frame.participants[0].country
    for verb in (t for t in frame.token.ancestors if is_verb(t)):
        phrases = [g for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for g in children_by_prep(h, "with")]
        found = [a for g in phrases for a in finder.actors_of(g) if a.country != own]
        if found:
            frame.participants.append(found[0])
            frame.notes.append(PartyNote("participant", ContextReason.GOVERNING_CLAUSE, (found[0],),
                                         says=f"counterpart: {found[0].name}, of the clause it hangs from"))
            return


def continue_group_occasion(drafts: list[Draft], sentence_starts: list[int] | None = None) -> None:
    """"... met in Luanda on Friday. The three countries signed a memorandum": a group that points
    back at the parties of the sentence before, with no date of its own, acts on that occasion
    (from its start on, when "later"); so do those "joining it in re-establishing ties" with the
    counterpart of the act before."""
    for i, d in enumerate(drafts):
        if d.has_own_date or d.type == "message":
            continue
        countries = d.countries
        if _is_group_subject(d.frame):
            before = next((e for e in reversed(drafts[:i]) if e.sentence == d.sentence - 1 and e.has_own_date
                           and countries and countries <= e.countries), None)
        elif _joins_another(d.frame):
            before = next((e for e in reversed(drafts[:i]) if e.sentence == d.sentence - 1 and e.has_own_date
                           and e.type == d.type and countries & e.countries), None)
        else:
            continue
        if before is None:
            continue
        later = any(c.lower_ in LATER_WORDS for c in d.frame.anchor.children if c.dep_ == "advmod")
        end = d.window.end if later else before.window.end
        why = f"the act of the sentence before, on its occasion{' or later' if later else ''}: {before.window.reason}"
        d.window = DateWindow(before.window.start, end, before.window.precision if not later else "range", why)
        d.has_own_date = True
        d.reasons = [r for r in d.reasons if not r.startswith("date: ")] + [f"date: {why}"]


def _joins_another(frame: Frame) -> bool:
    """"were joining it in re-establishing ties": the act is another's, joined."""
    t = frame.anchor
    while t.dep_ in ("pcomp", "pobj", "prep") and t.head.i != t.i:
        t = t.head
        if is_verb(t):
            return t.lemma_ == "join" or t.lower_ in ("join", "joins", "joined", "joining")
    return False


LATER_WORDS = frozenset({"later", "afterwards", "subsequently", "then"})


def _is_group_subject(frame: Frame) -> bool:
    subj = subject_of(frame.anchor) if is_verb(frame.anchor) else None
    return subj is not None and ((subj.lower_ in PAIR_NOUNS and group_size(subj) > 0) or subj.lower_ in PLURAL_PRONOUNS)


def signing_presence(frame: Frame, finder: ActorFinder) -> tuple[bool, list]:
    """"signed together in Melbourne", "signed ... in the presence of Rubio": the signatories met,
    and whoever the presence phrase names was there too."""
    verb = frame.anchor
    together = any(c.lower_ in ("together", "jointly") and c.dep_ == "advmod" for c in verb.children)
    present = [a for p in children_by_prep(verb, "in") if p.lower_ == "presence"
               for g in children_by_prep(p, "of") for a in finder.actors_of(g)]
    return together or bool(present), present


def listed_senders(previous: list[Draft], sentence: Sentence, index: int, cast: Cast,
                   listing: frozenset[str]) -> list[Draft]:
    """A sentence with no trigger that lists more senders of the message just told ("They
    included A, B and C", "The list also included Nepal's prime minister", "X was also among
    the senders"): one message each, to the same recipient, on the same occasion."""
    told = next((d for d in previous if d.type == "message" and d.target and not d.weak), None)
    if told is None or not listing & {w.lower().strip(".,") for w in sentence.text.split()}:
        return []
    known = {d.source.country for d in previous if d.source} | {told.target.country}
    out = []
    for m in cast.within(sentence.start, sentence.end):
        if m.actor.country and m.actor.country not in known and not m.is_venue:
            known.add(m.actor.country)
            out.append(replace(told, source=m.actor, evidence=[(sentence.start, sentence.end)], sentence=index,
                               participants=[], reasons=[*told.reasons, f"listed as a sender: '{sentence.text[:60]}'"]))
    return out


REQUEST_WORDS = frozenset({"request", "invitation", "initiative", "behest"})


def orient_interaction(frame: Frame, made: list[Draft], finder: ActorFinder, cast: Cast, sentence: Sentence) -> None:
    """Direction by the conventions: a call's initiator is its subject, unless the subject
    received it ("received a call from X"), or it was held at the other's request or upon
    invitation; a meeting's visitor is the source, so when the venue named in the sentence is the
    subject's country, the subject is the host."""
    if frame.trigger.frame == "call":
        asker, by_other = _caller(frame, finder)
        for d in made:
            if d.source and d.target and (by_other or (asker is not None and asker.country == d.target.country)):
                d.source, d.target = d.target, d.source
                d.reasons.append(f"call initiator: {d.source.name} ({frame.remarks[-1]})")
    elif frame.trigger.frame == "meet":
        venues = {m.actor.country for m in cast.within(sentence.start, sentence.end) if m.is_venue and m.actor.country}
        for d in made:
            if d.source and d.target and d.source.country in venues and d.target.country not in venues:
                d.source, d.target = d.target, d.source
                d.reasons.append(f"visitor first: the meeting was in {d.target.name}'s country")


def _caller(frame: Frame, finder: ActorFinder) -> tuple:
    """(who asked for the call, or None; whether the subject's counterpart placed it)."""
    verb = frame.verb if frame.verb is not None else frame.token
    for h in (verb, frame.token):
        for p in (c for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "upon", "on", "following")):
            for g in (g for g in p.children if g.dep_ == "pobj" and g.lower_ in REQUEST_WORDS):
                asker = [a for t in g.subtree if t is not g and t.lower_ != "latter" for a in finder.actors_of(t)]
                if asker:
                    frame.remarks.append(f"at the request of {asker[0].name}")
                    return asker[0], False
                frame.remarks.append(f"'{p.text} ... {g.text}': the other party asked for it")
                return None, True
    if verb.lower_ in ("received", "receives", "receive", "receiving"):
        frame.remarks.append("received the call: the other party placed it")
        return None, True
    return None, False


# "with Trudeau in February and López Obrador in March": what joins the gapped conjunct to the first.
_GAP_JOIN = re.compile(r"^\s*,?\s*and\s+(?:with\s+|to\s+)?(?:then\s+)?$", re.IGNORECASE)
_GAP_DATE = re.compile(r"^\s+(?:in|on|last)\b", re.IGNORECASE)


def gapped_counterparts(made: list[Draft], sentence: Sentence, cast: Cast,
                        resolve: Callable[[Expression], DateWindow | None]) -> list[Draft]:
    """"Biden held separate virtual meetings with Trudeau in February and López Obrador in March",
    "spoke with A on Monday and with B on Tuesday": a conjunct that repeats the counterpart and its
    date without the verb is another call or meeting of the same doer, on its own date. Only for a
    call or meeting with two parties and a date of its own, whose date is followed by "and", a party
    of a third country and a date."""
    if len(made) != 1 or made[0].type not in ("call", "meeting") or not made[0].has_own_date:
        return []
    d = made[0]
    if not (d.source and d.target) or d.frame.trigger.frame not in ("call", "meet"):
        return []
    text, base = sentence.text, sentence.start
    expressions = find_expressions(text)
    known = {d.source.country, d.target.country}
    doer = next((a for a in (d.source, d.target) if any(n.how == "subject" and a.country in {x.country for x in n.actors}
                                                          for n in d.found)), None)
    if doer is None:
        return []
    out: list[Draft] = []
    for m in cast.within(base, sentence.end):
        if not m.actor.country or m.actor.country in known or m.is_venue:
            continue
        before = next((e for e in reversed(expressions) if base + e.end <= m.start), None)
        after = next((e for e in expressions if base + e.start >= m.end), None)
        if before is None or after is None or not _GAP_JOIN.match(text[before.end:m.start - base]):
            continue
        if not _GAP_DATE.match(text[m.end - base:after.end]) or text[m.end - base:after.start].strip().lower() not in (
                "in", "on", "last", ""):
            continue
        window = resolve(after)
        if window is None:
            continue
        known.add(m.actor.country)
        why = f"'and {text[m.start - base:after.end]}': the same {d.type} with another, on its own date"
        out.append(replace(d, source=doer, target=m.actor, participants=[doer, m.actor],
                           window=replace(window, reason=f"{why}; {window.reason}"), evidence=list(d.evidence),
                           reasons=[*d.reasons, why], found=(*d.found, PartyNote("participant", ContextReason.SENTENCE_PEOPLE,
                                                                                  (m.actor,), says=why))))
    return out


def visitor_from_abroad(frame: Frame, finder: ActorFinder) -> None:
    """"Modi thanked Moon for his greetings and recalled his visit to that country": a visitor read
    from a possessive who is of the visited country visits no one; the clause's subject did."""
    if frame.trigger.frame != "visit" or not frame.agents or not frame.recipients:
        return
    visited = {a.country for a in frame.recipients}
    if any(a.country not in visited for a in frame.agents) or not any(
            n.role == "agent" and n.how == RoleReason.POSSESSIVE_VISITOR for n in frame.notes):
        return
    subj = subject_of(frame.verb) if frame.verb is not None else None
    found = [a for a in finder.actors_of(subj) if a.country and a.country not in visited] if subj is not None else []
    if found:
        frame.agents = found[:1]
        frame.notes.append(PartyNote("agent", RoleReason.VISITOR_SUBJECT, tuple(found[:1]),
                                     says=f"visitor: {found[0].name}, the subject (the possessive's is of the visited country)"))


def posting_from_context(drafts: list[Draft], cast: Cast, pos: int) -> None:
    """"Pyongyang recalled its ambassador": from the state last named before it."""
    for d in drafts:
        if d.source is not None and d.target is None:
            d.target = cast.last_state(pos, {d.source.country}, prefer_agents=False)
            if d.target is not None:
                d.found += (PartyNote("recipient", ContextReason.POSTING, (d.target,)),)
