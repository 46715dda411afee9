"""The pattern files: JSON Lines of spaCy patterns with our attributes, read in one place like the tables.

Trigger, role and filter patterns are spaCy's own pattern formats (Matcher token patterns,
DependencyMatcher patterns): nested lists and dicts that a CSV cell cannot hold readably, so
they live one JSON object per line (``triggers.jsonl``, ``role_patterns.jsonl``,
``filter_patterns.jsonl``). They follow the rules of the tables (see ``tables``): a user's data
folder adds lines after the packaged ones, lines starting with ``#`` and blank lines are skipped,
and every field is checked at load against ``schema.RECORD_SCHEMAS``, so a misspelt frame kind,
role or reason fails with ``DataFileError`` naming the file, the line and the value instead of
being read as something else far downstream.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .schema import RECORD_SCHEMAS, Field
from .tables import PACKAGE_DATA, Row, Table, user_data_folder


def read_records(name: str, folder: str | Path | None = None) -> Table:
    """The pattern file `name` (see schema.RECORD_SCHEMAS) as a Table of Rows (one per line, with
    `where` it was read): the packaged lines plus those of `folder` (default: the user's data
    folder), checked and cached."""
    chosen = Path(folder).expanduser() if folder is not None else user_data_folder()
    return _read_records(name, chosen.resolve() if chosen is not None else None)


@lru_cache(maxsize=32)
def _read_records(name: str, folder: Path | None) -> Table:
    files = [PACKAGE_DATA / f"{name}.jsonl"]
    if folder is not None and (folder / f"{name}.jsonl").is_file() and folder != PACKAGE_DATA:
        files.append(folder / f"{name}.jsonl")
    rows: list[Row] = []
    seen: set[str] = set()
    for n, path in enumerate(files):
        for record in _read_file(path, name):
            key = json.dumps(record, sort_keys=True)
            if n and key in seen:
                continue  # a user's copy of a packaged line
            seen.add(key)
            rows.append(record)
    return Table(name, tuple(rows))


def _read_file(path: Path, name: str) -> list[Row]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the {name} patterns ({exc})") from exc
    fields = RECORD_SCHEMAS[name]
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{n}"
        try:
            values = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{where}: not a JSON object ({exc.msg})") from exc
        if not isinstance(values, dict):
            raise DataFileError(f"{where}: not a JSON object")
        out.append(Row(_checked(values, fields, where), where))
    return out


def _checked(values: dict[str, Any], fields: tuple[Field, ...], where: str) -> dict[str, Any]:
    known = {f.name: f for f in fields}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise DataFileError(f"{where}: unknown field {unknown[0]!r} (fields: {', '.join(known)})")
    for f in fields:
        if f.name not in values:
            if f.is_required:
                raise DataFileError(f"{where}: the field {f.name!r} is missing")
            continue
        _check_value(f, values[f.name], where)
    return values


def _check_value(f: Field, value: Any, where: str) -> None:
    items = value if f.kind in ("choices", "words") else [value]
    if f.kind in ("choices", "words") and not isinstance(value, list):
        raise DataFileError(f"{where}: {f.name} must be a list, not {value!r}")
    for item in items:
        if f.kind in ("choice", "choices") and item not in f.choices:
            raise DataFileError(f"{where}: {f.name} {item!r} is not one of {', '.join(f.choices)}")
        if f.kind in ("text", "words") and not isinstance(item, str):
            raise DataFileError(f"{where}: {f.name} {item!r} is not a string")
        if f.kind == "flag" and not isinstance(item, bool):
            raise DataFileError(f"{where}: {f.name} {item!r} is not true or false")
        if f.kind == "rank" and (not isinstance(item, int) or isinstance(item, bool)):
            raise DataFileError(f"{where}: {f.name} {item!r} is not a whole number")
        if f.kind == "pattern" and not (isinstance(item, list) and item and all(isinstance(t, dict) for t in item)):
            raise DataFileError(f"{where}: {f.name} is not a spaCy pattern (a list of token objects)")
