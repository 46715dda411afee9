"""Dating frames: which date expression of a sentence belongs to which event, and its window.

"KCNA reported on Thursday" dates the report, not the letter; "the letter dated Saturday"
dates the letter. An expression belongs to the innermost frame whose phrase holds it, unless
the path up to that frame passes a reporting verb ("reported", "said"), in which case it bounds
the report day instead. A message with no date of its own was sent on or before the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..model import DateWindow
from ..temporal.expressions import Expression, find_expressions, resolve_expression
from .frames import Frame
from .lexicon import Lexicon
from .quotes import QUOTED

# Congratulations for an anniversary go out in the days before it; a week is the usual span.
ANNIVERSARY_LEAD_DAYS = 7
# A date under these words dates another event ("since taking power in 2011", "a day after the
# parade on Wednesday"), not the interaction the clause hangs from.
OTHER_EVENT_MARKERS = frozenset({"since", "after", "before", "following", "until", "ahead", "prior"})
# An anniversary more than this before the report is not what a message in the news marks.
ANNIVERSARY_REPORT_DAYS = 60


@dataclass(frozen=True, slots=True)
class Dated:
    """A date expression of a sentence and what it dates."""

    expression: Expression
    frame: Frame | None  # None: it dates the report or the sentence, not a frame
    is_report: bool
    by_sentence: bool = False  # given to the sentence's only frame for want of a path in the parse


def expression_root(doc: Doc, expr: Expression) -> Token | None:
    tokens = [t for t in doc if expr.start <= t.idx < expr.end]
    if not tokens:
        return None
    inside = set(t.i for t in tokens)
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def attach_expressions(doc: Doc, frames: list[Frame], lex: Lexicon) -> list[Dated]:
    """Each expression of the sentence, given to the innermost frame that holds it."""
    out = []
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]
    for expr in find_expressions(doc.text):
        if any(a <= expr.start < b for a, b in quoted):
            continue  # "Over the past 70 years, ..." in a quote is what a letter says, not when it was sent
        root = expression_root(doc, expr)
        if root is None:
            continue
        frame, is_report, by_sentence = _owner(root, frames, lex)
        out.append(Dated(expr, frame, is_report, by_sentence))
    return out


def _owner(root: Token, frames: list[Frame], lex: Lexicon) -> tuple[Frame | None, bool, bool]:
    """The frame an expression dates: the nearest trigger above it, else the nearest frame
    verb above it; a reporting verb met first makes it the report's date."""
    report = lex.group("report")
    by_token = {f.token.i: f for f in frames}
    by_anchor = {f.anchor.i: f for f in frames}
    for table in (by_token, by_anchor):
        for t in root.ancestors:
            if t.i in table:
                return table[t.i], False, False
            if t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark"):
                break  # "met Xi during his first trip since taking power in 2011": 2011 dates another event
            if t.lower_ in report and not any(c.dep_ == "auxpass" for c in t.children):
                break  # "KCNA reported on Thursday": a report; "Xi was confirmed": not one
    if any(t.lower_ in OTHER_EVENT_MARKERS and t.dep_ in ("prep", "mark") for t in root.ancestors):
        return None, False, False
    if any(t.lower_ in report and not any(c.dep_ == "auxpass" for c in t.children) for t in root.ancestors):
        return None, True, False
    # Sentence-level: the sentence's only frame, when it is the main clause's ("X held talks, ... Sunday")
    if len(frames) == 1 and frames[0].anchor.dep_ == "ROOT":
        return frames[0], False, True
    return None, False, False


def resolve(expr: Expression, now: DateWindow, anchor: DateWindow | None) -> DateWindow | None:
    try:
        return resolve_expression(expr.text, now, anchor)
    except Exception:  # noqa: BLE001 - an unparseable expression leaves the window open
        return None


def intersect(a: DateWindow, b: DateWindow) -> DateWindow | None:
    lo = max((d for d in (a.start, b.start) if d), default=None)
    hi = min((d for d in (a.end, b.end) if d), default=None)
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


def undated_window(report: DateWindow, anniversary: date | None) -> DateWindow:
    """No date of its own: sent on or before the report (the week before an anniversary it marks)."""
    end = report.end
    near = end is None or (end - timedelta(days=ANNIVERSARY_REPORT_DAYS) <= anniversary <= end + timedelta(days=3)
                           if anniversary else False)
    if anniversary and near:
        start = anniversary - timedelta(days=ANNIVERSARY_LEAD_DAYS)
        end = min(end, anniversary) if end and end >= start else anniversary
        return DateWindow(start, end, "range",
                          f"no date of its own; messages for the anniversary on {anniversary} go out in the week before it")
    reason = f"no date of its own; sent on or before the report of {end}" if end else "no date in the text"
    return DateWindow(None, end, "range" if end else "open", reason)

