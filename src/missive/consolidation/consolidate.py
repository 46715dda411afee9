"""Many reports -> one event: pure and order-independent, so a store can recompute it at will.

KCNA, Yonhap, Reuters and a dozen papers report the same letter on different days with different
details; counting each report inflates every trend. Reports that can be one interaction (same type
and parties; the direction too for messages and relations) are linked on evidence (see evidence and
linking): each merge records the evidence that decided it. The event's window is what all its
reports allow; where outlets disagree by a day, both days, with the disagreement shown. The result
is a function of the SET of reports, and so is each event's id (see identity): the order in which
articles arrived cannot change it. Syndicated copies of one wire story count as one source (see
near_duplicates); the analyses over consolidated messages live in pair_analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from ..model import MEDIUM_PRECEDENCE, Actor, DateWindow, Event, event_to_flat
from .compatibility import OCCASION_OVERLAP, calendar_window, fitting_years, occasion_affinity, widened
from .evidence import DATE_CONFLICT_DAYS, MEDIUM_FAMILY, UNORDERED, LinkReason, traits_of
from .identity import consolidated_id, founding_report
from .linking import Cluster, allowed_window, link
from .near_duplicates import source_groups

SYMMETRIC_TYPES = frozenset({"meeting", "agreement"})  # who met whom has no direction (shown as a pair)
DATE_CONFLICT_GAP_DAYS = 31  # same occasion, disjoint windows this close: the outlets disagree on the date


@dataclass(frozen=True, slots=True)
class Report:
    """One article's assertion of an event, with what consolidation needs beyond the Event."""

    event: Event
    event_id: str = ""  # the stored id; empty means event.event_id
    outlet: str = ""
    source_group: str = ""  # a group of articles known to be one source; empty means the article alone
    published: date | None = None  # the first day its article can have appeared (orders founders)
    signature: Any = None  # the article's MinHash (near_duplicates): copies are one source and link
    stamp_dated: bool = False  # its window rests on its page's date stamp (URL, HTML), not on its text

    @property
    def id(self) -> str:
        return self.event_id or self.event.event_id

    @property
    def group(self) -> str:
        return self.source_group or self.event.doc_id


class ConflictKind(StrEnum):
    """What reports disagree on."""

    MEDIUM = "medium"  # a letter in one report, a cable in another
    DATES = "dates"  # windows a day or more apart, or a page stamp against the text
    AMBIGUOUS = "ambiguous"  # a report fits more than one event


@dataclass(frozen=True, slots=True)
class Conflict:
    """A disagreement between reports, shown to the user instead of being resolved in silence."""

    kind: ConflictKind
    event_ids: tuple[str, ...]
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ConflictKind(self.kind))  # a closed set: an unknown kind fails here


@dataclass(frozen=True, slots=True)
class Link:
    """Why one report is part of its event: the evidence and the report it matched."""

    report_id: str
    reason: LinkReason
    partner: str


@dataclass(frozen=True, slots=True)
class ConsolidatedEvent:
    """One interaction with every report of it; `when` is the window all reports jointly allow."""

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
    links: tuple[Link, ...] = ()
    founder: str = ""

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(sorted({r.event.doc_id for r in self.reports}))

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(sorted(_countries(self.reports[0].event)))


# -- keys ------------------------------------------------------------------------------------------
def _countries(e: Event) -> set[str]:
    found = {a.country for a in (e.source, e.target) if a and a.country}
    return found | {p.country for p in e.participants if p.country}


def pair_key(event: Event) -> str:
    """The countries an event involves, sorted: consolidation is recomputed per pair key."""
    return "-".join(sorted(_countries(event)))


def interaction_key(e: Event) -> tuple[str, ...]:
    """Reports can only be one event if they agree on this: type and parties (and direction, for
    messages and relations: Kim's letter to Xi and Xi's reply are two events)."""
    if e.type in UNORDERED:
        return (e.type, *sorted(_countries(e)))
    src, tgt = (e.source.country if e.source else ""), (e.target.country if e.target else "")
    return (e.type, src, tgt, *sorted(p.country for p in e.participants))


