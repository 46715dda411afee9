"""Dating frames: which date expression of a sentence belongs to which event, and its window.

Every event is dated by its own expression. An expression dates the clause it sits in: the
nearest trigger or trigger's verb above it, within its clause. A clause of its own (a relative
clause "which had been shut in May 2012", a participle "a ceasefire brokered in March", a
subordinate "because ..." clause) keeps its date, and a date under "since", "after", "before"
dates another event that only bounds the frame ("a year after the election on 3 May": not
before 3 May). A date on a reporting verb ("the agency said on Tuesday") dates the report day, not
the act, except where the state that acts announces its own act ("Riyadh said on Tuesday it has
restored ties": the declaration is the act). A date on a clause without a trigger reaches the
triggers that share its time: coordinated verbs, "to"-complements, "while"/"as" clauses and
participles ("pledged closer ties on Sunday while exchanging messages").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..documents.quotations import find_quotations
from ..knowledge.numbers import CARDINALS
from ..model import CalendarFact, DateWindow, common_span
from ..temporal.expressions import Expression, find_expressions, resolve_expression, year_less_fact
from ..temporal.calendar_spans import shift_span
from ..temporal.grammar import parse_expression
from ..temporal.occasions import match_occasions, occasion_window
from ..temporal.ordinals import ORDINAL, ordinal_value
from .frames import Frame, is_verb
from .lexicon import Lexicon

# Congratulations for an anniversary go out in the days before it; a week is the usual span.
ANNIVERSARY_LEAD_DAYS = 7
# A date under these words dates another event ("since taking power in 2011", "a day after the
# parade on Wednesday"), not the interaction the clause hangs from: the other event bounds it.
AFTER_MARKERS = frozenset({"since", "after", "following"})
BEFORE_MARKERS = frozenset({"before", "until", "ahead", "prior"})
OTHER_EVENT_MARKERS = AFTER_MARKERS | BEFORE_MARKERS
# An anniversary more than this before the report day is not what a message in the news marks.
ANNIVERSARY_REPORT_DAYS = 60
IMMEDIATE_WORDS = frozenset({"immediately", "shortly", "soon", "right", "just"})
# Clauses with a time of their own: what is dated inside them is their event.
OWN_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj"})
# Clauses that share the time of the clause they hang from.
SHARED_TIME_MARKS = frozenset({"while", "whilst", "as", "when"})
SHARED_TIME_DEPS = frozenset({"xcomp", "conj"})


@dataclass(frozen=True, slots=True)
class Dated:
    """A date expression of a sentence and what it dates."""

    expression: Expression
    frame: Frame | None  # None: it dates the report or another event, not a frame
    dates_report_day: bool
    by_sentence: bool = False  # reached the frame through a clause it shares time with, not its own phrase
    bound: str = ""  # "after" / "before": dates another event the frame follows or precedes
    previous: Expression | None = None  # the sentence's expression before it: the anchor of "a day later"
    speakers: frozenset[str] = frozenset()  # a report's: the countries of who said it ("Xi said on Sunday")
    offset_days: int = 0  # an "after" bound this many days before the date ("the third day of the visit")


def expression_root(doc: Doc, expr: Expression) -> Token | None:
    tokens = [t for t in doc if expr.start <= t.idx < expr.end]
    if not tokens:
        return None
    inside = set(t.i for t in tokens)
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


CountryOf = Callable[[Token], frozenset[str]]
_SINCE = re.compile(r"(?:since|from)\s+", re.I)


def attach_expressions(doc: Doc, frames: list[Frame], lex: Lexicon,
                       countries_of: CountryOf | None = None) -> list[Dated]:
    """Each expression of the sentence, given to the frame whose clause holds it (see the module)."""
    out: list[Dated] = []
    quoted = [(q.start_char, q.end_char) for q in find_quotations(doc.text)]
    previous: Expression | None = None
    for expr in find_expressions(doc.text):
        if any(a <= expr.start < b for a, b in quoted) or _annotates_occasion(doc.text, expr):
            continue  # "Over the past 70 years, ..." in a quote is what a letter says, not when it was sent
        root = expression_root(doc, expr)
        if root is None:
            continue
        found = _attach(expr, root, frames, lex, countries_of)
        found += [Dated(expr, f, False, by_sentence=True) for d in found if d.frame and not d.bound and not d.by_sentence
                  for f in _during(d.frame, frames, lex)]
        found += [replace(d, frame=f) for d in found if d.frame and not d.dates_report_day
                  for f in _same_act(d.frame, frames)]
        found += _day_of_event(expr, root, frames)
        found += [b for d in found if d.frame and not d.bound for b in _follows_dated_event(expr, d.frame, frames)]
        out += [replace(d, previous=previous) for d in found]
        previous = expr
    return out


def _follows_dated_event(expr: Expression, event: Frame, frames: list[Frame]) -> list[Dated]:
    """"the first call since their meeting in November 2023", "talks after the summit on Monday": the
    date is the inner event's, and the act the since/after phrase hangs from comes after it (before
    it under "before")."""
    tokens = {f.token.i: f for f in frames}
    for t in event.token.ancestors:
        if t.i in tokens:
            return []
        if t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark"):
            return [d for d in _bounding(expr, t, frames, tokens, _anchor_table(frames)) if d.frame not in (None, event)]
    return []


def _apposed_event(expr: Expression, root: Token, tokens: dict) -> Frame | None:
    """"Lula's state visit to China, April 12-15, 2023, ...": a date set off by a comma right after
    an event noun's phrase is that event's, wherever the parser hangs it."""
    first = next((t for t in root.doc if t.idx >= expr.start), root)
    if first.i < 2 or first.doc[first.i - 1].text != ",":
        return None
    t = first.doc[first.i - 2]
    while t.i not in tokens and t.dep_ in ("pobj", "prep", "compound", "amod", "poss", "case") and t.head.i != t.i:
        t = t.head
    frame = tokens.get(t.i)
    return frame if frame is not None and frame.trigger.pos == "noun" else None


# The days of an event named by their place rather than a number ("the opening day", "the last day");
# 0 is the last day. Numbered ones ("the second day") are read by temporal.ordinals.
_EDGE_DAYS = {"opening": 1, "last": 0, "final": 0, "closing": 0}


def _day_of_event(expr: Expression, root: Token, frames: list[Frame]) -> list[Dated]:
    """"on Wednesday, the second day of the king's state visit": the visit began the day before
    and ran at least to Wednesday; "the last day of the summit" ends it there."""
    tokens = {f.token.i: f for f in frames}
    after = [t for t in root.doc if t.idx >= expr.end and not t.is_punct][:5]
    words = [t.lower_ for t in after]
    if len(words) < 4 or words[0] != "the" or words[2] != "day" or words[3] != "of":
        return []
    n = _day_number(words[1])
    if n is None:
        return []
    event = next((tokens[t.i] for t in after[3].subtree if t.i in tokens), None)
    if event is None:
        return []
    return [Dated(expr, event, False, bound="before")] if n == 0 else [
        Dated(expr, event, False, bound="after", offset_days=n - 1)]


def _day_number(word: str) -> int | None:
    """"second" -> 2, "opening" -> 1, "last" -> 0 (the last day); None for any other word."""
    if word in _EDGE_DAYS:
        return _EDGE_DAYS[word]
    return ordinal_value(word) if re.fullmatch(ORDINAL, word) else None


def _during(event: Frame, frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """"During Lula's state visit, April 12-15, the two countries signed ...": what happens
    during a dated event shares its days; so does a trip made "to attend" it."""
    return [f for f in frames if f is not event and (any(
        c.dep_ == "prep" and c.lower_ in ("during", "amid") and any(g.i == event.token.i for g in c.children)
        for c in f.anchor.children) or _attends(f, event, lex))]


def _same_act(event: Frame, frames: list[Frame]) -> list[Frame]:
    """"a message of condolence", "a letter of congratulations": the noun after "of" names the same
    act, so it has the same date."""
    return [f for f in frames if f is not event and f.trigger.type == event.trigger.type
            and f.token.head.lower_ == "of" and f.token.head.head.i == event.token.i]


def _attends(trip: Frame, event: Frame, lex: Lexicon) -> bool:
    """"visited the kingdom to attend a summit": the visit is the summit's (word group attend)."""
    purpose = [c for c in trip.anchor.children if c.dep_ in ("xcomp", "advcl") and lex.in_group(c, "attend")]
    return trip.trigger.type == "meeting" and any(event.token in p.subtree for p in purpose)


