"""What two reports share that says they tell of one interaction, and what says they cannot.

Overlapping date windows are compatibility, not identity: "Kim sent a letter to Xi" with no date
fits every letter of the year. So a report joins an event only on evidence, and each merge records
the strongest it had, from a closed set (LinkReason): the same wording (a wire copy or a close
translation), a verbatim quotation of six words or more, the same occasion, a year-less day that fits,
the same three or more states acting together a day apart at most, narrow windows that agree, the same
named sender and recipient (or participants) with the same medium, or, for a vague report, nothing but
nearness in time. Outlets that date one act a day apart (a year-less "November 9" against a text dated
10 November) are not kept apart by the dates: they merge on strong evidence, with the disagreement
recorded as a date conflict (see linking). Guards (Apart) veto a link whatever the evidence: a different
act on the same pair (a recall is not an appointment), different named people, two reports of one
article from different sentences (the extractor already merged what one article says about one
interaction), a reply and what it answers, different occasions, dates too far apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from ..knowledge.tables import Table, read_table
from ..knowledge.words import TOKEN_RE, fold
from ..model import Actor, CalendarFact, DateWindow, Event
from .compatibility import (OCCASION_OVERLAP, YEAR_DAYS, anchor, calendar_fits, calendars_meet, gap_days, is_narrow,
                            is_one_off, is_undated, occasion_affinity, width, windows_overlap)
from .near_duplicates import is_copy

QUOTE_WORDS = 6  # a shared run of this many quoted words is one source's words, not a coincidence
SAME_WORDING = 0.6  # share of content words two evidence sentences must have in common to be one wording
MIN_WORDING_WORDS = 8  # shorter evidence says too little to compare wordings
DATE_CONFLICT_DAYS = 1  # outlets disagreeing by this much on one occasion still report one event
MEDIUM_FAMILY = {"letter": "written", "message": "written", "reply": "written", "greeting": "greeting",
                 "cable": "cable", "verbal_message": "verbal", "call": "call", "video_call": "call"}
# Types whose reports may name the parties in either order: who met whom has no direction, and a
# call's "source" is often only the grammatical subject, so outlets report one call both ways.
UNORDERED = frozenset({"meeting", "agreement", "call"})
# Meeting frames whose source and target are only the order of the words ("X met Y", "their meeting in
# California"): one meeting reported as "Xi met Biden" and "Biden met Xi" is one meeting. A visit or a
# host's guest has a direction (who travelled), so visits in opposite directions stay two visits.
GRAMMATICAL_ORDER_FRAMES = frozenset({"meet"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STOP = frozenset("a an and the of to in on for with by at from as that this is was were be been has have had "
                  "he she it its his her their they them said says which who also".split())


class LinkReason(str, Enum):
    """Why a report joined an event: the strongest evidence it shared with the event's reports."""

    SEED = "seed"  # the event's most specific report, which the others joined
    NEAR_DUPLICATE = "near_duplicate"  # the same wording: a wire copy or a close translation
    QUOTATION = "quotation"  # a verbatim quotation of QUOTE_WORDS words or more in both
    CALENDAR = "calendar"  # a day without a year that falls in the event's window
    OCCASION = "occasion"  # the same occasion named
    PARTICIPANTS = "participants"  # the same three or more states in one act, on the same day or a day apart
    DATES = "dates"  # narrow date windows that agree
    NAMED_PARTIES = "named_parties"  # the same named sender and recipient, same medium, near in time (or undated)
    NEAREST_IN_TIME = "nearest_in_time"  # a vague report: the nearest event, nothing against it

    @property
    def strength(self) -> int:
        return len(_ORDER) - _ORDER.index(self)


_ORDER = list(LinkReason)
STRONG = frozenset({LinkReason.NEAR_DUPLICATE, LinkReason.QUOTATION, LinkReason.OCCASION, LinkReason.CALENDAR,
                    LinkReason.PARTICIPANTS})
MULTILATERAL = 3  # this many states acting together in one type of act on adjacent days are one act


