"""The one place that opens the knowledge files: CSV tables in missive/data, extended by a user's folder.

Everything Missive knows about the world (countries, leaders, titles, media, foundings, occasions,
triggers, frame words, surnames, chrome phrases) is a CSV table with a header row. Reading them
all one way means one set of rules for users who extend them:

- a user's data folder (``$MISSIVE_DATA``, or the folder a caller passes) holds files named like
  the packaged ones (``leaders.csv``, ``media.csv``, ...) with the same header; their rows are
  read after the packaged rows, so they add to the table, and a consumer keyed by name lets the
  later row win; a user row identical to one already read is read once, so a full copy of a
  packaged file with a few rows appended works too;
- lines starting with ``#`` are comments, blank lines are skipped, cells are stripped;
- every cell is checked against the table's schema (see ``schema``) when the table is loaded: a
  missing column, an unknown value in a closed column, a bad date or an unknown country code
  raises ``DataFileError`` naming the file, the line and the value.

Tables are cached per data folder, so each is read once per process and folder.
"""

from __future__ import annotations

import csv
import math
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from .schema import FLAG_SPELLINGS, SCHEMAS, Column, Schema

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
DATA_FOLDER_ENV = "MISSIVE_DATA"
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_RECURRING_DAY = re.compile(r"\d\d-\d\d")


class Row(dict):
    """One row of a table: column -> stripped cell, and `where` it was read ("file:line")."""

    __slots__ = ("where",)

    def __init__(self, values: dict[str, str], where: str) -> None:
        super().__init__(values)
        self.where = where


@dataclass(frozen=True, eq=False)
class Table:
    """The rows of one table, packaged rows first; one object per table and data folder, so
    derived structures can be cached on it."""

    name: str
    rows: tuple[Row, ...]


def user_data_folder() -> Path | None:
    """The user's data folder, from ``$MISSIVE_DATA``; None when unset."""
    value = os.environ.get(DATA_FOLDER_ENV, "").strip()
    return Path(value).expanduser() if value else None


def read_table(name: str, folder: str | Path | None = None) -> Table:
    """The table `name` (see schema.SCHEMAS): the packaged rows plus those of `folder`
    (default: the user's data folder), checked and cached."""
    chosen = Path(folder).expanduser() if folder is not None else user_data_folder()
    return _read_table(name, chosen.resolve() if chosen is not None else None)


@lru_cache(maxsize=64)
def _read_table(name: str, folder: Path | None) -> Table:
    schema = SCHEMAS[name]
    files = [PACKAGE_DATA / f"{name}.csv"]
    if folder is not None and (folder / f"{name}.csv").is_file() and folder != PACKAGE_DATA:
        files.append(folder / f"{name}.csv")
    rows: list[Row] = []
    seen: set[tuple[tuple[str, str], ...]] = set()
    for n, path in enumerate(files):
        for row in _read_file(path, schema):
            key = tuple(sorted(row.items()))
            if n and key in seen:
                continue  # a user's copy of a packaged row
            seen.add(key)
            rows.append(row)
    table = Table(name, tuple(rows))
    _check_countries(table, schema, folder)
    return table


def _read_file(path: Path, schema: Schema) -> list[Row]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the {schema.name} table ({exc})") from exc
    reader = csv.reader(text.splitlines())
    header = [h.strip() for h in next(reader, [])]
    missing = [c.name for c in schema.columns if c.is_required and c.name not in header]
    if missing:
        raise DataFileError(f"{path}:1: the header lacks the column(s) {', '.join(missing)}")
    columns = {c.name: c for c in schema.columns}
    rows = []
    for cells in reader:
        where = f"{path}:{reader.line_num}"
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{where}: {len(cells)} cells for {len(header)} columns (an unquoted comma?)")
        values = {h: c.strip() for h, c in zip(header, cells)}
        values |= {h: "" for h in header[len(cells):]}
        for name, value in values.items():
            if name in columns:
                values[name] = _checked(columns[name], value, where)
        rows.append(Row(values, where))
    return rows


def _checked(column: Column, value: str, where: str) -> str:
    """The cell as the consumers read it (flags as "1" or ""), or a DataFileError."""
    if not value:
        if not column.may_be_empty:
            raise DataFileError(f"{where}: the column {column.name} is empty")
        return value
    if column.kind == "flag":
        if value.lower() not in FLAG_SPELLINGS:
            raise DataFileError(f"{where}: {column.name} {value!r} is not a yes/no value (1 or 0)")
        return FLAG_SPELLINGS[value.lower()]
    if column.kind in ("choice", "choices"):
        values = value.split(";") if column.kind == "choices" else [value]
        for v in (v.strip() for v in values):
            if v and v not in column.choices:
                raise DataFileError(f"{where}: {column.name} {v!r} is not one of {', '.join(column.choices)}")
    elif column.kind == "number" and not _is_number(value):
        raise DataFileError(f"{where}: {column.name} {value!r} is not a number")
    elif column.kind in ("date", "day") and not _is_date(value, may_recur=column.kind == "day"):
        want = "YYYY-MM-DD, or MM-DD for every year" if column.kind == "day" else "YYYY-MM-DD"
        raise DataFileError(f"{where}: {column.name} {value!r} is not a date ({want})")
    return value


def _is_number(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False


def _is_date(value: str, may_recur: bool) -> bool:
    if may_recur and _RECURRING_DAY.fullmatch(value):
        value = f"2004-{value}"  # a leap year, so Feb 29 recurs too
    try:
        return bool(_DATE.fullmatch(value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


def _check_countries(table: Table, schema: Schema, folder: Path | None) -> None:
    """Country codes must be rows of countries.csv (the packaged ones or the user's)."""
    code_columns = [c for c in schema.columns if c.kind in ("iso3", "iso3s")]
    if not code_columns:
        return
    known = {r["iso3"] for r in (table if schema.name == "countries" else _read_table("countries", folder)).rows}
    for row in table.rows:
        for column in code_columns:
            for code in (c.strip() for c in row.get(column.name, "").split(";")):
                if code and code not in known:
                    raise DataFileError(f"{row.where}: {column.name} {code!r} is not a country code of countries.csv")
