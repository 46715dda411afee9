"""One event, many reports, through the store and the CLI: timeline, stats and compare on a real DuckDB file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from missive.cli.app import app
from missive.pipeline import read_documents
from missive.model import Actor, DateWindow, Document, Event, Span
from missive.store.database import Store

REPORTS = Path(__file__).parent / "fixtures" / "reports"
KIM, XI = Actor("Kim Jong Un", "PRK"), Actor("Xi Jinping", "CHN")
PRC70 = "70th anniversary of the founding of the People's Republic of China"
runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # rich folds tables to the terminal; a wide one keeps cells on one line

# What a careful reader records from each fixture article: (sender, recipient, window, medium, occasion, evidence)
READINGS = {
    "kcna_prc70": [(KIM, XI, "2019-10-01", "2019-10-01", "message", PRC70,
                               "on Tuesday sent a message of greeting to Xi Jinping")],
    "yonhap_prc70": [(KIM, XI, "2019-10-01", "2019-10-01", "message", PRC70,
                                 "sent a congratulatory message to Chinese President Xi Jinping")],
    "herald_prc70_copy": [(KIM, XI, "2019-10-01", "2019-10-01", "message", PRC70,
                                      "sent a congratulatory message to Chinese President Xi Jinping")],
    "reuters_prc70": [(KIM, XI, "2019-09-30", "2019-10-06", "message", "70th anniversary of the founding",
                                  "Kim made the remarks in a message to Xi last week")],
    "kcna_ties70": [
        (KIM, XI, "2019-10-06", "2019-10-06", "message", "70th anniversary of diplomatic relations",
         "on Sunday sent a message to Xi Jinping"),
        (XI, KIM, "2019-10-06", "2019-10-06", "reply", "70th anniversary of diplomatic relations",
         "Xi Jinping on the same day sent a reply message to Kim Jong Un")],
}


def read(doc: Document, reading: tuple) -> Event:
    source, target, start, end, medium, occasion, phrase = reading
    at = doc.original.index(phrase)
    return Event(doc_id=doc.doc_id, type="message", source=source, target=target,
                 when=DateWindow(date.fromisoformat(start), date.fromisoformat(end),
                                 "day" if start == end else "range", "read by hand"),
                 medium=medium, occasion=occasion, reported_by=("KCNA",),
                 evidence=(Span(doc.doc_id, at, at + len(phrase), phrase),))


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {d.doc_id: d for d in read_documents([REPORTS]) if isinstance(d, Document)}


def fill(db: Path, documents: dict[str, Document], order: list[str]) -> Path:
    with Store.open(db) as store:
        for doc_id in order:
            doc = documents[doc_id]
            store.save_document(doc, [read(doc, r) for r in READINGS[doc_id]])
    return db


@pytest.fixture()
def filled(tmp_path: Path, documents) -> Path:
    return fill(tmp_path / "m.duckdb", documents, sorted(READINGS))


def timeline(db: Path) -> list[dict]:
    with Store.open(db, read_only=True) as store:
        return store.timeline("CHN", "PRK")


@pytest.mark.parametrize("order", [
    sorted(READINGS), sorted(READINGS, reverse=True),
    ["reuters_prc70", "kcna_ties70", "herald_prc70_copy",
     "kcna_prc70", "yonhap_prc70"],
])
def test_ingest_order_does_not_change_the_timeline(tmp_path: Path, documents, filled: Path, order):
    assert timeline(fill(tmp_path / "other.duckdb", documents, order)) == timeline(filled)


def test_four_reports_of_one_greeting_are_one_timeline_entry_with_three_sources(filled: Path):
    rows = timeline(filled)
    assert [(r["date_min"], r["source_country"], r["medium"], len(r["docs"]), r["n_sources"]) for r in rows] == [
        ("2019-10-01", "PRK", "message", 4, 3), ("2019-10-06", "PRK", "message", 1, 1),
        ("2019-10-06", "CHN", "reply", 1, 1)]
    greeting = rows[0]
    assert greeting["date_max"] == "2019-10-01"  # Reuters' "last week" is narrowed by the others
    assert {r["evidence"][0]["text"] for r in greeting["reports"]} >= {"Kim made the remarks in a message to Xi last week"}


def test_replacing_an_article_updates_its_pair(filled: Path, documents):
    copy = documents["herald_prc70_copy"]
    with Store.open(filled) as store:
        store.save_document(copy, [])
        [greeting] = [r for r in store.timeline("CHN", "PRK") if r["date_min"] == "2019-10-01"]
        assert copy.doc_id not in greeting["docs"] and greeting["n_sources"] == 3
        assert store.counts()["documents"] == 5


def test_a_version_1_store_gets_its_consolidation_on_upgrade(filled: Path):
    before = timeline(filled)
    con = duckdb.connect(str(filled))
    con.execute("DROP TABLE consolidated; DROP TABLE doc_minhash; ALTER TABLE events DROP COLUMN pair_key;"
                " ALTER TABLE events DROP COLUMN quotes; DELETE FROM schema_migrations WHERE version = 2")
    con.close()
    with Store.open(filled):
        pass
    assert timeline(filled) == before


def test_timeline_command_prints_every_format(filled: Path):
    table = runner.invoke(app, ["timeline", "chn", "prk", "--db", str(filled)], env=WIDE)
    assert table.exit_code == 0, table.output
    assert "3 interactions from 6 article reports" in table.stdout and "2019-10-01" in table.stdout
    assert [line.split()[4] for line in table.stdout.splitlines() if line.startswith("2019-")] == ["3", "1", "1"]
    lines = runner.invoke(app, ["timeline", "CHN", "PRK", "--db", str(filled), "--format", "jsonl"]).stdout
    rows = [json.loads(line) for line in lines.splitlines()]
    assert {"event_id", "docs", "n_sources", "type", "source_country", "date_min", "date_max"} <= set(rows[0])
    assert [r["n_sources"] for r in rows] == [3, 1, 1]
    csv_out = runner.invoke(app, ["timeline", "CHN", "PRK", "--db", str(filled), "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("doc,event_id,type") and "n_sources" in csv_out.splitlines()[0]
    later = runner.invoke(app, ["timeline", "CHN", "PRK", "--db", str(filled), "--since", "2019-10-02",
                                "--format", "jsonl"]).stdout
    assert len(later.splitlines()) == 2


@pytest.mark.parametrize("args,message", [
    (["timeline", "CHN", "PRK", "--format", "xml"], "--format 'xml' is not one of"),
    (["timeline", "CHN", "PRK", "--since", "last week"], "--since 'last week' is not a date"),
    (["compare", "nope", "nada"], "'nope': no event or report with this id"),
])
def test_analysis_commands_fail_in_one_line(filled: Path, args, message):
    result = runner.invoke(app, args + ["--db", str(filled)])
    assert result.exit_code == 1 and message in result.output


def test_stats_counts_each_greeting_once_and_finds_the_reply(filled: Path):
    result = runner.invoke(app, ["stats", "CHN", "PRK", "--db", str(filled)], env=WIDE)
    assert result.exit_code == 0, result.output
    with Store.open(filled, read_only=True) as store:
        stats = store.pair_stats("CHN", "PRK")
    assert stats.per_year == ((2019, 1, 2),)
    assert [(g.from_day, g.to_day, g.days) for g in stats.reply_lags] == [(date(2019, 10, 6), date(2019, 10, 6), 0)]
    assert "longest silence between messages: 5 days" in result.stdout


def test_compare_sets_two_messages_side_by_side(filled: Path):
    rows = timeline(filled)
    greeting, ties = rows[0]["event_id"], rows[1]["event_id"]
    with Store.open(filled, read_only=True) as store:
        result = store.compare(greeting, ties)
    assert any("higher stage" in q for q in result.left.quotes)
    assert "shared weal" in result.only_right and "higher stage" in result.only_left
    shown = runner.invoke(app, ["compare", greeting, ties, "--db", str(filled)], env=WIDE)
    assert shown.exit_code == 0 and "only here" in shown.stdout


@pytest.mark.model
def test_the_extractor_s_reports_of_one_greeting_consolidate_in_any_order(tmp_path: Path, extractor):
    from missive.pipeline import ingest

    paths = sorted(REPORTS.glob("*.txt"))
    results = []
    for name, order in (("forward", paths), ("backward", paths[::-1])):
        with Store.open(tmp_path / f"{name}.duckdb") as store:
            for path in order:
                ingest([path], store, extractor)
            results.append(store.timeline("CHN", "PRK"))
    assert results[0] == results[1]
    greetings = [r for r in results[0] if r["type"] == "message" and r["source_country"] == "PRK"
                 and any("prc70" in d for d in r["docs"])]
    assert max(len(r["docs"]) for r in greetings) >= 3
