"""From drafts to events: fill missing parties from context, merge, decide background.

An article talks about its main interaction many times ("Xi sent a letter", "In the letter
dated Saturday", "Xi wrote"): drafts of the same type, direction and compatible dates become
one event with every evidence span. Parties missing from a sentence ("the letter was in
response to congratulations Kim sent") are borrowed from the frame it answers or from the
article's main pair, and the reason says so.
"""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.schema import ContextReason, DateBasis
from ..model import Actor, DateWindow, Document, Event, RelationAction, Span
from .cast import is_person_like
from .confidence import NO_ARTICLE, ArticleEvidence, ConfidenceModel, evidence_features
from .context import names_other_counterpart, names_other_recipient
from .dating import intersect
from .deliveries import carried_apart
from .drafts import Draft, better_medium
from .frames import PartyNote


def main_pair(drafts: list[Draft], of_type: str | None = None) -> tuple[Actor, Actor] | None:
    """The article's main pair: the parties of its first complete message (else any event)."""
    for wanted in ("message", None) if of_type is None else (of_type,):
        for d in drafts:
            if d.is_complete and not d.weak and (wanted is None or d.type == wanted) and d.source and d.target:
                return d.source, d.target
    return None


def counterpart(actor: Actor, pair: tuple[Actor, Actor] | None) -> Actor | None:
    if pair is None:
        return None
    a, b = pair
    if actor.country == a.country:
        return b
    if actor.country == b.country:
        return a
    return None


def fill_parties(drafts: list[Draft]) -> None:
    """Missing sender or recipient, or a signing's or a relations act's parties: from the
    article's main pair (of messages for a message, else of the same type, else of any event)."""
    pairs = {kind: main_pair(drafts, kind) for kind in ("message", "meeting", "call", "agreement", "relations")}
    pair = main_pair(drafts)
    told: Draft | None = None  # the last complete message: "Other messages came from ..." go to its recipient
    for d in drafts:
        if d.is_complete or d.type != "message" and d.frame.trigger.frame not in ("meet", "host", "call", "sign", "relations"):
            told = d if d.type == "message" and d.is_complete and not d.weak else told
            continue
        if (d.type == "message" and d.source and not d.target and told and d.sentence - told.sentence <= 2
                and told.target.country != d.source.country and not names_other_recipient(d.frame)):
            d.target = replace(told.target, reason=f"the recipient of the message told just before ({told.target.reason})")
            continue
        before = (d.source, d.target)
        _borrow(d, pairs.get(d.type), pair)
        _note_borrowed(d, before)


def _borrow(d: Draft, own: tuple[Actor, Actor] | None, pair: tuple[Actor, Actor] | None) -> None:
    if d.type == "message":
        if d.source and not d.target and not names_other_recipient(d.frame):
            d.target = _borrowed(counterpart(d.source, own) or counterpart(d.source, pair))
        elif d.target and not d.source and not d.frame.has_other_subject:
            d.source = _borrowed(counterpart(d.target, own) or counterpart(d.target, pair))
        elif not d.source and not d.target and own and d.weak is False and d.frame.trigger.frame != "exchange":
            d.source, d.target = _borrowed(own[0]), _borrowed(own[1])
        return
    if len(d.countries) == 1 and (own or pair) and not names_other_counterpart(d.frame):
        only = d.source or d.target or d.participants[0]
        other = _borrowed(counterpart(only, own) or counterpart(only, pair))
        if other:
            d.target = other
            d.participants.append(other)
    elif not d.countries and d.has_own_date and d.frame.trigger.frame in ("sign", "relations") and (own or pair):
        # "The declaration, signed in December 2024, ...": the article's parties signed it (an
        # undated mention that names nobody, "after ties were cut", is too little for an event)
        d.source, d.target = _borrowed((own or pair)[0]), _borrowed((own or pair)[1])
        d.participants = [d.source, d.target]


