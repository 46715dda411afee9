"""The user's store is safe: never created by a typo, upgraded in place, one writer at a time."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from missive.cli.app import app
from missive.errors import StoreBusy, StoreMissing
from missive.store.database import Sessions, Store
from missive.store.migrations import MIGRATIONS

runner = CliRunner(env={"COLUMNS": "220"})
FIXTURES = Path(__file__).parent / "fixtures"


def older_store(tmp_path: Path) -> Path:
    """A store written by Missive at commit 2e830dd (schema 2) from the five bundled articles."""
    path = tmp_path / "old.duckdb"
    path.write_bytes(gzip.decompress((FIXTURES / "store_2e830dd.duckdb.gz").read_bytes()))
    return path


def _snapshot(path: Path) -> dict[str, object]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "documents": sorted(con.execute("SELECT content_hash, doc_id, original FROM documents").fetchall()),
            "events": sorted(con.execute("SELECT event_id, type, source_country, target_country, date_min, date_max"
                                         " FROM events").fetchall()),
            "consolidated": sorted(json.dumps(json.loads(r[0]), sort_keys=True) for r in
                                   con.execute("SELECT flat FROM consolidated").fetchall()),
        }
    finally:
        con.close()


@pytest.mark.parametrize("command", [["events"], ["timeline", "CHN", "PRK"], ["stats", "CHN", "PRK"], ["export"],
                                     ["compare", "a", "b"]])
def test_a_mistyped_store_is_not_created_by_a_read_command(tmp_path: Path, command: list[str]):
    typo = tmp_path / "misive.duckdb"
    result = runner.invoke(app, [*command, "--db", str(typo)])
    assert result.exit_code == 1
    assert f"{typo}: no such store" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not typo.exists()


def test_serve_refuses_a_store_that_does_not_exist(tmp_path: Path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "nothing.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output


def test_a_store_of_the_previous_version_is_upgraded_in_place(tmp_path: Path):
    path = older_store(tmp_path)
    before = _snapshot(path)
    assert before["documents"] and before["consolidated"]
    with Store.open(path) as store:
        recorded = store.con.execute("SELECT version, name FROM schema_migrations ORDER BY 1").fetchall()
        keys = store.con.execute("SELECT count(*) FROM documents WHERE source_key IS NOT NULL").fetchone()[0]
    assert recorded == [(m.version, m.name) for m in MIGRATIONS]  # the versions it had are named too
    assert len(recorded) > 2 and keys == len(before["documents"])  # upgraded: the new column filled for all
    after = _snapshot(path)
    assert (after["documents"], after["events"]) == (before["documents"], before["events"])  # nothing lost
    # consolidation is redone with this version's rules (the old store fused 004's recall of the envoy
    # to Cuba with the later appointment: now two events); every event id of the old store still opens
    # an event holding its reports (or part of them, when it was split), and no report is lost
    with Store.open(path, read_only=True) as store:
        events = {e["event_id"]: {r["event_id"] for r in e["reports"]} for e in store.consolidated()}
        for old in (json.loads(flat) for flat in before["consolidated"]):
            live, _ = store.resolve_event_id(old["event_id"])
            held = {r["event_id"] for r in old["reports"]}
            assert live in events and held & events[live]
            assert held <= set().union(*events.values())


def test_a_migration_that_fails_leaves_the_store_as_it_was_before_it(tmp_path: Path, monkeypatch):
    """Each migration is one transaction with its record: one that fails halfway (here a later
    schema change whose second statement fails) leaves none of its changes, the migrations before
    it stay applied, and the store opens again once Missive's migrations are whole."""
    import missive.store.database as database
    from missive.store.migrations import Migration

    path = older_store(tmp_path)
    before = _snapshot(path)
    broken = Migration(MIGRATIONS[-1].version + 1, "a change that fails halfway",
                       "ALTER TABLE documents ADD COLUMN half_done INTEGER; UPDATE documents SET half_done = 1;"
                       " SELECT error('the disk filled up');")
    monkeypatch.setattr(database, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(duckdb.Error, match="the disk filled up"):
        Store.open(path)
    monkeypatch.undo()
    con = duckdb.connect(str(path), read_only=True)
    try:
        columns = [d[0] for d in con.execute("SELECT * FROM documents LIMIT 0").description]
        recorded = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    finally:
        con.close()
    assert "half_done" not in columns and "source_key" in columns  # the failed one undone, the others kept
    assert recorded == [m.version for m in MIGRATIONS]
    assert _snapshot(path) == before
    with Store.open(path) as store:
        assert not store.schema_behind()


def test_read_commands_upgrade_an_older_store_and_answer(tmp_path: Path):
    path = older_store(tmp_path)
    result = runner.invoke(app, ["events", "--level", "report", "--db", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == len(_snapshot(path)["events"])
    with Store.open(path, read_only=True) as store:
        assert not store.schema_behind()


def test_a_store_from_a_newer_missive_is_refused_untouched(tmp_path: Path):
    path = older_store(tmp_path)
    with Store.open(path) as store:
        store.con.execute("INSERT INTO schema_migrations (version) VALUES (999)")
    before = path.read_bytes()
    with pytest.raises(Exception, match="newer Missive"):
        Store.open(path)
    assert path.read_bytes() == before


def test_read_only_open_of_a_missing_store_raises_store_missing(tmp_path: Path):
    with pytest.raises(StoreMissing):
        Store.open(tmp_path / "gone.duckdb", read_only=True)


def test_a_second_ingest_into_one_store_fails_with_one_clear_line(tmp_path: Path, examples: Path):
    path = older_store(tmp_path)
    before = _snapshot(path)
    with Sessions(path).exclusive():  # the first ingest holds the store
        result = runner.invoke(app, ["ingest", str(examples), "--db", str(path)])
    assert result.exit_code == 1
    assert "another `missive ingest`" in result.output and "wait for it to finish" in result.output
    assert _snapshot(path) == before


def test_a_reader_waits_for_a_writer_then_says_the_store_is_busy(tmp_path: Path):
    path = older_store(tmp_path)
    import subprocess
    import sys

    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"c = duckdb.connect({str(path)!r}); print('held', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy, match="try again when it is done"):
            Store.open(path, read_only=True, wait=0.3)
    finally:
        holder.kill()
        holder.wait()
    with Store.open(path, read_only=True, wait=5) as store:  # released: readers get in again
        assert store.counts()["documents"] == 5


@pytest.mark.model
def test_demo_twice_beside_an_existing_store_leaves_it_unchanged(tmp_path: Path):
    import hashlib
    import subprocess
    import sys

    store = older_store(tmp_path)
    users = tmp_path / "missive.duckdb"
    store.rename(users)
    digest = hashlib.sha256(users.read_bytes()).hexdigest()
    missive = str(Path(sys.executable).parent / "missive")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "MISSIVE_DB": str(users), "COLUMNS": "200"}
    for _ in range(2):
        run = subprocess.run([missive, "demo"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        assert "Xi Jinping" in run.stdout
    refused = subprocess.run([missive, "demo", "--db", str(users)], cwd=tmp_path, env=env, capture_output=True,
                             text=True, timeout=600)
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert hashlib.sha256(users.read_bytes()).hexdigest() == digest  # the user's store: not a byte changed
    with Store.open(tmp_path / "missive-demo.duckdb", read_only=True) as demo:
        assert demo.counts()["documents"] == 5  # the demo's own store, ingested twice: nothing doubled



def test_a_growing_store_is_rewritten_a_bounded_number_of_rows_at_a_time(tmp_path: Path):
    """Each write session appends row groups and its closing checkpoint merges small neighbours in
    memory: row groups of documents (both texts of every article) must stay bounded, or the writer's
    memory grows with the store (issue 14: 356 MB after 2,000 articles, 482 MB after 9,000)."""
    from missive.store.database import WRITER_ROW_GROUP_ROWS

    path = tmp_path / "big.duckdb"
    per_session = WRITER_ROW_GROUP_ROWS // 2 + 100  # two sessions' rows fit one default row group, not ours
    for session in range(2):
        with Store.open(path) as store:
            store.con.execute("INSERT INTO documents (content_hash, doc_id, original, cleaned) SELECT ? || i, ? || i,"
                              " repeat('The embassy opened its doors to visitors. ', 40) || i, 'cleaned ' || i"
                              " FROM range(?) r(i)", [f"h{session}-", f"d{session}-", per_session])
    con = duckdb.connect(str(path), read_only=True)
    try:
        groups = con.execute("SELECT row_group_id, max(count) FROM pragma_storage_info('documents')"
                             " WHERE column_name = 'original' GROUP BY ALL").fetchall()
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2 * per_session
    finally:
        con.close()
    assert len(groups) >= 2 and max(n for _, n in groups) <= WRITER_ROW_GROUP_ROWS
