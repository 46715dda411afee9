"""The article's "now": the window of days it can have been written on, and why.

Metadata offers date candidates (header, dateline, HTML, URL...) that can disagree or lack a
year; the content can pin the date (an anniversary or known occasion the article marks, read
with the relative expression next to it). This module weighs the two, records every
overruled candidate as a conflict, and is the only place that decides the reference day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..knowledge.word_groups import read_word_groups
from ..model import STAMP_SOURCES, DateCandidate, DateWindow, Document, common_span
from .anniversaries import countries_named, find_anniversaries
from .calendar_spans import WEEKDAY_ALTERNATION, WEEKDAY_OF_DAY, WEEKDAYS, fmt, safe_day, window_of
from .expressions import Expression, find_expressions, resolve_expression
from .grammar import parse_expression
from .name_matching import normalise
from .occasions import match_occasions

# Which metadata source to believe when dated candidates disagree and no content pins the date.
# A photo caption dates the photo (often a file photo): it counts only when nothing else dates the article.
SOURCE_WEIGHT = {"dateline": 5, "credit": 5, "row": 4, "html": 4, "url": 4, "text": 3, "header": 2, "embed": 1,
                 "filename": 1, "caption": 0}
# A dated candidate this far from what the content pins is a different story's date (a crawl date).
OVERRULE_DAYS = 183
# An anniversary or occasion the article marks: reported from a week before to a month after it.
PROXIMITY = (timedelta(days=7), timedelta(days=30))
_OCCASION_CUE = re.compile(r"\b(?:mark(?:s|ed|ing)?|occasion|celebrat\w*|commemorat\w*|congratulat\w*|greet\w*|"
                           r"felicitat\w*|for|on|ahead\s+of|eve\s+of|run-up\s+to|time\s+of|hail\w*)\b[^.]{0,60}$", re.I)
_BEFORE_CUE = re.compile(r"\b(?:ahead\s+of|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to|before|prior\s+to)\b[^.]{0,40}$",
                         re.I)
# Occasions are named in passing more often than anniversaries: only these make one the article's.
_OCCASION_NAMED = re.compile(r"\b(?:ahead\s+of|eve\s+of|run-up\s+to|mark(?:s|ed|ing)?|occasion\s+of|celebrat\w*|"
                            r"commemorat\w*|congratulat\w*|greet\w*|at(?:\s+the)?|during(?:\s+the)?|opening\s+of|closing\s+of|"
                            r"attend\w*|for\s+the)\b[^.]{0,40}$", re.I)
_SINCE_CUE = re.compile(r"\b(?:since|after|following)\b[^.]{0,30}$", re.I)
_BOUNDARY = re.compile(r"[.!?]+(?=\s+[\"“'‘(\[]?[A-Z]|\s*$)|\n")  # where a rough sentence (documents.lines.ROUGH_SENTENCE) ends


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The article's "now": the window of days it can have been written on."""

    window: DateWindow
    conflicts: tuple[str, ...] = ()
    # Where the day came from: the DateCandidate.source that gives it, "content" (an anniversary or
    # occasion the article marks), or "none" (nothing dates the article).
    source: str = "none"
    # The month and day of a year-less dateline ("BOGOTA, May 4") when nothing gave its year: the
    # events it dates still get their calendar facts (model.CalendarFact).
    year_less: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Pin:
    """What the content says about "now": a window, the day it hangs on, and why."""

    start: date
    end: date
    day: date
    label: str  # "'75th founding anniversary of the WPK' is 2020-10-10"
    reason: str
    is_proximity: bool  # only "near the occasion", not fixed by a relative expression


