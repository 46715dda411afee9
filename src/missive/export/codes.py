"""CAMEO and PLOVER codes of Missive's events, from the knowledge table ``event_codes``.

GDELT, ICEWS and POLECAT users join on CAMEO codes or PLOVER types, so every exported event
carries the codes its type and medium map to. The table is data, not code: a row names a
Missive type, optionally a medium and optionally cues (word beginnings, ';'-separated, looked
for in the event's evidence sentences), and the codes. The most specific row wins: one of the
event's medium (a greeting is a greeting whatever it says), then one whose cue is in the evidence
(a letter of congratulations), then the type's default; among equals the later row (a user's
row, read after the packaged ones) wins. Where PLOVER has no type (it codes no messages), the
PLOVER columns stay empty and the row's note says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..knowledge.tables import Row, Table, read_table


def _exported(column: str, doc: str, default: str = "") -> Any:
    """A code and the export column that carries it, with the column's meaning (one definition)."""
    return field(default=default, metadata={"column": column, "doc": doc})


@dataclass(frozen=True, slots=True)
class EventCodes:
    """The codes one event maps to; empty strings where a scheme has no code for it."""

    cameo: str = _exported("cameo_code", "the CAMEO event code the type and medium map to (data/event_codes.csv)")
    cameo_name: str = _exported("cameo_name", "the CAMEO code's name")
    plover_type: str = _exported("plover_type", "the PLOVER event type (empty where PLOVER has none, e.g. messages)")
    plover_mode: str = _exported("plover_mode", "the PLOVER mode (phone, visit, withdraw, expel; empty when none)")
    note: str = _exported("codes_note", "why these codes, or why a scheme has none",
                          "no CAMEO or PLOVER code for this type")

    def as_columns(self) -> dict[str, str]:
        """The codes under their export column names."""
        return {f.metadata["column"]: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class CodeRow:
    """One row of the table: which events it covers and the codes they get."""

    type: str
    medium: str
    cues: tuple[str, ...]
    codes: EventCodes

    def matches(self, type_: str, medium: str, evidence: str) -> bool:
        if self.type != type_ or (self.medium and self.medium != medium):
            return False
        return not self.cues or bool(_cue_pattern(self.cues).search(evidence))

    @property
    def specificity(self) -> tuple[bool, bool]:
        return bool(self.medium), bool(self.cues)


@lru_cache(maxsize=64)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + ")", re.I)


class CodeTable:
    """The mapping table; `codes_for` answers for one event."""

    def __init__(self, rows: list[CodeRow]):
        self.rows = rows

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "CodeTable":
        """The packaged table, extended by a user's event_codes.csv (in `data_dir`, else $MISSIVE_DATA)."""
        return _code_table(read_table("event_codes", data_dir))

    def codes_for(self, type_: str, medium: str = "", evidence: str = "") -> EventCodes:
        found = [(r.specificity, n, r) for n, r in enumerate(self.rows) if r.matches(type_, medium or "", evidence or "")]
        return max(found, key=lambda f: f[:2])[2].codes if found else EventCodes()


@lru_cache(maxsize=8)
def _code_table(table: Table) -> CodeTable:
    return CodeTable([_code_row(row) for row in table.rows])


def _code_row(row: Row) -> CodeRow:
    cues = tuple(c.strip().lower() for c in row["cue"].split(";") if c.strip())
    codes = EventCodes(row["cameo"], row["cameo_name"], row["plover_type"], row["plover_mode"], row["note"])
    return CodeRow(row["type"], row["medium"], cues, codes)
