"""Parties from context: what a sentence leaves unnamed, read from the sentences around it.

"Pyongyang recalled its ambassador" names no posting; "the June 12 summit" names no party;
"Kim made the remarks in a message to Xi" leaves the parse unsure. These helpers fill such gaps
from the article's actor mentions, and each says so in the frame's notes or the actor's reason.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .nlp import Sentence
from .cast import ActorFinder, Cast, Placed, is_person_like
from .drafts import Draft
from .frames import Frame, children_by_prep, is_verb

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
        frame.notes.append("participants: the two people named in the sentence")
        return list(people.values())
    return []


def other_person_of_sentence(cast: Cast, sentence: Sentence, frame: Frame) -> None:
    """A message with one party named: the one person of another country named in the trigger's
    clause is the other party ("Kim made the remarks in a message to Xi"); a person of another
    clause is not ("the letter was read out while the Norwegian premier was visiting Malawi")."""
    known = (frame.agents or frame.recipients)[0]
    if not is_person_like(known):
        return
    others = {m.actor.name: m.actor for m in _of_clause(cast, sentence, frame)
              if is_person_like(m.actor) and m.actor.country and m.actor.country != known.country}
    if len(others) == 1:
        other = next(iter(others.values()))
        (frame.recipients if frame.agents else frame.agents).append(other)
        frame.notes.append(f"other party: {other.name}, the one other person named in the sentence")


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
            frame.notes.append(f"counterpart: {found[0].name}, of the clause it hangs from")
            return


def posting_from_context(drafts: list[Draft], cast: Cast, pos: int) -> None:
    """"Pyongyang recalled its ambassador": from the state last named before it."""
    for d in drafts:
        if d.source is not None and d.target is None:
            d.target = cast.last_state(pos, {d.source.country}, prefer_agents=False)