# -- consolidation ---------------------------------------------------------------------------------
def consolidate_events(reports: Iterable[Report]) -> list[ConsolidatedEvent]:
    """Consolidated events of a set of reports, oldest first; identical for any order of input."""
    groups: dict[tuple[str, ...], list[Report]] = {}
    for r in {r.id: r for r in sorted(reports, key=lambda r: (r.id, repr(r)))}.values():
        groups.setdefault(interaction_key(r.event), []).append(r)
    out: list[ConsolidatedEvent] = []
    for key in sorted(groups):
        by_id = {r.id: r for r in groups[key]}
        clusters = link([traits_of(r.id, r.event, r.group, r.signature, r.stamp_dated) for r in groups[key]])
        members = [[by_id[t.report_id] for t in c.members] for c in clusters]
        ids = [consolidated_id(m) for m in members]
        extra: dict[int, list[Conflict]] = {i: _ambiguities(c, ids) for i, c in enumerate(clusters)}
        for i, j, conflict in _date_conflicts(members):
            extra[i].append(conflict)
            extra[j].append(conflict)
        out += [_build(m, ids[i], clusters[i], extra[i]) for i, m in enumerate(members)]
    return _link_replies(sorted(out, key=timeline_key))


def _ambiguities(cluster: Cluster, ids: list[str]) -> list[Conflict]:
    return [Conflict(ConflictKind.AMBIGUOUS, (rid,), f"report {rid} also fits " + ", ".join(ids[i] for i in others)
                     + ("; attached here, the best match by evidence and date" if attached
                        else "; equally well, so it is kept apart"))
            for rid, others, attached in cluster.ambiguous]


def timeline_key(c: ConsolidatedEvent) -> tuple[Any, ...]:
    """Oldest first; on the same window a reply comes after what it answers."""
    w = c.when
    return (w.start or w.end or date.max, w.end or date.max, c.medium == "reply", c.event_id)


def _date_conflicts(clusters: list[list[Report]]) -> Iterable[tuple[int, int, Conflict]]:
    """Events naming one occasion on nearby but disjoint days, kept apart: a sweep over windows by start."""
    dated = []
    for i, c in enumerate(clusters):
        w = allowed_window([r.event.when for r in c])
        if _occasion(c) and w.start and w.end:
            dated.append((w.start, w.end, i))
    dated.sort()
    for n, (start_a, end_a, i) in enumerate(dated):
        for start_b, end_b, j in dated[n + 1:]:
            if (start_b - end_a).days > DATE_CONFLICT_GAP_DAYS:
                break
            oa, ob = _occasion(clusters[i]), _occasion(clusters[j])
            if start_b > end_a and occasion_affinity(oa, ob) >= OCCASION_OVERLAP:
                a, b = sorted((i, j))
                yield a, b, Conflict(ConflictKind.DATES, tuple(sorted(r.id for r in clusters[i] + clusters[j])),
                                     f"same occasion '{oa}' dated {start_a}..{end_a} by {_docs(clusters[i])} "
                                     f"but {start_b}..{end_b} by {_docs(clusters[j])}: kept apart")


def _docs(cluster: Sequence[Report]) -> str:
    return ", ".join(sorted({r.event.doc_id for r in cluster}))