def _note_borrowed(d: Draft, before: tuple[Actor | None, Actor | None]) -> None:
    """Each party the draft took from the main pair, noted with its role (the confidence weighs it)."""
    for role, was, now in (("agent", before[0], d.source), ("recipient", before[1], d.target)):
        if now is not None and now is not was:
            d.found += (PartyNote(role if d.type == "message" else "participant", ContextReason.MAIN_PAIR, (now,)),)


def _borrowed(actor: Actor | None) -> Actor | None:
    return replace(actor, reason="not named in the sentence: the article's main pair") if actor else None


def fill_exchanges(drafts: list[Draft]) -> list[Draft]:
    """An exchange with one named party ("the leaders exchanged") takes the main pair both ways."""
    pair = main_pair(drafts)
    out = []
    for d in drafts:
        if d.frame.trigger.frame == "exchange" and not d.is_complete and pair:
            a, b = _borrowed(pair[0]), _borrowed(pair[1])
            if d.source is None or d.source.country in (a.country, b.country):
                found = (*d.found, PartyNote("participant", ContextReason.MAIN_PAIR, (a, b)))
                out.append(replace(d, source=a, target=b, participants=[], evidence=list(d.evidence),
                                   reasons=list(d.reasons), found=found))
                out.append(replace(d, source=b, target=a, participants=[], evidence=list(d.evidence),
                                   reasons=list(d.reasons), found=found))
                continue
        out.append(d)
    return out


def _same_parties(a: Draft, b: Draft, summit_words: frozenset[str] = frozenset()) -> bool:
    if a.type != b.type:
        return _refers_back(b, a, summit_words)
    if a.type == "message":
        if _different_people(a.source, b.source) or _different_people(a.target, b.target):
            return False  # one message to Castro and Diaz-Canel: one event per addressee
        if carried_apart(a, b):
            return False
        return (a.source.country, a.target.country) == (b.source.country, b.target.country)
    if a.type == "relations" and a.medium != b.medium:
        return False  # closing an embassy and recalling an ambassador are two acts
    if a.type == "relations" and a.medium in ONE_WAY_ACTIONS and _directed(a) and _directed(b):
        return (a.source.country, a.target.country) == (b.source.country, b.target.country)
    if a.type in ("meeting", "agreement") and bool(a.summit) != bool(b.summit):
        return False  # an organisation's summit and a meeting or signing of two of its members are two acts
    if a.type == "agreement" and len(a.countries) >= 3 and b.countries < a.countries:
        return _names_again(b, a)
    if _visitor(a) and _visitor(b) and _visitor(a) != _visitor(b):
        return False  # A's visit to B and B's to A are two visits
    return a.countries == b.countries


def _refers_back(later: Draft, told: Draft, summit_words: frozenset[str]) -> bool:
    """"had an online meeting with Biden [a call] ... Biden told him at the beginning of the meeting":
    a definite meeting noun with no date of its own, between the same two states as a call told
    before it, is that call, not a meeting in person (a summit, the word group 'summit', never is)."""
    token = later.frame.token
    return (later.type == "meeting" and told.type == "call" and not later.has_own_date
            and token.lower_ not in summit_words
            and later.frame.trigger.pos == "noun" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and len(told.countries) == 2 and later.countries == told.countries)


VISIT_FRAMES = frozenset({"visit", "receive"})  # frames that read who came (source) to whom (target)


def _visitor(d: Draft) -> str:
    """The visitor's country of a visit or a reception (a meeting read as visitor -> host), else ""."""
    return d.source.country if d.frame.trigger.frame in VISIT_FRAMES and d.source and d.target else ""


