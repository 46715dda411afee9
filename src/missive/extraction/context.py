"""Parties from context: what a sentence leaves unnamed, read from the sentences around it.

"Pyongyang recalled its ambassador" names no posting; "the June 12 summit" names no party;
"Kim made the remarks in a message to Xi" leaves the parse unsure. These helpers fill such gaps
from the article's actor mentions, and each says so in the frame's notes or the actor's reason.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .nlp import Sentence
from .cast import ActorFinder, Cast, is_person_like
from .drafts import Draft
from .frames import Frame


def note_sentence_subject(doc: Doc, finder: ActorFinder, cast: Cast, base: int) -> None:
    """Who the sentence is about (its main subject), for a later "he" or "it" to point at."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is not None and subj.lower_ not in ("he", "she", "it", "they"):
        for actor in finder.actors_of(subj)[:1]:
            cast.note_agent(base + subj.idx, actor)


def people_of_sentence(cast: Cast, sentence: Sentence, frame: Frame) -> list:
    """"the June 12 summit in Singapore", parties unnamed in its phrase: the people of the sentence
    when they are of exactly two countries."""
    people = {}
    for m in cast.within(sentence.start, sentence.end):
        if is_person_like(m.actor) and m.actor.country and m.actor.country not in people:
            people[m.actor.country] = m.actor
    if len(people) == 2:
        frame.notes.append("participants: the two people named in the sentence")
        return list(people.values())
    return []


def other_person_of_sentence(cast: Cast, sentence: Sentence, frame: Frame) -> None:
    """A message with one party named: the one person of another country named in the same
    sentence is the other party ("Kim made the remarks in a message to Xi")."""
    known = (frame.agents or frame.recipients)[0]
    if not is_person_like(known):
        return
    others = {m.actor.name: m.actor for m in cast.within(sentence.start, sentence.end)
              if is_person_like(m.actor) and m.actor.country and m.actor.country != known.country}
    if len(others) == 1:
        other = next(iter(others.values()))
        (frame.recipients if frame.agents else frame.agents).append(other)
        frame.notes.append(f"other party: {other.name}, the one other person named in the sentence")


def posting_from_context(drafts: list[Draft], cast: Cast, pos: int) -> None:
    """"Pyongyang recalled its ambassador": from the state last named before it."""
    for d in drafts:
        if d.source is not None and d.target is None:
            d.target = cast.last_state(pos, {d.source.country}, prefer_agents=False)
