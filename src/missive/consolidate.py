"""Many reports -> one event: pure and order-independent, so a store can recompute it at will.

KCNA, Yonhap, Reuters and a dozen papers report the same letter on different days with different
details; counting each report inflates every trend. Reports of one interaction (same type, parties
and direction; compatible medium and occasion; overlapping date windows) become one consolidated
event whose window is the intersection of theirs. Disagreements are kept as Conflicts, never merged
away in silence. The result is a function of the SET of reports: they are sorted by a key read from
their content (most specific window first) before a deterministic greedy linking, so the order in
which articles arrived cannot change it. Syndicated copies of one wire story count as one source:
documents are grouped by MinHash LSH over word shingles of their cleaned text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date
from typing import Any

from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

from .model import Actor, DateWindow, Event, event_to_flat

SYMMETRIC_TYPES = frozenset({"meeting", "agreement"})  # who met whom has no direction
MEDIUM_FAMILY = {"letter": "written", "message": "written", "reply": "written", "greeting": "greeting",
                 "cable": "cable", "verbal_message": "verbal", "call": "call", "video_call": "video"}
MEDIUM_RANK = ("reply", "letter", "cable", "verbal_message", "greeting", "message", "video_call", "call")
PROXIMITY_DAYS = 366  # without a shared occasion, a vague report joins only an event this close to its date
MONTH_INDEX_DAYS = 400  # wider windows are rare and scan all clusters
DATE_CONFLICT_GAP_DAYS = 31  # same occasion, disjoint windows this close: the outlets disagree on the date
OCCASION_OVERLAP = 0.5  # share of the shorter occasion's content words the other must contain
SHINGLE_WORDS, NUM_PERM, DUPLICATE_THRESHOLD = 5, 128, 0.8
MINHASH_SCHEME = "affine32"  # datasketch 2's default; stored signatures are read back with it
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
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


# -- windows and compatibility ---------------------------------------------------------------------
def windows_overlap(a: DateWindow, b: DateWindow) -> bool:
    """Open bounds are compatible with anything."""
    return (a.start is None or b.end is None or a.start <= b.end) and (b.start is None or a.end is None or b.start <= a.end)


def intersect_windows(windows: Sequence[DateWindow]) -> tuple[date | None, date | None]:
    starts = [w.start for w in windows if w.start]
    ends = [w.end for w in windows if w.end]
    return (max(starts) if starts else None), (min(ends) if ends else None)


def _width(w: DateWindow) -> int:
    if w.start and w.end:
        return (w.end - w.start).days
    return _OPEN_WIDTH * (2 - (w.start is not None) - (w.end is not None))


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    words = {m.group().lower().replace("’", "'") for m in _WORD.finditer(text)}
    words = {w[:-2] if w.endswith("'s") else w for w in words} - STOP_WORDS
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _numbers(words: frozenset[str]) -> set[str]:
    return {re.sub(r"\D", "", w) for w in words if any(c.isdigit() for c in w)}


@lru_cache(maxsize=16384)
def occasion_affinity(a: str, b: str) -> float:
    """Share of the shorter occasion's words found in the other; -1 when their numbers disagree.

    Numbers only veto: 'the 70th anniversary of the founding' and 'the 70th anniversary of relations'
    share a number but are two occasions, which the remaining words tell apart.
    """
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    na, nb = _numbers(wa), _numbers(wb)
    if na and nb and not na & nb:
        return -1.0  # the 74th and the 75th anniversary are two occasions
    wa, wb = wa - {w for w in wa if any(c.isdigit() for c in w)}, wb - {w for w in wb if any(c.isdigit() for c in w)}
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 1.0


def occasions_compatible(a: str, b: str) -> bool:
    return not a.strip() or not b.strip() or occasion_affinity(a, b) >= OCCASION_OVERLAP


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
            windows[ranked[0]] = DateWindow(*intersect_windows([windows[ranked[0]], r.event.when]))
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
        start, end = intersect_windows([r.event.when for r in c])
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
        reasons=(f"{len(reports)} reports in {len({r.event.doc_id for r in reports})} articles, "
                 f"{len({r.group for r in reports})} independent", medium_reason),
    )


def _medium(reports: Sequence[Report]) -> tuple[str, str, tuple[Conflict, ...]]:
    media = [r.event.medium for r in reports if r.event.medium]
    if not media:
        return "", "no report names the medium", ()
    families = Counter(MEDIUM_FAMILY.get(m, m) for m in media)
    family = min(families, key=lambda f: (-families[f], min(_rank(m) for m in media if MEDIUM_FAMILY.get(m, m) == f)))
    chosen = min((m for m in media if MEDIUM_FAMILY.get(m, m) == family), key=_rank)
    reason = f"medium '{chosen}': the most specific of the most reported kind ({dict(sorted(families.items()))})"
    if len(families) == 1:
        return chosen, reason, ()
    ids = tuple(sorted(r.id for r in reports if r.event.medium))
    said = "; ".join(f"{m} by {', '.join(sorted({r.event.doc_id for r in reports if r.event.medium == m}))}"
                     for m in sorted(set(media)))
    return chosen, reason, (Conflict("medium", ids, f"reports disagree on the medium: {said}"),)


def _rank(medium: str) -> int:
    return MEDIUM_RANK.index(medium) if medium in MEDIUM_RANK else len(MEDIUM_RANK)


def _window(reports: Sequence[Report]) -> DateWindow:
    start, end = intersect_windows([r.event.when for r in reports])
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


# -- near-duplicate articles -----------------------------------------------------------------------
def text_signature(text: str) -> MinHash:
    """MinHash over word 5-shingles: a syndicated copy with a new headline still scores near 1."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    sig = MinHash(num_perm=NUM_PERM)
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    return MinHash(num_perm=num_perm).permutations  # drawing them is most of a MinHash's construction cost


