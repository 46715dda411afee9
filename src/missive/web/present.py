"""How facts read on a page: date windows, parties, directions, and the marked-up texts.

Jinja filters and globals, registered once on the templates' environment. Everything that
turns stored text into HTML goes through highlight.render_text, which escapes it.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..consolidation.consolidate import SYMMETRIC_TYPES
from ..model import EVENT_TYPES
from .chart import messages_chart
from .highlight import Layer, excerpt_bounds, render_excerpt, render_text
from .pages import country_name


def when_text(row: dict[str, Any]) -> str:
    """A date window in words: one day, a range, an open bound, or undated."""
    lo, hi = row.get("date_min"), row.get("date_max")
    if lo and hi:
        return lo if lo == hi else f"{lo} – {hi}"
    if hi:
        return f"by {hi}"
    if lo:
        return f"from {lo}"
    return "undated"


def date_why(row: dict[str, Any]) -> str:
    """Why the window: a lone report's own reason reads better than 'intersection of 1 reports'."""
    reports = row.get("reports") or []
    if len(reports) == 1 and reports[0].get("date_reason"):
        return reports[0]["date_reason"]
    return row.get("date_reason") or ""


def party(name: str | None, iso3: str | None) -> str:
    """'Xi Jinping (China)', or the country alone when no person is named."""
    if not iso3:
        return name or "?"
    country = country_name(iso3)
    return f"{name} ({country})" if name and name != country else country


def direction(row: dict[str, Any]) -> str:
    """Who wrote to whom; meetings and agreements have no direction, only participants."""
    countries = row.get("countries") or sorted({c for c in (row.get("source_country"), row.get("target_country"),
                                                             *(row.get("participants") or [])) if c})
    if row.get("type") in SYMMETRIC_TYPES or not (row.get("source_country") and row.get("target_country")):
        return " · ".join(country_name(c) for c in countries)
    return f"{party(row.get('source'), row.get('source_country'))} → {party(row.get('target'), row.get('target_country'))}"


def event_summary(row: dict[str, Any]) -> str:
    medium = f" ({row['medium']})" if row.get("medium") and row.get("medium") != row.get("type") else ""
    return f"{row.get('type', '')}{medium}: {direction(row)}, {when_text(row)}"


def report_layers(report: dict[str, Any], with_removals: bool = True) -> list[Layer]:
    """The marks of one report on its article: evidence, quotes, and what cleaning removed."""
    doc = report.get("document") or {}
    layers = [Layer(r["start_char"], r["end_char"], "removed", r.get("reason", "")) for r in
              (doc.get("removals") or [])] if with_removals else []
    layers += [Layer(s, e, "evidence", "evidence of this event", report["event_id"])
               for s, e in report.get("evidence_spans") or []]
    layers += [Layer(q[0], q[1], "quote", "quoted wording") for q in report.get("quotes") or []]
    return layers


def report_excerpt(report: dict[str, Any]) -> Markup:
    """The lines of the article that hold the evidence, marked."""
    text = (report.get("document") or {}).get("original") or ""
    bounds = excerpt_bounds(text, [tuple(s) for s in report.get("evidence_spans") or []])
    return render_excerpt(text, report_layers(report), bounds)


def report_fulltext(report: dict[str, Any]) -> Markup:
    text = (report.get("document") or {}).get("original") or ""
    return render_text(text, report_layers(report), anchor_prefix=f"r{report['event_id']}-")


def article_text(data: dict[str, Any]) -> Markup:
    """The original article: removed pieces struck with their reason, each event's evidence linked."""
    doc = data["document"]
    layers = [Layer(r["start_char"], r["end_char"], "removed", r.get("reason", "")) for r in doc.get("removals") or []]
    for rep in data["reports"]:
        href = f"/event/{rep['owner']}"
        layers += [Layer(s, e, "evidence", event_summary(rep), rep["event_id"], href)
                   for s, e in rep.get("evidence_spans") or []]
        layers += [Layer(q[0], q[1], "quote", "quoted wording") for q in rep.get("quotes") or []]
    return render_text(doc.get("original") or "", layers)


def pair_chart(data: dict[str, Any]) -> Markup:
    return messages_chart([tuple(y) for y in data["trends"]["per_year"]], data["a"], data["b"])


def web_url(url: str | None) -> str:
    """An article's URL as a link target only when it is http(s): a javascript: URL must not become a link."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def register_filters(env: Environment) -> None:
    env.filters.update(web_url=web_url, date_why=date_why, when=when_text, country=country_name, direction=direction, summary=event_summary,
                       party=lambda row, side: party(row.get(side), row.get(f"{side}_country")))
    env.globals.update(report_excerpt=report_excerpt, report_fulltext=report_fulltext, article_text=article_text,
                       pair_chart=pair_chart, event_types=EVENT_TYPES)
