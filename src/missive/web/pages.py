"""What each page shows, as JSON-ready dicts: the HTML page, its .json twin and its downloads share one builder.

Rendering concerns (escaping, marks, SVG) stay in the templates and in highlight/chart; here
only the facts are gathered and grouped, so a script reading /pair/CHN/PRK.json?type=message sees
exactly what an analyst sees on /pair/CHN/PRK?type=message, and /pair/CHN/PRK.csv?type=message
holds the same events in the same order.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..actors.countries import country_name
from ..consolidation.pair_analysis import Gap, pair_stats
from ..store.filters import EventFilter
from ..store.queries import Reader

PAGE_SIZE = 50  # events per page of a country's or the store's list
TABLE_SIZE = 25  # rows per page of the home's pairs and countries
LATEST = 10
TABLE_ORDERS = ("events", "messages", "latest", "name")
MONTHS_FOR_YEARS = 36  # a chart spanning more months than this is drawn per year by default


def list_year(row: dict[str, Any]) -> int | None:
    """The year a timeline files an event under: that of the day it is sorted by (its earliest
    possible day, else its latest), so that the year groups keep the list's order."""
    bound = row.get("date_min") or row.get("date_max")
    return int(str(bound)[:4]) if bound else None


def group_by_year(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline sections in the order of the rows (oldest year first, undated events last)."""
    groups: list[dict[str, Any]] = []
    for row in rows:
        year = list_year(row)
        if not groups or groups[-1]["year"] != year:
            groups.append({"year": year, "events": []})
        groups[-1]["events"].append(row)
    return groups


def _gap_json(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {"from_id": gap.from_id, "to_id": gap.to_id, "from_day": gap.from_day.isoformat(),
            "to_day": gap.to_day.isoformat(), "days": gap.days, "label": gap.label}


def message_trends(rows: list[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """Of the messages among the rows: the longest silence and the reply lags."""
    stats = pair_stats([r for r in rows if r["type"] == "message"], a, b)
    lags = [g.days for g in stats.reply_lags]
    return {"longest_silence": _gap_json(stats.longest_silence),
            "reply_lags": [_gap_json(g) for g in stats.reply_lags],
            "median_reply_days": sorted(lags)[len(lags) // 2] if lags else None}


def chart_data(reader: Reader, f: EventFilter, unit: str | None) -> dict[str, Any]:
    """Events per period and type (stacked bars), per year or per month; months by default when
    the record spans three years or less."""
    per_year = reader.per_period(f, "year")
    years = sorted({int(p) for p, _, _ in per_year})
    chosen = unit or ("month" if years and (years[-1] - years[0] + 1) * 12 <= MONTHS_FOR_YEARS else "year")
    rows = per_year if chosen == "year" else reader.per_period(f, "month")
    return {"unit": chosen, "counts": [list(r) for r in rows], "unplaced": reader.unplaced(f)}


def _names(a: str, b: str | None = None) -> dict[str, str]:
    out = {"a": a, "a_name": country_name(a)}
    if b:
        out.update(b=b, b_name=country_name(b))
    return out


def pair_page(reader: Reader, a: str, b: str, f: EventFilter, unit: str | None = None) -> dict[str, Any] | None:
    """The pair's timeline under the filter, its facets, chart and message trends; None when the
    store holds no event of the pair at all."""
    everything = EventFilter((a, b))
    n_total = reader.count(everything)
    if not n_total:
        return None
    shown = reader.events(f)
    return {**_names(a, b), "n_total": n_total, "n_shown": len(shown), "facets": reader.facets(f),
            "tally": reader.tally(f), "chart": chart_data(reader, f, unit), "trends": message_trends(shown, a, b),
            "timeline": group_by_year(shown)}


def country_page(reader: Reader, iso: str, f: EventFilter, unit: str | None = None, order: str = "-date",
                 page: int = 1) -> dict[str, Any] | None:
    """A country: its partners ranked, counts by type and direction, the chart and its events (a page
    of them, newest first by default); None when the store holds no event of it."""
    n_total = reader.count(EventFilter((iso,)))
    if not n_total:
        return None
    n_shown = reader.count(f)
    partners = reader.partners(iso, f)
    for p in partners:
        p["name"] = country_name(p["partner"])
    return {**_names(iso), "n_total": n_total, "n_shown": n_shown, "facets": reader.facets(f),
            "tally": reader.tally(f), "partners": partners, "chart": chart_data(reader, f, unit),
            "events": reader.events(f, order, PAGE_SIZE, (page - 1) * PAGE_SIZE),
            "paging": paging(page, n_shown, PAGE_SIZE), "order": order}


def events_page(reader: Reader, f: EventFilter, order: str = "-date", page: int = 1) -> dict[str, Any]:
    """Every event the filter keeps, a page at a time, with the facets to narrow them."""
    n_shown = reader.count(f)
    return {"n_total": reader.count(), "n_shown": n_shown, "facets": reader.facets(f), "order": order,
            "events": reader.events(f, order, PAGE_SIZE, (page - 1) * PAGE_SIZE), "paging": paging(page, n_shown, PAGE_SIZE)}


def paging(page: int, total: int, size: int) -> dict[str, Any]:
    pages = max(1, -(-total // size))
    page = min(page, pages)
    return {"page": page, "pages": pages, "size": size, "first": (page - 1) * size + 1 if total else 0,
            "last": min(total, page * size)}


def _sorted_table(rows: list[dict[str, Any]], order: str, name: Any) -> list[dict[str, Any]]:
    keys = {"events": lambda r: (-r["n"], name(r)), "messages": lambda r: (-r["messages"], -r["n"], name(r)),
            "latest": lambda r: (-(int((r["last"] or "0000").replace("-", ""))), name(r)), "name": lambda r: name(r)}
    return sorted(rows, key=keys.get(order, keys["events"]))


def home_page(reader: Reader, pair_order: str = "events", pair_page: int = 1, country_order: str = "events",
              country_page_no: int = 1, new_since: datetime | None = None) -> dict[str, Any]:
    """The store at a glance: counts, the events first seen since a time, skipped inputs, every pair
    and every country (sorted, paged), the latest events."""
    data = reader.overview()
    pairs = reader.pairs()
    for p in pairs:
        p["a_name"], p["b_name"] = country_name(p["a"]), country_name(p["b"])
    countries = reader.countries()
    for c in countries:
        c["name"] = country_name(c["iso3"])
    pairs = _sorted_table(pairs, pair_order, lambda r: (r["a_name"], r["b_name"]))
    countries = _sorted_table(countries, country_order, lambda r: r["name"])
    pp, cp = paging(pair_page, len(pairs), TABLE_SIZE), paging(country_page_no, len(countries), TABLE_SIZE)
    data.update(pairs=pairs[pp["first"] - 1:pp["last"]], pair_paging=pp, pair_order=pair_order, n_pairs=len(pairs),
                countries=countries[cp["first"] - 1:cp["last"]], country_paging=cp, country_order=country_order,
                n_countries=len(countries), latest=reader.events(order="-date", limit=LATEST),
                new=reader.new_since(new_since))
    return data


def _document_head(doc: dict[str, Any]) -> dict[str, Any]:
    """What a report shows of its article: enough to place the evidence in the original text."""
    keys = ("doc_id", "title", "url", "outlet", "path", "report_start", "report_end", "report_reason",
            "original", "removals", "metadata")
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
    answered = reader.interaction(reader.resolve(event["in_reply_to"])[0] or "") if event.get("in_reply_to") else None
    if answered is None and event.get("in_reply_to"):
        owner = reader.owner_of_report(event["in_reply_to"])
        answered = reader.interaction(owner) if owner else None
    countries = event.get("countries") or []
    return {"event": event, "reports": reports, "in_reply_to": answered, "answers": reader.answers_to(event_id),
            "pair": countries[:2] if len(countries) >= 2 else [], "retired": []}


def article_page(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """An article: its texts, what cleaning removed and why, and the events found in it."""
    doc = reader.document(doc_id)
    if doc is None:
        return None
    return {"document": doc, "reports": reader.document_reports(doc_id)}

