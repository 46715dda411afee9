"""What each page shows, as JSON-ready dicts: the HTML page and its .json twin share one builder.

Rendering concerns (escaping, marks, SVG) stay in the templates and in highlight/chart; here
only the facts are gathered and grouped, so a script reading /pair/CHN/PRK.json sees exactly
what an analyst sees on /pair/CHN/PRK.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from ..consolidation.pair_analysis import Gap, pair_stats, window_midpoint
from ..knowledge.tables import Table, read_table
from ..model import EVENT_TYPES
from ..store.queries import Reader


def country_names() -> dict[str, str]:
    """ISO3 -> common name, from the countries table (the user's data folder included)."""
    return _country_names(read_table("countries"))


@lru_cache(maxsize=4)
def _country_names(table: Table) -> dict[str, str]:
    return {row["iso3"]: row["name"] for row in table.rows}


def country_name(iso3: str) -> str:
    return country_names().get(iso3, iso3)


def event_year(row: dict[str, Any]) -> int | None:
    """The year a timeline files an event under: its window's midpoint, else its one known bound."""
    mid = window_midpoint(row)
    if mid:
        return mid.year
    bound = row.get("date_min") or row.get("date_max")
    return int(str(bound)[:4]) if bound else None


def group_by_year(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline sections, oldest year first, undated events last."""
    groups: dict[int | None, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(event_year(row), []).append(row)
    years = sorted(y for y in groups if y is not None)
    out = [{"year": y, "events": groups[y]} for y in years]
    if None in groups:
        out.append({"year": None, "events": groups[None]})
    return out


def _gap_json(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {"from_id": gap.from_id, "to_id": gap.to_id, "from_day": gap.from_day.isoformat(),
            "to_day": gap.to_day.isoformat(), "days": gap.days, "label": gap.label}


def trends(rows: list[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """Messages per year in each direction, the longest silence and the reply lags."""
    stats = pair_stats(rows, a, b)
    lags = [g.days for g in stats.reply_lags]
    return {"per_year": [list(y) for y in stats.per_year], "undated_messages": stats.undated,
            "longest_silence": _gap_json(stats.longest_silence),
            "reply_lags": [_gap_json(g) for g in stats.reply_lags],
            "median_reply_days": sorted(lags)[len(lags) // 2] if lags else None}


def year_bounds(since: int | None, until: int | None) -> tuple[date | None, date | None]:
    return (date(since, 1, 1) if since else None, date(until, 12, 31) if until else None)


def pair_page(reader: Reader, a: str, b: str, type_: str | None = None,
              since: int | None = None, until: int | None = None) -> dict[str, Any] | None:
    """The pair's timeline (filtered), its chart data and trends; None when the pair has no event."""
    everything = reader.interactions(a, b)
    if not everything:
        return None
    start, end = year_bounds(since, until)
    in_years = reader.interactions(a, b, None, start, end) if (start or end) else everything
    shown = [r for r in in_years if not type_ or r["type"] == type_]
    years = sorted({y for r in everything if (y := event_year(r))})
    return {
        "a": a, "b": b, "a_name": country_name(a), "b_name": country_name(b),
        "filters": {"type": type_, "since": since, "until": until},
        "types": [t for t in EVENT_TYPES if any(r["type"] == t for r in everything)],
        "years_available": [years[0], years[-1]] if years else [],
        "n_total": len(everything), "n_shown": len(shown), "consolidated": reader.is_consolidated,
        "trends": trends(in_years, a, b),
        "timeline": group_by_year(shown),
    }


def _document_head(doc: dict[str, Any]) -> dict[str, Any]:
    """What a report shows of its article: enough to place the evidence in the original text."""
    keys = ("doc_id", "title", "url", "outlet", "path", "report_start", "report_end", "report_reason",
            "original", "removals")
    return {k: doc.get(k) for k in keys}


def event_page(reader: Reader, event_id: str) -> dict[str, Any] | None:
    """One event with every report of it (document, evidence, quotes, reasons) and its reply links."""
    event = reader.interaction(event_id)
    if event is None:
        return None
    ids = [r["event_id"] for r in event.get("reports", [])]
    stored = reader.report_rows(ids)
    reports = []
    for summary in event.get("reports", []):
        row = stored.get(summary["event_id"], {})
        doc = reader.document(summary["doc"])
        reports.append({**summary, "source": row.get("source", ""), "target": row.get("target", ""),
                        "source_country": row.get("source_country", ""), "target_country": row.get("target_country", ""),
                        "reasons": row.get("reasons", []), "pattern": row.get("pattern", ""),
                        "confidence": row.get("confidence"), "quotes": row.get("quotes", []),
                        "evidence_spans": row.get("evidence_spans") or [[e["start_char"], e["end_char"]]
                                                                         for e in summary.get("evidence", [])],
                        "document": _document_head(doc) if doc else None})
    answered = reader.interaction(event["in_reply_to"]) if event.get("in_reply_to") else None
    if answered is None and event.get("in_reply_to"):
        owner = reader.owner_of_report(event["in_reply_to"])
        answered = reader.interaction(owner) if owner else None
    countries = event.get("countries") or []
    return {"event": event, "reports": reports, "in_reply_to": answered, "answers": reader.answers_to(event_id),
            "pair": countries[:2] if len(countries) >= 2 else [], "consolidated": reader.is_consolidated}


def article_page(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """An article: its texts, what cleaning removed and why, and the events found in it."""
    doc = reader.document(doc_id)
    if doc is None:
        return None
    return {"document": doc, "reports": reader.document_reports(doc_id)}


def home_page(reader: Reader) -> dict[str, Any]:
    data = reader.overview()
    for pair in data["top_pairs"]:
        pair["a_name"], pair["b_name"] = country_name(pair["a"]), country_name(pair["b"])
    return data
