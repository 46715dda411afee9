"""Many reports -> one event: pure and order-independent, so a store can recompute it at will.

KCNA, Yonhap, Reuters and a dozen papers report the same letter on different days with different
details; counting each report inflates every trend. Reports of one interaction (same type, parties
and direction; compatible medium and occasion; overlapping date windows) become one consolidated
event whose window is the intersection of theirs. Disagreements are kept as Conflicts, never merged
away in silence. The result is a function of the SET of reports: they are sorted by a key read from
their content (most specific window first) before a deterministic greedy linking, so the order in
which articles arrived cannot change it. Syndicated copies of one wire story count as one source
(see near_duplicates). The window and occasion tests live in compatibility, the analyses over
consolidated messages in pair_analysis.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..model import MEDIUM_PRECEDENCE, Actor, DateWindow, Event, common_span, event_to_flat
from .compatibility import OCCASION_OVERLAP, occasion_affinity, windows_overlap


SYMMETRIC_TYPES = frozenset({"meeting", "agreement"})  # who met whom has no direction
MEDIUM_FAMILY = {"letter": "written", "message": "written", "reply": "written", "greeting": "greeting",
                 "cable": "cable", "verbal_message": "verbal", "call": "call", "video_call": "video"}
PROXIMITY_DAYS = 366  # without a shared occasion, a vague report joins only an event this close to its date
MONTH_INDEX_DAYS = 400  # wider windows are rare and scan all clusters
DATE_CONFLICT_GAP_DAYS = 31  # same occasion, disjoint windows this close: the outlets disagree on the date
_OPEN_WIDTH = 10**6


@dataclass(frozen=True, slots=True)
class Report:
    """One article's assertion of an event, with what consolidation needs beyond the Event."""

    event: Event
    event_id: str = ""  # the stored id; empty means event.event_id
    outlet: str = ""
    source_group: str = ""  # near-duplicate group of its article; empty means the article alone

    @property
    def id(self) -> str:
        return self.event_id or self.event.event_id

    @property
    def group(self) -> str:
        return self.source_group or self.event.doc_id


@dataclass(frozen=True, slots=True)
class Conflict:
    """A disagreement between reports, shown to the user instead of being resolved in silence."""

    kind: str  # medium | dates | ambiguous
    event_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class ConsolidatedEvent:
    """One interaction with every report of it; `when` is the window all reports jointly support."""

    event_id: str
    type: str
    medium: str
    source: Actor | None
    target: Actor | None
    participants: tuple[str, ...]
    when: DateWindow
    occasion: str
    reports: tuple[Report, ...]
    n_sources: int
    conflicts: tuple[Conflict, ...] = ()
    in_reply_to: str | None = None
    reasons: tuple[str, ...] = ()

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(sorted({r.event.doc_id for r in self.reports}))

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(sorted(_countries(self.reports[0].event)))


# -- nearness in time ------------------------------------------------------------------------------
def _width(w: DateWindow) -> int:
    if w.start and w.end:
        return (w.end - w.start).days
    return _OPEN_WIDTH * (2 - (w.start is not None) - (w.end is not None))


