"""Organisation summits: one multilateral meeting of the states the article names as taking part.

"The G7 summit", "the Second Summit of CELAC", "a landmark GCC summit": a summit of an
organisation (organisations.csv, an international body) is a gathering of its members, but an
article names only some of them as taking part, and only those are its participants (the
annotation conventions). They are read, once per article and organisation, from what the
article says of that summit:

- its host and the leaders it hosts: "X is hosting the G7 summit with Y and the leaders of A, B
  and C" (a host frame whose object is the summit; planned or in progress, the roster is the same);
- who attends it: "X attended the BRICS summit";
- who hands over or takes its chair: "A handed over CELAC's rotating presidency to B" (the word
  group 'chair' right beside the organisation's name).

Every meeting frame of that summit (the summit noun, "leaders of the G7 met"), and a signing by its
leaders ("the heads of state of the 33 CELAC member countries signed the declaration"), takes that
roster; the event has no direction, even with two states. Its days: "began on Tuesday" and "closes
on Wednesday", or "the first day of their three-day summit" on Sunday, give the span every report of
that summit shares (span_summits, before the drafts merge).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from spacy.tokens import Token

from ..knowledge.numbers import cardinal
from ..knowledge.schema import ContextReason, DateBasis, FilterReason
from ..model import Actor, DateWindow
from .cast import Cast, Placed
from .dating import intersect
from .drafts import Draft
from .frames import Frame, PartyNote, is_verb, subject_of, told_as_event
from .lexicon import Lexicon
from .nlp import Sentence

# How far (characters) a chair word may stand after the organisation's name: "CELAC's one-year rotating presidency".
CHAIR_REACH = 40
# The longest summit whose days the text spans (a span longer than this is a misreading).
MAX_SUMMIT_DAYS = 14
_LENGTH = re.compile(r"\b(two|three|four|five|six|seven|[2-7])[- ]day\b", re.IGNORECASE)


@dataclass
class Summit:
    """One organisation's summit as the article tells it: who it names as taking part, and how."""

    organisation: str
    roster: dict[str, Actor] = field(default_factory=dict)  # country -> actor, in text order
    how: dict[str, str] = field(default_factory=dict)  # country -> the reading that named it

    def add(self, actors: list[Actor], how: str) -> None:
        for a in actors:
            if a.country and a.country not in self.roster:
                self.roster[a.country] = a
                self.how[a.country] = how


@dataclass
class ArticleSummits:
    """The organisation summits of one article; `default` is the one organisation whose summit it
    speaks of, when it names only one ("the summit" then means that one)."""

    by_organisation: dict[str, Summit] = field(default_factory=dict)
    default: str = ""

    def of_frame(self, frame: Frame, cast: Cast, base: int, lex: Lexicon) -> Summit | None:
        """The summit a meeting, hosting or signing frame tells, or None."""
        org = frame_organisation(frame, cast, base, lex, self.default)
        return self.by_organisation.get(org) if org else None


def organisations_in(cast: Cast, start: int, end: int) -> list[Placed]:
    """The international bodies named between start and end (an organisation with no country)."""
    return [m for m in cast.within(start, end) if m.actor.kind == "organisation" and not m.actor.country]


def _phrase_organisation(token: Token, cast: Cast, base: int) -> str:
    """The organisation a token's phrase names: "the G7 summit", "Summit of the CELAC", "Leaders of the GCC"."""
    start, end = base + token.left_edge.idx, base + token.right_edge.idx + len(token.right_edge)
    found = organisations_in(cast, start, end)
    return found[0].actor.name if found else ""


def is_summit_word(token: Token, lex: Lexicon) -> bool:
    return lex.in_group(token, "summit")


