"""Read-only questions the pages ask the store, answered as plain dicts (the .json twins).

The store's own methods answer what they can (events, consolidated, skips, counts); the few
questions they do not (an article by id, one document's events, top pairs, replies to an event)
are read-only SELECTs over ``store.con`` kept here. A store written before consolidation existed
(no ``consolidated`` table, opened read-only so never migrated) still serves every page: each
stored report then stands alone as one event with one source.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .database import Store

LATEST_LIMIT = 12
TOP_PAIRS_LIMIT = 12
SKIPS_LIMIT = 50


class Reader:
    """The store seen by the web pages: one instance per request, never writing."""

    def __init__(self, store: Store):
        self.store = store
        self.con = store.con
        self.tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        self.event_columns = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}

    @property
    def is_consolidated(self) -> bool:
        return "consolidated" in self.tables

    # -- rows of both shapes -------------------------------------------------------------------
    def _select(self, sql: str, args: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, args or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def interactions(self, a: str, b: str, type_: str | None = None,
                     since: date | None = None, until: date | None = None) -> list[dict[str, Any]]:
        """The events between two states, oldest first, each with n_sources and its reports."""
        if self.is_consolidated:
            return self.store.consolidated((a, b), since, until, type_)
        rows = self.store.events((a, b), type_, since, until)
        return sorted((as_interaction(r) for r in rows), key=timeline_order)

    def interaction(self, event_id: str) -> dict[str, Any] | None:
        """One event by its id (consolidated, or a single stored report when not consolidated)."""
        if self.is_consolidated:
            row = self.con.execute("SELECT flat FROM consolidated WHERE event_id = ?", [event_id]).fetchone()
            return json.loads(row[0]) if row else None
        found = self.store.events_by_id([event_id])
        return as_interaction(found[0]) if found else None

    def report_owners(self, doc_ids: list[str]) -> dict[str, str]:
        """Stored report id -> the consolidated event holding it, for the given articles."""
        if not self.is_consolidated or not doc_ids:
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
        if self.is_consolidated:
            rows = self.con.execute("SELECT flat FROM consolidated WHERE json_extract_string(flat, '$.in_reply_to') = ?"
                                    " ORDER BY date_min NULLS LAST, event_id", [event_id]).fetchall()
            return [json.loads(r[0]) for r in rows]
        ids = [r["event_id"] for r in self._select("SELECT event_id FROM events WHERE in_reply_to = ?", [event_id])]
        return [as_interaction(r) for r in self.store.events_by_id(ids)] if ids else []

    # -- reports and articles -------------------------------------------------------------------
    def report_rows(self, report_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Stored reports by id, with their quotes as [start_char, end_char, text] when recorded."""
        rows = {r["event_id"]: r for r in self.store.events_by_id(report_ids)} if report_ids else {}
        if rows and "quotes" in self.event_columns:
            for rid, quotes in self.con.execute(
                    "SELECT event_id, quotes FROM events WHERE list_contains(?, event_id)", [report_ids]).fetchall():
                rows[rid]["quotes"] = json.loads(quotes) if quotes else []
        return rows

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
            doc[key] = doc[key].isoformat() if doc[key] else None
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
        if self.is_consolidated:
            counts["consolidated"] = self.con.execute("SELECT count(*) FROM consolidated").fetchone()[0]
        skip_reasons = self._select("SELECT reason, count(*) AS n FROM skips GROUP BY reason ORDER BY n DESC, reason")
        return {"counts": counts, "skip_reasons": skip_reasons, "skips": self.store.skips()[:SKIPS_LIMIT],
                "top_pairs": self.top_pairs(), "latest": self.latest(), "consolidated": self.is_consolidated}

    def top_pairs(self, limit: int = TOP_PAIRS_LIMIT) -> list[dict[str, Any]]:
        """Pairs of states with the most interactions (events with exactly two countries)."""
        if self.is_consolidated:
            sql = ("SELECT countries[1] AS a, countries[2] AS b, count(*) AS n,"
                   " count(*) FILTER (WHERE type = 'message') AS messages, max(coalesce(date_max, date_min)) AS last"
                   " FROM consolidated WHERE len(countries) = 2 GROUP BY ALL ORDER BY n DESC, a, b LIMIT ?")
        else:
            sql = ("SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,"
                   " count(*) AS n, count(*) FILTER (WHERE type = 'message') AS messages,"
                   " max(coalesce(date_max, date_min)) AS last FROM events"
                   " WHERE coalesce(source_country, '') <> '' AND coalesce(target_country, '') <> ''"
                   " AND source_country <> target_country GROUP BY ALL ORDER BY n DESC, a, b LIMIT ?")
        rows = self._select(sql, [limit])
        for r in rows:
            r["last"] = r["last"].isoformat() if r["last"] else None
        return rows

    def latest(self, limit: int = LATEST_LIMIT) -> list[dict[str, Any]]:
        """The most recent events (by the latest day they can have happened)."""
        if self.is_consolidated:
            rows = self.con.execute("SELECT flat FROM consolidated ORDER BY coalesce(date_max, date_min) DESC NULLS LAST,"
                                    " event_id LIMIT ?", [limit]).fetchall()
            return [json.loads(r[0]) for r in rows]
        return [as_interaction(r) for r in self.store.events()[:limit]]

    # -- search ---------------------------------------------------------------------------------
    def pairs_of(self, country: str) -> list[dict[str, Any]]:
        return [p for p in self.top_pairs(limit=10_000) if country in (p["a"], p["b"])]

    def events_of_actor(self, name: str, limit: int = 50) -> list[dict[str, Any]]:
        """Stored reports whose sender or recipient name contains ``name`` (case-insensitive)."""
        ids = [r["event_id"] for r in self._select(
            "SELECT event_id FROM events WHERE source ILIKE ? OR target ILIKE ?"
            " ORDER BY coalesce(date_max, date_min) DESC NULLS LAST, event_id LIMIT ?",
            [f"%{name}%", f"%{name}%", limit])]
        rows = self.store.events_by_id(ids) if ids else []
        return sorted(rows, key=lambda r: (r["date_max"] or r["date_min"] or "", r["event_id"]), reverse=True)

    def known_countries(self) -> set[str]:
        rows = self.con.execute("SELECT DISTINCT source_country FROM events UNION SELECT DISTINCT target_country"
                                " FROM events UNION SELECT DISTINCT unnest(participants) FROM events").fetchall()
        return {r[0] for r in rows if r[0]}


def as_interaction(row: dict[str, Any]) -> dict[str, Any]:
    """A stored report in the consolidated shape: one event, one report, one source, no conflicts."""
    out = dict(row)
    out.update({
        "docs": [row["doc"]], "n_sources": 1, "n_reports": 1, "outlets": [], "conflicts": [],
        "countries": sorted({c for c in (row["source_country"], row["target_country"], *row["participants"]) if c}),
        "reports": [{"event_id": row["event_id"], "doc": row["doc"], "outlet": "", "background": row["background"],
                     "medium": row["medium"], "date_min": row["date_min"], "date_max": row["date_max"],
                     "date_reason": row["date_reason"], "occasion": row["occasion"],
                     "reported_by": row["reported_by"],
                     "evidence": [{"start_char": s, "end_char": e, "text": ""} for s, e in row["evidence_spans"]]}],
    })
    return out


def timeline_order(row: dict[str, Any]) -> tuple[str, str, str]:
    """Oldest first by the earliest possible day; open windows last."""
    return (row.get("date_min") or row.get("date_max") or "9999", row.get("date_max") or "9999", row["event_id"])
