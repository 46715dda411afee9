"""The two tables of dated public facts, read once: ``data/foundings.csv`` and ``data/occasions.csv``.

Both tables share one shape so that users can extend them the same way: the packaged rows plus
the user's own files with the same columns, ';'-separated lists, and dates written YYYY-MM-DD
(or MM-DD for a day that recurs every year). Reading lives here, apart from the text matching
in ``anniversaries`` and ``occasions``, so that a bad row fails with its file and line number
whichever of them asks first.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import DataFileError


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


def _read_rows(name: str, extra: Iterable[Path]) -> list[tuple[str, int, dict[str, str]]]:
    sources = [(f"missive/data/{name}", resources.files("missive.data").joinpath(name).read_text("utf-8"))]
    sources += [(str(p), Path(p).read_text("utf-8")) for p in extra]
    rows = []
    for label, text in sources:
        for n, row in enumerate(csv.DictReader(text.splitlines()), 2):
            rows.append((label, n, {k: (v or "").strip() for k, v in row.items() if k}))
    return rows


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _parse_day(value: str, where: str) -> tuple[date, bool]:
    try:
        if re.fullmatch(r"\d\d-\d\d", value):
            return date.fromisoformat(f"0004-{value}"), True  # year 4: leap, so Feb 29 is allowed
        return date.fromisoformat(value), False
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {value!r} (want YYYY-MM-DD, or MM-DD for every year)") from exc


@lru_cache(maxsize=8)
def load_foundings(extra: tuple[Path, ...] = ()) -> tuple[Founding, ...]:
    """The packaged foundings table plus a user's own files (same columns), in file order."""
    out = []
    for label, n, row in _read_rows("foundings.csv", extra):
        day, recurring = _parse_day(row.get("date", ""), f"{label}:{n}")
        if recurring:
            raise DataFileError(f"{label}:{n}: a founding needs a full date")
        out.append(Founding(row["subject"], _split(row.get("aliases", "")), row.get("kind", "event"), day,
                            _split(row.get("iso3", ""))))
    return tuple(out)


@lru_cache(maxsize=8)
def load_occasions(extra: tuple[Path, ...] = ()) -> tuple[Occasion, ...]:
    """The packaged occasions table plus a user's own files (same columns), in file order."""
    out = []
    for label, n, row in _read_rows("occasions.csv", extra):
        start, recurring = _parse_day(row.get("start", ""), f"{label}:{n}")
        end = _parse_day(row["end"], f"{label}:{n}")[0] if row.get("end") else start
        groups = tuple(tuple(a.strip() for a in g.split("|") if a.strip()) for g in _split(row.get("keywords", "")))
        out.append(Occasion(row["label"], _split(row.get("aliases", "")), groups, _split(row.get("cues", "")),
                            start, end, _split(row.get("iso3", "")), row.get("kind", ""), recurring))
    return tuple(out)


@lru_cache(maxsize=1)
def country_names() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) pairs from data/countries.csv and the state rows of foundings.csv."""
    pairs = [(a, f.countries[0]) for f in load_foundings() if f.kind == "state" and f.countries for a in f.aliases]
    try:
        text = resources.files("missive.data").joinpath("countries.csv").read_text("utf-8")
    except FileNotFoundError:
        return tuple(pairs)
    for row in csv.DictReader(text.splitlines()):
        for col in ("name", "official_names", "aliases", "demonyms"):
            pairs += [(a, row["iso3"]) for a in _split(row.get(col) or "") if row.get("iso3")]
    return tuple(pairs)