def summit_told(token: Token, lex: Lexicon) -> bool:
    """The summit itself, told as an event: its verb's subject or object, the object of a
    preposition on a verb ("at the summit"), or of a part of it ("the first day of the summit",
    "on the sidelines of the summit"); not a modifier ("the summit declaration")."""
    if told_as_event(token):
        return True
    above = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None
    return above is not None and lex.in_group(above, "summit_parts") and told_as_event(above)


def another_summit(token: Token, lex: Lexicon) -> bool:
    """"last year's G20 summit", "the previous summit", "the next summit": a summit the phrase sets
    apart from the one the article reports (its roster is not this one's). "This year's summit" and
    "the 2023 summit" may well be the one reported: their dates decide."""
    other = lex.group("earlier") | lex.group("not_yet")
    return any(t.lower_ in other for left in token.lefts for t in left.subtree)


def frame_organisation(frame: Frame, cast: Cast, base: int, lex: Lexicon, default: str = "") -> str:
    """The organisation whose summit the frame tells: a summit noun naming it (else the article's
    one summit organisation); a meeting or signing whose subject is its leaders or members ("Leaders
    of the G7 are meeting", "the heads of state of the CELAC member countries signed", not "the UN
    chief met"); a hosting of its summit."""
    tok, kind = frame.token, frame.trigger.frame
    if kind == "meet" and is_summit_word(tok, lex):
        told = summit_told(tok, lex) and not another_summit(tok, lex)
        return (_phrase_organisation(tok, cast, base) or default) if told else ""
    if kind == "host":
        anchor = frame.anchor
        held = [anchor.head] if anchor.dep_ in ("acl", "relcl") else []  # "the summit (that) X hosted"
        summits = [c for c in [*anchor.children, *held] if (c.dep_ in ("dobj", "nsubjpass") or c in held)
                   and is_summit_word(c, lex) and not another_summit(c, lex)]
        return next((_phrase_organisation(c, cast, base) or default for c in summits), "")
    if kind in ("meet", "sign") and is_verb(frame.anchor):
        subject = subject_of(frame.anchor)
        if subject is not None and lex.in_group(subject, "summit_members") and not any(
                m.actor.country for m in _mentions_of(subject, cast, base)):
            return _phrase_organisation(subject, cast, base)
    return ""


def _mentions_of(token: Token, cast: Cast, base: int) -> list[Placed]:
    return cast.within(base + token.left_edge.idx, base + token.right_edge.idx + len(token.right_edge))


def find_summits(text: str, sentences: list[Sentence], frames: dict[int, list[Frame]], cast: Cast, lex: Lexicon,
                 refusal: Callable[[Frame], str]) -> ArticleSummits:
    """The article's organisation summits and the states it names as taking part in each."""
    found = ArticleSummits()
    named: list[str] = []
    for i, fs in frames.items():
        for f in fs:
            org = frame_organisation(f, cast, sentences[i].start, lex)
            if org:
                named.append(org)
    if len(set(named)) == 1:
        found.default = named[0]
    for org in dict.fromkeys(named):
        found.by_organisation[org] = Summit(org)
    for i, fs in frames.items():
        for f in fs:
            _read_roster(f, found, cast, sentences[i].start, lex, refusal)
    if found.by_organisation:  # most articles tell no organisation's summit: no chair to read
        chair = lex.group("chair")
        chair_of = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(chair)))})\s+of\s+(?:the\s+)?$")
        for s in sentences:
            _read_chair(text, s, cast, found, chair, chair_of)
    return found


def _read_roster(f: Frame, found: ArticleSummits, cast: Cast, base: int, lex: Lexicon,
                 refusal: Callable[[Frame], str]) -> None:
    kind = f.trigger.frame
    attends = kind == "visit" and lex.in_group(f.anchor, "attend")
    if kind != "host" and not attends:
        return
    why = refusal(f)  # negated or conditional names no one; "is hosting" (planned or under way) does
    if why and not why.startswith(FilterReason.ARRANGED.value):
        return
    if attends:
        objects = [c for c in f.anchor.children if c.dep_ == "dobj" and is_summit_word(c, lex)
                   and not another_summit(c, lex)]
        org = next((_phrase_organisation(c, cast, base) or found.default for c in objects), "")
        if org in found.by_organisation:
            found.by_organisation[org].add(f.agents, "attending")
        return
    org = frame_organisation(f, cast, base, lex, found.default)
    if org in found.by_organisation:
        found.by_organisation[org].add([*f.agents, *f.participants], "hosting or hosted")


