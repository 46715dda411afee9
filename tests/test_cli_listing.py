"""The listing commands in a terminal: one line per event at 80 columns, ids that `compare` and the
pages take, the same filters as the web, and one clear line (exit 1) for what the store does not know.

A real DuckDB store of real articles with events read by hand (tests/surfaces_store.py); no model.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from missive.cli.app import app
from surfaces_store import build_store

NARROW = {"COLUMNS": "80"}
ID = re.compile(r"\b[0-9a-f]{8}\b")
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("cli") / "cli.duckdb")


def run(db: Path, *args: str, env: dict | None = None):
    return runner.invoke(app, [*args, "--db", str(db)], env=env or NARROW)


def event_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ID.search(line)]


def test_every_event_takes_one_line_at_80_columns(db: Path):
    result = run(db, "events")
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    lines = event_lines(result.stdout)
    assert len(lines) == 11 and len({ID.search(line).group(0) for line in lines}) == 11
    assert "2024-06-19" in result.stdout and "PRK·RUS" in result.stdout and "CHN→PRK" in result.stdout


def test_events_limit_5_prints_5_rows(db: Path):
    result = run(db, "events", "--limit", "5")
    assert result.exit_code == 0 and len(event_lines(result.stdout)) == 5
    assert result.stdout.splitlines()[0].startswith("5 of 11 events")


def test_a_wider_terminal_shows_more_columns_on_the_same_lines(db: Path):
    wide = run(db, "events", env={"COLUMNS": "200"})
    assert len(event_lines(wide.stdout)) == 11
    assert "Vladimir Putin → Kim Jong Un" in wide.stdout and "70th anniversary" in wide.stdout
    assert max(len(line) for line in wide.stdout.splitlines()) <= 200


def test_the_ids_listed_are_the_ids_compare_and_the_pages_take(db: Path):
    ids = [ID.search(line).group(0) for line in event_lines(run(db, "timeline", "CHN", "PRK", "--type", "message").stdout)]
    result = run(db, "compare", ids[0], ids[1], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "wording compared" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["timeline", "CHN", "XYZ"], "'XYZ' is not a country code or name Missive knows"),
    (["timeline", "China", "Narnia"], "'Narnia' is not a country code or name"),
    (["timeline", "CHN", "ATA"], "no event involving Antarctica (ATA)"),
    (["timeline", "CHN", "RUS"], "no event between China (CHN) and Russia (RUS)"),
    (["events", "--country", "Atlantis"], "'Atlantis' is not a country code or name"),
    (["stats", "USA"], "no event involving United States (USA)"),
    (["compare", "nope", "nada"], "'nope': no event or report with this id"),
    (["compare", "0000000000000000", "ffff"], "no event or report with this id"),
    (["events", "--type", "letter"], "--type 'letter' is not one of"),
    (["events", "--direction", "up"], "--direction 'up' is not one of"),
    (["events", "--limit", "0"], "--limit 0 is not a positive number"),
    (["timeline", "CHN", "PRK", "--until", "yesterday"], "--until 'yesterday' is not a date"),
])
def test_what_the_store_does_not_know_is_one_line_and_exit_1(db: Path, args: list[str], message: str):
    result = run(db, *args)
    assert result.exit_code == 1 and message in result.output
    assert len([line for line in result.output.splitlines() if line.strip()]) == 1
    assert not event_lines(result.stdout)


def test_a_missing_store_is_named_not_created(tmp_path: Path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "typo.duckdb")], env=NARROW)
    assert result.exit_code == 1 and "no such store" in result.output and not (tmp_path / "typo.duckdb").exists()


def test_names_work_where_codes_do(db: Path):
    by_code = run(db, "timeline", "CHN", "PRK").stdout
    assert run(db, "timeline", "china", "North Korea").stdout == by_code


@pytest.mark.parametrize("args, n", [
    (["timeline", "PRK", "CUB"], 1),
    (["timeline", "PRK", "CUB", "--since", "2020-01-01"], 0),  # the undated envoy leaves a dated query
    (["timeline", "PRK", "CUB", "--since", "2020-01-01", "--include-undated"], 1),
    (["timeline", "CHN", "PRK", "--until", "2019-12-31"], 3),
    (["timeline", "CHN", "PRK", "--until", "2019-12-31", "--limit", "2"], 2),
    (["events", "--country", "PRK", "--until", "2023-12-31"], 6),
    (["events", "--country", "PRK", "--peg", "background"], 2),
    (["events", "--pair", "CHN", "PRK", "--direction", "from"], 2),
    (["events", "--min-sources", "2"], 1),
    (["events", "--outlet", "TASS", "--type", "meeting", "--type", "agreement"], 2),
])
def test_the_listings_take_the_filters_of_the_pages(db: Path, args: list[str], n: int):
    result = run(db, *args)
    assert result.exit_code == 0, result.output
    assert len(event_lines(result.stdout)) == n


def test_jsonl_and_csv_hold_the_listed_events(db: Path):
    rows = [json.loads(line) for line in run(db, "events", "--format", "jsonl", "--type", "message").stdout.splitlines()]
    assert len(rows) == 6 and all(r["type"] == "message" and r["n_sources"] >= 1 for r in rows)
    table = list(csv.DictReader(io.StringIO(run(db, "timeline", "CHN", "PRK", "--format", "csv").stdout)))
    assert [r["event_id"] for r in table][:1] and {r["n_sources"] for r in table} == {"1", "2"}
    reports = [json.loads(line) for line in run(db, "events", "--level", "report", "--format", "jsonl").stdout.splitlines()]
    assert len(reports) == 13


def test_export_takes_limit_and_until_as_the_listings_do(db: Path):
    everything = list(csv.DictReader(io.StringIO(run(db, "export").stdout)))
    first = list(csv.DictReader(io.StringIO(run(db, "export", "--limit", "3").stdout)))
    assert len(everything) == 11 and [r["event_id"] for r in first] == [r["event_id"] for r in everything[:3]]
    until = [json.loads(line) for line in run(db, "export", "--format", "jsonl", "--until", "2019-12-31").stdout.splitlines()]
    assert len(until) == 3 and all(r["date_max"] <= "2019-12-31" for r in until)
    refused = run(db, "export", "--limit", "0")
    assert refused.exit_code == 1 and "--limit 0 is not a positive number" in refused.output


def test_stats_count_every_type_by_year_and_direction(db: Path):
    result = run(db, "stats", "PRK")
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert re.search(r"year\s+agreement\s+meeting\s+message\s+all", result.stdout)
    assert re.search(r"2024\s+1\s+1\s+0\s+2", result.stdout)
    assert "1 with an open window not placed" in result.stdout
    pair = run(db, "stats", "CHN", "PRK").stdout
    assert "PRK→CHN" in pair and "longest silence between messages" in pair


def _stderr_of(args: list[str], tty: bool) -> str:
    """The command's stderr, written to a pseudo-terminal when `tty` (as a user at a terminal sees it)."""
    command = [sys.executable, "-c", "from missive.cli.app import app; app()", *args]
    if not tty:
        return subprocess.run(command, capture_output=True, text=True, timeout=300).stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env={**os.environ, "TERM": "xterm"})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.model
def test_extract_draws_a_progress_bar_on_a_terminal_only(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    args = ["extract", str(tmp_path)]
    drawn = _stderr_of(args, tty=True)
    assert "extracting" in drawn and "0/2" in drawn
    piped = _stderr_of(args, tty=False)
    assert "extracting" not in piped and "empty.txt: skipped (empty)" in piped
