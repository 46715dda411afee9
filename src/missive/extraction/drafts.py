"""Drafts: frames turned into directed interactions, before context fills gaps and merging.

One frame may give several drafts ("exchanged letters" gives two messages; "embassies in
Spain, Uganda and Angola" gives three relations events). A draft keeps its frame so the
assembler can borrow a missing party from the frame it answers or from the article's main pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import MEDIUM_PRECEDENCE, Actor, DateWindow, OPEN_WINDOW
from .frames import Frame

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
    weak: bool = False
    sentence: int = 0
    answers: "Draft | None" = None  # the message this one replies to
    home: "Draft | None" = None  # the draft it was merged into, if any

    @property
    def countries(self) -> frozenset[str]:
        found = {a.country for a in (self.source, self.target, *self.participants) if a and a.country}
        return frozenset(found)

    @property
    def is_complete(self) -> bool:
        if self.type == "message" or self.frame.trigger.frame in ("mission", "envoy"):
            return bool(self.source and self.target and self.source.country != self.target.country)
        return len(self.countries) >= 2


def drafts_of(frame: Frame, medium: str, sentence: int) -> list[Draft]:
    """The interactions a frame asserts, one per direction or location."""
    kind = frame.trigger.frame
    # "the missive" alone only adds evidence; "sent him a note" with both parties is a message
    weak = kind == "message_weak" and not (frame.agents and frame.recipients)
    make = lambda s, t, parts=(): Draft(frame, frame.trigger.type, medium, s, t, list(parts),
                                       weak=weak, sentence=sentence)
    if kind == "exchange":
        parties = _distinct_countries(frame.participants)
        if len(parties) >= 2:
            a, b = parties[:2]
            return [make(a, b), make(b, a)]
        return [make(parties[0], None)] if parties else [make(None, None)]
    if kind in SYMMETRIC_FRAMES:
        parties = _distinct_countries(frame.participants)
        source = parties[0] if parties else None
        target = parties[1] if len(parties) > 1 else None
        return [make(source, target, parties)]
    agents = frame.agents or [None]
    recipients = frame.recipients or [None]
    return [make(a, r) for a in agents for r in recipients if not (a and r and a.country == r.country)]


def _distinct_countries(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        if a.country and (a.country not in seen or (a.kind == "person" and seen[a.country].kind != "person")):
            seen[a.country] = a
    return list(seen.values())


def better_medium(a: str, b: str) -> str:
    """The more telling of two media for one message (model.MEDIUM_PRECEDENCE): a reply or a cable over a letter."""
    return next((m for m in MEDIUM_PRECEDENCE if m in (a, b)), a or b)
