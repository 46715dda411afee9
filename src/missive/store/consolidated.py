"""Consolidated events in the store: brought up to date from what is stored, one region at a time.

Every write of an article records the reach (the days its events can join) of the reports it removes
and adds in ``consolidation_queue``, in the same transaction as the article. ``bring_up_to_date``
drains the queue: for each country pair, the reports whose reach meets the changed ones (with every
report of the events they belong to, and the pair's undated reports) are consolidated again, and
only that region is rewritten, so the cost follows the new reports and their neighbours in time, not
the size of the pair. If an event that changed could be joined by a report outside the region, the
region grows to the days such a report reaches and is done again, so the result equals a
consolidation of the whole pair. A run killed between the two steps leaves the queue: the next write
finishes the job. Ids that disappear are kept in ``event_aliases`` (see consolidation.identity) and
never deleted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from ..consolidation.consolidate import ConsolidatedEvent, Report, consolidate_events, consolidated_to_flat, pair_key
from ..consolidation.compatibility import is_undated
from ..consolidation.identity import retire_ids
from ..consolidation.linking import joinable_days, reach
from ..model import DateWindow

# The columns of table consolidated, in the order _row (then first_seen) gives them.
CONSOLIDATED_COLUMNS = ("event_id", "pair_key", "countries", "type", "source_country", "target_country", "date_min",
                        "date_max", "n_reports", "n_sources", "docs", "n_conflicts", "flat", "first_seen")
REGION_MARGIN_DAYS = 31  # the first region: this far around the changed reports' reach
ALIAS_HOPS = 32  # an alias chain longer than this is a cycle: stop
LoadReports = Callable[[list[str]], list[Report]]
Connection = Any  # the store's DuckDB connection: only database.py imports duckdb


def report_reach(event_when: DateWindow, stamp_dated: bool = False) -> tuple[date | None, date | None]:
    """A report's reach as two columns (both None: it may join any event of its pair)."""
    found = reach(event_when, stamp_dated)
    return found if found else (None, None)


def enqueue(con: Connection, rows: Iterable[tuple[str, date | None, date | None]]) -> None:
    """Record changed reports' (pair key, reach_lo, reach_hi); an unbounded reach is the whole pair."""
    rows = sorted(set(rows), key=str)
    if rows:
        con.executemany("INSERT INTO consolidation_queue (pair_key, reach_lo, reach_hi) VALUES (?,?,?)", rows)


def queued_keys(con: Connection) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT pair_key FROM consolidation_queue ORDER BY 1").fetchall()]


def bring_up_to_date(con: Connection, load: LoadReports, keys: Iterable[str] | None = None) -> int:
    """Drain the queue of these pair keys (all queued ones when None), region by region; a pair named
    with nothing queued is redone whole. Returns how many reports were consolidated again (the work
    done, which follows the changes, not the size of the store)."""
    done = 0
    for key in sorted(set(keys) if keys is not None else queued_keys(con)):
        spans = con.execute("SELECT reach_lo, reach_hi FROM consolidation_queue WHERE pair_key = ?", [key]).fetchall()
        if spans or keys is not None:  # a pair named with nothing queued (found stale, an older store): whole
            is_whole = not spans or any(lo is None or hi is None for lo, hi in spans)
            lo = None if is_whole else min(s[0] for s in spans)
            hi = None if is_whole else max(s[1] for s in spans)
            done += _reconsolidate_region(con, load, key, lo, hi)
        con.execute("DELETE FROM consolidation_queue WHERE pair_key = ?", [key])
    return done


def rebuild_all(con: Connection, load: LoadReports) -> None:
    """Every pair consolidated from scratch (after a change of rules), old ids kept as aliases."""
    keys = [r[0] for r in con.execute("SELECT DISTINCT pair_key FROM events WHERE pair_key IS NOT NULL"
                                      " UNION SELECT DISTINCT pair_key FROM consolidated").fetchall()]
    for key in sorted(keys):
        _reconsolidate_region(con, load, key, None, None)
    con.execute("DELETE FROM consolidation_queue")


# -- one region -------------------------------------------------------------------------------------------
def _reconsolidate_region(con: Connection, load: LoadReports, key: str, lo: date | None, hi: date | None) -> int:
    """One pair's reports around [lo, hi] (the whole pair when None) consolidated and written; the
    region grows until it holds every day a report could join a changed event from. Returns the
    number of reports consolidated."""
    margin = timedelta(days=REGION_MARGIN_DAYS)
    window = (lo - margin, hi + margin) if lo and hi else None
    done = 0
    while True:
        ids, before = _region_reports(con, key, window)
        done += len(ids)
        reports = load(sorted(ids))
        fresh = consolidate_events(reports)
        needed = _needed_region(fresh, before, {r.id: r for r in reports}, window) if window else None
        if needed == window and window and _undated_record_changed(con, fresh):
            needed = None
        if needed == window:
            break
        window = needed
    _write(con, key, fresh, before)
    return done