def _anchor(w: DateWindow) -> date | None:
    """The day a window points at: its middle, or its one bound (a report bounded only by its own date)."""
    if w.start and w.end:
        return date.fromordinal((w.start.toordinal() + w.end.toordinal()) // 2)
    return w.start or w.end


def _distance(w: DateWindow, cluster: DateWindow) -> int | None:
    day = _anchor(w)
    if day is None or (cluster.start is None and cluster.end is None):
        return None
    before = (cluster.start - day).days if cluster.start and day < cluster.start else 0
    after = (day - cluster.end).days if cluster.end and day > cluster.end else 0
    return max(before, after)


def _link_score(report: Report, cluster: list[Report], window: DateWindow) -> tuple[float, int] | None:
    """How well a report fits a cluster (occasion, then nearness in time); None if it cannot be the same event.

    Compatibility alone is not identity: an undated report is compatible with every letter, so it joins
    only on a shared occasion or a date near the cluster's.
    """
    e = report.event
    if not windows_overlap(e.when, window):
        return None
    distance = _distance(e.when, window)
    if not e.occasion.strip():  # cheap path: compatible with any occasion, linked by date alone
        return None if distance is None or distance > PROXIMITY_DAYS else (0.0, -distance)
    affinities = [occasion_affinity(e.occasion, m.event.occasion) for m in cluster if m.event.occasion.strip()]
    if any(a < OCCASION_OVERLAP for a in affinities):
        return None
    affinity = max(affinities, default=0.0)
    if affinity < OCCASION_OVERLAP and (distance is None or distance > PROXIMITY_DAYS):
        return None
    return affinity, -(distance or 0)


# -- clustering ------------------------------------------------------------------------------------
def _countries(e: Event) -> set[str]:
    found = {a.country for a in (e.source, e.target) if a and a.country}
    return found | {p.country for p in e.participants if p.country}


def pair_key(event: Event) -> str:
    """The countries an event involves, sorted: consolidation is recomputed per pair key."""
    return "-".join(sorted(_countries(event)))


def interaction_key(e: Event) -> tuple[str, ...]:
    """Reports can only be one event if they agree on this: type, parties and (for messages) direction."""
    if e.type in SYMMETRIC_TYPES:
        return (e.type, *sorted(_countries(e)))
    src, tgt = (e.source.country if e.source else ""), (e.target.country if e.target else "")
    return (e.type, src, tgt, *sorted(p.country for p in e.participants))


def _specificity(r: Report) -> tuple[Any, ...]:
    """Most specific reports seed clusters, so a vague mention joins them rather than the reverse."""
    w = r.event.when
    return (_width(w), w.start or date.max, w.end or date.max, r.id)


def _link(reports: list[Report]) -> tuple[list[list[Report]], list[tuple[Report, list[int], bool]]]:
    """Greedy linking in specificity order; a report fitting several clusters equally well stays apart."""
    clusters: list[list[Report]] = []
    windows: list[DateWindow] = []  # each cluster's intersection, kept current
    by_month: dict[int, list[int]] = {}  # clusters by the months their seed spans: a bounded report looks there
    ambiguous: list[tuple[Report, list[int], bool]] = []
    for r in sorted(reports, key=_specificity):
        months = _months(r.event.when)
        candidates = sorted({i for m in months for i in by_month.get(m, ())}) if months else range(len(clusters))
        scores = {i: sc for i in candidates if (sc := _link_score(r, clusters[i], windows[i])) is not None}
        ranked = sorted(scores, key=lambda i: (scores[i], -i), reverse=True)
        tied = len(ranked) > 1 and scores[ranked[0]] == scores[ranked[1]]
        if ranked and not tied:
            clusters[ranked[0]].append(r)
            windows[ranked[0]] = DateWindow(*common_span([windows[ranked[0]], r.event.when]))
        else:
            clusters.append([r])
            windows.append(r.event.when)
            for m in months:
                by_month.setdefault(m, []).append(len(clusters) - 1)
        if len(ranked) > 1:
            ambiguous.append((r, [len(clusters) - 1] + ranked if tied else ranked, not tied))
    return clusters, ambiguous


def _months(w: DateWindow) -> range:
    """Month numbers a bounded window spans (empty for open or very wide windows: those scan every cluster)."""
    if not (w.start and w.end) or (w.end - w.start).days > MONTH_INDEX_DAYS:
        return range(0)
    return range(w.start.year * 12 + w.start.month, w.end.year * 12 + w.end.month + 1)


def consolidate_events(reports: Iterable[Report]) -> list[ConsolidatedEvent]:
    """Consolidated events of a set of reports, oldest first; identical for any order of input."""
    groups: dict[tuple[str, ...], list[Report]] = {}
    for r in {r.id: r for r in sorted(reports, key=lambda r: (r.id, repr(r)))}.values():
        groups.setdefault(interaction_key(r.event), []).append(r)
    out: list[ConsolidatedEvent] = []
    for key in sorted(groups):
        clusters, ambiguous = _link(groups[key])
        ids = [consolidated_id(c) for c in clusters]
        extra: dict[int, list[Conflict]] = {}
        for r, fits, attached in ambiguous:
            extra.setdefault(fits[0], []).append(Conflict(
                "ambiguous", (r.id,), f"{r.event.doc_id}'s report also fits " + ", ".join(ids[i] for i in fits[1:])
                + ("; attached here, the best match by occasion and date" if attached
                   else "; equally well, so it is kept apart")))
        for i, j, conflict in _date_conflicts(clusters):
            extra.setdefault(i, []).append(conflict)
            extra.setdefault(j, []).append(conflict)
        out += [_build(c, ids[i], extra.get(i, [])) for i, c in enumerate(clusters)]
    return _link_replies(sorted(out, key=timeline_key))


def consolidated_id(cluster: Sequence[Report]) -> str:
    """Stable while the cluster keeps its smallest member id; unique as each report is in one cluster."""
    return hashlib.sha1(("consolidated|" + min(r.id for r in cluster)).encode()).hexdigest()[:16]


def timeline_key(c: ConsolidatedEvent) -> tuple[Any, ...]:
    """Oldest first; on the same window a reply comes after what it answers."""
    w = c.when
    return (w.start or w.end or date.max, w.end or date.max, c.medium == "reply", c.event_id)


def _date_conflicts(clusters: list[list[Report]]) -> Iterable[tuple[int, int, Conflict]]:
    """Clusters naming one occasion on nearby but disjoint days: a sweep over windows sorted by start."""
    dated = []
    for i, c in enumerate(clusters):
        start, end = common_span([r.event.when for r in c])
        if _occasion(c) and start and end:
            dated.append((start, end, i))
    dated.sort()
    for n, (start_a, end_a, i) in enumerate(dated):
        for start_b, end_b, j in dated[n + 1:]:
            if (start_b - end_a).days > DATE_CONFLICT_GAP_DAYS:
                break
            oa, ob = _occasion(clusters[i]), _occasion(clusters[j])
            if start_b > end_a and occasion_affinity(oa, ob) >= OCCASION_OVERLAP:
                a, b = sorted((i, j))
                yield a, b, Conflict("dates", tuple(sorted(r.id for r in clusters[i] + clusters[j])),
                                     f"same occasion '{oa}' dated {start_a}..{end_a} by {_docs(clusters[i])} "
                                     f"but {start_b}..{end_b} by {_docs(clusters[j])}: kept apart")


def _docs(cluster: Sequence[Report]) -> str:
    return ", ".join(sorted({r.event.doc_id for r in cluster}))


# -- one cluster -> one event ----------------------------------------------------------------------
def _build(cluster: list[Report], event_id: str, conflicts: list[Conflict]) -> ConsolidatedEvent:
    reports = tuple(sorted(cluster, key=lambda r: (r.event.doc_id, r.id)))
    medium, medium_reason, medium_conflict = _medium(reports)
    when = _window(reports)
    source, target = _parties(reports)
    head = reports[0].event
    return ConsolidatedEvent(
        event_id=event_id, type=head.type, medium=medium, source=source, target=target,
        participants=tuple(sorted({p.country for r in reports for p in r.event.participants})),
        when=when, occasion=_occasion(reports), reports=reports,
        n_sources=len({r.group for r in reports}),
        conflicts=tuple(conflicts) + medium_conflict,
        reasons=(_tally(len(reports), len({r.event.doc_id for r in reports}), len({r.group for r in reports})),
                 medium_reason),
    )


def _tally(n_reports: int, n_articles: int, n_groups: int) -> str:
    """'3 reports in 2 articles, 1 independent'; '1 report in 1 article' (the page shows it as it is)."""
    def s(n: int) -> str:
        return "" if n == 1 else "s"
    return f"{n_reports} report{s(n_reports)} in {n_articles} article{s(n_articles)}, {n_groups} independent"


def _medium(reports: Sequence[Report]) -> tuple[str, str, tuple[Conflict, ...]]:
    media = [r.event.medium for r in reports if r.event.medium]
    if not media:
        return "", "no report names the medium", ()
    families = Counter(MEDIUM_FAMILY.get(m, m) for m in media)
    family = min(families, key=lambda f: (-families[f], min(_rank(m) for m in media if MEDIUM_FAMILY.get(m, m) == f)))
    chosen = min((m for m in media if MEDIUM_FAMILY.get(m, m) == family), key=_rank)
    kinds = ", ".join(f"{kind} ×{n}" for kind, n in sorted(families.items()))
    reason = f"medium '{chosen}': the most specific of the most reported kind ({kinds})"
    if len(families) == 1:
        return chosen, reason, ()
    ids = tuple(sorted(r.id for r in reports if r.event.medium))
    said = "; ".join(f"{m} by {', '.join(sorted({r.event.doc_id for r in reports if r.event.medium == m}))}"
                     for m in sorted(set(media)))
    return chosen, reason, (Conflict("medium", ids, f"reports disagree on the medium: {said}"),)


def _rank(medium: str) -> int:
    return MEDIUM_PRECEDENCE.index(medium) if medium in MEDIUM_PRECEDENCE else len(MEDIUM_PRECEDENCE)


def _window(reports: Sequence[Report]) -> DateWindow:
    start, end = common_span([r.event.when for r in reports])
    exact = [r for r in reports if (r.event.when.start, r.event.when.end) == (start, end)]
    if exact:
        precision = exact[0].event.when.precision
    else:
        precision = "open" if start is None and end is None else ("day" if start == end else "range")
    parts = []
    for label, bound, pick in (("from", start, lambda w: w.start), ("until", end, lambda w: w.end)):
        who = [r for r in reports if bound and pick(r.event.when) == bound]
        if who:
            parts.append(f"{label} {bound} per {who[0].event.doc_id} ({who[0].event.when.reason})")
    reason = f"intersection of {len(reports)} reports' windows" + (": " + "; ".join(parts) if parts else "")
    return DateWindow(start, end, precision, reason)


def _parties(reports: Sequence[Report]) -> tuple[Actor | None, Actor | None]:
    """The most often named sender and recipient (a person's name beats a bare state)."""
    def pick(actors: list[Actor | None]) -> Actor | None:
        named = Counter((a.name, a.country, a.kind) for a in actors if a)
        if not named:
            return None
        name, country, kind = min(named, key=lambda k: (not k[0], -named[k], k))
        return Actor(name=name, country=country, kind=kind)
    return pick([r.event.source for r in reports]), pick([r.event.target for r in reports])


def _occasion(reports: Sequence[Report]) -> str:
    said = Counter(r.event.occasion.strip() for r in reports if r.event.occasion.strip())
    return min(said, key=lambda o: (-said[o], -len(o), o)) if said else ""


def _link_replies(events: list[ConsolidatedEvent]) -> list[ConsolidatedEvent]:
    """A report's in_reply_to names a report id; point it at the event holding that report."""
    owner = {r.id: c.event_id for c in events for r in c.reports}
    out = []
    for c in events:
        targets = sorted({owner[r.event.in_reply_to] for r in c.reports if r.event.in_reply_to in owner} - {c.event_id})
        out.append(replace(c, in_reply_to=targets[0]) if targets else c)
    return out


# -- the flat format -------------------------------------------------------------------------------
def consolidated_to_flat(c: ConsolidatedEvent) -> dict[str, Any]:
    """The flat event format plus event_id, docs, n_sources and every report with its outlet and span."""
    head = event_to_flat(c.reports[0].event)
    start, end = c.when.iso()
    head.update({
        "doc": c.docs[0], "event_id": c.event_id, "type": c.type, "medium": c.medium,
        "source": c.source.name if c.source else "", "source_country": c.source.country if c.source else "",
        "target": c.target.name if c.target else "", "target_country": c.target.country if c.target else "",
        "participants": list(c.participants), "date_min": start, "date_max": end, "date_reason": c.when.reason,
        "occasion": c.occasion, "reported_by": sorted({a for r in c.reports for a in r.event.reported_by}),
        "background": all(r.event.background for r in c.reports),
        "evidence": " … ".join(dict.fromkeys(s.text for r in c.reports for s in r.event.evidence if s.text)),
        "evidence_spans": [[s.start_char, s.end_char] for s in c.reports[0].event.evidence],
        "confidence": round(max(r.event.confidence for r in c.reports), 3), "in_reply_to": c.in_reply_to,
        "docs": list(c.docs), "n_sources": c.n_sources, "n_reports": len(c.reports),
        "outlets": sorted({r.outlet for r in c.reports if r.outlet}), "countries": list(c.countries),
        "reports": [_report_flat(r) for r in c.reports],
        "conflicts": [{"kind": k.kind, "event_ids": list(k.event_ids), "reason": k.reason} for k in c.conflicts],
        "reasons": list(c.reasons),
    })
    return head


def _report_flat(r: Report) -> dict[str, Any]:
    e = r.event
    return {"event_id": r.id, "doc": e.doc_id, "outlet": r.outlet, "source_group": r.group,
            "background": e.background, "medium": e.medium, "date_min": e.when.iso()[0], "date_max": e.when.iso()[1],
            "date_reason": e.when.reason, "occasion": e.occasion, "reported_by": list(e.reported_by),
            "evidence": [{"start_char": s.start_char, "end_char": s.end_char, "text": s.text} for s in e.evidence]}