def _signed_thing(d: Draft):
    """The document a signing names: "signed a statement" -> statement."""
    anchor = d.frame.anchor
    return next((c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _names_again(later: Draft, first: Draft) -> bool:
    """"The three leaders signed a statement. ... Aliyev said before signing the statement": a
    signing by some of the signatories of the document told before, named again with "the", is
    that signing (not a bilateral one)."""
    thing, told = _signed_thing(later), _signed_thing(first)
    return (thing is not None and told is not None and thing.lemma_ == told.lemma_
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in thing.children))


# A state moves its own envoy: Egypt's ambassador to Turkey and Turkey's to Egypt are two acts.
ONE_WAY_ACTIONS = frozenset({RelationAction.APPOINT_ENVOY, RelationAction.RECALL_ENVOY, RelationAction.EXPEL_ENVOY})


def _directed(d: Draft) -> bool:
    return bool(d.source and d.target and d.source.country and d.target.country)


def _same_time(a: Draft, b: Draft) -> bool:
    """Compatible dates; and an interaction told as an earlier one ("had last talked in 2022",
    "had already exchanged greetings") is another than the news, unless both have dates that agree."""
    if intersect(a.window, b.window) is None:
        return False
    return a.earlier == b.earlier or (a.has_own_date and b.has_own_date)


def _different_people(a: Actor | None, b: Actor | None) -> bool:
    return bool(a and b and a.kind == b.kind == "person" and a.name != b.name and a.role and b.role
                and not any(why in a.reason + b.reason for why in BORROWED_REASONS))


# A party some sentence did not name but borrowed (fill_parties) is a guess: it tells no two people apart.
BORROWED_REASONS = ("main pair", "told just before")


def merge_drafts(drafts: list[Draft], summit_words: frozenset[str] = frozenset()) -> list[Draft]:
    """Drafts about one interaction, in text order, fold into the first with compatible dates."""
    merged: list[Draft] = []
    for d in drafts:
        home = next((m for m in merged if _same_parties(m, d, summit_words) and _same_time(m, d)), None)
        if home is None:
            if d.weak:
                continue  # "the missive" alone asserts nothing new
            merged.append(d)
            continue
        d.home = home
        if home.type == "message":  # "sent Vietnam a message" ... "to President Thuong": the person
            home.source, home.target = _person_for_state(home.source, d.source), _person_for_state(home.target, d.target)
        home.window = intersect(home.window, d.window) or home.window
        if d.has_own_date and not home.has_own_date:
            home.date_basis = d.date_basis
        home.has_own_date = home.has_own_date or d.has_own_date
        home.medium = better_medium(home.medium, d.medium)
        home.evidence += [e for e in d.evidence if e not in home.evidence]
        home.occasion = home.occasion or d.occasion
        home.calendar += [f for f in d.calendar if f not in home.calendar]
        home.reported_by += [r for r in d.reported_by if r not in home.reported_by]
        home.reasons += [r for r in d.reasons if r not in home.reasons]
        home.found += tuple(n for n in d.found if n not in home.found)
        home.background = home.background or d.background  # a message the news answers stays background
        home.in_person = home.in_person or d.in_person
        home.present += [a for a in d.present if a not in home.present]
        home.carriers += [a for a in d.carriers if a not in home.carriers]
    return merged


def _person_for_state(party: Actor | None, other: Actor | None) -> Actor | None:
    """A message's party named as a state in one mention and as one of its people in another is
    that person (so that a message to another of its people stays another message)."""
    if party is not None and other is not None and party.kind == "state" and party.role in ("state", "") \
            and other.kind == "person" and other.role not in ("", "official") and other.country == party.country:
        return other
    return party


# How many sentences after a call the words said in it may still be told ("The Prime Minister
# thanked ... . President N conveyed his condolences ...": a readout tells each call in turn).
CALL_TALK_SENTENCES = 8


def fold_said_in_calls(merged: list[Draft], spoken: frozenset[str], written: frozenset[str]) -> list[Draft]:
    """"received a call from X, congratulating him on his victory", "X congratulated Y in a phone
    call", "The Prime Minister thanked Y for his greetings" after the call: what is said during a
    call is the call (the annotation conventions), not a message of its own. A message told in the
    call's sentence or in the few after it, between the same two states, with a trigger word that
    can be spoken (the word group 'spoken') and no written medium or writing verb of its own
    ('sent a letter', 'wrote', 'posted'), folds into the call: its evidence and occasion go there."""
    calls = [d for d in merged if d.type == "call" and len(d.countries) == 2]
    out: list[Draft] = []
    for d in merged:
        home = next((c for c in calls if _said_in(d, c, spoken, written)), None) if d.type == "message" else None
        if home is None:
            out.append(d)
            continue
        d.home = home
        home.evidence += [e for e in d.evidence if e not in home.evidence]
        home.occasion = home.occasion or d.occasion
        home.reasons.append(f"'{d.frame.token.text}' was said during the call (a message told in a call is the call)")
        home.has_own_date = home.has_own_date or d.has_own_date
        home.window = intersect(home.window, d.window) or home.window
        home.source, home.target = (_named_person(home.source, d), _named_person(home.target, d))
    return out


def _named_person(party: Actor | None, message: Draft) -> Actor | None:
    """"calls from the presidents of A and B" ... "President X of A congratulated him": the caller
    named as a state is the person the words said in the call name."""
    if party is None or party.kind == "person":
        return party
    return next((a for a in (message.source, message.target) if a and a.kind == "person" and a.country == party.country),
                party)


def _said_in(message: Draft, call: Draft, spoken: frozenset[str], written: frozenset[str]) -> bool:
    if _clause_of_call(message.frame.token, call) and message.sentence == call.sentence:
        return True  # "received calls from A and B, congratulating him": whoever "him" is
    if not (message.source and message.target) or {message.source.country, message.target.country} != call.countries:
        return False
    if not call.sentence <= message.sentence <= call.sentence + CALL_TALK_SENTENCES:
        return False
    if message.earlier != call.earlier or message.background != call.background or message.answers is not None:
        return False
    if intersect(message.window, call.window) is None or message.medium not in SPOKEN_MEDIA:
        return False
    frame = message.frame
    words = {frame.token.lower_, frame.token.lemma_}
    verb = frame.verb
    return bool(words & spoken) and not (verb is not None and {verb.lower_, verb.lemma_} & written)


def _clause_of_call(word, call: Draft) -> bool:
    """"calls from A and B, congratulating him", "telephoned X to congratulate him": a participle
    or infinitive clause on the call's word or verb tells what the call was for."""
    heads = {call.frame.token.i, call.frame.anchor.i}
    return (word.doc is call.frame.token.doc and word.tag_ in ("VBG", "VB") and word.dep_ in ("acl", "advcl", "xcomp")
            and word.head.i in heads)


# A message with one of these media may have been said aloud; a letter or a cable was not.
SPOKEN_MEDIA = frozenset({"message", "greeting", "reply", "verbal_message"})
SIMULTANEOUS_MARKS = frozenset({"as", "while"})


def date_simultaneous(drafts: list[Draft]) -> None:
    """"The two leaders held their talks in Los Cabos, as leaders of the leading economies gathered
    for a two-day summit": an undated act in an as/while clause happened when the act of its main
    clause did, once that act has a date (from any sentence that tells it)."""
    for d in drafts:
        verb = d.frame.verb
        if d.has_own_date or home_of(d).has_own_date or verb is None or verb.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in SIMULTANEOUS_MARKS for c in verb.children):
            continue
        main = next((home_of(e) for e in drafts if e.sentence == d.sentence and e is not d
                     and e.frame.anchor == verb.head and home_of(e).has_own_date), None)
        if main is not None:
            w, home = main.window, home_of(d)
            home.window = DateWindow(w.start, w.end, w.precision, f"at the time of its main clause's act: {w.reason}")
            home.has_own_date = True
            home.date_basis = DateBasis.CONTINUED
            home.reasons = [r for r in home.reasons if not r.startswith("date: ")] + [f"date: {home.window.reason}"]