def _annotates_occasion(text: str, expr: Expression) -> bool:
    """"the 78th National Day (September 2, 1945 - 2023)": a parenthesis after a numbered occasion
    dates the occasion's origin, not the event."""
    before = text[:expr.start].rstrip()
    if not before.endswith("("):
        return False
    return bool(re.search(rf"\b{ORDINAL}\b[^,;.()]{{0,60}}$", before[:-1], re.I))


def _is_report_verb(t: Token, lex: Lexicon) -> bool:
    words = lex.group("report")
    return (t.lower_ in words or t.lemma_.lower() in words) and is_verb(t) and not any(
        c.dep_ == "auxpass" for c in t.children)


def _shares_time_upward(t: Token) -> bool:
    """A clause whose time is its head's: "while visiting", "marking the day" (a bare participle)."""
    if t.dep_ in SHARED_TIME_DEPS:
        return True
    if t.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
    return any(m in SHARED_TIME_MARKS for m in marks) or (not marks and t.tag_ == "VBG")


def _attach(expr: Expression, root: Token, frames: list[Frame], lex: Lexicon,
            countries_of: CountryOf | None) -> list[Dated]:
    tokens = {f.token.i: f for f in frames}
    anchors = _anchor_table(frames)
    marker = _marker_before(root.doc[root.i - 1] if root.i else None, tokens)
    if marker is not None:
        return _bounding(expr, marker, frames, tokens, anchors)
    named = _apposed_event(expr, root, tokens) or _inner_event(root.doc[root.i - 1] if root.i else None, tokens)
    if named is not None:
        return [Dated(expr, named, False)]
    whens = [f for f in frames if _is_when_clause_of(f.anchor, expr)]
    if whens:
        lead = len(expr.text) - len(expr.text.lstrip()) + (len(m.group(0)) if (m := _SINCE.match(expr.text.lstrip())) else 0)
        bare = Expression(expr.start + lead, expr.end, expr.text[lead:])
        return [Dated(bare, f, False) for f in whens]
    path: list[Token] = []
    for t in root.ancestors:
        if t.i in tokens:
            return [Dated(expr, _answering(t, root, tokens), False)]
        if t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark"):
            return _bounding(expr, t, frames, tokens, anchors)
        if _is_report_verb(t, lex):
            found = next((anchors[a.i] for a in path if a.i in anchors), None)
            return [Dated(expr, found, False)] if found else [
                Dated(expr, None, True, speakers=_speakers(t, countries_of)),
                *_said_in(expr, t, tokens),
                *_performed(expr, t, frames, countries_of, lex.group("state_nouns"))]
        clause_mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in OTHER_EVENT_MARKERS), None)
        if is_verb(t) and clause_mark is not None and not _is_immediate(t):
            return _bounding(expr, clause_mark, frames, tokens, anchors)  # "since ties were upgraded in 2017"
        path.append(t)
        if is_verb(t) and t.dep_ in OWN_CLAUSE_DEPS and not _shares_time_upward(t) and not (
                t.dep_ in ("acl", "relcl") and t.head.i in tokens):
            if t.dep_ in ("relcl", "acl") and t.tag_ in ("VBD", "VBN") and not any(
                    _shares_clause_time(f.anchor, t) for f in frames):  # "which in 1979 became the first to sign"
                described = _frame_above(t, tokens, anchors, lex)
                if isinstance(described, Token):  # "after the floods that swept ... on Monday"
                    return _bounding(expr, described, frames, tokens, anchors)
                if described is not None:  # "about the fighting that began on Oct. 7": not before it
                    return [Dated(expr, described, False, bound="after")]
            if not (t.dep_ == "advcl" and _is_immediate(t)):
                break  # "which had been shut in May 2012": the clause's own event
    found = next((anchors[t.i] for t in path if t.i in anchors), None)
    if found is not None:
        return [Dated(expr, found, False)]
    clause = next((t for t in reversed(path) if is_verb(t)), None)
    if clause is None:
        only = frames[0] if len(frames) == 1 and frames[0].anchor.dep_ == "ROOT" else None
        return [Dated(expr, only, False, by_sentence=True)] if only else [Dated(expr, None, False)]
    shared = [f for f in frames if _shares_clause_time(f.anchor, clause)]
    return [Dated(expr, f, False, by_sentence=True) for f in shared] or [Dated(expr, None, False)]


