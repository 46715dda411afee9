"""Read-only questions the pages and the listing commands ask the store, answered as plain dicts.

Everything an analyst lists (a pair, a country, every event, a search's hits) is a consolidated
event selected by one `EventFilter` (store.filters), so a page, its .json twin, its CSV/JSONL/
Parquet download and `missive events` with the same filters hold the same rows in the same
order. Facets count what each choice would leave; partners, pairs and countries are GROUP BYs
over the consolidated table; the rest reads reports and articles by id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from ..errors import InputError
from ..temporal.summary import event_date_summary, short_reason
from .database import Store
from .filters import DIRECTIONS, EventFilter, clauses, consolidated_where, direction_sql, order_sql
from .words import query_words, reports_with_words

SKIPS_LIMIT = 50
NEW_LIMIT = 20
NEW_WINDOW = timedelta(days=1)  # the home's "new since" list, unless the reader asks for another time
SHORT_ID_MIN = 4  # the shortest id prefix looked up (shorter ones match too much to mean anything)


class Reader:
    """The store seen by pages and listings: one instance per request or command, never writing."""

    def __init__(self, store: Store):
        self.store = store
        self.con = store.con

    def _select(self, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(args))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    # -- consolidated events under a filter ------------------------------------------------------
    def events(self, f: EventFilter = EventFilter(), order: str = "date", limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        """Consolidated events (their flat records) the filter keeps, in the given order."""
        where, args = consolidated_where(f)
        sql = f"SELECT flat FROM consolidated{clauses(where)} ORDER BY {order_sql(order)}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return self.summarised([json.loads(r[0]) for r in self.con.execute(sql, args).fetchall()])

    def summarised(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows, each event and each of its reports with `date_summary`: why its date, in a few
        words read against its article's report day (temporal.summary)."""
        days = self.report_days(r.get("doc", "") for e in rows for r in e.get("reports") or ())
        for event in rows:
            event["date_summary"] = event_date_summary(event, days)
            for r in event.get("reports") or ():
                r["date_summary"] = short_reason(r.get("date_reason", ""), r.get("date_min"), r.get("date_max"),
                                                 days.get(r.get("doc", ""), (None, None)))
        return rows

    def new_since(self, since: datetime | None = None, limit: int = NEW_LIMIT) -> dict[str, Any]:
        """The events first seen since a time (store clock; default the last NEW_WINDOW), newest first,
        each with its first_seen."""
        since = since or self.store.store_time() - NEW_WINDOW
        return {"since": since.isoformat(sep=" ", timespec="minutes"),
                "events": self.summarised(self.store.new_events(since, limit=limit))}

    def count(self, f: EventFilter = EventFilter()) -> int:
        where, args = consolidated_where(f)
        return self.con.execute(f"SELECT count(*) FROM consolidated{clauses(where)}", args).fetchone()[0]

    def facets(self, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
        """For each filter a page offers, the values present and how many events each would leave
        (counted with that filter's own choice lifted, so the other options stay visible)."""
        expressions = {
            "type": ("type", f.but(types=())),
            "medium": ("coalesce(flat->>'$.medium', '')", f.but(media=())),
            "peg": ("CASE WHEN coalesce((flat->>'$.background')::BOOLEAN, false) THEN 'background' ELSE 'news' END",
                    f.but(background=None)),
            "sources": ("least(n_sources, 3)", f.but(min_sources=0)),
            "outlet": ("unnest(from_json(flat->'$.outlets', '[\"VARCHAR\"]'))", f.but(outlet="")),
        }
        out = {name: self._facet(sql, lifted) for name, (sql, lifted) in expressions.items()}
        if f.countries:
            dir_sql, dir_args = direction_sql(f.countries[0])
            out["direction"] = self._facet(dir_sql, f.but(direction=None), dir_args)
            out["direction"].sort(key=lambda v: DIRECTIONS.index(v["value"]))
        return out

    def _facet(self, value_sql: str, f: EventFilter, value_args: list[Any] | None = None) -> list[dict[str, Any]]:
        where, args = consolidated_where(f)
        rows = self.con.execute(f"SELECT value, count(*) AS n FROM (SELECT {value_sql} AS value FROM consolidated"
                                f"{clauses(where)}) WHERE value IS NOT NULL AND value::VARCHAR <> ''"
                                " GROUP BY value ORDER BY n DESC, value", [*(value_args or []), *args]).fetchall()
        return [{"value": v, "n": n} for v, n in rows]

    def per_period(self, f: EventFilter, unit: str = "year", by: str = "type") -> list[tuple[str, str, int]]:
        """(period, kind, count) of the events the filter keeps, oldest first. A period is the year
        ('2023') or month ('2023-10') of the window's midpoint; a window open on one side has none and
        is left out (as consolidation.pair_analysis.window_midpoint does; `unplaced` counts them). The
        kind is the type, or with by='direction' the direction seen from the filter's first country."""
        where, args = consolidated_where(f)
        kind_sql, kind_args = direction_sql(f.countries[0]) if by == "direction" and f.countries else ("type", [])
        mid = "date_min + ((date_max - date_min) // 2)::INTEGER"
        fmt = "%Y-%m" if unit == "month" else "%Y"
        rows = self.con.execute(f"SELECT strftime({mid}, '{fmt}') AS period, {kind_sql} AS kind, count(*)"
                                f" FROM consolidated{clauses(where)} GROUP BY ALL HAVING period IS NOT NULL"
                                " ORDER BY period, kind", [*kind_args, *args]).fetchall()
        return [(p, k, n) for p, k, n in rows]

    def unplaced(self, f: EventFilter) -> int:
        """How many events the filter keeps have a window open on at least one side (no midpoint)."""
        where, args = consolidated_where(f)
        where.append("(date_min IS NULL OR date_max IS NULL)")
        return self.con.execute(f"SELECT count(*) FROM consolidated{clauses(where)}", args).fetchone()[0]

    def partners(self, country: str, f: EventFilter) -> list[dict[str, Any]]:
        """The states a country dealt with, most events first, each with its counts by type and direction."""
        where, args = consolidated_where(f)
        dir_sql, dir_args = direction_sql(country)
        rows = self._select(
            f"SELECT partner, count(*) AS n, list(type) AS types, list(direction) AS directions,"
            f" max(coalesce(date_max, date_min)) AS last FROM (SELECT unnest(countries) AS partner, type,"
            f" ({dir_sql}) AS direction, date_min, date_max FROM consolidated{clauses(where)})"
            " WHERE partner <> ? GROUP BY partner ORDER BY n DESC, partner", [*dir_args, *args, country])
        for r in rows:
            r["by_type"] = _tally(r.pop("types"))
            r["by_direction"] = _tally(r.pop("directions"))
            r["last"] = _iso(r["last"])
        return rows

    def tally(self, f: EventFilter) -> dict[str, Any]:
        """Counts by type and, seen from the filter's first country, by direction and type."""
        where, args = consolidated_where(f)
        if not f.countries:
            rows = self.con.execute(f"SELECT type, 'mutual', count(*) FROM consolidated{clauses(where)} GROUP BY ALL",
                                    args).fetchall()
        else:
            dir_sql, dir_args = direction_sql(f.countries[0])
            rows = self.con.execute(f"SELECT type, {dir_sql} AS direction, count(*) FROM consolidated{clauses(where)}"
                                    " GROUP BY ALL", [*dir_args, *args]).fetchall()
        table: dict[str, dict[str, int]] = {}
        for type_, direction, n in rows:
            table.setdefault(type_, dict.fromkeys(DIRECTIONS, 0))[direction] += n
        return {"by_type": {t: sum(d.values()) for t, d in table.items()}, "by_type_direction": table}

    # -- ids ---------------------------------------------------------------------------------------
    def complete_id(self, prefix: str) -> str:
        """The one event or report id starting with `prefix` (ids are shown cut to 8 characters);
        InputError when none does, or when several do."""
        value = prefix.strip().lower()
        if len(value) < SHORT_ID_MIN or not value.isalnum():
            raise InputError(f"'{prefix}' is not an event id (an id or its first {SHORT_ID_MIN}+ characters)")
        rows = self.con.execute(
            "SELECT event_id FROM consolidated WHERE starts_with(event_id, ?) UNION"
            " SELECT event_id FROM events WHERE starts_with(event_id, ?) ORDER BY 1 LIMIT 3", [value, value]).fetchall()
        ids = [r[0] for r in rows]
        if value in ids:
            return value
        if not ids:
            raise InputError(f"'{prefix}': no event or report with this id is in the store")
        if len(ids) > 1:
            raise InputError(f"'{prefix}' starts several ids ({', '.join(ids[:2])}, ...): give more characters")
        return ids[0]

    def interaction(self, event_id: str) -> dict[str, Any] | None:
        """One consolidated event by its id."""
        row = self.con.execute("SELECT flat FROM consolidated WHERE event_id = ?", [event_id]).fetchone()
        return self.summarised([json.loads(row[0])])[0] if row else None

    def resolve(self, event_id: str) -> tuple[str | None, list[dict[str, Any]]]:
        """The event an id names now and the aliases followed (a retired id was merged, split or withdrawn)."""
        return self.store.resolve_event_id(event_id)

    def retired(self) -> list[dict[str, Any]]:
        """Every retired id and what became of it (readers always see a migrated store: the table exists)."""
        return self.store.retired_events()

    def report_owners(self, doc_ids: list[str]) -> dict[str, str]:
        """Stored report id -> the consolidated event holding it, for the given articles."""
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT flat FROM consolidated WHERE len(list_intersect(docs, ?)) > 0",
                                [doc_ids]).fetchall()
        return {r["event_id"]: flat["event_id"] for (text,) in rows
                for flat in [json.loads(text)] for r in flat.get("reports", [])}

    def owner_of_report(self, report_id: str) -> str | None:
        """The consolidated event holding a stored report (a report id is a fine link too)."""
        row = self.con.execute("SELECT doc_id FROM events WHERE event_id = ?", [report_id]).fetchone()
        return self.report_owners([row[0]]).get(report_id) if row else None

    def answers_to(self, event_id: str) -> list[dict[str, Any]]:
        """Events that reply to this one."""
        rows = self.con.execute("SELECT flat FROM consolidated WHERE json_extract_string(flat, '$.in_reply_to') = ?"
                                " ORDER BY date_min NULLS LAST, event_id", [event_id]).fetchall()
        return self.summarised([json.loads(r[0]) for r in rows])

    # -- reports and articles -------------------------------------------------------------------
    def report_rows(self, report_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Stored reports by id, with their quotes as [start_char, end_char, text] when recorded."""
        rows = {r["event_id"]: r for r in self.store.events_by_id(report_ids)} if report_ids else {}
        if rows:
            for rid, quotes in self.con.execute(
                    "SELECT event_id, quotes FROM events WHERE list_contains(?, event_id)", [report_ids]).fetchall():
                rows[rid]["quotes"] = json.loads(quotes) if quotes else []
        return rows

    def report_days(self, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """Each article's report day (the window of its 'now'), by doc id: dates read against it."""
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        rows = self.con.execute("SELECT doc_id, report_start, report_end FROM documents WHERE list_contains(?, doc_id)",
                                [ids]).fetchall()
        return {d: (_iso(s), _iso(e)) for d, s, e in rows}

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._select(
            "SELECT doc_id, path, title, url, outlet, original, cleaned, metadata, removals, report_start, report_end,"
            " report_reason, conflicts, n_events, ingested_at FROM documents WHERE doc_id = ?"
            " ORDER BY ingested_at DESC LIMIT 1", [doc_id])
        if not rows:
            return None
        doc = rows[0]
        for key in ("metadata", "removals", "conflicts"):
            doc[key] = json.loads(doc[key]) if doc[key] else ({} if key == "metadata" else [])
        for key in ("report_start", "report_end", "ingested_at"):
            doc[key] = _iso(doc[key])
        return doc

    def document_reports(self, doc_id: str) -> list[dict[str, Any]]:
        """The events one article asserts, in text order, each with the event it belongs to."""
        ids = [r["event_id"] for r in self._select("SELECT event_id FROM events WHERE doc_id = ?", [doc_id])]
        reports = list(self.report_rows(ids).values())
        owners = self.report_owners([doc_id])
        for r in reports:
            r["owner"] = owners.get(r["event_id"], r["event_id"])
        return sorted(reports, key=lambda r: ((r["evidence_spans"] or [[0, 0]])[0][0], r["event_id"]))

    # -- the home page --------------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        counts = self.store.counts()
        counts["consolidated"] = self.con.execute("SELECT count(*) FROM consolidated").fetchone()[0]
        skip_reasons = self._select("SELECT reason, count(*) AS n FROM skips GROUP BY reason ORDER BY n DESC, reason")
        return {"counts": counts, "skip_reasons": skip_reasons, "skips": self.store.skips()[:SKIPS_LIMIT]}

    def pairs(self, country: str | None = None) -> list[dict[str, Any]]:
        """Every pair of states (events with exactly two countries) with its counts, most events first."""
        only = " AND list_contains(countries, ?)" if country else ""
        return self._dated(self._select(
            "SELECT countries[1] AS a, countries[2] AS b, count(*) AS n, count(*) FILTER (WHERE type = 'message')"
            " AS messages, max(coalesce(date_max, date_min)) AS last FROM consolidated"
            f" WHERE len(countries) = 2{only} GROUP BY ALL ORDER BY n DESC, a, b", [country] if country else []))

    def countries(self) -> list[dict[str, Any]]:
        """Every state in an event, with its events, messages, partners and latest day, most events first."""
        return self._dated(self._select(
            "SELECT iso3, count(DISTINCT event_id) AS n, count(DISTINCT event_id) FILTER (WHERE type = 'message')"
            " AS messages, count(DISTINCT partner) FILTER (WHERE partner <> iso3) AS partners,"
            " max(coalesce(date_max, date_min)) AS last FROM (SELECT unnest(countries) AS iso3, countries, event_id,"
            " type, date_min, date_max FROM consolidated) c, LATERAL (SELECT unnest(c.countries) AS partner)"
            " GROUP BY iso3 ORDER BY n DESC, iso3"))

    @staticmethod
    def _dated(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for r in rows:
            r["last"] = _iso(r["last"])
        return rows

    def known_countries(self) -> set[str]:
        rows = self.con.execute("SELECT DISTINCT unnest(countries) FROM consolidated").fetchall()
        return {r[0] for r in rows if r[0]}

    def outlets(self) -> list[str]:
        """Every outlet named by a consolidated event's reports."""
        rows = self.con.execute("SELECT DISTINCT unnest(from_json(flat->'$.outlets', '[\"VARCHAR\"]')) AS o"
                                " FROM consolidated ORDER BY o").fetchall()
        return [r[0] for r in rows if r[0]]

    # -- search ---------------------------------------------------------------------------------
    def events_of_actor(self, name: str, limit: int = 200) -> list[str]:
        """Ids of consolidated events whose sender or recipient name contains `name` (case-insensitive)."""
        rows = self.con.execute(
            "SELECT event_id FROM consolidated WHERE flat->>'$.source' ILIKE ? OR flat->>'$.target' ILIKE ?"
            " ORDER BY coalesce(date_max, date_min) DESC NULLS LAST, event_id LIMIT ?",
            [f"%{name}%", f"%{name}%", limit]).fetchall()
        return [r[0] for r in rows]

    def words_of(self, text: str) -> list[str]:
        """The words of a query as the evidence is split into words (store.words)."""
        return query_words(self.con, text)

    def events_with_words(self, words: list[str], limit: int = 200) -> list[str]:
        """Ids of consolidated events one of whose reports holds every one of the words (in its evidence
        or occasion), newest first; looked up in the word index, never by reading every text."""
        reports = reports_with_words(self.con, words)
        if not reports:
            return []
        docs = [r[0] for r in self.con.execute("SELECT DISTINCT doc_id FROM events WHERE list_contains(?, event_id)",
                                                [reports]).fetchall()]
        owners = self.report_owners(docs)
        ids = sorted({owners[r] for r in reports if r in owners})
        rows = self.con.execute("SELECT event_id FROM consolidated WHERE list_contains(?, event_id)"
                                " ORDER BY coalesce(date_max, date_min) DESC NULLS LAST, event_id LIMIT ?",
                                [ids, limit]).fetchall()
        return [r[0] for r in rows]

    def events_of_occasion(self, words: str, limit: int = 200) -> list[str]:
        """Ids of consolidated events whose occasion contains the words (case-insensitive)."""
        rows = self.con.execute(
            "SELECT event_id FROM consolidated WHERE flat->>'$.occasion' ILIKE ?"
            " ORDER BY coalesce(date_max, date_min) DESC NULLS LAST, event_id LIMIT ?",
            [f"%{words}%", limit]).fetchall()
        return [r[0] for r in rows]


def _tally(values: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