# -- one cluster -> one event ----------------------------------------------------------------------
def _build(cluster: list[Report], event_id: str, linked: Cluster, conflicts: list[Conflict]) -> ConsolidatedEvent:
    groups = source_groups({r.event.doc_id: (r.source_group, r.signature) for r in cluster})
    reports = tuple(sorted((replace(r, source_group=groups[r.event.doc_id]) for r in cluster),
                           key=lambda r: (r.event.doc_id, r.id)))
    medium, medium_reason, medium_conflict = _medium(reports)
    when, date_conflict = _window([r for r in reports if r.id not in linked.overruled])
    date_conflict += _overruled(reports, linked.overruled, when)
    source, target = _parties(reports)
    head = reports[0].event
    links = tuple(Link(r.id, *linked.links[r.id]) for r in reports)
    said = Counter(link.reason.value for link in links if link.reason is not LinkReason.SEED)
    return ConsolidatedEvent(
        event_id=event_id, type=head.type, medium=medium, source=source, target=target,
        participants=tuple(sorted({p.country for r in reports for p in r.event.participants})),
        when=when, occasion=_occasion(reports), reports=reports,
        n_sources=len({r.group for r in reports}),
        conflicts=tuple(conflicts) + medium_conflict + date_conflict,
        reasons=(_tally(len(reports), len({r.event.doc_id for r in reports}), len({r.group for r in reports})),
                 medium_reason)
        + ((("linked by " + ", ".join(f"{k} ×{n}" for k, n in sorted(said.items()))),) if said else ()),
        links=links, founder=founding_report(reports).id,
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
    return chosen, reason, (Conflict(ConflictKind.MEDIUM, ids, f"reports disagree on the medium: {said}"),)


def _rank(medium: str) -> int:
    return MEDIUM_PRECEDENCE.index(medium) if medium in MEDIUM_PRECEDENCE else len(MEDIUM_PRECEDENCE)


def _window(reports: Sequence[Report]) -> tuple[DateWindow, tuple[Conflict, ...]]:
    """What all reports allow; a day's disagreement gives both days and a conflict naming who said what."""
    windows = [r.event.when for r in reports]
    allowed = allowed_window(windows)
    start, end = allowed.start, allowed.end
    starts, ends = [w.start for w in windows if w.start], [w.end for w in windows if w.end]
    disagree = bool(starts and ends and max(starts) > min(ends))
    parts = []
    for label, bound, pick in (("from", start, lambda w: w.start), ("until", end, lambda w: w.end)):
        who = [r for r in reports if bound and pick(r.event.when) == bound]
        if who and not disagree:
            parts.append(f"{label} {bound} per {who[0].event.doc_id} ({who[0].event.when.reason})")
    reason = f"what all {len(reports)} reports' windows allow" + (": " + "; ".join(parts) if parts else "")
    start, end, note, day_off = _year_less(reports, start, end)
    reason += note
    conflicts: tuple[Conflict, ...] = ()
    if disagree or day_off:
        said = "; ".join(f"{r.event.doc_id}: {_said(r)}" for r in reports
                         if r.event.when.start or r.event.when.end or r.event.calendar)
        reason = (f"the reports disagree by a day, so both days: {start}..{end}" if start and end
                  else f"the reports' year-less days disagree by a day{note}")
        conflicts = (Conflict(ConflictKind.DATES, tuple(sorted(r.id for r in reports)),
                              f"the outlets date this event differently ({said}): merged on shared evidence"),)
    exact = [r for r in reports if (r.event.when.start, r.event.when.end) == (start, end)]
    precision = exact[0].event.when.precision if exact else (
        "open" if start is None and end is None else ("day" if start == end else "range"))
    return DateWindow(start, end, precision, reason), conflicts


def _year_less(reports: Sequence[Report], start: date | None, end: date | None
               ) -> tuple[date | None, date | None, str, bool]:
    """What the reports' year-less days make of their window: narrowed to the days they allow; both days
    where they miss it by a day ("November 9" beside 10 November 2020) or miss each other by a day
    ("May 2" beside "May 3"), which is a disagreement. -> (start, end, a note for the reason, disagree)"""
    facts = [f for r in reports for f in r.event.calendar]
    if not facts:
        return start, end, "", False
    narrowed = calendar_window(facts, DateWindow(start, end))
    if narrowed:
        return (*narrowed, f"; narrowed by year-less days to {narrowed[0]}..{narrowed[1]}", False) \
            if narrowed != (start, end) else (start, end, "", False)
    if start and end:
        off = calendar_window(facts, widened(DateWindow(start, end), DATE_CONFLICT_DAYS))
        return (min(start, off[0]), max(end, off[1]), "", True) if off else (start, end, "", False)
    days = ", ".join(dict.fromkeys(f.reason or f"{f.month}/{f.day}" for f in facts))
    if fitting_years(facts):
        return start, end, f"; a day without a year: {days}", False
    several = sum(1 for r in reports if r.event.calendar) > 1  # linking let them meet only a day apart
    return start, end, f"; year-less days no year holds: {days}", several


def _said(r: Report) -> str:
    days = ", ".join(f.reason or f"{f.month}/{f.day}" for f in r.event.calendar)
    return f"{_iso(r.event.when)} ({days})" if days and (r.event.when.start or r.event.when.end) else days or _iso(r.event.when)


def _overruled(reports: Sequence[Report], overruled: set[str], when: DateWindow) -> tuple[Conflict, ...]:
    """Reports dated only by their page's stamp that the others' text contradicts: shown, not used."""
    stamped = [r for r in reports if r.id in overruled]
    if not stamped:
        return ()
    said = "; ".join(f"{r.event.doc_id} {_iso(r.event.when)}" for r in stamped)
    return (Conflict(ConflictKind.DATES, tuple(sorted(r.id for r in stamped)),
                     f"dated from their page's stamp ({said}), overruled by the text of the other reports "
                     f"({_iso(when)})"),)


def _iso(w: DateWindow) -> str:
    lo, hi = w.iso()
    return lo if lo == hi else f"{lo or '…'}..{hi or '…'}"


def _parties(reports: Sequence[Report]) -> tuple[Actor | None, Actor | None]:
    """The most reported direction, then the most often named person of each side (a name beats a bare
    state); one person is never both sender and recipient."""
    oriented = Counter((r.event.source.country if r.event.source else "", r.event.target.country if r.event.target else "")
                       for r in reports)
    src, tgt = min(oriented, key=lambda k: (-oriented[k], k))
    actors = [a for r in reports for a in (r.event.source, r.event.target) if a]
    unordered = reports[0].event.type in UNORDERED

    def pick(country: str, role: str, taken: Actor | None) -> Actor | None:
        pool = actors if unordered else [getattr(r.event, role) for r in reports if getattr(r.event, role)]
        named = Counter((a.name, a.country, a.kind) for a in pool if a.country == country
                        and not (taken and a.name and a.name == taken.name))
        if not named:
            return None
        name, cty, kind = min(named, key=lambda k: (not k[0], -named[k], k))
        return Actor(name=name, country=cty, kind=kind)

    source = pick(src, "source", None)
    return source, pick(tgt, "target", source)


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
    """The flat event format plus event_id, docs, n_sources and every report with its outlet, span and link."""
    head = event_to_flat(c.reports[0].event)
    start, end = c.when.iso()
    links = {lk.report_id: lk for lk in c.links}
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
        "founded_by": c.founder,
        "reports": [_report_flat(r, links.get(r.id)) for r in c.reports],
        "conflicts": [{"kind": k.kind.value, "event_ids": list(k.event_ids), "reason": k.reason} for k in c.conflicts],
        "reasons": list(c.reasons),
    })
    head.pop("doc_hash", None)
    return head


def _report_flat(r: Report, link: Link | None) -> dict[str, Any]:
    e = r.event
    return {"event_id": r.id, "doc": e.doc_id, "outlet": r.outlet, "source_group": r.group,
            "background": e.background, "medium": e.medium, "date_min": e.when.iso()[0], "date_max": e.when.iso()[1],
            "date_reason": e.when.reason, "occasion": e.occasion, "reported_by": list(e.reported_by),
            "linked_by": link.reason.value if link else "", "linked_to": link.partner if link else "",
            "evidence": [{"start_char": s.start_char, "end_char": s.end_char, "text": s.text} for s in e.evidence]}