def signature_from_values(values: Sequence[int]) -> MinHash:
    """A stored signature back as a MinHash (datasketch 2 wants the scheme named; older ones lack it)."""
    try:
        return MinHash(num_perm=len(values), hashvalues=list(values), permutations=_permutations(len(values)),
                       scheme=MINHASH_SCHEME)
    except TypeError:
        return MinHash(num_perm=len(values), hashvalues=list(values), permutations=_permutations(len(values)))


@lru_cache(maxsize=1)
def _lsh_bands() -> tuple[int, int]:
    """datasketch's (bands, rows) for the threshold: found by numerical integration, so done once."""
    probe = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    return probe.b, probe.r


def duplicate_groups(signatures: Mapping[str, MinHash]) -> dict[str, str]:
    """Each document's near-duplicate group, named by its smallest member key (order-independent)."""
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands())
    for key in sorted(signatures):
        lsh.insert(key, signatures[key])
    parent = {k: k for k in signatures}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k
    for key in sorted(signatures):
        for other in lsh.query(signatures[key]):
            if other != key and signatures[key].jaccard(signatures[other]) >= DUPLICATE_THRESHOLD:
                a, b = sorted((root(key), root(other)))
                parent[b] = a
    return {k: root(k) for k in signatures}


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


# -- pair statistics -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Gap:
    """Days between two messages, measured between the midpoints of their date windows."""

    from_id: str
    to_id: str
    from_day: date
    to_day: date
    days: int
    label: str


@dataclass(frozen=True, slots=True)
class PairStats:
    """Messages between two states: yearly counts per direction, silences, 'first since' and reply lags."""

    a: str
    b: str
    per_year: tuple[tuple[int, int, int], ...]  # (year, a->b, b->a)
    undated: int
    longest_silence: Gap | None
    first_since: tuple[Gap, ...]
    reply_lags: tuple[Gap, ...]


def window_midpoint(row: Mapping[str, Any]) -> date | None:
    """A message's day for counting; None when a bound is open (it cannot be placed in time)."""
    if not row.get("date_min") or not row.get("date_max"):
        return None
    start, end = date.fromisoformat(str(row["date_min"])[:10]), date.fromisoformat(str(row["date_max"])[:10])
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


def _gap(prev: tuple[date, Mapping[str, Any]], nxt: tuple[date, Mapping[str, Any]], label: str) -> Gap:
    return Gap(prev[1]["event_id"], nxt[1]["event_id"], prev[0], nxt[0], (nxt[0] - prev[0]).days, label)