def _marker_before(token: Token | None, tokens: dict) -> Token | None:
    """"after his election on March 3": a date right behind the noun of an after/since phrase
    dates that noun's event, wherever the parser hangs it (unless that noun is a trigger:
    "since a greeting on Jan. 1" dates the greeting)."""
    if token is None or token.dep_ != "prep" or token.lower_ not in ("on", "in"):
        return None
    for t in reversed(token.doc[:token.i]):
        if t.is_punct or is_verb(t) or t.i in tokens:
            return None
        if t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark"):
            return t
    return None


# What may stand between an after/since word and its event noun: "since their first meeting".
_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "case", "punct", "prt"})


def _inner_event(token: Token | None, tokens: dict) -> Frame | None:
    """"the first call since their meeting in Lima in November 2023": a date right behind an
    after/since/before phrase whose noun is an event of its own dates that event, wherever the parser hangs
    it (the act the phrase hangs from then follows it: _follows_dated_event)."""
    if token is None or token.dep_ != "prep" or token.lower_ not in ("on", "in"):
        return None
    for t in reversed(token.doc[:token.i]):
        if t.is_punct or is_verb(t):
            return None
        if t.i in tokens:
            k = t.i - 1
            while k >= 0 and token.doc[k].dep_ in _NOUN_MODIFIERS and token.doc[k].lower_ not in OTHER_EVENT_MARKERS:
                k -= 1
            marker = token.doc[k] if k >= 0 else None
            return tokens[t.i] if marker is not None and marker.lower_ in OTHER_EVENT_MARKERS else None
    return None


def _is_when_clause_of(anchor: Token, expr: Expression) -> bool:
    """"since 2013, when Egypt expelled the ambassador": the clause's time is the date it hangs from."""
    head = anchor
    while head.dep_ in ("conj",) and head.head.i != head.i:
        head = head.head
    when = next((c for c in head.children if c.lower_ == "when"), None)
    if when is None or head.dep_ not in ("relcl", "advcl"):
        return False
    # "than last year, when the leaders met": right after the date, whatever the parser hung it on
    return expr.start <= head.head.idx < expr.end or not head.doc.text[expr.end:when.idx].strip(" ,")


def _anchor_table(frames: list[Frame]) -> dict[int, Frame]:
    """Verb -> the frame it carries; of two nouns under one verb ("held talks ..., the first day of
    her visit") the one nearest the verb is the verb's event."""
    table: dict[int, Frame] = {}
    for f in sorted(frames, key=lambda f: (_depth_below(f.token, f.anchor), f.token.i)):
        table.setdefault(f.anchor.i, f)
    return table


def _depth_below(token: Token, anchor: Token) -> int:
    depth, t = 0, token
    while t.i != anchor.i and t.head.i != t.i:
        depth, t = depth + 1, t.head
    return depth