def signing_meetings(merged: list[Draft], signing_words: frozenset[str] = frozenset()) -> list[Draft]:
    """A signing ceremony is also a meeting (the annotation conventions): when office-holders of
    each side signed as the news, or the text says they signed together or before a witness (who
    then took part too), unless the article already has that meeting. Only a signing (the word
    group 'signing'): a statement's own text ("We, ..., hereby declare") tells no ceremony."""
    out: list[Draft] = []
    for d in merged:
        if d.type == "agreement" and not d.background:  # "the talks started at 11:30": the signing's day
            for m in merged:
                if m.type == "meeting" and d.countries <= m.countries and intersect(m.window, d.window):
                    _date_by_signing(m, d)
        if d.type != "agreement" or not (d.in_person or (_signed_by_people(d) and not d.background)):
            continue
        if signing_words and d.frame.token.lower_ not in signing_words:
            continue
        people = _one_per_country([*d.participants, d.source, d.target, *d.present])
        countries = frozenset(a.country for a in people)
        met = [m for m in merged + out if m.type == "meeting" and countries <= m.countries
               and intersect(m.window, d.window)]
        for m in met:
            _date_by_signing(m, d)
        if met:
            continue
        source, target = (people + [None, None])[:2]
        why = "a signing ceremony is also a meeting" + (f" (in the presence of {', '.join(a.name for a in d.present)})"
                                                        if d.present else "")
        out.append(replace(d, type="meeting", medium="", source=source, target=target, participants=people,
                           evidence=list(d.evidence), reported_by=list(d.reported_by), reasons=[*d.reasons, why]))
    return out


