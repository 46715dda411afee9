"""Reports of one interaction key -> clusters: a deterministic greedy linking on evidence.

Reports are taken most specific first (the narrowest window, then by content), so an exact report
founds an event and vaguer ones join it, never the reverse; the order in which articles arrived
plays no part. A report joins the event it fits best (no guard against it, its window meets the
event's or misses it by a day on strong evidence, and it shares evidence with one of its reports);
fitting two events equally well, it stays apart and says so. Candidates are found through an index
of months, so a report is compared with the events near it in time, not with the whole pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..model import DateWindow, common_span
from .compatibility import YEAR_DAYS, anchor, calendar_fits, distance, occasion_affinity, width, windows_overlap
from .evidence import (DATE_CONFLICT_DAYS, STRONG, LinkReason, Traits, calendar_conflict, date_conflict, shared_evidence,
                       why_apart)

PROXIMITY_DAYS = YEAR_DAYS  # without other evidence, a vague report joins only an event this close to its date
MONTH_INDEX_DAYS = 400  # events founded on wider windows are rare and checked by every report
RIVAL_DAYS = 31  # another event this much further than the best, on the same evidence, is shown as a rival
MAX_RIVALS = 3
_OPEN = 10**6


@dataclass
class Cluster:
    """An event being built: its reports' traits, the window they allow and why each report joined."""

    members: list[Traits]
    window: DateWindow
    links: dict[str, tuple[LinkReason, str]] = field(default_factory=dict)  # report id -> (reason, partner)
    overruled: set[str] = field(default_factory=set)  # reports whose stamp-based window the text overrules
    ambiguous: list[tuple[str, tuple[int, ...], bool]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Fit:
    reason: LinkReason
    partner: str
    affinity: float
    distance: int
    conflict: bool
    overrules: bool = False  # the report's stamp-based window is overruled: it joins, its window unused

    @property
    def score(self) -> tuple[Any, ...]:
        return (not self.conflict, self.reason.strength, self.affinity, -self.distance)


def specificity(t: Traits) -> tuple[Any, ...]:
    """Most specific reports found events, so a vague mention joins them rather than the reverse; a
    report dated only by its page's stamp comes after those its text dates."""
    span = width(t.when)
    open_sides = (t.when.start is None) + (t.when.end is None)
    return (t.stamp_dated, span if span is not None else _OPEN * open_sides, t.when.start or date.max,
            t.when.end or date.max, t.report_id)


def allowed_window(windows: list[DateWindow]) -> DateWindow:
    """What all windows allow; where they miss each other (a day's disagreement) the days between."""
    start, end = common_span(windows)
    if start and end and start > end:
        start, end = end, start
    return DateWindow(start, end)


def fit(t: Traits, cluster: Cluster) -> Fit | None:
    """How a report fits an event; None when a guard, the dates or a lack of evidence keeps it out.
    Windows that miss each other merge only on strong evidence: by a day (the outlets disagree), or
    by more when the report is dated only by its page's stamp and the event by its reports' text. A
    year-less day is held to the same: a day off the event's window or another report's day is a
    disagreement, merged only on strong evidence."""
    conflict = overrules = False
    if not windows_overlap(t.when, cluster.window):
        conflict = date_conflict(t.when, cluster.window)
        overrules = not conflict and t.stamp_dated and any(not m.stamp_dated for m in cluster.members)
        if not (conflict or overrules):
            return None
    fits_day = calendar_fits(t.calendar, cluster.window)
    if fits_day is False and not calendar_fits(t.calendar, cluster.window, DATE_CONFLICT_DAYS):
        return None
    conflict = conflict or fits_day is False or any(calendar_conflict(t, m) for m in cluster.members)
    best: tuple[LinkReason, str] | None = None
    for m in cluster.members:
        if why_apart(t, m) is not None:
            return None
        reason = shared_evidence(t, m, PROXIMITY_DAYS)
        if reason and (best is None or reason.strength > best[0].strength):
            best = (reason, m.report_id)
    if best is None or ((conflict or overrules) and best[0] not in STRONG):
        return None
    affinities = [occasion_affinity(t.occasion, m.occasion) for m in cluster.members if t.occasion and m.occasion]
    return Fit(best[0], best[1], max(affinities, default=0.0), distance(t.when, cluster.window) or 0,
               conflict or overrules, overrules)


def link(traits: list[Traits]) -> list[Cluster]:
    """Clusters of one interaction key's reports; identical for any order of the input."""
    clusters: list[Cluster] = []
    index = _MonthIndex()
    for t in sorted(traits, key=specificity):
        fits = {i: f for i in index.candidates(t) if (f := fit(t, clusters[i])) is not None}
        ranked = sorted(fits, key=lambda i: (fits[i].score, -i), reverse=True)
        tied = len(ranked) > 1 and fits[ranked[0]].score == fits[ranked[1]].score
        if ranked and not tied:
            c = clusters[ranked[0]]
            c.members.append(t)
            if fits[ranked[0]].overrules:
                c.overruled.add(t.report_id)
            else:
                c.window = allowed_window([c.window, t.when])
            c.links[t.report_id] = (fits[ranked[0]].reason, fits[ranked[0]].partner)
            home = ranked[0]
        else:
            clusters.append(Cluster([t], t.when, {t.report_id: (LinkReason.SEED, t.report_id)}))
            home = len(clusters) - 1
            index.add(home, t.when)
        rivals = _rivals(fits, ranked)
        if rivals:
            clusters[home].ambiguous.append((t.report_id, tuple(i for i in rivals if i != home), not tied))
    return clusters


def _rivals(fits: dict[int, Fit], ranked: list[int]) -> list[int]:
    """Events a report fits almost as well as its best: the same evidence, and at most RIVAL_DAYS
    further in time (the nearest MAX_RIVALS). Worth showing; a letter a year away is not."""
    if len(ranked) < 2:
        return []
    best = fits[ranked[0]]
    close = [i for i in ranked[1:] if fits[i].score[:2] == best.score[:2]
             and fits[i].distance - best.distance <= RIVAL_DAYS]
    return [ranked[0], *close[:MAX_RIVALS]] if close else []


class _MonthIndex:
    """Events by the months their founding window spans; wide or open ones are checked by everyone."""

    def __init__(self) -> None:
        self.by_month: dict[int, list[int]] = {}
        self.wide: list[int] = []
        self.count = 0

    def add(self, i: int, w: DateWindow) -> None:
        self.count = max(self.count, i + 1)
        months = _months(w.start, w.end) if w.start and w.end and (w.end - w.start).days <= MONTH_INDEX_DAYS else None
        if months is None:
            self.wide.append(i)
            return
        for m in months:
            self.by_month.setdefault(m, []).append(i)

    def candidates(self, t: Traits) -> list[int]:
        reach = _reach(t)
        if reach is None:
            return list(range(self.count))
        found = {i for m in _months(*reach) for i in self.by_month.get(m, ())}
        return sorted(found.union(self.wide))


def _reach(t: Traits) -> tuple[date, date] | None:
    return reach(t.when, t.stamp_dated)


def reach(when: DateWindow, stamp_dated: bool = False) -> tuple[date, date] | None:
    """The days an event a report joins can lie on: its window (a day more either side, for a
    disagreement), cut to a year around its anchor (the whole year when the window rests on a page
    stamp, which another report's text may overrule); None when it points at no day (it may join any
    event, so it checks them all). The store reloads reports by it when a neighbour changes."""
    day = anchor(when)
    if day is None:
        return None
    one = timedelta(days=1)
    lo, hi = day - timedelta(days=PROXIMITY_DAYS), day + timedelta(days=PROXIMITY_DAYS)
    if stamp_dated:
        return lo, hi
    return max(lo, when.start - one) if when.start else lo, min(hi, when.end + one) if when.end else hi


def joinable_days(windows: list[DateWindow]) -> tuple[date, date] | None:
    """The days any report able to join an event of these windows reaches (its reach meets them): the
    event's window a day wider, or, where it is open, two years past its reports' anchors (a joiner's
    anchor lies within a year of theirs, and its window within a year of its anchor); the anchors
    themselves, for a report dated by a stamp. None when no bound can be given."""
    allowed = allowed_window(windows)
    anchors = [a for a in (anchor(w) for w in windows) if a]
    one, two_years = timedelta(days=1), timedelta(days=2 * PROXIMITY_DAYS)
    lo = allowed.start - one if allowed.start else (max(anchors) - two_years if anchors else None)
    hi = allowed.end + one if allowed.end else (min(anchors) + two_years if anchors else None)
    if lo is None or hi is None:
        return None
    return min([lo, *anchors]), max([hi, *anchors])


def _months(start: date, end: date) -> range:
    return range(start.year * 12 + start.month, end.year * 12 + end.month + 1)
