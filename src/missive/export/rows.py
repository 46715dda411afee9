"""The export's columns, each with its type and meaning, and the rows built from stored records.

The columns are defined once here: the writers take their types from them (Parquet schema), the
README documents each of them (a test checks), and `event_row` / `report_row` fill them from the
flat records the store gives (missive.store.exports) plus the CAMEO/PLOVER codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..temporal.calendar_spans import window_of
from .codes import CodeTable

LEVELS = ("event", "report")


@dataclass(frozen=True, slots=True)
class Column:
    """An exported column: name, kind (str, date, int, float, bool, list, spans) and meaning."""

    name: str
    kind: str
    doc: str


_WHEN = (
    Column("date_min", "date", "first day the event can have happened on (empty: open)"),
    Column("date_max", "date", "last day the event can have happened on (empty: open)"),
    Column("date_precision", "str", "what the window's bounds are: day, week, month, year, range or open"),
    Column("date_reason", "str", "why this window: the expression read and the rule that resolved it"),
)
_WHAT = (
    Column("type", "str", "message, call, meeting, agreement or relations"),
    Column("medium", "str", "letter, message, greeting, cable, verbal_message, reply, call, video_call; for "
                            "relations: establish, restore, sever, open_mission, close_mission, *_envoy"),
    Column("source", "str", "who acted (the sender, caller, visitor), by canonical name"),
    Column("source_country", "str", "the source's state, ISO 3166-1 alpha-3"),
    Column("target", "str", "to whom (the addressee, the called, the host), by canonical name"),
    Column("target_country", "str", "the target's state, ISO 3166-1 alpha-3"),
    Column("participants", "list", "the states of a multilateral meeting or agreement (source and target empty)"),
    Column("occasion", "str", "what the event marks, as the text names it"),
    Column("in_reply_to", "str", "the id of the message this one answers"),
)
_TRUST = (
    Column("reported_by", "list", "the media the articles credit as their source (KCNA, Yonhap, ...)"),
    Column("confidence", "float", "how sure the extraction is, 0-1 (highest of the reports)"),
    Column("background", "bool", "true when the event is context in every article, not its news"),
    Column("evidence", "str", "the sentences that assert it, joined with ' … '"),
)
_CODES = (
    Column("cameo_code", "str", "the CAMEO event code the type and medium map to (data/event_codes.csv)"),
    Column("cameo_name", "str", "the CAMEO code's name"),
    Column("plover_type", "str", "the PLOVER event type (empty where PLOVER has none, e.g. messages)"),
    Column("plover_mode", "str", "the PLOVER mode (phone, visit, withdraw, expel; empty when none)"),
    Column("codes_note", "str", "why these codes, or why a scheme has none"),
)
EVENT_COLUMNS = (
    Column("event_id", "str", "the consolidated event's id"),
    *_WHEN, *_WHAT,
    Column("n_sources", "int", "independent sources (syndicated copies of one wire story count once)"),
    Column("n_reports", "int", "articles that report it"),
    Column("outlets", "list", "the outlets of those articles"),
    Column("urls", "list", "the addresses of those articles (where known)"),
    Column("docs", "list", "the ids of those articles"),
    *_TRUST,
    Column("n_conflicts", "int", "disagreements between the reports (dates, medium) kept, not resolved"),
    *_CODES,
)
REPORT_COLUMNS = (
    Column("event_id", "str", "the report's id: one article's assertion of an event"),
    Column("consolidated_id", "str", "the id of the consolidated event the report belongs to"),
    Column("doc", "str", "the id of the article"),
    Column("url", "str", "the article's address (where known)"),
    Column("outlet", "str", "the article's outlet (else the agency or state medium it credits)"),
    *_WHEN, *_WHAT, *_TRUST,
    Column("evidence_spans", "spans", "[start_char, end_char) of each evidence sentence in the original article"),
    *_CODES,
)


def columns_of(level: str) -> tuple[Column, ...]:
    return EVENT_COLUMNS if level == "event" else REPORT_COLUMNS


def event_row(flat: dict[str, Any], table: CodeTable) -> dict[str, Any]:
    """One consolidated event (the store's flat record plus `urls`) as an export row."""
    row = {c.name: flat.get(c.name) for c in EVENT_COLUMNS}
    row["n_conflicts"] = len(flat.get("conflicts") or [])
    return _finish(row, flat, table)


def report_row(flat: dict[str, Any], table: CodeTable) -> dict[str, Any]:
    """One report (a stored event with its article's url and outlet) as an export row."""
    row = {c.name: flat.get(c.name) for c in REPORT_COLUMNS}
    return _finish(row, flat, table)


def _finish(row: dict[str, Any], flat: dict[str, Any], table: CodeTable) -> dict[str, Any]:
    """The window's precision and the codes (cued by the evidence: the sentences about this event)."""
    lo, hi = _day(flat.get("date_min")), _day(flat.get("date_max"))
    row["date_precision"] = window_of(lo, hi, "").precision
    codes = table.codes_for(flat["type"], flat.get("medium") or "", flat.get("evidence") or "")
    row.update(cameo_code=codes.cameo, cameo_name=codes.cameo_name, plover_type=codes.plover_type,
               plover_mode=codes.plover_mode, codes_note=codes.note)
    return row


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
