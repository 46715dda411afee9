"""Replies and quotes: which message answers which, and which quoted words belong to it.

"Xi made the commitment in a response to a congratulatory message from Kim": Kim's message is
background, its recipient is Xi, and Xi's letter is a reply whose event points at it
(in_reply_to). Merged drafts keep a link to the draft they merged into (home_of), so these
links survive merging.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..model import OPEN_WINDOW, Event
from .assemble import home_of
from .cast import ActorFinder
from .drafts import Draft
from .frames import Frame, governing_verb, is_verb, subject_of
from .lexicon import Lexicon


def link_replies(frames: list[Frame], by_frame: dict[int, list[Draft]], lex: Lexicon,
                  finder: ActorFinder) -> list[Draft]:
    """"X did Y in response to a message from Z": Z's message is background and its recipient is X;
    X's own message (a frame, or else a merge-only draft) is a reply."""
    response_words = lex.group("response")
    extra: list[Draft] = []
    for f in frames:
        answer_word = next((t for t in f.token.ancestors if t.lower_ in response_words), None)
        if answer_word is None or f.token.i not in by_frame:
            continue
        outer = next((g for g in frames if g is not f and g.token.i in by_frame
                      and f.token not in g.token.subtree and answer_word in g.anchor.subtree), None)
        repliers = [o.source for o in by_frame[outer.token.i] if o.source] if outer else subject_actors(answer_word, finder)
        for d in by_frame[f.token.i]:
            d.background = True
            d.reasons.append(f"background: answered by the news ('{answer_word.text}')")
            if d.target is None and repliers:
                d.target = repliers[0]
            _sent_before_reply(d, [o for drafts in by_frame.values() for o in drafts
                                   if o is not d and repliers and o.source is not None
                                   and o.source.country == repliers[0].country])
            if outer is not None:
                for o in by_frame[outer.token.i]:
                    o.medium = "reply"
                    o.answers = d
            elif repliers and d.source is not None:
                extra.append(Draft(f, "message", "reply", repliers[0], d.source, weak=True, sentence=d.sentence,
                                   window=OPEN_WINDOW, evidence=list(d.evidence), answers=d,
                                   reasons=[f"reply: '{answer_word.text}' to a message from {d.source.name}"]))
    return extra


def subject_actors(word: Token, finder: ActorFinder) -> list:
    verb = word if is_verb(word) else governing_verb(word)
    subj = subject_of(verb) if verb is not None else None
    return finder.actors_of(subj) if subj is not None else []


def link_reply_ids(drafts: list[Draft], events: dict[int, Event], order: list[int]) -> list[Event]:
    """A reply's event points at the event of the message it answers (in_reply_to)."""
    for d in drafts:
        if d.answers is None:
            continue
        reply, answered = id(home_of(d)), id(home_of(d.answers))
        if reply in events and answered in events and reply != answered:
            events[reply] = replace(events[reply], in_reply_to=events[answered].event_id)
    return [events[i] for i in order]


def quotes_of(home: Draft, drafts: list[Draft], quotes: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    return [q for d in drafts if home_of(d) is home for q in quotes.get(id(d), [])]


def _sent_before_reply(answered: Draft, replies: list[Draft]) -> None:
    """An answered message with no date of its own was sent before the reply to it."""
    ends = [r.window.end for r in replies if r.window.end]
    if answered.has_own_date or not ends or answered.window.end is None or min(ends) >= answered.window.end:
        return
    end = min(ends)
    start = answered.window.start if answered.window.start and answered.window.start <= end else None
    answered.window = replace(answered.window, start=start, end=end,
                              reason=f"{answered.window.reason}; sent before the reply of {end}")


def link_unlinked_replies(events: list[Event]) -> list[Event]:
    """A reply no phrase linked ("received a letter from Putin and sent a reply") answers the
    other party's message of the article that is not dated after it."""
    out = []
    for e in events:
        if e.type == "message" and e.medium == "reply" and e.in_reply_to is None and e.source and e.target:
            earlier = [o for o in events if o is not e and o.type == "message" and o.source and o.target
                       and (o.source.country, o.target.country) == (e.target.country, e.source.country)
                       and not _after(o, e)]
            if earlier:
                e = replace(e, in_reply_to=earlier[-1].event_id)
        out.append(e)
    return out


def _after(a: Event, b: Event) -> bool:
    """Is a certainly later than b (a starts after b ends)?"""
    return bool(a.when.start and b.when.end and a.when.start > b.when.end)