def _read_chair(text: str, s: Sentence, cast: Cast, found: ArticleSummits, chair: frozenset[str],
                chair_of: re.Pattern[str]) -> None:
    """"A handed over CELAC's rotating presidency to B", "B took over the chairmanship of the GCC":
    the states that pass or take the organisation's chair in a sentence take part in its summit."""
    for m in organisations_in(cast, s.start, s.end):
        summit = found.by_organisation.get(m.actor.name)
        if summit is None:
            continue
        after = text[m.end:min(s.end, m.end + CHAIR_REACH)].split(",")[0].lower()
        before = text[max(s.start, m.start - CHAIR_REACH):m.start].lower()
        if chair.isdisjoint(re.findall(r"[a-z]+", after)) and not chair_of.search(before):
            continue
        summit.add([p.actor for p in cast.within(s.start, s.end)
                    if p.actor.country and not p.is_venue and p.actor.kind != "organisation"],
                   "passing or taking its chair")


def join_summit(frame: Frame, summit: Summit) -> None:
    """The frame's parties: the states the article names as taking part in the summit, with its own."""
    have = {a.country for a in frame.participants if a.country}
    if len(summit.roster) < 2 or (frame.trigger.frame == "sign" and len(have) >= 2):
        return
    new = [a for c, a in summit.roster.items() if c not in have]
    if not new:
        return
    frame.participants = [*frame.participants, *new]
    hows = sorted({summit.how[a.country] for a in new})
    frame.notes.append(PartyNote("participant", ContextReason.ROSTER, tuple(new),
                                 says=f"participants: {', '.join(a.name for a in new)}, named as "
                                      f"{' / '.join(hows)} the {summit.organisation} summit"))


def _length(frame: Frame, lex: Lexicon) -> int:
    """"the three-day summit", "their two-day annual summit": the summit's length in days, or 0."""
    doc = frame.token.doc
    for t in doc:
        if is_summit_word(t, lex):
            m = _LENGTH.search(doc.text[t.left_edge.idx:t.idx])
            if m:
                return cardinal(m.group(1)) or 0
    return 0


def _which_day(frame: Frame, lex: Lexicon) -> str:
    """"began on Tuesday", "the first day of the summit": 'first'; "closes on Wednesday", "during
    the last day of sessions": 'last'; else ''."""
    if lex.in_group(frame.anchor, "summit_begins"):
        return "first"
    if lex.in_group(frame.anchor, "summit_ends"):
        return "last"
    near = {frame.anchor.i, frame.token.i, *(t.i for t in frame.token.ancestors)}
    for t in frame.token.doc:
        if t.lower_ != "day" or not ({t.i, *(a.i for a in t.ancestors)} & near or t in frame.anchor.subtree):
            continue
        words = {c.lower_ for c in t.children if c.dep_ in ("amod", "advmod")}
        if words & lex.group("first_day"):
            return "first"
        if words & lex.group("last_day"):
            return "last"
    return ""


