"""Drafts: frames turned into directed interactions, before context fills gaps and merging.

One frame may give several drafts ("exchanged letters" gives two messages; "embassies in
Spain, Uganda and Angola" gives three relations events). A draft keeps its frame so the
assembler can borrow a missing party from the frame it answers or from the article's main pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..knowledge.schema import DateBasis, RoleReason
from ..model import MEDIUM_PRECEDENCE, Actor, CalendarFact, DateWindow, OPEN_WINDOW
from ..temporal.expressions import find_expressions, resolve_expression
from .frames import Frame, PartyNote
from .roles import ENVOY_WORDS

SYMMETRIC_FRAMES = {"meet", "host", "call", "sign", "relations"}


@dataclass
class Draft:
    """A mutable event in the making, one per (frame, direction)."""

    frame: Frame
    type: str
    medium: str
    source: Actor | None
    target: Actor | None
    participants: list[Actor] = field(default_factory=list)
    window: DateWindow = OPEN_WINDOW
    has_own_date: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    occasion: str = ""
    background: bool = False
    reported_by: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    found: tuple[PartyNote, ...] = ()  # how its parties were found, in every sentence that asserts it
    date_basis: str = DateBasis.REPORT_DAY  # why its window is what it is
    weak: bool = False
    sentence: int = 0
    earlier: bool = False  # told as an earlier one ("had last talked", "their previous meeting")
    in_person: bool = False  # a signing done together or before others ("signed together", "in the presence of")
    present: list[Actor] = field(default_factory=list)  # who else was there ("in the presence of Rubio")
    answers: "Draft | None" = None  # the message this one replies to
    home: "Draft | None" = None  # the draft it was merged into, if any
    calendar: list[CalendarFact] = field(default_factory=list)  # its days without a year, when no year was found
    carriers: list[Actor] = field(default_factory=list)  # who handed the message over ("delivered by the envoy")
    summit: str = ""  # the organisation whose summit it tells (or whose leaders signed): a multilateral event

    @property
    def countries(self) -> frozenset[str]:
        found = {a.country for a in (self.source, self.target, *self.participants) if a and a.country}
        return frozenset(found)

    @property
    def is_complete(self) -> bool:
        if self.type == "message" or self.frame.trigger.frame in ("mission", "envoy"):
            return bool(self.source and self.target and self.source.country != self.target.country)
        return len(self.countries) >= 2


def drafts_of(frame: Frame, medium: str, sentence: int, earlier_words: frozenset[str] = frozenset(),
              reciprocal_words: frozenset[str] = frozenset(), pairwise_words: frozenset[str] = frozenset()) -> list[Draft]:
    """The interactions a frame asserts, one per direction or location."""
    kind = frame.trigger.frame
    # "the missive" alone only adds evidence; "sent him a note" with both parties is a message
    weak = kind == "message_weak" and not (frame.agents and frame.recipients)
    earlier = is_told_as_earlier(frame, earlier_words)
    make = lambda s, t, parts=(): Draft(frame, frame.trigger.type, medium, s, t, list(parts),
                                       weak=weak, sentence=sentence, earlier=earlier, carriers=list(frame.carriers))
    if kind == "exchange":
        parties = _distinct_countries(frame.participants)
        if len(parties) >= 2:
            a, b = parties[:2]
            return [make(a, b), make(b, a)]
        return [make(parties[0], None)] if parties else [make(None, None)]
    mutual = reciprocal_pairs(frame, medium, reciprocal_words)
    if mutual and (kind not in SYMMETRIC_FRAMES or medium in MUTUAL_ENVOY_MEDIA):
        return [make(a, b) for a, b in mutual]  # an exchange of envoys is an appointment each way
    if kind in SYMMETRIC_FRAMES:
        pairs = distributive_pairs(frame, pairwise_words) or separate_calls(frame, pairwise_words)
        if pairs:
            return [make(a, b, (a, b)) for a, b in pairs]
        parties = _distinct_countries(frame.participants)
        source = parties[0] if parties else None
        target = parties[1] if len(parties) > 1 else None
        return [make(source, target, parties)]
    agents = frame.agents or [None]
    recipients = frame.recipients or [None]
    return [make(a, r) for a in agents for r in recipients if not (a and r and a.country == r.country)]


def distributive_pairs(frame: Frame, pairwise_words: frozenset[str] = frozenset()) -> list[tuple[Actor, Actor]]:
    """"A, B and C re-established ties with D", "A and B signed separate accords with D": one
    event per doer with the counterpart, not one among all of them. Ties are between two states
    by nature; a signing or meeting only when the text says so (the frame_words group
    "pairwise": "separate", "bilateral"), and then also "X held bilateral talks with A and B"
    (X with each) and "separate bilateral meetings between the three countries" (every pair)."""
    counter = _distinct_countries(frame.counterparts)
    sides = {a.country for a in counter}
    doers = [a for a in _distinct_countries(frame.participants) if a.country not in sides]
    separately = frame.trigger.frame != "relations" and says_pairwise(frame, pairwise_words)
    if counter and len(doers) >= 2 and (frame.trigger.frame == "relations" or separately):
        return [(d, c) for d in doers for c in counter]
    if not separately or frame.trigger.frame != "meet":
        return []
    if len(doers) == 1 and len(counter) >= 2:
        return [(doers[0], c) for c in counter]
    everyone = _distinct_countries(frame.participants)
    if not counter and len(everyone) >= 3:
        return [(a, b) for k, a in enumerate(everyone) for b in everyone[k + 1:]]
    return []


SUBJECT_REASONS = frozenset({RoleReason.SUBJECT, RoleReason.MAIN_CLAUSE_SUBJECT})


def separate_calls(frame: Frame, pairwise_words: frozenset[str] = frozenset()) -> list[tuple[Actor, Actor]]:
    """"received congratulatory calls from the presidents of A, B and C", "held phone calls with A
    and B": calls in the plural (or "separate" ones) with several others are one call each between
    the subject and each of them; a call is between two parties."""
    if frame.trigger.frame != "call" or not (frame.token.tag_ == "NNS" or says_pairwise(frame, pairwise_words)):
        return []
    subject = _distinct_countries([a for n in frame.notes if n.role == "participant" and n.how in SUBJECT_REASONS
                                   for a in n.actors])
    if len(subject) != 1:
        return []
    others = [a for a in _distinct_countries(frame.participants) if a.country != subject[0].country]
    return [(subject[0], o) for o in others] if len(others) >= 2 else []


# Envoys named in the plural by more than one doer go each way ("Turkey and Egypt appointed ambassadors").
MUTUAL_ENVOY_MEDIA = frozenset({"appoint_envoy"})


def reciprocal_pairs(frame: Frame, medium: str, words: frozenset[str]) -> list[tuple[Actor, Actor]]:
    """"Egypt and Turkey appointed ambassadors to each other's capitals", "the two countries have
    exchanged ambassadors", "Kim and Xi sent each other letters": with no counterpart of its own,
    every doer acts towards every other one, not towards a party borrowed from the context."""
    doers = _distinct_countries(frame.agents or frame.participants)  # "Egypt and Turkey exchanged": participants
    if frame.recipients or len(doers) < 2:
        return []
    if not (says_reciprocally(frame, words) or (medium in MUTUAL_ENVOY_MEDIA and _plural_envoys(frame))):
        return []
    return [(a, b) for a in doers for b in doers if a.country != b.country]


def says_reciprocally(frame: Frame, words: frozenset[str]) -> bool:
    """"each other's capitals", "one another", "mutual" in the trigger's or its verb's phrase
    (the words are the frame_words group "reciprocal")."""
    heads = [frame.token] + ([frame.verb] if frame.verb is not None and frame.verb is not frame.token else [])
    text = " " + " ".join(t.lower_ for h in heads for t in h.subtree) + " "
    return any(f" {w} " in text for w in words)


def _plural_envoys(frame: Frame) -> bool:
    heads = [frame.token] + ([frame.verb] if frame.verb is not None and frame.verb is not frame.token else [])
    return any(t.tag_ == "NNS" and t.lower_ in ENVOY_WORDS for h in heads for t in h.subtree)


def says_pairwise(frame: Frame, words: frozenset[str]) -> bool:
    """"separate talks", "held talks separately", "a series of bilateral meetings": a word of the
    group on the trigger, its verb, their objects, or the quantity noun it hangs from."""
    heads = [frame.token, *([frame.verb] if frame.verb is not None else [])]
    if frame.token.dep_ == "pobj" and frame.token.head.lower_ == "of":  # "a series of bilateral meetings"
        heads.append(frame.token.head.head)
    # "signed separate accords with D": the verb's object says it; not for a noun beside that
    # object ("included separate meetings on Sunday and the summit on Monday")
    objects = [c for c in frame.anchor.children if c.dep_ == "dobj"] if frame.trigger.pos == "verb" else []
    near = [c for h in heads for c in h.children] + [g for c in objects for g in c.children]
    return any(t.lower_ in words for t in near)


def is_told_as_earlier(frame: Frame, words: frozenset[str]) -> bool:
    """"having last talked in 2022", "had already exchanged greetings", "their previous meeting":
    the text sets this interaction before another one, so it is not the one it reports as news."""
    heads = [frame.token] + ([frame.verb] if frame.verb is not None and frame.verb is not frame.token else [])
    return any(c.lower_ in words and c.dep_ in ("advmod", "amod") for h in heads for c in h.children)


def since_first(frame: Frame, made: list[Draft], now: DateWindow) -> list[Draft]:
    """"their first conversation since September 2022", "the first Spanish leader to visit Havana
    since 1986": the one before was then, an earlier interaction of the same parties (the frame's
    own drafts keep the news). Only a date right under "since" counts: "the first meeting since
    Putin's return after his election last month" dates the election, not a meeting."""
    since = _since_of_first(frame)
    if since is None:
        return []
    for expr in find_expressions(since.doc.text):
        words = [t for t in since.doc if expr.start <= t.idx < expr.end and t.lower_ != "since"]
        if not any(t.head == since for t in words):
            continue
        try:
            window = resolve_expression(since.doc.text[words[0].idx:expr.end], now, None)
        except Exception:  # noqa: BLE001 - an odd expression gives no earlier event
            window = None
        if window is not None and window.start is not None:
            why = f"'first ... since {expr.text.removeprefix('since ')}': the one before was then"
            return [replace(d, window=replace(window, reason=f"{why}; {window.reason}"), has_own_date=True,
                            date_basis=DateBasis.EARLIER, earlier=True, evidence=list(d.evidence),
                            participants=list(d.participants),
                            reasons=[*d.reasons[:-1], f"date: {why}; {window.reason}"])
                    for d in made if d.source and (d.target or d.participants)]
    return []


def _since_of_first(frame: Frame) -> Token | None:
    """The "since" phrase of a "first" on the trigger or on the noun its clause describes."""
    tok = frame.token
    # "..., making it their first such conversation since 2022": "such" names the act told before
    such = [t for t in tok.doc if t.i > tok.i and t.lemma_ == tok.lemma_ and any(
        c.lower_ == "such" and c.dep_ in ("amod", "det", "predet") for c in t.children)]
    for h in [tok] + ([tok.head] if tok.dep_ in ("relcl", "acl") else []) + such[:1]:
        if any(c.lower_ == "first" and c.dep_ == "amod" for c in h.children):
            since = next((c for t in (h, tok) for c in t.children if c.dep_ == "prep" and c.lower_ == "since"), None)
            if since is not None:
                return since
    return None


def _distinct_countries(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        if a.country and (a.country not in seen or (a.kind == "person" and seen[a.country].kind != "person")):
            seen[a.country] = a
    return list(seen.values())


def better_medium(a: str, b: str) -> str:
    """The more telling of two media for one message (model.MEDIUM_PRECEDENCE): a reply or a cable over a letter."""
    return next((m for m in MEDIUM_PRECEDENCE if m in (a, b)), a or b)