def _answering(noun: Token, root: Token, tokens: dict) -> Frame:
    """"replied to Putin's letter on Monday": a day on the answered message is the answer's."""
    frame = tokens[noun.i]
    prep = root.head
    if frame.trigger.pos != "noun" or prep.head.i != noun.i or prep.lower_ != "on" or not any(
            c.dep_ == "poss" for c in noun.children):
        return frame
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return tokens.get(verb.i, frame)


def _frame_above(clause: Token, tokens: dict, anchors: dict, lex: Lexicon) -> Frame | Token | None:
    """The frame whose phrase a past relative clause describes (a participant, a topic, an
    occasion): what that clause tells happened before the frame's event; or the after/before
    word whose phrase holds the clause ("after the floods that swept ...")."""
    for t in clause.ancestors:
        if t.i in tokens or t.i in anchors:
            return tokens.get(t.i) or anchors[t.i]
        if t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark"):
            return t
        if _is_report_verb(t, lex):
            return None
    return None


def _is_immediate(clause: Token) -> bool:
    """"immediately after the news broke on Thursday": the same day as the clause it follows."""
    return any(c.dep_ == "advmod" and c.lower_ in IMMEDIATE_WORDS for c in clause.subtree if c.i < clause.i)


def _shares_clause_time(anchor: Token, clause: Token) -> bool:
    """The frame's verb is the clause's verb or hangs from it through clauses of the same time."""
    t = anchor
    while t.i != clause.i:
        if not _shares_time_upward(t) or t.head.i == t.i:
            return False
        t = t.head
    return True


def _bounding(expr: Expression, marker: Token, frames: list[Frame], tokens: dict, anchors: dict) -> list[Dated]:
    """"after the election on 28 July": the frame the marker's phrase modifies follows that date."""
    bound = "after" if marker.lower_ in AFTER_MARKERS else "before"
    above = [marker, *marker.ancestors][2 if marker.dep_ == "mark" else 0:]  # a since-clause's verb is not the frame's
    for table in (tokens, anchors):
        found = next((table[t.i] for t in above if t.i in table), None)
        if found is not None:
            return [Dated(expr, found, False, bound=bound)]
    return [Dated(expr, None, False, bound=bound)]


def _performed(expr: Expression, verb: Token, frames: list[Frame], countries_of: CountryOf | None,
               state_words: frozenset[str] = frozenset()) -> list[Dated]:
    """"Riyadh said on Tuesday it has restored ties", "their foreign ministries announced on Tuesday":
    a state announcing its own relations act performs it; the announcement's day is the act's."""
    speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None:
        return []
    out = []
    for f in frames:
        if f.trigger.type != "relations" or _is_past_perfect(f.anchor) or not _near_report(f.anchor, verb):
            continue
        parties = {a.country for a in (*f.agents, *f.participants) if a.country}
        says_their = any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in speaker.subtree)
        named = countries_of(speaker) if countries_of else frozenset()
        own_organ = not named and any(t.lower_ in state_words for t in (speaker, *(
            c for c in speaker.children if c.dep_ in ("compound", "amod"))))  # "the Foreign Office said": its own
        if says_their or own_organ or parties & named:
            out.append(Dated(expr, f, False, by_sentence=True))
    return out


def _said_in(expr: Expression, verb: Token, tokens: dict) -> list[Dated]:
    """"Xi said on Saturday in a message of condolence": what is said in a message is the message,
    so the day of the saying is the message's (and still the report's)."""
    doc = verb.doc
    after = next((t for t in doc if t.idx >= expr.end), None)  # "said on Saturday in a message", however parsed
    preps = [p for p in verb.children if p.dep_ == "prep"] + ([after] if after is not None and after.dep_ == "prep"
                                                              and after.i > verb.i else [])
    return [Dated(expr, tokens[o.i], False, by_sentence=True) for p in dict.fromkeys(preps)
            if p.lower_ in ("in", "through", "via") for o in p.children if o.dep_ == "pobj"
            for t in o.subtree if t.i in tokens and tokens[t.i].trigger.type == "message"
            and (t is o or t.head.lower_ == "of" and t.head.head is o)]  # "in a message of condolence"


def _speakers(verb: Token, countries_of: CountryOf | None) -> frozenset[str]:
    speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return countries_of(speaker) if speaker is not None and countries_of else frozenset()


def _near_report(anchor: Token, verb: Token) -> bool:
    """The act is what the report says (its complement) or the clause the report comments on, not
    an earlier act told inside it ("restoring ties six months after severing them")."""
    if anchor in verb.ancestors:
        return True
    if verb not in anchor.ancestors:
        return False
    between = [anchor, *[t for t in anchor.ancestors if verb in t.ancestors]]
    return not any(t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark") or t.dep_ in ("relcl", "acl", "pcomp")
                   for t in between)


def _is_past_perfect(verb: Token) -> bool:
    return any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children)


# -- windows ----------------------------------------------------------------------------------
def resolve(expr: Expression, now: DateWindow, anchor: DateWindow | None) -> DateWindow | None:
    try:
        return resolve_expression(expr.text, now, anchor)
    except Exception:  # noqa: BLE001 - an unparseable expression leaves the window open
        return None


