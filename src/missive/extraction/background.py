"""Background or news peg: is an interaction the article's news, or context it mentions?

The conventions mark as background an interaction the article mentions as context, not its news
peg ("severed ties in 2016", "Earlier, Tokayev congratulated ...", the letter the news answers).
The date alone cannot tell: history often has no year, and the news can be days old. So the
decision reads the discourse too: what the headline and the lead sentence report is the news; a
sentence that opens with "Earlier" or "Previously", a verb in the past perfect, a "Background"
heading, an act told inside an "after"/"since" phrase or a relative clause ("the missions that
Pyongyang decided to shut down"), and an event over well before the report day are context; an
act of the lead's pair and type on another day than the lead's is context too. Every decision
appends its reason.
"""

from __future__ import annotations

import calendar
import re
from datetime import timedelta

from spacy.tokens import Token

from ..model import DateWindow
from .dating import AFTER_MARKERS
from .drafts import Draft
from .nlp import Sentence

# Over this many days before the report day, an event is history (the news is this week's).
BACKGROUND_GAP_DAYS = 5
# The lead's own events are the news unless they are over this long before the report day.
LEAD_GAP_DAYS = 31
# An act told in a subordinate clause is context unless dated within this many days of the report.
RECENT_DAYS = 3
# A body sentence this long ends the lead (the headline and deck lines before it are shorter).
LEAD_SENTENCE_WORDS = 12
_EARLIER = re.compile(r"^\W*(?:earlier|previously|before\s+that|prior\s+to\s+(?:this|that)|back\s+in|"
                      r"in\s+the\s+past(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?)\b)|at\s+the\s+time|formerly|"
                      rf"last\s+(?:year|month|spring|summer|autumn|fall|winter|{'|'.join(calendar.month_name[1:])})|"
                      r"in\s+(?:19|20)\d\d)\b", re.I)
# "two days after", "weeks after": a measured distance from the other event.
_MEASURE = frozenset("day days week weeks month months year years decade decades".split())
# A clock time puts "Earlier, the talks started after 11:30am" on the day of the news.
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b", re.I)
_HEADING = re.compile(r"^\s*(?:background|context|history|previously)\s*:?\s*$", re.I | re.M)
_WORD = re.compile(r"[^\W_]+")


def lead_end(sentences: list[Sentence]) -> int:
    """Index of the last lead sentence: the headline and deck lines, then the first body sentence."""
    for i, s in enumerate(sentences):
        if len(_WORD.findall(s.text)) >= LEAD_SENTENCE_WORDS:
            return i
    return len(sentences) - 1


def context_cue(d: Draft, event: Draft, sentence: Sentence, text: str, report_day: DateWindow,
                receive_words: frozenset[str] = frozenset()) -> str:
    """Why the draft's sentence tells the event as context ('' when nothing does)."""
    earlier = _EARLIER.match(sentence.text)
    if earlier and not _CLOCK.search(sentence.text):
        return f"the sentence opens with '{earlier.group(0).strip(' ,')}'"
    if any(m.start() < sentence.start for m in _HEADING.finditer(text)):
        return "under a 'Background' heading"
    verb = d.frame.anchor
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN":
        return f"past perfect 'had {verb.text}'"
    clause = _subordinate(d.frame.token, receive_words)
    if clause and not _is_recent(event, report_day):
        return f"told inside {clause}"
    return ""


def _subordinate(token: Token, receive_words: frozenset[str]) -> str:
    """The subordinate phrase or clause a trigger sits in that tells an earlier event: "since",
    a measured "after" ("days after the talks"), "after receiving the letters" (what the news
    answers), a relative clause. A bare "after the summit" is often the news's own occasion."""
    for t in [token, *token.ancestors]:
        markers = [t] if t.dep_ in ("prep", "mark") else [c for c in t.children if c.dep_ == "mark"]
        for m in (m for m in markers if m.lower_ in AFTER_MARKERS):
            measured = any(c.lower_ in _MEASURE for c in m.children) or (m.i and m.doc[m.i - 1].lower_ in _MEASURE)
            received = any(g.lower_ in receive_words for g in m.subtree)
            if m.lower_ == "since" or measured or received:
                return f"an '{m.lower_}' phrase"
        if t.dep_ in ("relcl", "acl") and t.tag_.startswith("VB"):
            return "a relative clause"
    return ""


def _is_recent(event: Draft, report_day: DateWindow) -> bool:
    """The whole window lies in the days before the report (a hedged "almost six months after" does not)."""
    first = event.window.start or event.window.end
    return bool(event.has_own_date and first and report_day.start
                and first >= report_day.start - timedelta(days=RECENT_DAYS))


def _gap(d: Draft, report_day: DateWindow, days: int) -> bool:
    return bool(report_day.start and d.window.end and d.window.end < report_day.start - timedelta(days=days))


def mark_background(merged: list[Draft], drafts: list[Draft], sentences: list[Sentence], text: str,
                    report_day: DateWindow, receive_words: frozenset[str] = frozenset()) -> None:
    """Decide each merged event: answered by the news (set before), context by its sentences' cues,
    news when its lead mention has none, history when over well before the report day."""
    lead = lead_end(sentences)
    members: dict[int, list[Draft]] = {id(m): [m] for m in merged}
    for d in drafts:
        home = d
        while home.home is not None:
            home = home.home
        if home is not d and id(home) in members:
            members[id(home)].append(d)
    lead_pegs: list[Draft] = []
    for m in merged:
        cues = {id(d): context_cue(d, m, sentences[d.sentence], text, report_day, receive_words)
                for d in members[id(m)]}
        in_lead = [d for d in members[id(m)] if d.sentence <= lead and not cues[id(d)]]
        if m.background:
            continue
        if in_lead and not _gap(m, report_day, LEAD_GAP_DAYS):
            lead_pegs.append(m)
            continue
        cue = next((c for c in cues.values() if c), "") if all(cues.values()) else ""
        if cue:
            m.background = True
            m.reasons.append(f"background: {cue}")
        elif _gap(m, report_day, BACKGROUND_GAP_DAYS):
            m.background = True
            m.reasons.append(f"background: over by {m.window.end}, before the report day ({report_day.start})")
    _other_days_of_the_news(merged, lead_pegs)


def _other_days_of_the_news(merged: list[Draft], pegs: list[Draft]) -> None:
    """"Pope Francis received Milei on Monday ... Yesterday Milei and the pope met informally": the
    lead's pair and type on another day is an earlier occasion, context for the news."""
    for m in merged:
        if m.background or m in pegs:
            continue
        peg = next((p for p in pegs if p.type == m.type and p.countries == m.countries and p.has_own_date
                    and m.has_own_date and p.window != m.window), None)
        if peg is not None:
            m.background = True
            m.reasons.append(f"background: the news is the {peg.type} of {peg.window.iso()[0]}; this one is another")