# The anniversaries and occasions that pin an article's "now" are read in its first characters
# (the lead and the body of any news article): what a 2 MB dump marks past them is not its news.
CONTENT_PIN_CHARS = 40_000
SENTENCE_REACH = 1_000  # the sentence around a mention is looked for this far on each side
# The countries the headline and lead name are the article's own: "the 30th anniversary of bilateral
# ties" is theirs when the sentence names one or none of them.
LEAD_CHARS = 1_000


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding pos, looked for near it only (a scan from the top made every call
    cost the whole text)."""
    lo, hi = max(0, pos - SENTENCE_REACH), min(len(text), pos + SENTENCE_REACH)
    ends = [m.end() for m in _BOUNDARY.finditer(text, lo, pos)]
    start = ends[-1] if ends else lo
    stop = _BOUNDARY.search(text, pos, hi)
    return start, stop.end() if stop else hi


def _nearest_expression(text: str, start: int, end: int) -> Expression | None:
    """The expression closest before the mention in its sentence (within 80 characters)."""
    s0, s1 = _sentence_around(text, start)
    near = [e for e in find_expressions(text[s0:s1]) if start - 80 <= s0 + e.end <= start]
    return max(near, key=lambda e: e.end) if near else None


@lru_cache(maxsize=1024)
def _inverse(expr: str, day: date) -> tuple[date, date] | str | None:
    """The days "now" can be for ``expr`` to contain ``day``; "always" for a dated expression."""
    parsed = parse_expression(expr)
    if parsed is None or parsed.rule.basis == "anchor":
        return None
    if parsed.rule.basis == "absolute":
        span = parsed.rule.at(parsed.match, None)
        return "always" if span else None
    hits = [d for k in range(-400, 800) if (d := day + timedelta(days=k))
            and (s := parsed.rule.at(parsed.match, d)) and s[0] <= day <= s[1]]
    return (hits[0], hits[-1]) if hits else None


def _pin_at(text: str, start: int, end: int, day: date, last: date, label: str) -> Pin | None:
    before = text[max(0, start - 80):start]
    if _SINCE_CUE.search(before):
        return None
    expr = _nearest_expression(text, start, end)
    inverse = _inverse(expr.text, day) if expr else None
    if inverse == "always":
        return None  # the text dates the occasion itself: it is background, not the article's now
    if isinstance(inverse, tuple):
        return Pin(*inverse, day, label, f"'{expr.text}' with {label} puts now in {fmt(*inverse)}", False)
    if _BEFORE_CUE.search(before):
        lo, hi = day - timedelta(days=30), day
    else:
        lo, hi = day - PROXIMITY[0], last + PROXIMITY[1]
    return Pin(lo, hi, day, label, f"{label}: the article marks it, so now is {fmt(lo, hi)}", True)


def content_pins(text: str) -> list[Pin]:
    """Anniversaries the article marks and known occasions it is about, as windows for "now"."""
    pins = []
    for a in find_anniversaries(text, countries_named(text[:LEAD_CHARS])):
        if _OCCASION_CUE.search(text[max(0, a.start - 80):a.start]):
            label = f"{a.label} is {a.day.isoformat()}" + (f"..{a.last.isoformat()}" if a.last and a.last != a.day else "")
            pin = _pin_at(text, a.start, a.end, a.day, a.last or a.day, label)
            pins += [pin] if pin else []
    occasion = _known_occasion(text)
    if occasion is not None:
        pin = _pin_at(text, *occasion)
        pins += [pin] if pin else []
    return sorted(pins, key=lambda p: p.is_proximity)


def _known_occasion(text: str) -> tuple[int, int, date, date, str] | None:
    matches = [m for m in match_occasions(text) if not m.occasion.is_recurring]
    if not matches:
        return None
    top = max(m.score for m in matches)
    best = {m.occasion.label: m for m in matches if m.score == top}
    if len(best) != 1:
        return None  # several occasions fit: none pins the date
    m = next(iter(best.values()))
    if not _OCCASION_NAMED.search(text[max(0, m.start - 60):m.start]):
        return None
    label = f"'{m.occasion.label}' ({fmt(m.occasion.start, m.occasion.end)}; {m.how})"
    return m.start, m.end, m.occasion.start, m.occasion.end, label


def _combine(pins: list[Pin]) -> tuple[Pin | None, list[str]]:
    """Intersect what the content says; a pin that contradicts the ones before it is reported."""
    if not pins:
        return None, []
    kept, notes = pins[0], []
    for p in list(dict.fromkeys(pins))[1:]:
        lo, hi = common_span((kept, p))
        if lo and hi and lo <= hi:
            kept = Pin(lo, hi, kept.day, kept.label, f"{kept.reason}; {p.reason}",
                       kept.is_proximity and p.is_proximity)
        else:
            notes.append(f"content evidence disagrees: {p.reason}; kept {kept.reason}")
    return kept, notes


def _distance(day: date, lo: date, hi: date) -> int:
    return max((lo - day).days, (day - hi).days, 0)


def _yearless_day(cand, pin: Pin | None, near: date | None) -> tuple[date, str] | None:
    """A candidate without year ("SEOUL, Sept. 9"): the year that puts it nearest the evidence."""
    target = (pin.start, pin.end) if pin else (near, near) if near else None
    if target is None:
        return None
    days = [d for y in range(target[0].year - 1, target[1].year + 2)
            if (d := safe_day(y, cand.value.month, cand.value.day))]
    best = min(days, key=lambda d: _distance(d, *target))
    if _distance(best, *target) > OVERRULE_DAYS:
        return None
    why = pin.label if pin else f"the dated candidate {near}"
    return best, f"{cand.source} {best.strftime('%b %d')} has no year; {why} gives {best.year}"


def _choose_dated(cands, pin: Pin | None) -> tuple[DateCandidate | None, str, list[str]]:
    """The best-supported dated candidate that the content does not contradict."""
    conflicts, kept = [], []
    for c in cands:
        if pin and _distance(c.value, pin.start, pin.end) > OVERRULE_DAYS:
            conflicts.append(f"{c.source} date {c.value} overruled: {pin.label}")
        else:
            kept.append(c)
    if any(c.source != "caption" for c in kept):
        kept = [c for c in kept if c.source != "caption"]
    if not kept:
        return None, "", conflicts

    def support(c) -> int:
        return sum(SOURCE_WEIGHT.get(o.source, 1) for o in kept if abs((o.value - c.value).days) <= 2)

    # Ties go to the earlier date: a page is crawled or updated after its story, never before.
    best = min(kept, key=lambda c: (-support(c), -SOURCE_WEIGHT.get(c.source, 1), c.value))
    for c in kept:
        if abs((c.value - best.value).days) > 2:
            conflicts.append(f"{c.source} date {c.value} disagrees with {best.source} date {best.value}; "
                             f"kept {best.source}")
    return best, f"{best.source} date {best.value}: {best.reason}".rstrip(": "), conflicts


def _report_words() -> tuple[str, ...]:
    """The lead's reporting verbs ("reported", "said"): the word group "report" of frame_words.csv."""
    return tuple(sorted(read_word_groups().get("report", ()), key=lambda w: (-len(w), w))) or ("reported", "said")