def intersect(a: DateWindow, b: DateWindow) -> DateWindow | None:
    lo, hi = common_span((a, b))
    if lo and hi and lo > hi:
        return None
    precision = "day" if lo and hi and lo == hi else (a.precision if a.precision == b.precision else "range")
    # the window that already is the intersection tells why; two partial bounds tell it together
    if (lo, hi) == (a.start, a.end):
        reason = a.reason or b.reason
    elif (lo, hi) == (b.start, b.end):
        reason = b.reason or a.reason
    else:
        reason = "; ".join(dict.fromkeys(r for r in (a.reason, b.reason) if r))
    return DateWindow(lo, hi, precision, reason)


def yearless_days(texts: list[str]) -> list[CalendarFact]:
    """The days a frame's own expressions name without a year ("on November 9"), kept on an event whose
    window stays open because nothing in the article fixes the year (see model.CalendarFact)."""
    facts = [f for t in texts if (f := year_less_fact(t)) is not None]
    return list(dict.fromkeys(facts))


def resolve_dated(d: Dated, report_day: DateWindow, anchor: DateWindow | None) -> DateWindow | None:
    """An expression's window; "a day later" counts from the sentence's previous expression first."""
    parsed = parse_expression(d.expression.text)
    if parsed is not None and parsed.rule.basis == "anchor" and d.previous is not None:
        anchor = resolve(d.previous, report_day, anchor) or anchor
    return resolve(d.expression, report_day, anchor) or in_narrative_year(d.expression, report_day, anchor)


def in_narrative_year(expr: Expression, report_day: DateWindow, anchor: DateWindow | None) -> DateWindow | None:
    """"On May 16, 2014 ... the tragedy on May 13": an article without a report day tells a day
    without a year in the time of the dated event told before it (read as its "now")."""
    if report_day.end is not None or anchor is None or anchor.start is None:
        return None
    fact = year_less_fact(expr.text)
    if fact is None:
        return None  # only a day with its month: "on Monday" needs a real now
    window = resolve(expr, DateWindow(anchor.start, anchor.end or anchor.start, "range"), None)
    if window is None:
        return None
    return DateWindow(window.start, window.end, window.precision,
                      f"{window.reason}; no report day: read in the time of the event told before it")


def within_report_day(window: DateWindow, report_day: DateWindow) -> DateWindow | None:
    """A done event ends by the report day: a window after it is a misreading (None), one that
    runs past it is cut there."""
    if report_day.end is None or window.end is None or window.end <= report_day.end:
        return window
    if window.start and window.start > report_day.end:
        return None
    return DateWindow(window.start, report_day.end, "range", f"{window.reason}; cut at the report day {report_day.end}")


@dataclass(frozen=True, slots=True)
class Statement:
    """What someone said in the previous sentence, and when: "Xi said on Sunday ..."."""

    window: DateWindow
    speakers: frozenset[str]


# Without a report day, messages on an occasion are read as sent within this many days after it.
OCCASION_FOLLOW_DAYS = 7
_BEFORE_OCCASION = re.compile(r"\b(?:ahead\s+of|eve\s+of|run-up\s+to|before|prior\s+to|in\s+advance\s+of)\s+"
                              r"(?:the\s+)?\S*\s*$", re.I)


# What a message is for: "on the occasion of", "to mark", "at" the occasion, right before its name.
_FOR_OCCASION = re.compile(r"\b(?:on\s+the\s+occasion\s+of|to\s+mark|marking|at|during|for|on|celebrating|"
                           r"commemorating|to\s+celebrate|upon)\s+(?:the\s+|his\s+|her\s+|its\s+)?$", re.I)


def sentence_occasion(text: str, report_day: DateWindow) -> DateWindow | None:
    """A one-off occasion the sentence congratulates on ("on his re-election at the first plenary
    session of the 20th Central Committee"): its days, unless the sentence looks ahead to it."""
    for match in match_occasions(text):
        before = text[max(0, match.start - 60):match.start]
        if match.occasion.is_recurring or _BEFORE_OCCASION.search(before) or not _FOR_OCCASION.search(before):
            continue
        window = occasion_window(match.occasion, report_day)
        if window and window.start and (report_day.end is None or window.start <= report_day.end):
            return window
    return None


def frame_window(frame: Frame, dated: list[Dated], report_day: DateWindow, anchor: DateWindow | None,
                 anniversary: date | None, statement: Statement | None = None,
                 remark_words: frozenset[str] = frozenset(),
                 occasion: DateWindow | None = None) -> tuple[DateWindow, bool]:
    """The frame's window and whether it has a date of its own: its expressions (its own phrase's
    before its clause's), then the previous sentence's statement its clause refers to ("made the
    remark while exchanging messages"), then the bounds other dated events set, else on or before
    the report."""
    own = [d for d in dated if d.frame is frame and not d.dates_report_day and not d.bound]
    # "Tuesday ... his July 25 call": the call's own date wins over its clause's
    window = _own_window([d for d in own if not d.by_sentence], report_day, anchor) or _own_window(
        [d for d in own if d.by_sentence], report_day, anchor)
    if window is not None:
        return window, True
    if statement and _remarks_while(frame, remark_words) and statement.speakers & {
            a.country for a in (*frame.agents, *frame.participants)}:
        return DateWindow(statement.window.start, statement.window.end, statement.window.precision,
                          f"at the time of the remark: {statement.window.reason}"), True
    if frame.trigger.type in ("message", "call") and occasion is not None:
        window = after_occasion(occasion, report_day)
    elif frame.trigger.type == "message":
        window = undated_window(report_day, anniversary)
    else:
        window = DateWindow(None, report_day.end, "range" if report_day.end else "open",
                            f"no date of its own; reported by {report_day.end}" if report_day.end else "no date in the text")
    return bounded(window, [d for d in dated if d.frame is frame and d.bound], report_day, anchor), False


