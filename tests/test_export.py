"""Exports other event data can join: typed rows with sources, evidence and CAMEO/PLOVER codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from missive.cli.app import app
from missive.errors import DataFileError
from missive.export.codes import CodeTable
from missive.export.rows import EVENT_COLUMNS, REPORT_COLUMNS
from missive.extraction.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
CAMEO2PLOVER = ROOT.parent / "shared" / "peer" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
if not CAMEO2PLOVER.exists():
    CAMEO2PLOVER = Path("/work/shared/peer/plover-gsr/CAMEO2PLOVER-2021.txt")
runner = CliRunner(env={"COLUMNS": "220"})


@pytest.mark.parametrize("type_, medium, evidence, cameo, plover, mode", [
    ("call", "call", "Macron spoke by phone with Lula.", "041", "CONSULT", "phone"),
    ("call", "video_call", "The two leaders held a video call.", "041", "CONSULT", "phone"),
    ("meeting", "", "Modi visited Japan and held talks with Kishida.", "042", "CONSULT", "visit"),
    ("meeting", "", "Erdogan hosted the Iraqi prime minister in Ankara.", "042", "CONSULT", "visit"),
    ("meeting", "", "The foreign ministers met in Geneva.", "040", "CONSULT", ""),
    ("agreement", "", "Kazakhstan and Uzbekistan signed an agreement.", "057", "SUPPORT", ""),
    ("relations", "sever", "Niger severed diplomatic relations with Ukraine.", "161", "SANCTION", "withdraw"),
    ("relations", "expel_envoy", "Mali expelled the French ambassador.", "161", "SANCTION", "expel"),
    ("relations", "restore", "Iran and Saudi Arabia restored ties.", "050", "SUPPORT", ""),
    ("message", "letter", "Kim sent a letter to Putin.", "040", "", ""),
    ("message", "message", "Xi sent a message to congratulate Sheinbaum.", "051", "", ""),
    ("message", "letter", "In his letter, Xi extended warm congratulations.", "051", "", ""),
    ("message", "message", "Sharif sent a message of condolence to Tehran.", "018", "", ""),
    ("message", "greeting", "Putin sent New Year greetings to Kim.", "017", "", ""),
    ("message", "reply", "Xi replied to Kim's congratulatory message.", "040", "", ""),
])
def test_each_type_maps_to_its_cameo_code_and_plover_type(type_, medium, evidence, cameo, plover, mode):
    codes = CodeTable.load().codes_for(type_, medium, evidence)
    assert (codes.cameo, codes.plover_type, codes.plover_mode) == (cameo, plover, mode)
    assert codes.note


def test_every_kind_of_event_the_triggers_produce_has_a_cameo_code():
    table = CodeTable.load()
    produced = {(t.type, t.medium) for t in load_lexicon().triggers.values()}
    not_events = {("relations", "summon_envoy")}  # summoning an envoy is not a relations event (devset conventions)
    uncoded = sorted(kind for kind in produced - not_events if not table.codes_for(*kind).cameo)
    assert not uncoded, f"no CAMEO code for {uncoded}"


def test_messages_say_why_plover_has_no_type_for_them():
    for medium in ("letter", "message", "greeting", "cable", "verbal_message", "reply"):
        codes = CodeTable.load().codes_for("message", medium, "")
        assert codes.plover_type == "" and "PLOVER codes no messages" in codes.note


@pytest.mark.skipif(not CAMEO2PLOVER.exists(), reason="the peer PLOVER data is not on this machine")
def test_plover_types_agree_with_the_cameo2plover_table():
    official = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if found:
            official[found[1]] = found[2]
    for row in CodeTable.load().rows:
        if row.codes.plover_type:
            assert official[row.codes.cameo] == row.codes.plover_type, row


def test_a_users_row_wins_over_the_shipped_one_of_the_same_events(tmp_path: Path):
    (tmp_path / "event_codes.csv").write_text(
        "type,medium,cue,cameo,cameo_name,plover_type,plover_mode,note\n"
        "meeting,,,044,Meet at a third location,CONSULT,third-party,our own reading\n", encoding="utf-8")
    codes = CodeTable.load(tmp_path).codes_for("meeting", "", "met")
    assert (codes.cameo, codes.plover_mode, codes.note) == ("044", "third-party", "our own reading")
    assert CodeTable.load(tmp_path).codes_for("meeting", "", "visited").cameo == "042"
    assert CodeTable.load(tmp_path).codes_for("call", "call").cameo == "041"


def test_a_misspelt_plover_type_fails_naming_the_line(tmp_path: Path):
    (tmp_path / "event_codes.csv").write_text(
        "type,medium,cue,cameo,cameo_name,plover_type,plover_mode,note\n"
        "meeting,,,040,Consult,CONSLUT,,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"event_codes\.csv:2: plover_type 'CONSLUT'"):
        CodeTable.load(tmp_path)


def test_every_export_column_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted({c.name for c in EVENT_COLUMNS + REPORT_COLUMNS if f"`{c.name}`" not in readme})
    assert not missing, f"export columns missing from README: {missing}"


ARTICLES = [
    ("w1", "https://wire.example/2024/08/30/modi-japan", "Example Wire",
     "August 30, 2024\n\nTOKYO (Example Wire) - Indian Prime Minister Narendra Modi visited Japan on Friday and held "
     "talks with Japanese Prime Minister Fumio Kishida on trade and security, officials said."),
    ("w2", "https://other.example/modi-kishida", "Other Daily",
     "August 30, 2024\n\nIndian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo on "
     "Friday during a visit focused on trade, the Indian foreign ministry said."),
    ("w3", "https://wire.example/2024/08/06/niger-ukraine", None,
     "August 6, 2024\n\nNIAMEY (Example Wire) - Niger severed diplomatic relations with Ukraine on Tuesday, the "
     "military government said in a statement read on state television."),
    ("w4", "https://wire.example/2024/07/02/water", None,
     "July 2, 2024\n\nKazakhstan and Uzbekistan signed an agreement on sharing water from the Syr Darya in Tashkent "
     "on Monday, the two foreign ministries said."),
    ("w5", "https://wire.example/2024/07/09/call", None,
     "July 9, 2024\n\nFrench President Emmanuel Macron spoke by phone with Brazilian President Luiz Inacio Lula da "
     "Silva on Monday about climate finance, the Elysee said."),
    ("w6", "https://wire.example/2024/06/05/congrats", None,
     "June 5, 2024\n\nChinese President Xi Jinping sent a message to Mexican President-elect Claudia Sheinbaum on "
     "Tuesday to congratulate her on her election victory, state media reported."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    corpus = folder / "wire.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "url": u, "outlet": o, "text": t}) + "\n"
                              for i, u, o, t in ARTICLES), encoding="utf-8")
    db = folder / "m.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.model
def test_a_parquet_export_reads_back_in_duckdb_with_codes_for_every_covered_type(store: Path, tmp_path: Path):
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = duckdb.sql(f"SELECT type, medium, source_country, target_country, date_min, date_precision, n_sources,"
                      f" outlets, urls, cameo_code, plover_type, plover_mode FROM '{out}' ORDER BY date_min").fetchall()
    by_type = {(r[0], r[1]): r for r in rows}
    assert set(by_type) == {("message", "message"), ("agreement", ""), ("call", "call"), ("relations", "sever"),
                            ("meeting", "")}
    assert [(r[9], r[10], r[11]) for r in rows] == [("051", "", ""), ("057", "SUPPORT", ""), ("041", "CONSULT", "phone"),
                                                    ("161", "SANCTION", "withdraw"), ("042", "CONSULT", "visit")]
    visit = by_type[("meeting", "")]
    assert visit[2:4] == ("IND", "JPN") and str(visit[4]) == "2024-08-30" and visit[5] == "day"
    assert visit[6] == 2 and visit[7] == ["Example Wire", "Other Daily"]
    assert visit[8] == ["https://wire.example/2024/08/30/modi-japan", "https://other.example/modi-kishida"]
    types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out}')").fetchall())
    assert (types["date_min"], types["n_sources"], types["urls"], types["background"]) == (
        "DATE", "BIGINT", "VARCHAR[]", "BOOLEAN")


@pytest.mark.model
def test_csv_and_json_exports_hold_the_same_rows_and_filters_apply(store: Path):
    as_csv = runner.invoke(app, ["export", "--db", str(store)])
    as_json = runner.invoke(app, ["export", "--db", str(store), "--format", "jsonl"])
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    lines = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [r["event_id"] for r in table] == [r["event_id"] for r in lines] and len(table) == 5
    assert list(table[0]) == [c.name for c in EVENT_COLUMNS]
    calls = runner.invoke(app, ["export", "--db", str(store), "--format", "jsonl", "--pair", "bra", "fra",
                                "--type", "call", "--since", "2024-07-01", "--until", "2024-07-31"])
    assert [json.loads(line)["cameo_code"] for line in calls.stdout.splitlines()] == ["041"]


@pytest.mark.model
def test_a_report_export_names_each_article_and_its_consolidated_event(store: Path):
    reports = runner.invoke(app, ["export", "--db", str(store), "--format", "jsonl", "--level", "report"])
    events = runner.invoke(app, ["export", "--db", str(store), "--format", "jsonl"])
    rows = [json.loads(line) for line in reports.stdout.splitlines()]
    assert len(rows) == 6 and {r["consolidated_id"] for r in rows} == {
        json.loads(line)["event_id"] for line in events.stdout.splitlines()}
    visit = [r for r in rows if r["type"] == "meeting"]
    assert {(r["doc"], r["url"], r["outlet"]) for r in visit} == {
        ("w1", "https://wire.example/2024/08/30/modi-japan", "Example Wire"),
        ("w2", "https://other.example/modi-kishida", "Other Daily")}
    assert all(r["evidence_spans"] and r["cameo_code"] == "042" for r in visit)


def test_bad_export_options_give_one_line(tmp_path: Path):
    parquet = runner.invoke(app, ["export", "--db", str(tmp_path / "m.duckdb"), "--format", "parquet"])
    assert parquet.exit_code == 1 and "name it with -o FILE" in parquet.output
    level = runner.invoke(app, ["export", "--db", str(tmp_path / "m.duckdb"), "--level", "pair"])
    assert level.exit_code == 1 and "--level 'pair' is not one of event, report" in level.output
