"""Parallel lists: "A, B and C have respectively congratulated X, Y and Z".

"Respectively" pairs the senders listed before the verb with the addressees listed after the
trigger, one message per pair, whatever the parser made of two long lists of titled names (it
often breaks them into pieces no role row reads). Lists of one length pair in order; when one
sender wrote to several (a leader who holds two offices writes to both counterparts), each
addressee's sender is the one of the same office, else the first listed.
"""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.schema import ContextReason
from ..model import Actor
from .cast import Cast, is_person_like
from .drafts import Draft
from .frames import Frame, PartyNote
from .nlp import Sentence


def says_respectively(frame: Frame, words: frozenset[str]) -> bool:
    """A word of the group on the trigger or its verb ("have respectively sent")."""
    heads = [frame.token] + ([frame.verb] if frame.verb is not None else [])
    return any(c.lower_ in words for h in heads for c in h.children)


def respective_messages(frame: Frame, made: list[Draft], cast: Cast, sentence: Sentence,
                        words: frozenset[str]) -> list[Draft]:
    """One message per sender-addressee pair of the lists, or the frame's own drafts when the
    sentence lists no such people."""
    if frame.trigger.type != "message" or not made or not says_respectively(frame, words):
        return made
    split = sentence.start + min(frame.anchor.idx, frame.token.idx)
    after = sentence.start + frame.token.idx + len(frame.token)
    senders, addressees = _people(cast, sentence.start, split), _people(cast, after, sentence.end)
    if not senders or not addressees or len(senders) + len(addressees) < 3:
        return made
    pairs = [(s, a) for s, a in _paired(senders, addressees) if s.country != a.country]
    return [replace(made[0], source=s, target=a, participants=[], evidence=list(made[0].evidence),
                    reasons=list(made[0].reasons), found=(
                        *made[0].found, PartyNote("agent", ContextReason.RESPECTIVELY, (s,)),
                        PartyNote("recipient", ContextReason.RESPECTIVELY, (a,))))
            for s, a in pairs] or made


def _people(cast: Cast, start: int, end: int) -> list[Actor]:
    out: list[Actor] = []
    for m in cast.within(start, end):
        if m.actor.country and is_person_like(m.actor) and not m.is_venue and m.actor not in out:
            out.append(m.actor)
    return out


def _paired(senders: list[Actor], addressees: list[Actor]) -> list[tuple[Actor, Actor]]:
    if len(senders) == len(addressees):
        return list(zip(senders, addressees))
    return [(next((s for s in senders if s.role and s.role == a.role), senders[0]), a) for a in addressees]
