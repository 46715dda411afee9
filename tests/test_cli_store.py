"""The user's path: articles in through the CLI, a real DuckDB file, events back out."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from missive.cli.app import app
from missive.store.database import Store

pytestmark = pytest.mark.model
runner = CliRunner(env={"COLUMNS": "220"})


def _counts(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        return store.counts()


def test_ingesting_twice_adds_nothing(tmp_path: Path, examples: Path):
    db = tmp_path / "m.duckdb"
    first = runner.invoke(app, ["ingest", str(examples), "--db", str(db)])
    assert first.exit_code == 0, first.output
    before = _counts(db)
    assert before["documents"] == 5 and before["events"] > 0
    second = runner.invoke(app, ["ingest", str(examples), "--db", str(db)])
    assert second.exit_code == 0
    assert _counts(db) == before
    assert "5 unchanged" in second.output


def test_a_batch_with_a_broken_file_stores_the_others(tmp_path: Path, examples: Path):
    batch = tmp_path / "batch"
    shutil.copytree(examples, batch)
    (batch / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    (batch / "latin.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    db = tmp_path / "m.duckdb"
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 0
    assert "broken.txt: skipped (binary)" in result.output
    assert "latin.txt: skipped (not_utf8)" in result.output
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 5
        assert {s["reason"] for s in store.skips()} == {"binary", "not_utf8"}


def test_nothing_processable_exits_non_zero(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                                 "--db", str(tmp_path / "m.duckdb")])
    assert result.exit_code == 1
    assert "empty.txt: skipped (empty)" in result.output
    assert "missing.txt: skipped (missing)" in result.output


def test_events_lists_a_pair_newest_first_in_every_format(tmp_path: Path, examples: Path):
    db = tmp_path / "m.duckdb"
    runner.invoke(app, ["ingest", str(examples), "--db", str(db)])
    result = runner.invoke(app, ["events", "--db", str(db), "--pair", "PRK", "CHN", "--type", "message",
                                 "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and all({r["source_country"], r["target_country"]} == {"CHN", "PRK"} for r in rows)
    ends = [r["date_max"] or r["date_min"] for r in rows if r["date_max"] or r["date_min"]]
    assert ends == sorted(ends, reverse=True)
    csv_out = runner.invoke(app, ["events", "--level", "report", "--db", str(db), "--format", "csv"])
    assert csv_out.exit_code == 0, csv_out.output
    table = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert len(table) == _counts(db)["events"] and table[0]["event_id"]
    assert any(";" in r["reported_by"] or r["reported_by"] for r in table)
    recent = runner.invoke(app, ["events", "--db", str(db), "--since", "2024-01-01", "--format", "jsonl"])
    docs = {json.loads(line)["doc"] for line in recent.stdout.splitlines() if line.strip()}
    assert docs == {"004_695de1ab44532986"}
    printed = runner.invoke(app, ["events", "--db", str(db), "--type", "message"])
    assert "Xi Jinping" in printed.stdout and "events" in printed.stdout


def test_bad_dates_and_formats_give_one_line(tmp_path: Path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "m.duckdb"), "--since", "last tuesday"])
    assert result.exit_code == 1
    assert "--since 'last tuesday' is not a date" in result.output


def test_extract_writes_lines_the_scorer_reads(tmp_path: Path, devset: Path):
    out = tmp_path / "ev.jsonl"
    result = runner.invoke(app, ["extract", str(devset / "docs"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and {"doc", "type", "source_country", "target_country", "date_min", "date_max"} <= set(rows[0])
    as_csv = tmp_path / "ev.csv"
    assert runner.invoke(app, ["extract", str(devset / "docs"), "-o", str(as_csv), "--format", "csv"]).exit_code == 0
    table = list(csv.DictReader(as_csv.open(encoding="utf-8", newline="")))
    assert [r["event_id"] for r in table] == [r["event_id"] for r in rows]
    score = subprocess.run([sys.executable, str(devset.parent / "eval" / "score.py"), "--gold",
                            str(devset / "gold.jsonl"), "--pred", str(out), "--json"],
                           capture_output=True, text=True, check=True)
    assert json.loads(score.stdout)["matched"] > 0


def test_demo_prints_the_bundled_letters(tmp_path: Path):
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    assert "Xi Jinping" in result.stdout and "Kim Jong Un" in result.stdout


def test_forcing_a_reingest_replaces_events_without_duplicating(tmp_path: Path, examples: Path):
    db = tmp_path / "m.duckdb"
    runner.invoke(app, ["ingest", str(examples), "--db", str(db)])
    before = _counts(db)
    forced = runner.invoke(app, ["ingest", str(examples), "--db", str(db), "--force"])
    assert forced.exit_code == 0 and "5 re-extracted" in forced.output
    assert _counts(db) == before


PAGE = """<!DOCTYPE html><html><head><title>Putin sends birthday greetings to Kim - World News</title>
<meta property="article:published_time" content="2024-01-09T08:00:00Z">
<meta property="og:site_name" content="World News"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Putin sends birthday greetings to Kim</h1>
<p>MOSCOW, Jan. 9 (Reuters) - Russian President Vladimir Putin sent a birthday greeting card to North Korean
leader Kim Jong Un on Monday, the Kremlin said, as the two countries deepen military cooperation.</p>
<p>Putin wished Kim good health and success, according to a statement published by the Kremlin on Tuesday.</p>
<p>The two leaders met in Russia's Far East in September and pledged closer ties.</p>
</article><footer>Share this article. Subscribe to our newsletter. (c) World News</footer>
<script>window.__tracking = 1;</script></body></html>"""


def test_an_html_page_gives_events_dated_by_its_metadata(tmp_path: Path):
    page = tmp_path / "putin-kim.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "ev.jsonl"
    result = runner.invoke(app, ["extract", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    greeting = [r for r in rows if r["type"] == "message"]
    assert greeting and greeting[0]["source_country"] == "RUS" and greeting[0]["target_country"] == "PRK"
    assert greeting[0]["date_min"] == greeting[0]["date_max"] == "2024-01-08"
    assert greeting[0]["doc"] == "putin-kim"