class Apart(str, Enum):
    """Why two reports cannot be one event, whatever else they share."""

    ACT = "different_act"  # a recall and an appointment, a closure and an opening
    PERSONS = "different_persons"  # Xi's letter and Li Keqiang's letter to the same recipient
    SAME_ARTICLE = "same_article"  # one article's reports from different sentences are distinct interactions
    ANSWERS = "answers_the_other"  # a reply and the message it answers
    OCCASION = "different_occasion"  # the 74th and the 75th anniversary
    YEARS = "years_apart"  # no event spans years
    DATES = "disjoint_dates"  # windows that exclude each other (beyond a one-day disagreement)
    CALENDAR = "calendar"  # a year-less day more than a day from every day the other report allows


@dataclass(frozen=True, slots=True)
class Traits:
    """What linking compares, read once per report."""

    report_id: str
    doc: str
    group: str  # a group of articles known to be one source (the article itself when none)
    signature: Any  # the article's MinHash, or None
    kind: str  # the interaction's type
    when: DateWindow
    anchor: date | None
    narrow: bool
    occasion: str
    act: str  # the medium's family for messages and calls, the act for relations
    people: tuple[frozenset[str], frozenset[str]]  # named persons: (senders, recipients), or all parties twice
    quote_grams: frozenset[tuple[str, ...]]
    wording: frozenset[str]
    calendar: tuple[CalendarFact, ...]
    answers: str | None
    direction: tuple[str, str]  # (source, target) countries as this report has them
    stamp_dated: bool  # its window rests on its page's date stamp: the others' text may overrule it
    spans: tuple[tuple[int, int], ...]  # its evidence in its article
    directed: bool = True  # its direction is the text's (a visit), not only the order of the words
    parties: frozenset[str] = frozenset()  # the states involved (the same for every report of one key)


def traits_of(report_id: str, event: Event, group: str, signature: Any = None, stamp_dated: bool = False) -> Traits:
    senders = frozenset(a.name for a in (event.source,) if _is_person(a))
    recipients = frozenset(a.name for a in (event.target,) if _is_person(a))
    if event.type in UNORDERED:  # no direction: every party on both sides, a multilateral act's participants too
        senders = recipients = senders | recipients | {a.name for a in event.participants if _is_person(a)}
    people = (senders, recipients)
    act = MEDIUM_FAMILY.get(event.medium, event.medium)
    return Traits(report_id, event.doc_id, group, signature, event.type, event.when, anchor(event.when), is_narrow(event.when),
                  event.occasion.strip(), act, people,
                  frozenset(g for q in event.quotes for g in _grams(q.text)),
                  _wording(" ".join(s.text for s in event.evidence)), event.calendar, event.in_reply_to,
                  (event.source.country if event.source else "", event.target.country if event.target else ""),
                  stamp_dated, tuple((sp.start_char, sp.end_char) for sp in event.evidence),
                  frame_of(event.pattern) not in GRAMMATICAL_ORDER_FRAMES,
                  frozenset(a.country for a in (event.source, event.target, *event.participants) if a and a.country))


def frame_of(pattern: str) -> str:
    """The frame kind of an event's pattern ('meet:met' -> 'meet'); empty when unknown."""
    return pattern.split(":", 1)[0]


def _is_person(actor: Actor | None) -> bool:
    """A person named by a name: 'his French counterpart' or 'Kenya's ambassador' with no name found
    is an office of the state, which contradicts no named person (the titles table says which words
    are titles)."""
    return bool(actor and actor.name and actor.kind == "person" and not is_title_phrase(actor.name))


def is_title_phrase(name: str) -> bool:
    """Does the name end in a title ('French counterpart', "Turkey's ambassador") rather than a name?"""
    words = tuple(fold(w) for w in TOKEN_RE.findall(name))
    titles = _titles(read_table("titles"))
    return any(words[-n:] in titles for n in range(1, min(len(words), _LONGEST_TITLE) + 1))


_LONGEST_TITLE = 6


@lru_cache(maxsize=4)
def _titles(table: Table) -> frozenset[tuple[str, ...]]:
    """Every title and alias of the titles table as folded words."""
    phrases = (p for row in table.rows for p in [row["title"], *(row.get("aliases") or "").split(";")])
    return frozenset(t for p in phrases if (t := tuple(fold(w) for w in TOKEN_RE.findall(p))))


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _grams(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + QUOTE_WORDS]) for i in range(len(words) - QUOTE_WORDS + 1)}