def span_summits(drafts: list[Draft], lex: Lexicon) -> None:
    """Every report of one organisation's summit in the article shares its days: the first day (a
    begin verb, "the first day of") and the last ("closes", "the last day of"), or one of them and
    its length ("three-day"). Reports dated within or before the span (on or before the report
    day) take it; a signing on its first or last day takes that day."""
    groups: dict[str, list[Draft]] = {}
    for d in drafts:
        if d.summit and not d.earlier:
            groups.setdefault(d.summit, []).append(d)
    for org, group in groups.items():
        span = _summit_span(group, lex) or _signing_day(group)
        if span is None:
            continue
        for d in group:
            if d.has_own_date and (d.window.start != d.window.end or intersect(d.window, span) is None):
                continue
            if d.has_own_date and d.type != "meeting":
                continue
            day = _which_day(d.frame, lex) if d.type == "agreement" else ""
            w = DateWindow(span.end, span.end, "day", f"the last day of {span.reason}") if day == "last" else (
                DateWindow(span.start, span.start, "day", f"the first day of {span.reason}") if day == "first" else span)
            if not d.has_own_date and d.window.start is not None and intersect(d.window, w) is None:
                continue
            d.window, d.has_own_date, d.date_basis = w, True, DateBasis.SPAN
            d.reasons = [r for r in d.reasons if not r.startswith("date: ")] + [f"date: {w.reason}"]


def _signing_day(group: list[Draft]) -> DateWindow | None:
    """"Leaders of the GCC signed two documents on Tuesday": with no days of its own, the summit
    is dated by its leaders' signing."""
    signed = next((d.window for d in group if d.type == "agreement" and d.has_own_date and d.window.start is not None
                   and d.window.start == d.window.end), None)
    if signed is None or any(d.has_own_date for d in group if d.type == "meeting"):
        return None
    return DateWindow(signed.start, signed.end, "day", f"the day its leaders signed: {signed.reason}")


def _summit_span(group: list[Draft], lex: Lexicon) -> DateWindow | None:
    first = last = some_day = None
    length = 0
    for d in group:
        length = length or (_length(d.frame, lex) if d.type == "meeting" else 0)
        if d.type != "meeting" or not d.has_own_date or d.window.start is None or d.window.start != d.window.end:
            continue
        which = _which_day(d.frame, lex)
        if which == "first" and first is None:
            first = d.window.start
        elif which == "last" and last is None:
            last = d.window.end
        some_day = some_day or d.window.start
    how = "the summit from its first to its last day"
    if first and not last and length:
        last, how = first + timedelta(days=length - 1), f"a {length}-day summit from its first day"
    if last and not first and length:
        first, how = last - timedelta(days=length - 1), f"a {length}-day summit up to its last day"
    if not (first or last) and some_day and length:  # "a two-day summit" held on Monday: Sunday..Tuesday
        first, last = some_day - timedelta(days=length - 1), some_day + timedelta(days=length - 1)
        return DateWindow(first, last, "range", f"a {length}-day summit that includes {some_day} ({first}..{last})")
    if not (first and last) or not 0 <= (last - first).days < MAX_SUMMIT_DAYS:
        return None
    return DateWindow(first, last, "day" if first == last else "range", f"{how} ({first}..{last})")


def summits_under_way(pending: list[Draft], drafts: list[Draft], report_day: DateWindow) -> list[Draft]:
    """"X is hosting the G7 summit with ...", with no date of its own: a present progressive is
    arranged, unless the article dates that summit's days around the report day (its first day
    is today, "the three-day summit"): then it tells the summit under way, and takes its days."""
    out = []
    for d in pending:
        spans = [e.window for e in drafts if e.summit == d.summit and e.type == d.type and e.has_own_date
                 and e.window.start is not None and e.window.end is not None and report_day.start is not None
                 and e.window.start <= report_day.start and report_day.end is not None and report_day.end <= e.window.end]
        if not spans or len(d.countries) < 2:
            continue
        w = spans[0]
        d.window = DateWindow(w.start, w.end, w.precision, f"the summit under way on the report day: {w.reason}")
        d.has_own_date, d.date_basis = True, DateBasis.SPAN
        d.reasons = [r for r in d.reasons if not r.startswith("date: ")] + [
            "present progressive of the summit under way on the report day", f"date: {d.window.reason}"]
        out.append(d)
    return out
