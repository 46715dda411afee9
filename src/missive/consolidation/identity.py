"""Consolidated event ids: a function of the event's reports, and what an id that disappears became.

The rule (also in the README): a report's id is a hash of its article's content and of what was
read in it (model.Event.event_id), never of a path. An event's id is a hash of its FOUNDING report:
the report whose article appeared first (its reference date's first day), ties and undated articles
broken by report id. So the id is the same whatever the order of ingest, a renamed or re-ingested
file changes nothing, and a source that joins later keeps the id (news arrives in time order). When
an earlier report joins, two events merge or one splits, an id can disappear: `retire_ids` says
what became of it (merged into / split into / withdrawn), and the store keeps that forever, so a
saved link still resolves, as ACLED keeps its event ids and publishes deletions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Protocol


class _Reported(Protocol):
    @property
    def id(self) -> str: ...

    published: date | None


class Retirement(str, Enum):
    """What became of an event id that no longer names an event."""

    MERGED = "merged"  # all its reports are now part of another event (it joined, or an earlier report did)
    SPLIT = "split"  # its reports went to several events; the id points at the one holding most
    WITHDRAWN = "withdrawn"  # none of its reports is stored any more (articles replaced or removed)


@dataclass(frozen=True, slots=True)
class Alias:
    old_id: str
    new_id: str | None
    reason: Retirement


def founding_order(report: _Reported) -> tuple[Any, ...]:
    """A total order that does not depend on ingest: the first published, then the smallest id."""
    return (report.published or date.max, report.id)


def founding_report(cluster: Sequence[_Reported]) -> _Reported:
    return min(cluster, key=founding_order)


def consolidated_id(cluster: Sequence[_Reported]) -> str:
    """The event's id: a hash of its founding report's id (unique, as each report is in one event)."""
    return hashlib.sha1(("consolidated|" + founding_report(cluster).id).encode()).hexdigest()[:16]


def retire_ids(before: Mapping[str, frozenset[str]], after: Mapping[str, frozenset[str]]) -> list[Alias]:
    """Aliases for the ids of `before` (event id -> its report ids) that `after` no longer has."""
    owner = {rid: eid for eid, rids in after.items() for rid in rids}
    out = []
    for old_id in sorted(set(before) - set(after)):
        kept = [owner[r] for r in before[old_id] if r in owner]
        if not kept:
            out.append(Alias(old_id, None, Retirement.WITHDRAWN))
            continue
        counts = {eid: kept.count(eid) for eid in set(kept)}
        new_id = min(counts, key=lambda eid: (-counts[eid], eid))
        out.append(Alias(old_id, new_id, Retirement.MERGED if len(counts) == 1 else Retirement.SPLIT))
    return out