def _wording(text: str) -> frozenset[str]:
    words = frozenset(_words(text)) - _STOP
    return words if len(words) >= MIN_WORDING_WORDS else frozenset()


# -- guards --------------------------------------------------------------------------------------------
def why_apart(a: Traits, b: Traits) -> Apart | None:
    """The guard that keeps two reports apart, if any (dates are judged against the event, not here)."""
    if a.doc == b.doc and not _same_sentence(a, b):
        return Apart.SAME_ARTICLE
    if a.kind == "relations" and a.act and b.act and a.act != b.act:
        return Apart.ACT
    if a.answers == b.report_id or b.answers == a.report_id:
        return Apart.ANSWERS
    if _people_differ(a, b):
        return Apart.PERSONS
    affinity = occasion_affinity(a.occasion, b.occasion) if a.occasion and b.occasion else None
    if affinity is not None and (affinity < 0 or (a.kind == "message" and affinity < OCCASION_OVERLAP)):
        return Apart.OCCASION  # a meeting's 'occasion' is often its place: only numbers tell two apart
    if a.anchor and b.anchor and abs((a.anchor - b.anchor).days) > YEAR_DAYS:
        return Apart.YEARS
    slack = DATE_CONFLICT_DAYS  # a day's disagreement is a date conflict, judged with the evidence (linking)
    if calendar_fits(a.calendar, b.when, slack) is False or calendar_fits(b.calendar, a.when, slack) is False:
        return Apart.CALENDAR
    if a.calendar and b.calendar and not calendars_meet(a.calendar, b.calendar, slack):
        return Apart.CALENDAR  # "on May 2" and "on May 20", neither with a year: no year holds both
    return None


def calendar_conflict(a: Traits, b: Traits) -> bool:
    """Year-less days that hold only with a day's slack ("November 9" beside 10 November 2020, "May 2"
    beside "May 3"): outlets disagreeing on the day, like windows a day apart."""
    return (calendar_fits(a.calendar, b.when) is False or calendar_fits(b.calendar, a.when) is False
            or bool(a.calendar and b.calendar and not calendars_meet(a.calendar, b.calendar)))


def _same_sentence(a: Traits, b: Traits) -> bool:
    """Evidence that overlaps: one assertion the extractor read twice (the other guards and the dates
    still tell "did so in April and in September" apart)."""
    return any(s < e2 and s2 < e for s, e in a.spans for s2, e2 in b.spans)


def _people_differ(a: Traits, b: Traits) -> bool:
    """A side both name with different people (naming only the state is no contradiction); without
    direction, two named people each and not the same two."""
    if a.kind in UNORDERED:
        return len(a.people[0]) == len(b.people[0]) == _n_parties(a) and a.people[0] != b.people[0]
    return any(x and y and x != y for x, y in zip(a.people, b.people))


# -- evidence ------------------------------------------------------------------------------------------
def shared_evidence(a: Traits, b: Traits, proximity_days: int) -> LinkReason | None:
    """The strongest evidence that two compatible reports tell of one interaction."""
    if a.group == b.group or _copies(a, b) or (a.wording and b.wording and _overlap(a.wording, b.wording) >= SAME_WORDING):
        return LinkReason.NEAR_DUPLICATE
    if a.quote_grams & b.quote_grams:
        return LinkReason.QUOTATION
    if _calendar_evidence(a, b) or _calendar_evidence(b, a):
        return LinkReason.CALENDAR
    if _same_occasion(a, b):
        return LinkReason.OCCASION
    if a.narrow and b.narrow and windows_overlap(a.when, b.when):
        return LinkReason.DATES
    if _same_states(a, b) and (_days_meet(a, b) or _days_meet(b, a)):
        return LinkReason.PARTICIPANTS
    near = _near(a, b, proximity_days) and not _reversed(a, b)
    undated = _undated_beside_dated(a, b) and _both_named(a) and not _opposite(a, b)
    if (near and all(a.people) or undated) and a.people == b.people and a.act == b.act:
        return LinkReason.NAMED_PARTIES
    return LinkReason.NEAREST_IN_TIME if near else None


