"""Quotes: the words of a message, as the article quotes them, attached to that message.

Wire reports quote letters in the sentences after the news ("Xi wrote", "he said, according to
KCNA", "the message said"). A quotation belongs to the message whose sender the sentence names
(by name, by a pronoun subject of a reporting verb, or by the message itself), from the
message's first sentence until another sender's message begins. Comparing the wording of two
letters (`missive compare`) reads these spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..documents.quotations import find_quotations
from ..model import Actor
from ..model import DateWindow
from ..temporal.expressions import Expression, find_expressions
from .cast import Cast, is_person_like
from .nlp import Sentence
from .drafts import Draft

_PRONOUN_REPORT = re.compile(r"\b(?:he|she)\s+(?:said|wrote|added|noted|stressed|stated|told)\b|"
                             r"\b(?:said|wrote|added|noted|stressed)\s+(?:he|she)\b", re.IGNORECASE)
_MESSAGE_REPORT = re.compile(r"\b(?:letter|message|cable|telegram|missive|note)\b[^.]{0,40}\b(?:said|says|read|reads|stated)\b",
                             re.IGNORECASE)


QUOTE_REACH = 40  # a message's quotes follow it within this many sentences (a bound, not a scan to the end)


def attach_quotes(drafts: list[Draft], sentences: list[Sentence], is_news) -> dict[int, list[tuple[int, int]]]:
    """Quote spans (cleaned-text offsets) per message draft, keyed by id(draft). A news message
    takes the quotes up to the sentence where another sender's event begins; a background
    mention only those of its own sentence."""
    senders = sorted(((d.sentence, d) for d in drafts if d.source), key=lambda pair: pair[0])
    out: dict[int, list[tuple[int, int]]] = {}
    for first, draft in senders:
        if draft.type != "message" or draft.weak:
            continue
        stop = first + 1
        if is_news(draft):
            stop = next((i for i, other in senders if i > first and other.source.name != draft.source.name),
                        len(sentences))
        spans = []
        for sentence in sentences[first:min(stop, first + QUOTE_REACH)]:
            if _attributed(sentence.text, draft):
                spans += [(sentence.start + q.start_char, sentence.start + q.end_char)
                          for q in find_quotations(sentence.text) if q.is_passage]
        out[id(draft)] = spans
    return out


def _attributed(text: str, draft: Draft) -> bool:
    names = {w for w in draft.source.name.split() if len(w) > 1 and w[0].isupper()}
    # the sender's name, not part of another's ("Kim" is not "Sung Kim")
    if any(re.search(rf"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{{2}}\s)\b{re.escape(w)}\b", text) for w in names):
        return True
    return bool(_PRONOUN_REPORT.search(text) or _MESSAGE_REPORT.search(text))


# -- who speaks in a quotation, and to whom ----------------------------------------------------------
FIRST_PERSON_PLURAL = re.compile(r"\b(?:we|our|ours|us)\b", re.IGNORECASE)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|excellency)\b", re.IGNORECASE)
_ADDRESSED = re.compile(r"\b(?:to|with|told|addressed|thanked|congratulated)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
SPEAKER_LOOKBACK_CHARS = 400  # a speaker or addressee named before the quotation: within the last sentences


@dataclass(frozen=True, slots=True)
class Voiced:
    """A quoted passage with the speaker its attribution names ("..., Harris posted on Friday") and
    the one it is addressed to ("wrote to Fernandez", "you" = the leader the article is about)."""

    start: int
    end: int
    speaker: Actor | None
    addressee: Actor | None  # written or spoken to ("wrote to X"), or named in the words themselves
    you: Actor | None  # whom "you", "your", "Your Excellency" mean: the addressee, else the last leader named
    said_when: Expression | None = None  # the attribution's date ("posted on X on Friday")


def voice_quotations(text: str, sentences: list[Sentence], cast: Cast, drafts: list[Draft] = ()) -> list[Voiced]:
    """Each quoted passage of the article, with the speaker named beside it: in the words after
    it up to the end of its sentence ("..., Petro wrote on social media") or before it in its
    sentence ("Modi wrote: ..."); failing that, the last person named before it ("..., the message
    said": the sender of the message told before it, else the last person named). The addressee:
    the one the attribution writes to or speaks with, else the person of another country the words
    name, and for "you" the last one named before the quotation."""
    out = []
    # a person the article also names without a state role (a party leader, a former premier) speaks for no state
    stateless = {m.actor.name for m in cast.mentions if not m.actor.country}
    for q in find_quotations(text):
        if not q.is_passage:
            continue
        around = [s for s in sentences if s.start < q.end_char and s.end > q.start_char]
        if not around:
            continue
        after = (q.end_char, max(s.end for s in around))
        before = (min(s.start for s in around), q.start_char)
        named = [(m, lo, hi) for lo, hi in (after, before) for m in cast.within(lo, hi)
                 if m.actor.country and m.actor.name not in stateless]
        speakers = [m.actor for m, lo, _ in named if not _ADDRESSED.search(text[lo:m.start])]
        addressed = [m.actor for m, lo, _ in named if _ADDRESSED.search(text[lo:m.start])]
        earlier = [m.actor for m in cast.before(q.start_char) if m.start >= q.start_char - SPEAKER_LOOKBACK_CHARS]
        # "..., the message said": the sender named before; otherwise only a named speaker counts
        says = any(_MESSAGE_REPORT.search(text[lo:hi]) for lo, hi in (after, before))
        quoted = next((d for d in reversed(drafts) if d.type == "message" and d.source
                       and sentences[d.sentence].start < q.start_char), None) if says else None
        speaker = next(iter(speakers), None) or (quoted.source if quoted else None) or (
            next((a for a in earlier if is_person_like(a)), None) if says else None)
        addressed = addressed or ([quoted.target] if quoted and quoted.target else [])
        inside = [m.actor for m in cast.within(q.start_char, q.end_char) if is_person_like(m.actor)]
        other = [[a for a in group if speaker and a.country and a.country != speaker.country
                  and (group is addressed or is_person_like(a))] for group in (addressed, inside, earlier)]
        addressee = next((a for group in other[:2] for a in group), None)
        you = addressee or next(iter(other[2]), None)
        when = next((e for lo, hi in (after, before) for e in find_expressions(text[lo:hi])), None)
        out.append(Voiced(q.start_char, q.end_char, speaker, addressee, you, when))
    return out


def fill_from_quotations(drafts: list[Draft], sentences: list[Sentence], voiced: list[Voiced],
                         date_of: Callable[[Expression], DateWindow | None]) -> None:
    """A frame inside a quotation takes its missing parties from the voice: "I", "my", "our" are
    the speaker; "you", "your", "Your Excellency" the addressee; "we met", "we signed" both. A
    message quoted with no date of its own was sent when the attribution says it was said. A
    message told beside the quotation ("Modi wrote: ...", "..., Ruto said in a message") is
    addressed to whom the quotation names or writes to."""
    for d in drafts:
        sentence = sentences[d.sentence]
        pos = sentence.start + d.frame.token.idx
        v = next((v for v in voiced if v.start <= pos < v.end and v.speaker), None)
        if v is not None and not d.is_complete:
            _fill_inside(d, v, sentence.text[v.start - sentence.start:v.end - sentence.start], date_of)
        elif v is None and d.type == "message" and d.source and not d.target:
            beside = next((v for v in voiced if v.speaker and v.addressee and v.speaker.country == d.source.country
                           and sentence.start < v.end and v.start < sentence.end), None)
            if beside is not None and beside.addressee.country != d.source.country:
                d.target = _voiced(beside.addressee, "the addressee of the quotation beside it")


def _fill_inside(d: Draft, v: Voiced, words: str, date_of: Callable[[Expression], DateWindow | None]) -> None:
    why = "the voice of the quotation"
    addressee = v.addressee or (v.you if SECOND_PERSON.search(words) else None)
    if d.type == "message" and v.you and d.source is None and d.target is None and _sent_by_you(d.frame.token):
        # "thank you for the warm words you addressed to me": the addressee's earlier message
        d.source, d.target = _voiced(v.you, f"{why}: 'you' sent it"), _voiced(v.speaker, f"{why}: to the speaker")
        d.background = True
        d.reasons.append("background: an earlier message the quoted words answer")
    elif d.type == "message":
        d.source = d.source or _voiced(v.speaker, f"{why}: its speaker")
        if addressee and d.target is None and addressee.country != d.source.country:
            d.target = _voiced(addressee, f"{why}: its addressee")
        if not d.has_own_date and v.said_when and (window := date_of(v.said_when)):
            d.window, d.has_own_date = replace(window, reason=f"when the quotation was said: {window.reason}"), True
    elif addressee and FIRST_PERSON_PLURAL.search(words):
        both = [_voiced(v.speaker, f"{why}: 'we' is its speaker"), _voiced(addressee, f"{why}: and its addressee")]
        known = {a.country for a in (d.source, d.target, *d.participants) if a}
        d.participants = [*d.participants, *(a for a in both if a.country not in known)]
        d.source, d.target = (d.participants + [None, None])[:2]
    d.reasons.append(f"parties from the quotation's voice ({v.speaker.name})")


def _sent_by_you(trigger) -> bool:
    """"your cordial message", "the words you addressed to me": the message is the addressee's."""
    if any(c.dep_ == "poss" and c.lower_ in ("your", "yours") for c in trigger.children):
        return True
    clauses = [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
    return any(s.lower_ in ("you", "excellency") and s.dep_ in ("nsubj", "nsubjpass")
               for c in clauses for s in c.children) or any(
        c.dep_ == "poss" and c.lower_ == "your" for cl in clauses for s in cl.children for c in s.children)


def _voiced(actor: Actor | None, why: str) -> Actor | None:
    return replace(actor, reason=f"{why} ({actor.reason})" if actor.reason else why) if actor else None


# -- letters printed in full: address block, body, signature ------------------------------------------
def voice_letters(text: str, cast: Cast, honorifics: frozenset[str]) -> list[Voiced]:
    """A collection of letters printed in full: each begins with an address block ("His Excellency
    Mr. X / President of Y / Capital") and ends with its signature lines ("Z / President of W"),
    which name the recipient and the sender of what the body says."""
    starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S.*$", text)
              if any(m.group().strip().lower().startswith(h) for h in honorifics)]
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        block_end = text.find("\n\n", start)
        block_end = end if block_end < 0 or block_end > end else block_end
        addressee = next((m.actor for m in cast.within(start, block_end) if m.actor.country), None)
        signature = _signature_span(text, block_end, end)
        sender = next((m.actor for m in cast.within(*signature) if m.actor.country and is_person_like(m.actor)), None) \
            if signature else None
        if addressee and sender and addressee.country != sender.country:
            out.append(Voiced(start, end, sender, addressee, addressee))
    return out


def _signature_span(text: str, body_start: int, end: int) -> tuple[int, int] | None:
    """The last paragraph of a letter when it is a few short lines with no sentence end (a name and
    an office), after the body."""
    body = text[body_start:end].rstrip()
    cut = body.rfind("\n\n")
    if cut < 0:
        return None
    lines = [ln for ln in body[cut:].split("\n") if ln.strip()]
    if not lines or len(lines) > 4 or any(ln.rstrip().endswith((".", "!", "?", ":")) for ln in lines):
        return None
    return body_start + cut, body_start + len(body)
