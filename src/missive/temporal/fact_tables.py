"""The two tables of dated public facts as records: ``foundings.csv`` and ``occasions.csv``.

Both tables share one shape so that users can extend them the same way: the packaged rows plus
the rows of the user's data folder, ';'-separated lists, and dates written YYYY-MM-DD (or MM-DD
for a day that recurs every year). ``knowledge.tables`` reads and checks the files; here the
rows become records, apart from the text matching in ``anniversaries`` and ``occasions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..knowledge.tables import Table, read_table
from ..knowledge.words import name_key


@dataclass(frozen=True, slots=True)
class Founding:
    """One row of foundings.csv: something whose anniversaries are counted from ``day``."""

    subject: str
    aliases: tuple[str, ...]
    kind: str  # state | party | army | treaty | relations | organisation | event | birth | death
    day: date
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Occasion:
    """One row of occasions.csv; a recurring day has ``start``/``end`` in year 1."""

    label: str
    aliases: tuple[str, ...]
    keywords: tuple[tuple[str, ...], ...]  # every group must occur in one sentence
    cues: tuple[str, ...]  # optional phrases that make this row the better of several
    start: date
    end: date
    countries: tuple[str, ...]
    kind: str
    is_recurring: bool


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _parse_day(value: str) -> tuple[date, bool]:
    """A checked date cell (see knowledge.schema); MM-DD recurs every year."""
    if re.fullmatch(r"\d\d-\d\d", value):
        return date.fromisoformat(f"0004-{value}"), True  # year 4: leap, so Feb 29 is allowed
    return date.fromisoformat(value), False


def load_foundings(folder: Path | None = None) -> tuple[Founding, ...]:
    """The foundings table (packaged rows, then the data folder's), in file order."""
    return _foundings(read_table("foundings", folder))


def load_occasions(folder: Path | None = None) -> tuple[Occasion, ...]:
    """The occasions table (packaged rows, then the data folder's), in file order."""
    return _occasions(read_table("occasions", folder))


def country_names(folder: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(name, ISO3) pairs from the countries table and the state rows of the foundings table."""
    return _country_names(read_table("foundings", folder), read_table("countries", folder))


@lru_cache(maxsize=8)
def _foundings(table: Table) -> tuple[Founding, ...]:
    return tuple(Founding(row["subject"], _split(row.get("aliases", "")), row.get("kind", "event"),
                          _parse_day(row["date"])[0], _split(row.get("iso3", ""))) for row in table.rows)


@lru_cache(maxsize=8)
def _occasions(table: Table) -> tuple[Occasion, ...]:
    out = []
    for row in table.rows:
        start, recurring = _parse_day(row["start"])
        end = _parse_day(row["end"])[0] if row.get("end") else start
        groups = tuple(tuple(a.strip() for a in g.split("|") if a.strip()) for g in _split(row.get("keywords", "")))
        out.append(Occasion(row["label"], _split(row.get("aliases", "")), groups, _split(row.get("cues", "")),
                            start, end, _split(row.get("iso3", "")), row.get("kind", ""), recurring))
    return tuple(out)


def country_keys(folder: Path | None = None) -> dict[str, str]:
    """name_key of every country name -> its ISO3 (the first row naming it wins)."""
    return _country_keys(read_table("foundings", folder), read_table("countries", folder))


@lru_cache(maxsize=8)
def _country_keys(foundings: Table, countries: Table) -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, iso in _country_names(foundings, countries):
        keys.setdefault(name_key(name), iso)
    return keys


@lru_cache(maxsize=8)
def _country_names(foundings: Table, countries: Table) -> tuple[tuple[str, str], ...]:
    pairs = [(a, f.countries[0]) for f in _foundings(foundings) if f.kind == "state" and f.countries
             for a in f.aliases]
    for row in countries.rows:
        for col in ("name", "official_names", "aliases", "demonyms"):
            pairs += [(a, row["iso3"]) for a in _split(row.get(col) or "") if row.get("iso3")]
    return tuple(pairs)