def performed_by_the_text(frame: Frame, report_day: DateWindow, words: frozenset[str]) -> DateWindow | None:
    """"We, ..., hereby declare the following": the text performs the act (the word group
    'performative'), so the act is of the document's own day, when the article has one."""
    verb = frame.anchor
    if report_day.start is None or report_day.start != report_day.end or verb is None:
        return None
    # the parser hangs "hereby" on the verb or on its subject ("We, ..., hereby declare")
    word = next((g for c in verb.children for g in (c, *c.children) if g.lower_ in words), None)
    if word is None:
        return None
    return DateWindow(report_day.start, report_day.end, "day",
                      f"performed by the text itself ('{word.text}'): the document's day {report_day.start}")


def place_year_less(drafts: list) -> None:
    """"held a call on April 2, the first follow-up call since their meeting in November 2023": with
    no report day a day without a year stays open (a calendar fact), but once the event is bounded
    from below it is that day's first occurrence after the bound."""
    for d in drafts:
        start, end = d.window.start, d.window.end
        days = [f for f in d.calendar if f.weekday is None and not f.days_before and not f.days_after]
        if start is None or end is not None or not days:
            continue
        fact = days[0]
        first = next((w for y in (start.year, start.year + 1) if (w := fact.window_in(y)) and w[0] >= start), None)
        if first is None:
            continue
        d.window = DateWindow(first[0], first[1], "day", f"{fact.reason}: its first {first[0]:%B} {first[0].day} "
                                                         f"{d.window.reason}")
        d.has_own_date, d.calendar = True, ()


def _own_window(own: list[Dated], report_day: DateWindow, anchor: DateWindow | None) -> DateWindow | None:
    window: DateWindow | None = None
    for d in own:
        resolved = resolve_dated(d, report_day, anchor)
        resolved = within_report_day(resolved, report_day) if resolved else None
        if resolved:
            window = resolved if window is None else (intersect(window, resolved) or window)
    return window


def _remarks_while(frame: Frame, remark_words: frozenset[str]) -> bool:
    """"X made the remarks while exchanging messages with Y": the clause's object is a remark."""
    t = frame.anchor
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "advcl" or not _shares_time_upward(t):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in remark_words for c in t.head.children)


def bounded(window: DateWindow, bounds: list[Dated], report_day: DateWindow, anchor: DateWindow | None) -> DateWindow:
    """"after the election on 28 July", "since 2015": not before that event (or not after it)."""
    for d in bounds:
        other = resolve_dated(d, report_day, anchor)
        if other is None:
            continue
        start = other.start - timedelta(days=d.offset_days) if other.start else None
        edge = DateWindow(start, None, "range", f"after {d.expression.text!r} ({other.iso()[0]})") \
            if d.bound == "after" else DateWindow(None, other.end, "range", f"before {d.expression.text!r}")
        window = intersect(window, edge) or window
    return window


def after_occasion(occasion: DateWindow, report_day: DateWindow) -> DateWindow:
    """A message on a one-off occasion goes out once it has begun, by the report day (without one,
    within a week of its end)."""
    end = report_day.end if report_day.start and report_day.start == report_day.end else None
    if end is None and occasion.end:
        end = occasion.end + timedelta(days=OCCASION_FOLLOW_DAYS)
        end = min(end, report_day.end) if report_day.end else end
    return DateWindow(occasion.start, end, "range",
                      f"no date of its own; sent for {occasion.reason}, by {end}")


def undated_window(report_day: DateWindow, anniversary: date | None) -> DateWindow:
    """No date of its own: sent on or before the report day (the week before an anniversary it marks)."""
    end = report_day.end
    near = end is None or (end - timedelta(days=ANNIVERSARY_REPORT_DAYS) <= anniversary <= end + timedelta(days=3)
                           if anniversary else False)
    if anniversary and near:
        start = anniversary - timedelta(days=ANNIVERSARY_LEAD_DAYS)
        end = min(end, anniversary) if end and end >= start else anniversary
        return DateWindow(start, end, "range",
                          f"no date of its own; messages for the anniversary on {anniversary} go out in the week before it")
    reason = f"no date of its own; sent on or before the report of {end}" if end else "no date in the text"
    return DateWindow(None, end, "range" if end else "open", reason)


CONTINUATION_WORDS = frozenset({"also", "likewise", "similarly"})
# "Earlier, the talks started after 11:30am": a clock time keeps "earlier" on the day of the news.
_SAME_DAY_EARLIER = re.compile(r"^\W*earlier\b(?!\s+(?:this|last|in)\b)", re.I)
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b", re.I)