def _lead_weekday(text: str, pin: Pin) -> tuple[date, str] | None:
    """'state media reported Saturday' in the lead: the Saturday nearest the occasion (3 days before
    to 6 after) is the reporting day."""
    verbs = "|".join(re.escape(w) for w in _report_words())
    m = re.search(rf"\b(?:{verbs})\s+(?:on\s+)?(?P<wd>{WEEKDAY_ALTERNATION})\b", text[:600])
    if not m:
        return None
    wd = WEEKDAYS.index(m["wd"])
    days = [d for k in range(-3, 7) if (d := pin.day + timedelta(days=k)).weekday() == wd
            and pin.start <= d <= pin.end]
    if not days:
        return None
    best = min(days, key=lambda d: abs((d - pin.day).days))
    return best, f"'{m.group(0)}' in the lead: the {m['wd']} nearest {pin.label}"


_STAMP_ONLY = re.compile(rf"\b(?:{'|'.join(sorted(STAMP_SOURCES))}) date \d{{4}}-\d\d-\d\d")
_STATED_YEAR = re.compile(r"^'[^']*\b\d{4}\b")  # the event's own expression names its year


def rests_on_stamp(reference_reason: str, event_reason: str) -> bool:
    """Is an event's window read relative to a "now" that only a page stamp (URL, HTML, file name)
    gave, with nothing in the text confirming it? A repost or crawl can carry such a date late, so
    another report's text overrules it (consolidation). Reads the reasons this module and the
    expression grammar write."""
    stamp_only = bool(_STAMP_ONLY.search(reference_reason)) and "agrees with" not in reference_reason
    return stamp_only and not _STATED_YEAR.search(event_reason)


# A dateline or an agency's credit is the article's own; any other page date (a header, a date
# widget, a URL) gives way to what the text says is still ahead.
TRUSTED_WEIGHT = SOURCE_WEIGHT["dateline"]
# A year-less deadline read this far before the page date could also be next year's: left alone.
YEAR_LESS_AHEAD_DAYS = 92
# "the institute will make it official by June 8": a deadline the text puts ahead of now.
_WILL_BY = re.compile(r"\bwill\s+(?:[\w'-]+\s+){0,8}?(?:by|on|before|until)\s+$", re.I)