def _date_by_signing(meeting: Draft, signing: Draft) -> None:
    """"While the prime minister was meeting the president at the palace, ..." with the signing
    "on Thursday": the undated meeting of the signatories is the signing's, so it takes its day."""
    if (meeting.has_own_date or meeting.window.start is not None or not signing.has_own_date
            or meeting.background or signing.background):
        return  # a meeting bounded by a related event ("the second day of the visit") keeps its span
    w = signing.window
    meeting.window = DateWindow(w.start, w.end, w.precision, f"the meeting at the signing: {w.reason}")
    meeting.has_own_date = True
    meeting.date_basis = DateBasis.CONTINUED
    meeting.reasons = [r for r in meeting.reasons if not r.startswith("date: ")] + [f"date: {meeting.window.reason}"]


def _signed_by_people(d: Draft) -> bool:
    parties = [a for a in (d.source, d.target, *d.participants) if a]
    borrowed = any("main pair" in a.reason for a in parties)
    return bool(parties) and all(is_person_like(a) for a in parties) and not borrowed


def home_of(d: Draft) -> Draft:
    while d.home is not None:
        d = d.home
    return d


def _one_per_country(actors: list[Actor | None]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        if a is not None and a.country and a.country not in seen:
            seen[a.country] = a
    return list(seen.values())


def to_event(d: Draft, doc: Document, quotes: list[tuple[int, int]] = (), article: ArticleEvidence | None = None,
             model: ConfidenceModel | None = None) -> Event:
    """The event a merged draft asserts, with its evidence features and the confidence they give
    (the packaged model over an article that says nothing of its report day, unless given)."""
    def span(s: int, e: int) -> Span:
        start, end = doc.original_span(s, e)
        return Span(doc.doc_id, start, end, doc.original[start:end])

    # multilateral (three or more states, or an organisation's summit): every participant, no direction
    participants = tuple(_one_per_country([*d.participants, d.source, d.target])) \
        if d.type in ("meeting", "agreement") and (len(d.countries) > 2 or (d.summit and len(d.countries) > 1)) else ()
    source, target = (None, None) if participants else (d.source, d.target)
    features = evidence_features(d, article or NO_ARTICLE, bool(quotes))
    scored = (model or ConfidenceModel.load()).score(features)
    return Event(
        doc_id=doc.doc_id, doc_hash=doc.content_hash, type=d.type, source=source, target=target, when=d.window,
        medium=d.medium if d.type in ("message", "call", "relations") else "",
        participants=participants, occasion=d.occasion, reported_by=tuple(d.reported_by),
        background=d.background, evidence=tuple(span(s, e) for s, e in sorted(d.evidence)),
        quotes=tuple(span(s, e) for s, e in sorted(set(quotes))),
        confidence=scored.confidence, pattern=d.frame.pattern, features=features,
        calendar=tuple(d.calendar) if d.window.start is None and d.window.end is None else (),
        reasons=(*d.reasons, *(f"{r}: {a.reason}" for r, a in (("source", d.source), ("target", d.target))
                               if a and a.reason), scored.explain()),
    )