def continue_occasions(drafts: list) -> None:
    """"In the past week, X shut embassies in A and B. It also closed its missions in C": a
    continuation without a date of its own takes the window of the act it continues (same type
    and actor, in an earlier sentence); "Earlier, the talks started after 11:30am" takes the day of
    the act told before it. A continuation that names its own time ("also recalled a visit last
    year"), even one no "now" of the article resolves, keeps it."""
    for i, d in enumerate(drafts):
        same_day = _SAME_DAY_EARLIER.match(d.frame.token.doc.text) and _CLOCK_TIME.search(d.frame.token.doc.text)
        if d.has_own_date or d.frame.dated or not (same_day or any(c.dep_ == "advmod" and c.lower_ in CONTINUATION_WORDS
                                                  for c in d.frame.anchor.children)):
            continue
        source = d.source.country if d.source else None
        earlier = next((e for e in reversed(drafts[:i]) if e.sentence < d.sentence and e.has_own_date
                        and (same_day or e.type == d.type)
                        and (same_day or source is None or (e.source and e.source.country == source))), None)
        if earlier is not None:
            d.window = DateWindow(earlier.window.start, earlier.window.end, earlier.window.precision,
                                  f"continues the act of an earlier sentence: {earlier.window.reason}")
            d.has_own_date = True
            d.reasons = [r for r in d.reasons if not r.startswith("date: ")] + [f"date: {d.window.reason}"]


# "Earlier, Mr X sent a message", "Previously, ...": an act told as before the one told just before it.
_TOLD_AS_EARLIER = re.compile(r"^\W*(?:earlier|previously|before\s+that|prior\s+to\s+(?:this|that))\s*,", re.I)


def bound_by_earlier(drafts: list) -> None:
    """"On May 16 X called Y. ... Earlier, X sent Y a message of condolences": the act told as
    earlier is not after the dated act told before it."""
    for i, d in enumerate(drafts):
        if d.has_own_date or not _TOLD_AS_EARLIER.match(d.frame.token.doc.text):
            continue
        before = next((e for e in reversed(drafts[:i]) if e.sentence < d.sentence and e.has_own_date
                       and e.window.end is not None), None)
        if before is None or (d.window.end is not None and d.window.end <= before.window.end):
            continue
        edge = DateWindow(None, before.window.end, "range", f"told as earlier than {before.window.iso()}")
        d.window = intersect(d.window, edge) or d.window


# "On the same day, July 11, X spoke with Z": the day named is also the day of the act told before.
_SAME_DAY_NAMED = re.compile(r"\b(?:on\s+)?the\s+same\s+day\s*,\s*\S", re.I)
# How many sentences back the act that shares the named day may be told.
SAME_DAY_REACH = 3


def date_the_same_day(drafts: list) -> None:
    """"The day before, X had a telephone conversation with Y. ... On the same day, July 11, X spoke
    with Z": the day the later sentence names is the day of the undated act told just before it."""
    for i, d in enumerate(drafts):
        if not d.has_own_date or not _SAME_DAY_NAMED.search(d.frame.token.doc.text):
            continue
        for e in reversed(drafts[:i]):
            if e.sentence >= d.sentence or d.sentence - e.sentence > SAME_DAY_REACH:
                continue
            if e.has_own_date:
                break  # the act before already has its day: "the same day" is that one
            e.window = intersect(e.window, DateWindow(d.window.start, d.window.end, d.window.precision,
                                                      f"the same day as the act told next: {d.window.reason}")) or e.window
            e.has_own_date = e.window.start is not None and e.window.start == d.window.start
            break


_MEASURE_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
                  "year": "year", "years": "year"}
_HEDGES = frozenset("almost nearly about around some roughly approximately".split())
_COUNTS = {**CARDINALS, "a": 1, "an": 1, "several": 3, "few": 2}


def _measure(marker: Token) -> tuple[int, str, bool] | None:
    """"almost six months after": (6, 'month', hedged)."""
    unit = next((c for c in marker.children if c.dep_ == "npadvmod" and c.lower_ in _MEASURE_UNITS), None)
    if unit is None:
        return None
    count = next((c for c in unit.children if c.dep_ in ("nummod", "det", "amod")
                  and (c.text.isdigit() or c.lower_ in _COUNTS)), None)
    n = int(count.text) if count is not None and count.text.isdigit() else _COUNTS.get(count.lower_, 1) if count else 1
    hedged = any(t.lower_ in _HEDGES for t in unit.subtree)
    return n, _MEASURE_UNITS[unit.lower_], hedged


def link_measured(drafts: list) -> None:
    """"restoring ties almost six months after severing them", "a visit three days before the call":
    of two acts a measured distance apart, the undated one takes the dated one's window, shifted."""
    by_token = {}
    for d in drafts:
        by_token.setdefault((d.sentence, d.frame.token.i), []).append(d)
    for d in drafts:
        doc = d.frame.token.doc
        for marker in (t for t in doc if t.lower_ in ("after", "before") and t.dep_ in ("prep", "mark")):
            measure = _measure(marker)
            if measure is None or not (d.frame.anchor.i == marker.head.i or d.frame.token.i == marker.head.i):
                continue
            inside = [o for t in marker.subtree for o in by_token.get((d.sentence, t.i), []) if o is not d]
            for other in inside:
                _shift_between(d, other, measure, 1 if marker.lower_ == "after" else -1)