def _undated_beside_dated(a: Traits, b: Traits) -> bool:
    """One report says nothing of when, the other points at a day: time neither links nor parts them,
    so only what they name can. Two undated reports stay apart (nothing tells them to be one), and so
    does an undated report of a recurring occasion (a New Year letter comes every year)."""
    if (a.anchor is None) == (b.anchor is None):
        return False
    undated = a if a.anchor is None else b
    return is_undated(undated.when) and (not undated.occasion or is_one_off(undated.occasion))


def _both_named(t: Traits) -> bool:
    """Both sides named by a person (without direction: a person of every party)."""
    return len(t.people[0]) >= _n_parties(t) if t.kind in UNORDERED else all(t.people)


def _n_parties(t: Traits) -> int:
    return max(2, len(t.parties))


def _same_states(a: Traits, b: Traits) -> bool:
    """The same three or more states acting together: a state pair deals weekly, so only named people
    or wording tell its acts apart, but one set of three or more states signing (or meeting) on adjacent
    days is one act that outlets date either side of midnight."""
    return len(a.parties) >= MULTILATERAL and a.parties == b.parties and a.act == b.act


def _days_meet(a: Traits, b: Traits) -> bool:
    """a's day (a dated window or a year-less day, of one or two days) lies within a day of b's: May and
    June 2025 are a day apart too, but say nothing of one act."""
    if not _a_day(b.when):
        return False
    if _a_day(a.when):
        return gap_days(a.when, b.when) <= DATE_CONFLICT_DAYS
    days = all(f.days_before + f.days_after <= DATE_CONFLICT_DAYS for f in a.calendar)
    return is_undated(a.when) and days and bool(calendar_fits(a.calendar, b.when, DATE_CONFLICT_DAYS))


def _a_day(w: DateWindow) -> bool:
    span = width(w)
    return span is not None and span <= DATE_CONFLICT_DAYS


def _copies(a: Traits, b: Traits) -> bool:
    return a.signature is not None and b.signature is not None and is_copy(a.signature, b.signature)


def _same_occasion(a: Traits, b: Traits) -> bool:
    """The same occasion; for an undated report only one that happens once: New Year or a national
    day comes every year, so it cannot tell which one an undated report means."""
    if not (a.occasion and b.occasion) or occasion_affinity(a.occasion, b.occasion) < OCCASION_OVERLAP:
        return False
    return all(is_one_off(t.occasion) for t in (a, b) if t.anchor is None)


def _reversed(a: Traits, b: Traits) -> bool:
    """Visits in opposite directions (A went to B, B to A) are two visits unless more than time says one
    (a call's direction is often only the grammatical subject, so it does not count there, nor does a
    meeting's told as 'X met Y': the other outlet may write 'Y met X')."""
    return a.directed and b.directed and _opposite(a, b)


def _opposite(a: Traits, b: Traits) -> bool:
    """Meetings told in opposite directions. An undated one told the other way round than a dated one
    shares neither time nor order with it: leaders who meet often are not one meeting on names alone."""
    return a.kind == "meeting" and all(a.direction) and a.direction == b.direction[::-1] and a.direction != b.direction


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b))


def _calendar_evidence(a: Traits, b: Traits) -> bool:
    """a's year-less day falls in b's narrow window, or two undated reports' year-less days meet in some year."""
    if not a.calendar:
        return False
    if b.narrow:
        return bool(calendar_fits(a.calendar, b.when))
    undated = b.when.start is None and b.when.end is None and a.when.start is None and a.when.end is None
    return undated and bool(b.calendar) and bool(calendar_days(a.calendar + b.calendar, b.when))


def _near(a: Traits, b: Traits, proximity_days: int) -> bool:
    return a.anchor is not None and b.anchor is not None and abs((a.anchor - b.anchor).days) <= proximity_days


def date_conflict(a: DateWindow, b: DateWindow) -> bool:
    """Windows that miss each other by no more than DATE_CONFLICT_DAYS: outlets disagreeing on the day."""
    return 0 < gap_days(a, b) <= DATE_CONFLICT_DAYS
