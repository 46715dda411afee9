"""How facts read on a page: date windows, parties, directions, the reasons of decisions, the marked-up texts.

Jinja filters and globals, registered once on the templates' environment. Everything that
turns stored text into HTML goes through highlight.render_text, which escapes it. Every field
that is a decision (actors, date, occasion, medium, reporting source, confidence, why one event)
reads with its reason: the extractor's and the consolidation's own words where they recorded
one, else what the record shows (where in the text the occasion stands, which outlet credits
whom).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..actors.countries import country_name
from ..consolidation.consolidate import SYMMETRIC_TYPES
from ..model import EVENT_TYPES
from .chart import events_chart
from .highlight import Layer, LayerKind, excerpt_bounds, render_excerpt, render_text

ACTOR_REASON_KEYS = ("source:", "target:", "subject:", "to-phrase:", "from-phrase:", "possessive:", "other party:")


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def day_text(value: str) -> str:
    """'2023-10-28' -> '28 Oct 2023'."""
    d = _day(value)
    return f"{d.day} {d.strftime('%b')} {d.year}"


def when_text(row: dict[str, Any]) -> str:
    """A date window in words: a day, a month, a year, a range, an open bound, or undated."""
    lo, hi = row.get("date_min"), row.get("date_max")
    if lo and hi:
        start, end = _day(lo), _day(hi)
        if start == end:
            return day_text(lo)
        if start.day == 1 and (end + timedelta(days=1)).day == 1 and lo[:7] == hi[:7]:
            return start.strftime("%B %Y")
        if lo[5:] == "01-01" and hi[5:] == "12-31" and lo[:4] == hi[:4]:
            return lo[:4]
        if lo[:4] == hi[:4]:
            return f"{start.day} {start.strftime('%b')} – {day_text(hi)}"
        return f"{day_text(lo)} – {day_text(hi)}"
    if hi:
        return f"by {day_text(hi)}"
    if lo:
        return f"from {day_text(lo)}"
    return "undated"


def date_why(row: dict[str, Any]) -> str:
    """The full reasoning behind the window: a lone report's own reason reads better than the merge's."""
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


def actor_reasons(report: dict[str, Any]) -> list[str]:
    """Why these parties: the report's reasons about its actors ('source: short name ...')."""
    return [r for r in report.get("reasons") or [] if r.startswith(ACTOR_REASON_KEYS)]


def medium_reason(report: dict[str, Any]) -> str:
    """Why this medium: read from the evidence around the trigger the extractor matched (pattern 'frame:word')."""
    pattern = report.get("pattern") or ""
    word = pattern.split(":", 1)[1] if ":" in pattern else ""
    return f"read from the evidence around the trigger “{word}” (pattern {pattern})" if word else ""


def occasion_reason(report: dict[str, Any]) -> str:
    """Where the occasion was read: in the evidence sentence, or elsewhere in the article."""
    occasion = (report.get("occasion") or "").strip()
    if not occasion:
        return ""
    evidence = " ".join(e.get("text", "") for e in report.get("evidence") or [])
    original = ((report.get("document") or {}).get("original") or "")
    if occasion.lower() in evidence.lower():
        return "named in the sentence of the evidence"
    if occasion.lower() in original.lower():
        return "named elsewhere in the article"
    return "the occasion the article's dates point to"


def reported_by_reason(report: dict[str, Any]) -> str:
    """Who the report cites, and whether the article names it or credits it in its header."""
    cited = report.get("reported_by") or []
    if not cited:
        return ""
    meta = ((report.get("document") or {}).get("metadata") or {})
    credited = [c for c in cited if c in (meta.get("agencies") or []) + (meta.get("state_media") or [])]
    what = "credited by the article" if credited else "named in the sentence"
    return f"{', '.join(cited)}: {what}"


def confidence_reason(row: dict[str, Any], reports: list[dict[str, Any]]) -> str:
    """What the confidence is, and where a report's parties were inferred rather than named."""
    value = row.get("confidence")
    if value is None:
        return ""
    text = f"{value:.2f} on a 0–1 scale: the extractor's confidence in a report (the event takes its best report's)"
    inferred = [r for rep in reports for r in actor_reasons(rep) if "not named" in r or "main pair" in r]
    return text + ("; lower where a party is inferred: " + "; ".join(dict.fromkeys(inferred)) if inferred else "")


def report_layers(report: dict[str, Any], with_removals: bool = True) -> list[Layer]:
    """The marks of one report on its article: evidence, quotes, and what cleaning removed."""
    doc = report.get("document") or {}
    layers = [Layer(r["start_char"], r["end_char"], LayerKind.REMOVED, r.get("reason", "")) for r in
              (doc.get("removals") or [])] if with_removals else []
    layers += [Layer(s, e, LayerKind.EVIDENCE, "evidence of this event", report["event_id"])
               for s, e in report.get("evidence_spans") or []]
    layers += [Layer(q[0], q[1], LayerKind.QUOTE, "quoted wording") for q in report.get("quotes") or []]
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
    layers = [Layer(r["start_char"], r["end_char"], LayerKind.REMOVED, r.get("reason", "")) for r in doc.get("removals") or []]
    for rep in data["reports"]:
        href = f"/event/{rep['owner']}"
        layers += [Layer(s, e, LayerKind.EVIDENCE, event_summary(rep), rep["event_id"], href)
                   for s, e in rep.get("evidence_spans") or []]
        layers += [Layer(q[0], q[1], LayerKind.QUOTE, "quoted wording") for q in rep.get("quotes") or []]
    return render_text(doc.get("original") or "", layers)


def chart(data: dict[str, Any], label: str) -> Markup:
    return events_chart(data["chart"]["counts"], label)


def web_url(url: str | None) -> str:
    """An article's URL as a link target only when it is http(s): a javascript: URL must not become a link."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def register_filters(env: Environment) -> None:
    env.filters.update(web_url=web_url, date_why=date_why, when=when_text, country=country_name, direction=direction,
                       summary=event_summary, day=day_text, plural=plural, actor_reasons=actor_reasons,
                       medium_reason=medium_reason, occasion_reason=occasion_reason,
                       reported_by_reason=reported_by_reason,
                       party=lambda row, side: party(row.get(side), row.get(f"{side}_country")))
    env.globals.update(report_excerpt=report_excerpt, report_fulltext=report_fulltext, article_text=article_text,
                       chart=chart, event_types=EVENT_TYPES, confidence_reason=confidence_reason)