def _shift_between(head, inner, measure: tuple[int, str, bool], sign: int) -> None:
    """head = inner + sign * n units: date whichever of the two has no date of its own."""
    n, unit, hedged = measure
    head_home, inner_home = _home(head), _home(inner)
    if head_home.has_own_date and not inner_home.has_own_date:
        source, target, step = head_home, inner_home, -sign * n
    elif inner_home.has_own_date and not head_home.has_own_date:
        source, target, step = inner_home, head_home, sign * n
    else:
        return
    w = source.window
    if w.start is None or w.end is None:
        return
    start, end = shift_span((w.start, w.end), unit, step) if unit != "month" else _shift_days(w, unit, step)
    if hedged:
        start, end = min(start, w.start), max(end, w.end)
    target.window = DateWindow(start, end, "range", f"{abs(step)} {unit}(s) {'before' if step < 0 else 'after'} "
                               f"{w.iso()}: {w.reason}")
    target.has_own_date = True


def _shift_days(w: DateWindow, unit: str, step: int) -> tuple[date, date]:
    """A month shift keeps the day of the month (day precision stays day precision)."""
    from ..temporal.calendar_spans import add_months, safe_day, month_span

    def move(day: date) -> date:
        y, m = add_months(day.year, day.month, step)
        return safe_day(y, m, day.day) or month_span(y, m)[1]
    return move(w.start), move(w.end)


def _home(d):
    while d.home is not None:
        d = d.home
    return d


def occasion_days(sentences: list[str], report_day: DateWindow, lex: Lexicon) -> dict[str, DateWindow]:
    """The dated occasions an article tells outside any message ("Elections were held in Venezuela
    on July 28", "the earthquake that struck on January 1"): the latest election and disaster."""
    found: dict[str, DateWindow] = {}
    narrative: DateWindow | None = None  # the last day with its year told so far
    for text in sentences:
        words = {w.lower().strip(".,;:!?\"'’”“()") for w in text.split()}
        # the message's own sentence: only a date inside the occasion's phrase is the occasion's
        # ("convey his condolences following the mine tragedy in the province on May 13")
        in_message = bool(words & (lex.group("greets_occasion") | lex.group("mourns_occasion")))
        for kind in ("occasion_election", "occasion_disaster"):
            if not words & lex.group(kind):
                continue
            for expr in find_expressions(text):
                if in_message and not _inside_occasion_phrase(text, expr, lex.group(kind)):
                    continue
                window = resolve(expr, report_day, None) or in_narrative_year(expr, report_day, narrative)
                if window and window.start and (report_day.end is None or window.start <= report_day.end):
                    if kind not in found or window.start > found[kind].start:
                        found[kind] = window
        narrative = next((w for e in reversed(find_expressions(text)) if _names_year(e.text)
                          and (w := resolve(e, report_day, None)) and w.start), narrative)
    return found


def _names_year(text: str) -> bool:
    """The expression names its year ("May 16, 2014", "in 2014")."""
    return bool(re.search(r"\b(?:1[89]|20)\d\d\b", text))


# How far after the occasion's noun its own date may sit: "the mine tragedy in the eastern province on May 13".
_OCCASION_PHRASE_CHARS = 60


def _inside_occasion_phrase(text: str, expr: Expression, nouns: frozenset[str]) -> bool:
    """The expression follows an occasion noun within its phrase (no comma, clause or sentence
    break between them)."""
    before = text[max(0, expr.start - _OCCASION_PHRASE_CHARS):expr.start]
    words = re.findall(r"[\w'-]+|[,;:.!?]", before)
    for k in range(len(words) - 1, -1, -1):
        if words[k] in ",;:.!?":
            return False
        if words[k].lower() in nouns:
            return True
    return False


def bound_by_occasions(drafts: list, occasions: dict[str, DateWindow], lex: Lexicon) -> None:
    """Congratulations do not precede the election the article dates, nor condolences the disaster;
    nor does any act whose sentence names that occasion as done ("recalled its diplomats from the
    countries that called for a review of the presidential election")."""
    for d in drafts:
        if d.has_own_date:
            continue
        doc = d.frame.token.doc
        words = {t.lower_ for t in doc}
        for kind, group in (("occasion_election", "greets_occasion"), ("occasion_disaster", "mourns_occasion")):
            occasion = occasions.get(kind)
            if occasion is None or (d.window.end and occasion.start > d.window.end):
                continue
            greets = d.type in ("message", "call") and words & lex.group(group)
            if not (greets or _names_past_occasion(doc, lex.group(kind), lex)):
                continue
            if d.window.start is None or d.window.start < occasion.start:
                d.window = DateWindow(occasion.start, d.window.end, "range",
                                      f"{d.window.reason}; not before the {kind.split('_')[1]} of {occasion.start}")


# How far before an occasion's noun a word that puts it ahead ("ahead of the presidential election",
# "the upcoming vote") is looked for.
_AHEAD_REACH = 4


def _names_past_occasion(doc: Doc, nouns: frozenset[str], lex: Lexicon) -> bool:
    """The sentence names an occasion of the kind as something that has happened: not one it looks
    ahead to ("before the election", "the upcoming polls", "the vote will be held")."""
    ahead = BEFORE_MARKERS | lex.group("not_yet") | lex.group("modal")
    for t in doc:
        if t.lower_ not in nouns:
            continue
        near = {w.lower_ for w in doc[max(0, t.i - _AHEAD_REACH):t.i]} | {
            c.lower_ for c in t.head.children if c.dep_ == "aux"} | {c.lower_ for c in t.children if c.dep_ == "aux"}
        if not near & ahead:
            return True
    return False
