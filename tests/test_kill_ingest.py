"""kill -9 at any moment of an ingest loses no finished article, duplicates nothing on re-run, and
leaves consolidated events equal to a clean run's; a new version of an article replaces the old.

Real processes on real DuckDB files: an ingest is killed with SIGKILL while it writes (the
moments its write-ahead log exists), then run again to the end, and the store is compared with
the store of a run that was never interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.model
MISSIVE = str(Path(sys.executable).parent / "missive")
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "300", "MISSIVE_BATCH_DOCS": "3"}


def _env() -> dict[str, str]:
    return {**ENV, "HOME": str(Path.home())}


def _corpus(folder: Path, examples: Path, copies: int = 3) -> Path:
    """Distinct articles (the bundled ones under different opening lines): several batches' worth."""
    folder.mkdir()
    for n in range(copies):
        for article in sorted(examples.glob("*.txt")):
            text = article.read_text(encoding="utf-8")
            (folder / f"{n}-{article.name}").write_text(f"Digest number {n}.\n\n{text}", encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MISSIVE, "ingest", str(folder), "--db", str(db)], env=_env(), capture_output=True,
                          text=True, timeout=600)


def _state(db: Path) -> dict[str, object]:
    """What a user sees in a store: articles, reports and consolidated events (ids included)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "consolidated" not in tables:  # killed while its schema was being made: nothing stored yet
            return {"documents": [], "events": [], "consolidated": []}
        return {
            "documents": sorted(con.execute("SELECT content_hash, doc_id FROM documents").fetchall()),
            "events": sorted(con.execute("SELECT event_id, content_hash, type, source_country, target_country,"
                                         " date_min, date_max FROM events").fetchall()),
            "consolidated": sorted(json.dumps(json.loads(r[0]), sort_keys=True)
                                   for r in con.execute("SELECT flat FROM consolidated").fetchall()),
        }
    finally:
        con.close()


def _kill_while_writing(folder: Path, db: Path, nth_write: int) -> None:
    """Start an ingest and SIGKILL it during its nth write (seen as its write-ahead log appearing)."""
    wal = Path(f"{db}.wal")
    proc = subprocess.Popen([MISSIVE, "ingest", str(folder), "--db", str(db)], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, was_there, deadline = 0, False, time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        there = wal.exists()
        if there and not was_there:
            seen += 1
            if seen >= nth_write:
                break
        was_there = there
        time.sleep(0.001)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"


def test_an_ingest_killed_while_writing_then_rerun_equals_a_clean_run(tmp_path: Path, examples: Path):
    folder = _corpus(tmp_path / "corpus", examples)
    clean_db = tmp_path / "clean.duckdb"
    run = _ingest(folder, clean_db)
    assert run.returncode == 0, run.stderr
    clean = _state(clean_db)
    assert len(clean["documents"]) == 15 and clean["consolidated"]
    db = tmp_path / "killed.duckdb"
    for nth_write in (1, 4):  # killed in its first write, then the re-run killed in its fourth
        _kill_while_writing(folder, db, nth_write)
        partial = _state(db)
        assert set(partial["documents"]) <= set(clean["documents"])  # what is stored is whole and right
        assert len(partial["documents"]) == len(set(partial["documents"]))
    rerun = _ingest(folder, db)
    assert rerun.returncode == 0, rerun.stderr
    assert _state(db) == clean  # nothing lost, nothing twice, consolidation as if never killed


def test_a_new_version_of_an_article_replaces_the_old_one_and_its_events(tmp_path: Path, examples: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in examples.glob("*.txt"):
        (folder / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert _ingest(folder, db).returncode == 0
    edited = folder / "000_98b24cfb14349093.txt"
    old_text = edited.read_text(encoding="utf-8")
    edited.write_text(old_text.replace("sent a letter to North Korean leader Kim Jong-un",
                                       "sent a letter to Russian President Vladimir Putin"), encoding="utf-8")
    again = _ingest(folder, db)
    assert again.returncode == 0, again.stderr
    assert "1 new articles (1 replacing an earlier version), 4 unchanged" in again.stderr
    assert "the store holds 5 articles (was 5)" in again.stderr
    fresh = tmp_path / "fresh.duckdb"
    assert _ingest(folder, fresh).returncode == 0
    assert _state(db) == _state(fresh)  # as if the old version had never been stored
    con = duckdb.connect(str(db), read_only=True)
    try:
        pairs = {r[0] for r in con.execute("SELECT DISTINCT pair_key FROM events WHERE doc_id = ?",
                                           ["000_98b24cfb14349093"]).fetchall()}
    finally:
        con.close()
    assert "CHN-RUS" in pairs


def test_articles_stored_by_a_run_killed_before_consolidating_are_consolidated_by_the_next(
        tmp_path: Path, examples: Path, extractor):
    """The exact moment a kill can leave behind: every article committed, its consolidation not.
    The next ingest finds nothing new to process and must still bring consolidation up to date."""
    from missive.pipeline import process, read_budgeted
    from missive.store.database import Store

    clean = tmp_path / "clean.duckdb"
    assert _ingest(examples, clean).returncode == 0
    db = tmp_path / "interrupted.duckdb"
    with Store.open(db) as store:
        for doc, explained in process(read_budgeted([examples]), extractor):
            store.save_document(doc, explained.events, explained.report_day, explained.conflicts,
                                consolidate=False)  # ... and the process dies here
    assert _state(db)["consolidated"] == [] and _state(db)["events"] == _state(clean)["events"]
    rerun = _ingest(examples, db)
    assert rerun.returncode == 0 and "5 unchanged" in rerun.stderr
    assert _state(db) == _state(clean)
