"""What the commands print for programs: CSV cells a spreadsheet reads, JSON lines that round-trip."""

from __future__ import annotations

import csv
import io
import json

import pytest

from missive.cli.output import FLAT_COLUMNS, write_rows
from missive.export.writers import csv_cell

ROW = {"doc": "a", "event_id": "e1", "type": "message", "participants": ["CHN", "PRK"], "reported_by": [],
       "evidence_spans": [[0, 10], [20, 30]], "date_min": None, "background": False, "confidence": 0.9,
       "evidence": 'He said, "fine; thanks"'}


@pytest.mark.parametrize("value, cell", [
    (["CHN", "PRK"], "CHN;PRK"),
    ([], ""),
    ([[0, 10], [20, 30]], "[[0, 10], [20, 30]]"),
    ({"kind": "dates"}, '{"kind": "dates"}'),
    (None, ""),
    (0.5, 0.5),
])
def test_csv_cells_join_names_and_keep_structure_as_json(value, cell):
    assert csv_cell(value) == cell


def test_csv_rows_with_nested_lists_are_written_whole():
    dest = io.StringIO()
    write_rows([ROW, ROW], "csv", dest)
    table = list(csv.DictReader(io.StringIO(dest.getvalue())))
    assert len(table) == 2 and list(table[0]) == FLAT_COLUMNS
    assert table[0]["participants"] == "CHN;PRK" and table[0]["evidence"] == ROW["evidence"]


def test_json_lines_keep_every_key():
    dest = io.StringIO()
    write_rows([ROW], "jsonl", dest)
    assert json.loads(dest.getvalue()) == ROW