def _region_reports(con: Connection, key: str,
                    window: tuple[date, date] | None) -> tuple[set[str], dict[str, frozenset[str]]]:
    """Report ids of the region (with all members of their stored events) and those events' members."""
    where, args = "pair_key = ?", [key]
    if window:
        where += " AND (reach_lo IS NULL OR reach_hi IS NULL OR (reach_lo <= ? AND reach_hi >= ?))"
        args += [window[1], window[0]]
    ids = {r[0] for r in con.execute(f"SELECT event_id FROM events WHERE {where}", args).fetchall()}
    touched = {r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM consolidated_members WHERE pair_key = ? AND (list_contains(?, report_id)"
        " OR report_id NOT IN (SELECT event_id FROM events WHERE pair_key = ?))", [key, sorted(ids), key]).fetchall()}
    if window is None:
        touched |= {r[0] for r in con.execute("SELECT event_id FROM consolidated WHERE pair_key = ?", [key]).fetchall()}
    before = _members(con, touched)
    live = {r[0] for r in con.execute("SELECT event_id FROM events WHERE list_contains(?, event_id) AND pair_key = ?",
                                      [sorted({m for ms in before.values() for m in ms}), key]).fetchall()}
    return ids | live, before


def _members(con: Connection, event_ids: set[str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {e: set() for e in event_ids}
    for report_id, event_id in con.execute("SELECT report_id, event_id FROM consolidated_members"
                                           " WHERE list_contains(?, event_id)", [sorted(event_ids)]).fetchall():
        out[event_id].add(report_id)
    for event_id in [e for e, ms in out.items() if not ms]:  # a store from before the members table
        row = con.execute("SELECT flat FROM consolidated WHERE event_id = ?", [event_id]).fetchone()
        out[event_id] = {r["event_id"] for r in json.loads(row[0]).get("reports", [])} if row else set()
    return {e: frozenset(ms) for e, ms in out.items()}


def _needed_region(fresh: list[ConsolidatedEvent], before: dict[str, frozenset[str]], by_id: dict[str, Report],
                   window: tuple[date, date]) -> tuple[date, date] | None:
    """The region again if it holds every day from which a report could join an event that changed
    (new, grown, shrunk or gone), so nothing outside it can be affected and its result is the pair's;
    else the region grown to those days (None: the whole pair)."""
    lo, hi = window
    after = {frozenset(r.id for r in c.reports) for c in fresh}
    changed = [list(c.reports) for c in fresh if frozenset(r.id for r in c.reports) not in before.values()]
    changed += [[by_id[i] for i in ms if i in by_id] for ms in before.values() if ms not in after]
    for reports in (r for r in changed if r):
        days = joinable_days([x.event.when for x in reports])
        if days is None or any(is_undated(x.event.when) for x in reports):
            return None  # an undated report chooses among the pair's events on what they name: all of them
        lo, hi = min(lo, days[0]), max(hi, days[1])
    return lo, hi


def _undated_record_changed(con: Connection, fresh: list[ConsolidatedEvent]) -> bool:
    """Does an event holding an undated report read differently than stored (its rivals, its conflicts)?
    Such a report is in every region of its pair and weighs every event of the pair equally ("also
    fits ..."), so only the whole pair tells what its event is: else the order of ingest would."""
    held = {c.event_id: c for c in fresh if any(is_undated(r.event.when) for r in c.reports)}
    if not held:
        return False
    stored = dict(con.execute("SELECT event_id, flat::VARCHAR FROM consolidated WHERE list_contains(?, event_id)",
                              [sorted(held)]).fetchall())
    return any(i not in stored or json.loads(stored[i]) != json.loads(_row(c)[-1]) for i, c in held.items())


def _write(con: Connection, key: str, fresh: list[ConsolidatedEvent], before: dict[str, frozenset[str]]) -> None:
    """Replace the region's events that changed (most stay as they were), their members and the aliases."""
    after = {c.event_id: frozenset(r.id for r in c.reports) for c in fresh}
    rows = {c.event_id: _row(c) for c in fresh}
    stored = dict(con.execute("SELECT event_id, flat::VARCHAR FROM consolidated WHERE list_contains(?, event_id)",
                              [sorted(set(before) | set(after))]).fetchall())
    stale = [i for i in stored if i not in rows or json.loads(stored[i]) != json.loads(rows[i][-1])]
    changed = [c for c in fresh if c.event_id not in stored or c.event_id in stale]
    if stale:
        con.execute("DELETE FROM consolidated WHERE list_contains(?, event_id)", [stale])
        con.execute("DELETE FROM consolidated_members WHERE list_contains(?, event_id)", [stale])
    gone = sorted({m for e, ms in before.items() for m in ms} - {m for ms in after.values() for m in ms})
    moved = sorted({r.id for c in changed for r in c.reports} | set(gone))
    if moved:
        con.execute("DELETE FROM consolidated_members WHERE list_contains(?, report_id)", [moved])
    if changed:
        _insert(con, [rows[c.event_id] + [_first_seen(con, c)] for c in changed])
        con.executemany("INSERT INTO consolidated_members VALUES (?,?,?,?,?)",
                        [(lk.report_id, c.event_id, key, lk.reason.value, lk.partner) for c in changed for lk in c.links])
    _record_aliases(con, before, after)


def _insert(con: Connection, rows: list[list[Any]]) -> None:
    """Rows of CONSOLIDATED_COLUMNS, by name: a migration that rebuilds consolidation runs before the
    later ones add their columns, so only the columns present are written."""
    present = {d[0] for d in con.execute("SELECT * FROM consolidated LIMIT 0").description}
    columns = [c for c in CONSOLIDATED_COLUMNS if c in present]
    con.executemany(f"INSERT INTO consolidated ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [[v for c, v in zip(CONSOLIDATED_COLUMNS, row) if c in present] for row in rows])


def _first_seen(con: Connection, c: ConsolidatedEvent) -> Any:
    """When the store first held a report of the event (the earliest ingested_at of its articles): a
    source that joins later leaves it, so `missive watch` does not announce the event again."""
    return con.execute("SELECT min(d.ingested_at) FROM events e JOIN documents d USING (content_hash)"
                       " WHERE list_contains(?, e.event_id)", [[r.id for r in c.reports]]).fetchone()[0]


def _row(c: ConsolidatedEvent) -> list[Any]:
    flat = consolidated_to_flat(c)
    return [c.event_id, pair_key(c.reports[0].event), list(c.countries), c.type, flat["source_country"],
            flat["target_country"], flat["date_min"], flat["date_max"], len(c.reports), c.n_sources, list(c.docs),
            len(c.conflicts), json.dumps(flat, ensure_ascii=False, sort_keys=True)]


def _record_aliases(con: Connection, before: dict[str, frozenset[str]],
                    after: dict[str, frozenset[str]]) -> None:
    """Retired ids point at their successor; an id that lives again is no alias; chains stay one hop."""
    if after:
        con.execute("DELETE FROM event_aliases WHERE list_contains(?, old_id)", [sorted(after)])
    for alias in retire_ids(before, after):
        con.execute("DELETE FROM event_aliases WHERE old_id = ?", [alias.old_id])
        con.execute("INSERT INTO event_aliases (old_id, new_id, reason) VALUES (?,?,?)",
                    [alias.old_id, alias.new_id, alias.reason.value])
        if alias.new_id:
            con.execute("UPDATE event_aliases SET new_id = ? WHERE new_id = ?", [alias.new_id, alias.old_id])


# -- resolving ids -------------------------------------------------------------------------------------------
def resolve(con: Connection, event_id: str) -> tuple[str | None, list[dict[str, Any]]]:
    """The live event an id names now (itself, or where its aliases lead) and the aliases followed."""
    trail: list[dict[str, Any]] = []
    current: str | None = event_id
    for _ in range(ALIAS_HOPS):
        if current is None or con.execute("SELECT 1 FROM consolidated WHERE event_id = ?", [current]).fetchone():
            return current, trail
        row = con.execute("SELECT old_id, new_id, reason, retired_at FROM event_aliases WHERE old_id = ?",
                          [current]).fetchone()
        if row is None:
            return None, trail
        trail.append({"old_id": row[0], "new_id": row[1], "reason": row[2],
                      "retired_at": row[3].isoformat() if row[3] else None})
        current = row[1]
    return None, trail


def retired(con: Connection) -> list[dict[str, Any]]:
    """Every id that no longer names an event, with what became of it (the published changes)."""
    rows = con.execute("SELECT old_id, new_id, reason, retired_at FROM event_aliases ORDER BY retired_at, old_id")
    return [{"old_id": o, "new_id": n, "reason": r, "retired_at": t.isoformat() if t else None}
            for o, n, r, t in rows.fetchall()]
