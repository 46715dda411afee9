"""Messages an envoy hands over: the envoy who carried a message, and the meeting the hand-over is.

"During the audience, the envoy delivered to the king a letter from the president", "the
president received a message from the emir, delivered by his special envoy": the message goes
from its sender to its recipient, and whoever handed it over (the role rows' `carrier`) met the
recipient in person, a meeting of the envoy's state with the recipient (the annotation
conventions). A sender who delivers his own message ("Kim delivered the message on Friday") or
conveys his own condolences carries nothing for anyone: no envoy, no second event.
"""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.schema import ContextReason
from ..model import Actor
from .cast import is_person_like
from .dating import intersect
from .drafts import Draft
from .frames import PartyNote

# Media that travel by wire, never in an envoy's hands: a carried message is another one.
WIRED_MEDIA = frozenset({"cable"})


def envoy_of(d: Draft) -> Actor | None:
    """The envoy who handed over the message: a carrier of the sender's state who is not the
    sender, a person or an office ("the special envoy"), not a body or the state itself."""
    if d.type != "message" or d.source is None:
        return None
    return next((a for a in d.carriers if is_person_like(a) and a.country == d.source.country
                 and a.name != d.source.name and a not in d.frame.agents), None)


def carried_apart(a: Draft, b: Draft) -> bool:
    """A message an envoy handed over and one sent by wire ("congratulated him by telegram"
    ... "the envoy delivered to him a personal message from the president") are two messages."""
    return any(envoy_of(x) is not None and y.medium in WIRED_MEDIA and envoy_of(y) is None
               for x, y in ((a, b), (b, a)))


def delivery_meetings(merged: list[Draft]) -> list[Draft]:
    """The envoy's meeting with the recipient of each message handed over in person, unless the
    article already has a meeting of their two states at that time ("During a meeting with Kim,
    he delivered ..."). The recipient must be someone (a leader, an office), not a state."""
    out: list[Draft] = []
    for d in merged:
        envoy = envoy_of(d)
        if envoy is None or d.background or d.earlier or d.target is None or not is_person_like(d.target):
            continue
        countries = {envoy.country, d.target.country}
        if any(m.type == "meeting" and countries <= m.countries and intersect(m.window, d.window)
               for m in merged + out):
            continue
        visitor = replace(envoy, reason=f"handed over the message from {d.source.name} ({envoy.reason})")
        out.append(replace(d, type="meeting", medium="", source=visitor, target=d.target,
                           participants=[visitor, d.target], evidence=list(d.evidence), reported_by=list(d.reported_by),
                           found=(PartyNote("participant", ContextReason.CARRIER, (visitor, d.target)),),
                           carriers=[], occasion="", calendar=list(d.calendar), present=[],
                           reasons=[*d.reasons, "a message an envoy handed over in person is also the envoy's "
                                                "meeting with its recipient"]))
    return out
