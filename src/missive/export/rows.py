"""The export's columns, each with its type and meaning, and the rows built from stored records.

The columns that are fields of the flat event format come from model.FLAT_FIELDS; the others
(the window's precision, sources, codes) are defined once here: the writers take their types from them (Parquet schema), the
README documents each of them (a test checks), and `event_row` / `report_row` fill them from the
flat records the store gives (missive.store.exports) plus the CAMEO/PLOVER codes.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from ..model import FlatField, flat_field
from ..temporal.calendar_spans import window_of
from .codes import CodeTable, EventCodes

LEVELS = ("event", "report")


def _flat(*names: str) -> tuple[FlatField, ...]:
    """Columns that are fields of the flat event format, as model.FLAT_FIELDS defines them."""
    return tuple(flat_field(name) for name in names)


_WHEN = (
    *_flat("date_min", "date_max"),
    FlatField("date_precision", "str", "what the window's bounds are: day, week, month, year, range or open"),
    *_flat("date_reason"),
)
_WHAT = _flat("type", "medium", "source", "source_country", "target", "target_country", "participants", "occasion",
              "in_reply_to")
_TRUST = _flat("reported_by", "confidence", "background", "evidence")
_CODES = tuple(FlatField(f.metadata["column"], "str", f.metadata["doc"]) for f in fields(EventCodes))
EVENT_COLUMNS = (
    FlatField("event_id", "str", "the consolidated event's id"),
    *_WHEN, *_WHAT,
    FlatField("n_sources", "int", "independent sources (syndicated copies of one wire story count once)"),
    FlatField("n_reports", "int", "articles that report it"),
    FlatField("outlets", "list", "the outlets of those articles"),
    FlatField("urls", "list", "the addresses of those articles (where known)"),
    FlatField("docs", "list", "the ids of those articles"),
    *_TRUST,
    FlatField("n_conflicts", "int", "disagreements between the reports (dates, medium) kept, not resolved"),
    *_CODES,
)
REPORT_COLUMNS = (
    FlatField("event_id", "str", "the report's id: one article's assertion of an event"),
    FlatField("consolidated_id", "str", "the id of the consolidated event the report belongs to"),
    *_flat("doc"),
    FlatField("url", "str", "the article's address (where known)"),
    FlatField("outlet", "str", "the article's outlet (else the agency or state medium it credits)"),
    *_WHEN, *_WHAT, *_TRUST,
    *_flat("evidence_spans"),
    *_CODES,
)


def columns_of(level: str) -> tuple[FlatField, ...]:
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
    row.update(codes.as_columns())
    return row


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