def _still_ahead(text: str, day: date) -> DateWindow | None:
    """A date the text says is still to come ("will ... by June 8") that falls before the page's
    date: now is on or before it (the page date is a crawl stamp or a date widget)."""
    for match in re.finditer(r"\bwill\b", text):
        start, end = _sentence_around(text, match.start())
        for expr in find_expressions(text[start:end]):
            at = start + expr.start
            if at <= match.start() or not _WILL_BY.search(text[match.start():at]):
                continue
            window = resolve_expression(expr.text, DateWindow(day, day, "day"))
            year_less = not re.search(r"\b(?:1[89]|20)\d\d\b", expr.text)
            if window and window.end and window.end < day and (
                    not year_less or (day - window.end).days <= YEAR_LESS_AHEAD_DAYS):
                return DateWindow(None, window.end, "range",
                                  f"'{text[match.start():start + expr.end]}' is still ahead, so now is by {window.end}")
    return None


# "on Thursday (4)": a weekday with its day of the month, which a report names within the week after it.
_WEEKDAY_OF_DAY = re.compile(WEEKDAY_OF_DAY)
WEEKDAY_OF_DAY_REACH = timedelta(days=7)


def _fits_weekday_of_day(text: str, cands) -> tuple[list, list[str]]:
    """'Modi on Thursday (4) wrote ...' in the lead: a dated candidate with no Thursday the 4th in
    the week up to it is another day's (a page's date widget), when another candidate has one."""
    m = _WEEKDAY_OF_DAY.search(text[:LEAD_CHARS * 2])
    if not m:
        return list(cands), []

    def fits(c) -> bool:
        span = resolve_expression(m.group(0), DateWindow(c.value, c.value, "day"))
        return span is not None and span.start is not None and c.value - span.start <= WEEKDAY_OF_DAY_REACH

    kept = [c for c in cands if fits(c)]
    if not kept or len(kept) == len(cands):
        return list(cands), []
    return kept, [f"{c.source} date {c.value} overruled: '{m.group(0)}' names no such day in the week up to it"
                  for c in cands if c not in kept and c.source != "caption"]  # a caption dates its photo


def _year_less_day(cands) -> tuple[int, int] | None:
    """The month and day of the best year-less candidate (a dateline before a header)."""
    undated = sorted((c for c in cands if not c.has_year), key=lambda c: -SOURCE_WEIGHT.get(c.source, 1))
    return (undated[0].value.month, undated[0].value.day) if undated else None


def infer_reference_date(doc: Document) -> ReferenceDate:
    """The article's "now": metadata candidates, checked against the anniversaries and occasions
    the content marks; a candidate the content contradicts by months is overruled and recorded."""
    text = normalise(doc.cleaned or doc.original)
    pin, conflicts = _combine(content_pins(text[:CONTENT_PIN_CHARS]))
    cands = doc.metadata.date_candidates
    dated, overruled = _fits_weekday_of_day(text, [c for c in cands if c.has_year])
    conflicts += overruled
    chosen, why, notes = _choose_dated(dated, pin)
    day, source = (chosen.value, chosen.source) if chosen else (None, "none")
    conflicts += notes
    for c in (c for c in cands if not c.has_year):
        same = day and (c.value.month, c.value.day) == (day.month, day.day)
        if day is None or not same:
            placed = _yearless_day(c, pin, day)
            if placed and (day is None or c.source == "dateline"):
                (day, why), source = placed, c.source
                break
    if day is not None and SOURCE_WEIGHT.get(source, 1) < TRUSTED_WEIGHT and not pin:
        ahead = _still_ahead(text[:CONTENT_PIN_CHARS], day)
        if ahead is not None:  # "will make it official by June 8" under a page date of July 26
            conflicts.append(f"{source} date {day} overruled: {ahead.reason}")
            return ReferenceDate(ahead, tuple(conflicts), "content")
    if day is not None:
        pinned = f"; agrees with {pin.label}" if pin and _distance(day, pin.start, pin.end) == 0 else ""
        return ReferenceDate(DateWindow(day, day, "day", why + pinned), tuple(conflicts), source)
    if pin is None:
        reason = "no date candidate and nothing in the text pins the date"
        year_less = _year_less_day(cands)
        if year_less:
            reason = "the only dates have no year, and nothing in the text fixes it"
        return ReferenceDate(DateWindow(None, None, "open", reason), tuple(conflicts), year_less=year_less)
    lead = _lead_weekday(text, pin) if pin.is_proximity else None
    if lead:
        return ReferenceDate(DateWindow(lead[0], lead[0], "day", f"{lead[1]}; {pin.reason}"), tuple(conflicts),
                             "content")
    return ReferenceDate(window_of(pin.start, pin.end, pin.reason), tuple(conflicts), "content")
