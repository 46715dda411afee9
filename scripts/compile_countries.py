"""Refresh src/missive/data/countries.csv from pycountry without losing hand-checked columns.

Why: ISO 3166 changes (names, new codes) should flow in from pycountry, while demonyms, capitals,
aliases and the paramount role were checked by hand and must survive every refresh. The CSV is
the source of truth; this script only adds missing countries and official names.

Usage: python scripts/compile_countries.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pycountry

from csv_tables import write_csv

DATA = Path(__file__).resolve().parents[1] / "src" / "missive" / "data"
COLUMNS = (
    "iso3", "name", "official_names", "aliases", "short_forms", "demonyms", "capitals",
    "sovereign", "short_name_first", "paramount_role", "bodies",
)


def read_rows(path: Path) -> dict[str, dict[str, str]]:
    """Existing rows by ISO3 (empty when the file does not exist yet)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: {c: row.get(c, "") or "" for c in COLUMNS} for row in csv.DictReader(handle)}


def plain_name(country: object) -> str:
    """pycountry's common name, or its name before an inverted ", Republic of" tail."""
    name = getattr(country, "common_name", None) or country.name  # type: ignore[attr-defined]
    return name.split(",")[0].strip()


def merge_official(row: dict[str, str], country: object) -> None:
    """Add pycountry's official and formal names to the row's official names, once each."""
    known = [v for v in row["official_names"].split(";") if v]
    for value in (getattr(country, "official_name", None), country.name):  # type: ignore[attr-defined]
        if value and "," not in value and value != row["name"] and value not in known:
            known.append(value)
    row["official_names"] = ";".join(known)


def compile_countries(path: Path) -> list[dict[str, str]]:
    rows = read_rows(path)
    for country in pycountry.countries:
        row = rows.setdefault(country.alpha_3, {c: "" for c in COLUMNS})
        row["iso3"] = country.alpha_3
        row["name"] = row["name"] or plain_name(country)
        merge_official(row, country)
    return sorted(rows.values(), key=lambda r: r["iso3"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA / "countries.csv")
    args = parser.parse_args()
    rows = compile_countries(args.out)
    write_csv(args.out, rows, COLUMNS)
    print(f"{len(rows)} countries -> {args.out}")


if __name__ == "__main__":
    main()
