"""The store side of `missive export`: consolidated events or reports, a chunk at a time.

An export can cover a whole store, so rows are fetched in chunks from a cursor of their own
(never all at once) and each chunk is completed with what the export needs beyond the stored
flat record: the URLs of the reporting articles, and for reports their consolidated event.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .database import Store, article_outlet, row_to_flat
from .filters import EventFilter, clauses, consolidated_where, order_sql, reports_where

CHUNK_ROWS = 1000
_OUTLET = "d.outlet"  # a report's outlet, for --outlet (the article's own; credited agencies are not its outlet)
# Each report's consolidated event, read from the consolidated record's list of reports.
_LINKS = ("SELECT event_id AS consolidated_id, unnest(json_extract_string(flat, '$.reports[*].event_id'))"
          " AS report_id FROM consolidated")


def consolidated_chunks(store: Store, f: EventFilter = EventFilter(), order: str = "date",
                        size: int = CHUNK_ROWS) -> Iterator[list[dict[str, Any]]]:
    """Consolidated events as flat dicts in the order of the listings (store.filters.order_sql),
    each with `urls`: its articles' addresses."""
    where, args = consolidated_where(f)
    sql = f"SELECT flat FROM consolidated{clauses(where)} ORDER BY {order_sql(order)}"
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, args)
        while rows := cursor.fetchmany(size):
            flats = [json.loads(r[0]) for r in rows]
            urls = _report_urls(store, [r["event_id"] for f in flats for r in f.get("reports") or []])
            for flat in flats:
                found = (urls.get(r["event_id"], "") for r in flat.get("reports") or [])
                flat["urls"] = list(dict.fromkeys(u for u in found if u))
            yield flats
    finally:
        cursor.close()


def _report_urls(store: Store, report_ids: list[str]) -> dict[str, str]:
    rows = store.con.execute("SELECT e.event_id, d.url FROM events e JOIN documents d USING (content_hash)"
                             " WHERE list_contains(?, e.event_id)", [report_ids]).fetchall()
    return {event_id: url or "" for event_id, url in rows}


def report_chunks(store: Store, f: EventFilter = EventFilter(),
                  size: int = CHUNK_ROWS) -> Iterator[list[dict[str, Any]]]:
    """Reports (one article's assertion each) as flat dicts, oldest first, each with its article's
    `url` and `outlet` and the id of the consolidated event it belongs to (`consolidated_id`)."""
    where, args = reports_where(f, outlet_sql=_OUTLET)
    sql = (f"SELECT e.*, d.url AS doc_url, d.outlet AS doc_outlet, d.metadata AS doc_metadata, l.consolidated_id"
           f" FROM events e JOIN documents d USING (content_hash) LEFT JOIN ({_LINKS}) l ON l.report_id = e.event_id"
           + clauses(where)
           + " ORDER BY coalesce(e.date_min, e.date_max) NULLS LAST, e.date_max NULLS LAST, e.doc_id, e.event_id")
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, args)
        cols = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(size):
            yield [_report_flat(dict(zip(cols, row))) for row in rows]
    finally:
        cursor.close()


def _report_flat(row: dict[str, Any]) -> dict[str, Any]:
    extra = {"url": row.pop("doc_url") or "", "outlet": article_outlet(row),
             "consolidated_id": row.pop("consolidated_id")}
    row.pop("doc_outlet")
    row.pop("doc_metadata")
    return {**row_to_flat(row), **extra}