def _direction(row: Mapping[str, Any]) -> str:
    return f"{row['source_country']}->{row['target_country']}"


def pair_stats(rows: Iterable[Mapping[str, Any]], a: str, b: str) -> PairStats:
    """Statistics over consolidated events (flat rows), so each real message counts once."""
    msgs = [r for r in rows if r["type"] == "message" and {r["source_country"], r["target_country"]} == {a, b}]
    dated = sorted(((d, r) for r in msgs if (d := window_midpoint(r))), key=lambda x: (x[0], x[1]["event_id"]))
    years = Counter((d.year, r["source_country"] == a) for d, r in dated)
    per_year = tuple((y, years[(y, True)], years[(y, False)]) for y in sorted({d.year for d, _ in dated}))
    silences = [_gap(p, n, "silence") for p, n in zip(dated, dated[1:])]
    first_since = []
    for direction in sorted({_direction(r) for _, r in dated}):
        same = [x for x in dated if _direction(x[1]) == direction]
        first_since += [_gap(p, n, f"first {direction} since") for p, n in zip(same, same[1:])]
    return PairStats(a, b, per_year, len(msgs) - len(dated),
                     max(silences, key=lambda g: (g.days, g.to_id)) if silences else None,
                     tuple(sorted(first_since, key=lambda g: (g.to_day, g.to_id))), tuple(_reply_lags(dated)))


def _reply_lags(dated: list[tuple[date, Mapping[str, Any]]]) -> Iterable[Gap]:
    """A reply answers its in_reply_to, else the latest earlier message of the other direction."""
    by_id = {r["event_id"]: (d, r) for d, r in dated}
    for day, row in dated:
        if row.get("medium") != "reply":
            continue
        answered = by_id.get(row.get("in_reply_to") or "")
        if answered is None:  # a same-day message counts: replies to greetings often carry the same date
            earlier = [x for x in dated if x[0] <= day and _direction(x[1]) != _direction(row)]
            answered = earlier[-1] if earlier else None
        if answered is not None:
            yield _gap(answered, (day, row), f"reply {_direction(row)}")


# -- wording of two messages -----------------------------------------------------------------------
_QUOTED = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")  # pairs consumed left to right, never across a paragraph
MIN_QUOTE_CHARS = 20
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Wording:
    """What a message is quoted as saying, gathered from every report of it."""

    event_id: str
    label: str
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    left: Wording
    right: Wording
    only_left: tuple[str, ...]
    only_right: tuple[str, ...]
    shared: tuple[str, ...]


def quoted_passages(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """Quoted passages (20+ characters) within [start, end) of a text: the words attributed to a sender."""
    found = (m.group(1) or m.group(2) for m in _QUOTED.finditer(text, start, len(text) if end is None else end))
    return tuple(q.strip() for q in found if len(q.strip()) >= MIN_QUOTE_CHARS)


def key_phrases(text: str) -> list[str]:
    """Runs of content words between stop words and punctuation (the RAKE candidates), in text order."""
    phrases, run = [], []
    for token in [t.lower().replace("’", "'") for t in _TOKEN.findall(text)] + ["."]:
        if token[0].isalnum() and token not in STOP_WORDS:
            run.append(token)
            continue
        if run:
            phrases.append(" ".join(run))
        run = []
    return list(dict.fromkeys(phrases))


def compare_wording(left: Wording, right: Wording) -> Comparison:
    """Key phrases one message has and the other lacks (by their normalised running text)."""
    def norm(w: Wording) -> str:
        return " " + " ".join(t.lower().replace("’", "'") for q in w.quotes for t in _TOKEN.findall(q)) + " "
    lt, rt = norm(left), norm(right)
    lp, rp = key_phrases(" . ".join(left.quotes)), key_phrases(" . ".join(right.quotes))

    def longest_first(phrases: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(phrases, key=lambda p: -len(p.split())))  # stable: text order within a length
    return Comparison(left, right, longest_first(p for p in lp if f" {p} " not in rt),
                      longest_first(p for p in rp if f" {p} " not in lt), longest_first(p for p in lp if f" {p} " in rt))
